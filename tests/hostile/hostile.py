#!/usr/bin/env python3
"""Hostile-input tests of the ddat binary.

Each case feeds the real binary a malformed, deep, huge or odd input (or an odd place to read
from or write to) and checks what docs/robustness.md promises: the documented exit code (3 for
a bad input file, 2 for usage), exactly one `ddat: error:` line on stderr that names the file
(with LINE:COL where the input has a place), nothing on stdout, and an answer within 5 seconds
of CPU on each of up to two cores (30 s of waiting at most)
under a 1 GiB address-space limit (`ulimit -v`; left off in sanitizer builds, whose shadow
memory needs more). Inputs that must work (a byte-order mark, CRLF line ends) must give exit 0
and the same output as the plain file.

Large inputs are generated at test time below the work folder (never committed).

usage: hostile.py --list
       hostile.py --ddat PATH --work DIR --case NAME
Environment: DDAT_HOSTILE_SANITIZE=ON in sanitizer builds (set by CMake from DDAT_SANITIZE).
Exit status: 0 pass, 1 fail, 77 skipped.
"""

import argparse
import fcntl
import hashlib
import json
import os
import re
import resource
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import time

TIME_LIMIT = 5.0  # seconds of CPU time for one run of ddat, on each of up to two cores
WALL_FACTOR = 6  # a run blocked, using no CPU, is killed after this many time limits of wall time
MEMORY_LIMIT = 1 << 30  # bytes of address space (ulimit -v 1048576)
SKIP = 77
MiB = 1024 * 1024

CASES = {}


def case(name):
    def register(function):
        assert name not in CASES, name
        CASES[name] = function
        return function

    return register


class Failure(Exception):
    pass


class Skip(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Running ddat


class Result:
    def __init__(self, args, code, out, err, seconds):
        self.args, self.code, self.out, self.err, self.seconds = args, code, out, err, seconds

    def describe(self):
        err = self.err.decode("utf-8", "replace")
        if len(err) > 2000:
            err = err[:2000] + f"... ({len(self.err)} bytes in all)"
        out = self.out[:300].decode("utf-8", "replace")
        return (f"  ddat {' '.join(shorten(a) for a in self.args)}\n  exit {self.code} after {self.seconds:.2f}s\n"
                f"  stderr: {err!r}\n  stdout ({len(self.out)} bytes): {out!r}")


def shorten(text, limit=120):
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "..."


class Context:
    def __init__(self, ddat, work, cache, sanitize):
        self.ddat, self.work, self.cache, self.sanitize = ddat, work, cache, sanitize
        self.home = os.path.join(work, "home")
        os.makedirs(self.home, exist_ok=True)
        self.notes = []

    def note(self, text):
        self.notes.append(text)
        print(text)

    def path(self, name):
        return os.path.join(self.work, name)

    def write(self, name, data, mode=None):
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        if mode is not None:
            os.chmod(path, mode)
        return path

    def environment(self, extra=None):
        env = {k: v for k, v in os.environ.items()
               if k not in ("DDAT_FRAMEWORK", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "DDAT_NO_CACHE", "NO_COLOR",
                            "COLUMNS")}
        # an empty home: no configuration folder framework, and a cache of its own
        env.update({"HOME": self.home, "NO_COLOR": "1", "COLUMNS": "80", "LC_ALL": "C.UTF-8"})
        if self.sanitize:
            env.setdefault("ASAN_OPTIONS", "detect_leaks=1")
        env.update(extra or {})
        return env

    def limits(self, as_nobody=False, memory=MEMORY_LIMIT, time_limit=TIME_LIMIT):
        def apply():
            os.setsid()
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            # CPU time, not wall time: other tests on the same cores slow a run down, not a loop
            cpu = int(2 * time_limit)
            resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
            if not self.sanitize:
                resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
            if as_nobody:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)

        return apply

    def start(self, args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, as_nobody=False, env=None,
              memory=MEMORY_LIMIT, time_limit=TIME_LIMIT):
        return subprocess.Popen([self.ddat] + [str(a) for a in args], stdin=stdin, stdout=stdout,
                                stderr=subprocess.PIPE, env=self.environment(env),
                                preexec_fn=self.limits(as_nobody, memory, time_limit), cwd=self.work)

    def run(self, args, stdin=None, stdout=subprocess.PIPE, as_nobody=False, env=None, memory=MEMORY_LIMIT,
            time_limit=TIME_LIMIT):
        """Runs ddat with the limits; a run that uses more than `time_limit` seconds of CPU on each
        of two cores, or waits for WALL_FACTOR times that, is killed and fails the case."""
        stdin_file = open(stdin, "rb") if isinstance(stdin, str) else subprocess.DEVNULL
        start = time.monotonic()
        try:
            process = self.start(args, stdin=stdin_file, stdout=stdout, as_nobody=as_nobody, env=env, memory=memory,
                                 time_limit=time_limit)
            try:
                out, err = process.communicate(timeout=WALL_FACTOR * time_limit)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                out, err = process.communicate()
                raise Failure(f"ddat {' '.join(shorten(a) for a in args)} did not finish within "
                              f"{WALL_FACTOR * time_limit:.0f}s (killed); stderr: {err[:500]!r}")
            if process.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
                raise Failure(f"ddat {' '.join(shorten(a) for a in args)} used more than {2 * time_limit:.0f}s "
                              f"of CPU (killed); stderr: {err[:500]!r}")
        finally:
            if stdin_file is not subprocess.DEVNULL:
                stdin_file.close()
        result = Result(args, process.returncode, out or b"", err, time.monotonic() - start)
        print(f"ran: ddat {' '.join(shorten(a, 80) for a in args)}: exit {result.code} in {result.seconds:.2f}s")
        return result

    # -- shared large inputs, generated once per build folder

    def cached(self, name, generate):
        """A generated file shared by the cases (generated once, under a lock). The files are
        thrown away when this script changes, since their generators may have."""
        os.makedirs(self.cache, exist_ok=True)
        path = os.path.join(self.cache, name)
        with open(os.path.join(self.cache, ".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            stamp = os.path.join(self.cache, ".script-digest")
            with open(__file__, "rb") as script:
                digest = hashlib.sha256(script.read()).hexdigest()
            if not os.path.exists(stamp) or open(stamp).read() != digest:
                for old in os.listdir(self.cache):
                    if not old.startswith("."):
                        os.remove(os.path.join(self.cache, old))
                with open(stamp, "w") as f:
                    f.write(digest)
            if not os.path.exists(path):
                temporary = path + ".partial"
                with open(temporary, "wb") as f:
                    generate(f)
                os.rename(temporary, path)
        return path


# ---------------------------------------------------------------------------------------------
# Checks


def check_sanitizers(result):
    for marker in (b"AddressSanitizer", b"LeakSanitizer", b"runtime error:", b"UndefinedBehaviorSanitizer"):
        if marker in result.err:
            raise Failure("a sanitizer reported a problem:\n" + result.describe())


def expect_error(result, code, file, place=None, message=None):
    """exit `code`, empty stdout, exactly one `ddat: error:` line, naming `file`, at `place`.

    place: None (the file alone: "FILE: ..."), "line" (FILE:LINE: ...), "line:col" (any
    FILE:LINE:COL), a (line, column) pair that must match exactly, or "any" (the line starts with
    FILE, as in "OUT is not empty").
    """
    check_sanitizers(result)
    problems = []
    if result.code != code:
        problems.append(f"exit code {result.code}, expected {code}")
    if result.out:
        problems.append("stdout is not empty")
    if result.seconds > TIME_LIMIT:
        problems.append(f"took {result.seconds:.2f}s")
    lines = result.err.split(b"\n")
    errors = [line for line in lines if line.startswith(b"ddat: error:")]
    if len(errors) != 1:
        problems.append(f"{len(errors)} 'ddat: error:' lines on stderr, expected exactly 1")
    elif file is not None:
        line = errors[0].decode("utf-8", "replace")
        prefix = "ddat: error: " + str(file)
        if not line.startswith(prefix):
            problems.append(f"the error does not start with {prefix!r}")
        else:
            rest = line[len(prefix):]
            if place == "any":
                pattern = r""
            elif place is None:
                pattern = r": "
            elif place == "line":
                pattern = r":[1-9][0-9]*: "
            elif place == "line:col":
                pattern = r":[1-9][0-9]*:[1-9][0-9]*: "
            else:
                pattern = re.escape(f":{place[0]}:{place[1]}: ")
            if not re.match(pattern, rest):
                problems.append(f"the place after the file name is not {place or 'absent'}: {shorten(rest, 80)!r}")
            if message and message not in rest:
                problems.append(f"the message does not say {message!r}")
        if len(errors[0]) > 4096:
            print(f"note: the error line is {len(errors[0])} bytes long")
    if problems:
        raise Failure("; ".join(problems) + "\n" + result.describe())
    print(f"ok: exit {result.code}, one error line: {shorten(errors[0].decode('utf-8', 'replace'), 160)}")


def expect_success(result, stdout_equals=None):
    check_sanitizers(result)
    problems = []
    if result.code != 0:
        problems.append(f"exit code {result.code}, expected 0")
    if b"ddat: error:" in result.err:
        problems.append("an error on stderr")
    if not result.out:
        problems.append("nothing on stdout")
    if stdout_equals is not None and result.out != stdout_equals:
        problems.append("stdout differs from the plain file's")
    if result.seconds > TIME_LIMIT:
        problems.append(f"took {result.seconds:.2f}s")
    if problems:
        raise Failure("; ".join(problems) + "\n" + result.describe())
    print(f"ok: exit 0, {len(result.out)} bytes of output, {result.err.count(b'ddat: warning:')} warnings")


def tree_state(path):
    """Names, sizes and digests of everything below path, to show it was left untouched."""
    state = {}
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            full = os.path.join(root, name)
            info = os.lstat(full)
            digest = None
            if stat.S_ISREG(info.st_mode):
                with open(full, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
            state[os.path.relpath(full, path)] = (stat.S_IFMT(info.st_mode), info.st_size, digest)
    return state


def leftovers(folder):
    """Temporary names ddat writes under (.NAME.ddat-tmp-PID), left in folder."""
    try:
        return [n for n in os.listdir(folder) if ".ddat-tmp" in n]
    except OSError:
        return []


# ---------------------------------------------------------------------------------------------
# Inputs

FRAMEWORK = """\
# A small valid framework made up for the hostile tests.
framework:
  title: "Hostile test framework"
  publisher: "Nobody"
families:
  - id: widgets
    name: "Widgets"
skills:
  - id: widget-care
    name: "Widget care"
    description: "You look after widgets."
  - id: gadget-repair
    name: "Gadget repair"
    description: "You mend gadgets."
roles:
  - id: widget-keeper
    name: "Widget keeper"
    family: widgets
    description: "Keeps widgets."
    levels:
      - id: junior-widget-keeper
        name: "Junior widget keeper"
        aliases: [jwk]
        requirements:
          widget-care:
            level: working
            description: "You look after widgets with guidance."
      - id: senior-widget-keeper
        name: "Senior widget keeper"
        requirements:
          widget-care:
            level: practitioner
          gadget-repair:
            level: working
"""

ASSESSMENT = """\
# A made-up self-assessment for the hostile tests.
name: Test Person
skills:
  user-focus: working
  relationship-management:
    level: practitioner
    evidence: Ran the monthly reviews.
"""

ROLE_HEADER = ("Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,"
               "Skill Description,Skill Level,Skill Level Description,Role Type")
SKILL_HEADER = "Skill Name,Skill Description,Awareness,Working,Practitioner,Expert,Roles that require Skill"
ROLE_ROWS = [
    'IT operations,Widget keeper,Keeps widgets.,Widget keeper,Looks after widgets.,Widget care,MISSING,'
    'Working,You look after widgets.,Non-Senior Civil Service',
    'IT operations,Widget keeper,Keeps widgets.,Senior widget keeper,Leads the care of widgets.,Widget care,'
    'Caring for widgets.,Practitioner,"- you teach others\n- you set the standard",Non-Senior Civil Service',
    'IT operations,Widget keeper,Keeps widgets.,Senior widget keeper,Leads the care of widgets.,Gadget repair,'
    'Mending gadgets.,Working,You mend gadgets.,Non-Senior Civil Service',
]
SKILL_ROWS = [
    'Widget care,Caring for widgets.,You know widgets.,You look after widgets.,You teach others.,You lead it.,'
    'Widget keeper',
    'Gadget repair,Mending gadgets.,You know gadgets break.,You mend gadgets.,'
    'This skill level is currently not defined.,,Widget keeper',
]


def csv_text(header, rows, newline="\r\n"):
    return (newline.join([header] + rows) + newline).encode()


ROLE_CSV = csv_text(ROLE_HEADER, ROLE_ROWS)
SKILL_CSV = csv_text(SKILL_HEADER, SKILL_ROWS)

# How each kind of file is read: the command line with the file in it.
YAML_KINDS = {
    "framework-list": lambda f: ["--framework", f, "roles", "list"],
    "framework-validate": lambda f: ["validate", f],
    "assessment": lambda f: ["gap", "--me", f, "--target", "brm"],
}
DEPTH = {"framework-list": 100, "framework-validate": 100, "assessment": 20}
SIZE_CAP = {"framework-list": 32 * MiB, "framework-validate": 32 * MiB, "assessment": 4 * MiB}


def base_document(kind):
    return FRAMEWORK if kind.startswith("framework") else ASSESSMENT


def repeat_to(f, unit, size):
    """Writes `unit` repeated to `size` bytes in all (large blocks, so it is quick)."""
    block = unit * max(1, (1 << 20) // len(unit))
    written = 0
    while written + len(block) <= size:
        f.write(block)
        written += len(block)
    count = (size - written) // len(unit)
    f.write(unit * count)


def place_of(text, needle, offset=0):
    """The 1-based line and column of needle (plus offset characters) in text."""
    at = text.index(needle) + offset
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def yaml_error_case(name, kinds, data, place, message, code=3):
    """Registers one case per kind: the input must be refused with one located error."""
    for kind in kinds:
        def run(ctx, kind=kind):
            content = data(kind) if callable(data) else data
            where = place(kind) if callable(place) else place
            path = ctx.write(f"input-{name}.yaml", content)
            expect_error(ctx.run(YAML_KINDS[kind](path)), code, path, where,
                         message(kind) if callable(message) else message)

        case(f"{kind}/{name}")(run)


ALL_YAML = list(YAML_KINDS)
FRAMEWORKS = ["framework-list", "framework-validate"]

# Malformed YAML: a flow sequence that is never closed.
yaml_error_case("malformed", ALL_YAML, b"skills:\n  a: [unclosed, list\n  b: 1\n", "line:col", "not valid YAML")
yaml_error_case("unclosed-quote", ALL_YAML, b'name: "no end\nskills:\n  a: 1\n', (1, 7), "never closed")
yaml_error_case("tab-indent", ALL_YAML, b"skills:\n\tuser-focus: working\n", (2, 1), "tab")
yaml_error_case("lone-comma", ALL_YAML, b",", (1, 1), "not valid YAML")
yaml_error_case("lone-comma-newline", ALL_YAML, b",\n", (1, 1), "not valid YAML")
yaml_error_case("empty", ALL_YAML, b"", (1, 1), "empty")
yaml_error_case("comments-only", ALL_YAML, b"# nothing here\n\n", (1, 1), "empty")
yaml_error_case("second-document", ALL_YAML, lambda k: (base_document(k) + "---\nname: again\n").encode(),
                "line:col", "more than one YAML document")

# Nesting 200,000 levels deep, in flow style and block style.
yaml_error_case("deep-flow-sequence", ALL_YAML, lambda k: ("[" * 200_000 + "]" * 200_000 + "\n").encode(),
                lambda k: (1, DEPTH[k] + 1), "nested more than")
yaml_error_case("deep-flow-mapping", ALL_YAML, lambda k: ("{a: " * 200_000 + "1" + "}" * 200_000 + "\n").encode(),
                lambda k: (1, 4 * DEPTH[k] + 1), "nested more than")
# Block sequences nest on one line ("- - - x"); block mappings need a line each, indented one
# more space, so 200,000 of them would be 20 GB: 5,000 (12 MB) shows the same.
yaml_error_case("deep-block-sequence", ALL_YAML, lambda k: ("- " * 200_000 + "x\n").encode(),
                lambda k: (1, 2 * DEPTH[k] + 1), "nested more than")
yaml_error_case("deep-block-mapping", FRAMEWORKS,
                lambda k: "".join(" " * i + f"k{i}:\n" for i in range(5_000)).encode(),
                lambda k: (DEPTH[k] + 1, DEPTH[k] + 1), "nested more than")
yaml_error_case("deep-block-mapping", ["assessment"],
                lambda k: "".join(" " * i + f"k{i}:\n" for i in range(2_000)).encode(),
                lambda k: (DEPTH[k] + 1, DEPTH[k] + 1), "nested more than")

# The classic "billion laughs": 10^9 nodes once the aliases are expanded; and a cyclic alias.
LOL = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
LOL += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
yaml_error_case("alias-bomb", ALL_YAML, ("\n".join(LOL) + "\n").encode(), (1, 5), "anchors")
yaml_error_case("alias-bomb-in-skills", ["assessment"],
                ("skills:\n" + "".join(f"  {line}\n" for line in LOL)).encode(), (2, 7), "anchors")
yaml_error_case("alias-cycle", ALL_YAML, b"a: &x [*x]\n", (1, 4), "anchors")
yaml_error_case("alias-without-anchor", ALL_YAML, b"skills: *nothing\n", (1, 9), "anchor")

# Text that is not UTF-8, and NUL bytes.
yaml_error_case("invalid-utf8", ALL_YAML, b"name: caf\xe9\nskills: {}\n", (1, 10), "UTF-8")
yaml_error_case("invalid-utf8-overlong", ALL_YAML, b"name: \xc0\xaf\nskills: {}\n", (1, 7), "UTF-8")
yaml_error_case("invalid-utf8-surrogate", ALL_YAML, b"name: ok\nskills:\n  \xed\xa0\x80: 1\n", (3, 3), "UTF-8")
yaml_error_case("nul-byte", ALL_YAML, b"name: a\x00b\nskills: {}\n", (1, 8), "NUL")
yaml_error_case("nul-bytes-only", ALL_YAML, b"\x00" * 4096, (1, 1), "NUL")
yaml_error_case("utf-16-without-bom", ALL_YAML, "name: a\nskills: {}\n".encode("utf-16-le"), (1, 2), "UTF-16")

# Duplicate keys: yaml-cpp 0.7 keeps the first silently; ddat refuses them with both lines.
yaml_error_case("duplicate-keys", FRAMEWORKS,
                FRAMEWORK.replace('  publisher: "Nobody"\n', '  publisher: "Nobody"\n  title: "Again"\n').encode(),
                (5, 3), "appears twice")
yaml_error_case("duplicate-keys", ["assessment"], (ASSESSMENT + "  user-focus: expert\n").encode(), (8, 3),
                "appears twice")

# A list where a mapping is expected.
yaml_error_case("list-not-mapping", ALL_YAML, b"- user-focus\n- working\n", (1, 1), "must be a mapping")
yaml_error_case("skills-list", ["assessment"], b"skills:\n  - user-focus: working\n", (2, 3), "must be a mapping")
ROLES_MAPPING = FRAMEWORK.split("roles:")[0] + "roles:\n  widget-keeper: {}\n"
yaml_error_case("roles-mapping", FRAMEWORKS, ROLES_MAPPING.encode(), place_of(ROLES_MAPPING, "widget-keeper: {}"),
                "must be a list")

# Numbers out of range where a level is expected.
for word in ("99999999999999999999", "-1", "5", "1e400", "0x10", ".inf", "4.0"):
    label = {"99999999999999999999": "huge", "-1": "negative", "5": "five", "1e400": "float-overflow",
             "0x10": "hex", ".inf": "infinity", "4.0": "decimal"}[word]
    framework = FRAMEWORK.replace("level: working\n            description", f"level: {word}\n            description")
    assessment = ASSESSMENT.replace("user-focus: working", f"user-focus: {word}")
    yaml_error_case(f"level-{label}", FRAMEWORKS, framework.encode(), place_of(framework, f"level: {word}", 7),
                    "is not a skill level")
    yaml_error_case(f"level-{label}", ["assessment"], assessment.encode(),
                    place_of(assessment, f"user-focus: {word}", 12), "is not a skill level")

# A key that is 10 MB long: yaml-cpp refuses a plain key over 1024 characters; an explicit key
# ("? KEY") may be any length, and the message that names it must still come in time.
yaml_error_case("long-key", FRAMEWORKS, lambda k: (FRAMEWORK + "x" * (10 * MiB) + ": 1\n").encode(),
                lambda k: (place_of(FRAMEWORK + "x", "\nx")[0] + 1, 10 * MiB + 1), "not valid YAML")
yaml_error_case("long-explicit-key", FRAMEWORKS,
                lambda k: (FRAMEWORK + "? " + "x" * (10 * MiB) + "\n: 1\n").encode(), "line:col", "unknown key")
yaml_error_case("long-explicit-key", ["assessment"],
                lambda k: (ASSESSMENT + "? " + "x" * (3 * MiB) + "\n: working\n").encode(), "line:col",
                "unknown key")


# Files that are too large: 100 MB, over every cap; the size is known before anything is read.
def big_100mb(ctx):
    return ctx.cached("100mb.yaml", lambda f: repeat_to(f, b"- lol\n", 100 * 1000 * 1000))


for kind in ALL_YAML:
    @case(f"{kind}/100mb")
    def _(ctx, kind=kind):
        path = big_100mb(ctx)
        expect_error(ctx.run(YAML_KINDS[kind](path)), 3, path, None, "larger than")


# Files just under the size cap that are cheap to write and costly to read: a flow collection
# that yaml-cpp scans to its end before the first event, a long list of tiny items, and a wide
# flow list. ddat must refuse or read them in time, within 1 GiB.
def under_cap(kind, unit, prefix=b"", suffix=b""):
    def generate(f):
        f.write(prefix)
        repeat_to(f, unit, SIZE_CAP[kind] - 64 * 1024 - len(prefix) - len(suffix))
        f.write(suffix)

    return generate


for kind in ALL_YAML:
    cap = "32mb" if kind.startswith("framework") else "4mb"

    @case(f"{kind}/under-cap-deep-flow")
    def _(ctx, kind=kind, cap=cap):
        path = ctx.cached(f"under-{cap}-deep-flow.yaml", under_cap(kind, b"["))
        expect_error(ctx.run(YAML_KINDS[kind](path)), 3, path, (1, DEPTH[kind] + 1), "nested more than")

    @case(f"{kind}/under-cap-wide-flow")
    def _(ctx, kind=kind, cap=cap):
        path = ctx.cached(f"under-{cap}-wide-flow.yaml", under_cap(kind, b"a,", b"skills: [", b"]\n"))
        expect_error(ctx.run(YAML_KINDS[kind](path)), 3, path, "line:col")

    @case(f"{kind}/under-cap-block-list")
    def _(ctx, kind=kind, cap=cap):
        path = ctx.cached(f"under-{cap}-block-list.yaml", under_cap(kind, b"- a\n", b"skills:\n"))
        expect_error(ctx.run(YAML_KINDS[kind](path)), 3, path, "line:col")

    @case(f"{kind}/under-cap-many-keys")
    def _(ctx, kind=kind, cap=cap):
        def generate(f):
            f.write(b"skills:\n")
            total, i = 8, 0
            lines = []
            while total < SIZE_CAP[kind] - 64 * 1024:
                line = f"  s{i}: 1\n".encode()
                lines.append(line)
                total += len(line)
                i += 1
            f.write(b"".join(lines))

        path = ctx.cached(f"under-{cap}-many-keys.yaml", generate)
        expect_error(ctx.run(YAML_KINDS[kind](path)), 3, path, "line:col")


# A byte-order mark and CRLF line ends must work, giving the same output as the plain file.
def same_output_case(name, transform):
    for kind in ALL_YAML:
        @case(f"{kind}/{name}")
        def _(ctx, kind=kind):
            plain = ctx.write("plain.yaml", base_document(kind))
            odd = ctx.write(f"{name}.yaml", transform(base_document(kind).encode()))
            expected = ctx.run(YAML_KINDS[kind](plain))
            expect_success(expected)
            result = ctx.run(YAML_KINDS[kind](odd))
            expect_success(result, expected.out.replace(plain.encode(), odd.encode()))


same_output_case("bom", lambda text: b"\xef\xbb\xbf" + text)
same_output_case("crlf", lambda text: text.replace(b"\n", b"\r\n"))
same_output_case("bom-crlf", lambda text: b"\xef\xbb\xbf" + text.replace(b"\n", b"\r\n"))
same_output_case("no-final-newline", lambda text: text.rstrip(b"\n"))
same_output_case("cr-only", lambda text: text.replace(b"\n", b"\r"))


# The limits must not refuse a valid file: brackets in quoted text, block scalars, comments and
# multi-line plain text are text, not nesting; JSON (which is YAML) and flow style are read.
BRACKETS = "[" * 150 + "{" * 150


def brackets_everywhere():
    text = FRAMEWORK.replace('description: "Keeps widgets."', f'description: "{BRACKETS}"')
    text = text.replace('description: "You mend gadgets."', f"description: '{BRACKETS} it''s'")
    text = text.replace('description: "You look after widgets."', f"description: |\n      {BRACKETS}\n      more")
    text = text.replace('    name: "Widgets"', f'    name: "Widgets"\n    description: text\n      {BRACKETS}')
    return text + f"# {BRACKETS}\n"


for kind in FRAMEWORKS:
    @case(f"{kind}/brackets-in-text")
    def _(ctx, kind=kind):
        expect_success(ctx.run(YAML_KINDS[kind](ctx.write("brackets.yaml", brackets_everywhere()))))

    @case(f"{kind}/json")
    def _(ctx, kind=kind):
        document = {
            "framework": {"title": "JSON framework"},
            "families": [{"id": "f", "name": "F"}],
            "skills": [{"id": "s", "name": "S", "description": BRACKETS}],
            "roles": [{"id": "r", "name": "R", "family": "f",
                       "levels": [{"id": "r1", "name": "R1", "requirements": {"s": {"level": "working"}}}]}],
        }
        path = ctx.write("framework.json.yaml", json.dumps(document, separators=(",", ":")))
        expect_success(ctx.run(YAML_KINDS[kind](path)))


@case("assessment/brackets-in-evidence")
def _(ctx):
    text = ASSESSMENT.replace("Ran the monthly reviews.", f'"{BRACKETS}"') + f"# {BRACKETS}\n"
    expect_success(ctx.run(YAML_KINDS["assessment"](ctx.write("me.yaml", text))))


# A damaged framework cache (~/.cache/ddat/*.snapshot) must be ignored: the files are read again.
def damage_cache(snapshot, how):
    if how in ("folder", "fifo", "dev-zero"):
        os.remove(snapshot)
        {"folder": os.makedirs, "fifo": os.mkfifo, "dev-zero": lambda p: os.symlink("/dev/zero", p)}[how](snapshot)
        return
    with open(snapshot, "rb") as f:
        data = bytearray(f.read())
    if how == "truncated":
        data = data[: len(data) // 2]
    elif how == "empty":
        data = bytearray()
    elif how == "flipped":
        for i in range(0, len(data), 7):
            data[i] ^= 0x5A
    elif how == "huge-counts":
        data = bytearray(data[:16]) + b"\xff" * 4096
    with open(snapshot, "wb") as f:
        f.write(bytes(data))


@case("framework-list/damaged-cache")
def _(ctx):
    path = ctx.write("framework.yaml", FRAMEWORK)
    cache = os.path.join(ctx.home, ".cache", "ddat")
    for how in ("truncated", "empty", "flipped", "huge-counts", "folder", "fifo", "dev-zero"):
        shutil.rmtree(cache, ignore_errors=True)
        first = ctx.run(YAML_KINDS["framework-list"](path))
        expect_success(first)
        snapshots = [os.path.join(cache, n) for n in os.listdir(cache)] if os.path.isdir(cache) else []
        if not snapshots:
            raise Skip("this ddat keeps no framework cache")
        for snapshot in snapshots:
            damage_cache(snapshot, how)
        print(f"cache damaged: {how}")
        expect_success(ctx.run(YAML_KINDS["framework-list"](path)), first.out)


# Very long text: a 10 MB description in a framework must work; a self-assessment is capped at
# 4 MiB, so 10 MB of evidence is refused by size and 3 MB is read.
@case("framework-list/long-scalar")
def _(ctx):
    text = FRAMEWORK.replace('description: "Keeps widgets."', 'description: "' + "w" * (10 * MiB) + '"')
    expect_success(ctx.run(YAML_KINDS["framework-list"](ctx.write("long.yaml", text))))


@case("framework-validate/long-scalar")
def _(ctx):
    text = FRAMEWORK.replace('description: "Keeps widgets."', "description: " + "w" * (10 * MiB))
    expect_success(ctx.run(YAML_KINDS["framework-validate"](ctx.write("long.yaml", text))))


@case("assessment/long-scalar-10mb")
def _(ctx):
    path = ctx.write("long.yaml", ASSESSMENT.replace("Ran the monthly reviews.", "e" * (10 * MiB)))
    expect_error(ctx.run(YAML_KINDS["assessment"](path)), 3, path, None, "larger than 4 MiB")


@case("assessment/long-scalar-3mb")
def _(ctx):
    path = ctx.write("long.yaml", ASSESSMENT.replace("Ran the monthly reviews.", "e" * (3 * MiB)))
    expect_success(ctx.run(YAML_KINDS["assessment"](path)))


# 10,000 skills ddat does not know: each is a warning, the gap still runs.
@case("assessment/10000-unknown-skills")
def _(ctx):
    lines = "".join(f"  made-up-skill-{i}: working\n" for i in range(10_000))
    path = ctx.write("many.yaml", ASSESSMENT + lines)
    result = ctx.run(YAML_KINDS["assessment"](path))
    expect_success(result)
    warnings = result.err.count(b"ddat: warning:")
    ctx.note(f"note: {warnings} warning lines ({len(result.err)} bytes of stderr) for 10,000 unknown skills, "
             f"in {result.seconds:.2f}s")


@case("assessment/10000-unknown-skills-with-evidence")
def _(ctx):
    lines = "".join(f"  Made up skill {i}:\n    level: {i % 5}\n    evidence: did it {i} times\n"
                    for i in range(10_000))
    path = ctx.write("many.yaml", ASSESSMENT + lines)
    expect_success(ctx.run(YAML_KINDS["assessment"](path)))


# Things that are not regular files where a file is expected.
def not_a_file_case(name, make, message, kinds=ALL_YAML):
    for kind in kinds:
        @case(f"{kind}/{name}")
        def _(ctx, kind=kind):
            path = make(ctx)
            expect_error(ctx.run(YAML_KINDS[kind](path)), 3, path, None, message)


def make_fifo(ctx):
    path = ctx.path("fifo.yaml")
    os.mkfifo(path)
    return path


def make_folder(ctx):
    path = ctx.path("folder.yaml")
    os.makedirs(path)
    return path


def make_folder_with_fifo(ctx):
    folder = ctx.path("framework")
    os.makedirs(folder)
    os.mkfifo(os.path.join(folder, "roles.yaml"))
    return folder


def make_folder_with_dev_zero(ctx):
    folder = ctx.path("framework")
    os.makedirs(folder)
    os.symlink("/dev/zero", os.path.join(folder, "zero.yaml"))
    return folder


# A path named on the command line that is a pipe, FIFO or character device is read as a stream
# under the same size cap as a file; a folder stays refused where a file is expected.
not_a_file_case("dev-zero", lambda ctx: "/dev/zero", "larger than")
not_a_file_case("missing", lambda ctx: ctx.path("no-such-file.yaml"), "no such file")
not_a_file_case("folder", make_folder, "is a folder", ["assessment"])
not_a_file_case("empty-folder", make_folder, "no .yaml or .yml file", FRAMEWORKS)


for kind in ALL_YAML:
    @case(f"{kind}/dev-null")
    def _(ctx, kind=kind):
        expect_error(ctx.run(YAML_KINDS[kind]("/dev/null")), 3, "/dev/null", (1, 1), "empty")


def same_but_name(result, plain, name, plain_name):
    """result's stdout with the name it read under (a regex) put back to plain_name, as plain's."""
    result.out = re.sub(name.encode(), plain_name.encode(), result.out)
    return result


def expect_waits_for_writer(ctx, args):
    """ddat, reading a FIFO that no program opens for writing, waits for a writer as cat does,
    using no CPU meanwhile; a signal ends the wait at once."""
    process = ctx.start(args)
    try:
        time.sleep(1.0)
        if process.poll() is not None:
            out, err = process.communicate()
            raise Failure(f"ddat did not wait for a writer: exit {process.returncode}, stderr {err!r}")
        with open(f"/proc/{process.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        if cpu > 0.5:
            raise Failure(f"ddat used {cpu:.2f}s of CPU while waiting for a writer")
        print(f"ok: still waiting after 1s, {cpu:.2f}s of CPU")
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=TIME_LIMIT)
        if process.returncode != -signal.SIGTERM:
            raise Failure(f"SIGTERM did not end the wait: exit {process.returncode}")
        print("ok: SIGTERM ended the wait")
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()


def run_in_bash(ctx, script, args):
    """Runs `bash -c script ddat ARGS...` ($0 is ddat) with the same limits and time as ctx.run."""
    start = time.monotonic()
    process = subprocess.Popen(["bash", "-c", script, ctx.ddat] + [str(a) for a in args], stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ctx.environment(),
                               preexec_fn=ctx.limits(), cwd=ctx.work)
    try:
        out, err = process.communicate(timeout=WALL_FACTOR * TIME_LIMIT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise Failure(f"bash -c {script!r} did not finish within {WALL_FACTOR * TIME_LIMIT:.0f}s (killed)")
    result = Result(["(bash)", script] + list(args), process.returncode, out, err, time.monotonic() - start)
    print(f"ran: bash -c {script!r}: exit {result.code} in {result.seconds:.2f}s")
    return result


# Process substitution: <(cat FILE) is a pipe (/dev/fd/N); it reads as the file does.
for kind in ALL_YAML:
    @case(f"{kind}/process-substitution")
    def _(ctx, kind=kind):
        path = ctx.write("plain.yaml", base_document(kind))
        plain = ctx.run(YAML_KINDS[kind](path))
        expect_success(plain)
        words = [f"<(cat {shlex.quote(path)})" if a == path else shlex.quote(a) for a in YAML_KINDS[kind](path)]
        script = '"$0" ' + " ".join(words)
        expect_success(same_but_name(run_in_bash(ctx, script, []), plain, r"/dev/fd/[0-9]+", path), plain.out)

    # A FIFO another program writes into reads as the file does.
    @case(f"{kind}/fifo-written")
    def _(ctx, kind=kind):
        path = ctx.write("plain.yaml", base_document(kind))
        plain = ctx.run(YAML_KINDS[kind](path))
        expect_success(plain)
        fifo = make_fifo(ctx)
        script = f'cat plain.yaml > {fifo} & "$0" "$@"; code=$?; wait; exit $code'
        expect_success(same_but_name(run_in_bash(ctx, script, YAML_KINDS[kind](fifo)), plain, re.escape(fifo), path),
                       plain.out)

    # A FIFO that no program ever opens for writing: ddat waits for a writer, as cat does (the
    # writer may be slow; Ctrl-C ends the wait), and a writer that comes late is read.
    @case(f"{kind}/fifo-never-written")
    def _(ctx, kind=kind):
        expect_waits_for_writer(ctx, YAML_KINDS[kind](make_fifo(ctx)))


for kind in FRAMEWORKS:
    @case(f"{kind}/folder-holding-fifo")
    def _(ctx, kind=kind):
        folder = make_folder_with_fifo(ctx)
        path = os.path.join(folder, "roles.yaml")
        expect_error(ctx.run(YAML_KINDS[kind](folder)), 3, path, None, "not a regular file")

    @case(f"{kind}/folder-holding-dev-zero")
    def _(ctx, kind=kind):
        folder = make_folder_with_dev_zero(ctx)
        path = os.path.join(folder, "zero.yaml")
        expect_error(ctx.run(YAML_KINDS[kind](folder)), 3, path, None, "not a regular file")


@case("assessment/stdin-dev-zero")
def _(ctx):
    expect_error(ctx.run(["gap", "--me", "-", "--target", "brm"], stdin="/dev/zero"), 3, "<stdin>", None,
                 "larger than 4 MiB")


@case("assessment/stdin-nul-bytes")
def _(ctx):
    path = ctx.write("nul.bin", b"skills:\n  user-focus: \x00\n")
    expect_error(ctx.run(["gap", "--me", "-", "--target", "brm"], stdin=path), 3, "<stdin>", (2, 15), "NUL")


def can_drop_privileges(ctx):
    """Root reads any file: run ddat as nobody instead, when nobody can reach it."""
    if os.geteuid() != 0:
        return False
    try:
        check = subprocess.run([ctx.ddat, "--version"], preexec_fn=ctx.limits(as_nobody=True),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ctx.environment())
    except (OSError, subprocess.SubprocessError):
        return False  # setuid refused (a container without the capability), or ddat out of reach
    return check.returncode == 0


def make_reachable(ctx):
    """Lets nobody reach the case's folders."""
    for folder in [ctx.work, ctx.home]:
        os.chmod(folder, 0o755)


def unreadable_case(kind, args_for):
    @case(f"{kind}/no-read-permission")
    def _(ctx):
        path = ctx.write("secret.yaml" if kind != "csv" else "secret.csv", b"name: x\n", mode=0o000)
        as_nobody = False
        if os.geteuid() == 0:
            if not can_drop_privileges(ctx):
                raise Skip("running as root, which reads any file, and cannot run ddat as nobody: "
                           "the permission case is skipped")
            make_reachable(ctx)
            as_nobody = True
            print("running as root, which reads any file: ddat runs as nobody (uid 65534) for this case")
        expect_error(ctx.run(args_for(ctx, path), as_nobody=as_nobody), 3, path, None, "Permission denied")


for kind in ALL_YAML:
    unreadable_case(kind, lambda ctx, path, kind=kind: YAML_KINDS[kind](path))

# ---------------------------------------------------------------------------------------------
# CSV import: ddat import ROLE_CSV SKILL_CSV -o OUT


def import_args(ctx, role, skill):
    return ["import", role, skill, "-o", ctx.path("out")]


def csv_files(ctx, role=ROLE_CSV, skill=SKILL_CSV):
    return ctx.write("role-content.csv", role), ctx.write("skill-descriptions.csv", skill)


def expect_nothing_written(ctx):
    out = ctx.path("out")
    if os.path.exists(out):
        raise Failure(f"{out} was written although the import failed")
    if leftovers(ctx.work):
        raise Failure(f"temporary files left in {ctx.work}: {leftovers(ctx.work)}")


def csv_error_case(name, role=None, skill=None, place="line", message=None, which="role"):
    """The role CSV (or the skill CSV) is replaced by a hostile one; the import must refuse it."""
    @case(f"csv-{which}/{name}")
    def _(ctx):
        bad = role if which == "role" else skill
        bad = bad(ctx) if callable(bad) else bad
        role_path, skill_path = csv_files(ctx, **{which: bad})
        path = role_path if which == "role" else skill_path
        expect_error(ctx.run(import_args(ctx, role_path, skill_path)), 3, path, place, message)
        expect_nothing_written(ctx)


def both_csv_error_cases(name, make, place, message):
    """make(header, rows) gives the hostile text of either file."""
    csv_error_case(name, role=make(ROLE_HEADER, ROLE_ROWS), place=place, message=message, which="role")
    csv_error_case(name, skill=make(SKILL_HEADER, SKILL_ROWS), place=place, message=message, which="skill")


def drop_last_column(header, rows):
    return csv_text(header.rsplit(",", 1)[0], [r.rsplit(",", 1)[0] for r in rows])


both_csv_error_cases("missing-column", drop_last_column, "line", "has no column")
both_csv_error_cases("extra-column", lambda h, rows: csv_text(h + ",Extra", [r + ",x" for r in rows]), "line",
                     "unexpected column 'Extra'")
both_csv_error_cases("duplicate-column", lambda h, rows: csv_text(h + "," + h.split(",")[0], [r + ",x" for r in rows]),
                     "line", "appears twice")
both_csv_error_cases("unclosed-quote", lambda h, rows: csv_text(h, rows) + b'"never closed,\r\nmore\r\n',
                     "line:col", "never closed")
both_csv_error_cases("text-after-quote", lambda h, rows: csv_text(h, ['"a"b' + rows[0][rows[0].index(","):]]),
                     "line:col", "after the closing quote")
both_csv_error_cases("short-row", lambda h, rows: csv_text(h, [rows[0].rsplit(",", 1)[0]]), "line", "cells")
both_csv_error_cases("long-row", lambda h, rows: csv_text(h, [rows[0] + ",x,y"]), "line", "cells")
both_csv_error_cases("empty", lambda h, rows: b"", (1, 1), "empty")
both_csv_error_cases("lone-comma", lambda h, rows: b",", "line", "unexpected column")
both_csv_error_cases("invalid-utf8", lambda h, rows: csv_text(h, rows) + b"caf\xe9," + b"x," * 5 + b"\r\n",
                     "line:col", "UTF-8")
both_csv_error_cases("nul-byte", lambda h, rows: csv_text(h, [rows[0].replace(",", ",a\x00b", 1)]), "line:col",
                     "NUL")
both_csv_error_cases("header-only-nul", lambda h, rows: b"\x00" * 100, (1, 1), "NUL")
csv_error_case("level-huge", role=csv_text(ROLE_HEADER, [ROLE_ROWS[0].replace(",Working,", ",99999999999999999999,")]),
               place="line", message="is not a skill level")
csv_error_case("level-negative", role=csv_text(ROLE_HEADER, [ROLE_ROWS[0].replace(",Working,", ",-1,")]),
               place="line", message="is not a skill level")
csv_error_case("no-role-name", role=csv_text(ROLE_HEADER, [ROLE_ROWS[0].replace("Widget keeper,Keeps", ",Keeps")]),
               place="line", message="without a role")
csv_error_case("role-name-without-letters",
               role=csv_text(ROLE_HEADER, [r.replace("Widget keeper", "!!!") for r in ROLE_ROWS]),
               place="line", message="letter")
csv_error_case("skill-name-without-letters",
               role=csv_text(ROLE_HEADER, [ROLE_ROWS[0].replace("Widget care", "???")]),
               place="line", message="letter")


# A byte-order mark, LF line ends and a 10 MB cell must work.
def csv_success_case(name, role=ROLE_CSV, skill=SKILL_CSV):
    @case(f"csv/{name}")
    def _(ctx):
        role_text = role(ctx) if callable(role) else role
        role_path, skill_path = csv_files(ctx, role_text, skill)
        result = ctx.run(import_args(ctx, role_path, skill_path))
        expect_success(result)
        listing = ctx.run(["--framework", ctx.path("out"), "roles", "list"])
        expect_success(listing)
        if b"Widget keeper" not in listing.out:
            raise Failure("the imported framework does not list the role\n" + listing.describe())
        if leftovers(ctx.work):
            raise Failure(f"temporary files left: {leftovers(ctx.work)}")


csv_success_case("valid")
csv_success_case("bom", role=b"\xef\xbb\xbf" + ROLE_CSV, skill=b"\xef\xbb\xbf" + SKILL_CSV)
csv_success_case("lf", role=ROLE_CSV.replace(b"\r\n", b"\n"), skill=SKILL_CSV.replace(b"\r\n", b"\n"))
# a 4 MB cell (the YAML cases take 10 MB; the import writes the text out and reads it back)
csv_success_case("long-cell", role=csv_text(ROLE_HEADER, [ROLE_ROWS[0].replace("Looks after widgets.",
                                                                                 "x" * (4 * MiB))] + ROLE_ROWS[1:]))


def csv_path_case(name, make, message, place=None):
    for which in ("role", "skill"):
        @case(f"csv-{which}/{name}")
        def _(ctx, which=which):
            role_path, skill_path = csv_files(ctx)
            path = make(ctx)
            args = import_args(ctx, path, skill_path) if which == "role" else import_args(ctx, role_path, path)
            expect_error(ctx.run(args), 3, path, place, message)
            expect_nothing_written(ctx)


csv_path_case("dev-zero", lambda ctx: "/dev/zero", "larger than 64 MiB")


for which in ("role", "skill"):
    @case(f"csv-{which}/fifo-never-written")
    def _(ctx, which=which):
        role_path, skill_path = csv_files(ctx)
        fifo = make_fifo(ctx)
        expect_waits_for_writer(ctx, import_args(ctx, fifo, skill_path) if which == "role"
                                else import_args(ctx, role_path, fifo))
        expect_nothing_written(ctx)

    @case(f"csv-{which}/process-substitution")
    def _(ctx, which=which):
        role_path, skill_path = csv_files(ctx)
        args = [shlex.quote(a) for a in import_args(ctx, role_path, skill_path)]
        args[1 if which == "role" else 2] = f"<(cat {args[1 if which == 'role' else 2]})"
        result = run_in_bash(ctx, '"$0" ' + " ".join(args), [])
        if result.code != 0 or not os.path.exists(ctx.path("out")):
            raise Failure("the import from a pipe failed\n" + result.describe())
        print("ok: imported from a pipe")
csv_path_case("folder", make_folder, "is a folder")
csv_path_case("missing", lambda ctx: ctx.path("no-such.csv"), "no such file")
csv_path_case("100mb", big_100mb, "larger than 64 MiB")  # the size is checked before the content is read
unreadable_case("csv", lambda ctx, path: import_args(ctx, path, csv_files(ctx)[1]))


# Large CSV files shaped to make an importer slow or its output too big to read back: many
# levels of one role, many skills, many roles, many families, a million tiny cells. ddat must
# import them in time up to its limits (docs/robustness.md) and refuse them, at the row, beyond.
def many_rows(kind, count, roles=1):
    def generate(f):
        f.write((ROLE_HEADER + "\r\n").encode())
        for i in range(count):
            role = f"Role {i}" if kind == "roles" else f"Widget keeper {i % roles}"
            level = f"Level {i}" if kind == "levels" else role
            skill = f"Skill {i}" if kind == "skills" else "Widget care"
            family = f"Family {i}" if kind == "families" else "Family"
            text = "MISSING" if kind != "skills" else "Described here."
            f.write(f"{family},{role},D,{level},D,{skill},{text},Working,T,Non-Senior Civil Service\r\n".encode())

    return generate


def csv_scale_case(name, generator, message=None, place="line"):
    @case(f"csv/{name}")
    def _(ctx):
        role_path = ctx.cached(f"{name}.csv", generator)
        skill_path = ctx.write("skill-descriptions.csv", SKILL_CSV)
        result = ctx.run(import_args(ctx, role_path, skill_path))
        if message is None:
            expect_success(result)
            expect_success(ctx.run(["--framework", ctx.path("out"), "validate"]))
        else:
            expect_error(result, 3, role_path, place, message)
            expect_nothing_written(ctx)
        if leftovers(ctx.work):
            raise Failure(f"temporary files left: {leftovers(ctx.work)}")


csv_scale_case("5000-levels-of-one-role", many_rows("levels", 5_000))
csv_scale_case("5001-rows-for-one-role", many_rows("levels", 5_001), "more than 5000 rows for the role")
csv_scale_case("4990-skills", many_rows("skills", 4_990, roles=2))
csv_scale_case("5001-skills", many_rows("skills", 5_001, roles=2), "more than 5000 skills")
csv_scale_case("300-roles", many_rows("roles", 300))
csv_scale_case("501-roles", many_rows("roles", 501), "more than 500 roles")
csv_scale_case("1001-families", many_rows("families", 1_001), "more than 1000 role families")
csv_scale_case("a-million-cells", lambda f: f.write(b"," * 1_100_000), "more than 1000000 cells", "line:col")
csv_scale_case("60mb-of-tiny-cells",
               lambda f: (f.write((ROLE_HEADER + "\r\n").encode()), repeat_to(f, b"a,b,c,d,e,f,g,h,i,j\r\n", 60 * MiB)),
               "more than 1000000 cells", "line:col")

# ---------------------------------------------------------------------------------------------
# Writing


@case("write/import-into-non-empty-folder")
def _(ctx):
    role_path, skill_path = csv_files(ctx)
    out = ctx.path("out")
    os.makedirs(os.path.join(out, "keep"))
    ctx.write("out/keep/notes.txt", "mine\n")
    ctx.write("out/framework.yaml", "not to be replaced\n")
    before = tree_state(out)
    expect_error(ctx.run(import_args(ctx, role_path, skill_path)), 2, out, "any", "is not empty")
    if tree_state(out) != before:
        raise Failure("the folder was changed")
    if leftovers(ctx.work):
        raise Failure(f"temporary files left: {leftovers(ctx.work)}")


@case("write/import-onto-a-file")
def _(ctx):
    role_path, skill_path = csv_files(ctx)
    out = ctx.write("out", "a file\n")
    expect_error(ctx.run(import_args(ctx, role_path, skill_path)), 2, out, "any", "not a folder")
    with open(out) as f:
        if f.read() != "a file\n":
            raise Failure("the file was changed")


@case("write/import-to-dev-full")
def _(ctx):
    role_path, skill_path = csv_files(ctx)
    before = sorted(os.listdir("/dev"))
    result = ctx.run(["import", role_path, skill_path, "-o", "/dev/full/x"])
    if result.code == 0:
        raise Failure("the import into /dev/full/x succeeded\n" + result.describe())
    errors = [line for line in result.err.split(b"\n") if line.startswith(b"ddat: error:")]
    if len(errors) != 1 or b"/dev/full" not in errors[0] or result.out:
        raise Failure("expected one error naming /dev/full and no output\n" + result.describe())
    if sorted(os.listdir("/dev")) != before:
        raise Failure("something was left in /dev")
    print(f"ok: exit {result.code}: {errors[0].decode()}")


@case("write/import-into-unwritable-folder")
def _(ctx):
    role_path, skill_path = csv_files(ctx)
    parent = ctx.path("locked")
    os.makedirs(parent)
    os.chmod(parent, 0o555)
    as_nobody = False
    if os.geteuid() == 0:
        if not can_drop_privileges(ctx):
            raise Skip("running as root, which writes anywhere, and cannot run ddat as nobody: skipped")
        make_reachable(ctx)
        for path in (role_path, skill_path):
            os.chmod(path, 0o644)
        as_nobody = True
        print("running as root, which writes anywhere: ddat runs as nobody (uid 65534) for this case")
    out = os.path.join(parent, "out")
    result = ctx.run(["import", role_path, skill_path, "-o", out], as_nobody=as_nobody)
    check_sanitizers(result)
    errors = [line for line in result.err.split(b"\n") if line.startswith(b"ddat: error:")]
    if result.code != 3 or len(errors) != 1 or parent.encode() not in errors[0] or result.out:
        raise Failure("expected exit 3 and one error naming the folder\n" + result.describe())
    if os.listdir(parent):
        raise Failure(f"left behind: {os.listdir(parent)}")
    print(f"ok: exit 3: {errors[0].decode()}")


def big_import_csv(ctx):
    """Enough roles (each written to a file of its own, and synced) that writing takes a while."""
    return ctx.cached("interrupt-roles.csv", many_rows("roles", 450))


def interrupt_import(ctx, signal_name):
    """Starts an import and signals it as soon as its temporary folder has a file; True when the
    signal arrived while it was writing (False when the import finished first)."""
    role_path = big_import_csv(ctx)
    skill_path = ctx.write("skill-descriptions.csv", SKILL_CSV)
    out = ctx.path("out")
    shutil.rmtree(out, ignore_errors=True)
    process = ctx.start(import_args(ctx, role_path, skill_path), stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    sent = False
    while time.monotonic() < deadline and process.poll() is None:
        pending = leftovers(ctx.work)
        roles = os.path.join(ctx.work, pending[0], "roles") if pending else None
        try:
            if roles and os.listdir(roles):
                os.kill(process.pid, getattr(signal, signal_name))
                sent = True
                break
        except OSError:
            pass  # renamed into place in the meantime
        time.sleep(0.001)
    try:
        _, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise Failure(f"ddat did not end within 10s of {signal_name}")
    print(f"{signal_name} {'sent while the import was writing' if sent else 'not sent'}; "
          f"exit status {process.returncode}")
    rest = leftovers(ctx.work)
    if rest:
        raise Failure(f"temporary files left behind after {signal_name}: {rest}")
    if os.path.exists(out):
        expect_success(ctx.run(["--framework", out, "validate"]))
        print("the folder is complete")
    else:
        print("the folder is absent, and no temporary folder is left")
    return sent and process.returncode == -getattr(signal, signal_name)


for signal_name in ("SIGINT", "SIGTERM", "SIGHUP"):
    @case(f"write/interrupted-import-{signal_name.lower()}")
    def _(ctx, signal_name=signal_name):
        for attempt in range(3):
            if interrupt_import(ctx, signal_name):
                return
            print("the import finished before the signal arrived: again")
        raise Skip("the import always finished before it could be interrupted (a fast file system?)")


# Output to a full disk, to a closed stdout, and to a reader that goes away.
@case("output/roles-list-to-dev-full")
def _(ctx):
    with open("/dev/full", "wb") as full:
        result = ctx.run(["roles", "list"], stdout=full)
    expect_error(result, 3, "cannot write the output", None)


@case("output/json-to-dev-full")
def _(ctx):
    with open("/dev/full", "wb") as full:
        result = ctx.run(["--format", "json", "skills", "list"], stdout=full)
    expect_error(result, 3, "cannot write the output", None)


@case("output/import-report-to-dev-full")
def _(ctx):
    role_path, skill_path = csv_files(ctx)
    with open("/dev/full", "wb") as full:
        result = ctx.run(import_args(ctx, role_path, skill_path), stdout=full)
    expect_error(result, 3, "cannot write the output", None)
    # the framework itself was written before the report; it must be whole
    listing = ctx.run(["--framework", ctx.path("out"), "roles", "list"])
    expect_success(listing)


@case("output/closed-stdout")
def _(ctx):
    process = subprocess.Popen(["/bin/sh", "-c", 'exec "$0" roles list >&-', ctx.ddat], stderr=subprocess.PIPE,
                               env=ctx.environment(), preexec_fn=ctx.limits())
    _, err = process.communicate(timeout=WALL_FACTOR * TIME_LIMIT)
    result = Result(["roles", "list", ">&-"], process.returncode, b"", err, 0)
    expect_error(result, 3, "cannot write the output", None)


@case("output/reader-goes-away")
def _(ctx):
    process = subprocess.Popen(["/bin/sh", "-c", '"$0" --format json roles list | head -c 1 >/dev/null; '
                                                 'exit "$(( $? ))"', ctx.ddat],
                               stderr=subprocess.PIPE, env=ctx.environment(), preexec_fn=ctx.limits())
    _, err = process.communicate(timeout=TIME_LIMIT)
    if err:
        raise Failure(f"ddat wrote to stderr when the reader went away: {err!r}")
    print("ok: quiet when the reader goes away")


# Memory running out: a team of 10,000 under address-space limits from 10 to 120 MB. Each run
# ends with the team's output (exit 0) or one "out of memory" error and exit 70, never a signal;
# the small limits must reach the error, or the case shows nothing.
@case("memory/team-of-10000-under-limits")
def _(ctx):
    if ctx.sanitize:
        raise Skip("no address-space limit in sanitizer builds")
    folder = ctx.path("team")
    os.makedirs(folder, exist_ok=True)
    targets = ["brm", "senior-brm", "lead-brm", "itsm", "senior-itsm", "head-of-itsm"]
    for i in range(10000):
        with open(os.path.join(folder, f"p{100000 + i}.yaml"), "w") as f:
            f.write(f"name: Person {i}\ntarget: {targets[i % 6]}\nskills:\n  relationship-management: {i % 5}\n"
                    f"  user-focus:\n    level: {(i // 5) % 5}\n    evidence: Example {i}\n  service-focus: working\n")
    outcomes = {}
    for megabytes in (10, 20, 30, 40, 60, 80, 120):
        # a team this size takes a few seconds, more on a loaded machine
        result = ctx.run(["team", folder, "--format", "json"], memory=megabytes * 1000 * 1024, time_limit=60,
                         env={"DDAT_RELEASE": "2020-01"})
        if result.code < 0 or result.code > 128:
            raise Failure(f"ended by a signal under {megabytes} MB\n" + result.describe())
        if result.code == 0:
            json.loads(result.out)
            outcomes[megabytes] = "ok"
            continue
        expect_error(result, 70, "out of memory", None)
        outcomes[megabytes] = "out of memory"
    print(f"outcomes: {outcomes}")
    if "out of memory" not in outcomes.values():
        raise Failure("no limit ran out of memory: the case tests nothing")


# Usage errors: exit 2.
@case("usage/gap-without-file")
def _(ctx):
    expect_error(ctx.run(["gap", "--me"]), 2, None)


@case("usage/import-without-output")
def _(ctx):
    role_path, skill_path = csv_files(ctx)
    expect_error(ctx.run(["import", role_path, skill_path]), 2, None)


# ---------------------------------------------------------------------------------------------
# Inputs found by the fuzzers (tests/fuzz): each must be refused or read, never crash or hang.
# Added as the fuzzers find them; see docs/robustness.md.

FUZZ_FINDINGS = {
    # name: (kind, bytes, expected exit code)
}


# fuzz_framework, first minute: a framework with no skills loaded, but the copy ddat wrote of it
# ("skills:" with nothing after it) did not read back. `framework copy` and `import` write the
# same way.
@case("fuzz/copy-of-framework-without-skills")
def _(ctx):
    path = ctx.write("framework.yaml", 'framework:\n  title: "No skills"\nfamilies:\n  - id: f\n    name: F\n')
    copy = ctx.path("copy")
    result = ctx.run(["--framework", path, "framework", "copy", copy])
    expect_success(result)
    expect_success(ctx.run(["validate", copy]))

for name, (kind, data, code) in FUZZ_FINDINGS.items():
    @case(f"fuzz/{name}")
    def _(ctx, kind=kind, data=data, code=code):
        if kind in YAML_KINDS:
            path = ctx.write("input.yaml", data)
            result = ctx.run(YAML_KINDS[kind](path))
        else:
            role_path, skill_path = csv_files(ctx, **{kind: data})
            path = role_path if kind == "role" else skill_path
            result = ctx.run(import_args(ctx, role_path, skill_path))
        if code == 0:
            expect_success(result)
        else:
            expect_error(result, code, path, "line:col" if kind in YAML_KINDS else "line")


# fuzz_framework, second ten-minute run: a double-quoted "\N" (the next-line character) came
# back from yaml-cpp as the single byte 0x85, so the framework held text that is not UTF-8 and
# its copy did not read back. "\_" (no-break space) likewise.
@case("fuzz/copy-of-escaped-next-line")
def _(ctx):
    path = ctx.write("framework.yaml", 'framework:\n  title: "Next\\Nline and no\\_break"\nfamilies: []\n')
    copy = ctx.path("copy")
    expect_success(ctx.run(["--framework", path, "framework", "copy", copy]))
    expect_success(ctx.run(["validate", copy]))
    with open(os.path.join(copy, "framework.yaml"), "rb") as f:
        written = f.read()
    # U+0085, which a reader may take for a line break, is written escaped; U+00A0 as it is
    if "Next\\u0085line and no\u00a0break".encode() not in written:
        raise Failure(f"the copy does not hold the characters U+0085 (escaped) and U+00A0: {written[:300]!r}")


@case("assessment/escaped-next-line")
def _(ctx):
    path = ctx.write("me.yaml", ASSESSMENT.replace("name: Test Person", 'name: "Test\\NPerson\\_"'))
    for output in ("json", "yaml", "table"):
        result = ctx.run(YAML_KINDS["assessment"](path) + ["--format", output])
        expect_success(result)
        try:
            result.out.decode("utf-8")
        except UnicodeDecodeError as error:
            raise Failure(f"the {output} output is not UTF-8: {error}")


# ---------------------------------------------------------------------------------------------
# Text from files is data: never markup in HTML or SVG, never control on a terminal.

# Escape sequences (colour, clear screen), a right-to-left override, and markup that would run or
# fetch something if it reached an HTML page as it is.
HOSTILE_TEXT = ('Red\x1b[31m Clear\x1b[2J Flip\u202e <script>alert(1)</script> '
                '"><img src=x onerror=alert(1)> [x](javascript:alert(1)) \x9b1m')
MARKUP_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "footer", "h1", "h2", "h3",
               "h4", "h5", "h6", "dl", "div", "dt", "dd", "span", "strong", "figure", "table", "caption", "thead",
               "tbody", "tr", "th", "td", "ul", "li", "svg", "g", "rect", "text", "line", "path", "desc"}


def hostile_files(ctx):
    """A framework whose skill and level names, and an assessment whose name and evidence, are hostile."""
    quoted = json.dumps(HOSTILE_TEXT)  # a JSON string is a YAML double-quoted scalar
    framework = FRAMEWORK.replace('name: "Widget care"', f"name: {quoted}").replace(
        'name: "Junior widget keeper"', f"name: {quoted}")
    me = (f"name: {quoted}\ntarget: junior-widget-keeper\nskills:\n  widget-care:\n    level: awareness\n"
          f"    evidence: {quoted}\n")
    folder = ctx.path("team")
    os.makedirs(folder, exist_ok=True)
    ctx.write("team/a.yaml", me)
    return ctx.write("framework.yaml", framework), ctx.write("me.yaml", me), folder


def expect_no_control(result, what):
    """No control character or override, but for ddat's own colours; the hostile sequences are not raw."""
    for stream, data in (("stdout", result.out), ("stderr", result.err)):
        if b"Red\x1b[31m" in data or b"\x1b[2J" in data:
            raise Failure(f"{what}: {stream} holds an escape sequence from the input\n" + result.describe())
        text = re.sub(r"\x1b\[[0-9;]*m", "", data.decode("utf-8"))
        bad = [c for c in text if (ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E]
        if bad:
            raise Failure(f"{what}: {stream} holds control characters {sorted(set(bad))!r}\n" + result.describe())


@case("markup/terminal-shows-escapes")
def _(ctx):
    framework, me, folder = hostile_files(ctx)
    for args in (["gap", "--me", me], ["level", "show", "junior-widget-keeper"], ["team", folder],
                 ["skills", "list"]):
        for output in ("table", "markdown"):
            for colour in ("never", "always"):
                result = ctx.run(["--framework", framework] + args + ["--format", output, "--color", colour])
                expect_success(result)
                expect_no_control(result, " ".join(args + [output, colour]))
                if b"\\x1b[31m" not in result.out or b"\\u202e" not in result.out:
                    raise Failure(f"{' '.join(args)} {output}: the escapes are not shown as \\x1b[31m and "
                                  "\\u202e\n" + result.describe())
    # a skill key in the assessment is quoted in the warning that leaves it out
    bad = ctx.write("bad.yaml", "skills:\n  " + json.dumps("widget\x1b[2Jcare\u202e") + ": working\n")
    result = ctx.run(["--framework", framework, "gap", "--me", bad, "--target", "jwk"])
    expect_no_control(result, "an unknown skill key")
    if b"widget\\x1b[2Jcare\\u202e" not in result.err:
        raise Failure("the unknown skill key is not shown with visible escapes\n" + result.describe())


@case("markup/html-and-svg-hold-only-text")
def _(ctx):
    import html.parser
    import xml.etree.ElementTree as ElementTree

    class Elements(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.found = []
            self.texts = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, [name for name, _ in attrs]))

        def handle_data(self, data):
            self.texts.append(data)

    framework, me, folder = hostile_files(ctx)
    with open(me, encoding="utf-8") as f:
        later = ctx.write("me-later.yaml", f.read())
    for args in (["gap", "--me", me], ["level", "show", "junior-widget-keeper"], ["team", folder],
                 ["match", "--me", me], ["diff", "jwk", "senior-widget-keeper"],
                 ["path", "jwk", "senior-widget-keeper"], ["progress", me, later]):
        result = ctx.run(["--framework", framework] + args + ["--format", "html"])
        expect_success(result)
        parser = Elements()
        parser.feed(result.out.decode("utf-8"))
        for tag, attributes in parser.found:
            if tag not in MARKUP_TAGS:
                raise Failure(f"{' '.join(args)}: an element <{tag}> that came from input\n" + result.describe())
            for name in attributes:
                if name.startswith("on") or name in ("href", "src", "xlink:href", "action"):
                    raise Failure(f"{' '.join(args)}: an attribute {name} on <{tag}>\n" + result.describe())
        if not any("<script>alert(1)</script>" in text for text in parser.texts):
            raise Failure(f"{' '.join(args)}: the text <script>... is not shown as text\n" + result.describe())
    for args in (["gap", "--me", me], ["team", folder], ["path", "jwk", "senior-widget-keeper"],
                 ["progress", me, later]):
        result = ctx.run(["--framework", framework] + args + ["--format", "svg"])
        expect_success(result)
        try:
            root = ElementTree.fromstring(result.out)
        except ElementTree.ParseError as error:
            raise Failure(f"{' '.join(args)}: the SVG is not well-formed XML: {error}\n" + result.describe())
        for element in root.iter():
            tag = element.tag.split("}")[-1]
            if tag not in MARKUP_TAGS:
                raise Failure(f"{' '.join(args)}: an SVG element <{tag}> that came from input")
        if not any("<script>" in (element.text or "") for element in root.iter()):
            raise Failure(f"{' '.join(args)}: the text <script> is not in the SVG as text\n" + result.describe())


@case("markup/xlsx-holds-only-text")
def _(ctx):
    """Text from files in a workbook: well-formed XML 1.0 whatever it holds (control characters
    that XML forbids, U+FFFE, "]]>", Excel's own _x001B_ escape), shown with visible escapes."""
    import io
    import xml.etree.ElementTree as ElementTree
    import zipfile

    framework, me, folder = hostile_files(ctx)
    extra = "\x01\x0b\x7f\ufffe\uffff _x001B_ ]]> &amp; end"
    quoted = json.dumps(HOSTILE_TEXT + extra)
    with open(framework, encoding="utf-8") as f:
        text = f.read().replace(json.dumps(HOSTILE_TEXT), quoted)
    framework = ctx.write("framework-xlsx.yaml", text)
    with open(me, encoding="utf-8") as f:
        me = ctx.write("me-xlsx.yaml", f.read().replace(json.dumps(HOSTILE_TEXT), quoted))
    ctx.write("team/a.yaml", open(me, encoding="utf-8").read())
    for args in (["gap", "--me", me], ["level", "show", "junior-widget-keeper"], ["team", folder],
                 ["match", "--me", me], ["roles", "list"]):
        result = ctx.run(["--framework", framework] + args + ["--format", "xlsx"])
        expect_success(result)
        try:
            archive = zipfile.ZipFile(io.BytesIO(result.out))
        except zipfile.BadZipFile as error:
            raise Failure(f"{' '.join(args)}: not a zip archive: {error}")
        if archive.testzip() is not None:
            raise Failure(f"{' '.join(args)}: the part {archive.testzip()} is damaged")
        texts = []
        for part in archive.namelist():
            try:
                root = ElementTree.fromstring(archive.read(part))
            except ElementTree.ParseError as error:
                raise Failure(f"{' '.join(args)}: {part} is not well-formed XML: {error}")
            texts += [element.text or "" for element in root.iter()]
        shown = [t for t in texts if "<script>alert(1)</script>" in t]
        if not shown:
            raise Failure(f"{' '.join(args)}: the text <script>... is not in a cell as text")
        for t in shown:
            bad = [c for c in t if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F
                   or 0x202A <= ord(c) <= 0x202E or c in "\ufffe\uffff"]
            if bad or "\\x1b[31m" not in t or "\\x0b" not in t or "\\ufffe" not in t:
                raise Failure(f"{' '.join(args)}: a cell holds {t!r}, not the visible escapes")
            if "_x005F_x001B_" not in t or "]]> &amp; end" not in t:
                raise Failure(f"{' '.join(args)}: a cell holds {t!r}: _x001B_ or ]]> & are not kept as written")


# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--list", action="store_true", help="print the case names")
    parser.add_argument("--ddat", help="the ddat binary")
    parser.add_argument("--work", help="a folder for the generated inputs")
    parser.add_argument("--case", help="the case to run")
    options = parser.parse_args()
    if options.list:
        print("\n".join(CASES))
        return 0
    if not (options.ddat and options.work and options.case):
        parser.error("--ddat, --work and --case are required")
    if options.case not in CASES:
        parser.error(f"no case {options.case!r}")
    sanitize = os.environ.get("DDAT_HOSTILE_SANITIZE", "").upper() in ("1", "ON", "TRUE", "YES")
    safe_name = re.sub(r"[^A-Za-z0-9_.-]+", "_", options.case)
    work = os.path.join(os.path.abspath(options.work), safe_name)
    if os.path.exists(work):
        for root, dirs, files in os.walk(work):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        shutil.rmtree(work)
    os.makedirs(work)
    ctx = Context(os.path.abspath(options.ddat), work, os.path.join(os.path.abspath(options.work), "_generated"),
                  sanitize)
    print(f"case {options.case}" + (" (sanitizer build: no address-space limit)" if sanitize else
                                    f" (address space limited to {MEMORY_LIMIT >> 20} MiB)"))
    try:
        CASES[options.case](ctx)
    except Skip as skip:
        print(f"SKIPPED: {skip}")
        return SKIP
    except Failure as failure:
        print(f"FAILED: {failure}")
        return 1
    print("PASSED")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
