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
Prints what fails and exits 1 if anything does.
"""
import concurrent.futures
import html.parser
import json
import os
import subprocess
import sys
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


def parse(name, text):
    p = Page(name)
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


def main():
    raci, workdir, samples = sys.argv[1], sys.argv[2], sys.argv[3:]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for f in [pool.submit(check_sample, raci, workdir, s) for s in samples]:
            f.result()
    if any(os.path.basename(s) == "mistakes.csv" for s in samples):
        check_no_script(workdir)
    print(f"html: {len(samples)} samples, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
