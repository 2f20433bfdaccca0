#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with warnings as errors and runs the whole
# suite with CTest, then again built with AddressSanitizer and UndefinedBehaviorSanitizer.
# usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --test
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DDDAT_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build-test -j "$(nproc)"
ctest --test-dir build-test --output-on-failure -j "$(nproc)"

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize -j "$(nproc)"
ctest --preset sanitize -j "$(nproc)"

# The Debian package: built, installed with apt-get and checked (CI, or DDAT_TEST_PACKAGE=1).
if [ "${CI:-}" = "true" ] || [ "${DDAT_TEST_PACKAGE:-}" = "1" ]; then
  bash scripts/test-package.sh
else
  echo "package test not run here: it installs the .deb system-wide; run scripts/test-package.sh (CI runs it)"
fi
