#!/usr/bin/env python3
"""The alternative ddat is measured against: a plain Python script with PyYAML doing the same
gap analysis as 'ddat team DIR --target LEVEL' for a folder of self-assessments.

usage: gap_pyyaml.py FRAMEWORK_DIR LEVEL_ID ASSESSMENT_DIR [--libyaml]
--libyaml: parse with PyYAML's binding to the C library libyaml (yaml.CSafeLoader) instead of
its pure-Python loader (yaml.safe_load, what a plain script uses).
Reads the framework's YAML files, finds the level, then for each assessment computes per
required skill the shortfall and status, and the readiness; prints the team readiness.
"""
import sys
from pathlib import Path

import yaml

LEVELS = {"none": 0, "awareness": 1, "working": 2, "practitioner": 3, "expert": 4}


def level_number(value):
    if isinstance(value, dict):
        value = value.get("level")
    text = str(value).strip().lower()
    return int(text) if text.isdigit() else LEVELS.get(text, 0)


def main():
    framework_dir, level_id, assessments = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    load = yaml.safe_load
    if "--libyaml" in sys.argv[4:]:
        load = lambda text: yaml.load(text, Loader=yaml.CSafeLoader)  # noqa: E731
    skills, required = {}, None
    for path in sorted(framework_dir.rglob("*.yaml")):
        data = load(path.read_text(encoding="utf-8")) or {}
        for skill in data.get("skills", []) or []:
            skills[skill["id"]] = skill["name"]
        for role in data.get("roles", []) or []:
            for level in role.get("levels", []):
                if level["id"] == level_id or level_id in level.get("aliases", []):
                    required = {k: LEVELS[v["level"]] for k, v in (level.get("requirements") or {}).items()}
    by_name = {name.lower(): key for key, name in skills.items()}
    readiness = []
    for path in sorted(assessments.glob("*.yaml")):
        person = load(path.read_text(encoding="utf-8"))
        held = {}
        for key, value in (person.get("skills") or {}).items():
            held[key if key in skills else by_name.get(str(key).lower(), key)] = level_number(value)
        have = want = 0
        for skill, level in required.items():
            actual = held.get(skill, 0)
            have += min(actual, level)
            want += level
        readiness.append(have / want if want else 1.0)
    print(f"{len(readiness)} people, team readiness {sum(readiness) / len(readiness):.3f}")


if __name__ == "__main__":
    main()
