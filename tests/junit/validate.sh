#!/usr/bin/env bash
# Validate the JUnit XML that raci writes against the JUnit schema most CI
# tools check against, with xmllint (libxml2-utils):
#
#   jenkins-junit.xsd: Jenkins' junit-4.xsd (MIT, Thales Corporate Services,
#   as published in Jenkins' dtkit-junit-model), the strictest of the common
#   ones: no "skipped" on testsuites, no "file" or "line" on a testcase, no
#   attribute on skipped. Fetched at test time from the npm registry, inside
#   the package junit-processor@0.0.6 (Apache-2.0; the file keeps its MIT
#   notice), at package/schemas/jenkins-junit.xsd, and checked against its
#   SHA-256 below: the file validated against is the one that was read.
#
# Every sample and every roster of tests/formats (Cyrillic, CJK, emoji and
# & ' " < > among them), with every finding a failure (--fail-on info), every
# one skipped (--fail-on never), and against a baseline; each must be
# well-formed (xmllint) and valid. Then the check must be able to fail: a
# document with testcase@file is rejected. RACI names the binary (default
# ./build/raci).
set -u
cd "$(dirname "$0")/../.."
RACI=${RACI:-./build/raci}
NPM_DIR=build/npm-junit
WORK=build/junit
PKG=junit-processor@0.0.6
XSD_IN_PKG=package/schemas/jenkins-junit.xsd
XSD_SHA256=b74f22f7b3e328e08356c268e18fb979ae95e3bcc746f93ae399260310ad0d6f
XSD=$NPM_DIR/jenkins-junit.xsd

echo "junit: xmllint and the Jenkins JUnit schema"
if ! command -v xmllint >/dev/null 2>&1; then
  echo "junit: xmllint is missing (make deps installs libxml2-utils)"; exit 1
fi
. tests/npm.sh
npm_need junit || exit 1
if ! echo "$XSD_SHA256  $XSD" | sha256sum -c --status 2>/dev/null; then
  rm -rf "$NPM_DIR" && mkdir -p "$NPM_DIR"
  if ! (cd "$NPM_DIR" && npm pack --silent "$PKG" >pack.log 2>&1 &&
        tar xzf ./*.tgz "$XSD_IN_PKG" && mv "$XSD_IN_PKG" jenkins-junit.xsd); then
    cat "$NPM_DIR/pack.log" 2>/dev/null; echo "junit: could not fetch the schema from $PKG"; exit 1
  fi
  if ! echo "$XSD_SHA256  $XSD" | sha256sum -c --status; then
    echo "junit: $XSD from $PKG is not the file expected (SHA-256 differs)"; exit 1
  fi
fi

rm -rf "$WORK" && mkdir -p "$WORK"
fail=0 n=0
# run NAME ARGS...: raci's JUnit into $WORK/NAME.xml; it must not fail with 2.
run() {
  local name=$1
  shift
  "$RACI" --no-xlsx --format junit "$@" >"$WORK/$name.xml"
  local st=$?
  if [ $st -gt 1 ]; then echo "junit: raci failed ($st) on $*"; fail=1; fi
}
for roster in samples/*.csv tests/formats/rosters/*.csv; do
  [ -f "$roster" ] || continue
  base=$(basename "$roster" .csv)
  run "$base" "$roster"
  run "$base-fail-on-info" --fail-on info "$roster"
  run "$base-fail-on-never" --fail-on never "$roster"
done
run all-rosters samples/*.csv
"$RACI" --no-xlsx --write-baseline "$WORK/base.json" samples/mistakes.csv >/dev/null
run baseline-run --baseline "$WORK/base.json" samples/org-mistakes.csv

for f in "$WORK"/*.xml; do
  n=$((n + 1))
  if ! xmllint --noout "$f" 2>"$f.wellformed.log"; then
    cat "$f.wellformed.log"; echo "junit: $f is not well-formed XML"; fail=1; continue
  fi
  if ! xmllint --noout --schema "$XSD" "$f" 2>"$f.schema.log"; then
    grep -v ' validates$' "$f.schema.log"; echo "junit: $f fails $XSD"; fail=1
  fi
done

# The check must be able to fail: what raci wrote before (testcase@file).
sed 's|<testcase |<testcase file="team.csv" |' "$WORK/mistakes.xml" >"$WORK/broken.xml.in"
if xmllint --noout --schema "$XSD" "$WORK/broken.xml.in" >/dev/null 2>&1; then
  echo "junit: the schema did not reject testcase@file"; fail=1
fi

if [ $fail -eq 0 ]; then
  echo "junit: $n passed, 0 failed"
else
  echo "junit: FAILED"
fi
exit $fail
