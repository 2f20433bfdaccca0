#!/bin/sh
# Regenerates the screenshots of the HTML reports in docs/images (a gap report and a team heat
# map) with headless Chromium, and the SHA-256 of the HTML each was made from, which the test
# "reports: screenshots" compares with today's HTML.
#
# Usage: scripts/report-screenshots.sh [DDAT]   (default: build-test/ddat)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
ddat=${1:-"$repo/build-test/ddat"}
cd "$repo"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shoot() {  # NAME HEIGHT ARGS...
  name=$1 height=$2
  shift 2
  NO_COLOR=1 COLUMNS=80 LC_ALL=C.UTF-8 DDAT_RELEASE=2020-01 "$ddat" "$@" --format html >"$work/$name.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1024,"$height" \
    --screenshot="$repo/docs/images/$name.png" "file://$work/$name.html" 2>/dev/null
  sha256sum <"$work/$name.html" | cut -d' ' -f1 >"$repo/docs/images/$name.html.sha256"
  echo "docs/images/$name.png"
}
shoot gap-report 1100 --release 2025-10 gap --me examples/me.yaml --target senior-brm
shoot team-heat-map 900 team tests/e2e/data/team --target senior-brm
