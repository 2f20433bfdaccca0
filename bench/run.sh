#!/usr/bin/env bash
# ddat's benchmarks: every figure of the speed and memory targets, measured in one run and
# printed beside its target.   usage: bench/run.sh [--quick]
# Needs root or sudo the first time (it installs hyperfine and python3-yaml from Debian).
# --quick: fewer runs and no 100k point, for a smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=${1:-}
runs=30; [ "$quick" = "--quick" ] && runs=5

sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
need=()
for package in hyperfine python3-yaml time; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || need+=("$package")
done
bash scripts/install-deps.sh
if [ ${#need[@]} -gt 0 ]; then
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=build-bench
mkdir -p $work
# built as scripts/build.sh and the Debian package build the program users run: in groups of
# files, which also keeps one copy of CLI11's static objects a group instead of one a file
if ! { cmake -S . -B $work -DCMAKE_BUILD_TYPE=Release -DDDAT_BUILD_TESTS=OFF -DDDAT_UNITY_BUILD=ON &&
       cmake --build $work -j "$(nproc)" --target ddat; } >$work/build.log 2>&1; then
  cat $work/build.log; exit 1
fi
g++ -O2 -std=c++20 bench/yaml_parse_only.cpp -o $work/yaml_parse_only -lyaml-cpp
g++ -O2 -std=c++20 bench/read_only.cpp -o $work/read_only
ddat=$PWD/$work/ddat
export XDG_CACHE_HOME=$PWD/$work/cache XDG_CONFIG_HOME=$PWD/$work/config
unset DDAT_FRAMEWORK
rm -rf "$XDG_CACHE_HOME"

# A user's own framework folder of the whole framework's size: the download the repository
# keeps, imported.
framework=$work/framework
"$ddat" import framework/2025-10/download/role-content.csv framework/2025-10/download/skill-descriptions.csv \
  --corrections framework/2025-10/corrections.yaml --order framework/2025-10/level-order.yaml \
  -o $framework --force >/dev/null
source="the October 2025 download (framework/2025-10/download), imported"
target=$("$ddat" --framework $framework roles list --ids | sed -n '2p')
mapfile -t skills < <("$ddat" --framework $framework level show "$target" --ids)
files=$(find $framework -name '*.yaml' | sort | tr '\n' ' ')

median() {  # median seconds of a hyperfine JSON export
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"
}
time_it() {  # time_it NAME RUNS COMMAND [PREPARE]: median seconds
  local json=$work/$1.json
  if [ -n "${4:-}" ]; then
    hyperfine -N -w 2 -r "$2" --prepare "$4" --export-json "$json" "$3" >/dev/null 2>&1
  else
    hyperfine -N -w 3 -r "$2" --export-json "$json" "$3" >/dev/null 2>&1
  fi
  median "$json"
}
# ratio_to_true NAME RUNS COMMAND: COMMAND's median time over /bin/true's, both timed one after
# the other in each of 5 rounds, and the median of the 5 ratios: at 1 to 3 ms a run, the machine
# drifts more between two figures taken a minute apart than these targets leave room for.
ratio_to_true() {
  local ratios=() round
  for round in 1 2 3 4 5; do
    hyperfine -N -w 20 -r "$2" --export-json "$work/$1-$round.json" /bin/true "$3" >/dev/null 2>&1
    ratios+=("$(python3 -c 'import json,sys; r = json.load(open(sys.argv[1]))["results"]; print(r[1]["median"] / r[0]["median"])' "$work/$1-$round.json")")
  done
  python3 -c 'import statistics,sys; print(f"{statistics.median(map(float, sys.argv[1:])):.2f}")' "${ratios[@]}"
}
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

results=()
row() { results+=("$(printf '%-52s %12s %14s  %s' "$1" "$2" "$3" "$4")"); }
ok() { python3 -c "import sys; print('ok' if $1 else 'MISSED')"; }

# 1. Start-up on the built-in framework (release 2025-10: 205 role levels).
ratio=$(ratio_to_true roles-list 200 "$ddat roles list")
row "ddat roles list / /bin/true (start-up)" "${ratio}x" "<= 2x" "$(ok "$ratio <= 2")"
ratio=$(ratio_to_true level-show-builtin 200 "$ddat level show lead-data-scientist")
row "ddat level show lead-data-scientist / /bin/true" "${ratio}x" "<= 2x" "$(ok "$ratio <= 2")"
ratio=$(ratio_to_true match-builtin 100 "$ddat match --me examples/me.yaml")
row "ddat match --me (all 205 levels) / /bin/true" "${ratio}x" "<= 3x" "$(ok "$ratio <= 3")"
kb=$(peak_kb "$ddat" roles list)
row "ddat roles list peak memory" "$((kb / 1024)) MB" "<= 10 MB" "$(ok "$kb <= 10240")"
kb=$(peak_kb "$ddat" match --me examples/me.yaml)
row "ddat match --me peak memory" "$((kb / 1024)) MB" "<= 10 MB" "$(ok "$kb <= 10240")"
bytes=$(stat -c %s "$ddat")
row "binary size" "$((bytes / 1024 / 1024)) MB" "<= 8 MB" "$(ok "$bytes <= 8 * 1024 * 1024")"

# 2. A user's own folder of the whole framework.
"$ddat" --framework $framework level show "$target" >/dev/null   # fills the cache
ratio=$(ratio_to_true level-show 100 "$ddat --framework $framework level show $target")
row "level show, own whole framework, cached / /bin/true" "${ratio}x" "<= 3x" "$(ok "$ratio <= 3")"
t_first=$(time_it level-show-first $runs "$ddat --framework $framework level show $target" "rm -rf $XDG_CACHE_HOME")
t_yaml=$(time_it yaml-cpp-alone $runs "$work/yaml_parse_only $files")
ratio=$(python3 -c "print(f'{$t_first / $t_yaml:.2f}')")
row "first run after a change / yaml-cpp parse alone" "${ratio}x" "<= 1.2x" "$(ok "$ratio <= 1.2")"

# 3. A department: team over generated assessments, as JSON, with coverage, single points of
# failure and mentors (always in the JSON).
sizes=(2000 20000 100000); [ "$quick" = "--quick" ] && sizes=(2000 20000)
declare -A team_time
for n in "${sizes[@]}"; do
  dir=$work/people-$n
  [ -d "$dir" ] || python3 bench/generate_assessments.py "$n" "$dir" "${skills[@]}" --target "$target"
  r=$runs; [ "$n" -ge 100000 ] && r=3; [ "$n" -ge 10000 ] && [ "$r" -gt 5 ] && r=5
  team_time[$n]=$(time_it team-$n "$r" "$ddat --framework $framework team $dir --target $target --format json")
  ms=$(python3 -c "print(f'{${team_time[$n]} * 1000:.0f}')")
  if [ "$n" = 20000 ]; then
    row "team, 20,000 assessments (JSON)" "$ms ms" "<= 1000 ms" "$(ok "$ms <= 1000")"
    kb=$(peak_kb "$ddat" --framework $framework team "$dir" --target "$target" --format json)
    row "team, 20,000 assessments, peak memory" "$((kb / 1024)) MB" "<= 300 MB" "$(ok "$kb <= 307200")"
    # The I/O floor: the same files only read, in the same run of this script.
    t_read=$(time_it read-$n "$r" "$work/read_only $dir")
    ms_read=$(python3 -c "print(f'{$t_read * 1000:.0f}')")
    row "reading the 20,000 files alone (the I/O floor)" "$ms_read ms" "" ""
    ratio=$(python3 -c "print(f'{${team_time[$n]} / $t_read:.2f}')")
    row "team 20,000 / reading the files alone" "${ratio}x" "<= 1.5x" "$(ok "$ratio <= 1.5")"
  else
    row "team, $n assessments (JSON)" "$ms ms" "(growth)" ""
  fi
done
growth=$(python3 -c "print(f'{${team_time[20000]} / ${team_time[2000]}:.1f}')")
row "team 20k / team 2k (10 for linear)" "${growth}x" "~10x" "$(ok "$growth <= 13")"
if [ -n "${team_time[100000]:-}" ]; then
  growth=$(python3 -c "print(f'{${team_time[100000]} / ${team_time[20000]}:.1f}')")
  row "team 100k / team 20k (5 for linear)" "${growth}x" "~5x" "$(ok "$growth <= 6.5")"
fi

# 4. One person over time: progress over 20 assessments on the built-in framework (no folder
# to hash), against /bin/true.
pdir=$work/progress-20
btarget=$("$ddat" roles list --ids | sed -n '2p')
mapfile -t bskills < <("$ddat" level show "$btarget" --ids)
[ -d "$pdir" ] || python3 bench/generate_assessments.py 20 "$pdir" "${bskills[@]}" --target "$btarget"
pfiles=$(find "$pdir" -name '*.yaml' | sort | tr '\n' ' ')
ratio=$(ratio_to_true progress-20 100 "$ddat progress $pfiles")
row "progress, 20 assessments / /bin/true" "${ratio}x" "<= 3x" "$(ok "$ratio <= 3")"

# 5. Reports: a gap report as HTML and as SVG on the built-in framework, against /bin/true; a
# team of 1,000 as an HTML report and as an xlsx workbook (every view a sheet, the heat map).
ratio=$(ratio_to_true gap-html 100 "$ddat gap --me examples/me.yaml --target senior-brm --format html")
row "gap --format html / /bin/true" "${ratio}x" "<= 3x" "$(ok "$ratio <= 3")"
ratio=$(ratio_to_true gap-svg 100 "$ddat gap --me examples/me.yaml --target senior-brm --format svg")
row "gap --format svg / /bin/true" "${ratio}x" "<= 3x" "$(ok "$ratio <= 3")"
rdir=$work/people-1000
[ -d "$rdir" ] || python3 bench/generate_assessments.py 1000 "$rdir" "${bskills[@]}" --target "$btarget"
for report in html xlsx; do
  t_report=$(time_it team-1000-$report $runs "$ddat team $rdir --format $report")
  ms=$(python3 -c "print(f'{$t_report * 1000:.0f}')")
  row "team, 1,000 assessments as $report" "$ms ms" "<= 500 ms" "$(ok "$ms <= 500")"
done

# 6. Against the alternative: PyYAML doing the same gap analysis for 20,000 people.
t_python=$(time_it python-20000 3 "python3 bench/gap_pyyaml.py $framework $target $work/people-20000")
ratio=$(python3 -c "print(f'{$t_python / ${team_time[20000]}:.0f}')")
row "PyYAML script / ddat team, 20,000 assessments" "${ratio}x faster" ">= 30x" "$(ok "$ratio >= 30")"
t_libyaml=$(time_it python-libyaml-20000 3 "python3 bench/gap_pyyaml.py $framework $target $work/people-20000 --libyaml")
ratio=$(python3 -c "print(f'{$t_libyaml / ${team_time[20000]}:.0f}')")
row "the same script with libyaml (CSafeLoader) / ddat" "${ratio}x faster" "(for scale)" ""

echo "ddat benchmarks: $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "framework: $source; target level: $target; medians of repeated runs (hyperfine); a ratio to /bin/true is the median of 5 rounds that time both"
printf '%-52s %12s %14s  %s\n' "measure" "value" "target" ""
printf '%s\n' "${results[@]}"
