#!/usr/bin/env bash
# Set-up on a fresh Debian bookworm machine: installs what is missing, builds ddat in build/
# and runs 'ddat roles list'.   usage: scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DDDAT_BUILD_TESTS=OFF -DDDAT_UNITY_BUILD=ON >/dev/null
cmake --build build -j "$(nproc)" --target ddat
echo
./build/ddat roles list
