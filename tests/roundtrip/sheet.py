#!/usr/bin/python3
"""A product sheet of raci's workbook, saved as CSV, edited, read back.

    tests/roundtrip/sheet.py RACI WORKDIR

raci writes the workbook of samples/mistakes.csv; openpyxl reads its
product sheet 'Atlas' and the csv module saves it as a spreadsheet would
(Findings column and all). Read back, the sheet gives the tasks with a
single-accountable finding that the roster gives, and the same unreadable
cells (none in the Findings column). Then one letter at a time
is changed and the sheet read again:
  - Ana Silva's A on 'Market research' becomes C: the task had two
    accountable people, now one, and its finding goes;
  - Bo Chen's A/R on 'Roadmap' becomes R: the task had one, now none, and a
    finding appears.
Exits 1, saying what differs, when any of that does not hold.
"""
import csv
import json
import os
import subprocess
import sys

import openpyxl

raci, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
book = os.path.join(work, "mistakes-raci.xlsx")
roster = "samples/mistakes.csv"


def run(*args):
    p = subprocess.run([raci, "--no-xlsx", "--fail-on", "never", "--format", "json",
                        "--rules", "rules/default.yaml", *args],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"raci {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)["findings"]


def single_accountable(findings):
    """The tasks with a single-accountable finding, and what it says."""
    return {f["subject"]["task"]: f["message"].split(":")[0]
            for f in findings if f["rule"] == "single-accountable"}


def save_sheet(rows, path):
    with open(path, "w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)


p = subprocess.run([raci, "-q", "--fail-on", "never", "--rules", "rules/default.yaml",
                    "-o", book, roster], capture_output=True, text=True)
if p.returncode != 0:
    sys.exit(f"raci -o {book} exited {p.returncode}: {p.stderr}")
ws = openpyxl.load_workbook(book)["Atlas"]
rows = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
if rows[0][-1] != "Findings" or rows[1][0] != "Task":
    sys.exit(f"unexpected product sheet head: {rows[0]!r} / {rows[1]!r}")
people, tasks = rows[0], [r[0] for r in rows]

def unreadable(findings):
    """The cells raci could not read: the Findings column is none of them."""
    return sorted((f["subject"]["task"], f["subject"]["person"], f["message"])
                  for f in findings if f["rule"] == "unknown-letter")


original = run(roster)
want = single_accountable(original)
sheet = os.path.join(work, "Atlas.csv")
save_sheet(rows, sheet)
saved = run(sheet)
got = single_accountable(saved)
bad = 0
if got != want:
    print(f"the sheet saved as CSV: {got}, the roster: {want}")
    bad = 1
if unreadable(saved) != unreadable(original):
    print(f"unreadable cells of the sheet: {unreadable(saved)}, of the roster: {unreadable(original)}")
    bad = 1


def edit(person, task, was, now):
    """Change one letter of the saved sheet; the findings of the result."""
    global bad
    r, c = tasks.index(task), people.index(person)
    if rows[r][c] != was:
        print(f"{person} on '{task}' is {rows[r][c]!r} in the sheet, expected {was!r}")
        bad = 1
    edited = [list(row) for row in rows]
    edited[r][c] = now
    path = os.path.join(work, f"Atlas-{task}.csv")
    save_sheet(edited, path)
    return single_accountable(run(path))


after = edit("Ana Silva", "Market research", "A", "C")
if "Market research" not in want or "Market research" in after:
    print(f"'Market research' should lose its finding: before {want}, after {after}")
    bad = 1
after = edit("Bo Chen", "Roadmap", "A/R", "R")
if "Roadmap" in want or "Roadmap" not in after:
    print(f"'Roadmap' should gain a finding: before {want}, after {after}")
    bad = 1
if {k: v for k, v in after.items() if k != "Roadmap"} != want:
    print(f"only 'Roadmap' should change: before {want}, after {after}")
    bad = 1
sys.exit(bad)
