#!/usr/bin/env python3
"""Check that an org chart SVG holds one node per person of a workbook.

usage: check_svg_people.py CHART.svg WORKBOOK.xlsx

The chart is parsed as XML (it must be well-formed); its person nodes are
the groups of class "node" titled p<index>, one per person drawn. The
people are the rows under the heading of the workbook's Roster sheet (and
of its parts, "Roster (2)" and on). A roster of more than 300 people is
drawn collapsed, so there the chart must hold fewer nodes than people,
and at least one.
"""
import re
import sys
import xml.etree.ElementTree as ET

import openpyxl

NS = {"s": "http://www.w3.org/2000/svg"}


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    root = ET.parse(argv[1]).getroot()
    nodes = [g for g in root.findall(".//s:g[@class='node']", NS)
             if re.fullmatch(r"p[0-9]+", g.find("s:title", NS).text or "")]
    wb = openpyxl.load_workbook(argv[2], read_only=True)
    people = 0
    for name in wb.sheetnames:
        if name == "Roster" or re.fullmatch(r"Roster \([0-9]+\)", name):
            people += sum(1 for row in wb[name].iter_rows(min_row=2, max_col=1, values_only=True)
                          if row[0] is not None)
    ok = len(nodes) == people if people <= 300 else 0 < len(nodes) < people
    if not ok:
        print(f"{argv[1]}: {len(nodes)} person nodes for {people} people on the Roster")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
