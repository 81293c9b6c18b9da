#!/usr/bin/env bash
# Builds the Linux release: the optimised app and its .deb (and its AppImage where that can be
# built), then prints the size of the binary and of each package.
#
#   ./scripts/release.sh            the .deb (and the AppImage if linuxdeploy is already cached)
#
# Windows and macOS installers are built on their own runners by .github/workflows/release.yml.
#
# AppImage: Tauri makes it with linuxdeploy, which it downloads from GitHub the first time. Where
# GitHub cannot be reached (this project's CI), the AppImage is skipped with a message, and the
# .deb is still built. Put linuxdeploy-x86_64.AppImage, linuxdeploy-plugin-gtk.sh and
# linuxdeploy-plugin-gstreamer.sh (made executable) in ~/.cache/tauri/ to build it offline.
#
# The release build uses its own target folder (CARGO_TARGET_DIR, default target-release/ beside
# target/) so it never waits on, or evicts, the debug build the tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR_RELEASE:-${CARGO_TARGET_DIR:-$PWD/target}-release}"
tools="${XDG_CACHE_HOME:-$HOME/.cache}/tauri"
bundles=deb
if [ -x "$tools/linuxdeploy-x86_64.AppImage" ]; then
  bundles=deb,appimage
else
  echo "==> AppImage skipped: linuxdeploy is not in $tools, and Tauri would download it from GitHub."
fi

echo "==> tauri build --bundles $bundles (release profile; target folder $CARGO_TARGET_DIR)"
start=$(date +%s)
npx tauri build --bundles "$bundles"
echo "==> built in $(( $(date +%s) - start ))s"

bundle_dir="$CARGO_TARGET_DIR/release/bundle"
size() { stat -c %s "$1"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB", b / 1048576 }'; }
goal=$((12 * 1024 * 1024))
printf '\n%-60s %12s %10s\n' "file" "bytes" "size"
bin="$CARGO_TARGET_DIR/release/second-opinion"
printf '%-60s %12s %10s\n' "binary: second-opinion" "$(size "$bin")" "$(mib "$(size "$bin")")"
status=0
shopt -s nullglob
for f in "$bundle_dir"/deb/*.deb "$bundle_dir"/appimage/*.AppImage; do
  s=$(size "$f")
  note=""
  if [ "$s" -gt "$goal" ]; then note="  (over the 12 MB goal)"; fi
  printf '%-60s %12s %10s%s\n' "$(basename "$f")" "$s" "$(mib "$s")" "$note"
done
# The licence files must be inside the package.
deb=("$bundle_dir"/deb/*.deb)
if [ "${#deb[@]}" -gt 0 ]; then
  for f in licences/fonts-OFL.txt licences/LICENSE.txt licences/third-party-licences.json; do
    if ! dpkg-deb -c "${deb[0]}" | grep -q "$f\$"; then
      echo "The .deb is missing $f" >&2
      status=1
    fi
  done
fi
exit "$status"
