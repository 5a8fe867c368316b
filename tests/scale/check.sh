#!/usr/bin/env bash
# The workbook of a large roster (make check-scale): bench/gen.py writes a
# roster of 280 products, about 21,000 rows; raci writes its workbook with
# --max-sheets 5 and RACI_XLSX_MAX_ROWS=1000, so that Other products,
# Findings and Roster each split into parts, once as usual and once in
# constant_memory mode (RACI_XLSX_CONSTANT_ROWS=0). check.py reads both back
# with openpyxl and checks them against counts it makes from the CSV and the
# findings' JSON; raci reads the workbook back (the same findings, rule by
# rule); LibreOffice opens it and saves its Summary as CSV, which must show
# the same table. Ends with "scale: N checks, M failed".
#
#   RACI=path/to/raci     the binary (default ./raci)
#   PYTHON=python3        an interpreter with openpyxl (default /usr/bin/python3)
#   SOFFICE=soffice       LibreOffice (libreoffice-calc-nogui: make deps)
set -u
cd "$(dirname "$0")/../.."

RACI=${RACI:-./raci}
PYTHON=${PYTHON:-/usr/bin/python3}
SOFFICE=${SOFFICE:-soffice}
MAX_SHEETS=5
MAX_ROWS=1000

if [ ! -x "$RACI" ]; then
  echo "scale: $RACI is not built yet (run 'make')"
  exit 1
fi
if ! command -v "$SOFFICE" >/dev/null 2>&1; then
  echo "scale: no '$SOFFICE' (install libreoffice-calc-nogui: make deps)"
  exit 1
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/raci-scale.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

fail() {
  echo "FAIL: $*"
  echo "scale: failed"
  exit 1
}

"$PYTHON" bench/gen.py 280 5 >"$tmp/roster.csv" || fail "bench/gen.py"
# Exit 1: the roster has errors, as a large real one would.
RACI_XLSX_MAX_ROWS=$MAX_ROWS "$RACI" -q --max-sheets $MAX_SHEETS \
  --report "json=$tmp/findings.json" -o "$tmp/book.xlsx" "$tmp/roster.csv" >/dev/null 2>"$tmp/err"
[ $? -le 1 ] && [ -s "$tmp/book.xlsx" ] || { head -5 "$tmp/err"; fail "raci did not write the workbook"; }
RACI_XLSX_MAX_ROWS=$MAX_ROWS RACI_XLSX_CONSTANT_ROWS=0 "$RACI" -q --max-sheets $MAX_SHEETS \
  -o "$tmp/constant.xlsx" "$tmp/roster.csv" >/dev/null 2>"$tmp/err"
[ $? -le 1 ] && [ -s "$tmp/constant.xlsx" ] || { head -5 "$tmp/err"; fail "raci did not write the constant_memory workbook"; }

# raci reads its workbook back: the same findings, rule by rule.
"$RACI" --no-xlsx --format json "$tmp/book.xlsx" >"$tmp/again.json"
[ $? -le 1 ] || fail "raci could not read its workbook back"
"$PYTHON" - "$tmp/findings.json" "$tmp/again.json" <<'PY' || fail "read back: other findings"
import collections, json, sys
a, b = (collections.Counter(f["rule"] for f in json.load(open(p))["findings"]) for p in sys.argv[1:])
if a != b:
    print("roster:", sorted(a.items()))
    print("workbook:", sorted(b.items()))
    sys.exit(1)
PY

# LibreOffice opens the workbook; its CSV is the first sheet, the Summary.
mkdir -p "$tmp/lo"
"$SOFFICE" --headless --norestore -env:UserInstallation="file://$tmp/profile" \
  --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 --outdir "$tmp/lo" "$tmp/book.xlsx" \
  >"$tmp/soffice.log" 2>&1
[ -s "$tmp/lo/book.csv" ] || { sed 's/^/    /' "$tmp/soffice.log" | head -5; fail "LibreOffice did not open the workbook"; }

"$PYTHON" tests/scale/check.py "$tmp/roster.csv" "$tmp/findings.json" "$tmp/book.xlsx" \
  $MAX_SHEETS $MAX_ROWS --same "$tmp/constant.xlsx" --summary-csv "$tmp/lo/book.csv"
