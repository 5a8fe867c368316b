#!/usr/bin/env bash
# How long `raci diff` takes against auditing both of its rosters: a roster
# of about 100,000 rows (bench/gen.py), and the same shuffled with one row in
# a hundred changed (an R made an A), both audited (--no-xlsx) and then
# diffed. Prints the times and the ratio; the diff should take at most about
# twice as long as the two audits. Nothing is asserted: speed is measured,
# not tested.
#
#   bench/diff.sh [PRODUCTS] [PEOPLE_PER_PRODUCT]
source "$(dirname "$0")/lib.sh"
products=${1:-700}
per=${2:-12}
bench_tools
$PY bench/gen.py "$products" "$per" >"$out/before.csv"
$PY - "$out/before.csv" "$out/after.csv" <<'PY'
import random, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
head, body = lines[0], lines[1:]
random.seed(10)
random.shuffle(body)
for i in range(0, len(body), 100):
    body[i] = body[i].replace(",R,", ",A,", 1)
open(sys.argv[2], "w", encoding="utf-8").write("\n".join([head] + body) + "\n")
PY
rows=$(($(wc -l <"$out/before.csv") - 1))
rm -f "$out"/{before,after,diff}.times

for _ in 1 2 3; do
  bench_job before ./raci --no-xlsx "$out/before.csv"
  bench_job after ./raci --no-xlsx "$out/after.csv"
  bench_job diff ./raci diff "$out/before.csv" "$out/after.csv"
done
read -r ta _ <<<"$(bench_median before)"
read -r tb _ <<<"$(bench_median after)"
read -r td _ <<<"$(bench_median diff)"
echo "rows: $rows per roster"
echo "audit before: ${ta}s, audit after: ${tb}s, diff: ${td}s (medians of three, interleaved)"
awk -v a="$ta" -v b="$tb" -v d="$td" 'BEGIN { printf "diff / (both audits): %.2f\n", d / (a + b) }'
