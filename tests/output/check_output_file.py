#!/usr/bin/env python3
"""-o FILE as a user meets it, in a scratch folder.

usage: check_output_file.py DDAT REPO WORK

- What -o writes is what standard output gets, for every table command and every format.
- Without --format, the file's extension names the format; --format wins over it; an extension
  the command cannot write is a usage error that says where the format came from.
- A symbolic link is written through and stays a link; a device or a pipe is written into.
- -o never names a file the command reads (a self-assessment, the framework), and never a YAML or
  JSON file inside a folder it reads: exit 2, one error, nothing written, the input unchanged.
Exit status 0 pass, 1 fail.
"""

import json
import os
import shutil
import stat
import subprocess
import sys

DDAT, REPO, WORK = (os.path.abspath(path) for path in sys.argv[1:4])
ENV = dict(os.environ, NO_COLOR="1", COLUMNS="80", LC_ALL="C.UTF-8")
ENV.pop("DDAT_FRAMEWORK", None)
ENV.pop("DDAT_RELEASE", None)
failures = []


def run(*args):
    return subprocess.run([DDAT, *args], cwd=WORK, env=ENV, capture_output=True, timeout=30)


def read(name):
    with open(os.path.join(WORK, name), "rb") as f:
        return f.read()


def check(condition, what):
    if not condition:
        failures.append(what)


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(os.path.join(WORK, "team"))
shutil.copy(os.path.join(REPO, "examples", "me.yaml"), os.path.join(WORK, "me.yaml"))
shutil.copy(os.path.join(REPO, "examples", "me.yaml"), os.path.join(WORK, "team", "sam.yaml"))
me_before = read("me.yaml")

# The same bytes in the file as on standard output, table included (the team table once crashed).
COMMANDS = {
    "roles-list": ["roles", "list"],
    "level-show": ["level", "show", "senior-brm"],
    "gap": ["gap", "--me", "me.yaml", "--target", "senior-brm"],
    "match": ["match", "--me", "me.yaml"],
    "team": ["team", "team", "--target", "senior-brm"],
}
for name, args in COMMANDS.items():
    for fmt in ("table", "json", "yaml", "csv", "markdown", "html"):
        if fmt == "html" and name == "roles-list":
            continue
        shown = run(*args, "--format", fmt)
        written = run(*args, "--format", fmt, "-o", f"{name}.{fmt}.out")
        check(shown.returncode == 0, f"{name} --format {fmt}: exit {shown.returncode}: {shown.stderr!r}")
        check(written.returncode == 0 and written.stdout == b"",
              f"{name} --format {fmt} -o: exit {written.returncode}, stdout {written.stdout[:80]!r}, "
              f"stderr {written.stderr!r}")
        if written.returncode == 0:
            check(read(f"{name}.{fmt}.out") == shown.stdout, f"{name} --format {fmt}: -o wrote other bytes")
            mode = os.stat(os.path.join(WORK, f"{name}.{fmt}.out")).st_mode & 0o777
            check(mode == 0o600, f"{name} --format {fmt} -o: mode {oct(mode)}, not 0600")

# The other commands that print a report write it with -o too, in the format they print.
for args in (["roles", "show", "brm"], ["skills", "list"], ["skills", "show", "user-focus"], ["diff", "brm", "senior-brm"],
             ["path", "brm", "lead-brm"], ["progress", "me.yaml", "team/sam.yaml", "--target", "senior-brm"],
             ["changes", "2020-01", "2025-10"], ["advert", "senior-brm"]):
    shown = run(*args)
    written = run(*args, "-o", "other.txt")
    name = " ".join(args)
    check(shown.returncode in (0, 1) and written.returncode == shown.returncode and written.stdout == b"",
          f"{name} -o: exit {written.returncode} (shown {shown.returncode}), stderr {written.stderr!r}")
    if written.returncode == shown.returncode:
        check(read("other.txt") == shown.stdout, f"{name} -o other.txt wrote other bytes")

# The extension names the format when --format is not given.
for extension, fmt in (("json", "json"), ("yaml", "yaml"), ("yml", "yaml"), ("csv", "csv"), ("tsv", "tsv"),
                       ("md", "markdown"), ("html", "html"), ("HTML", "html"), ("svg", "svg"), ("txt", "table")):
    target = f"report.{extension}"
    result = run("gap", "--me", "me.yaml", "--target", "senior-brm", "-o", target)
    check(result.returncode == 0, f"-o {target}: exit {result.returncode}: {result.stderr!r}")
    expected = run("gap", "--me", "me.yaml", "--target", "senior-brm", "--format", fmt).stdout
    if result.returncode == 0:
        check(read(target) == expected, f"-o {target} did not write {fmt}")
try:
    json.loads(read("report.json"))
except (ValueError, OSError) as error:
    failures.append(f"-o report.json is not JSON: {error}")
xlsx = run("gap", "--me", "me.yaml", "--target", "senior-brm", "-o", "gap.xlsx")
check(xlsx.returncode == 0 and read("gap.xlsx")[:2] == b"PK", f"-o gap.xlsx did not write a workbook: {xlsx.stderr!r}")
# --format wins over the extension.
explicit = run("gap", "--me", "me.yaml", "--target", "senior-brm", "--format", "table", "-o", "table.json")
check(explicit.returncode == 0 and read("table.json") ==
      run("gap", "--me", "me.yaml", "--target", "senior-brm").stdout, "--format table -o table.json did not write the table")
# An extension the command cannot write.
chart = run("roles", "list", "-o", "roles.svg")
check(chart.returncode == 2 and chart.stdout == b"" and b"extension of -o roles.svg" in chart.stderr
      and not os.path.exists(os.path.join(WORK, "roles.svg")),
      f"roles list -o roles.svg: exit {chart.returncode}, stderr {chart.stderr!r}")

# An extension ddat does not write is refused, not filled with a table; --format wins over it.
pdf = run("gap", "--me", "me.yaml", "--target", "senior-brm", "-o", "gap.pdf")
check(pdf.returncode == 2 and pdf.stdout == b"" and b"ddat writes no '.pdf' file" in pdf.stderr
      and not os.path.exists(os.path.join(WORK, "gap.pdf")), f"-o gap.pdf: exit {pdf.returncode}, stderr {pdf.stderr!r}")
named = run("gap", "--me", "me.yaml", "--target", "senior-brm", "--format", "html", "-o", "gap.pdf")
check(named.returncode == 0 and read("gap.pdf").lower().startswith(b"<!doctype html"),
      f"--format html -o gap.pdf: exit {named.returncode}, stderr {named.stderr!r}")

# A symbolic link is written through and stays a link; a device is written into, never replaced.
os.makedirs(os.path.join(WORK, "reports"))
with open(os.path.join(WORK, "reports", "gap.html"), "w") as f:
    f.write("old\n")
os.symlink("reports/gap.html", os.path.join(WORK, "latest.html"))
linked = run("gap", "--me", "me.yaml", "--target", "senior-brm", "-o", "latest.html")
check(linked.returncode == 0 and os.path.islink(os.path.join(WORK, "latest.html"))
      and read("reports/gap.html").lower().startswith(b"<!doctype html"),
      f"-o latest.html (a link): exit {linked.returncode}, stderr {linked.stderr!r}")
device = run("gap", "--me", "me.yaml", "--target", "senior-brm", "--format", "json", "-o", "/dev/stdout")
check(device.returncode == 0 and device.stdout == run("gap", "--me", "me.yaml", "--target", "senior-brm",
                                                      "--format", "json").stdout,
      f"-o /dev/stdout: exit {device.returncode}, stderr {device.stderr!r}")
os.mkfifo(os.path.join(WORK, "pipe"))
reader = os.open(os.path.join(WORK, "pipe"), os.O_RDONLY | os.O_NONBLOCK)
piped = run("roles", "list", "--format", "csv", "-o", "pipe")
received = os.read(reader, 1 << 16)
os.close(reader)
check(piped.returncode == 0 and received.startswith(b"id,name,family.id") and
      stat.S_ISFIFO(os.stat(os.path.join(WORK, "pipe")).st_mode),
      f"-o pipe: exit {piped.returncode}, read {received[:40]!r}, stderr {piped.stderr!r}")

# Never over an input.
REFUSED = [
    (["gap", "--me", "me.yaml", "--target", "senior-brm", "-o", "me.yaml"],
     "ddat: error: '-o me.yaml' is --me me.yaml, which this command reads: the output would replace it; "
     "name another file\n", "me.yaml"),
    (["gap", "--me", "me.yaml", "--target", "senior-brm", "-o", "./team/../me.yaml"],
     "ddat: error: '-o ./team/../me.yaml' is --me me.yaml, which this command reads: the output would replace "
     "it; name another file\n", "me.yaml"),
    (["progress", "me.yaml", "team/sam.yaml", "-o", "team/sam.yaml"], None, "team/sam.yaml"),
    (["team", "team", "--target", "senior-brm", "-o", "team/report.yaml"],
     "ddat: error: '-o team/report.yaml' is inside 'team', a folder this command reads: the next run would read "
     "the output as one of its files; write it elsewhere\n", None),
    (["team", "team", "--target", "senior-brm", "--format", "json", "-o", "team/sam.yaml"], None, "team/sam.yaml"),
]
for args, message, kept in REFUSED:
    before = read(kept) if kept else None
    result = run(*args)
    shown = " ".join(args)
    check(result.returncode == 2, f"{shown}: exit {result.returncode}, not 2 (stderr {result.stderr!r})")
    check(result.stdout == b"", f"{shown}: wrote to standard output")
    check(result.stderr.count(b"ddat: error:") == 1, f"{shown}: not one error: {result.stderr!r}")
    if message is not None:
        check(result.stderr.decode() == message, f"{shown}: stderr {result.stderr.decode()!r}")
    if kept:
        check(read(kept) == before, f"{shown}: {kept} was changed")
    else:
        check(not os.path.exists(os.path.join(WORK, "team", "report.yaml")), f"{shown}: wrote the file")
check(read("me.yaml") == me_before, "me.yaml was changed")
# A report that the folder's next reading would not take for an assessment may go there.
inside = run("team", "team", "--target", "senior-brm", "-o", "team/report.html")
check(inside.returncode == 0 and read("team/report.html").lstrip().lower().startswith(b"<!doctype html"),
      f"team -o team/report.html: exit {inside.returncode}: {inside.stderr!r}")

for failure in failures:
    print("FAILED:", failure)
print(f"{'FAIL' if failures else 'ok'}: -o FILE ({len(failures)} failures)")
sys.exit(1 if failures else 0)
