#!/usr/bin/env python3
"""Seeds for fuzz_xlsx: small workbooks, their parts stored (not deflated)
so that the fuzzer's mutations reach the XML. Written at each run into the
scratch corpus (tests/fuzz/run.sh), rather than committed.

    seed_xlsx.py DIR
"""
import os
import sys
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def book(path, sheets, sst):
    """sheets: [(name, sheet XML body)]; sst: [shared string XML]."""
    wb = "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
                 for i, (n, _) in enumerate(sheets))
    rels = "".join(f'<Relationship Id="rId{i + 1}" Type="{REL}worksheet" '
                   f'Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
    rels += f'<Relationship Id="rIdS" Type="{REL}sharedStrings" Target="sharedStrings.xml"/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("xl/workbook.xml", f"<workbook {NS} {R}><sheets>{wb}</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships">{rels}</Relationships>')
        z.writestr("xl/sharedStrings.xml", f"<sst {NS}>{''.join(sst)}</sst>")
        for i, (_, body) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i + 1}.xml", f"<worksheet {NS}>{body}</worksheet>")


def s(i, ref):
    return f'<c r="{ref}" t="s"><v>{i}</v></c>'


def inline(text, ref):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(n, cells):
    return f'<row r="{n}">{"".join(cells)}</row>'


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    sst = ["<si><t>person</t></si>", "<si><t>title</t></si>", "<si><t>task</t></si>",
           "<si><r><t>ra</t></r><r><t>ci</t></r><rPh><t>x</t></rPh></si>"]
    # A long roster with shared and inline strings, a number and a merge.
    book(os.path.join(out, "long.xlsx"), [("Atlas", "<sheetData>" + "".join([
        row(1, [s(0, "A1"), s(1, "B1"), s(2, "C1"), s(3, "D1")]),
        row(2, [inline("Ana", "A2"), inline("Product Owner", "B2"), inline("Roadmap", "C2"),
                inline("A_x000D_", "D2")]),
        row(3, [inline("Bo", "A3"), '<c r="B3"><v>12</v></c>', inline("Backlog", "C3"),
                '<c r="D3" t="str"><f>D2</f><v>R</v></c>']),
    ]) + '</sheetData><mergeCells><mergeCell ref="C3:C4"/></mergeCells>')], sst)
    # raci's own workbook, in small: Summary, a product sheet, Findings, Roster.
    heads = lambda names, n=1: row(n, [inline(h, chr(65 + i) + str(n)) for i, h in enumerate(names)])
    book(os.path.join(out, "own.xlsx"), [
        ("Summary", "<sheetData>" + heads(["Product", "People", "Tasks", "Errors", "Warnings",
                                           "Infos", "Status"]) + "</sheetData>"),
        ("Atlas", "<sheetData>" + heads(["Atlas", "Ana", "Bo", "Findings"]) +
         heads(["Task", "Product Owner", "Developer"], 2) + heads(["Backlog", "A", "R"], 3) +
         heads(["Roadmap", "", "A/R"], 4) + "</sheetData>"),
        ("Findings", "<sheetData>" + heads(["Rule", "Severity", "Product", "Task", "Person",
                                            "Message", "File", "Line", "Column", "Related",
                                            "Go to"]) + "</sheetData>"),
        ("Roster", "<sheetData>" + heads(["Name", "ID", "Titles", "Roles", "Products",
                                          "Manager", "R", "A", "C", "I", "Location"]) +
         heads(["Ana", "ana@x", "Product Owner; Developer", "", "Atlas", "Bo", "", "", "", "",
                "Lisbon"], 2) +
         heads(["Bo", "", "Developer", "", "Atlas", "", "", "", "", "", ""], 3) + "</sheetData>"),
    ], [])


if __name__ == "__main__":
    main()
