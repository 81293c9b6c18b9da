#!/usr/bin/env bash
# Runs each cargo-fuzz target in fuzz/ for a fixed time (FUZZ_SECONDS each, 20 by default) and
# fails on any crash, panic or hang. Prints each target's executions. A crash's input is kept in
# tests/output/fuzz-crashes/ to reproduce with `cargo fuzz run <target> <file>`.
#
# The toolchain is stable: RUSTC_BOOTSTRAP=1 lets cargo-fuzz use the nightly flags it needs.
# The fuzz build has a target folder of its own (target/fuzz): RUSTC_BOOTSTRAP changes what the
# build scripts of proc-macro2 and others detect, so sharing the app's folder rebuilt every
# dependency on each run, of the app and of the fuzz targets in turn. Here a second run with
# nothing changed builds nothing. The targets are built optimised (cargo-fuzz's default release
# build, with debug assertions) and without a sanitizer (the app forbids unsafe code, so panics
# are what we look for), so each gets thousands of executions in its time.
# SQLite is built for the fuzz targets with the sqlite_dbpage table, so the import target can
# write any decrypted pages into an SQLCipher database (the app's own build has no such table).
# Long run: FUZZ_SECONDS=600 scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${FUZZ_SECONDS:-20}"
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$(cd .. && pwd)/target/fuzz}"
export LIBSQLITE3_FLAGS="SQLITE_ENABLE_DBPAGE_VTAB -DOMIT_MEMLOCK"
# SQLCipher's crypto from the system's OpenSSL (libssl-dev, from scripts/setup.sh), not a copy
# built from source again for this folder (about 3 minutes): the app and its tests keep the
# vendored one they ship with.
export OPENSSL_NO_VENDOR=1
cargo fuzz build --sanitizer none
# Run the built targets directly (no second cargo call per target).
bin_dir="$CARGO_TARGET_DIR/$(rustc -vV | sed -n 's/^host: //p')/release"

# In memory where there is a tmpfs (import_pages writes and syncs a profile each run). The
# targets' own temporary files go here too (TMPDIR), so nothing outlives the run: libFuzzer
# ends the process without dropping what a target holds.
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"
failed=0
for target in content_load export_file documents command_args profile_json import_pages record_files page_preview; do
  mkdir -p "$work/corpus/$target" "$work/crashes/$target"
  cp seeds/"$target"/* "$work/corpus/$target/"
  set +e
  "$bin_dir/$target" "$work/corpus/$target" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/crashes/$target/" >"$work/$target.log" 2>&1
  status=$?
  set -e
  runs=$(grep -m1 '^stat::number_of_executed_units' "$work/$target.log" | awk '{print $2}')
  crashes=$(find "$work/crashes/$target" -type f | wc -l)
  echo "fuzz $target: ${runs:-0} executions in ${seconds}s, $crashes crashes"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    tail -n 40 "$work/$target.log"
    mkdir -p ../tests/output/fuzz-crashes
    cp -r "$work/crashes/$target" ../tests/output/fuzz-crashes/ 2>/dev/null || true
  fi
done
exit "$failed"
