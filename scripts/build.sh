#!/usr/bin/env bash
#! Builds the web app into pkg/ (wasm-pack for the web target, then wasm-opt from npm's
#! binaryen, which can read what this wasm-bindgen writes).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "[build] compiling the full app to WebAssembly (release)"
wasm-pack --quiet build --target web --release --no-typescript --no-pack --out-dir pkg --out-name readiness .
# The first-load build: the same crate without the `full` feature (src/handover.rs).
echo "[build] compiling the first-load app (release, --no-default-features)"
wasm-pack --quiet build --target web --release --no-typescript --no-pack --out-dir target/pkg-lite --out-name readiness_lite . -- --no-default-features
cp target/pkg-lite/readiness_lite.js target/pkg-lite/readiness_lite_bg.wasm pkg/
echo "[build] shrinking with wasm-opt -Oz --converge"
for wasm in pkg/readiness_bg.wasm pkg/readiness_lite_bg.wasm; do
  node_modules/.bin/wasm-opt -Oz --converge "$wasm" -o "$wasm"
done
echo "[build] adding the embedding files and package.json"
node scripts/package.mjs
ls -l pkg/readiness_lite_bg.wasm pkg/readiness_lite.js pkg/readiness_bg.wasm pkg/readiness.js | awk '{print "[build] " $5 " bytes  " $9}'
