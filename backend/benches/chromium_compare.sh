#!/usr/bin/env bash
# The appointment-prep pack made two ways, timed in one run: this app's printpdf renderer
# (release build, N packs in one process, after one warm-up) and headless Chromium printing the
# same content as HTML (a fresh browser per run, as a "print the web page" design would).
# Prints seconds per pack, the ratio and both file sizes. Not part of the test command.
#
#   backend/benches/chromium_compare.sh [N=50] [CHROMIUM_RUNS=3]
set -euo pipefail
N=${1:-50}
RUNS=${2:-3}
cd "$(dirname "$0")/../.."
CHROME=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROME" ]; then
  echo "installing chromium..." >&2
  apt-get install -y chromium >/dev/null
  CHROME=$(command -v chromium)
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cargo build -q --release -p backend --example prep_pack_bench
BIN=${CARGO_TARGET_DIR:-target}/release/examples/prep_pack_bench
OURS=$("$BIN" "$N" "$WORK/ours.pdf" --html "$WORK/pack.html")
START=$(date +%s.%N)
for _ in $(seq "$RUNS"); do
  "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$WORK")" \
    --no-pdf-header-footer --print-to-pdf="$WORK/chromium.pdf" "file://$WORK/pack.html" 2>/dev/null
done
END=$(date +%s.%N)
THEIRS=$(echo "($END - $START) / $RUNS" | bc -l)
printf 'printpdf (this app): %.4f s per pack (%d runs), %d bytes, %s pages\n' "$OURS" "$N" \
  "$(stat -c %s "$WORK/ours.pdf")" "$(pdfinfo "$WORK/ours.pdf" | awk '/^Pages/{print $2}')"
printf 'headless Chromium:   %.4f s per pack (%d runs), %d bytes, %s pages\n' "$THEIRS" "$RUNS" \
  "$(stat -c %s "$WORK/chromium.pdf")" "$(pdfinfo "$WORK/chromium.pdf" | awk '/^Pages/{print $2}')"
printf 'ratio: Chromium takes %.0fx as long\n' "$(echo "$THEIRS / $OURS" | bc -l)"
