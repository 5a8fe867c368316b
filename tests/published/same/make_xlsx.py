#!/usr/bin/python3
"""Write a tasks-by-roles CSV as a one-sheet workbook, as a manager would
keep it in Excel: make_xlsx.py MATRIX.csv OUT.xlsx. Run at test time only;
generated workbooks are not committed."""
import csv
import os
import sys

import openpyxl


def main(src, dst):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = os.path.splitext(os.path.basename(dst))[0][:31]
    with open(src, encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            ws.append([c if c != "" else None for c in row])
    ws.freeze_panes = "B2"
    wb.save(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
