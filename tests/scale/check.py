#!/usr/bin/python3
"""Check a large roster's workbook against counts made from its input.

check.py ROSTER.csv FINDINGS.json BOOK.xlsx MAX_SHEETS MAX_ROWS
         [--same SAME.xlsx] [--summary-csv SUMMARY.csv]

ROSTER.csv is the roster raci read, FINDINGS.json its --report json, and
BOOK.xlsx the workbook it wrote with --max-sheets MAX_SHEETS and
RACI_XLSX_MAX_ROWS=MAX_ROWS. Everything expected is computed here from the
CSV and the JSON, never from the workbook: the sheets and their order, the
worst products that get a sheet, the rows of Other products (one per pair
of task and person of the other products), the parts each split sheet has,
the Summary's short table and totals, every finding on a Findings part, and
where each "Go to" link leads. SAME.xlsx, when given, must hold the same
cells (the same workbook written in constant_memory mode); SUMMARY.csv is
the Summary as LibreOffice saved it, which must show the same table. Prints
one line
per failure and "scale: N checks, M failed"; exits 1 on a failure.
"""
import collections
import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

import openpyxl

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
WORST = 20
checks = failed = 0
managers = False  # does anyone have a manager: then the workbook has an Org chart


def check(ok, what):
    global checks, failed
    checks += 1
    if not ok:
        failed += 1
        print("FAIL:", what)


def parts(name, n):
    return [name] + ["%s (%d)" % (name, k) for k in range(2, n + 1)]


def roster(path):
    """Products in order, their pairs (task, person) as their matrix has
    them (tasks in order of first sight, then people in order of their first
    row on the task), and the people."""
    pairs = collections.OrderedDict()
    people = collections.OrderedDict()
    global managers
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pairs.setdefault(row["product"], collections.OrderedDict())
            people.setdefault(row["id"] or row["person"], row["person"])
            managers = managers or bool(row.get("reports_to"))
            if row["task"] and row["raci"]:
                tasks = pairs[row["product"]]
                tasks.setdefault(row["task"], collections.OrderedDict())[row["person"]] = True
    flat = collections.OrderedDict()
    for p, tasks in pairs.items():
        flat[p] = [(t, q) for t, qs in tasks.items() for q in qs]
    return flat, people


def hyperlinks(path):
    """Per sheet name: {cell reference: location} of its internal links."""
    z = zipfile.ZipFile(path)
    book = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("p:Relationship", NS)}
    out = {}
    for s in book.find("m:sheets", NS):
        rid = s.get("{%s}id" % NS["r"])
        xml = ET.fromstring(z.read("xl/" + target[rid].lstrip("/").replace("xl/", "", 1)))
        links = xml.find("m:hyperlinks", NS)
        out[s.get("name")] = {h.get("ref"): h.get("location")
                              for h in (links if links is not None else [])}
    return out


def rows_of(wb, name):
    return list(wb[name].iter_rows(values_only=True))


def main():
    csv_path, json_path, book, max_sheets, max_rows = sys.argv[1:6]
    opts = dict(zip(sys.argv[6::2], sys.argv[7::2]))
    max_sheets, per = int(max_sheets), int(max_rows) - 1
    pairs, people = roster(csv_path)
    findings = json.load(open(json_path, encoding="utf-8"))["findings"]
    products = list(pairs)

    # The worst products, from the findings: errors, warnings, infos, name.
    sev = collections.defaultdict(lambda: [0, 0, 0])
    index = {"error": 0, "warning": 1, "info": 2}
    for f in findings:
        p = f["subject"]["product"]
        if p is not None:
            sev[p][index[f["severity"]]] += 1
    worst = sorted(products, key=lambda p: (-sev[p][0], -sev[p][1], -sev[p][2], p))
    sheeted = [p for p in products if p in set(worst[:max_sheets])]
    rest = [p for p in products if p not in set(sheeted)]
    nrest = sum(len(pairs[p]) for p in rest)
    expect = (["Summary"] + (["Org chart"] if managers else []) + sheeted + parts("Other products", -(-nrest // per)) +
              parts("Findings", max(1, -(-len(findings) // per))) +
              parts("Roster", max(1, -(-len(people) // per))))
    check(len(products) > max_sheets, "the roster has more products than sheets")
    check(managers, "the roster has reporting lines")
    check(nrest > per and len(findings) > per and len(people) > per,
          "Other products, Findings and Roster each split (%d, %d, %d rows for %d)"
          % (nrest, len(findings), len(people), per))

    wb = openpyxl.load_workbook(book, read_only=True)
    check(wb.sheetnames == expect, "sheets: %s, expected %s" % (wb.sheetnames, expect))
    for name in wb.sheetnames:
        n = len(rows_of(wb, name))
        check(n <= per + 1, "%s has %d rows, more than %d" % (name, n, per + 1))

    # Other products: one row per pair, of the products without a sheet.
    got = []
    for name in [s for s in wb.sheetnames if s.startswith("Other products")]:
        rows = rows_of(wb, name)
        check(rows[0][:7] == ("Product", "Task", "Person", "Title", "Letters", "Findings", "ID"),
              "%s: header %s" % (name, rows[0]))
        got += rows[1:]
    check(len(got) == nrest, "Other products: %d rows, expected %d" % (len(got), nrest))
    want = [(p, t, q) for p in rest for (t, q) in pairs[p]]
    check([r[:3] for r in got] == want, "Other products: rows are not the other products' pairs")
    check(all(r[4] for r in got), "Other products: a row without letters")

    # Roster: every person once, over its parts.
    names = []
    for name in [s for s in wb.sheetnames if s.startswith("Roster")]:
        names += [r[0] for r in rows_of(wb, name)[1:]]
    check(names == list(people.values()), "Roster: %d people, expected %d"
          % (len(names), len(people)))

    # Findings: every finding once, in order, over its parts.
    fparts = [s for s in wb.sheetnames if s.startswith("Findings")]
    frows = []
    for name in fparts:
        frows += [(name, i + 2, r) for i, r in enumerate(rows_of(wb, name)[1:])]
    check([(r[0], r[1], r[5]) for _, _, r in frows] ==
          [(f["rule"], f["severity"], f["message"]) for f in findings],
          "Findings: %d rows are not the %d findings" % (len(frows), len(findings)))

    # Each "Go to" leads to a sheet of the workbook, to the finding's row.
    links = hyperlinks(book)
    sheets = {}
    nlinks = 0
    for (name, row, r), f in zip(frows, findings):
        loc = links[name].get("K%d" % row)
        if loc is None:
            continue
        nlinks += 1
        m = re.fullmatch(r"'?((?:[^']|'')+?)'?!([A-Z]+)(\d+)", loc)
        check(m is not None and m.group(1).replace("''", "'") in wb.sheetnames,
              "%s!K%d: link to %s" % (name, row, loc))
        if not m:
            continue
        sheet, col, trow = m.group(1).replace("''", "'"), m.group(2), int(m.group(3))
        if sheet not in sheets:
            sheets[sheet] = rows_of(wb, sheet)
        cells = sheets[sheet][trow - 1] if trow <= len(sheets[sheet]) else ()
        s = f["subject"]
        if sheet.startswith("Other products"):
            ok = cells[0] == s["product"] and (s["task"] is None or cells[1] == s["task"])
            ok = ok and (s["person"] is None or s["task"] is None or cells[2] == s["person"])
            check(ok, "%s!K%d: %s is %s, not the finding's %s" % (name, row, loc, cells[:3], s))
        elif sheet.startswith("Roster"):
            check(cells[0] == s["person"], "%s!K%d: %s is %s, not %s"
                  % (name, row, loc, cells[:1], s["person"]))
        else:
            check(sheet in sheeted and s["product"] == sheet,
                  "%s!K%d: %s is not product %s's sheet" % (name, row, loc, s["product"]))
    check(nlinks > len(findings) // 2, "only %d links for %d findings" % (nlinks, len(findings)))
    check(any(l and l.startswith("'Other products (") for p in fparts for l in links[p].values()),
          "no link leads to a later part of Other products")
    check(any(l and "Roster (" in l for p in fparts for l in links[p].values()),
          "no link leads to a later part of Roster")

    # Summary: the 20 worst, how many more, the whole roster, the total.
    summary = rows_of(wb, "Summary")
    col = [r[0] for r in summary]
    total = col.index("Total")
    check(col[1:WORST + 1] == worst[:WORST], "Summary: %s, expected the worst %s"
          % (col[1:WORST + 1], worst[:WORST]))
    more = len(products) - WORST
    check(str(col[WORST + 1]).startswith("\u2026 and %d more products" % more),
          "Summary: %r after the worst" % col[WORST + 1])
    check(total <= WORST + 3, "Summary: the table runs to row %d" % (total + 1))
    by = [sum(1 for f in findings if f["severity"] == s) for s in ("error", "warning", "info")]
    check(list(summary[total][3:6]) == by, "Summary: Total %s, expected %s"
          % (summary[total][3:6], by))
    check(summary[total][1] == len(people), "Summary: %s people" % summary[total][1])

    if "--summary-csv" in opts:
        with open(opts["--summary-csv"], newline="", encoding="utf-8") as f:
            lo = list(csv.reader(f))
        check([r[0] for r in lo[:total + 1]] == col[:total + 1],
              "LibreOffice's Summary: %s" % [r[0] for r in lo[:total + 1]])
        check([int(x) for x in lo[total][3:6]] == by,
              "LibreOffice's Summary: Total %s, expected %s" % (lo[total][3:6], by))
    if "--same" in opts:
        same = openpyxl.load_workbook(opts["--same"], read_only=True)
        check(same.sheetnames == wb.sheetnames, "constant_memory: other sheets")
        for name in wb.sheetnames:
            check(rows_of(same, name) == rows_of(wb, name),
                  "constant_memory: %s holds other cells" % name)
    print("scale: %d checks, %d failed" % (checks, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
