#!/usr/bin/env python3
"""Keeps the example output in README.md (and other Markdown files) true.

Every fenced block that starts with ```console and a line "$ ddat ARGS" holds the real output
of that command, run from the repository root with NO_COLOR=1 and without COLUMNS, as a user
sees it through a pipe (ddat then wraps at 100 columns). A command may end
in "| head -n N" or "| tail -n N" to show only the first or last N lines.

usage: scripts/readme-examples.py DDAT [--update] [README]
  without --update: exit 1 and show the difference when any block is out of date
  with --update:    rewrite the blocks with the current output
"""
import difflib
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

BLOCK = re.compile(r"```console\n\$ (ddat[^\n]*)\n(.*?)```", re.S)


def run(ddat, command, root):
    """What a terminal shows for the command: a pipe to head or tail, or a redirection of standard
    output to /dev/null, takes standard output only; standard error comes first then, as ddat
    writes its notes before the output it holds until the end. `2>/dev/null` hides standard error."""
    head = tail = None
    discard = False
    quiet = False
    match = re.search(r"\s*>\s*/dev/null\s*$", command)
    if match:
        discard = True
        command = command[: match.start()]
    match = re.search(r"\s*2>\s*/dev/null(?=\s*(\||$))", command)
    if match:
        quiet = True
        command = command[: match.start()] + command[match.end():]
    match = re.search(r"\s*\|\s*(head|tail) -n (\d+)\s*$", command)
    if match:
        if match.group(1) == "head":
            head = int(match.group(2))
        else:
            tail = int(match.group(2))
        command = command[: match.start()]
    args = shlex.split(command)
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8")
    env.pop("DDAT_FRAMEWORK", None)
    env.pop("COLUMNS", None)
    result = subprocess.run([ddat] + args[1:], cwd=root, env=env, capture_output=True, text=True, timeout=30)
    if quiet:
        result.stderr = ""
    if discard:
        return result.stderr
    if head is None and tail is None:
        return result.stdout + result.stderr
    lines = result.stdout.splitlines(keepends=True)
    if head is not None:
        lines = lines[:head]
    if tail is not None:
        lines = lines[-tail:]
    return result.stderr + "".join(lines)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    ddat = os.path.abspath(sys.argv[1])
    update = "--update" in sys.argv[2:]
    rest = [a for a in sys.argv[2:] if a != "--update"]
    readme = Path(rest[0]) if rest else Path(__file__).resolve().parent.parent / "README.md"
    root = Path(__file__).resolve().parent.parent  # commands run from the repository root
    text = readme.read_text(encoding="utf-8")
    stale = []

    def replace(match):
        command, shown = match.group(1), match.group(2)
        actual = run(ddat, command, root)
        if actual != shown:
            stale.append((command, shown, actual))
        return f"```console\n$ {command}\n{actual}```"

    shared = root.parent / "shared"
    skipped = []

    def replace_or_skip(match):
        # examples that read the reference CSV files beside the project need them
        if "../shared" in match.group(1) and not shared.is_dir():
            skipped.append(match.group(1))
            return match.group(0)
        if "build-readme/" in match.group(1) and not (root / "build-readme").is_dir() and skipped:
            skipped.append(match.group(1))
            return match.group(0)
        return replace(match)

    new_text = BLOCK.sub(replace_or_skip, text)
    for command in skipped:
        print(f"skipped (needs {shared}): $ {command}")
    if update:
        readme.write_text(new_text, encoding="utf-8")
        print(f"{readme}: {len(stale)} example(s) updated")
        return 0
    for command, shown, actual in stale:
        sys.stdout.writelines(difflib.unified_diff(shown.splitlines(True), actual.splitlines(True),
                                                   f"README: $ {command}", "actual"))
    if stale:
        print(f"{len(stale)} README example(s) out of date: run scripts/readme-examples.py DDAT --update")
        return 1
    print(f"{len(BLOCK.findall(text)) - len(skipped)} README examples match the output of ddat")
    return 0


if __name__ == "__main__":
    sys.exit(main())
