#!/usr/bin/env python3
"""The HTML and SVG reports as real programs see them.

usage: check_reports.py --ddat PATH --work DIR --case html|svg|screenshots

html: headless Chromium opens each HTML report (--dump-dom): the page holds the expected rows,
      and no element or attribute that came from the input; a screenshot of each is taken.
svg:  rsvg-convert renders each SVG chart to PNG (it fails on malformed SVG).
screenshots: the HTML that the screenshots in docs/images were made from is unchanged (its
      SHA-256 is kept beside each screenshot); run scripts/report-screenshots.sh when it changes.
Needs chromium and librsvg2-bin (scripts/install-deps.sh --test). Exit status 0 pass, 1 fail.
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
}
SVG_REPORTS = {
    "gap": ["gap", "--me", SAM],
    "team": ["team", TEAM, "--target", "senior-brm"],
    "path": ["path", "brm", "lead-brm"],
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
    parser.add_argument("--case", required=True, choices=["html", "svg", "screenshots"])
    options = parser.parse_args()
    work = os.path.join(os.path.abspath(options.work), options.case)
    os.makedirs(work, exist_ok=True)
    ddat = os.path.abspath(options.ddat)
    if options.case == "html":
        check_html(ddat, work)
    elif options.case == "svg":
        check_svg(ddat, work)
    else:
        check_screenshots(ddat)
    print("PASSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
