#!/usr/bin/env bash
# The long mode of the property tests, for a maintainer: runs them under RUNS random seeds (20 by
# default), PROPTEST_CASES cases each (256 by default), and prints every seed it used. The test
# command runs them with one fixed seed so it can never fail at random; this is where new failing
# cases are found. Replay a failure with: PROPTEST_RNG_SEED=<seed> cargo test -p backend --test <file>
# Usage: scripts/proptest-long.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
export PROPTEST_CASES="${PROPTEST_CASES:-256}"
# The workspace's features, as scripts/test.sh builds, so nothing is built a second time.
features=(--workspace --features second-opinion/custom-protocol)
cargo test -q "${features[@]}" --test documents_proptest --test hostile_input_proptest --no-run
for i in $(seq 1 "$runs"); do
  seed=$(od -An -N8 -tu8 /dev/urandom | tr -d ' ')
  echo "==> run $i of $runs: PROPTEST_RNG_SEED=$seed ($PROPTEST_CASES cases)"
  if ! PROPTEST_RNG_SEED="$seed" cargo test -q "${features[@]}" \
      --test documents_proptest --test hostile_input_proptest; then
    echo "property tests failed with PROPTEST_RNG_SEED=$seed" >&2
    exit 1
  fi
done
echo "property tests passed under $runs random seeds"
