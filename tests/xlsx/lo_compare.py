#!/usr/bin/python3
"""Did LibreOffice read raci's workbook as raci wrote it?

usage: lo_compare.py WRITTEN.xlsx SAVED.xlsx

SAVED.xlsx is WRITTEN.xlsx opened by LibreOffice and saved again as .xlsx
(soffice --convert-to xlsx). Both are read with openpyxl (and their page
headers and print titles from their XML, ooxml.py); they must have the same
sheets, in order, the same text in every cell, the same rows and columns
repeated on every printed page, and page headers that print the same text.
A workbook LibreOffice could not open leaves no SAVED.xlsx.

Exit status: 0 when they agree, 1 when they do not, 2 when a file cannot
be read. Each difference is printed on a line of its own.
"""
import sys

from ooxml import RawBook, header_text

try:
    import openpyxl
except ImportError:  # pragma: no cover
    sys.stderr.write("lo_compare: python3-openpyxl is needed (use /usr/bin/python3)\n")
    sys.exit(2)


def texts(ws):
    """{(row, col): text} of the cells that hold text."""
    return {(c.row, c.column): c.value for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value != ""}


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    try:
        ours, theirs = openpyxl.load_workbook(argv[1]), openpyxl.load_workbook(argv[2])
        raw_ours, raw_theirs = RawBook(argv[1]), RawBook(argv[2])
    except Exception as e:  # a missing file, a broken zip, XML that is not well-formed
        print(f"lo_compare: {e}")
        return 2
    problems = []
    if ours.sheetnames != theirs.sheetnames:
        problems.append(f"sheets {theirs.sheetnames}, written {ours.sheetnames}")
    for name in ours.sheetnames:
        if name not in theirs.sheetnames:
            continue
        a, b = ours[name], theirs[name]
        ta, tb = texts(a), texts(b)
        for at in sorted(set(ta) | set(tb)):
            if ta.get(at) != tb.get(at):
                cell = a.cell(*at).coordinate
                problems.append(f"{name}!{cell}: {str(tb.get(at))[:60]!r}, written {str(ta.get(at))[:60]!r}")
                break
        for what in ("print_title_rows", "print_title_cols"):
            if getattr(a, what) != getattr(b, what):
                problems.append(f"{name}: {what} {getattr(b, what)!r}, written {getattr(a, what)!r}")
        ha = header_text(raw_ours.headers[name][0])
        hb = header_text(raw_theirs.headers.get(name, (None, None))[0])
        if ha != hb:
            problems.append(f"{name}: page header {hb!r}, written {ha!r}")
    for p in problems:
        print(f"{argv[1]}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
