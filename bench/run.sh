#!/usr/bin/env bash
# Benchmarks: raci against a baseline (pandas + XlsxWriter doing the same
# job) and against the limit (bare libcsv + bare libxlsxwriter writing the
# same cells), measured in one run and reported as ratios. Nothing here is
# asserted: speed is measured, not tested.
#
#   bench/run.sh [PRODUCTS] [PEOPLE_PER_PRODUCT]
set -euo pipefail
cd "$(dirname "$0")/.."
products=${1:-300}
per=${2:-12}
out=bench/out
mkdir -p "$out"
PY=/usr/bin/python3

need=()
$PY -c 'import pandas' 2>/dev/null || need+=(python3-pandas)
$PY -c 'import xlsxwriter' 2>/dev/null || need+=(python3-xlsxwriter)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

cc -O2 -o "$out/limit" bench/limit.c -lcsv $(pkg-config --libs xlsxwriter)
$PY bench/gen.py "$products" "$per" > "$out/roster.csv"
rows=$(($(wc -l < "$out/roster.csv") - 1))
bytes=$(wc -c < "$out/roster.csv")

# Best of three wall-clock runs, in seconds.
best() {
  local b=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || [ $? -eq 1 ]
    t1=$(date +%s.%N)
    b=$(awk -v a="$t0" -v z="$t1" -v b="$b" 'BEGIN { d = z - a; if (b == "" || d < b) b = d; printf "%.3f", b }')
  done
  echo "$b"
}

t_raci=$(best ./raci -q --fail-on never "$out/roster.csv" -o "$out/raci.xlsx")
t_lint=$(best ./raci -q --fail-on never --no-xlsx "$out/roster.csv")
t_base=$(best $PY bench/baseline.py "$out/roster.csv" "$out/baseline.xlsx")
t_limit=$(best "$out/limit" "$out/roster.csv" "$out/limit.xlsx")

printf 'roster: %d rows, %d bytes (%d products x %d people)\n' "$rows" "$bytes" "$products" "$per"
printf '%-34s %8s\n' "job" "seconds"
printf '%-34s %8s\n' "raci (audit + workbook)" "$t_raci"
printf '%-34s %8s\n' "raci --no-xlsx (audit only)" "$t_lint"
printf '%-34s %8s\n' "baseline: pandas + XlsxWriter" "$t_base"
printf '%-34s %8s\n' "limit: bare libcsv + libxlsxwriter" "$t_limit"
awk -v r="$t_raci" -v b="$t_base" -v l="$t_limit" 'BEGIN {
  printf "raci is %.1fx faster than the baseline, and takes %.1fx the limit\n", b / r, r / l }'
