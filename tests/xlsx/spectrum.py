#!/usr/bin/env python3
"""csv-spectrum, read by raci and read back field for field from the Roster
sheet of its workbook.

    tests/xlsx/spectrum.py RACI SPECTRUM_DIR WORK_DIR

csv-spectrum (npm package csv-spectrum 2.0.0, github.com/maxogden/csv-spectrum,
BSD-2-Clause) is an acid test of CSV parsers: quotes, escaped quotes, commas
and line breaks inside quotes, CRLF, empty fields, UTF-8, JSON in a cell, and
a bare quote in an unquoted field (location_coordinates). Each of its files
is turned into a roster by putting two columns in front of every record,
`person` (p1, p2, ...) and `title`, and nothing else is changed: the bytes
of each record stay as csv-spectrum wrote them, quotes, line ends and all.
raci keeps the spectrum's columns as extra columns of each person, so the
Roster sheet must show each field exactly as csv-spectrum's JSON gives it.

Two things are not the CSV's to decide and are compared as the workbook must
hold them:
- line breaks: XML, and so a workbook, keeps a line break as LF (a CR LF
  inside a quoted field reads back as LF);
- location_coordinates.json in csv-spectrum 2.0.0 gives a phone number,
  1234567890, that its CSV does not hold (2095257564): the CSV is what is
  read, so its value is expected.

Prints one line per file and "spectrum: N passed, M failed".
"""
import json
import os
import subprocess
import sys

import openpyxl

# The csv-spectrum JSON that disagrees with its own CSV: (file, field) -> the
# value the CSV holds.
CSV_HOLDS = {("location_coordinates", "Contact Phone Number"): "2095257564"}


def records(data):
    """The raw bytes of each record of a CSV text: split at line ends that
    are outside quotes (LF, CR LF, or a lone CR)."""
    out, start, quoted, i, n = [], 0, False, 0, len(data)
    while i < n:
        c = data[i:i + 1]
        if c == b'"':
            quoted = not quoted
        elif not quoted and c in (b"\n", b"\r"):
            end = i
            if c == b"\r" and data[i + 1:i + 2] == b"\n":
                i += 1
            out.append((data[start:end], data[end:i + 1]))
            start = i + 1
        i += 1
    if start < n:
        out.append((data[start:], b""))
    return out


def roster(data):
    """The spectrum file as a roster: person and title columns in front."""
    recs = records(data)
    parts = []
    for k, (body, eol) in enumerate(recs):
        lead = b"person,title," if k == 0 else b"p%d,Developer," % k
        parts.append(lead + body + (eol or b"\n"))
    return b"".join(parts)


def main():
    raci, spectrum, work = sys.argv[1:4]
    passed = failed = 0
    for name in sorted(os.listdir(os.path.join(spectrum, "csvs"))):
        stem = name[:-4]
        data = open(os.path.join(spectrum, "csvs", name), "rb").read()
        want = json.load(open(os.path.join(spectrum, "json", stem + ".json"), encoding="utf-8"))
        if isinstance(want, dict):
            want = [want]
        path = os.path.join(work, stem + ".csv")
        out = os.path.join(work, stem + ".xlsx")
        open(path, "wb").write(roster(data))
        run = subprocess.run([raci, "-q", "--fail-on", "never", "-o", out, path],
                             capture_output=True, text=True)
        problems = []
        if run.returncode != 0:
            problems.append(f"raci exited {run.returncode}: {run.stderr.strip()}")
        else:
            ws = openpyxl.load_workbook(out)["Roster"]
            rows = list(ws.iter_rows(values_only=True))
            head = list(rows[0])
            got = {r[0]: r for r in rows[1:]}
            for k, record in enumerate(want, 1):
                person = f"p{k}"
                if person not in got:
                    problems.append(f"{person} is not on the Roster sheet")
                    continue
                for field, value in record.items():
                    value = CSV_HOLDS.get((stem, field), value).replace("\r\n", "\n")
                    if field not in head:
                        problems.append(f"no column '{field}' on the Roster sheet")
                        continue
                    cell = got[person][head.index(field)]
                    cell = "" if cell is None else str(cell)
                    if cell != value:
                        problems.append(f"{person}.{field}: {cell!r}, expected {value!r}")
        if problems:
            failed += 1
            print(f"FAIL {stem}: " + "; ".join(problems))
        else:
            passed += 1
            print(f"ok: {stem}")
    print(f"spectrum: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
