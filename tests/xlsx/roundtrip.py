#!/usr/bin/env python3
"""raci's workbook, read back by raci (the round trip of issue 9).

    roundtrip.py RACI ROSTER.csv [...]

For each roster:
  1. raci audits it and writes its workbook (findings as JSON);
  2. raci reads the workbook back: the findings are the roster's, apart
     from their locations, which are now the workbook's cells
     (file.xlsx:Sheet!C7), and apart from the rules about the CSV file's
     form, which a workbook cannot hold (a ragged row, a row given twice,
     a stray quote, a header naming a column twice...);
  3. the same workbook on standard input gives the same findings;
  4. openpyxl edits one letter on a product sheet and saves the workbook,
     as a manager would in a spreadsheet: the only A of a task made an R,
     a second A added to a task that has one, an A given to a task that
     has none; raci reads the saved workbook, and the single-accountable
     finding on that task appears, or goes, located on the product sheet,
     on the task's row.
Exits 1 when any check fails, printing what differed.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import openpyxl

# Rules about the form of a CSV file, which a workbook does not keep.
FILE_FORM = {"malformed-row", "duplicate-assignment", "stray-quote", "duplicate-column",
             "conflicting-value", "unnamed-column", "long-cell", "bad-text"}
# A place in a message: "(line 4)", "(team.csv:4)", "(Atlas!C7)",
# "line 4", "Atlas!C7", "'Q3 plan'!C7".
PLACE = re.compile(r"\((?:line \d+|[^()]*:\d+|[^()]*![A-Z]+\d+)\)|line \d+(?:, column \d+)?|"
                   r"(?:'(?:[^']|'')+'|[\w.]+)![A-Z]+\d+|column \d+")

failures = []


def run(raci, args, stdin=None):
    p = subprocess.run([raci] + args, stdin=stdin, capture_output=True, text=True)
    if p.returncode > 1:
        raise SystemExit(f"raci {' '.join(args)} exited {p.returncode}:\n{p.stderr}")
    return json.loads(p.stdout)


def key(f):
    """A finding apart from its location (a finding about a whole file names
    the file in its entity: the CSV's, or the workbook's)."""
    s = f["subject"]
    entity = "file:" if f["entity"].startswith("file:") else f["entity"]
    return (f["rule"], f["severity"], entity, s["product"], s["task"], s["person"],
            PLACE.sub("@", f["message"]))


def findings(doc, drop_form=True):
    return sorted(key(f) for f in doc["findings"]
                  if not (drop_form and f["rule"] in FILE_FORM))


def check(name, ok, detail):
    if not ok:
        failures.append(f"{name}: {detail}")


def same(name, want, got):
    if want != got:
        extra = [g for g in got if g not in want]
        missing = [w for w in want if w not in got]
        check(name, False, "findings differ\n    only in the CSV: %s\n    only in the workbook: %s"
              % (missing[:5], extra[:5]))


def sheet_tasks(ws):
    """(row, task, {column: letters}) of a product sheet's tasks."""
    last = ws.max_column  # the Findings column
    for r in range(3, ws.max_row + 1):
        task = ws.cell(r, 1).value
        if task:
            yield r, task, {c: (ws.cell(r, c).value or "") for c in range(2, last)}


def accountable(letters):
    return "A" in letters.upper().replace("ACCOUNTABLE", "A") or letters.upper() == "DRI"


def sa_on(doc, product, task):
    return [f for f in doc["findings"] if f["rule"] == "single-accountable"
            and f["subject"]["product"] == product and f["subject"]["task"] == task]


def edit(raci, wb_path, tmp, name):
    """Each edit a manager might make, one at a time, on a fresh copy."""
    book = openpyxl.load_workbook(wb_path)
    plans = []
    for ws in book.worksheets:
        if ws.title in ("Summary", "Findings", "Roster"):
            continue
        product = ws.cell(1, 1).value
        for r, task, cells in sheet_tasks(ws):
            a = [c for c, v in cells.items() if accountable(v)]
            empty = [c for c, v in cells.items() if not v]
            if len(a) == 1 and not plans_have(plans, "take"):
                plans.append(("take", ws.title, product, task, r, a[0], "R", "appears"))
            if len(a) == 1 and empty and not plans_have(plans, "second"):
                plans.append(("second", ws.title, product, task, r, empty[0], "A", "appears"))
            if not a and empty and not plans_have(plans, "give"):
                plans.append(("give", ws.title, product, task, r, empty[0], "A", "goes"))
    for kind, title, product, task, r, c, value, expect in plans:
        book = openpyxl.load_workbook(wb_path)
        book[title].cell(r, c).value = value
        path = os.path.join(tmp, f"{name}-{kind}.xlsx")
        book.save(path)
        doc = run(raci, ["--format", "json", "--no-xlsx", path])
        got = sa_on(doc, product, task)
        what = f"{name}: {kind} ({title}!{openpyxl.utils.get_column_letter(c)}{r} = {value!r})"
        if expect == "goes":
            check(what, not got, f"single-accountable on '{task}' is still there: {got}")
            continue
        check(what, len(got) == 1, f"expected one single-accountable on '{task}', got {got}")
        if len(got) == 1:
            loc = got[0]["location"]
            check(what, loc.get("sheet") == title and loc["line"] == r,
                  f"located at {loc}, not on sheet '{title}' row {r}")
    return [p[0] for p in plans]


def plans_have(plans, kind):
    return any(p[0] == kind for p in plans)


def main():
    raci, rosters = sys.argv[1], sys.argv[2:]
    edits = set()
    with tempfile.TemporaryDirectory() as tmp:
        for roster in rosters:
            name = os.path.splitext(os.path.basename(roster))[0]
            wb = os.path.join(tmp, name + "-raci.xlsx")
            orig = run(raci, ["--format", "json", "-o", wb, roster])
            back = run(raci, ["--format", "json", "--no-xlsx", wb])
            same(f"{name}: read back", findings(orig), findings(back))
            for f in back["findings"]:
                loc = f["location"]
                check(f"{name}: read back", loc["file"] is None or "sheet" in loc,
                      f"a finding without its sheet: {loc}")
            with open(wb, "rb") as stdin:
                piped = run(raci, ["--format", "json", "--no-xlsx", "-"], stdin=stdin)
            same(f"{name}: on standard input", findings(back), findings(piped))
            done = edit(raci, wb, tmp, name)
            edits.update(done)
            print(f"roundtrip: {name}: {len(findings(orig))} findings read back; "
                  f"edits: {', '.join(done) or 'none'}")
    # The samples hold every kind of edit somewhere.
    check("edits", edits >= {"take", "second", "give"}, f"only {sorted(edits)} were tried")
    for f in failures:
        print("FAIL:", f)
    print(f"roundtrip: {len(rosters)} rosters, {len(edits)} kinds of edit, "
          f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
