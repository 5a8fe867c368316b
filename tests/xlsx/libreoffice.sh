#!/usr/bin/env bash
# Workbooks opened by a real client, LibreOffice (headless): raci writes the
# workbooks of the hostile rosters (tests/xlsx/hostile/*.csv: names in many
# scripts with & ' " < >, '&' codes of page headers, sheet names that
# libxlsxwriter's defined names must hold), of one with lists longer than a
# cell, and of one sample; one soffice call opens them all and saves each
# again as .xlsx (which raci must then read as it reads its own workbook:
# the same findings at the same cells), and lo_compare.py checks that
# LibreOffice read each as it
# was written: the same sheets, the same text in every cell, the same print
# titles and page headers; and the same for the workbook of a diff. A workbook LibreOffice cannot open is saved as
# nothing (soffice exits 0 all the same). Then every sample's workbook is
# printed to PDF and checked for text drawn over text, rows too short for
# their text, columns too narrow for their words and unreadable print
# scales (print_layout.py). Ends with
# "libreoffice: N passed, M failed".
#
#   RACI=path/to/raci     the binary (default ./raci)
#   PYTHON=python3        an interpreter with openpyxl (default /usr/bin/python3)
#   SOFFICE=soffice       LibreOffice (Debian: libreoffice-calc-nogui, which
#                         `make deps` installs, with Carlito, the font of
#                         Calibri's metrics, and poppler-utils' pdftotext)
set -u
cd "$(dirname "$0")/../.."

RACI=${RACI:-./raci}
PYTHON=${PYTHON:-/usr/bin/python3}
SOFFICE=${SOFFICE:-soffice}
pass=0 fail=0

if [ ! -x "$RACI" ]; then
  echo "libreoffice: $RACI is not built yet (run 'make')"
  exit 1
fi
if ! command -v "$SOFFICE" >/dev/null 2>&1; then
  echo "libreoffice: no '$SOFFICE' (install libreoffice-calc-nogui: make deps)"
  exit 1
fi

if ! command -v pdftotext >/dev/null 2>&1; then
  echo "libreoffice: no 'pdftotext' (install poppler-utils: make deps)"
  exit 1
fi
if ! fc-list 2>/dev/null | grep -qi carlito; then
  echo "libreoffice: no Carlito font, so LibreOffice would print with other widths than Excel's (install fonts-crosextra-carlito: make deps)"
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/raci-lo.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in" "$tmp/out" "$tmp/csv"

# A person on 5 products of 7000 characters each, under 5 such titles: the
# Roster's lists, and the titles on each product sheet, pass what a cell
# holds.
"$PYTHON" - "$tmp/csv/long-lists.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["person", "title", "product", "task", "raci"])
    for i in range(5):
        w.writerow(["Ана \"李\" & <Co>", f"😀 {'漢' * 7000} {i} & 'x'", f"Product {i} {'П' * 7000}",
                    "Roadmap", "A/R"])
EOF

rosters=(tests/xlsx/hostile/*.csv "$tmp/csv/long-lists.csv" samples/scrum-org.csv)
for s in "${rosters[@]}"; do
  name=$(basename "$s" .csv)
  "$RACI" -q -o "$tmp/in/$name.xlsx" "$s" >/dev/null 2>"$tmp/err"
  st=$?
  if [ $st -gt 1 ] || [ ! -s "$tmp/in/$name.xlsx" ]; then
    echo "FAIL: $name: raci exited $st"
    sed 's/^/    /' "$tmp/err" | head -5
    fail=$((fail + 1))
  fi
done

# The diff workbook of the README's reorg (raci diff -o): its Before and
# After sheets, highlights and comments.
"$RACI" diff -o "$tmp/in/reorg-diff.xlsx" samples/reorg/today.csv samples/reorg/proposed.csv \
  >/dev/null 2>"$tmp/err"
st=$?
if [ $st -gt 1 ] || [ ! -s "$tmp/in/reorg-diff.xlsx" ]; then
  echo "FAIL: reorg-diff: raci diff exited $st"
  sed 's/^/    /' "$tmp/err" | head -5
  fail=$((fail + 1))
fi

# One start of LibreOffice for every workbook, with a profile of its own.
"$SOFFICE" --headless --norestore -env:UserInstallation="file://$tmp/profile" \
  --convert-to xlsx --outdir "$tmp/out" "$tmp"/in/*.xlsx >"$tmp/soffice.log" 2>&1
st=$?
if [ $st -ne 0 ]; then
  echo "libreoffice: soffice exited $st"
  sed 's/^/    /' "$tmp/soffice.log" | head -10
fi

for wb in "$tmp"/in/*.xlsx; do
  name=$(basename "$wb" .xlsx)
  if [ ! -s "$tmp/out/$name.xlsx" ]; then
    echo "FAIL: $name: LibreOffice could not open the workbook"
    grep -i "error" "$tmp/soffice.log" | sed 's/^/    /' | head -5
    fail=$((fail + 1))
    continue
  fi
  "$PYTHON" tests/xlsx/lo_compare.py "$wb" "$tmp/out/$name.xlsx" >"$tmp/err" 2>&1
  st=$?
  # raci reads the workbook LibreOffice saved as it reads its own: the same
  # findings at the same sheets and cells (xlsx_read.h, xlsx_roster.h).
  # A finding about a whole file names the file in its entity: compared
  # without its directory, since the two workbooks are in two. The diff
  # workbook is no roster: only LibreOffice's reading of it is compared.
  if [ $st -eq 0 ] && [ "$name" != reorg-diff ]; then
    for w in "$wb" "$tmp/out/$name.xlsx"; do
      "$RACI" --no-xlsx --format json "$w" 2>>"$tmp/err" |
        jq -S '[.findings[] | {rule, entity: (.entity // "" | sub("^file:.*/"; "file:")),
                              message, sheet: .location.sheet, cell: .location.cell}]'
    done >"$tmp/read-back" 2>>"$tmp/err"
    if ! "$PYTHON" -c 'import json, sys
text = open(sys.argv[1]).read()
dec = json.JSONDecoder(); a, i = dec.raw_decode(text); b, _ = dec.raw_decode(text[i:].lstrip())
sys.exit(0 if a == b and a is not None else 1)' "$tmp/read-back" >>"$tmp/err" 2>&1; then
      echo "FAIL: $name: raci reads LibreOffice's workbook otherwise than its own"
      sed 's/^/    /' "$tmp/err" | head -10
      fail=$((fail + 1))
      continue
    fi
  fi
  if [ $st -eq 0 ]; then
    echo "ok: $name"
    pass=$((pass + 1))
    continue
  fi
  if [ $st -eq 2 ]; then
    echo "FAIL: $name: a workbook cannot be read back"
  else
    echo "FAIL: $name: LibreOffice read it otherwise than it was written"
  fi
  sed 's/^/    /' "$tmp/err" | head -10
  fail=$((fail + 1))
done

# What LibreOffice saved of the diff workbook still has its changed cells
# highlighted and commented with their old values.
if [ -s "$tmp/out/reorg-diff.xlsx" ]; then
  "$RACI" diff --format json samples/reorg/today.csv samples/reorg/proposed.csv >"$tmp/diff.json"
  if "$PYTHON" tests/xlsx/check_diff_workbook.py "$tmp/out/reorg-diff.xlsx" "$tmp/diff.json" \
    >"$tmp/err" 2>&1; then
    echo "ok: reorg-diff, highlights and comments"
    pass=$((pass + 1))
  else
    echo "FAIL: reorg-diff: LibreOffice lost highlights or comments"
    sed 's/^/    /' "$tmp/err" | head -10
    fail=$((fail + 1))
  fi
fi

# How the workbooks print. Every sample's workbook, and one of a product of
# 40 people (wider than a page), printed to PDF by LibreOffice (one start
# for them all): no text is drawn over other text (a row too short for its
# wrapped text lets it run over the rows below); and in the sheets' XML,
# rows store the height of their wrapped text, columns are as wide as their
# words, and no sheet prints below 60% (print_layout.py).
mkdir -p "$tmp/print" "$tmp/pdf"
"$PYTHON" - "$tmp/csv/wide-product.csv" <<'EOF2'
import csv, sys
tasks = ["Roadmap", "Backlog refinement", "Sprint planning", "Release notes", "Market research",
         "Customer interviews", "Architecture review", "On-call rotation", "Security review",
         "Hiring", "Onboarding", "Performance reviews"]
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["person", "title", "product", "task", "raci", "email"])
    for i in range(40):
        title = ["Product Owner", "Product Manager"][i] if i < 2 else "Senior Software Engineer"
        for j, task in enumerate(tasks):
            if (i + j) % 4 == 0:
                w.writerow([f"Person Number{i:02d} Surname", title, "Wide Product", task,
                            "A" if i == 0 else "R" if j % 2 else "C",
                            f"person.number{i:02d}@example-company.com"])
EOF2
for s in samples/*.csv "$tmp/csv/wide-product.csv"; do
  "$RACI" -q -o "$tmp/print/$(basename "$s" .csv).xlsx" "$s" >/dev/null 2>&1
done
"$SOFFICE" --headless --norestore -env:UserInstallation="file://$tmp/profile" \
  --convert-to pdf --outdir "$tmp/pdf" "$tmp"/print/*.xlsx >"$tmp/soffice.log" 2>&1
for wb in "$tmp"/print/*.xlsx; do
  name=$(basename "$wb" .xlsx)
  if [ ! -s "$tmp/pdf/$name.pdf" ]; then
    echo "FAIL: $name: LibreOffice printed no PDF"
    fail=$((fail + 1))
  elif "$PYTHON" tests/xlsx/print_layout.py xlsx "$wb" >"$tmp/err" 2>&1 &&
    "$PYTHON" tests/xlsx/print_layout.py pdf "$tmp/pdf/$name.pdf" >>"$tmp/err" 2>&1; then
    echo "ok: $name, printed"
    pass=$((pass + 1))
  else
    echo "FAIL: $name: printed badly"
    grep -v '^print-layout:' "$tmp/err" | sed 's/^/    /' | head -10
    fail=$((fail + 1))
  fi
done

echo "libreoffice: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
