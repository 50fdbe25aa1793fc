#!/usr/bin/env node
// Completes pkg/ after wasm-pack: minifies the wasm-bindgen glue of both builds and the
// standalone page's boot module (www/boot.js, as pkg/boot.js), adds the
// embedding module (www/embed.js), the stylesheet minified as a file (readiness.css, which the
// full build uses) and as a module for adopted stylesheets (readiness-css.js), the first-load
// stylesheet (readiness-lite.css: the same without the parts marked "full build only"), and a
// package.json so that a council can serve pkg/ as it is or install it and bundle it.
// esbuild only removes what the browser does not need (comments, whitespace, long local
// names); the sources in www/ stay as written.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'pkg');
const source = fs.readFileSync(path.join(root, 'www/readiness.css'), 'utf8');
const minify = (text) => transformSync(text, { loader: 'css', minify: true }).code;
const css = minify(source);
const liteCss = minify(firstLoadPart(source));

/**
 * The stylesheet without its "full build only" parts. Fails the build if the markers do not
 * pair up, or if a left-out rule could have styled a first-load page.
 */
function firstLoadPart(text) {
  // Split on the markers, keeping their words: kept, 'begin', left out, 'end', kept, 'begin', …
  const parts = text.split(/\/\* full build only: (begin|end)\b[^*]*\*\//);
  const kept = [];
  const left = [];
  parts.forEach((part, at) => {
    if (at % 2 === 0) (at % 4 === 0 ? kept : left).push(part);
    else if (part !== (at % 4 === 1 ? 'begin' : 'end')) throw new Error(`www/readiness.css: a "full build only: ${part}" marker is out of place`);
  });
  if (parts.length % 4 !== 1) throw new Error('www/readiness.css: a "full build only: begin" marker has no end');
  // Every selector left out must name a class the first-load build never uses (its class names
  // are strings in its wasm), so that no left-out rule could have styled a first-load page.
  const liteWasm = fs.readFileSync(path.join(pkg, 'readiness_lite_bg.wasm')).toString('latin1');
  const uncommented = left.join('').replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, prelude] of uncommented.matchAll(/([^{}]+)\{/g)) {
    if (prelude.trim().startsWith('@')) continue;
    for (const selector of prelude.split(',').map((each) => each.trim())) {
      const classes = selector.match(/\.rc-[\w-]+/g) ?? [];
      if (!classes.some((name) => !liteWasm.includes(name.slice(1)))) {
        throw new Error(`www/readiness.css: "${selector}" is in a "full build only" part, but it could match the first-load build's pages (it names no class only the full build uses)`);
      }
    }
  }
  return kept.join('');
}
const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)?.[1] ?? '0.0.0';

for (const glue of ['readiness.js', 'readiness_lite.js']) {
  const file = path.join(pkg, glue);
  fs.writeFileSync(file, transformSync(fs.readFileSync(file, 'utf8'), { loader: 'js', format: 'esm', minify: true }).code);
}
fs.copyFileSync(path.join(root, 'www/embed.js'), path.join(pkg, 'embed.js'));
// The standalone page's boot module, minified like the glue (index.html loads pkg/boot.js).
fs.writeFileSync(path.join(pkg, 'boot.js'), transformSync(fs.readFileSync(path.join(root, 'www/boot.js'), 'utf8'), { loader: 'js', format: 'esm', minify: true }).code);
fs.writeFileSync(path.join(pkg, 'readiness.css'), css);
fs.writeFileSync(path.join(pkg, 'readiness-lite.css'), liteCss);
fs.writeFileSync(path.join(pkg, 'readiness-css.js'), `// The app's stylesheet, for adopted stylesheets in the widget's shadow root.\nexport default ${JSON.stringify(css)};\n`);
fs.writeFileSync(
  path.join(pkg, 'package.json'),
  `${JSON.stringify(
    {
      name: '@readiness/widget',
      version,
      description: "The readiness self-assessment for children's services, as a custom element (<readiness-check>) and a mount() API. Runs entirely in the browser.",
      license: 'MIT OR Apache-2.0',
      type: 'module',
      files: ['embed.js', 'readiness.js', 'readiness_bg.wasm', 'readiness-css.js', 'readiness.css'],
      main: './embed.js',
      module: './embed.js',
      exports: {
        '.': './embed.js',
        './app': './readiness.js',
        './readiness_bg.wasm': './readiness_bg.wasm',
        './readiness.css': './readiness.css',
      },
      sideEffects: ['./embed.js'],
    },
    null,
    2,
  )}\n`,
);
