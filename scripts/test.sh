#!/usr/bin/env bash
# Runs every test: installs what is missing, builds with warnings as errors and runs the whole
# suite with CTest, then again built with AddressSanitizer and UndefinedBehaviorSanitizer, and
# the team's tests (the only threads) built with ThreadSanitizer.
# usage: scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh --test
# Each build here is made once, so the program and the unit tests are compiled in groups of files
# (DDAT_UNITY_BUILD): CLI11's and nlohmann-json's templates are then compiled once a group, not
# once a file, which halves the time of each build.
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DDDAT_WARNINGS_AS_ERRORS=ON -DDDAT_UNITY_BUILD=ON >/dev/null
cmake --build build-test -j "$(nproc)"
ctest --test-dir build-test --output-on-failure -j "$(nproc)"

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
cmake --preset sanitize -DDDAT_UNITY_BUILD=ON >/dev/null
cmake --build --preset sanitize -j "$(nproc)"
ctest --preset sanitize -j "$(nproc)"

# The tests of the team's reader threads under ThreadSanitizer: only the core and its unit tests
# are built for it.
cmake --preset tsan -DDDAT_UNITY_BUILD=ON >/dev/null
cmake --build --preset tsan -j "$(nproc)"
ctest --preset tsan -j "$(nproc)"

# The Debian package: built, installed with apt-get and checked (CI, or DDAT_TEST_PACKAGE=1).
if [ "${CI:-}" = "true" ] || [ "${DDAT_TEST_PACKAGE:-}" = "1" ]; then
  bash scripts/test-package.sh
else
  echo "package test not run here: it installs the .deb system-wide; run scripts/test-package.sh (CI runs it)"
fi
