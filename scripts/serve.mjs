#!/usr/bin/env node
// A small static server for the app and its host pages: the right MIME types (wasm as
// application/wasm), compression as a real host would (brotli or gzip, cached), no caching so a
// rebuild shows at once, and only the project's public folders. Usage: node scripts/serve.mjs [port]

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { COMPRESSIBLE, TYPES } from './mime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

// Only these may be served: the page, host pages and styles, the built app, the content files.
const PUBLIC = ['index.html', 'www/', 'pkg/', 'content/'];

// Headers particular to one file: the strict-CSP demo page is served with the policy a cautious
// council would set, so the tests show the widget runs under it.
const PAGE_HEADERS = {
  'www/demo/csp.html': {
    'Content-Security-Policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'",
  },
};


const compressed = new Map();

function encodeFor(request, file, body, ext) {
  if (!COMPRESSIBLE.has(ext)) return [body, null];
  const accept = String(request.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!encoding) return [body, null];
  const stat = fs.statSync(file);
  const key = `${file}:${stat.mtimeMs}:${encoding}`;
  if (!compressed.has(key)) {
    const packed = encoding === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(body, { level: 9 });
    compressed.set(key, packed);
  }
  return [compressed.get(key), encoding];
}

const server = http.createServer((request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  } catch {
    response.writeHead(400).end('Bad request');
    return;
  }
  let relative = path.posix.normalize(pathname).replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  const allowed = PUBLIC.some((prefix) => prefix.endsWith('/') ? relative.startsWith(prefix) : relative === prefix);
  const file = path.join(root, relative);
  if (!allowed || relative.includes('..') || !file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const ext = path.extname(file);
  const [body, encoding] = encodeFor(request, file, fs.readFileSync(file), ext);
  const headers = {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Vary': 'Accept-Encoding',
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  Object.assign(headers, PAGE_HEADERS[relative]);
  response.writeHead(200, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
});

server.listen(port, host, () => {
  const shown = host === '127.0.0.1' ? 'localhost' : host;
  console.log(`Serving the readiness self-assessment at http://${shown}:${port}/ (Ctrl+C to stop)`);
});
