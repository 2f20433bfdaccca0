#!/usr/bin/env python3
"""Transcribe the January 2020 role guidance pages into ddat's framework YAML.

Used once to write framework/roles/business-relationship-manager.yaml,
framework/roles/it-service-manager.yaml and the skills catalogue in framework/framework.yaml
from the published pages kept beside the project (../shared/seeds). Kept so that the
transcription can be repeated and reviewed; the YAML files it wrote are what ddat ships.

usage: scripts/transcribe-seeds.py SEEDS_DIR OUT_DIR
"""
import re
import sys
from pathlib import Path

LEVELS = ["awareness", "working", "practitioner", "expert"]


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def clean(text):
    text = text.replace("\u00e2\u20ac\u2122", "\u2019")  # UTF-8 apostrophe read as Windows-1252
    return re.sub(r"\s+", " ", text).strip()


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def skill_line(line):
    """'Name. text' -> (name, text); the name is the text before the first '. '."""
    name, _, rest = line.partition(". ")
    return name.strip(), rest.strip()


def parse_role(path, level_names, role_name):
    lines = [clean(l) for l in Path(path).read_text(encoding="utf-8").splitlines()]
    lines = [l for l in lines if l]
    intro_at = len(lines) - 1 - lines[::-1].index(f"Introduction to the role of {role_name}")
    first_level_at = lines.index(level_names[0], intro_at + 1)
    role_description = lines[intro_at + 1]
    req_at = next(i for i in range(intro_at, first_level_at) if lines[i].startswith("You will need the following"))
    role_skills = [skill_line(l) for l in lines[req_at + 1:first_level_at]]
    read_more = lines.index("Read more", first_level_at)
    levels = []
    starts = [lines.index(n, first_level_at) for n in level_names] + [read_more]
    for name, start, end in zip(level_names, starts, starts[1:]):
        block = lines[start + 1:end]
        skills_at = block.index("Skills needed for this role")
        head = block[:skills_at]
        description, bullets, heading = [], [], None
        for line in head:
            if line == "You will also ensure that:":
                heading = "You will also ensure that"
                continue
            if line.endswith(":") and not bullets and (line.startswith("At this level") or line.startswith("You will also")):
                # lead-in of the bullet list: keep the sentence before it in the description
                prefix = re.sub(r"\s*At this level, you( will)?( be expected to)?:$", "", line)
                if prefix != line and prefix:
                    description.append(prefix)
                continue
            if description and not line.endswith(".") and line[0].islower():
                bullets.append(line)
            elif not description:
                description.append(line)
            elif line[0].isupper():
                description.append(line)
            else:
                bullets.append(line)
        requirements = []
        for line in block[skills_at + 1:]:
            m = re.match(r"^(.*?)\s*\(Relevant skill level: (\w+)\)$", line)
            assert m, line
            skill, text = skill_line(m.group(1))
            requirements.append((skill, m.group(2).lower(), text))
        text = re.sub(r"\s*At this level, you( will)?( be expected to)?:$", "", " ".join(description))
        levels.append((name, text, (heading, bullets), requirements))
    return role_description, role_skills, levels


def write_role(out, role_name, family, role_description, role_skills, levels, aliases):
    w = [f"# {role_name}: role guidance of the Digital, Data and Technology Profession Capability",
         "# Framework, Central Digital and Data Office, published 7 January 2020. Crown copyright,",
         "# Open Government Licence v3.0.",
         "roles:",
         f"  - id: {slug(role_name)}",
         f"    name: {q(role_name)}",
         f"    family: {family}",
         f"    description: {q(role_description)}",
         "    skills:"]
    for name, text in role_skills:
        w.append(f"      {slug(name)}: {q(text)}")
    w.append("    levels:")
    for (name, description, bullets, requirements), alias in zip(levels, aliases):
        w += [f"      - id: {slug(name)}",
              f"        name: {q(name)}",
              f"        aliases: [{alias}]",
              f"        description: {q(description)}"]
        heading, bullets = bullets
        if heading:
            w += ["        responsibilities:", f"          - heading: {q(heading)}", "            items:"]
            w += [f"              - {q(b)}" for b in bullets]
        elif bullets:
            w.append("        responsibilities:")
            w += [f"          - {q(b)}" for b in bullets]
        w.append("        requirements:")
        for skill, level, text in requirements:
            w += [f"          {slug(skill)}:", f"            level: {level}", f"            description: {q(text)}"]
    Path(out).write_text("\n".join(w) + "\n", encoding="utf-8")


def main():
    seeds, out = Path(sys.argv[1]), Path(sys.argv[2])
    brm = parse_role(seeds / "000_ee73a9b5fca9ffa0.txt",
                     ["Business relationship manager", "Senior business relationship manager",
                      "Lead business relationship manager"], "business relationship manager")
    itsm = parse_role(seeds / "002_f76929ccef5b4571.txt",
                      ["IT service manager", "Senior IT service manager", "Head of IT service management"],
                      "IT service manager")
    write_role(out / "roles/business-relationship-manager.yaml", "Business relationship manager",
               "it-operations", *brm, ["brm", "senior-brm", "lead-brm"])
    write_role(out / "roles/it-service-manager.yaml", "IT service manager", "it-operations", *itsm,
               ["itsm", "senior-itsm", "head-of-itsm"])
    # the catalogue: each skill once, with the business relationship manager page's wording
    catalogue = [" ".join(["  - id:", slug(n)]) + f"\n    name: {q(n)}\n    description: {q(t)}" for n, t in brm[1]]
    Path(out / "skills.yaml").write_text(
        "# The skills catalogue: the skills of the transcribed roles, with the role-wide description\n"
        "# from the business relationship manager guidance (7 January 2020). Each role also keeps its\n"
        "# own wording in its file. Crown copyright, Open Government Licence v3.0.\nskills:\n"
        + "\n".join(catalogue) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
