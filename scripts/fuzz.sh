#!/usr/bin/env bash
# Builds ddat's libFuzzer targets with clang-14 in build-fuzz/ and runs each one for a while,
# then prints what each found.   usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
#
# Environment:
#   FUZZ_TARGETS  the targets to run (default: fuzz_framework fuzz_assessment fuzz_csv fuzz_yaml_readers)
#   FUZZ_JOBS     how many targets run at the same time (default: 1; 2 suits a 2-core machine)
#   BUILD_DIR     the build folder (default: build-fuzz)
#
# Each target starts from its seeds in tests/fuzz/corpus/TARGET and keeps what it learns in
# BUILD_DIR/corpus/TARGET (never in the repository). A crash, leak, timeout (-timeout=5) or
# out-of-memory (-rss_limit_mb=2048, -malloc_limit_mb=1024) is saved in BUILD_DIR/artifacts/TARGET/;
# replay one with `BUILD_DIR/TARGET FILE`, and add it to tests/hostile as a regression case.
# Needs clang-14 and libclang-rt-14-dev (apt-get install -y clang-14 libclang-rt-14-dev).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
case "$seconds" in
  ''|*[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2; exit 2 ;;
esac
targets=${FUZZ_TARGETS:-"fuzz_framework fuzz_assessment fuzz_csv fuzz_yaml_readers"}
jobs=${FUZZ_JOBS:-1}
build=${BUILD_DIR:-build-fuzz}

if ! command -v clang++-14 >/dev/null; then
  echo "fuzz.sh: clang++-14 is missing: apt-get install -y clang-14 libclang-rt-14-dev" >&2
  exit 1
fi
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 -DDDAT_FUZZ=ON \
      -DDDAT_WARNINGS_AS_ERRORS=OFF >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" -j "$(nproc)" --target $targets

run_target() {
  local target=$1
  local corpus="$build/corpus/$target" artifacts="$build/artifacts/$target/" log="$build/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  local start
  start=$(date +%s)
  # libFuzzer exits non-zero when it finds something; the summary below reports it.
  "$build/tests/fuzz/$target" "$corpus" "tests/fuzz/corpus/$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
    -malloc_limit_mb=1024 -timeout=5 -print_final_stats=1 -artifact_prefix="$artifacts" >"$log" 2>&1 || true
  echo "$(($(date +%s) - start))" >"$build/logs/$target.seconds"
}

running=0
for target in $targets; do
  echo "fuzzing $target for ${seconds}s (log: $build/logs/$target.log)"
  run_target "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait || true

echo
status=0
for target in $targets; do
  log="$build/logs/$target.log"
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || true)
  if [ -z "$runs" ]; then
    runs=$(grep -Eo 'Done [0-9]+ runs' "$log" | grep -Eo '[0-9]+' | tail -1 || true)
  fi
  corpus=$(find "$build/corpus/$target" -type f | wc -l)
  found=$(find "$build/artifacts/$target" -type f | sort)
  printf '%-16s %6ss  %10s runs  corpus %5s files  ' "$target" "$(cat "$build/logs/$target.seconds")" \
    "${runs:-?}" "$corpus"
  if [ -n "$found" ] || grep -q 'ERROR: libFuzzer\|ERROR: AddressSanitizer\|runtime error:' "$log"; then
    echo "FOUND:"
    grep -E '^(==[0-9]+==)?ERROR|runtime error:|^SUMMARY' "$log" | head -5 | sed 's/^/    /'
    for file in $found; do echo "    $file"; done
    status=1
  else
    echo "nothing found"
  fi
done
exit "$status"
