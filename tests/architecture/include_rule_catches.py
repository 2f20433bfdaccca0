#!/usr/bin/env python3
"""The include-rule check fails on a copy of the core with an include that goes the wrong way.

Copies include/ and src/core/ of SOURCE_DIR into WORK_DIR, then, one at a time, adds an include
from analysis to parse, from parse to the model, and from load to analysis, and requires
scripts/check-includes.py to exit 1 naming the file, line and rule; on the untouched copy it must
exit 0.
"""
import pathlib
import shutil
import subprocess
import sys

source = pathlib.Path(sys.argv[1])
work = pathlib.Path(sys.argv[2])
checker = source / "scripts" / "check-includes.py"

BREAKS = [
    ("src/core/analysis/gap.cpp", '#include "parse/yaml_tree.hpp"', "analysis includes parse"),
    ("src/core/parse/csv.cpp", '#include "ddat/model.hpp"', "parse includes the model"),
    ("include/ddat/load/snapshot.hpp", '#include "ddat/analysis/diff.hpp"', "load includes analysis"),
]


def fresh_copy():
    shutil.rmtree(work, ignore_errors=True)
    for folder in ("include", "src/core"):
        shutil.copytree(source / folder, work / folder)


def run():
    return subprocess.run([sys.executable, str(checker), str(work)], capture_output=True, text=True)


failures = []
fresh_copy()
clean = run()
if clean.returncode != 0:
    failures.append(f"the untouched copy fails:\n{clean.stdout}")
for file, include, expected in BREAKS:
    fresh_copy()
    path = work / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # after the file's first include, so that the line number is known
    first = next(i for i, line in enumerate(lines) if line.startswith("#include"))
    lines.insert(first + 1, include + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    result = run()
    want = f"{file}:{first + 2}: {expected}"
    if result.returncode != 1 or want not in result.stdout:
        failures.append(f"{include} in {file}: expected exit 1 and '{want}', got {result.returncode}:\n{result.stdout}")
shutil.rmtree(work, ignore_errors=True)
for failure in failures:
    print(failure)
print("ok" if not failures else f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
