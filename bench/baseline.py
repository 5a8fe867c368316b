#!/usr/bin/env python3
"""The baseline: the same job done with pandas and XlsxWriter.

baseline.py ROSTER.csv OUT.xlsx

Reads the roster, finds tasks without exactly one A, pivots each product into
a task-by-person matrix, and writes one coloured sheet per product plus a
findings sheet. It is what a team would script by hand; raci is measured
against it.
"""
import sys

import pandas as pd


def main():
    df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
    df["letters"] = df["raci"].str.upper().str.replace(r"[^RACI]", "", regex=True)
    df["is_a"] = df["letters"].str.contains("A")
    accountable = df[df["is_a"]].groupby(["product", "task"]).size()
    tasks = df.groupby(["product", "task"]).size().index
    findings = [(p, t, int(accountable.get((p, t), 0))) for p, t in tasks
                if accountable.get((p, t), 0) != 1]
    with pd.ExcelWriter(sys.argv[2], engine="xlsxwriter") as xw:
        book = xw.book
        fmt = {"A": book.add_format({"bg_color": "#1F4E79", "font_color": "#FFFFFF", "bold": True}),
               "R": book.add_format({"bg_color": "#5B9BD5"}),
               "C": book.add_format({"bg_color": "#BDD7EE"}),
               "I": book.add_format({"bg_color": "#DDEBF7"})}
        for i, (product, part) in enumerate(df.groupby("product", sort=False)):
            matrix = part.pivot_table(index="task", columns="person", values="raci",
                                      aggfunc="first", fill_value="")
            name = ("%s" % product)[:28] + ("~%d" % i if len(product) > 28 else "")
            matrix.to_excel(xw, sheet_name=name)
            ws = xw.sheets[name]
            for r, row in enumerate(matrix.itertuples(index=False), start=1):
                for c, value in enumerate(row, start=1):
                    if value:
                        ws.write(r, c, value, fmt.get(value[0].upper(), None))
            ws.freeze_panes(1, 1)
        pd.DataFrame(findings, columns=["product", "task", "accountable"]).to_excel(
            xw, sheet_name="Findings", index=False)


main()
