# bench/lib.sh - what the benchmarks share; sourced, not run.
#
# After sourcing: the working directory is the checkout, $out (bench/out)
# exists, $PY is Debian's python3, pandas and XlsxWriter are installed, and
# these functions are defined:
#
#   bench_tools          build bench/parse.c, limit.c and peak.c into $out
#   bench_roster N FILE  a roster of about N rows from bench/gen.py
#                        (8 people a product), kept between runs
#   bench_job NAME CMD.. run CMD once under bench/peak.c and append
#                        "SECONDS KB" to $out/NAME.times
#   bench_median NAME    "SECONDS KB": the median time of NAME's runs and
#                        their largest peak memory
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=bench/out
PY=/usr/bin/python3
mkdir -p "$out"
[ -x ./raci ] || { echo "bench: build raci first (make)" >&2; exit 2; }

bench_need=()
$PY -c 'import pandas' 2>/dev/null || bench_need+=(python3-pandas)
$PY -c 'import xlsxwriter' 2>/dev/null || bench_need+=(python3-xlsxwriter)
if [ ${#bench_need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get install -y -qq "${bench_need[@]}" >/dev/null
fi

bench_tools() {
  cc -O2 -o "$out/parse" bench/parse.c -lcsv
  cc -O2 -o "$out/limit" bench/limit.c -lcsv $(pkg-config --libs xlsxwriter)
  cc -O2 -o "$out/peak" bench/peak.c
}

# gen.py writes about 118.6 rows a product with 8 people a product.
bench_roster() {
  local products=$((($1 * 10 + 1185) / 1186))
  [ -s "$2" ] || $PY bench/gen.py "$products" 8 >"$2"
}

bench_job() {
  local name=$1
  shift
  "$out/peak" "$out/r" "$@" >/dev/null 2>&1 || true
  cat "$out/r" >>"$out/$name.times"
}

bench_median() {
  sort -n "$out/$1.times" |
    awk '{ t[NR] = $1; if ($2 > m) m = $2 } END { printf "%.4f %d", t[int((NR + 1) / 2)], m }'
}
