#!/usr/bin/env node
// What takes the bytes in the app's WebAssembly: the size of each section, and the code by crate
// and by function, read from the function names rustc leaves in its own output (before
// wasm-bindgen and wasm-opt, which drop them). A stand-in for `twiggy top` where twiggy is not
// installed; the shares carry over to pkg/readiness_bg.wasm roughly, not exactly, since wasm-opt
// shrinks some code more than other code.
//
//   node bench/wasm-breakdown.mjs [file.wasm] [--top N]
//
// The default file is target/wasm32-unknown-unknown/release/readiness.wasm, which
// scripts/build.sh leaves behind: the first-load build's, since it is built last.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const TOP = topAt === -1 ? 25 : Number(args[topAt + 1]);
const file = args.find((arg, index) => !arg.startsWith('--') && index !== topAt + 1) ?? path.join(root, 'target/wasm32-unknown-unknown/release/readiness.wasm');
const bytes = fs.readFileSync(file);

const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];

let at = 8;
const leb = () => {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
};
const name = () => {
  const length = leb();
  const text = bytes.subarray(at, at + length).toString('utf8');
  at += length;
  return text;
};

const sections = [];
let importedFunctions = 0;
let bodies = [];
const names = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const start = at;
  const section = { kind: SECTIONS[id] ?? String(id), size };
  if (id === 0) section.kind = `custom "${name()}"`;
  if (id === 2) {
    for (let count = leb(), index = 0; index < count; index += 1) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        importedFunctions += 1;
      } else if (kind === 1) {
        at += 1;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) at += 2;
      else if (kind === 4) {
        at += 1;
        leb();
      }
    }
  }
  if (id === 10) {
    bodies = [];
    for (let count = leb(), index = 0; index < count; index += 1) {
      const length = leb();
      bodies.push(length);
      at += length;
    }
  }
  if (section.kind === 'custom "name"') {
    while (at < start + size) {
      const sub = bytes[at++];
      const length = leb();
      const end = at + length;
      if (sub === 1) {
        for (let count = leb(), index = 0; index < count; index += 1) {
          const fn = leb();
          names.set(fn, name());
        }
      }
      at = end;
    }
  }
  sections.push(section);
  at = start + size;
}

/**
 * A readable path from a Rust symbol, legacy (_ZN...E) or v0 (_R...) mangled, or the name as it
 * is. v0 symbols are read only as far as their identifiers, in order (crate first), which is
 * enough to tell which crate a function comes from.
 */
function demangle(symbol) {
  if (symbol.startsWith('_R')) {
    const parts = [];
    const crate = /C(?:s[0-9A-Za-z]*_)?(\d+)/g;
    const first = crate.exec(symbol);
    if (!first) return symbol;
    let index = first.index + first[0].length - first[1].length;
    while (index < symbol.length) {
      const match = /^(\d+)(_?)/.exec(symbol.slice(index));
      if (!match) {
        index += 1;
        continue;
      }
      const length = Number(match[1]);
      const start = index + match[1].length + match[2].length;
      parts.push(symbol.slice(start, start + length));
      index = start + length;
    }
    return parts.join('::');
  }
  const legacy = /^_ZN(.*)E$/.exec(symbol);
  if (!legacy) return symbol;
  const parts = [];
  let rest = legacy[1];
  while (rest.length > 0) {
    const match = /^(\d+)/.exec(rest);
    if (!match) break;
    const length = Number(match[1]);
    parts.push(rest.slice(match[1].length, match[1].length + length));
    rest = rest.slice(match[1].length + length);
  }
  if (parts.length > 0 && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts
    .join('::')
    .replace(/\$LT\$/g, '<')
    .replace(/\$GT\$/g, '>')
    .replace(/\$RF\$/g, '&')
    .replace(/\$BP\$/g, '*')
    .replace(/\$u20\$/g, ' ')
    .replace(/\$u27\$/g, "'")
    .replace(/\$u5b\$/g, '[')
    .replace(/\$u5d\$/g, ']')
    .replace(/\$u7b\$/g, '{')
    .replace(/\$u7d\$/g, '}')
    .replace(/\$C\$/g, ',')
    .replace(/\.\./g, '::');
}

/** The crate a function belongs to: the first path segment, or for `<T as Trait>` the crate of T. */
function crateOf(path) {
  const trimmed = path.replace(/^_?<+/, '').replace(/^&(mut )?/, '').replace(/^\*(const|mut) /, '').replace(/^dyn /, '');
  const first = trimmed.split(/::|[ <>,]/)[0];
  if (/^(\[?[A-Z]\]?)$/.test(first)) return '(generic impls: <T as Trait>)';
  return first || '(other)';
}

const total = bytes.length;
const pct = (part, whole) => `${((100 * part) / whole).toFixed(1)}%`;
console.log(`${path.relative(process.cwd(), file)}: ${total} bytes (gzip -9 ${zlib.gzipSync(bytes, { level: 9 }).length})\n`);
console.log('Sections');
for (const section of sections.sort((a, b) => b.size - a.size)) console.log(`  ${String(section.size).padStart(9)}  ${pct(section.size, total).padStart(6)}  ${section.kind}`);

const code = bodies.reduce((sum, size) => sum + size, 0);
const functions = bodies.map((size, index) => {
  const symbol = names.get(importedFunctions + index) ?? `function ${importedFunctions + index}`;
  const readable = demangle(symbol);
  return { size, name: readable, crate: crateOf(readable) };
});
if (names.size === 0) {
  console.log('\nNo function names in this file: pass the wasm rustc writes (target/wasm32-unknown-unknown/release/readiness.wasm).');
  process.exit(0);
}

const byCrate = new Map();
for (const fn of functions) {
  const entry = byCrate.get(fn.crate) ?? { size: 0, count: 0 };
  entry.size += fn.size;
  entry.count += 1;
  byCrate.set(fn.crate, entry);
}
console.log(`\nCode by crate (${functions.length} functions, ${code} bytes of code)`);
for (const [crate, entry] of [...byCrate].sort((a, b) => b[1].size - a[1].size).slice(0, TOP)) {
  console.log(`  ${String(entry.size).padStart(9)}  ${pct(entry.size, code).padStart(6)}  ${String(entry.count).padStart(5)} fns  ${crate}`);
}
console.log(`\nThe ${TOP} largest functions`);
for (const fn of functions.sort((a, b) => b.size - a.size).slice(0, TOP)) {
  const shown = fn.name.length > 150 ? `${fn.name.slice(0, 147)}...` : fn.name;
  console.log(`  ${String(fn.size).padStart(9)}  ${pct(fn.size, code).padStart(6)}  ${shown}`);
}
