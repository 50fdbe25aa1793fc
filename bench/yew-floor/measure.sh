#!/usr/bin/env bash
# Builds bench/yew-floor (the least a Yew app can be) as scripts/build.sh builds the app, and
# prints the bytes of its wasm and minified JS glue: raw, gzip -9 and brotli -q 11. Needs what
# scripts/setup.sh installs (the wasm32 target, wasm-bindgen-cli, npm's binaryen, brotli).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
cargo build --release --target wasm32-unknown-unknown --quiet
out="$here/target/out"
rm -rf "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" target/wasm32-unknown-unknown/release/yew_floor.wasm
bin="$here/../../node_modules/.bin"
"$bin/wasm-opt" -Oz --converge "$out/yew_floor_bg.wasm" -o "$out/yew_floor_bg.wasm"
# The glue minified as scripts/package.mjs minifies the app's.
"$bin/esbuild" --minify --format=esm --log-level=warning "$out/yew_floor.js" --outfile="$out/yew_floor.min.js"
mv "$out/yew_floor.min.js" "$out/yew_floor.js"
for file in "$out/yew_floor_bg.wasm" "$out/yew_floor.js"; do
  printf '%-16s raw %7d  gzip -9 %6d  brotli -q 11 %6d\n' "$(basename "$file")" "$(wc -c <"$file")" "$(gzip -9c "$file" | wc -c)" "$(brotli -q 11 -c "$file" | wc -c)"
done
