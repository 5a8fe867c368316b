#!/usr/bin/env bash
# Validate the SARIF that raci writes for every sample roster (and for the
# rosters of tests/formats) two ways:
#   1. against the SARIF 2.1.0 JSON schema, with ajv (draft-04 support);
#   2. with Microsoft's SARIF multitool `validate`, which also applies the
#      SARIF validation rules (SARIF1xxx errors, SARIF2xxx warnings):
#      no error and no warning may be left; notes are shown, not failed on.
# The npm packages are installed once into build/npm (pinned versions) and
# reused. RACI names the binary (default ./build/raci).
set -u
cd "$(dirname "$0")/../.."
RACI=${RACI:-./build/raci}
NPM_DIR=build/npm
WORK=build/sarif
MULTITOOL_VERSION=5.7.0
# The schema file ships inside @microsoft/jest-sarif (MIT): SARIF 2.1.0
# (rtm.5, the text OASIS published as 2.1.0).
SCHEMA_PKG=@microsoft/jest-sarif@1.0.0-beta.0
SCHEMA_IN_PKG=package/lib/schemas/sarif-2.1.0-rtm.5.json
PKGS="@microsoft/sarif-multitool@$MULTITOOL_VERSION ajv@8.17.1 ajv-draft-04@1.0.0 ajv-formats@3.0.1"

echo "sarif: schema 2.1.0 and sarif-multitool validate"
. tests/npm.sh
npm_need sarif || exit 1
# The multitool is a self-contained .NET program: without ICU it needs the
# invariant globalisation mode, which is all it needs here anyway.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
# --ignore-scripts: the multitool's only script is a chmod, done below.
npm_install sarif "$NPM_DIR" $PKGS || exit 1
if [ "$(cat "$NPM_DIR/.schema" 2>/dev/null)" != "$SCHEMA_PKG" ]; then
  if ! (cd "$NPM_DIR" && npm pack --silent "$SCHEMA_PKG" >pack.log 2>&1 &&
        tar xzf ./*.tgz "$SCHEMA_IN_PKG" && mv "$SCHEMA_IN_PKG" sarif-schema-2.1.0.json); then
    cat "$NPM_DIR/pack.log"; echo "sarif: could not fetch the schema from $SCHEMA_PKG"; exit 1
  fi
  echo "$SCHEMA_PKG" >"$NPM_DIR/.schema"
fi
# The multitool is a native .NET binary in a per-platform package; call it
# directly (its bin.js wrapper passes arguments through a shell).
MULTITOOL=$(node -p "require('./$NPM_DIR/node_modules/@microsoft/sarif-multitool')" 2>/dev/null)
if [ -z "$MULTITOOL" ] || [ ! -f "$MULTITOOL" ]; then
  echo "sarif: the multitool has no binary for this platform"; exit 1
fi
chmod u+x "$MULTITOOL"

rm -rf "$WORK" && mkdir -p "$WORK"
fail=0 n=0
for roster in samples/*.csv tests/formats/rosters/*.csv; do
  [ -f "$roster" ] || continue
  out="$WORK/$(basename "$roster" .csv).sarif"
  "$RACI" --no-xlsx --format sarif "$roster" >"$out"
  st=$?
  if [ $st -gt 1 ]; then echo "sarif: raci failed ($st) on $roster"; fail=1; continue; fi
  n=$((n + 1))
done
# A workbook's findings (raci's own, read back): the region is the row and
# column, the sheet and cell in the location's property bag.
"$RACI" -q -o "$WORK/own.xlsx" samples/org-mistakes.csv >/dev/null
"$RACI" --no-xlsx --format sarif "$WORK/own.xlsx" >"$WORK/own-xlsx.sarif"
if [ $? -gt 1 ] || [ "$(jq '[.runs[0].results[].locations[].physicalLocation.properties.sheet] |
                          map(select(. != null)) | length' "$WORK/own-xlsx.sarif")" = 0 ]; then
  echo "sarif: the findings of a workbook do not name their sheets"; fail=1
fi
n=$((n + 1))
# More findings than GitHub takes (3,000 products of 10 tasks without an
# A): the run is cut to 25,000 results and says so in a notification.
awk 'BEGIN { print "person,title,product,task,raci"; for (p = 0; p < 3000; p++) {
  printf "Owner %d,Product Owner,Product %d,,\n", p, p
  for (t = 0; t < 10; t++) printf "Dev %d,Developer,Product %d,Task %d,R\n", p, p, t } }' \
  >"$WORK/big.csv"
"$RACI" --no-xlsx --format sarif "$WORK/big.csv" >"$WORK/big.sarif"
if [ $? -gt 1 ] || [ "$(jq '.runs[0].results | length' "$WORK/big.sarif")" != 25000 ]; then
  echo "sarif: the run of $WORK/big.csv is not cut to 25000 results"; fail=1
fi
n=$((n + 1))
# A baseline run too: results carry baselineState, the run a property bag.
"$RACI" --no-xlsx --write-baseline "$WORK/base.json" samples/mistakes.csv >/dev/null
"$RACI" --no-xlsx --baseline "$WORK/base.json" --format sarif samples/org-mistakes.csv \
  >"$WORK/baseline-run.sarif"
[ $? -le 1 ] && n=$((n + 1))

if ! NODE_PATH="$NPM_DIR/node_modules" node tests/sarif/schema-check.js "$NPM_DIR/sarif-schema-2.1.0.json" "$WORK"/*.sarif \
    >"$WORK/schema.log" 2>&1; then
  cat "$WORK/schema.log"; echo "sarif: schema check failed"; fail=1
fi

# The multitool takes about 40 s of CPU on the 25,000 results of big.sarif.
# The schema check above has read every one of them; the multitool gets the
# same log with its first 200 results, the rules and the notification that
# says the run was cut left whole.
if ! jq '.runs[0].results |= .[0:200]' "$WORK/big.sarif" >"$WORK/big.cut" ||
   ! mv "$WORK/big.cut" "$WORK/big.sarif"; then
  echo "sarif: could not cut $WORK/big.sarif for the multitool"; fail=1
fi

# Notes (SARIF2xxx at level note: no snippets, no version control
# provenance, URIs not reachable offline) are advice; errors and warnings
# are failures.
for f in "$WORK"/*.sarif; do
  log="${f%.sarif}.validation.sarif"
  if ! "$MULTITOOL" validate "$f" --output "$log" --log ForceOverwrite --max-file-size-in-kb 204800 \
      --level "Error;Warning" >"${f%.sarif}.validate.log" 2>&1; then
    cat "${f%.sarif}.validate.log"; echo "sarif: multitool failed on $f"; fail=1; continue
  fi
  count=$(jq '[.runs[] | (.results // [])[], ((.invocations // [])[] |
             (.toolExecutionNotifications // [])[] | select(.level == "error"))] | length' "$log")
  if [ "$count" != 0 ]; then
    grep -E ': (error|warning) ' "${f%.sarif}.validate.log"
    echo "sarif: $f has $count validation errors or warnings"; fail=1
  fi
done
# The checks must be able to fail: a result pointing past the rules array
# is a multitool error, a log without "version" a schema error.
jq '.runs[0].results[0].ruleIndex = 999' "$WORK/mistakes.sarif" >"$WORK/broken.json"
"$MULTITOOL" validate "$WORK/broken.json" --output "$WORK/broken.validation.sarif" \
  --log ForceOverwrite --level "Error;Warning" >/dev/null 2>&1
if [ "$(jq '[.runs[].results[]] | length' "$WORK/broken.validation.sarif")" = 0 ]; then
  echo "sarif: the multitool did not flag a broken log"; fail=1
fi
jq 'del(.version)' "$WORK/mistakes.sarif" >"$WORK/broken.json"
if NODE_PATH="$NPM_DIR/node_modules" node tests/sarif/schema-check.js \
    "$NPM_DIR/sarif-schema-2.1.0.json" "$WORK/broken.json" >/dev/null 2>&1; then
  echo "sarif: the schema check did not flag a broken log"; fail=1
fi

if [ $fail -eq 0 ]; then
  echo "sarif: $n passed, 0 failed"
else
  echo "sarif: FAILED"
fi
exit $fail
