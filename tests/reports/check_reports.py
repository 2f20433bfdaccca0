#!/usr/bin/env python3
"""The HTML, SVG and xlsx reports as real programs see them.

usage: check_reports.py --ddat PATH --work DIR --case html|svg|xlsx|screenshots

html: headless Chromium opens each HTML report (--dump-dom): the page holds the expected rows,
      and no element or attribute that came from the input; a screenshot of each is taken.
svg:  rsvg-convert renders each SVG chart to PNG (it fails on malformed SVG).
xlsx: Python's zipfile tests each workbook and openpyxl reads it back: sheets, cells and their
      types (numbers, percentages, booleans), frozen header rows, column widths, the team's heat
      map of conditional formats; the same command gives the same bytes; -o FILE writes them with
      mode 0600; a terminal gets a usage error instead.
screenshots: the HTML that the screenshots in docs/images were made from is unchanged (its
      SHA-256 is kept beside each screenshot); run scripts/report-screenshots.sh when it changes.
Needs chromium, librsvg2-bin and python3-openpyxl (scripts/install-deps.sh --test). Exit status 0 pass, 1 fail.
"""

import argparse
import hashlib
import html.parser
import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAM = "tests/e2e/data/reports/sam.yaml"
TEAM = "tests/e2e/data/team"
PROGRESS = [f"tests/e2e/data/progress/{name}.yaml" for name in ("2025-04", "2025-10", "latest")]
ALLOWED = {"html", "head", "meta", "title", "style", "body", "header", "main", "footer", "h1", "h2", "h3", "h4",
           "dl", "div", "dt", "dd", "span", "strong", "figure", "table", "caption", "thead", "tbody", "tr", "th",
           "td", "ul", "li", "svg", "g", "rect", "text", "line", "path", "desc"}

# Each report, and row headings that its page must show.
HTML_REPORTS = {
    "gap": (["gap", "--me", SAM], ["Relationship management", "Service reporting"]),
    "level-show": (["level", "show", "senior-brm"], ["Relationship management"]),
    "diff": (["diff", "brm", "senior-brm"], ["User focus"]),
    "path": (["path", "brm", "lead-brm"], ["Strategic thinking"]),
    "match": (["match", "--me", SAM], ["Senior business relationship manager"]),
    "team": (["team", TEAM, "--target", "senior-brm"], ["Alex Example"]),
    "progress": (["progress"] + PROGRESS, ["Relationship management"]),
}
SVG_REPORTS = {
    "gap": ["gap", "--me", SAM],
    "team": ["team", TEAM, "--target", "senior-brm"],
    "path": ["path", "brm", "lead-brm"],
    "progress": ["progress"] + PROGRESS,
}
TEAM_12 = "tests/e2e/data/team-12"
# Each workbook: its sheets, and for the first sheet a row (found by its first cell, or by the cell
# under the header named) with cells that must read back as these values, of these types.
XLSX_REPORTS = {
    "roles-list": (["roles", "list"], ["roles list"]),
    "level-show": (["level", "show", "senior-brm"], ["level show"]),
    "gap": (["gap", "--me", SAM], ["gap", "summary"]),
    "match": (["match", "--me", SAM], ["match"]),
    "team": (["team", TEAM_12], ["People", "Skills", "Mentors", "Gaps"]),
}
# The screenshots in docs/images and the commands that made their HTML.
SCREENSHOTS = {
    "gap-report": ["--release", "2025-10", "gap", "--me", "examples/me.yaml", "--target", "senior-brm"],
    "team-heat-map": ["team", TEAM, "--target", "senior-brm"],
}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []
        self.row_headings = []
        self._in_row_heading = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_row_heading = tag == "th" and dict(attrs).get("scope") == "row"
        if self._in_row_heading:
            self.row_headings.append("")

    def handle_endtag(self, tag):
        if tag == "th":
            self._in_row_heading = False

    def handle_data(self, data):
        if self._in_row_heading:
            self.row_headings[-1] += data


def run_ddat(ddat, args, fmt):
    # the fixtures are written against release 2020-01, as the e2e cases are
    env = dict(os.environ, NO_COLOR="1", COLUMNS="80", LC_ALL="C.UTF-8", DDAT_RELEASE="2020-01")
    env.pop("DDAT_FRAMEWORK", None)
    result = subprocess.run([ddat] + args + ["--format", fmt], cwd=REPO, env=env, capture_output=True, timeout=30)
    if result.returncode != 0:
        raise SystemExit(f"FAILED: ddat {' '.join(args)} --format {fmt}: exit {result.returncode}: "
                         f"{result.stderr.decode(errors='replace')}")
    return result.stdout


def need(program, package):
    path = shutil.which(program)
    if path is None:
        raise SystemExit(f"FAILED: {program} is not installed (apt-get install {package}, or "
                         "scripts/install-deps.sh --test)")
    return path


def chromium(*args):
    browser = need("chromium", "chromium")
    return subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           *args], capture_output=True, timeout=120)


def check_html(ddat, work):
    for name, (args, rows) in HTML_REPORTS.items():
        page_file = os.path.join(work, f"{name}.html")
        with open(page_file, "wb") as f:
            f.write(run_ddat(ddat, args, "html"))
        dom = chromium("--dump-dom", "file://" + page_file)
        if dom.returncode != 0 or b"<main>" not in dom.stdout:
            raise SystemExit(f"FAILED: chromium could not open the {name} report: {dom.stderr[-2000:]!r}")
        page = Page()
        page.feed(dom.stdout.decode("utf-8"))
        for tag, attributes in page.elements:
            if tag not in ALLOWED:
                raise SystemExit(f"FAILED: {name}: an element <{tag}> in the page Chromium built")
            for attribute in attributes:
                if attribute.startswith("on") or attribute in ("href", "src", "xlink:href"):
                    raise SystemExit(f"FAILED: {name}: an attribute {attribute} on <{tag}>")
        for row in rows:
            if row not in page.row_headings:
                raise SystemExit(f"FAILED: {name}: no row '{row}' among {page.row_headings}")
        shot = os.path.join(work, f"{name}.png")
        chromium(f"--screenshot={shot}", "--window-size=1024,1400", "file://" + page_file)
        if not os.path.exists(shot) or os.path.getsize(shot) < 10000:
            raise SystemExit(f"FAILED: {name}: no screenshot")
        print(f"ok: {name}: {len(page.row_headings)} rows, {len(page.elements)} elements, screenshot {shot}")


def check_svg(ddat, work):
    converter = need("rsvg-convert", "librsvg2-bin")
    for name, args in SVG_REPORTS.items():
        chart = os.path.join(work, f"{name}.svg")
        with open(chart, "wb") as f:
            f.write(run_ddat(ddat, args, "svg"))
        png = os.path.join(work, f"{name}-svg.png")
        result = subprocess.run([converter, "-o", png, chart], capture_output=True, timeout=60)
        if result.returncode != 0 or os.path.getsize(png) < 1000:
            raise SystemExit(f"FAILED: rsvg-convert could not render the {name} chart: {result.stderr!r}")
        print(f"ok: {name}: rendered to {png}")


def xlsx_fail(name, message):
    raise SystemExit(f"FAILED: {name}.xlsx: {message}")


def sheet_rows(sheet):
    rows = [list(row) for row in sheet.iter_rows()]
    return rows[0], rows[1:]


def check_sheet_shape(name, sheet):
    """A frozen header row, bold headers, and every column as wide as its header and its cells
    (up to 60 characters)."""
    import openpyxl.utils

    if sheet.freeze_panes not in ("A2", "B2"):
        xlsx_fail(name, f"sheet {sheet.title}: the header row is not frozen ({sheet.freeze_panes})")
    header, rows = sheet_rows(sheet)
    for cell in header:
        if not cell.font.b or not isinstance(cell.value, str):
            xlsx_fail(name, f"sheet {sheet.title}: header {cell.coordinate} is not bold text")
        letter = openpyxl.utils.get_column_letter(cell.column)
        width = sheet.column_dimensions[letter].width
        widest = max([len(str(cell.value))] + [len(str(row[cell.column - 1].value)) for row in rows
                                                if row[cell.column - 1].value is not None
                                                and isinstance(row[cell.column - 1].value, str)])
        if width < min(widest, 60):
            xlsx_fail(name, f"sheet {sheet.title}: column {cell.value} is {width} wide for {widest} characters")


def column(sheet, heading):
    header, rows = sheet_rows(sheet)
    titles = [cell.value for cell in header]
    if heading not in titles:
        raise SystemExit(f"FAILED: sheet {sheet.title} has no column {heading!r} among {titles}")
    index = titles.index(heading)
    return [row[index] for row in rows]


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check_xlsx_cells(name, book):
    sheet = book.worksheets[0]
    if name == "roles-list":
        if "brm" not in [cell.value for cell in column(sheet, "levels.aliases")]:
            xlsx_fail(name, "no level brm")
    elif name == "level-show":
        names = [cell.value for cell in column(sheet, "name")]
        row = names.index("Relationship management")
        word = column(sheet, "level")[row].value
        number = column(sheet, "level_number")[row].value
        if word != "practitioner" or number != 3 or not is_number(number):
            xlsx_fail(name, f"Relationship management reads {word!r}, {number!r}, not practitioner, 3")
    elif name == "gap":
        names = [cell.value for cell in column(sheet, "name")]
        row = names.index("Service reporting")
        required = column(sheet, "required_number")[row].value
        shortfall = column(sheet, "shortfall")[row].value
        words = ["none", "awareness", "working", "practitioner", "expert"]
        if not (is_number(required) and is_number(shortfall)) or column(sheet, "required")[row].value != words[required]:
            xlsx_fail(name, f"Service reporting: required {required!r}, shortfall {shortfall!r}")
        readiness = column(book["summary"], "readiness")[0]
        if not is_number(readiness.value) or "%" not in readiness.number_format:
            xlsx_fail(name, f"readiness {readiness.value!r} is not a percentage ({readiness.number_format})")
    elif name == "match":
        for cell in column(sheet, "readiness"):
            if not is_number(cell.value) or not 0 <= cell.value <= 1 or "%" not in cell.number_format:
                xlsx_fail(name, f"readiness {cell.value!r} ({cell.number_format}) is not a percentage")
        if [cell.value for cell in column(sheet, "rank")][:3] != [1, 2, 3]:
            xlsx_fail(name, "the ranks are not the numbers 1, 2, 3")
    elif name == "team":
        header, rows = sheet_rows(sheet)
        if len(rows) != 12:
            xlsx_fail(name, f"{len(rows)} people on the People sheet, not 12")
        people = [row[0].value for row in rows]
        for person in ("Ben Müller", "Dana Łukasz", "Eve O’Brien"):
            if person not in people:
                xlsx_fail(name, f"no {person!r} among {people}")
        titles = [cell.value for cell in header]
        first_skill = titles.index("missing") + 1
        for row in rows:
            if not is_number(row[3].value) or "%" not in row[3].number_format:
                xlsx_fail(name, f"{row[0].value}: readiness {row[3].value!r} is not a percentage")
            for cell in row[first_skill:]:
                if cell.value is not None and not is_number(cell.value):
                    xlsx_fail(name, f"heat map cell {cell.coordinate} holds {cell.value!r}, not a number")
        ranges = list(sheet.conditional_formatting)
        if len(ranges) != 1:
            xlsx_fail(name, f"{len(ranges)} conditional formats on the People sheet, not 1")
        import openpyxl.utils
        expected = (f"{openpyxl.utils.get_column_letter(first_skill + 1)}2:"
                    f"{openpyxl.utils.get_column_letter(len(titles))}{len(rows) + 1}")
        if str(ranges[0].sqref) != expected:
            xlsx_fail(name, f"the heat map covers {ranges[0].sqref}, not {expected}")
        fills = [rule.dxf.fill.bgColor.rgb for rule in ranges[0].rules]
        if fills != ["FFCCE2D8", "FFFFF7BF", "FFF4CDC6"]:
            xlsx_fail(name, f"the heat map's colours are {fills}")
        for rule in ranges[0].rules:
            if rule.type != "expression" or "ISNUMBER" not in rule.formula[0]:
                xlsx_fail(name, f"a heat map rule {rule.type} {rule.formula} would colour blank cells")
        spof = column(book["Skills"], "single_point_of_failure")
        if not all(isinstance(cell.value, bool) for cell in spof):
            xlsx_fail(name, "single_point_of_failure is not a column of booleans")


def check_xlsx(ddat, work):
    import io
    import pty
    import stat
    import zipfile

    try:
        import openpyxl
    except ImportError:
        raise SystemExit("FAILED: openpyxl is not installed (apt-get install python3-openpyxl, or "
                         "scripts/install-deps.sh --test)")
    for name, (args, sheets) in XLSX_REPORTS.items():
        data = run_ddat(ddat, args, "xlsx")
        if run_ddat(ddat, args, "xlsx") != data:
            xlsx_fail(name, "two runs gave different bytes")
        archive = zipfile.ZipFile(io.BytesIO(data))
        if archive.testzip() is not None:
            xlsx_fail(name, f"a damaged part {archive.testzip()}")
        book = openpyxl.load_workbook(io.BytesIO(data))
        if book.sheetnames != sheets:
            xlsx_fail(name, f"sheets {book.sheetnames}, not {sheets}")
        for sheet in book.worksheets:
            check_sheet_shape(name, sheet)
        check_xlsx_cells(name, book)
        print(f"ok: {name}: {', '.join(f'{s.title} {s.max_row}x{s.max_column}' for s in book.worksheets)}")
    # -o FILE: the same bytes, readable only by the user
    target = os.path.join(work, "team.xlsx")
    if os.path.exists(target):
        os.remove(target)
    run_ddat(ddat, ["team", TEAM_12, "-o", target], "xlsx")
    with open(target, "rb") as f:
        if f.read() != run_ddat(ddat, ["team", TEAM_12], "xlsx"):
            xlsx_fail("team", "-o FILE wrote other bytes than standard output")
    if stat.S_IMODE(os.stat(target).st_mode) != 0o600:
        xlsx_fail("team", f"-o FILE made mode {oct(stat.S_IMODE(os.stat(target).st_mode))}, not 0600")
    print(f"ok: -o {target}: the same bytes, mode 0600")
    # a terminal gets no binary
    controller, terminal = pty.openpty()
    env = dict(os.environ, NO_COLOR="1", LC_ALL="C.UTF-8", DDAT_RELEASE="2020-01")
    result = subprocess.run([ddat, "team", TEAM_12, "--format", "xlsx"], cwd=REPO, env=env, stdout=terminal,
                            stderr=subprocess.PIPE, timeout=30)
    os.close(terminal)
    os.set_blocking(controller, False)
    try:
        shown = os.read(controller, 65536)
    except (BlockingIOError, OSError):
        shown = b""
    os.close(controller)
    if result.returncode != 2 or b"give -o FILE" not in result.stderr or shown:
        xlsx_fail("team", f"on a terminal: exit {result.returncode}, stderr {result.stderr!r}, "
                          f"{len(shown)} bytes shown")
    print("ok: a terminal gets a usage error (exit 2), not the workbook")


def screenshot_html(ddat, args):
    return run_ddat(ddat, args, "html")


def check_screenshots(ddat):
    for name, args in SCREENSHOTS.items():
        digest = hashlib.sha256(screenshot_html(ddat, args)).hexdigest()
        with open(os.path.join(REPO, "docs", "images", f"{name}.html.sha256"), encoding="utf-8") as f:
            kept = f.read().split()[0]
        if digest != kept:
            raise SystemExit(f"FAILED: the HTML of docs/images/{name}.png changed: run "
                             "scripts/report-screenshots.sh and commit the new screenshots")
        print(f"ok: docs/images/{name}.png was made from today's HTML")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ddat", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--case", required=True, choices=["html", "svg", "xlsx", "screenshots"])
    options = parser.parse_args()
    work = os.path.join(os.path.abspath(options.work), options.case)
    os.makedirs(work, exist_ok=True)
    ddat = os.path.abspath(options.ddat)
    if options.case == "html":
        check_html(ddat, work)
    elif options.case == "svg":
        check_svg(ddat, work)
    elif options.case == "xlsx":
        check_xlsx(ddat, work)
    else:
        check_screenshots(ddat)
    print("PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
