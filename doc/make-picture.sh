#!/usr/bin/env bash
# doc/make-picture.sh - render the sample workbook as pictures for the README.
#
#   doc/make-picture.sh            (or: make picture)
#
# Audits samples/scrum-org.csv into build/picture/scrum-org.xlsx, prints the
# workbook to PDF with LibreOffice (headless), and turns two of its pages into
# PNG with poppler's pdftoppm, each cropped to what is printed on it:
#
#   doc/sample-product-sheet.png   a product sheet: the RACI matrix, findings marked
#   doc/sample-workbook.png        the Summary sheet
#
# The PNGs are documentation and are committed; build/picture is scratch.
# LibreOffice and poppler-utils are installed with apt-get when missing
# (through sudo when not root). Environment: RACI (default ./raci), SAMPLE,
# PRODUCT (the product sheet to show; default: Insights, which has findings
# to highlight; the first product sheet when there is no such sheet), DPI
# (default 110).
set -euo pipefail

cd "$(dirname "$0")/.."
raci=${RACI:-./raci}
sample=${SAMPLE:-samples/scrum-org.csv}
dpi=${DPI:-110}
out=build/picture
name=$(basename "$sample" .csv)
xlsx=$out/$name.xlsx
pdf=$out/$name.pdf

die() {
  echo "make-picture: $*" >&2
  exit 1
}

# ---------------------------------------------------------------- set-up --
need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" \
    >/dev/null
fi
if [ ! -x "$raci" ]; then
  make --no-print-directory all
fi

# ------------------------------------------------------------- workbook --
rm -rf "$out"
mkdir -p "$out"
# The sample has findings on purpose; only trouble (exit 2) stops us.
status=0
"$raci" -q --fail-on never -o "$xlsx" "$sample" || status=$?
[ "$status" -le 1 ] || die "raci failed on $sample (exit $status)"

# LibreOffice wants a profile it can write: keep it in build/, not in $HOME.
soffice --headless --norestore "-env:UserInstallation=file://$PWD/$out/profile" \
  --convert-to pdf --outdir "$out" "$xlsx" >"$out/soffice.log" 2>&1 ||
  die "LibreOffice could not convert $xlsx (see $out/soffice.log)"
[ -s "$pdf" ] || die "LibreOffice wrote no $pdf (see $out/soffice.log)"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')

# ---------------------------------------------------------------- pages --
# Sheets print in workbook order: Summary, one sheet per product, Findings,
# Roster. Each page carries its sheet's name in the header, so the page of a
# sheet is the first whose first line of text is that name.
page_of() {
  local p first
  for ((p = 1; p <= pages; p++)); do
    first=$(pdftotext -f "$p" -l "$p" -layout "$pdf" - | awk 'NF {sub(/^ +/, ""); sub(/ +$/, ""); print; exit}')
    if [ "$first" = "$1" ]; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

# The bounding box of the words on page $1, less the footer (page numbers),
# with a margin, in pixels at $dpi: "x y w h" for pdftoppm's -x -y -W -H.
crop_box() {
  pdftotext -f "$1" -l "$1" -bbox "$pdf" - | awk -v dpi="$dpi" '
    /<page / { match($0, /height="[0-9.]+"/); h = substr($0, RSTART + 8, RLENGTH - 9) + 0 }
    /<word / {
      split($0, a, "\"")
      x0 = a[2] + 0; y0 = a[4] + 0; x1 = a[6] + 0; y1 = a[8] + 0
      if (y0 > h - 50) next   # the footer: "Page 2 of 7"
      if (!n++ || x0 < minx) minx = x0
      if (n == 1 || y0 < miny) miny = y0
      if (x1 > maxx) maxx = x1
      if (y1 > maxy) maxy = y1
    }
    END {
      if (!n) exit 1
      m = 12; s = dpi / 72
      x = (minx - m) * s; y = (miny - m) * s
      if (x < 0) x = 0
      if (y < 0) y = 0
      printf "%d %d %d %d\n", x, y, (maxx - minx + 2 * m) * s, (maxy - miny + 2 * m) * s
    }'
}

# render PAGE PNG-WITHOUT-EXTENSION
render() {
  local box x y w h
  box=$(crop_box "$1") || die "page $1 of $pdf has no text"
  read -r x y w h <<<"$box"
  pdftoppm -png -r "$dpi" -f "$1" -l "$1" -singlefile -x "$x" -y "$y" -W "$w" -H "$h" "$pdf" "$2"
  echo "wrote $2.png (page $1 of $pages, $(wc -c <"$2.png") bytes)"
}

summary=$(page_of Summary) || summary=1
if [ -n "${PRODUCT:-}" ]; then
  product_page=$(page_of "$PRODUCT") || die "no sheet named '$PRODUCT' in $pdf"
else
  product_page=$(page_of Insights) || product_page=$((summary + 1))
fi
render "$product_page" doc/sample-product-sheet
render "$summary" doc/sample-workbook
