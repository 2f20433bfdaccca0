#!/usr/bin/env bash
# Drives 'ddat assess' in a real terminal, inside tmux: types the answers as a person would,
# goes back once, and checks the file it writes (content and mode 0600); then quits a second
# interview and checks that nothing is written.
#   usage: tests/interactive/assess-tmux.sh DDAT_BINARY
# tmux is a test dependency (scripts/install-deps.sh --test): without it the test fails.
set -euo pipefail

ddat=$(realpath "$1")
if ! command -v tmux >/dev/null 2>&1; then
  echo "tmux is not installed: run scripts/install-deps.sh --test" >&2
  exit 1
fi
work=$(mktemp -d)
socket="$work/tmux.sock"  # a server of our own, never the user's
cleanup() {
  tmux -S "$socket" kill-server >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

screen() { tmux -S "$socket" capture-pane -p -J -t assess -S -1000; }

# Waits until the screen shows text at least n times (default once).
wait_for() {
  local text=$1 n=${2:-1}
  for _ in $(seq 1 200); do
    if [ "$(screen | grep -cF -- "$text" || true)" -ge "$n" ]; then
      return 0
    fi
    sleep 0.05
  done
  echo "FAILED: timed out waiting for '$text' (x$n); the terminal shows:" >&2
  screen >&2
  exit 1
}

# Types a line and presses Enter.
type_line() {
  if [ -n "$1" ]; then
    tmux -S "$socket" send-keys -t assess -l -- "$1"
  fi
  tmux -S "$socket" send-keys -t assess Enter
}

start() {
  tmux -S "$socket" -f /dev/null new-session -d -s assess -x 100 -y 50 \
    "cd '$work' && env NO_COLOR=1 TERM=xterm DDAT_RELEASE=2020-01 '$ddat' assess --target senior-brm -o me.yaml; echo \"exit=\$?\" > '$work/done'; sleep 60"
}

finished() {
  for _ in $(seq 1 200); do
    [ -f "$work/done" ] && return 0
    sleep 0.05
  done
  echo "FAILED: ddat did not finish; the terminal shows:" >&2
  screen >&2
  exit 1
}

fail() {
  echo "FAILED: $*" >&2
  echo "--- me.yaml:" >&2
  cat "$work/me.yaml" >&2 || true
  exit 1
}

# 1. A whole interview, with one step back.
start
wait_for "Your name"
type_line "Terminal Tester"
wait_for "Your current role level"
type_line "brm"
wait_for "Skill 1 of 11: Asset and configuration management"
wait_for "Senior business relationship manager asks: awareness"
type_line "2"
wait_for "Evidence, in one line"
type_line "Kept the licence register"
wait_for "Skill 2 of 11"
type_line "b"                                   # back to skill 1: its answer is offered again
wait_for "Skill 1 of 11" 2
wait_for "Your level [working]"
type_line "awareness"
wait_for "Evidence (Enter keeps it; - removes it) [keep]"
type_line ""
answers=(3 2 3 3 2 2 2 2 4 3)                   # skills 2 to 11
for i in "${!answers[@]}"; do
  wait_for "Skill $((i + 2)) of 11" "$([ "$i" -eq 0 ] && echo 2 || echo 1)"  # skill 2 was shown before going back
  type_line "${answers[$i]}"
  wait_for "Evidence, in one line" "$((i + 2))"
  if [ "$i" -eq 9 ]; then
    type_line "Ran user research with the service desk"
  else
    type_line ""
  fi
done
wait_for "Write me.yaml?"
type_line ""
finished
grep -qx "exit=0" "$work/done" || fail "ddat exited with $(cat "$work/done")"
[ -f "$work/me.yaml" ] || fail "me.yaml was not written"
mode=$(stat -c %a "$work/me.yaml")
[ "$mode" = "600" ] || fail "me.yaml has mode $mode, not 600"
grep -qx 'name: "Terminal Tester"' "$work/me.yaml" || fail "the name is not in the file"
grep -qx 'current: business-relationship-manager' "$work/me.yaml" || fail "the current level is not in the file"
grep -qx 'target: senior-business-relationship-manager' "$work/me.yaml" || fail "the target is not in the file"
expected="awareness practitioner working practitioner practitioner working working working working expert practitioner"
actual=$(grep -E '^    level: ' "$work/me.yaml" | sed 's/^    level: //' | tr '\n' ' ' | sed 's/ $//')
[ "$actual" = "$expected" ] || fail "levels are '$actual', expected '$expected'"
grep -qx '    evidence: "Kept the licence register"' "$work/me.yaml" || fail "the evidence kept on going back is lost"
grep -qx '    evidence: "Ran user research with the service desk"' "$work/me.yaml" || fail "the last evidence is lost"
"$ddat" validate --me "$work/me.yaml" >/dev/null || fail "ddat validate rejects the file"
wait_for "Wrote me.yaml"

# 2. Quitting writes nothing, and an existing file is not touched without --force.
tmux -S "$socket" kill-server >/dev/null 2>&1 || true
rm -f "$work/done" "$work/me.yaml"
start
wait_for "Your name"
type_line "Quitter"
wait_for "Your current role level"
type_line "q"
finished
wait_for "Quit: nothing written."
[ ! -e "$work/me.yaml" ] || fail "quitting wrote me.yaml"
ls -A "$work" | grep -v -e '^tmux.sock$' -e '^done$' && fail "quitting left files behind"
echo "ok: ddat assess in a terminal wrote me.yaml (mode 600) with every answer, and quitting wrote nothing"
