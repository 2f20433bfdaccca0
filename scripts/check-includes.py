#!/usr/bin/env python3
"""Checks that ddat's parts depend only downwards, by reading every #include "..." line.

The parts, from the bottom: the top level of the core (the model, locations, errors, text and
file helpers: include/ddat/*.hpp, src/core/*.cpp); parse (text formats: YAML, CSV); load (files
into the typed model); write (the typed model into files); analysis (the operations); and the CLI.
Each part may include itself and the parts listed for it below, nothing else:

    top       -> top
    parse     -> top, but not the model (model.hpp, assessment.hpp, renames.hpp, resolve.hpp)
    load      -> top, parse
    write     -> top, parse, load
    analysis  -> top
    cli/tools -> anything

Usage: check-includes.py [SOURCE_DIR]. Prints each include that breaks the rule as
FILE:LINE: message, and exits 1 when there is one.
"""
import pathlib
import re
import sys

PARTS = ("parse", "load", "write", "analysis")
ALLOWED = {
    "top": {"top"},
    "parse": {"top", "parse"},
    "load": {"top", "parse", "load"},
    "write": {"top", "parse", "load", "write"},
    "analysis": {"top", "analysis"},
}
# Top-level headers that are the framework's model: parse knows nothing of the framework.
MODEL_HEADERS = {"model.hpp", "assessment.hpp", "renames.hpp", "resolve.hpp"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def part_of_file(relative):
    """The part a source or header belongs to, or None for the CLI, tools and tests."""
    parts = relative.parts
    if parts[:2] == ("include", "ddat") or parts[:2] == ("src", "core"):
        rest = parts[2:]
        return rest[0] if len(rest) > 1 and rest[0] in PARTS else "top"
    return None


def part_of_include(name):
    """The part an include names ("ddat/load/x.hpp", or a private "parse/x.hpp"), and its file."""
    pieces = name.split("/")
    if pieces[0] == "ddat":
        pieces = pieces[1:]
    elif pieces[0] not in PARTS:
        return None, None
    if len(pieces) > 1 and pieces[0] in PARTS:
        return pieces[0], pieces[-1]
    return "top", pieces[-1]


def check(root):
    problems = []
    files = sorted(list((root / "include" / "ddat").rglob("*.hpp")) + list((root / "src" / "core").rglob("*.[ch]pp")))
    for path in files:
        relative = path.relative_to(root)
        part = part_of_file(relative)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = INCLUDE.match(line)
            if not match:
                continue
            included, file_name = part_of_include(match.group(1))
            if included is None:
                problems.append(f"{relative}:{number}: includes \"{match.group(1)}\", which is not part of the core")
            elif included not in ALLOWED[part]:
                problems.append(f"{relative}:{number}: {part} includes {included} (\"{match.group(1)}\"); "
                                f"{part} may include only {', '.join(sorted(ALLOWED[part]))}")
            elif part == "parse" and included == "top" and file_name in MODEL_HEADERS:
                problems.append(f"{relative}:{number}: parse includes the model (\"{match.group(1)}\"); "
                                "parse knows nothing of the framework")
    return problems, len(files)


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    problems, checked = check(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} include(s) break the rule that parts depend only downwards (see ARCHITECTURE.md)")
        return 1
    print(f"{checked} files: every include goes downwards")
    return 0


if __name__ == "__main__":
    sys.exit(main())
