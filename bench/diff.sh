#!/usr/bin/env bash
# How long `raci diff` takes against auditing both of its rosters: a roster
# of about 100,000 rows (bench/gen.py), and the same shuffled with one row in
# a hundred changed (an R made an A), both audited (--no-xlsx) and then
# diffed. Prints the times and the ratio; the diff should take at most about
# twice as long as the two audits. Nothing is asserted: speed is measured,
# not tested.
#
#   bench/diff.sh [PRODUCTS] [PEOPLE_PER_PRODUCT]
set -euo pipefail
cd "$(dirname "$0")/.."
products=${1:-700}
per=${2:-12}
out=bench/out
mkdir -p "$out"
/usr/bin/python3 bench/gen.py "$products" "$per" >"$out/before.csv"
/usr/bin/python3 - "$out/before.csv" "$out/after.csv" <<'PY'
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
ta=$(best ./raci --no-xlsx "$out/before.csv")
tb=$(best ./raci --no-xlsx "$out/after.csv")
td=$(best ./raci diff "$out/before.csv" "$out/after.csv")
echo "rows: $rows per roster"
echo "audit before: ${ta}s, audit after: ${tb}s, diff: ${td}s"
awk -v a="$ta" -v b="$tb" -v d="$td" 'BEGIN { printf "diff / (both audits): %.2f\n", d / (a + b) }'
