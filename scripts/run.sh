#!/usr/bin/env bash
# Installs what is needed, builds Second Opinion and opens it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build-app.sh
exec ./target/debug/second-opinion
