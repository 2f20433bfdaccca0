#!/usr/bin/env python3
"""What a person at a terminal sees: styles as escape sequences the terminal acts on, never as text.

usage: check_terminal_styles.py DDAT REPO

`ddat assess` asks its questions on standard error, here a pseudo-terminal: each skill's heading is
bold (ESC [1m), and no escape sequence is shown as the text "\\x1b". Exit status 0 pass, 1 fail.
"""

import os
import pty
import subprocess
import sys
import tempfile

DDAT, REPO = (os.path.abspath(path) for path in sys.argv[1:3])
ENV = dict(os.environ, COLUMNS="100", LC_ALL="C.UTF-8", TERM="xterm-256color")
for name in ("NO_COLOR", "DDAT_FRAMEWORK", "DDAT_RELEASE"):
    ENV.pop(name, None)

with tempfile.TemporaryDirectory() as work:
    controller, terminal = pty.openpty()
    # the answers come from a pipe: a name, no current level, then quit
    result = subprocess.run([DDAT, "assess", "--target", "senior-brm", "-o", os.path.join(work, "me.yaml")],
                            input=b"Sam\n\nq\n", stdout=subprocess.PIPE, stderr=terminal, env=ENV, cwd=work,
                            timeout=30)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)

failures = []
if b"\x1b[1mSkill 1 of 9: " not in shown:
    failures.append(f"no bold heading for the first skill: {shown[:400]!r}")
ESCAPE_AS_TEXT = b"\\x1b"
if ESCAPE_AS_TEXT in shown:
    at = max(shown.find(ESCAPE_AS_TEXT) - 40, 0)
    failures.append(f"an escape sequence shown as text: {shown[at:at + 120]!r}")
if result.stdout:
    failures.append(f"standard output got {result.stdout[:80]!r}")
for failure in failures:
    print("FAILED:", failure)
print(f"{'FAIL' if failures else 'ok'}: styles on a terminal ({len(failures)} failures)")
sys.exit(1 if failures else 0)
