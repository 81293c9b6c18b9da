#!/usr/bin/env bash
# Builds the app binary with the UI bundled in (target/debug/second-opinion).
# The same as `tauri build --debug --no-bundle`, with the same cargo features as the tests use,
# so the tests' build is reused instead of compiling everything again.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build -w ui
cargo build -p second-opinion --features custom-protocol
