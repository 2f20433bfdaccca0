#!/usr/bin/env python3
"""Writes N made-up self-assessments for one target level, for benchmarks.

usage: generate_assessments.py N DIR SKILL_ID... [--target LEVEL]
Each file names a person, the target and a random level (0-4) for each skill, with evidence for
some. The same N gives the same files (a fixed random seed). No real person's data.
"""
import random
import sys
from pathlib import Path

WORDS = ["none", "awareness", "working", "practitioner", "expert"]


def main():
    args = sys.argv[1:]
    target = "senior-brm"
    if "--target" in args:
        at = args.index("--target")
        target = args[at + 1]
        del args[at:at + 2]
    count, out, skills = int(args[0]), Path(args[1]), args[2:]
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261123)
    for n in range(count):
        lines = [f"name: Person {n:06d}", f"target: {target}", "skills:"]
        for skill in skills:
            level = rng.randrange(5)
            if rng.random() < 0.2:
                lines += [f"  {skill}:", f"    level: {WORDS[level]}",
                          f"    evidence: Example {n} for {skill}, written for a benchmark."]
            else:
                lines.append(f"  {skill}: {level if rng.random() < 0.5 else WORDS[level]}")
        (out / f"person-{n:06d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
