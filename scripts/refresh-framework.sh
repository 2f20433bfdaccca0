#!/usr/bin/env bash
# Makes a built-in release's framework from its download: copies a new download in (if given),
# imports it with the release's corrections and level order, and writes framework/RELEASE/framework.
#   usage: scripts/refresh-framework.sh RELEASE [ROLE_CSV SKILL_CSV]
# With no CSV files it imports the download already kept in framework/RELEASE/download again, which
# must give the same files (a test checks that). The import refuses a download in which a
# correction's phrase is found other than the expected number of times: read the download, then
# update or remove that correction in framework/RELEASE/corrections.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] && [ $# -ne 3 ]; then
  echo "usage: scripts/refresh-framework.sh RELEASE [ROLE_CSV SKILL_CSV]" >&2
  exit 2
fi
release=$1
folder=framework/$release
mkdir -p "$folder/download"
if [ $# -eq 3 ]; then
  cp "$2" "$folder/download/role-content.csv"
  cp "$3" "$folder/download/skill-descriptions.csv"
fi

ddat=${DDAT:-build/ddat}
if [ ! -x "$ddat" ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DDDAT_BUILD_TESTS=OFF >/dev/null
  cmake --build build -j "$(nproc)" --target ddat
fi

args=("$folder/download/role-content.csv" "$folder/download/skill-descriptions.csv" --release-name "$release"
  --published "$release" -o "$folder/framework" --force)
[ -f "$folder/corrections.yaml" ] && args+=(--corrections "$folder/corrections.yaml")
[ -f "$folder/level-order.yaml" ] && args+=(--order "$folder/level-order.yaml")
"$ddat" import "${args[@]}"

if ! grep -q "set(DDAT_RELEASES.*$release" CMakeLists.txt; then
  echo
  echo "$release is not built in yet: add it first in DDAT_RELEASES in CMakeLists.txt (newest first),"
  echo "write $folder/renames.yaml for the skills renamed since the release before, and rebuild."
fi
