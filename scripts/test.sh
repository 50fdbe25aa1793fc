#!/usr/bin/env bash
#! Sets up what is missing and runs every test: the core, CLI and render tests natively, the
#! core built for wasm32, the browser tests (wasm-bindgen-test in headless Chromium), then the
#! release build and the Playwright journeys with axe.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

step() { printf '\n\033[1m[test] %s\033[0m\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

step "native tests: core, CLI, pages rendered on the host"
cargo test --workspace --locked

step "the core builds for wasm32 (it must never need the browser)"
cargo build --locked -p readiness-core --target wasm32-unknown-unknown

step "browser tests: storage and routing hooks in headless Chromium"
wasm-pack test --headless --chrome -- --locked

step "release build"
scripts/build.sh

step "end-to-end journeys and accessibility (Playwright, axe)"
npx --no-install playwright test --config tests/e2e/playwright.config.mjs

step "all tests passed"
