// The static server for the performance comparison: the standalone app (index.html, www/, pkg/,
// content/) and the SurveyJS page (bench/ and the two SurveyJS packages in node_modules/), served
// the way scripts/serve.mjs serves the app: brotli or gzip as the browser asks (brotli quality 11,
// gzip level 9, computed once per file), no caching, only these folders.
//
// bench/survey.js is made here (once per server), not read from disk: it sets window.SURVEY_JSON
// to the survey bench/surveyjs-json.mjs makes from content/framework.toml, so the survey always
// asks the current framework's questions.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { readFramework, surveyFromFramework } from './surveyjs-json.mjs';
import { COMPRESSIBLE, TYPES } from '../scripts/mime.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PUBLIC = ['index.html', 'www/', 'pkg/', 'content/', 'bench/', 'node_modules/survey-core/', 'node_modules/survey-js-ui/'];


/** Files that are generated, by path relative to the root. */
const GENERATED = {
  'bench/survey.js': () => Buffer.from(`window.SURVEY_JSON = ${JSON.stringify(surveyFromFramework(readFramework()))};\n`),
};
const generated = new Map();

/** Serves `body` at `relative` from now on (the harness's snapshot of the app's section page). */
export function serveGenerated(relative, body) {
  GENERATED[relative] = () => body;
  generated.delete(relative);
}

/** The body served for a path relative to the root, or null if it is not served. */
export function bodyOf(relative) {
  if (GENERATED[relative]) {
    if (!generated.has(relative)) generated.set(relative, GENERATED[relative]());
    return generated.get(relative);
  }
  const allowed = PUBLIC.some((prefix) => (prefix.endsWith('/') ? relative.startsWith(prefix) : relative === prefix));
  const file = path.join(root, relative);
  if (!allowed || relative.includes('..') || !file.startsWith(root + path.sep)) return null;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
  return fs.readFileSync(file);
}

/** Raw, gzip (level 9) and brotli (quality 11) bytes of a body. */
export function sizesOf(body) {
  return {
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
  };
}

/** Maps a request path to the path relative to the root (`/` is index.html). */
export function relativeOf(pathname) {
  let relative = path.posix.normalize(decodeURIComponent(pathname)).replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  return relative;
}

/**
 * Starts the server on 127.0.0.1 and `port` (0: any free port). Resolves to { url, close }.
 * `log(relative, encoding, bytes)` is called for every file served.
 */
export function startServer({ port = 0, log = () => {} } = {}) {
  const compressed = new Map();
  const encode = (relative, body, encoding) => {
    const key = `${relative}:${body.length}:${encoding}`;
    if (!compressed.has(key)) {
      compressed.set(
        key,
        encoding === 'br'
          ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : zlib.gzipSync(body, { level: 9 }),
      );
    }
    return compressed.get(key);
  };
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let relative;
    try {
      relative = relativeOf(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }
    const raw = bodyOf(relative);
    if (!raw) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const ext = path.extname(relative);
    const accept = String(request.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.has(ext) ? null : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    const body = encoding ? encode(relative, raw, encoding) : raw;
    const headers = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
    log(relative, encoding, body.length);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      resolve({ url: `http://127.0.0.1:${bound}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.argv[2] ?? 8090) });
  console.log(`Serving the app at ${url}/ and the SurveyJS page at ${url}/bench/surveyjs.html (Ctrl+C to stop)`);
}
