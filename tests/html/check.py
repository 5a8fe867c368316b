#!/usr/bin/python3
"""The HTML report of every sample, read back by a real browser.

    tests/html/check.py RACI WORKDIR SAMPLE.csv...

For each sample, raci writes the page (--format html) and its findings
(--format json). The page must be well-formed (every element closed, in
order, by Python's html.parser) and fetch nothing. Headless Chromium then:
- takes a screenshot, which must not be blank (its pixels must vary);
- dumps the DOM after the page's script ran: its table of findings must
  hold each finding of the JSON, in order (location, severity, rule,
  product, message), none hidden;
- dumps it again opened at #severity=error: exactly the rows of the other
  severities are hidden, and the count says so;
- and at #rule=R&product=P (the first finding's): only those rows shown.
Without scripts, the page of samples/mistakes.csv keeps its filters hidden
and every row shown.
Then a generated roster of a few thousand rows (bench/gen.py, 30 products)
with --max-sheets 5 and at most 100 findings a page (RACI_HTML_MAX_FINDINGS):
in Chromium's DOM only the 5 worst products of the JSON's findings have a
matrix, the other 25 are listed, the Summary shows the 20 worst and counts
the rest, the table holds the first 100 findings and says how many are left
out, #severity=error filters them, and raci and Chromium stay within their
time.
Prints what fails and exits 1 if anything does.
"""
import concurrent.futures
import html.parser
import json
import os
import subprocess
import sys
import time
import urllib.parse

from PIL import Image, ImageStat

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
problems = []


def fail(what):
    problems.append(what)
    print("html: " + what)


class Page(html.parser.HTMLParser):
    """Checks the nesting and collects the rows of the table of findings."""

    def __init__(self, name):
        super().__init__(convert_charrefs=True)
        self.name, self.stack, self.rows, self.cell = name, [], [], None
        self.in_findings = False
        self.form_hidden = None
        self.shown = ""
        self.shown_open = False
        self.svgs = 0
        self.doctype = False

    def handle_decl(self, decl):
        self.doctype = self.doctype or decl.lower() == "doctype html"

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.svgs += 1
        for k, v in attrs:
            if k in ("src", "href") or (v and "url(" in v):
                fail(f"{self.name}: <{tag} {k}=...> refers to something outside the page")
        if tag in ("link", "iframe", "object", "embed", "img"):
            fail(f"{self.name}: <{tag}> in the page")
        if tag == "table" and a.get("id") == "findings":
            self.in_findings = True
        if tag == "form" and a.get("id") == "filters":
            self.form_hidden = "hidden" in a
        if tag == "p" and a.get("id") == "shown":
            self.shown_open = True
        if self.in_findings and tag == "tr" and "data-severity" in a:
            self.rows.append({"attrs": a, "cells": []})
        if self.in_findings and tag == "td" and self.rows:
            self.cell = ""
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        # <path .../> in the SVG: foreign content, closed as it opens.
        if tag == "svg":
            self.svgs += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            fail(f"{self.name}: </{tag}> at line {self.getpos()[0]} closes "
                 f"<{self.stack[-1] if self.stack else 'nothing'}>")
            return
        self.stack.pop()
        if tag == "td" and self.cell is not None:
            self.rows[-1]["cells"].append(self.cell)
            self.cell = None
        if tag == "table":
            self.in_findings = False
        if tag == "p":
            self.shown_open = False

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        if self.shown_open:
            self.shown += data


class LargePage(Page):
    """Also collects the drawn matrices, the products listed without one,
    the Summary's row heads and the paragraphs saying what is left out."""

    def __init__(self, name):
        super().__init__(name)
        self.matrices, self.others, self.summary, self.texts = [], [], [], {}
        self.grab = None

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        a = dict(attrs)
        up = self.stack[-2] if len(self.stack) > 1 else ""
        if tag == "h3" and self.section == "product":
            self.grab = ("matrix", "")
        elif tag == "li" and self.in_others:
            self.grab = ("other", "")
        elif tag in ("th", "td") and self.in_summary and up == "tr" and self.first_cell:
            self.grab = ("summary", "")
        elif tag == "p" and a.get("id") in ("cut", "left-out"):
            self.grab = (a["id"], "")
        if tag == "section":
            self.section = a.get("class") or a.get("id")
            self.in_summary = a.get("id") == "summary"
        if tag == "ul" and a.get("id") == "other-products":
            self.in_others = True
        if tag == "tbody":
            self.in_tbody = True
        self.first_cell = tag == "tr" and self.in_tbody

    section, in_summary, in_others, in_tbody, first_cell = None, False, False, False, False

    def handle_endtag(self, tag):
        if self.grab and tag in ("h3", "li", "th", "td", "p"):
            kind, text = self.grab
            lists = {"matrix": self.matrices, "other": self.others, "summary": self.summary}
            (lists[kind] if kind in lists else self.texts.setdefault(kind, [])).append(text)
            self.grab = None
        if tag == "ul":
            self.in_others = False
        if tag == "tbody":
            self.in_tbody = False
        if tag == "section":
            self.in_summary = False
            self.section = None
        super().handle_endtag(tag)

    def handle_data(self, data):
        super().handle_data(data)
        if self.grab:
            self.grab = (self.grab[0], self.grab[1] + data)


def parse(name, text, cls=None):
    p = (cls or Page)(name)
    p.feed(text)
    p.close()
    if p.stack:
        fail(f"{name}: elements left open: {' '.join(p.stack)}")
    if not p.doctype:
        fail(f"{name}: no <!DOCTYPE html>")
    return p


def chromium(args, workdir, tag):
    profile = os.path.join(workdir, "profile-" + tag)
    cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
           "--user-data-dir=" + profile] + args
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        fail(f"chromium {' '.join(args)} exited {r.returncode}: {r.stderr[-500:]}")
    return r.stdout


def where(loc):
    if loc.get("sheet"):
        return f"{loc['file']}:{loc['sheet']}!{loc['cell']}"
    return f"{loc['file']}:{loc['line']}:{loc['column']}"


def check_rows(name, dom, findings):
    if len(dom.rows) != len(findings):
        fail(f"{name}: {len(dom.rows)} rows in the DOM, {len(findings)} findings in the JSON")
    for i, (row, f) in enumerate(zip(dom.rows, findings)):
        want = [where(f["location"]), f["severity"], f["rule"]]
        got = row["cells"][:3]
        product = (f.get("subject") or {}).get("product")
        if got != want or row["cells"][4] != f["message"] or \
                (product is not None and row["cells"][3] != product):
            fail(f"{name}: row {i + 1} is {row['cells']}, the finding {want + [product, f['message']]}")
        if row["attrs"].get("data-severity") != f["severity"] or \
                row["attrs"].get("data-rule") != f["rule"]:
            fail(f"{name}: row {i + 1} has data {row['attrs']}")
        if "hidden" in row["attrs"]:
            fail(f"{name}: row {i + 1} is hidden with no filter")


def check_filtered(name, dom, keep, total):
    n = 0
    for i, row in enumerate(dom.rows):
        shown = "hidden" not in row["attrs"]
        n += shown
        if shown != keep(row["attrs"]):
            fail(f"{name}: row {i + 1} ({row['attrs']}) is {'shown' if shown else 'hidden'}")
    want = f"{n} findings" if n == total else f"Showing {n} of {total} findings"
    if dom.shown.strip() != want:
        fail(f"{name}: the count says '{dom.shown.strip()}', expected '{want}'")
    return n


def check_shot(name, png):
    try:
        img = Image.open(png).convert("RGB")
    except OSError as e:
        fail(f"{name}: no screenshot ({e})")
        return
    stat = ImageStat.Stat(img.convert("L"))
    colours = img.getcolors(1 << 16)
    if stat.stddev[0] < 10 or (colours is not None and len(colours) < 8):
        fail(f"{name}: the screenshot is blank (deviation {stat.stddev[0]:.1f})")


def check_sample(raci, workdir, sample):
    name = os.path.basename(sample)
    base = os.path.join(workdir, os.path.splitext(name)[0])
    page = subprocess.run([raci, "--no-xlsx", "--format", "html", sample], capture_output=True)
    doc = subprocess.run([raci, "--no-xlsx", "--format", "json", sample], capture_output=True)
    if page.returncode not in (0, 1) or doc.returncode not in (0, 1):
        fail(f"{name}: raci exited {page.returncode} / {doc.returncode}")
        return
    with open(base + ".html", "wb") as f:
        f.write(page.stdout)
    findings = json.loads(doc.stdout)["findings"]
    text = page.stdout.decode("utf-8")
    parse(name, text)
    url = "file://" + os.path.abspath(base + ".html")
    tag = os.path.basename(base)
    chromium(["--window-size=1280,1600", "--screenshot=" + base + ".png", url], workdir, tag)
    check_shot(name, base + ".png")
    dom = parse(name + " (DOM)", chromium(["--dump-dom", url], workdir, tag))
    if dom.svgs != 1:
        fail(f"{name}: {dom.svgs} org charts in the DOM, expected 1")
    if not findings:
        if "No findings." not in text:
            fail(f"{name}: no findings, and the page does not say so")
        return
    if dom.form_hidden is not False:
        fail(f"{name}: the script did not show the filters")
    check_rows(name, dom, findings)
    errors = sum(f["severity"] == "error" for f in findings)
    hashed = parse(name + " #severity=error",
                   chromium(["--dump-dom", url + "#severity=error"], workdir, tag))
    if check_filtered(name + " #severity=error", hashed,
                      lambda a: a["data-severity"] == "error", len(findings)) != errors:
        fail(f"{name}: #severity=error does not show the {errors} errors")
    first = dom.rows[0]["attrs"]
    query = urllib.parse.urlencode({"rule": first["data-rule"], "product": first["data-product"]})
    both = parse(name + " #" + query, chromium(["--dump-dom", url + "#" + query], workdir, tag))
    check_filtered(name + " #" + query, both,
                   lambda a: a["data-rule"] == first["data-rule"] and
                   a["data-product"] == first["data-product"], len(findings))


def check_no_script(workdir):
    """Without scripts the DOM is the page as written: Chromium's --dump-dom
    and --screenshot need scripts, so the page itself is read."""
    path = os.path.join(workdir, "mistakes.html")
    with open(path, encoding="utf-8") as f:
        page = parse("mistakes.csv (no script)", f.read())
    if page.form_hidden is not True:
        fail("mistakes.csv: without scripts the filters are not hidden")
    if not page.rows or any("hidden" in r["attrs"] for r in page.rows):
        fail("mistakes.csv: without scripts not every row is shown")


def worst_first(findings):
    """The products worst first, as worst.h orders them: most errors,
    warnings, infos, then by name."""
    counts = {}
    for f in findings:
        product = (f.get("subject") or {}).get("product")
        if product is not None:
            c = counts.setdefault(product, {"error": 0, "warning": 0, "info": 0})
            c[f["severity"]] += 1
    return sorted(counts, key=lambda p: (-counts[p]["error"], -counts[p]["warning"],
                                         -counts[p]["info"], p))


def check_large(raci, workdir):
    name = "generated roster"
    roster = os.path.join(workdir, "large.csv")
    with open(roster, "w") as f:
        subprocess.run([sys.executable, "bench/gen.py", "30", "8"], stdout=f, check=True)
    base = os.path.join(workdir, "large")
    env = dict(os.environ, RACI_HTML_MAX_FINDINGS="100")
    start = time.monotonic()
    page = subprocess.run([raci, "--no-xlsx", "--max-sheets", "5", "--report",
                           "html=" + base + ".html", "--format", "json", roster],
                          capture_output=True, env=env)
    took = time.monotonic() - start
    if page.returncode not in (0, 1):
        fail(f"{name}: raci exited {page.returncode}: {page.stderr[-300:]}")
        return
    if took > 5:
        fail(f"{name}: raci took {took:.1f} s (at most 5)")
    findings = json.loads(page.stdout)["findings"]
    products = sorted({(f.get("subject") or {}).get("product") for f in findings} - {None})
    worst = worst_first(findings)
    if len(products) != 30 or len(worst) != 30:
        fail(f"{name}: {len(products)} products in the JSON, expected 30")
        return
    url = "file://" + os.path.abspath(base + ".html")
    start = time.monotonic()
    dom = parse(name + " (DOM)", chromium(["--dump-dom", url], workdir, "large"), LargePage)
    took = time.monotonic() - start
    if took > 20:
        fail(f"{name}: Chromium took {took:.1f} s to open the page (at most 20)")
    drawn = [p for p in products if p in worst[:5]]
    if dom.matrices != drawn:
        fail(f"{name}: matrices drawn {dom.matrices}, expected the 5 worst {drawn}")
    others = [p for p in products if p not in worst[:5]]
    if dom.others != others:
        fail(f"{name}: products listed without a matrix {dom.others}, expected {others}")
    left = " ".join(dom.texts.get("left-out", []))
    if "Only the 5 products" not in left or "other 25 products" not in left:
        fail(f"{name}: the page does not say that 25 matrices are left out: '{left}'")
    want = worst[:20] + ["\u2026 and 10 more products, counted in the total", "(whole roster)",
                         "Total"]
    if dom.summary != want:
        fail(f"{name}: the Summary's rows are {dom.summary}, expected {want}")
    cut = " ".join(dom.texts.get("cut", []))
    if f"the first 100 of the {len(findings)} findings" not in cut or "--format json" not in cut:
        fail(f"{name}: the page does not say that findings are left out: '{cut}'")
    check_rows(name, dom, findings[:100])
    errors = sum(f["severity"] == "error" for f in findings[:100])
    hashed = parse(name + " #severity=error",
                   chromium(["--dump-dom", url + "#severity=error"], workdir, "large"))
    if check_filtered(name + " #severity=error", hashed,
                      lambda a: a["data-severity"] == "error", 100) != errors:
        fail(f"{name}: #severity=error does not show the {errors} errors of the page")


def main():
    raci, workdir, samples = sys.argv[1], sys.argv[2], sys.argv[3:]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for f in [pool.submit(check_sample, raci, workdir, s) for s in samples]:
            f.result()
    if any(os.path.basename(s) == "mistakes.csv" for s in samples):
        check_no_script(workdir)
    check_large(raci, workdir)
    print(f"html: {len(samples)} samples, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
