#!/usr/bin/env node
// Completes pkg/ after wasm-pack: minifies the wasm-bindgen glue of both builds, adds the
// embedding module (www/embed.js), the stylesheet minified as a file (readiness.css, which the
// standalone page links) and as a module for adopted stylesheets (readiness-css.js), and a
// package.json so that a council can serve pkg/ as it is or install it and bundle it.
// esbuild only removes what the browser does not need (comments, whitespace, long local
// names); the sources in www/ stay as written.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'pkg');
const css = transformSync(fs.readFileSync(path.join(root, 'www/readiness.css'), 'utf8'), { loader: 'css', minify: true }).code;
const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)?.[1] ?? '0.0.0';

for (const glue of ['readiness.js', 'readiness_lite.js']) {
  const file = path.join(pkg, glue);
  fs.writeFileSync(file, transformSync(fs.readFileSync(file, 'utf8'), { loader: 'js', format: 'esm', minify: true }).code);
}
fs.copyFileSync(path.join(root, 'www/embed.js'), path.join(pkg, 'embed.js'));
fs.writeFileSync(path.join(pkg, 'readiness.css'), css);
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
