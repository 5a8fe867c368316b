#!/usr/bin/python3
"""Read back the workbook of `raci diff -o FILE.xlsx BEFORE AFTER` and check
it against the JSON of the same diff (`raci diff --format json`):

    tests/xlsx/check_diff_workbook.py DIFF.xlsx DIFF.json

- the sheets: Summary, Changes, Findings, then a Before and an After sheet
  for each product that changed (and only those), in the JSON's order;
- Changes: a header, an autofilter over it and every row, and the rows of
  the JSON's "changes", in order, cell for cell;
- Findings: the new, then the resolved findings (rule, status), with an
  autofilter;
- Summary: the counts of findings and the churn, and each figure of the
  shape before and after, highlighted where it moves;
- each Before/After pair: the same columns; every cell whose letters differ
  between the two is highlighted on both, and on the After sheet carries the
  comment "before: OLD"; no other cell is highlighted or commented.

Prints what is wrong and exits 1, or prints "diff workbook: ok".
"""
import json
import sys

import openpyxl

HIGHLIGHT = "FFFFEB9C"
problems = []


def want(cond, what):
    if not cond:
        problems.append(what)


def fill(cell):
    return cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None


def main(xlsx, js):
    wb = openpyxl.load_workbook(xlsx)
    doc = json.load(open(js, encoding="utf-8"))
    changed = []
    for c in doc["changes"]:
        if c["product"] and c["product"] not in changed:
            changed.append(c["product"])
    names = wb.sheetnames
    want(names[:3] == ["Summary", "Changes", "Findings"], f"first sheets: {names[:3]}")
    pairs = [(f"Before {p}", f"After {p}") for p in changed]
    want(names[3:] == [n for pair in pairs for n in pair], f"product sheets: {names[3:]} for {changed}")

    ws = wb["Changes"]
    rows = list(ws.iter_rows(values_only=True))
    want(rows[0] == ("Product", "Subject", "Change", "Before", "After"), f"Changes header {rows[0]}")
    want(ws.auto_filter.ref == f"A1:E{len(doc['changes']) + 1}", f"Changes autofilter {ws.auto_filter.ref}")
    want(len(rows) == len(doc["changes"]) + 1, f"Changes: {len(rows) - 1} rows, not {len(doc['changes'])}")
    for i, c in enumerate(doc["changes"][:len(rows) - 1]):
        got = tuple(v or None for v in rows[i + 1])
        exp = (c["product"], c["subject"], c["kind"], c["before"], c["after"])
        want(got == exp, f"Changes row {i + 2}: {got} != {exp}")

    ws = wb["Findings"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    exp = [("new", f["rule"]) for f in doc["findings"]["new"]] + \
          [("resolved", f["rule"]) for f in doc["findings"]["resolved"]]
    want([(r[0], r[2]) for r in rows] == exp, f"Findings {[(r[0], r[2]) for r in rows]} != {exp}")
    want(ws.auto_filter.ref is not None, "Findings has no autofilter")

    ws = wb["Summary"]
    values = {r[0].value: r for r in ws.iter_rows() if r[0].value}
    want(values["New findings"][1].value == len(doc["findings"]["new"]), "Summary: new findings")
    want(values["Resolved findings"][1].value == len(doc["findings"]["resolved"]), "Summary: resolved")
    want(values["Persisting findings"][1].value == doc["findings"]["persisting"], "Summary: persisting")
    want(abs(values["Churn (%)"][1].value - doc["churn"]["percent"]) < 1e-9, "Summary: churn")
    shape = {s: doc["shape"][s] for s in ("before", "after")}
    figures = {
        "people": lambda s: s["people"],
        "reporting depth": lambda s: s["reporting_depth"],
        "span of control, max": lambda s: s["span_of_control"]["max"],
        "span of control, median": lambda s: s["span_of_control"]["median"],
        "managers over the span limit": lambda s: s["span_of_control"]["over_limit"],
        "people per product, max": lambda s: s["people_per_product"]["max"],
    }
    for label, get in figures.items():
        row = values[label]
        b, a = get(shape["before"]), get(shape["after"])
        want((row[1].value, row[2].value) == (b, a), f"Summary {label}: {row[1].value, row[2].value} != {b, a}")
        want((fill(row[2]) == HIGHLIGHT) == (b != a), f"Summary {label}: highlight {fill(row[2])}")

    for before, after in pairs:
        wb_, wa = wb[before], wb[after]
        hb = [c.value for c in wb_[2]]
        want(hb == [c.value for c in wa[2]], f"{before}/{after}: other columns")
        nchanged = 0
        for rb, ra in zip(wb_.iter_rows(min_row=3), wa.iter_rows(min_row=3)):
            for cb, ca in list(zip(rb, ra))[1:]:
                differ = (cb.value or "") != (ca.value or "")
                nchanged += differ
                want((fill(cb) == HIGHLIGHT) == differ, f"{before}!{cb.coordinate}: highlight")
                want((fill(ca) == HIGHLIGHT) == differ, f"{after}!{ca.coordinate}: highlight")
                note = ca.comment.text if ca.comment else None
                exp = f"before: {cb.value or '(none)'}" if differ else None
                want(note == exp, f"{after}!{ca.coordinate}: comment {note!r} != {exp!r}")
                want(cb.comment is None, f"{before}!{cb.coordinate}: a comment")
        want(nchanged > 0 or any("new after" in str(c.value) or "gone after" in str(c.value)
                                 for c in wa["A"] + wb_["A"]), f"{after}: nothing changed")
    if problems:
        for p in problems:
            print("diff workbook: " + p)
        sys.exit(1)
    print("diff workbook: ok")


main(sys.argv[1], sys.argv[2])
