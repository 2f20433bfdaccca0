#!/usr/bin/env bash
# Runs the piped 'ddat assess' example of docs/guidance.md as written (with this build's ddat, and
# a scratch file for me.yaml) and checks that it writes the self-assessment: exit 0, nothing on
# stdout, "Wrote" on stderr, and a file that 'ddat validate --me' accepts with every answer in it.
# usage: guidance-piped-assess.sh DDAT SOURCE_DIR
set -euo pipefail
ddat=$1 source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# the ```sh block that pipes into ddat assess
example=$(awk '/^```sh$/ { block = ""; inside = 1; next } /^```$/ { if (inside && block ~ /ddat assess/) { printf "%s", block; exit } inside = 0; next } inside { block = block $0 "\n" }' \
  "$source_dir/docs/guidance.md")
if [ -z "$example" ]; then
  echo "FAIL: docs/guidance.md has no \`\`\`sh block that pipes into ddat assess"
  exit 1
fi
mkdir "$work/bin"
ln -s "$(cd "$(dirname "$ddat")" && pwd)/$(basename "$ddat")" "$work/bin/ddat"
cd "$work"
PATH="$work/bin:$PATH" NO_COLOR=1 DDAT_NO_CACHE=1 DDAT_RELEASE=2020-01 bash -c "$example" > stdout 2> stderr || {
  echo "FAIL: the example exited $?"; cat stderr; exit 1; }
[ ! -s stdout ] || { echo "FAIL: the example printed on stdout:"; cat stdout; exit 1; }
grep -q '^Wrote me.yaml' stderr || { echo "FAIL: no 'Wrote me.yaml' on stderr:"; tail -5 stderr; exit 1; }
[ "$(stat -c %a me.yaml)" = 600 ] || { echo "FAIL: me.yaml is not mode 600"; exit 1; }
DDAT_RELEASE=2020-01 PATH="$work/bin:$PATH" ddat validate --me me.yaml > /dev/null
grep -q 'evidence: "Led the supplier reviews"' me.yaml || { echo "FAIL: the evidence is not in me.yaml"; exit 1; }
[ "$(grep -c '^    level: ' me.yaml)" = 11 ] || { echo "FAIL: me.yaml does not hold 11 levels:"; cat me.yaml; exit 1; }
echo "the piped assess example of docs/guidance.md writes me.yaml"
