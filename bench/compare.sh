#!/usr/bin/env bash
# make bench: raci against its limits and its baseline, side by side in one
# run, at each size of BENCH_SIZES (rows; default 10,000, 100,000 and
# 1,000,000) and on a 50-person roster.
#
#   audit   raci --no-xlsx, text output    against  parse: bare libcsv (parse.c)
#   full    raci with the workbook         against  limit: bare libcsv +
#                                                   libxlsxwriter, constant
#                                                   memory, the same cells
#                                                   (limit.c)
#                                          and      pandas: pandas + XlsxWriter
#                                                   doing the same job
#                                                   (baseline.py)
#
# Each job runs RUNS times (3), the jobs of a size interleaved, so that a
# load on the machine falls on all of them alike; the medians are printed
# with the largest peak resident memory (peak.c, from wait4), then the
# ratios the targets are stated in, the uncompressed XML and the cells of
# raci's workbook against the limit's (raci writes more than the roster's
# cells: the Findings and Roster sheets, the findings column, comments), the
# growth from one size to the next (linear is 10 for 10 times the rows), and
# where the time goes at the largest size (a perf profile: the top functions
# by self time). Nothing is asserted: speed is measured, not tested.
#
#   make bench     BENCH_SIZES="100000" RUNS=5 bench/compare.sh     PANDAS=0 (skip it)
source "$(dirname "$0")/lib.sh"
runs=${RUNS:-3}
sizes=(${BENCH_SIZES:-10000 100000 1000000})
pandas=${PANDAS:-1}
bench_tools

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
# "BYTES CELLS": the uncompressed bytes of a workbook's XML (every part but
# its images, as unzip -l counts them) and the cells its sheets hold.
dmb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
xml_size() {
  $PY - "$1" <<'PY'
import sys, zipfile
size = cells = 0
with zipfile.ZipFile(sys.argv[1]) as z:
    for i in z.infolist():
        if i.filename.startswith("xl/media/"):
            continue
        size += i.file_size
        if i.filename.startswith("xl/worksheets/sheet"):
            tail = b""  # the end of the last chunk, where a "<c " may begin
            with z.open(i) as f:
                while chunk := f.read(1 << 20):
                    text = tail + chunk
                    cells += text.count(b"<c ")
                    tail = text[-2:]
print(size, cells)
PY
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }'; }
ratio2() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

printf '%-8s %6s | %-15s | %-15s | %-15s | %-15s | %-15s\n' rows MB "audit s / MB" \
  "parse s / MB" "full s / MB" "limit s / MB" "pandas s / MB"
declare -A T M X C
for size in "${sizes[@]}"; do
  csv="$out/bench-$size.csv"
  bench_roster "$size" "$csv"
  rm -f "$out"/{audit,parse,full,limit,pandas}.times
  for _ in $(seq "$runs"); do
    bench_job audit ./raci -q --fail-on never --no-xlsx "$csv"
    bench_job parse "$out/parse" "$csv"
    bench_job full ./raci -q --fail-on never "$csv" -o "$out/full-$size.xlsx"
    bench_job limit "$out/limit" "$csv" "$out/limit-$size.xlsx"
    [ "$pandas" = 1 ] && bench_job pandas "$PY" bench/baseline.py "$csv" "$out/pandas-$size.xlsx"
  done
  line=$(printf '%-8d %6.1f' "$(($(wc -l <"$csv") - 1))" "$(awk -v b="$(wc -c <"$csv")" 'BEGIN { print b / 1e6 }')")
  for job in audit parse full limit pandas; do
    if [ -s "$out/$job.times" ]; then
      read -r t m <<<"$(bench_median "$job")"
      T[$job,$size]=$t M[$job,$size]=$m
      line+=$(printf ' | %7.3f %7s' "$t" "$(mb "$m")")
    else
      line+=$(printf ' | %15s' -)
    fi
  done
  echo "$line"
  S[$size]=$(wc -c <"$csv")
  for job in full limit; do
    X[$job,$size]=0 C[$job,$size]=0
    [ -s "$out/$job-$size.xlsx" ] && read -r X[$job,$size] C[$job,$size] <<<"$(xml_size "$out/$job-$size.xlsx")"
  done
done

echo
echo "ratios (target in brackets):"
prev=""
for size in "${sizes[@]}"; do
  file_kb=$((S[$size] / 1024))
  printf '  %7d rows: audit %sx the parse [2], %sx the file in memory [2]; full %sx the limit [1.3]' \
    "$size" "$(ratio "${T[audit,$size]}" "${T[parse,$size]}")" \
    "$(ratio "${M[audit,$size]}" "$file_kb")" "$(ratio "${T[full,$size]}" "${T[limit,$size]}")"
  [ -n "${T[pandas,$size]:-}" ] &&
    printf ', pandas takes %sx as long [6]' "$(ratio "${T[pandas,$size]}" "${T[full,$size]}")"
  printf '; full-run memory %s MB\n' "$(mb "${M[full,$size]}")"
  printf '  %7s workbook XML: raci %s MB in %d cells, the limit %s MB in %d cells: %sx the bytes, %sx the cells\n' \
    "" "$(dmb "${X[full,$size]}")" "${C[full,$size]}" "$(dmb "${X[limit,$size]}")" \
    "${C[limit,$size]}" "$(ratio2 "${X[full,$size]}" "${X[limit,$size]}")" \
    "$(ratio2 "${C[full,$size]}" "${C[limit,$size]}")"
  if [ -n "$prev" ]; then
    printf '  %7s growth from %d rows: audit %sx, full %sx, parse %sx (linear: %sx)\n' "" "$prev" \
      "$(ratio "${T[audit,$size]}" "${T[audit,$prev]}")" "$(ratio "${T[full,$size]}" "${T[full,$prev]}")" \
      "$(ratio "${T[parse,$size]}" "${T[parse,$prev]}")" "$(ratio "$size" "$prev")"
  fi
  prev=$size
done

# A 50-person roster: process start dominates, so measure against cat.
small="$out/bench-50.csv"
[ -s "$small" ] || $PY bench/gen.py 5 10 >"$small"
rm -f "$out"/{cat,audit,full}.times
for _ in $(seq $((runs * 5))); do
  bench_job cat cat "$small"
  bench_job audit ./raci -q --fail-on never --no-xlsx "$small"
  bench_job full ./raci -q --fail-on never "$small" -o "$out/full-50.xlsx"
done
read -r tc _ <<<"$(bench_median cat)"
read -r ta _ <<<"$(bench_median audit)"
read -r tf _ <<<"$(bench_median full)"
printf '  %7s 50 people (%d rows): cat %.4f s, audit %sx [5], full %sx [20]\n' "" \
  "$(($(wc -l <"$small") - 1))" "$tc" "$(ratio "$ta" "$tc")" "$(ratio "$tf" "$tc")"

last="$out/bench-${sizes[-1]}.csv"
if command -v perf >/dev/null 2>&1; then
  for job in audit full; do
    args=(--no-xlsx)
    [ $job = full ] && args=(-o "$out/perf.xlsx")
    perf record -q -F 999 -o "$out/perf-$job.data" ./raci -q --fail-on never "${args[@]}" "$last" \
      >/dev/null 2>&1 || continue
    echo "where the $job's time goes at ${sizes[-1]} rows (perf, self time):"
    perf report -i "$out/perf-$job.data" --no-children --stdio --sort dso,sym 2>/dev/null |
      awk '/^ +[0-9.]+%/ { printf "  %7s  %-24s %s\n", $1, $2, $NF; if (++n == 12) exit }' || true
  done
fi
