#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with warnings as errors, and runs the unit
# and end-to-end tests with CTest.   usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DDDAT_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build-test -j "$(nproc)"
ctest --test-dir build-test --output-on-failure -j "$(nproc)"
