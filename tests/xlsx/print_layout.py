"""How raci's workbooks print, and what their sheets store for it.

    print_layout.py pdf FILE.pdf...     no two words of a page overlap
    print_layout.py xlsx FILE.xlsx...   rows and columns fit their text,
                                        sheets print at a readable scale

pdf: the words of each page, as `pdftotext -bbox-layout` (poppler-utils)
places them. Text that a row too short for it lets run over the rows below
is drawn over their text: two words whose boxes share half the height of
the shorter (the lines of one cell share a little of theirs) and a fifth
of the width of the narrower fail.

xlsx: read from the sheets' XML (zipfile, ElementTree), not from what
raci meant to write:
  - a row whose wrapped text takes more than one line (counted generously:
    as many characters a line as the column has units and a third more)
    stores a height of at least 12 points a line of 11-point text;
  - a column is at least as wide as the longest word of its wrapped text
    (text between spaces, estimated at 0.85 units a character), and as its
    text that does not wrap when the cell to its right is not empty, unless
    it is 30 units or more;
  - a sheet fitted to one page wide is fitted at 60% or more (its width in
    pixels, 7 a unit of the widths stored, against 921.6 pixels of a landscape
    Letter page less margins); a sheet not fitted prints at 60% or more,
    and repeats its first column and head rows when it is a product's.

Prints one line per problem and "print-layout: N files, M problems";
exits 1 when there is a problem.
"""
import math
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PAGE_PX = 921.6
MIN_SCALE = 60

# ------------------------------------------------------------------ pdf --


def pdf_words(path):
    """[(page, [(x0, y0, x1, y1, text)])] of a PDF."""
    out = subprocess.run(["pdftotext", "-bbox-layout", path, "-"], check=True,
                         capture_output=True).stdout
    root = ET.fromstring(re.sub(rb"<!DOCTYPE[^>]*>", b"", out))
    pages = []
    for n, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), 1):
        words = [(float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                  float(w.get("yMax")), w.text or "")
                 for w in page.iter("{http://www.w3.org/1999/xhtml}word")]
        pages.append((n, words))
    return pages


def overlaps(words):
    """Pairs of words drawn over each other; found band by band of 4
    points, not pair by pair."""
    bands = {}
    for i, (x0, y0, x1, y1, _) in enumerate(words):
        for b in range(int(y0 // 4), int(y1 // 4) + 1):
            bands.setdefault(b, []).append(i)
    seen, found = set(), []
    for members in bands.values():
        members.sort(key=lambda i: words[i][0])
        for k, i in enumerate(members):
            a = words[i]
            for j in members[k + 1:]:
                b = words[j]
                if b[0] >= a[2]:
                    break
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                w = min(a[2], b[2]) - max(a[0], b[0])
                h = min(a[3], b[3]) - max(a[1], b[1])
                if w <= 0 or h <= 0:
                    continue
                # Lines of one cell lie closer than their boxes are tall:
                # a little of their height is shared; text drawn over text
                # shares half of it or more.
                if h >= 0.45 * min(a[3] - a[1], b[3] - b[1]) and \
                        w >= 0.2 * min(a[2] - a[0], b[2] - b[0]):
                    found.append((a, b))
    return found


def check_pdf(path, problems):
    pages = pdf_words(path)
    if not pages or not any(words for _, words in pages):
        problems.append(f"{path}: no text on any page")
    for n, words in pages:
        for a, b in overlaps(words)[:5]:
            problems.append(f"{path}: page {n}: '{a[4]}' at ({a[0]:.0f},{a[1]:.0f}) "
                            f"overlaps '{b[4]}' at ({b[0]:.0f},{b[1]:.0f})")

# ----------------------------------------------------------------- xlsx --


def col_index(ref):
    """0-based column of a cell reference such as 'AB12'."""
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_book(path):
    """(sheets, styles, strings, defined names) of a workbook: sheets as
    [(name, is_product, xml root)], styles as [(wraps, font size)]."""
    z = zipfile.ZipFile(path)
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels}
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(M + "si"):
            strings.append("".join(t.text or "" for t in si.iter(M + "t")))
    st = ET.fromstring(z.read("xl/styles.xml"))
    fonts = [float((f.find(M + "sz").get("val") if f.find(M + "sz") is not None else 11))
             for f in st.find(M + "fonts")]
    styles = []
    for xf in st.find(M + "cellXfs"):
        al = xf.find(M + "alignment")
        styles.append((al is not None and al.get("wrapText") == "1",
                       fonts[int(xf.get("fontId", 0))]))
    sheets = []
    for s in wb.find(M + "sheets"):
        name = s.get("name")
        part = "xl/" + target[s.get(R + "id")].lstrip("/").removeprefix("xl/")
        sheets.append((name, name not in ("Summary", "Findings", "Roster", "Org chart"),
                       ET.fromstring(z.read(part))))
    names = {}
    dn = wb.find(M + "definedNames")
    for d in dn if dn is not None else []:
        names.setdefault(d.get("localSheetId"), {})[d.get("name")] = d.text or ""
    return sheets, styles, strings, names


def cell_text(c, strings):
    v = c.find(M + "v")
    if c.get("t") == "s" and v is not None:
        return strings[int(v.text)]
    if c.get("t") == "inlineStr":
        return "".join(t.text or "" for t in c.iter(M + "t"))
    return v.text if v is not None else ""


def lines_at_least(text, width, pt):
    """Lines text surely takes in a column width units wide: its line
    breaks, and as many characters a line as a third more than the units
    (fewer in a bigger font)."""
    per = max(1.0, width * 4 / 3 * 11 / pt)
    return sum(max(1, math.ceil(len(part) / per)) for part in text.split("\n"))


def check_sheet(path, name, is_product, ws, styles, strings, names, index, problems):
    widths = {}
    cols = ws.find(M + "cols")
    for col in cols if cols is not None else []:
        for k in range(int(col.get("min")) - 1, int(col.get("max"))):
            widths[k] = float(col.get("width"))
    longest, last_col = {}, 0
    for row in ws.iter(M + "row"):
        ht = float(row.get("ht")) if row.get("ht") else None
        need = 0.0
        row_text = {col_index(c.get("r")): cell_text(c, strings) for c in row.iter(M + "c")}
        for c in row.iter(M + "c"):
            text = cell_text(c, strings)
            k = col_index(c.get("r"))
            last_col = max(last_col, k)
            if not text:
                continue
            wraps, pt = styles[int(c.get("s", 0))]
            width = widths.get(k, 8.43)
            if wraps:
                for word in re.split(r"\s+", text):
                    longest[k] = max(longest.get(k, 0), len(word))
            elif row_text.get(k + 1):  # cut at the next cell: the whole text counts
                longest[k] = max(longest.get(k, 0), len(text))
            if wraps:
                lines = lines_at_least(text, width, pt)
                if lines > 1:
                    need = max(need, min(409, lines * 12 * pt / 11))
        if need and (ht is None or ht < need):
            problems.append(f"{path}: {name}: row {row.get('r')}: wrapped text of at least "
                            f"{need / 12:.0f} lines, but the row stores "
                            f"{'no height' if ht is None else f'{ht:g} points'}")
    for k, n in sorted(longest.items()):
        width = widths.get(k, 8.43)
        if width < 30 and n * 0.85 > width:
            problems.append(f"{path}: {name}: column {k + 1} is {width:g} wide, "
                            f"cutting a word of {n} characters")
    # A width as stored holds the cell's margins already (8.43 shown is 9.14).
    px = sum(round(widths.get(k, 9.140625) * 7) for k in range(last_col + 1))
    fit_scale = 100 if px <= PAGE_PX else 100 * PAGE_PX / px
    pr = ws.find(M + "sheetPr")
    fit = pr is not None and pr.find(M + "pageSetUpPr") is not None and \
        pr.find(M + "pageSetUpPr").get("fitToPage") == "1"
    ps = ws.find(M + "pageSetup")
    fit_width = ps.get("fitToWidth", "1") if ps is not None else "1"
    if fit and fit_width != "0":
        if fit_scale < MIN_SCALE:
            problems.append(f"{path}: {name}: fitted one page wide at {fit_scale:.0f}%")
    else:
        scale = int(ps.get("scale", 100)) if ps is not None else 100
        if scale < MIN_SCALE:
            problems.append(f"{path}: {name}: printed at {scale}%")
        titles = names.get(str(index), {}).get("_xlnm.Print_Titles", "")
        if is_product and ("$A:$A" not in titles or "$1:$2" not in titles):
            problems.append(f"{path}: {name}: printed over pages without column A and rows "
                            f"1-2 on each (print titles: '{titles}')")


def check_xlsx(path, problems):
    sheets, styles, strings, names = read_book(path)
    for index, (name, is_product, ws) in enumerate(sheets):
        check_sheet(path, name, is_product, ws, styles, strings, names, index, problems)


def main(argv):
    if len(argv) < 3 or argv[1] not in ("pdf", "xlsx"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    problems = []
    for path in argv[2:]:
        (check_pdf if argv[1] == "pdf" else check_xlsx)(path, problems)
    for p in problems:
        print(p)
    print(f"print-layout: {len(argv) - 2} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
