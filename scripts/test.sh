#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with warnings as errors, and runs the unit
# and end-to-end tests with CTest.   usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --test
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DDDAT_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build-test -j "$(nproc)"
ctest --test-dir build-test --output-on-failure -j "$(nproc)"

# The Debian package: built, installed with apt-get and checked (CI, or DDAT_TEST_PACKAGE=1).
if [ "${CI:-}" = "true" ] || [ "${DDAT_TEST_PACKAGE:-}" = "1" ]; then
  bash scripts/test-package.sh
else
  echo "package test not run here: it installs the .deb system-wide; run scripts/test-package.sh (CI runs it)"
fi
