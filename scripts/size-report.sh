#!/usr/bin/env bash
#! Prints the raw, gzip and brotli bytes of every file the app's first page load fetches, and
#! their total. It reports; it does not judge: the budget is 150 KB gzip for all first-load files.
#! Usage: scripts/size-report.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${1:-}" = "--no-build" ] || scripts/build.sh >/dev/null
# What index.html loads: itself, the first-load stylesheet, the boot module (minified), the first-load
# build's JS and wasm. The full build (pkg/readiness.js, pkg/readiness_bg.wasm and the whole
# stylesheet, pkg/readiness.css) comes later, when needed.
files=(index.html pkg/readiness-lite.css pkg/boot.js pkg/readiness_lite.js pkg/readiness_lite_bg.wasm)
printf '%-26s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
for file in "${files[@]}"; do
  raw=$(wc -c < "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-26s %10d %10d %10d\n' "$file" "$raw" "$gz" "$br"
done
printf '%-26s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
awk -v r="$total_raw" -v g="$total_gz" -v b="$total_br" \
  'BEGIN { printf "\n(in KB: %.1f raw, %.1f gzip, %.1f brotli; 1 KB = 1000 bytes)\n", r / 1000, g / 1000, b / 1000 }'
echo
echo "Loaded later, on the first page the first-load build does not have (or fetched in the background after the first move):"
for file in pkg/readiness.css pkg/readiness.js pkg/readiness_bg.wasm; do
  printf '%-26s %10d %10d %10d\n' "$file" "$(wc -c < "$file")" "$(gzip -9 -c "$file" | wc -c)" "$(brotli -q 11 -c "$file" | wc -c)"
done
