#!/usr/bin/env bash
# The quick check for the edit-test loop (a few minutes once built): formatting, lints, the UI's
# type and accessibility check, the UI's unit tests (vitest), and the backend's unit tests. It
# installs nothing and starts no app; the full command, the one CI runs, is scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "svelte-check"
npm run check -w ui

step "UI unit tests (vitest)"
npm test -w ui

step "cargo clippy"
# ui/dist must exist for the shell to compile; an old build is fine for linting.
[ -f ui/dist/index.html ] || npm run build -w ui
cargo clippy --workspace --all-targets --features second-opinion/custom-protocol -- -D warnings

step "unit tests (the libraries' own tests)"
# With the workspace's features, as clippy and scripts/test.sh build: `-p backend` alone would
# resolve other features and build many dependencies a second time.
cargo test -q --workspace --features second-opinion/custom-protocol --lib

printf '\nQuick checks passed. Run ./scripts/test.sh for everything.\n'
