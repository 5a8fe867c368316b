#!/usr/bin/env bash
# Run every cmocka test binary given; fail if any fails. cmocka prints its own
# "[  PASSED  ] N test(s)." lines; this adds one closing total.
set -u
pass=0 fail=0
for t in "$@"; do
  if "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $t"; fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
