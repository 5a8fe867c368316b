"""What openpyxl reads loosely or not at all in a workbook, read from its XML.

- header_text: a page header or footer as Excel prints it, its codes read
  left to right (openpyxl takes '&12' in 'P&&12' for a font size, and runs a
  font name on to the last '"' of the text);
- RawBook: each sheet's header and footer as written, the workbook's
  defined names, and the size a sheet's picture is shown at;
- formula_sheets: the sheets a defined name's formula refers to, each
  checked against Excel's rule for a name left without quotes.

Used by check_workbook.py; plain Python (zipfile, ElementTree), apart from
openpyxl, so that the two can disagree.
"""
import posixpath
import re
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
# Codes that print something: page, pages, date, time, file, sheet, path.
FIELDS = {"P": "{page}", "N": "{pages}", "D": "{date}", "T": "{time}", "F": "{file}",
          "A": "{sheet}", "Z": "{path}", "G": "{picture}"}


def unescape_x(text):
    """Excel's _xHHHH_ escapes, as Excel reads them."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def header_text(raw):
    """{'L': ..., 'C': ..., 'R': ...}: what each part of a header or footer
    prints, fields as {page}, {pages}..., formatting codes dropped."""
    parts = {"L": "", "C": "", "R": ""}
    if raw is None:
        return parts
    raw = unescape_x(raw)
    part, i, n = "C", 0, len(raw)
    while i < n:
        c = raw[i]
        if c != "&" or i + 1 == n:
            parts[part] += c
            i += 1
            continue
        d = raw[i + 1]
        if d == "&":
            parts[part] += "&"
            i += 2
        elif d in "LCR":
            part = d
            i += 2
        elif d == '"':  # &"font,style": up to the next quote
            j = raw.find('"', i + 2)
            i = n if j < 0 else j + 1
        elif d == "K":  # &KRRGGBB, or a theme colour &KTTSNNN
            i += 8
        elif d.isdigit():  # a font size
            j = i + 1
            while j < n and raw[j].isdigit():
                j += 1
            i = j
        elif d in FIELDS:
            parts[part] += FIELDS[d]
            i += 2
        elif d == "[":  # &[Page], &[Picture]...: a field by name
            j = raw.find("]", i)
            name = raw[i + 2:j] if j > 0 else ""
            parts[part] += "{" + name.lower() + "}"
            i = n if j < 0 else j + 1
        else:  # &B, &I, &U, &E, &S, &X, &Y, &O, &H: a style toggle
            i += 2
    return parts


# A sheet's name may go bare in a formula when it is a word that Excel
# cannot take for anything else (XlsxWriter's notes on Excel, issue 1078):
# no character but letters, digits, '_' and '.', no leading digit, and not
# like a cell in either A1 or R1C1 style.
A1 = re.compile(r"[A-Za-z]{1,3}[0-9]+")
R1C1 = re.compile(r"(?:[Rr][0-9]*)?(?:[Cc][0-9]*)?")


def bare_name_ok(name):
    if not re.fullmatch(r"[^\W\d][\w.]*", name):
        return False
    return not A1.fullmatch(name) and not R1C1.fullmatch(name)


def formula_sheets(formula):
    """[(sheet, well_quoted)] of the sheet references in formula, e.g.
    "'O''Brien'!$A:$A,Q3!$1:$2" -> [("O'Brien", True), ("Q3", False)]."""
    out, i, n = [], 0, len(formula)
    while i < n:
        if formula[i] == "'":
            j, name = i + 1, ""
            while j < n:
                if formula[j] == "'" and j + 1 < n and formula[j + 1] == "'":
                    name, j = name + "'", j + 2
                elif formula[j] == "'":
                    break
                else:
                    name, j = name + formula[j], j + 1
            ok = j < n and j + 1 < n and formula[j + 1] == "!"
            out.append((name, ok))
            i = formula.find(",", j)
            i = n if i < 0 else i + 1
        else:
            j = formula.find("!", i)
            if j < 0:
                break
            name = formula[i:j]
            out.append((name, bare_name_ok(name)))
            i = formula.find(",", j)
            i = n if i < 0 else i + 1
    return out


class RawBook:
    """The parts of a workbook that openpyxl reads loosely."""

    def __init__(self, path):
        self.headers = {}  # sheet name -> (raw header, raw footer)
        self.defined = []  # (name, local sheet name or None, formula)
        self.picture_extents = {}  # sheet name -> (cx, cy) in EMU of its first picture
        with zipfile.ZipFile(path) as z:
            book = ET.fromstring(z.read("xl/workbook.xml"))
            rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            target = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
            names = []
            for sh in book.findall("m:sheets/m:sheet", NS):
                name = sh.get("name")
                names.append(name)
                part = posixpath.normpath(posixpath.join("xl", target[sh.get("{%s}id" % NS["r"])]))
                self.headers[name] = self.read_header(z, part)
                ext = self.read_picture_extent(z, part)
                if ext is not None:
                    self.picture_extents[name] = ext
            for dn in book.findall("m:definedNames/m:definedName", NS):
                local = dn.get("localSheetId")
                sheet = names[int(local)] if local is not None and int(local) < len(names) else None
                self.defined.append((dn.get("name"), sheet, dn.text or ""))

    @staticmethod
    def read_picture_extent(z, part):
        """(cx, cy) of the first picture in the drawing of sheet part, or None."""
        rels_part = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
        if rels_part not in z.namelist():
            return None
        rels = ET.fromstring(z.read(rels_part))
        for r in rels.findall("rel:Relationship", NS):
            if not r.get("Type", "").endswith("/drawing"):
                continue
            drawing = ET.fromstring(z.read(posixpath.normpath(posixpath.join(posixpath.dirname(part),
                                                                             r.get("Target")))))
            ext = drawing.find(".//xdr:pic/xdr:spPr/a:xfrm/a:ext", NS)
            if ext is not None:
                return int(ext.get("cx")), int(ext.get("cy"))
        return None

    @staticmethod
    def read_header(z, part):
        head = foot = None
        with z.open(part) as f:
            for _, el in ET.iterparse(f):
                tag = el.tag.rsplit("}", 1)[-1]
                if tag == "oddHeader":
                    head = el.text or ""
                elif tag == "oddFooter":
                    foot = el.text or ""
                elif tag == "c":
                    el.clear()  # cells: not kept
        return head, foot
