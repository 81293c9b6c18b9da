#!/usr/bin/env bash
# The performance suite, measured on this machine in one run:
#   1. criterion benchmarks (backend/benches: documents, profiles, notes, bundle, attachments)
#   2. start-up time and idle memory of the release app against a bare Tauri 2 "hello world"
#      (tests/perf/hello-tauri), both built here with the same release profile
#   3. a kept PDF's page drawn in the page-drawing child, start to end (tests/perf/page_apart.py)
#   4. how long a cheap command waits while a slow one runs: adding a 20 MB PDF, the export,
#      the daily backup (backend/examples/responsiveness.rs and backup_latency.rs)
#   5. the size of the release binary (and of the .deb if scripts/release.sh has made one)
#
#   ./scripts/perf.sh           quick: short benchmarks, 5 launches of each program
#   ./scripts/perf.sh --long    before a release: full criterion runs, 15 launches of each
#
# Results go to tests/output/perf/ (criterion's reports under the target folder's criterion/).
# Release builds use their own target folder (default target-perf/ beside target/) so they
# never wait on, or evict, the debug build the tests use. It is not target-release/: the app
# measured here has the test hooks (the ready file), and scripts/release-features.sh rightly
# fails if target-release/ holds such a binary. Needs a display: run under xvfb-run
# when there is none (the script does this itself if DISPLAY is unset).
set -euo pipefail
cd "$(dirname "$0")/.."

long=0
if [ "${1:-}" = "--long" ]; then long=1; fi
if [ "$long" -eq 1 ]; then
  runs=15
  slow_runs=3
  bench_args=(--warm-up-time 3 --measurement-time 10)
else
  runs=5
  slow_runs=1
  bench_args=(--warm-up-time 1 --measurement-time 3)
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR_PERF:-${CARGO_TARGET_DIR:-$PWD/target}-perf}"
out=tests/output/perf
mkdir -p "$out"
step() { printf '\n==> %s\n' "$*"; }

step "build the app and the bare Tauri hello world (release profile, $CARGO_TARGET_DIR)"
# Both with the Tauri CLI, as the installers are (`tauri build`: release profile, custom protocol).
npx tauri build --no-bundle --features test-hooks
(cd tests/perf/hello-tauri && npx tauri build --no-bundle)
app="$CARGO_TARGET_DIR/release/second-opinion"
hello="$CARGO_TARGET_DIR/release/hello-tauri"

step "benchmarks (criterion; ${bench_args[*]})"
cargo bench -p backend --bench documents --bench profiles --bench notes --bench bundle --bench attachments -- "${bench_args[@]}" \
  2>&1 | tee "$out/benches.txt"

step "start-up and idle memory: $runs launches of each"
measure=(python3 tests/perf/startup_memory.py --runs "$runs" --json "$out/startup-memory.json" "$app" "$hello")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1280x1024x24" "${measure[@]}" | tee "$out/startup-memory.txt"
else
  "${measure[@]}" | tee "$out/startup-memory.txt"
fi

step "a kept PDF's page drawn apart, as the app shows it ($runs runs)"
python3 tests/perf/page_apart.py "$app" --runs "$runs" --json "$out/page-apart.json" | tee "$out/page-apart.txt"

step "a cheap command while a slow one runs ($slow_runs runs of each)"
cargo build -q --release -p backend --example responsiveness --example backup_latency
for _ in $(seq "$slow_runs"); do
  "$CARGO_TARGET_DIR/release/examples/responsiveness"
  "$CARGO_TARGET_DIR/release/examples/backup_latency"
done 2>&1 | tee "$out/responsiveness.txt"

step "sizes"
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB (%d bytes)", b / 1048576, b }'; }
{
  echo "app binary (release, stripped): $(mib "$(stat -c %s "$app")")"
  echo "hello-tauri binary:             $(mib "$(stat -c %s "$hello")")"
  shopt -s nullglob
  # The installers are made by scripts/release.sh, in its own folder.
  installers="${CARGO_TARGET_DIR%-perf}-release/release/bundle"
  for f in "$installers"/deb/*.deb "$installers"/appimage/*.AppImage; do
    echo "$(basename "$f"): $(mib "$(stat -c %s "$f")")"
  done
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory, $(uname -sr)"
} | tee "$out/sizes.txt"
