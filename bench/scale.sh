#!/usr/bin/env bash
# How the audit grows with the roster: raci --no-xlsx against the bare
# libcsv parse of the same file (bench/parse.c), at 10,000, 100,000 and, with
# BENCH_1M=1 (it takes about half a gigabyte), 1,000,000 rows. Each job runs
# RUNS times (3), interleaved with the other, and the median time and the
# largest peak memory are printed (bench/peak.c: wall clock, and the maximum
# resident set from wait4), with the ratio of raci to the parse and the
# growth from one size to the next (linear: about 10). With perf installed,
# the top functions of the audit at the largest size follow. Nothing here is
# asserted: speed is measured, not tested.
#
#   bench/scale.sh            BENCH_1M=1 bench/scale.sh        RUNS=5 bench/scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
runs=${RUNS:-3}
mkdir -p "$out"
PY=/usr/bin/python3
[ -x ./raci ] || { echo "scale.sh: build raci first (make)" >&2; exit 2; }

cc -O2 -o "$out/parse" bench/parse.c -lcsv
cc -O2 -o "$out/peak" bench/peak.c

# bench/gen.py with 8 people a product writes about 118.6 rows a product.
sizes=(10000 100000)
[ "${BENCH_1M:-0}" = 1 ] && sizes+=(1000000)

# median FILE: the median of the first column; max of the second.
median() { sort -n "$1" | awk '{ t[NR] = $1; if ($2 > m) m = $2 } END { printf "%.4f %d", t[int((NR + 1) / 2)], m }'; }

printf '%-9s %9s %8s | %-24s | %-24s | %6s %6s\n' rows MB products "raci --no-xlsx s / MB" \
  "bare libcsv s / MB" ratio growth
prev=""
for size in "${sizes[@]}"; do
  products=$(( (size * 10 + 1185) / 1186 ))
  csv="$out/scale-$size.csv"
  [ -s "$csv" ] || $PY bench/gen.py "$products" 8 >"$csv"
  rows=$(($(wc -l <"$csv") - 1))
  mb=$(awk -v b="$(wc -c <"$csv")" 'BEGIN { printf "%.1f", b / 1e6 }')
  : >"$out/raci.times"
  : >"$out/parse.times"
  for _ in $(seq "$runs"); do
    "$out/peak" "$out/r" ./raci -q --fail-on never --no-xlsx "$csv" >/dev/null 2>&1 || true
    cat "$out/r" >>"$out/raci.times"
    "$out/peak" "$out/r" "$out/parse" "$csv" >/dev/null 2>&1
    cat "$out/r" >>"$out/parse.times"
  done
  read -r rt rm <<<"$(median "$out/raci.times")"
  read -r pt pm <<<"$(median "$out/parse.times")"
  growth=$([ -n "$prev" ] && awk -v a="$prev" -v b="$rt" 'BEGIN { printf "%.1f", b / a }' || echo -)
  printf '%-9d %9s %8d | %8.3f s %9.1f MB | %8.3f s %9.1f MB | %5.1fx %6s\n' "$rows" "$mb" \
    "$products" "$rt" "$(awk -v k="$rm" 'BEGIN { print k / 1024 }')" "$pt" \
    "$(awk -v k="$pm" 'BEGIN { print k / 1024 }')" "$(awk -v a="$rt" -v b="$pt" 'BEGIN { print a / b }')" \
    "$growth"
  prev=$rt
  last=$csv
done
echo "ratio: raci's time over the parse's; growth: raci's time over the size before (10x the rows)"

if command -v perf >/dev/null 2>&1 &&
  perf record -q -F 999 -o "$out/perf.data" ./raci -q --fail-on never --no-xlsx "$last" >/dev/null 2>&1; then
  echo "where the audit's time goes at $(($(wc -l <"$last") - 1)) rows (perf, self time):"
  perf report -i "$out/perf.data" --no-children --stdio --sort sym 2>/dev/null |
    awk '/^ +[0-9.]+%/ { print "  " $1, $NF; if (++n == 12) exit }' || true
fi
