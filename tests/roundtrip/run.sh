#!/usr/bin/env bash
# Round trips of the exports (README "Exporting"): for every roster sample,
# every roster of tests/rosters and tests/formats/rosters, and golden inputs
# of tests/cli/data,
#  - the findings of the input, of its --export-roster and of its
#    --export-matrix are the same, compared as JSON without their locations
#    (file, line, column, "related" and "rows", and the "(line N)" and
#    "line N, column M" that messages cite) and sorted;
#  - the roster exported from the exported roster is the same bytes (a fixed
#    point), and so are the matrix exported from the exported matrix and
#    the one exported from the exported roster.
# Then raci's own workbook (tests/roundtrip/sheet.py): one product sheet
# saved as CSV with openpyxl, one letter changed, read back: the
# single-accountable finding on that task appears, or goes.
#
# RACI names the binary (default ./raci); ROUNDTRIP_INPUTS, a list of CSV
# files separated by spaces, replaces the inputs. Run from the repository
# root.
# Closes with `roundtrip: N passed, M failed`.
set -u
raci=${RACI:-./raci}
export LC_ALL=C
unset RACI_RULES_DIR
work=$(mktemp -d "${TMPDIR:-/tmp}/raci-roundtrip.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

# Rules whose findings are about the input's own bytes or rows, which the
# export writes cleanly: the data they point at is kept, the blemish is not.
#   bad-text           the export writes what was read (U+FFFD for bytes in
#                      no encoding), which is text; control characters stay
#   stray-quote        the export quotes every field that needs it
#   duplicate-column   the export names each column once (a column of the
#                      same name becomes one extra column)
#   conflicting-value  the export writes each person's kept value, once
#   unnamed-column     the export names the column's person "(column F)"
#   malformed-row      a ragged row, a row without a name (which is no one's,
#                      so nothing of it is kept) or without a title (the
#                      export writes one row per assignment: as many findings
#                      as the person has rows)
#   input-shape        a close call on the input's shape: the export is in a
#                      shape of its own, no call to make
roster_skip="bad-text stray-quote duplicate-column conflicting-value unnamed-column malformed-row
  input-shape"
# What the matrix has no place for, besides the above:
#   duplicate-assignment   a matrix has one cell per person and task: two
#                          rows for one cell are one cell
#   unknown-manager, reporting-cycle, self-manager, span-of-control, pm-span,
#   reporting-depth, single-report-manager, multiple-roots
#                          a matrix holds no reporting lines
#   idle-person            a person on no product has no column
#   long-cell              the long cells of the inputs are extra columns,
#                          which a matrix holds none of
#   unknown-letter, unknown-vocabulary
#                          only where two rows for one cell are one cell (a
#                          readable letter hides the unreadable one, and the
#                          count of words is the cells'): checked on the
#                          inputs without duplicate-assignment
matrix_skip="$roster_skip duplicate-assignment unknown-manager reporting-cycle self-manager
  span-of-control pm-span reporting-depth single-report-manager multiple-roots idle-person long-cell"

pass=0 fail=0

# findings FILE IGNORED-RULES: the findings of FILE, normalised, one a
# line. Without their entity and fingerprint, the keys of baselines, which
# name a person by id when they have one: a matrix holds no ids, and the
# roster export gives one to each person that the input keeps apart from
# another of the same name (a chart's role column in two products). Rule,
# severity, message and subject (product, task, person) are compared.
findings() {
  "$raci" --no-xlsx --fail-on never --rules rules/default.yaml --format json "$1" \
    >"$work/f.json" 2>"$work/f.err"
  local st=$?
  if [ "$st" -ne 0 ]; then
    echo "raci exited $st on $1: $(cat "$work/f.err")"
    return 1
  fi
  jq -c --arg ign "$2" '
    ($ign | split(" ") | map(select(. != "") | gsub("\\s"; ""))) as $skip
    | [.findings[] | select(.rule | IN($skip[]) | not)
       | del(.location, .related, .rows, .entity, .fingerprint)
       | .message |= (gsub("\\((line|[^()]*:)[0-9]+\\)"; "(line)")
                      | gsub("line [0-9]+(, column [0-9]+)?"; "line"))]
    | sort | .[]' "$work/f.json"
}

ok() { pass=$((pass + 1)); }
bad() {
  echo "FAIL $1"
  fail=$((fail + 1))
}

# same WHAT A B: A and B hold the same lines; a diff when not.
same() {
  if cmp -s "$2" "$3"; then ok; else
    bad "$1"
    diff -u "$2" "$3" | sed 's/^/    /' | head -40
  fi
}

inputs=(${ROUNDTRIP_INPUTS:-samples/*.csv tests/rosters/*.csv tests/formats/rosters/*.csv
  tests/cli/data/hostile-names.csv tests/cli/data/conflicting-value.csv
  tests/cli/data/control-chars.csv tests/cli/data/row-problems.csv
  tests/cli/data/stray-quote.csv tests/cli/data/wide-unnamed.csv
  tests/cli/data/self-manager.csv tests/cli/data/empty-product-cell.csv
  tests/cli/data/long-cell.csv tests/cli/data/invalid-bytes.csv
  tests/cli/data/cr-only.csv tests/cli/data/export-names.csv tests/cli/data/export-wide.csv
  tests/cli/data/export-sheets.csv tests/published/*.csv tests/published/same/*.csv})

for in in "${inputs[@]}"; do
  name=$(basename "$in" .csv)
  d=$work/$name
  mkdir -p "$d"
  if ! "$raci" --no-xlsx -q --fail-on never --rules rules/default.yaml \
    --export-roster "$d/roster.csv" --export-matrix "$d/matrix.csv" "$in" >/dev/null 2>"$d/err"; then
    bad "$in: export: $(cat "$d/err")"
    continue
  fi
  "$raci" --no-xlsx -q --fail-on never --rules rules/default.yaml \
    --export-roster "$d/roster2.csv" --export-matrix "$d/matrix-of-roster.csv" "$d/roster.csv" \
    >/dev/null 2>&1 || bad "$in: export of the exported roster"
  "$raci" --no-xlsx -q --fail-on never --rules rules/default.yaml \
    --export-matrix "$d/matrix2.csv" "$d/matrix.csv" >/dev/null 2>&1 ||
    bad "$in: export of the exported matrix"
  same "$in: the roster exported again is the same bytes" "$d/roster.csv" "$d/roster2.csv"
  same "$in: the matrix exported again is the same bytes" "$d/matrix.csv" "$d/matrix2.csv"
  same "$in: the matrix of the exported roster is the matrix" "$d/matrix.csv" \
    "$d/matrix-of-roster.csv"

  findings "$in" "$roster_skip" >"$d/in.f" || bad "$in: findings"
  findings "$d/roster.csv" "$roster_skip" >"$d/roster.f" || bad "$in: findings of the roster"
  same "$in: findings of --export-roster" "$d/in.f" "$d/roster.f"
  skip=$matrix_skip
  grep -q '"rule":"duplicate-assignment"' "$d/in.f" && skip="$skip unknown-letter unknown-vocabulary"
  findings "$in" "$skip" >"$d/in.m" || bad "$in: findings"
  findings "$d/matrix.csv" "$skip" >"$d/matrix.f" || bad "$in: findings of the matrix"
  same "$in: findings of --export-matrix" "$d/in.m" "$d/matrix.f"
done

# The findings must have been compared on something.
[ -n "${ROUNDTRIP_INPUTS:-}" ] || [ -s "$work/mistakes/in.f" ] ||
  bad "no findings compared for samples/mistakes.csv"

if /usr/bin/python3 tests/roundtrip/sheet.py "$raci" "$work/sheet"; then ok; else
  bad "a product sheet saved as CSV, one letter changed"
fi

echo "roundtrip: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
