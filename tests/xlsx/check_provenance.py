#!/usr/bin/env python3
"""Check the Summary's "Made from" block of a raci workbook.

usage: check_provenance.py WORKBOOK LABEL=VALUE...

The block is the rows under the cell "Made from" in column A of the
Summary, up to the first empty row; each row is a label (column A) and its
value (column B). They must be exactly the pairs given, in order.
"""
import sys

import openpyxl


def block(path):
    ws = openpyxl.load_workbook(path, read_only=True)["Summary"]
    rows = [tuple(r[:2]) for r in ws.iter_rows(max_col=2, values_only=True)]
    for i, (label, _) in enumerate(rows):
        if label == "Made from":
            out = []
            for label, value in rows[i + 1:]:
                if label is None:
                    break
                out.append(f"{label}={value}")
            return out
    return None


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    got, want = block(argv[1]), argv[2:]
    if got != want:
        print(f"{argv[1]}: Made from is {got}, expected {want}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
