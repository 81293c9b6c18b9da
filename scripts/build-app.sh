#!/usr/bin/env bash
# Builds the app binary with the UI bundled in (target/debug/second-opinion).
set -euo pipefail
cd "$(dirname "$0")/.."
npx tauri build --debug --no-bundle
