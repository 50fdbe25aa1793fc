#!/usr/bin/env bash
#! Builds the web app into pkg/ (wasm-pack for the web target, then wasm-opt from npm's
#! binaryen, which can read what this wasm-bindgen writes).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "[build] compiling the app to WebAssembly (release)"
wasm-pack --quiet build --target web --release --no-typescript --no-pack --out-dir pkg --out-name readiness .
echo "[build] shrinking with wasm-opt -Oz"
node_modules/.bin/wasm-opt -Oz pkg/readiness_bg.wasm -o pkg/readiness_bg.wasm
echo "[build] adding the embedding files and package.json"
node scripts/package.mjs
ls -l pkg/readiness_bg.wasm pkg/readiness.js | awk '{print "[build] " $5 " bytes  " $9}'
