#!/usr/bin/env bash
# Proves the accessibility gate works: svelte-check, run the way the test command runs it (the
# UI's own svelte.config.js, --fail-on-warnings), must fail on a component with Svelte's
# accessibility warnings (a click on a <div>, an <img> with no alt).
set -euo pipefail
cd "$(dirname "$0")/../ui"
dir="$PWD/$(mktemp -d .a11y-gate.XXXXXX)"
trap 'rm -rf "$dir"' EXIT
cp svelte.config.js "$dir/"
cat > "$dir/Bad.svelte" <<'SVELTE'
<script lang="ts">
  let n = $state(0);
</script>

<div onclick={() => n++}>{n}</div>
<img src="x.png" />
SVELTE
printf '{"extends":"../tsconfig.json","include":["*.svelte"]}' > "$dir/tsconfig.json"
if out=$(npx svelte-check --workspace "$dir" --tsconfig "$dir/tsconfig.json" --fail-on-warnings 2>&1); then
  echo "svelte-check passed a component with accessibility warnings: the gate is broken" >&2
  exit 1
fi
grep -q 'a11y_missing_attribute' <<<"$out" && grep -q 'a11y_click_events_have_key_events' <<<"$out" || {
  echo "svelte-check failed, but not on the accessibility warnings:" >&2
  echo "$out" >&2
  exit 1
}
echo "svelte-check fails on accessibility warnings, as it should."
