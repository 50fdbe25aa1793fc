#!/usr/bin/env bash
#! Sets up what is missing, builds the app and serves it on localhost.
#! Usage: scripts/serve.sh [port]   (default 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
exec node scripts/serve.mjs "${1:-8080}"
