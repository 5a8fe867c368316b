#!/bin/sh
# Published RACI tables against their hand counts (tests/published/README.md):
# one line per table, PASS or FAIL with what differs; exit 1 if any fails.
#   RACI=path/to/raci tests/published/check.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
raci=${RACI:-$here/../../raci}
case $raci in /*) ;; *) raci=$(pwd)/$raci ;; esac
[ -x "$raci" ] || { echo "check.sh: no raci at $raci (run make first)" >&2; exit 2; }
py=/usr/bin/python3
status=0 pass=0 fail=0
for csv in "$here"/*.csv; do
  base=${csv%.csv}
  exp=$base.expect
  [ -f "$exp" ] || { echo "FAIL $(basename "$csv"): no $(basename "$exp")"; status=1; fail=$((fail + 1)); continue; }
  if [ -f "$base.yaml" ]; then
    $py "$here/check.py" "$raci" "$csv" "$exp" "$base.yaml"
  else
    $py "$here/check.py" "$raci" "$csv" "$exp"
  fi
  if [ $? -eq 0 ]; then pass=$((pass + 1)); else status=1; fail=$((fail + 1)); fi
done
if $py "$here/check.py" --same "$raci" "$here/same"; then pass=$((pass + 1)); else status=1; fail=$((fail + 1)); fi
echo "published: $pass passed, $fail failed"
exit $status
