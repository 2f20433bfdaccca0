#!/usr/bin/env python3
"""Writes a made-up framework of the current framework's size (8 families, 52 roles, 205 role
levels, 188 skills, texts of similar length) in ddat's YAML, for benchmarks on a machine
without the official CSV download.   usage: generate_framework.py DIR
"""
import random
import sys
from pathlib import Path

LEVELS = ["awareness", "working", "practitioner", "expert"]
TITLES = ["Associate", "", "Senior", "Lead", "Principal"]
rng = random.Random(52)


def text(words):
    vocabulary = ("you can lead work with stakeholders to understand needs and deliver services that meet "
                  "them, sharing knowledge, choosing tools and techniques, and improving how the team "
                  "works across the organisation").split()
    return " ".join(rng.choice(vocabulary) for _ in range(words)).capitalize() + "."


def q(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    out = Path(sys.argv[1])
    (out / "roles").mkdir(parents=True, exist_ok=True)
    families = [f"family-{n}" for n in range(8)]
    lines = ["framework:", '  title: "Benchmark framework"', "families:"]
    for family in families:
        lines += [f"  - id: {family}", f"    name: {q(family.title())}"]
    (out / "framework.yaml").write_text("\n".join(lines) + "\n")
    lines = ["skills:"]
    for n in range(188):
        lines += [f"  - id: skill-{n}", f"    name: {q(f'Skill {n}')}", f"    description: {q(text(40))}", "    levels:"]
        lines += [f"      {level}: {q(text(50))}" for level in LEVELS]
    (out / "skills.yaml").write_text("\n".join(lines) + "\n")
    levels_left = 205
    for r in range(52):
        count = 4 if r < 49 else (levels_left - 4 * 49) // 3 + (1 if r < 49 + (levels_left - 4 * 49) % 3 else 0)
        count = max(1, min(count, levels_left))
        levels_left -= count
        lines = ["roles:", f"  - id: role-{r}", f"    name: {q(f'Role {r}')}", f"    family: {families[r % 8]}",
                 f"    description: {q(text(80))}", "    levels:"]
        skills = rng.sample(range(188), 9)
        for n in range(count):
            name = f"{TITLES[n % 5]} role {r}".strip()
            lines += [f"      - id: role-{r}-level-{n}", f"        name: {q(name)}",
                      f"        description: {q(text(90))}", "        requirements:"]
            for s in skills:
                lines += [f"          skill-{s}:", f"            level: {LEVELS[min(3, n)]}"]
        (out / "roles" / f"role-{r}.yaml").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
