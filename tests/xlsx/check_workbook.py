#!/usr/bin/python3
"""Check a raci workbook by reading it back with openpyxl.

usage: check_workbook.py WORKBOOK.xlsx [EXPECTED.json] [-q]

Without EXPECTED.json only the workbook's structure is checked: the sheets
and their order, print set-up, frozen panes, drop-downs, autofilters, PASS/FAIL
consistent with the error counts, and that every "Go to" link on the Findings
sheet lands on a cell whose comment names the finding's rule (or on the
person's row of Roster).

EXPECTED.json adds checks against known data. Two shapes are accepted:

 1. raci's own JSON output (`raci --format json`, see include/raci/report.h):
    an object with a "findings" (or "results") list, or a bare list of
    findings, and optionally "summary": {"error": N, "warning": N,
    "info": N}, compared with the Summary sheet's Total row. Each finding is
    read leniently, as that schema may still grow: rule from "rule",
    "rule_id", "ruleId" or "id"; severity from "severity" or "level";
    product, task and person at the top of the finding or under "subject"
    (a name, or an object with a "name"); line from "line" or under
    "location" / "loc". A field the finding does not have is not compared;
    per-product counts are checked only when every finding names its
    product (null for none).

 2. a simple format, written by hand or by tests:
      {
        "findings": [{"rule": "single-accountable", "severity": "error",
                      "product": "Atlas", "task": "Roadmap", "person": null,
                      "line": 12, "message": "optional, compared as a prefix"}],
        "cells":    [{"product": "Atlas", "task": "Roadmap",
                      "person": "Ana Silva", "letters": "A/R"}],
        "summary":  [{"product": "Atlas", "people": 3, "tasks": 2,
                      "status": "FAIL"}],
        "sheets":   ["Summary", "Atlas", "Findings", "Roster"],
        "dropdown": ["A", "R", "C", "I", "A/R"],
        "roster":   [{"person": "Ana Silva", "R": 0, "A": 2, "C": 1, "I": 0}],
        "rows":     {"Roster": [{"Name": "Ana Silva", "Titles": "Product Owner",
                                 "Location": "Lisbon"}]},
        "heads":    [{"product": "Atlas", "person": "Ana Silva",
                      "titles": "Product Owner"}],
        "lists":    [{"sheet": "Roster", "row": "Ana Silva", "column": "Products",
                      "items": ["Atlas", "Zenith"], "noun": "product"},
                     {"product": "Atlas", "person": "Ana Silva",
                      "items": ["Product Owner"], "noun": "title"}]
      }
    Every key is optional; a field left out (or null for line) is not
    compared, while null for product, task or person expects none.
    "letters": "" expects an empty cell; a cell's "comment" is how its
    comment starts (the cell's note comes first, then the findings), null
    for none. "summary" here is a list of per-product rows; "(whole
    roster)" names the row of findings about no product. "dropdown" is the list of values every product sheet's letter
    drop-down offers, in order. "roster" gives people's task counts per
    letter, as the Roster sheet shows them. "rows" gives, per sheet with a
    header row, rows found by their first column's value and the text of
    each column named ("" for an empty cell), compared exactly. "heads"
    gives the titles a product sheet shows under a person's name. "lists"
    gives the items of a cell that joins them ("; " by default, or "sep"):
    all of them when a cell holds them, or else the first ones that fit
    followed by "; ... and N more <noun>s", never past 32767 UTF-16 units.

With findings given, the checker verifies: the Findings sheet has exactly
those rows (matched on every field given); each finding about a product is
marked on the right cell of its product's sheet (matrix cell for task and
person, task name for a task, person name for a person, A1 for the product)
by a comment containing "[rule]"; the Summary's error/warning/info counts and
status per product (and the "(whole roster)" row) agree with the list.

Exit status: 0 when every check passes, 1 when one fails, 2 when the files
cannot be read. Problems are printed one a line; the last line says
"ok: ..." or "FAIL: ...".
"""

import io
import json
import re
import sys
from collections import Counter

from ooxml import RawBook, formula_sheets, header_text

try:
    import openpyxl
    from openpyxl.worksheet.cell_range import CellRange
except ImportError:  # pragma: no cover
    sys.stderr.write("check_workbook: python3-openpyxl is needed (use /usr/bin/python3)\n")
    sys.exit(2)

SEVERITIES = ("error", "warning", "info")
MISSING = object()  # a field the expectation does not give: not compared
PRODUCT_HEAD_ROWS = 2  # product name + people, then titles
ORG_TEXT = "Org chart: "  # how the Org chart sheet's A1 starts (include/raci/xlsx_org.h)



def excel_fold(name):
    """A sheet name as Excel compares it: without case over all of Unicode
    (simple case folding, one character to one: str.casefold() where it
    gives one character, else the lower case where that is one), and the
    dotted and dotless i with i, which a Turkish Excel pairs too."""
    out = []
    for c in name:
        if c in "\u0130\u0131":
            out.append("i")
            continue
        f = c.casefold()
        if len(f) != 1:
            f = c.lower() if len(c.lower()) == 1 else c
        out.append(f)
    return "".join(out)

# The fills of findings by severity: info, warning, error (xlsx_book.c).
SEVERITY_FILLS = ("DDEBF7", "FFEB9C", "FFC7CE")


class Checker:
    def __init__(self, path):
        self.path = path
        self.problems = []
        self.checks = 0
        self.wb = openpyxl.load_workbook(path)  # not read-only: comments, links
        self.raw = RawBook(path)  # headers and defined names as written
        self.product_sheet = {}  # product name -> worksheet
        self.layouts = {}  # sheet title -> product_layout()

    def expect(self, cond, msg):
        self.checks += 1
        if not cond:
            self.problems.append(msg)
        return cond

    # ------------------------------------------------------------ helpers
    @staticmethod
    def text(v):
        return "" if v is None else str(v)

    def header_map(self, ws, row=1):
        return {self.text(c.value): c.column for c in ws[row] if c.value is not None}

    def table(self, ws):
        """Rows of a sheet with a one-row header, as dicts (and the cells)."""
        heads = [self.text(c.value) for c in ws[1]]
        out = []
        for row in ws.iter_rows(min_row=2):
            if all(c.value is None for c in row):
                continue
            out.append(({h: row[i].value for i, h in enumerate(heads) if h and i < len(row)}, row))
        return out

    @staticmethod
    def parse_location(loc):
        """"'O''Brien'!B3" -> ("O'Brien", "B3")."""
        m = re.fullmatch(r"'((?:[^']|'')*)'!(\$?[A-Z]+\$?[0-9]+)", loc or "")
        if m:
            return m.group(1).replace("''", "'"), m.group(2).replace("$", "")
        m = re.fullmatch(r"([^'!]+)!(\$?[A-Z]+\$?[0-9]+)", loc or "")
        if m:
            return m.group(1), m.group(2).replace("$", "")
        return None, None

    # ---------------------------------------------------------- structure
    def check_print(self, ws, subject, title_rows, title_cols):
        name = ws.title
        self.expect(ws.page_setup.orientation == "landscape", f"{name}: not landscape")
        fit = ws.sheet_properties.pageSetUpPr
        if fit is not None and fit.fitToPage:
            # 1 is the default width, which writers leave out.
            self.expect(str(ws.page_setup.fitToWidth) in ("1", "None") and str(ws.page_setup.fitToHeight) == "0",
                        f"{name}: not one page wide ({ws.page_setup.fitToWidth}x{ws.page_setup.fitToHeight})")
        else:
            # Too wide to fit a page at 60%: at 75% over pages, left to
            # right first, each beginning with column A (print_layout.py
            # checks that the sheet is that wide).
            self.expect(str(ws.page_setup.scale) == "75" and ws.page_setup.pageOrder == "overThenDown",
                        f"{name}: neither fitted to pages nor printed over pages at 75% "
                        f"({ws.page_setup.scale}, {ws.page_setup.pageOrder})")
            title_cols = "$A:$A"
        self.expect(ws.print_title_rows == title_rows,
                    f"{name}: repeated rows {ws.print_title_rows!r}, expected {title_rows!r}")
        if title_cols:
            self.expect(ws.print_title_cols == title_cols,
                        f"{name}: repeated columns {ws.print_title_cols!r}, expected {title_cols!r}")
        raw_head, raw_foot = self.raw.headers.get(name, (None, None))
        head = header_text(raw_head)["C"]
        # A header is cut to Excel's 255 characters, with an ellipsis.
        cut = head.endswith("\u2026") and subject is not None and subject.startswith(head[:-1])
        self.expect(subject is None or head == subject or cut and len(head) > 1,
                    f"{name}: page header {head!r} ({raw_head!r}), expected {subject!r}")
        foot = header_text(raw_foot)["C"]
        self.expect("{page}" in foot and "{pages}" in foot, f"{name}: footer {raw_foot!r} has no page numbers")

    def check_defined_names(self):
        """Each print title names its own sheet, quoted where Excel needs it."""
        for dname, local, formula in self.raw.defined:
            if dname != "_xlnm.Print_Titles":
                continue
            refs = formula_sheets(formula)
            self.expect(refs and all(sheet == local and ok for sheet, ok in refs),
                        f"{local}: print titles {formula!r} are not all its own, well quoted")

    def org_sheet(self):
        """The Org chart sheet: second, its A1 starting "Org chart: "; or None."""
        if len(self.wb.worksheets) > 3:
            ws = self.wb.worksheets[1]
            if self.text(ws["A1"].value).startswith(ORG_TEXT):
                return ws
        return None

    def check_org_structure(self):
        """The Org chart sheet is there exactly when someone on the Roster
        sheet has a manager, and holds what it shows (A1), the legend (A2)
        and one PNG picture of the chart below them."""
        ws = self.org_sheet()
        managed = [r.get("Name") for r, _ in self.table(self.wb["Roster"]) if self.text(r.get("Manager"))]
        if not self.expect((ws is not None) == bool(managed),
                           f"Org chart sheet {'present' if ws is not None else 'absent'}, "
                           f"with {len(managed)} people who have a manager on Roster"):
            return
        if ws is None:
            return
        name = ws.title
        legend = self.text(ws["A2"].value)
        for words in ("reporting loop", "not on the roster"):
            self.expect(words in legend, f"{name}: A2 {legend!r} says nothing of {words!r}")
        self.expect(ws.max_row == 2 and ws.max_column == 1, f"{name}: cells past A2 ({ws.dimensions})")
        self.expect(ws.page_setup.orientation == "landscape", f"{name}: not landscape")
        fit = ws.sheet_properties.pageSetUpPr
        self.expect(fit is not None and fit.fitToPage and str(ws.page_setup.fitToWidth) in ("1", "None")
                    and str(ws.page_setup.fitToHeight) in ("1", "None"),
                    f"{name}: not fitted to one page ({ws.page_setup.fitToWidth}x{ws.page_setup.fitToHeight})")
        raw_head, raw_foot = self.raw.headers.get(name, (None, None))
        self.expect(header_text(raw_head)["C"] == name, f"{name}: page header {raw_head!r}, expected the sheet's name")
        if not self.expect(len(ws._images) == 1, f"{name}: {len(ws._images)} pictures, expected 1"):
            return
        img = ws._images[0]
        try:
            import PIL.Image

            pic = PIL.Image.open(io.BytesIO(img._data()))
            pic.load()
        except ImportError:
            self.expect(False, f"{name}: python3-pil is needed to decode the picture")
            return
        except Exception as e:  # a picture PIL cannot decode
            self.expect(False, f"{name}: the picture does not decode as PNG: {e}")
            return
        w, h = pic.size
        self.expect(pic.format == "PNG", f"{name}: the picture is {pic.format}, not PNG")
        self.expect(200 <= w <= 20000 and 100 <= h <= 20000, f"{name}: a picture of {w}x{h} pixels")
        # Some of every pixel is not background: there is a drawing.
        colours = pic.convert("L").getextrema()
        self.expect(colours[0] < 128 < colours[1], f"{name}: a blank picture (grey levels {colours})")
        # Below the text, at the left; fixed to the sheet, shown between a
        # third of its size and its own size.
        anchor = img.anchor
        self.expect(anchor._from.row == 2 and anchor._from.col == 0,
                    f"{name}: picture at row {anchor._from.row + 1}, column {anchor._from.col + 1}, expected A3")
        self.expect(anchor.editAs == "absolute", f"{name}: the picture moves with cells ({anchor.editAs})")
        ext = self.raw.picture_extents.get(name)
        if self.expect(ext is not None, f"{name}: no extent for the picture"):
            sx, sy = ext[0] / 9525 / w, ext[1] / 9525 / h
            self.expect(abs(sx - sy) < 0.01 and 0.33 <= sx <= 1.001,
                        f"{name}: picture of {w}x{h} shown at scale {sx:.3f} x {sy:.3f}")

    def check_structure(self):
        names = self.wb.sheetnames
        if not self.expect(len(names) >= 3 and names[0] == "Summary" and names[-2:] == ["Findings", "Roster"],
                           f"sheets {names}: expected Summary, [Org chart,] products..., Findings, Roster"):
            return False
        org = 1 if self.org_sheet() is not None else 0
        folded = [excel_fold(n) for n in names]
        self.expect(len(set(folded)) == len(folded), f"sheet names not unique without case: {names}")
        for n in names:
            self.expect(0 < len(n.encode("utf-16-le")) // 2 <= 31 and not re.search(r"[\[\]:*?/\\]", n)
                        and not n.startswith("'") and not n.endswith("'"), f"sheet name {n!r} unsafe")
        self.check_defined_names()
        self.check_summary_structure(org)
        for ws in self.wb.worksheets[1 + org:-2]:
            self.check_product_structure(ws)
        self.check_org_structure()
        self.check_findings_links()
        self.check_roster_structure()
        return True

    def summary_rows(self):
        """Product rows of Summary (dicts), up to the first empty row."""
        ws = self.wb["Summary"]
        heads = self.header_map(ws)
        rows = []
        for r in range(2, ws.max_row + 1):
            a = ws.cell(r, 1)
            if a.value is None:
                break
            rows.append(({h: ws.cell(r, c).value for h, c in heads.items()}, a))
        return rows

    def check_summary_structure(self, org):
        ws = self.wb["Summary"]
        self.check_print(ws, "Summary", "$1:$1", None)
        heads = [self.text(c.value) for c in ws[1]][:7]
        self.expect(heads == ["Product", "People", "Tasks", "Errors", "Warnings", "Infos", "Status"],
                    f"Summary: header {heads}")
        self.expect(ws.freeze_panes == "A2", f"Summary: frozen at {ws.freeze_panes}")
        labels = []
        for row, a in self.summary_rows():
            label = self.text(row.get("Product"))
            labels.append(label)
            errors = row.get("Errors") or 0
            self.expect(row.get("Status") == ("FAIL" if errors else "PASS"),
                        f"Summary: {label}: status {row.get('Status')} with {errors} errors")
            if label in ("(whole roster)", "Total"):
                continue
            link = a.hyperlink.location if a.hyperlink is not None else None
            sheet, cell = self.parse_location(link)
            if self.expect(sheet in self.wb.sheetnames, f"Summary: {label}: link {link!r} to no sheet"):
                ws2 = self.wb[sheet]
                self.expect(self.text(ws2["A1"].value) == label,
                            f"Summary: {label}: its sheet '{sheet}' says {ws2['A1'].value!r} in A1")
                self.product_sheet[label] = ws2
        self.expect(labels and labels[-1] == "Total", f"Summary: no Total row ({labels})")
        nsheets = len(self.wb.sheetnames) - 3 - org
        self.expect(len(self.product_sheet) == nsheets,
                    f"Summary lists {len(self.product_sheet)} products for {nsheets} sheets")
        self.expect(len(ws._charts) <= 1, "Summary: more than one chart")

    def product_layout(self, ws):
        """({person: column}, {task: row}, Findings column) of a product sheet."""
        if ws.title not in self.layouts:
            self.layouts[ws.title] = self.read_layout(ws)
        return self.layouts[ws.title]

    def read_layout(self, ws):
        people = {}
        findings_col = None
        for c in ws[1][1:]:
            if self.text(c.value) == "Findings":
                findings_col = c.column
                break
            people.setdefault(self.text(c.value), c.column)
        tasks = {}
        for r in range(PRODUCT_HEAD_ROWS + 1, ws.max_row + 1):
            v = ws.cell(r, 1).value
            if v is not None:
                tasks.setdefault(self.text(v), r)
        return people, tasks, findings_col

    def check_product_structure(self, ws):
        name = ws.title
        self.check_print(ws, self.text(ws["A1"].value), "$1:$2", "$A:$A")
        self.expect(ws.freeze_panes == "B3", f"{name}: frozen at {ws.freeze_panes}, expected B3")
        self.expect(self.text(ws["A2"].value) == "Task", f"{name}: A2 is {ws['A2'].value!r}")
        people, tasks, fcol = self.product_layout(ws)
        self.expect(fcol is not None, f"{name}: no Findings column")
        if people and tasks:
            # Every matrix cell: B3 down to the last task, across to the last person.
            want = (2, PRODUCT_HEAD_ROWS + 1, 1 + len(people), PRODUCT_HEAD_ROWS + len(tasks))
            dvs = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
            self.expect(any(CellRange(str(dv.sqref)).bounds == want and "A/R" in (dv.formula1 or "") for dv in dvs),
                        f"{name}: no letter drop-down over {want} (min col, min row, max col, max row) ({[str(d.sqref) for d in dvs]})")
            self.expect(all(dv.errorStyle == "warning" for dv in dvs), f"{name}: drop-down refuses other values")

    def check_findings_links(self):
        ws = self.wb["Findings"]
        self.check_print(ws, "Findings", "$1:$1", None)
        self.expect(ws.freeze_panes == "A2", f"Findings: frozen at {ws.freeze_panes}")
        self.expect(bool(ws.auto_filter.ref), "Findings: no autofilter")
        # openpyxl finds a row's extent by scanning every cell: look once.
        goto_col = self.header_map(ws)["Go to"] - 1
        roster = self.wb["Roster"]
        for row, cells in self.table(ws):
            goto = cells[goto_col]
            if goto.hyperlink is None:
                continue
            sheet, cell = self.parse_location(goto.hyperlink.location)
            where = f"Findings row {goto.row}"
            if not self.expect(sheet in self.wb.sheetnames, f"{where}: link to no sheet ({goto.hyperlink.location})"):
                continue
            target = self.wb[sheet][cell]
            if sheet == "Roster":
                self.expect(self.text(roster.cell(target.row, 1).value) == self.text(row.get("Person")),
                            f"{where}: link to {sheet}!{cell} is not {row.get('Person')!r}'s row")
                # The name is filled with a severity's colour, and its
                # comment holds the finding.
                note = self.text(target.comment.text) if target.comment else ""
                line = f"[{row.get('Rule')}] {self.text(row.get('Message'))}"
                # (A long comment is cut, and says so.)
                self.expect(line in note or note.endswith("(see the Findings sheet)"),
                            f"{where}: {sheet}!{cell}'s comment lacks {line!r} ({note!r})")
                fill = target.fill.fgColor.rgb if target.fill.fill_type == "solid" else None
                self.expect(str(fill)[-6:] in SEVERITY_FILLS,
                            f"{where}: {sheet}!{cell} is not filled with a severity's colour ({fill})")
            else:
                note = target.comment.text if target.comment else ""
                self.expect(f"[{row.get('Rule')}]" in note,
                            f"{where}: link to {sheet}!{cell} whose comment lacks [{row.get('Rule')}]")

    def check_roster_structure(self):
        ws = self.wb["Roster"]
        self.check_print(ws, "Roster", "$1:$1", "$A:$A")
        heads = [self.text(c.value) for c in ws[1]][:10]
        self.expect(heads == ["Name", "ID", "Titles", "Roles", "Products", "Manager", "R", "A", "C", "I"],
                    f"Roster: header {heads}")
        self.expect(bool(ws.auto_filter.ref), "Roster: no autofilter")

    # -------------------------------------------------------- expectations
    @staticmethod
    def field(f, *keys):
        for k in keys:
            if k in f:
                return f[k]
            for outer in ("subject", "entity", "location", "loc"):
                o = f.get(outer)
                if isinstance(o, dict) and k in o:
                    return o[k]
        return MISSING

    def normalise(self, f):
        """An expected finding: each field a value, None (explicitly none:
        an empty cell) or MISSING (not given: not compared)."""
        def name(v):
            if isinstance(v, dict):
                v = v.get("name", MISSING)
            return v if v is None or v is MISSING else str(v)

        def opt(v):
            return None if v is MISSING else v

        line = self.field(f, "line")
        severity = opt(self.field(f, "severity", "level"))
        return {
            "rule": opt(self.field(f, "rule", "rule_id", "ruleId", "id")),
            "severity": severity.lower() if isinstance(severity, str) else None,
            "product": name(self.field(f, "product")),
            "task": name(self.field(f, "task")),
            "person": name(self.field(f, "person")),
            "line": int(line) if line not in (MISSING, None, "", 0) else None,
            "message": opt(self.field(f, "message")),
        }

    def check_findings(self, expected):
        ws = self.wb["Findings"]
        rows = [r for r, _ in self.table(ws)]
        self.expect(len(rows) == len(expected), f"Findings: {len(rows)} rows, expected {len(expected)}")
        used = [False] * len(rows)
        # Candidates by rule and line, so that big rosters stay linear.
        by_rule, by_line = {}, {}
        for i, r in enumerate(rows):
            by_rule.setdefault(r.get("Rule"), []).append(i)
            by_line.setdefault((r.get("Rule"), r.get("Line")), []).append(i)
        for e in expected:
            hit = None
            cands = by_rule.get(e["rule"], []) if e["line"] is None else by_line.get((e["rule"], e["line"]), [])
            for i in cands:
                r = rows[i]
                if used[i]:
                    continue
                if e["rule"] != r.get("Rule"):
                    continue
                if e["severity"] is not None and e["severity"] != r.get("Severity"):
                    continue
                if any(e[k] is not MISSING and self.text(e[k]) != self.text(r.get(k.capitalize()))
                       for k in ("product", "task", "person")):
                    continue
                if e["line"] is not None and e["line"] != r.get("Line"):
                    continue
                if e["message"] is not None and not e["message"].startswith(self.text(r.get("Message"))[:2000]):
                    continue
                hit = i
                break
            if self.expect(hit is not None, f"Findings: no row for {e}"):
                used[hit] = True
            self.check_marked(e)

    def check_marked(self, e):
        if e["product"] in (None, MISSING):
            return
        ws = self.product_sheet.get(e["product"])
        if not self.expect(ws is not None, f"no sheet for product {e['product']!r}"):
            return
        people, tasks, _ = self.product_layout(ws)
        row, col = 1, 1
        if e["task"] not in (None, MISSING):
            if not self.expect(e["task"] in tasks, f"{ws.title}: no row for task {e['task']!r}"):
                return
            row = tasks[e["task"]]
        if e["person"] not in (None, MISSING) and e["person"] in people:
            col = people[e["person"]]
            if e["task"] in (None, MISSING):
                row = 1
        cell = ws.cell(row, col)
        note = cell.comment.text if cell.comment else ""
        self.expect(f"[{e['rule']}]" in note,
                    f"{ws.title}!{cell.coordinate}: comment {note[:80]!r} lacks [{e['rule']}]")
        if e["task"] not in (None, MISSING):
            summary = self.text(ws.cell(row, 2 + len(people)).value)
            self.expect(e["rule"] in summary,
                        f"{ws.title}: Findings column of {e['task']!r} ({summary!r}) lacks {e['rule']}")

    def check_counts(self, expected, summary):
        """Per-product counts from the expected findings (None: not known),
        then any per-product figures given in summary."""
        rows = {self.text(r.get("Product")): r for r, _ in self.summary_rows()}
        if expected is not None:
            self.check_counts_from(expected, rows)
        for s in summary or []:
            r = rows.get(s.get("product"))
            if not self.expect(r is not None, f"Summary: no row for {s.get('product')!r}"):
                continue
            for k in ("people", "tasks", "errors", "warnings", "infos", "status"):
                if k in s:
                    self.expect(r.get(k.capitalize()) == s[k],
                                f"Summary: {s['product']}: {k} {r.get(k.capitalize())!r}, expected {s[k]!r}")

    def check_counts_from(self, expected, rows):
        want = {}
        for e in expected:
            key = e["product"] or "(whole roster)"
            want.setdefault(key, Counter())[e["severity"]] += 1
        total = Counter(e["severity"] for e in expected)
        # Counts per product only when every finding says which it is about.
        per_product = all(e["product"] is not MISSING for e in expected)
        for key in (set(want) | set(rows)) if per_product else ():
            if key == "Total":
                continue
            r = rows.get(key)
            if not self.expect(r is not None, f"Summary: no row for {key!r}"):
                continue
            c = want.get(key, Counter())
            got = (r.get("Errors"), r.get("Warnings"), r.get("Infos"))
            self.expect(got == (c["error"], c["warning"], c["info"]),
                        f"Summary: {key}: errors/warnings/infos {got}, expected {(c['error'], c['warning'], c['info'])}")
        if "Total" in rows:
            r = rows["Total"]
            got = (r.get("Errors"), r.get("Warnings"), r.get("Infos"))
            self.expect(got == (total["error"], total["warning"], total["info"]),
                        f"Summary: Total {got}, expected {(total['error'], total['warning'], total['info'])}")

    def check_totals(self, summary):
        rows = {self.text(r.get("Product")): r for r, _ in self.summary_rows()}
        r = rows.get("Total")
        if not self.expect(r is not None, "Summary: no Total row"):
            return
        got = (r.get("Errors"), r.get("Warnings"), r.get("Infos"))
        want = (summary.get("error"), summary.get("warning"), summary.get("info"))
        self.expect(got == want, f"Summary: Total {got}, raci reported {want}")

    def check_cells(self, cells):
        for c in cells:
            ws = self.product_sheet.get(c["product"])
            if not self.expect(ws is not None, f"no sheet for product {c['product']!r}"):
                continue
            people, tasks, _ = self.product_layout(ws)
            if not self.expect(c["task"] in tasks and c["person"] in people,
                               f"{ws.title}: no cell for {c['task']!r} x {c['person']!r}"):
                continue
            cell = ws.cell(tasks[c["task"]], people[c["person"]])
            got = self.text(cell.value)
            self.expect(got == c["letters"],
                        f"{ws.title}: {c['task']!r} x {c['person']!r} is {got!r}, expected {c['letters']!r}")
            if "comment" in c:
                note = cell.comment.text if cell.comment else None
                want = c["comment"]
                self.expect(note is None if want is None else note is not None and note.startswith(want),
                            f"{ws.title}: {c['task']!r} x {c['person']!r} has comment {note!r}, "
                            f"expected {'none' if want is None else 'one starting ' + repr(want)}")

    def check_dropdown(self, values):
        for ws in self.product_sheet.values():
            people, tasks, _ = self.product_layout(ws)
            if not people or not tasks:
                continue
            lists = [dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"]
            # A literal list is one quoted formula: "A,R,C".
            got = [f.strip('"').split(",") for f in lists if f and f.startswith('"')]
            self.expect(got == [values], f"{ws.title}: drop-down offers {got}, expected [{values}]")

    def check_roster(self, people):
        ws = self.wb["Roster"]
        rows = {self.text(r.get("Name")): r for r, _ in self.table(ws)}
        for p in people:
            r = rows.get(p["person"])
            if not self.expect(r is not None, f"Roster: no row for {p['person']!r}"):
                continue
            for k in ("R", "A", "C", "I"):
                if k in p:
                    self.expect(r.get(k) == p[k], f"Roster: {p['person']}: {k} is {r.get(k)!r}, expected {p[k]!r}")

    @staticmethod
    def units(text):
        return len(text.encode("utf-16-le")) // 2

    def find_row(self, sheet, key):
        """The row (1-based) of sheet whose first cell is key, or None."""
        ws = self.wb[sheet]
        for r in range(2, ws.max_row + 1):
            if self.text(ws.cell(r, 1).value) == key:
                return r
        return None

    def check_rows(self, rows):
        for sheet, want in rows.items():
            if not self.expect(sheet in self.wb.sheetnames, f"no sheet {sheet!r}"):
                continue
            ws = self.wb[sheet]
            heads = self.header_map(ws)
            first = self.text(ws.cell(1, 1).value)
            for w in want:
                r = self.find_row(sheet, w.get(first))
                if not self.expect(r is not None, f"{sheet}: no row for {w.get(first)!r}"):
                    continue
                for col, value in w.items():
                    if not self.expect(col in heads, f"{sheet}: no column {col!r}"):
                        continue
                    got = self.text(ws.cell(r, heads[col]).value)
                    self.expect(got == value, f"{sheet}!{ws.cell(r, heads[col]).coordinate} ({col} of "
                                f"{w.get(first)!r}) is {got[:60]!r}... ({len(got)}), expected "
                                f"{value[:60]!r}... ({len(value)})")

    def head_cell(self, product, person):
        ws = self.product_sheet.get(product)
        if not self.expect(ws is not None, f"no sheet for product {product!r}"):
            return None
        people, _, _ = self.product_layout(ws)
        if not self.expect(person in people, f"{ws.title}: no column for {person!r}"):
            return None
        return ws.cell(2, people[person])

    def check_heads(self, heads):
        for h in heads:
            cell = self.head_cell(h["product"], h["person"])
            if cell is not None:
                got = self.text(cell.value)
                self.expect(got == h["titles"], f"{cell.parent.title}!{cell.coordinate}: titles {got!r}, "
                            f"expected {h['titles']!r}")

    def check_list(self, where, got, items, noun, sep):
        limit = 32767
        self.expect(self.units(got) <= limit, f"{where}: {self.units(got)} UTF-16 units, more than a cell holds")
        whole = sep.join(items)
        if got == whole:
            return
        if len(items) == 1 and got.endswith("\u2026") and items[0].startswith(got[:-1]):
            # One item longer than a cell: cut where the cell is full.
            self.expect(self.units(got) == limit, f"{where}: cut to {self.units(got)} units, not {limit}")
            return
        m = re.fullmatch(r"(.*)" + re.escape(sep) + r"… and (\d+) more " + re.escape(noun) + r"s?",
                         got, re.DOTALL)
        if not self.expect(m is not None and self.units(whole) > limit,
                           f"{where}: {got[:80]!r}... ({self.units(got)} units) is not the list of "
                           f"{len(items)} {noun}s ({self.units(whole)} units)"):
            return
        shown, more = m.group(1), int(m.group(2))
        k = len(items) - more
        ok = k >= 1 and (shown == sep.join(items[:k]) or
                         k == 1 and shown.endswith("…") and items[0].startswith(shown[:-1]))
        self.expect(ok, f"{where}: shows {shown[:80]!r}..., not the first {k} of the {noun}s")
        # Cut where the cell is full, not earlier.
        self.expect(k == len(items) or self.units(sep.join(items[:k + 1])) > limit - 100,
                    f"{where}: cut after {k} {noun}s, with room for more")
        self.expect(got.endswith(f" {more} more {noun}" + ("" if more == 1 else "s")),
                    f"{where}: says {got[-40:]!r} of {more} more {noun}s")

    def check_lists(self, lists):
        for w in lists:
            sep = w.get("sep", "; ")
            if "product" in w:
                cell = self.head_cell(w["product"], w["person"])
                if cell is None:
                    continue
            else:
                sheet = w["sheet"]
                r = self.find_row(sheet, w["row"])
                heads = self.header_map(self.wb[sheet])
                if not self.expect(r is not None and w["column"] in heads,
                                   f"{sheet}: no {w['column']!r} for {w['row']!r}"):
                    continue
                cell = self.wb[sheet].cell(r, heads[w["column"]])
            self.check_list(f"{cell.parent.title}!{cell.coordinate}", self.text(cell.value), w["items"],
                            w["noun"], sep)

    def check_expected(self, data):
        if isinstance(data, list):
            data = {"findings": data}
        findings = data.get("findings", data.get("results"))
        if "sheets" in data:
            self.expect(self.wb.sheetnames == data["sheets"], f"sheets {self.wb.sheetnames}, expected {data['sheets']}")
        summary = data.get("summary")
        if isinstance(summary, dict):
            # raci's JSON: totals over the whole run.
            self.check_totals(summary)
            summary = None
        if findings is not None:
            expected = [self.normalise(f) for f in findings]
            self.check_findings(expected)
            self.check_counts(expected, summary)
        elif summary:
            self.check_counts(None, summary)
        self.check_cells(data.get("cells", []))
        if "dropdown" in data:
            self.check_dropdown(data["dropdown"])
        self.check_roster(data.get("roster", []))
        self.check_rows(data.get("rows", {}))
        self.check_heads(data.get("heads", []))
        self.check_lists(data.get("lists", []))


def main(argv):
    args = [a for a in argv[1:] if a != "-q"]
    quiet = "-q" in argv[1:]
    if len(args) not in (1, 2):
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    try:
        ck = Checker(args[0])
        data = None
        if len(args) == 2:
            with open(args[1], encoding="utf-8") as fh:
                data = json.load(fh)
    except Exception as e:  # any reading error: a missing file, a broken zip, bad JSON
        sys.stderr.write(f"check_workbook: {e}\n")
        return 2
    if ck.check_structure() and data is not None:
        ck.check_expected(data)
    for p in ck.problems:
        print(f"{args[0]}: {p}")
    if ck.problems:
        print(f"FAIL: {args[0]}: {len(ck.problems)} of {ck.checks} checks failed")
        return 1
    if not quiet:
        print(f"ok: {args[0]}: {ck.checks} checks")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
