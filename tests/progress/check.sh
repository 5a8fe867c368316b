#!/usr/bin/env bash
# The line of progress (include/raci/progress.h): drawn on a terminal, and
# cleared before the findings; never when standard error is no terminal, nor
# with -q, nor in a run shorter than its delay. The terminal is a pty from
# script(1) (util-linux); without it only the checks without one run. The
# roster: 20,000 generated rows (bench/gen.py); RACI_PROGRESS_AFTER_MS=0
# stands for a run long enough, so that the test takes no second.
set -uo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "progress: FAIL: $1" >&2; fail=$((fail + 1)); }

/usr/bin/python3 bench/gen.py 170 8 >"$tmp/big.csv"
raci="$PWD/build/raci"

# Not a terminal: nothing, whatever the delay.
RACI_PROGRESS_AFTER_MS=0 "$raci" --no-xlsx --fail-on never "$tmp/big.csv" >"$tmp/out" 2>"$tmp/err"
if grep -q 'rows read' "$tmp/err" || grep -q $'\r' "$tmp/err"; then bad "drawn on a file"; else ok; fi

if command -v script >/dev/null 2>&1; then
  onpty() { script -qfec "$1" /dev/null >"$tmp/pty" 2>&1 </dev/null; }
  onpty "RACI_PROGRESS_AFTER_MS=0 '$raci' --no-xlsx --fail-on never '$tmp/big.csv'"
  if grep -aq 'raci: [0-9]* rows read, [0-9]* checks run, [0-9]* sheets written' "$tmp/pty"; then ok
  else bad "not drawn on a terminal"; fi
  # Cleared (spaces between two carriage returns) before the first finding.
  if tr -d '\n' <"$tmp/pty" | grep -aqE $'written *\r *\r[^\r]*(error|warning|info):'; then ok
  else bad "not cleared before the findings"; fi
  onpty "RACI_PROGRESS_AFTER_MS=0 '$raci' -q --no-xlsx --fail-on never '$tmp/big.csv'"
  if grep -aq 'rows read' "$tmp/pty"; then bad "drawn with -q"; else ok; fi
  # The default delay, a second, is longer than a small roster takes.
  onpty "'$raci' --no-xlsx --fail-on never samples/$(ls samples | grep -m1 '\.csv$')"
  if grep -aq 'rows read' "$tmp/pty"; then bad "drawn on a short run"; else ok; fi
  # The workbook's sheets are counted.
  onpty "RACI_PROGRESS_AFTER_MS=0 '$raci' -o '$tmp/out.xlsx' --fail-on never '$tmp/big.csv'"
  if grep -aq 'sheets written' "$tmp/pty" && ! grep -aq ' 0 sheets written *$' <(tr '\r' '\n' <"$tmp/pty" | grep -a 'sheets written' | tail -1); then ok
  else bad "sheets not counted"; fi
  # A picture is never written to a terminal (it is through a pipe: the
  # golden cases and examples write it to files).
  onpty "'$raci' --format png --no-xlsx samples/startup.csv; echo status=\$?"
  if grep -aq 'standard output is a terminal' "$tmp/pty" && grep -aq 'status=2' "$tmp/pty" &&
    ! grep -aq 'PNG' "$tmp/pty"; then ok
  else bad "--format png wrote to a terminal"; fi
else
  echo "progress: no script(1): the checks on a terminal are skipped" >&2
fi
echo "progress: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
