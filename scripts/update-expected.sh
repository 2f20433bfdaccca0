#!/bin/sh
# Rebuilds ddat and rewrites the expected output of the end-to-end tests (tests/e2e/cases/*/
# stdout, stderr and exit_code) from what the binary prints now, so that a change of output
# shows up as a git diff to review before it is committed.
#
# Usage: scripts/update-expected.sh [CASE...]
#   CASE   names of case folders under tests/e2e/cases (default: every case)
#
# Environment:
#   BUILD_DIR   the build folder to configure and build in (default: build-e2e in the repository)
#
# Afterwards: `git diff tests/e2e/cases` and read every change. An expected file that shows wrong
# behaviour must be put back by hand to the right behaviour, so that the test fails until the
# binary is fixed.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-"$repo/build-e2e"}
cases_dir="$repo/tests/e2e/cases"

case "${1:-}" in
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
esac

for name in "$@"; do
  if [ ! -f "$cases_dir/$name/args" ]; then
    echo "update-expected.sh: no case '$name' in $cases_dir" >&2
    exit 1
  fi
done

cmake -S "$repo" -B "$build" >/dev/null
cmake --build "$build" --target ddat -j2

ddat="$build/ddat"
if [ ! -x "$ddat" ]; then
  # Multi-configuration generators put the binary in a folder per configuration.
  ddat=$(find "$build" -maxdepth 2 -type f -name ddat -perm -u+x | head -n 1)
fi
if [ -z "$ddat" ] || [ ! -x "$ddat" ]; then
  echo "update-expected.sh: no ddat binary found in $build" >&2
  exit 1
fi

if [ "$#" -eq 0 ]; then
  set -- $(cd "$cases_dir" && for d in */; do [ -f "$d/args" ] && printf '%s\n' "${d%/}"; done)
fi

for name in "$@"; do
  cmake "-DDDAT=$ddat" "-DCASE=$cases_dir/$name" "-DSOURCE_DIR=$repo" "-DWORK_DIR=$build/tests/e2e/actual" -DUPDATE=ON \
        -P "$repo/tests/e2e/run_case.cmake"
done

echo "Updated $# cases. Review them with: git diff -- tests/e2e/cases"
