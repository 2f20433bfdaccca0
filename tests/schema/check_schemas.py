#!/usr/bin/env python3
"""Checks YAML files against the JSON Schemas in docs/schema/.

  check_schemas.py [--schema-dir DIR] [--framework PATH]... [--me FILE]...
                   [--framework-invalid FILE]... [--me-invalid FILE]...
                   [--cases [--ddat BINARY]]

--framework PATH   a framework file, or a folder whose .yaml and .yml files (in sub-folders too)
                   must each satisfy framework.schema.json
--me FILE          a self-assessment that must satisfy self-assessment.schema.json
--*-invalid FILE   a file that must fail its schema (it must still be readable YAML)
--cases            small edge cases, each known to be valid or invalid; with --ddat, each is also
                   given to 'BINARY validate' to check that ddat and the schemas agree

When DDAT_SCHEMA_EXTRA_DIR names a folder, such as one written by 'ddat import', its files are
checked against the framework schema too.

The YAML is read as ddat reads it: dates such as 2020-01-07 and decimals stay text, only
true/false/yes/no are booleans, and anchors, aliases, duplicate keys, files that are not UTF-8,
and files too large or too deeply nested are refused. Exits 0 when every check passes, 1 with
the reasons otherwise, 2 on a usage error.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import jsonschema
    import yaml
except ImportError as error:
    sys.exit(f"check_schemas.py: {sys.executable} cannot import {error.name}: install the Debian packages "
             "python3-jsonschema and python3-yaml (scripts/install-deps.sh does), or the modules jsonschema "
             "and PyYAML for this python")

FRAMEWORK = "framework"
ME = "self-assessment"
LIMITS = {FRAMEWORK: (32 * 1024 * 1024, 100), ME: (4 * 1024 * 1024, 20)}  # bytes, nesting


class DdatLoader(yaml.SafeLoader):
    """Resolves plain scalars as ddat's YAML reader does: null, booleans, whole numbers, else text."""

    yaml_implicit_resolvers = {}


DdatLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
                                 ["~", "n", "N", ""])
DdatLoader.add_implicit_resolver("tag:yaml.org,2002:bool",
                                 re.compile(r"^(?:true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO)$"),
                                 list("tTfFyYnN"))
DdatLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^(?:0|[1-9][0-9]*)$"), list("0123456789"))


class ReadError(Exception):
    """A file that is not readable YAML, or that ddat's reader refuses before any schema applies."""


def place(mark):
    return f"{mark.line + 1}:{mark.column + 1}"


def to_data(node, path, lines, depth, max_depth):
    """The node as plain data; records the line and column of every path in lines."""
    lines[path] = place(node.start_mark)
    if isinstance(node, yaml.ScalarNode):
        kind = node.tag.rsplit(":", 1)[-1]
        if kind == "null":
            return None
        if kind == "bool":
            return node.value.lower() in ("true", "yes")
        if kind == "int":
            return int(node.value)
        return node.value
    if depth >= max_depth:
        raise ReadError(f"{place(node.start_mark)}: nested more than {max_depth} levels deep")
    if isinstance(node, yaml.SequenceNode):
        return [to_data(item, path + (i,), lines, depth + 1, max_depth) for i, item in enumerate(node.value)]
    mapping = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":null"):
            raise ReadError(f"{place(key_node.start_mark)}: a key must be text")
        key = key_node.value
        if key in mapping:
            raise ReadError(f"{place(key_node.start_mark)}: '{key}' appears twice in one mapping "
                            f"(first at line {lines[path + (key,)].split(':')[0]})")
        mapping[key] = to_data(value_node, path + (key,), lines, depth + 1, max_depth)
        lines[path + (key,)] = place(key_node.start_mark)
    return mapping


def read_yaml(path, kind):
    """(data, lines) of a YAML file read as ddat reads it; raises ReadError."""
    max_bytes, max_depth = LIMITS[kind]
    raw = Path(path).read_bytes()
    if len(raw) > max_bytes:
        raise ReadError(f"larger than {max_bytes // (1024 * 1024)} MiB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(f"not valid UTF-8 (byte {error.start})") from None
    if "\0" in text:
        raise ReadError("holds a NUL byte")
    try:
        for event in yaml.parse(text, Loader=DdatLoader):
            if isinstance(event, yaml.AliasEvent):
                raise ReadError(f"{place(event.start_mark)}: a YAML alias (*name): ddat refuses aliases")
            if getattr(event, "anchor", None) is not None:
                raise ReadError(f"{place(event.start_mark)}: a YAML anchor (&name): ddat refuses anchors")
        root = yaml.compose(text, Loader=DdatLoader)
    except yaml.YAMLError as error:
        raise ReadError("not valid YAML: " + " ".join(str(error).split())) from None
    if root is None:
        raise ReadError("the file is empty")
    lines = {}
    return to_data(root, (), lines, 0, max_depth), lines


def load_schema(schema_dir, name):
    path = Path(schema_dir) / name
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        sys.exit(f"check_schemas.py: cannot read the schema {path}: {error}")
    cls = jsonschema.validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        sys.exit(f"check_schemas.py: {path} is not a valid JSON Schema: {error.message}")
    return cls(schema)


def describe(error):
    """The error's message; for a value outside a pattern or range, what the schema allows instead."""
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    if description and error.validator in ("pattern", "not", "minimum", "maximum", "enum"):
        return f"{error.instance!r} is not allowed here. {description}"
    return error.message


def closest(errors):
    """Of an anyOf's errors, one from the alternative that fits best: the one that got furthest
    into the value, else one that is not about the value's type."""
    return sorted(errors, key=lambda e: (-len(e.relative_path), e.validator == "type"))[0]


def schema_problems(validator, data, lines):
    """One line per schema error, with its place in the file."""
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        while error.context:  # anyOf: report the alternative that came closest
            error = closest(error.context)
        path = tuple(error.absolute_path)
        where = lines.get(path, "1:1")
        at = " > ".join(str(p) for p in path) or "the top level"
        problems.append(f"{where}: at {at}: {describe(error)}")
    return problems


def check_file(validators, kind, path):
    """The problems of one file: a read problem, or schema errors."""
    try:
        data, lines = read_yaml(path, kind)
    except ReadError as error:
        return "read", [str(error)]
    except OSError as error:
        return "read", [error.strerror or str(error)]
    return "schema", schema_problems(validators[kind], data, lines)


def yaml_files(path):
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        if not files:
            raise FileNotFoundError(f"{path}: the folder holds no .yaml or .yml file")
        return files
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file or folder")
    return [path]


# Edge cases: (kind, what it shows, expected valid, YAML). A framework case is a whole framework
# in one file, so that ddat's own verdict depends only on what the schema can see; a
# self-assessment case is read against the built-in framework.
FRAMEWORK_BASE = """\
framework: {title: T}
families: [{id: f, name: F}]
skills: [{id: s, name: S}]
roles:
  - id: r
    name: R
    family: f
    levels:
      - id: r1
        name: R1
        requirements:
          s: {level: working}
"""

FRAMEWORK_EDGE = """\
framework:
  title: 2020
  version: 2020.10
  published: 2020-01-07
families:
  - id: fam
    name: Fam
    description:
skills:
  - id: s1
    name: S1
    levels:
      awareness:
      working: 3
  - id: "123"
    name: Numbers
    levels:
roles:
  - id: r
    name: R
    family: fam
    skills:
      s1: yes
    levels:
      - id: r1
        name: R1
        senior_civil_service: Yes
        whole_role: NO
        aliases:
        pay_band: 7
        responsibilities:
          - plain one
          - heading: H
            items: []
          - plain two
        requirements:
          s1:
            level: Practitioner
          "123":
            level: 3
        criteria:
          - id: c
            name: C
            kind: competence
            essential:
            desirable: [a, 1, true]
      - id: r2
        name: R2
        whole_role: true
        requirements:
          s1: {level: unspecified, description: Any level meets it.}
          "123": {level: " expert "}
        criteria:
"""


def framework_variant(old, new):
    assert old in FRAMEWORK_BASE, old
    return FRAMEWORK_BASE.replace(old, new, 1)


CASES = [
    (FRAMEWORK, "the smallest framework", True, FRAMEWORK_BASE),
    (FRAMEWORK, "optional and empty values, numbers as text, yes/no, unspecified, whole_role", True,
     FRAMEWORK_EDGE),
    (FRAMEWORK, "requirement level in capitals, as a number", True,
     framework_variant("{level: working}", "{level: EXPERT}\n          s2: {level: 2}").replace(
         "[{id: s, name: S}]", "[{id: s, name: S}, {id: s2, name: S2}]")),
    (FRAMEWORK, "an unknown top-level key", False, FRAMEWORK_BASE + "extra: 1\n"),
    (FRAMEWORK, "a misspelt key in a family", False, framework_variant("name: F}", "name: F, desciption: x}")),
    (FRAMEWORK, "an unknown key in a requirement", False, framework_variant("{level: working}",
                                                                            "{level: working, note: x}")),
    (FRAMEWORK, "a level that is not a level word", False, framework_variant("level: working", "level: guru")),
    (FRAMEWORK, "level 0 in a requirement", False, framework_variant("level: working", "level: 0")),
    (FRAMEWORK, "level none in a requirement", False, framework_variant("level: working", "level: none")),
    (FRAMEWORK, "level 5 in a requirement", False, framework_variant("level: working", "level: 5")),
    (FRAMEWORK, "Unspecified in capitals", False, framework_variant("level: working", "level: Unspecified")),
    (FRAMEWORK, "a requirement without a level", False, framework_variant("{level: working}",
                                                                          "{description: x}")),
    (FRAMEWORK, "a requirement that is not a mapping", False, framework_variant("{level: working}", "working")),
    (FRAMEWORK, "an id that is not kebab-case", False, framework_variant("id: r1", "id: Senior_R1")),
    (FRAMEWORK, "an empty name", False, framework_variant("name: R1", "name: '  '")),
    (FRAMEWORK, "a role without levels", False, FRAMEWORK_BASE.split("    levels:")[0] + "    levels: []\n"),
    (FRAMEWORK, "senior_civil_service: on", False, framework_variant("name: R1", "name: R1\n        "
                                                                                  "senior_civil_service: on")),
    (FRAMEWORK, "aliases that are not a list", False, framework_variant("name: R1", "name: R1\n        "
                                                                                    "aliases: r-one")),
    (FRAMEWORK, "a responsibilities section without items", False,
     framework_variant("name: R1", "name: R1\n        responsibilities:\n          - heading: H")),
    (FRAMEWORK, "a criterion kind in capitals", False,
     framework_variant("name: R1", "name: R1\n        criteria:\n          - {id: c, name: C, kind: Competence}")),
    (FRAMEWORK, "an empty list item in essential", False,
     framework_variant("name: R1", "name: R1\n        criteria:\n          - id: c\n            name: C\n"
                                   "            kind: competence\n            essential:\n              -")),
    (FRAMEWORK, "the same key twice", False, framework_variant("name: R1", "name: R1\n        name: R2")),
    (FRAMEWORK, "a YAML anchor and alias", False, framework_variant("name: R1", "name: &n R1\n        "
                                                                                "description: *n")),
    (FRAMEWORK, "a list at the top", False, "- framework: {title: T}\n"),
    (FRAMEWORK, "an empty file", False, "# nothing\n"),
    (ME, "levels as words in any case, numbers, evidence, criteria", True, """\
name: 42
current: brm
target:
skills:
  user-focus: NONE
  Relationship Management: " Working "
  service-focus: {level: 4, evidence: 12}
  strategic-thinking: 0
criteria:
  seeing-the-big-picture: Partially
  Changing and improving: not met
  making-effective-decisions: {status: YES, evidence: x}
  leading-and-communicating: false
"""),
    (ME, "no skills held", True, "skills: {}\n"),
    (ME, "an unknown skill (a warning)", True, "skills:\n  user-focsu: working\n"),
    (ME, "a level that is not a level word", False, "skills:\n  user-focus: guru\n"),
    (ME, "a level with decimals", False, "skills:\n  user-focus: 2.0\n"),
    (ME, "level 5", False, "skills:\n  user-focus: 5\n"),
    (ME, "a skill with no level", False, "skills:\n  user-focus:\n"),
    (ME, "level and evidence not indented under their skill", False,
     "skills:\n  user-focus:\n  level: working\n  evidence: x\n"),
    (ME, "an unknown key in a skill entry", False, "skills:\n  user-focus: {level: working, note: x}\n"),
    (ME, "a skill entry without a level", False, "skills:\n  user-focus: {evidence: x}\n"),
    (ME, "a status that is not met, partly or not-met", False,
     "skills: {}\ncriteria:\n  seeing-the-big-picture: on\n"),
    (ME, "a criterion entry with an empty status", False,
     "skills: {}\ncriteria:\n  seeing-the-big-picture: {status: }\n"),
    (ME, "an unknown top-level key", False, "skills: {}\nextra: 1\n"),
    (ME, "no skills", False, "name: x\n"),
    (ME, "an empty skills", False, "skills:\n"),
    (ME, "a list instead of a mapping", False, "- user-focus: working\n"),
    (ME, "the same skill key twice", False, "skills:\n  user-focus: working\n  user-focus: expert\n"),
]


def ddat_accepts(binary, kind, path):
    env = {k: v for k, v in os.environ.items() if k != "DDAT_FRAMEWORK"}
    command = [binary, "validate", str(path)] if kind == FRAMEWORK else [binary, "validate", "--me", str(path)]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            timeout=60, check=False)
    if result.returncode not in (0, 3):
        raise RuntimeError(f"'{' '.join(command)}' exited {result.returncode}: {result.stderr.strip()}")
    return result.returncode == 0, result.stderr.strip()


def plural(count, noun):
    return f"{count} {noun}" + ("" if count == 1 else "s")


def main():
    parser = argparse.ArgumentParser(description="Check YAML files against ddat's JSON Schemas.")
    parser.add_argument("--schema-dir", default=str(Path(__file__).resolve().parents[2] / "docs" / "schema"))
    parser.add_argument("--framework", action="append", default=[], metavar="PATH")
    parser.add_argument("--me", action="append", default=[], metavar="FILE")
    parser.add_argument("--framework-invalid", action="append", default=[], metavar="FILE")
    parser.add_argument("--me-invalid", action="append", default=[], metavar="FILE")
    parser.add_argument("--cases", action="store_true")
    parser.add_argument("--ddat", metavar="BINARY")
    options = parser.parse_args()

    validators = {FRAMEWORK: load_schema(options.schema_dir, "framework.schema.json"),
                  ME: load_schema(options.schema_dir, "self-assessment.schema.json")}
    failures = []
    counts = {"valid": 0, "invalid": 0, "cases": 0}

    framework_paths = list(options.framework)
    extra = os.environ.get("DDAT_SCHEMA_EXTRA_DIR", "")
    if extra:
        framework_paths.append(extra)
        print(f"also checking DDAT_SCHEMA_EXTRA_DIR={extra}")

    valid = []
    for kind, paths in ((FRAMEWORK, framework_paths), (ME, options.me)):
        for path in paths:
            try:
                valid += [(kind, file) for file in yaml_files(path)]
            except FileNotFoundError as error:
                failures.append(str(error))
    for kind, file in valid:
        stage, problems = check_file(validators, kind, file)
        if problems:
            failures.append(f"{file}: should satisfy the {kind} schema, but:\n" +
                            "\n".join(f"  {file}:{p}" if stage == "schema" else f"  {p}" for p in problems))
        else:
            counts["valid"] += 1
            print(f"ok    {file}: satisfies the {kind} schema")

    for kind, files in ((FRAMEWORK, options.framework_invalid), (ME, options.me_invalid)):
        for file in files:
            stage, problems = check_file(validators, kind, file)
            if stage == "read":
                failures.append(f"{file}: should fail the {kind} schema, but it cannot be read: {problems[0]}")
            elif not problems:
                failures.append(f"{file}: should fail the {kind} schema, but satisfies it")
            else:
                counts["invalid"] += 1
                print(f"ok    {file}: fails the {kind} schema, as it should ({plural(len(problems), 'error')}; "
                      f"first {problems[0]})")

    if options.cases:
        with tempfile.TemporaryDirectory(prefix="ddat-schema-") as folder:
            for number, (kind, what, expected, text) in enumerate(CASES, 1):
                file = Path(folder) / f"case-{number:02d}.yaml"
                file.write_text(text, encoding="utf-8")
                _, problems = check_file(validators, kind, file)
                label = f"case {number} ({kind}: {what})"
                verdict = "valid" if expected else "invalid"
                if (not problems) != expected:
                    failures.append(f"{label}: should be {verdict} by the schema, but "
                                    + ("satisfies it" if not problems else "fails it:\n  " + "\n  ".join(problems))
                                    + "\n  the file:\n    " + text.rstrip("\n").replace("\n", "\n    "))
                    continue
                if options.ddat:
                    accepted, messages = ddat_accepts(options.ddat, kind, file)
                    if accepted != expected:
                        failures.append(f"{label}: the schema finds it {verdict}, but 'ddat validate' "
                                        + ("accepts it" if accepted else "refuses it:\n  " + messages))
                        continue
                counts["cases"] += 1
                print(f"ok    {label}: {verdict}" + (", as ddat finds it" if options.ddat else ""))

    parts = []
    if valid:
        parts.append(f"{counts['valid']} of {plural(len(valid), 'file')} satisfy the schemas")
    if options.framework_invalid or options.me_invalid:
        total = len(options.framework_invalid) + len(options.me_invalid)
        parts.append(f"{counts['invalid']} of {plural(total, 'invalid file')} fail them")
    if options.cases:
        parts.append(f"{counts['cases']} of {len(CASES)} edge cases agree"
                     + (" with ddat validate" if options.ddat else " with their expected verdict"))
    summary = "; ".join(parts) or "nothing to check"
    if failures:
        print("\n".join(["", *failures, ""]), file=sys.stderr)
        print(f"schema check FAILED: {plural(len(failures), 'problem')}; {summary}", file=sys.stderr)
        return 1
    print(f"schema check passed: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
