#!/usr/bin/env bash
# Runs every check and test: formatting, lints, backend tests, the UI's type check, and the
# end-to-end tests of the real app under a virtual display.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
./scripts/setup.sh

# Each step says how long the run has taken so far, so slow steps are easy to see.
step() { printf '\n==> [%ss] %s\n' "$(( $(date +%s) - start ))" "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "svelte-check"
npm run check -w ui

step "UI unit tests (vitest)"
npm test -w ui

# Svelte's accessibility warnings are errors; prove the gate fails on them.
step "svelte-check fails on accessibility warnings"
./scripts/check-a11y-gate.sh

step "build the UI (the shell embeds ui/dist when it compiles)"
npm run build -w ui

step "cargo clippy"
# The shell is built with `custom-protocol` (serve the bundled UI) everywhere, so clippy, the
# tests and the app share one build of the dependencies.
cargo clippy --workspace --all-targets --features second-opinion/custom-protocol -- -D warnings

step "cargo doc (warnings denied: stale links in doc comments fail)"
RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps -p backend -p printing

step "cargo test (property tests with their fixed seed: scripts/proptest-long.sh for random ones)"
# Snapshots are compared, never written: a changed or missing one fails (README: Snapshots).
INSTA_UPDATE=no cargo test --workspace --features second-opinion/custom-protocol

# The examples below are run from the build `cargo test` just made (it builds every example with
# the workspace's features). `cargo run -p backend` would resolve the features of the backend alone
# and so build many dependencies a second time, SQLCipher's OpenSSL among them (about 4 minutes).
cargo build -q --workspace --examples --features second-opinion/custom-protocol
examples="${CARGO_TARGET_DIR:-target}/debug/examples"

# Crash safety, measured. A writer is SIGKILLed 200 times at random moments; after each
# kill the profile must reopen whole with every acknowledged edit. Then the harness must catch
# a writer that acknowledges before committing (so it is known to be able to fail).
step "crash harness (200 kills)"
"$examples/crash_harness"
if "$examples/crash_harness" --kills 60 --ack-before-commit >/dev/null 2>&1; then
  echo "the crash harness did not catch edits acknowledged before their commit" >&2
  exit 1
fi

step "content review book (PDF for a clinical reviewer)"
mkdir -p tests/output
"$examples/review_book" tests/output/content-review-book.pdf
qpdf --check tests/output/content-review-book.pdf >/dev/null
pdffonts tests/output/content-review-book.pdf | awk 'NR>2 && ($(NF-4)!="yes" || $(NF-3)!="yes") {bad=1} END {exit bad}'

# Every cargo-fuzz target for a short fixed time; fails on any crash.
step "fuzz (cargo-fuzz, ${FUZZ_SECONDS:-20} s per target)"
./scripts/fuzz.sh

# --- Release checks ---
step "cargo deny check licenses bans (advisories need the network: run them by hand)"
cargo deny --offline --log-level error check licenses bans

step "actionlint (the check and release workflows)"
actionlint -color=false .github/workflows/*.yml

step "third-party licence list matches Cargo.lock and package-lock.json"
node scripts/licences.mjs --check

step "no test hook (test-hooks, test-support) in the release build's features"
./scripts/release-features.sh
# --- end of release checks ---

step "build the app"
./scripts/build-app.sh

step "end-to-end tests (real app, tauri-driver, Xvfb)"
xvfb-run -a -s "-screen 0 1280x1024x24" npm run e2e -w tests

printf '\nAll checks passed in %ss.\n' "$(( $(date +%s) - start ))"
# CPU time, which a busy machine does not inflate as it does the time above: this shell's, then
# that of every command it ran (user, then system).
times
