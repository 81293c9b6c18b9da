#!/usr/bin/env bash
# Builds the app binary with the UI bundled in (target/debug/second-opinion).
# The same as `tauri build --debug --no-bundle`, with the test hooks (`SECOND_OPINION_TEST_*`,
# the `test-hooks` feature) that the end-to-end tests need and a release never has. Only the
# shell's own crate differs from the build `cargo test` makes, so the rest is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build -w ui
cargo build -p second-opinion --features custom-protocol,test-hooks
