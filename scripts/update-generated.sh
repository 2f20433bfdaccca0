#!/usr/bin/env bash
# Regenerates the files made from ddat's own command definitions: the shell completion scripts
# in completions/ and the manual page docs/ddat.1. A test fails when they drift.
# usage: scripts/update-generated.sh [DDAT_BINARY]   (default: build-test/ddat, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
ddat=${1:-build-test/ddat}
if [ ! -x "$ddat" ]; then
  cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug >/dev/null
  cmake --build build-test -j "$(nproc)" --target ddat
fi
"$ddat" completions bash > completions/ddat.bash
"$ddat" completions zsh > completions/_ddat
"$ddat" completions fish > completions/ddat.fish
"$ddat" __manual > docs/ddat.1
echo "updated completions/ and docs/ddat.1"
