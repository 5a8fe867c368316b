#!/usr/bin/env bash
# shuffle-check.sh [IGNORED-RULES]: for every sample roster and five seeds,
# write a baseline of the original, reformat the roster with shuffle.py, and
# check that raci --baseline finds nothing new and misses nothing. Findings of
# the rules listed (space-separated) are left out of the comparison.
# RACI names the binary (default ./raci); run from the repository root.
set -u
raci=${RACI:-./raci}
ignored=$(printf '%s\n' ${1:-} | jq -R . | jq -sc .)
work=$(mktemp -d "${TMPDIR:-/tmp}/raci-shuffle.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
bad=0
for roster in samples/*.csv tests/formats/rosters/team.csv; do
  "$raci" --no-xlsx -q --fail-on never --write-baseline "$work/base.json" "$roster" || exit 2
  for seed in 1 2 3 4 5; do
    python3 tests/formats/shuffle.py "$roster" "$work/shuffled.csv" "$seed" || exit 2
    "$raci" --no-xlsx --fail-on never --format json --baseline "$work/base.json" \
      "$work/shuffled.csv" >"$work/out.json" || exit 2
    diff=$(jq -c --argjson ign "$ignored" '
      {new: [.findings[] | select(.rule | IN($ign[]) | not) | [.rule, .entity]],
       absent: [.baseline.absent[] | select(.rule | IN($ign[]) | not) | [.rule, .entity]]}
      | select(.new != [] or .absent != [])' "$work/out.json")
    if [ -n "$diff" ]; then
      echo "$roster (seed $seed): $diff"
      bad=1
    fi
  done
done
exit $bad
