#!/usr/bin/env node
// Completes pkg/ after wasm-pack: the embedding module (www/embed.js), the stylesheet as a
// module for adopted stylesheets (readiness-css.js) and as a file (readiness.css), and a
// package.json so that a council can serve pkg/ as it is or install it and bundle it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(root, 'pkg');
const css = fs.readFileSync(path.join(root, 'www/readiness.css'), 'utf8');
const cargo = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
const version = /\[workspace\.package\][^[]*?\nversion = "([^"]+)"/.exec(cargo)?.[1] ?? '0.0.0';

fs.copyFileSync(path.join(root, 'www/embed.js'), path.join(pkg, 'embed.js'));
fs.copyFileSync(path.join(root, 'www/readiness.css'), path.join(pkg, 'readiness.css'));
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
