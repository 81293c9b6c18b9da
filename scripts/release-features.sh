#!/usr/bin/env bash
# Fails if a test-only feature reaches the build that scripts/release.sh (and the release
# workflow) make: `test-hooks` (the shell's `SECOND_OPINION_TEST_*` variables) or
# `test-support` (the backend's tiny Argon2 settings and the hooks into its types).
#
#   ./scripts/release-features.sh
#
# It asks cargo how it resolves the features of the release build (`tauri build` compiles the
# shell with `custom-protocol` and whatever `build.features` in tauri.conf.json and `--features`
# in the release scripts add), for every platform at once, without compiling anything (about a
# second). A feature reaching the app any other way (a `default`, a normal dependency that turns
# it on) shows in that resolution too. It then checks the check itself: with `test-hooks` added,
# the same resolution must show it. If an optimised binary is already built
# (target-release/release/second-opinion), it must not hold a test variable's name either.
set -euo pipefail
cd "$(dirname "$0")/.."

TEST_ONLY='test-hooks|test-support'
status=0

# 1. Nothing the release build is made with names a test-only feature.
for f in scripts/release.sh .github/workflows/release.yml src-tauri/tauri.conf.json; do
  if grep -nE "$TEST_ONLY" "$f"; then
    echo "$f names a test-only feature: the release build must never have it" >&2
    status=1
  fi
done
extra=$(node -e '
  const conf = JSON.parse(require("fs").readFileSync("src-tauri/tauri.conf.json", "utf8"));
  console.log((conf.build?.features ?? []).map((f) => `second-opinion/${f}`).join(","));
')

# The features of our own crates (backend, printing, the shell) as cargo resolves them for the
# release build, one line each: "name [feature,feature]".
ours() {
  cargo tree --offline --locked -p second-opinion -e normal --target all \
    --features "second-opinion/custom-protocol${extra:+,$extra}${1:+,$1}" \
    --prefix none -f '{p} [{f}]' |
    grep -E '^(backend|printing|second-opinion) v[^ ]+ \(' | sed -E 's/ \([^)]*\)//; s/ \(\*\)$//' | sort -u
}

# 2. The release build's resolution has none of them.
release=$(ours "")
echo "Features of our crates in the release build:"
echo "$release" | sed 's/^/  /'
if echo "$release" | grep -qE "\[.*($TEST_ONLY).*\]"; then
  echo "A test-only feature reaches the release build (above)." >&2
  status=1
fi

# 3. The check sees the feature when it is there, so a pass above means something.
if ! ours "second-opinion/test-hooks" | grep -qE '^second-opinion .*\[.*test-hooks.*\]'; then
  echo "The check did not see test-hooks when it was turned on: it is broken." >&2
  status=1
fi

# 4. An optimised binary already built holds no test variable's name.
bin="${CARGO_TARGET_DIR_RELEASE:-${CARGO_TARGET_DIR:-$PWD/target}-release}/release/second-opinion"
if [ -f "$bin" ]; then
  if grep -qa 'SECOND_OPINION_TEST_' "$bin"; then
    echo "$bin holds a SECOND_OPINION_TEST_ variable's name: it was built with test-hooks." >&2
    status=1
  else
    echo "The release binary $bin holds no test variable's name."
  fi
fi

if [ "$status" -eq 0 ]; then echo "No test hook reaches the release build."; fi
exit "$status"
