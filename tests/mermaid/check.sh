#!/usr/bin/env bash
# The Mermaid chart of the Markdown report, read by the real mermaid
# package: for every sample, the rosters of tests/formats and
# tests/mermaid/hostile.csv (names with quotes, &, entities, HTML, emoji,
# brackets, backticks, a loop, a missing manager, a span over the limit, a
# name past the label's limit), mermaid.parse must accept the block, and
# check.mjs compares it, node by node and line by line, with the org chart
# Graphviz draws from the same roster (--report svg=). A roster without
# reports_to has no block; one of more than 100 people a sentence instead.
# The checks must be able to fail: a bare quote that closes a label early
# must be rejected, and labels written as raw HTML must not pass.
# mermaid and jsdom are installed once into build/npm-mermaid (pinned) and
# reused. RACI names the binary (default ./build/raci).
set -u
cd "$(dirname "$0")/../.."
RACI=${RACI:-./build/raci}
NPM_DIR=build/npm-mermaid
WORK=build/mermaid
PKGS="mermaid@11.12.2 jsdom@26.1.0"

echo "mermaid: the Markdown report's chart through mermaid.parse"
. tests/npm.sh
npm_need mermaid && npm_install mermaid "$NPM_DIR" $PKGS || exit 1

rm -rf "$WORK" && mkdir -p "$WORK"
fail=0 pairs=()
for roster in samples/*.csv tests/formats/rosters/*.csv tests/mermaid/hostile.csv; do
  name=$(basename "$roster" .csv)
  md="$WORK/$name.md" svg="$WORK/$name.svg"
  "$RACI" --no-xlsx --format markdown --report "svg=$svg" "$roster" >"$md"
  st=$?
  if [ $st -gt 1 ]; then echo "mermaid: raci failed ($st) on $roster"; fail=1; continue; fi
  if head -1 "$roster" | grep -qi 'reports_to'; then
    pairs+=("$md" "$svg")
  elif grep -q '^```mermaid' "$md"; then
    echo "mermaid: $roster has no reports_to, yet its report has a chart"; fail=1
  fi
done
# The hostile roster must be among them, with every mark.
grep -q 'class p[0-9].* loop$' "$WORK/hostile.md" && grep -q ':::missing$' "$WORK/hostile.md" &&
  grep -q 'class p[0-9].* span$' "$WORK/hostile.md" && grep -q '…' "$WORK/hostile.md" ||
  { echo "mermaid: the hostile roster's chart lacks a mark"; fail=1; }
node tests/mermaid/check.mjs "$NPM_DIR" "${pairs[@]}" || fail=1

# 101 people: no chart, a sentence pointing at the SVG.
awk 'BEGIN { print "person,title,reports_to"; print "P0,Director,";
  for (i = 1; i <= 100; i++) printf "P%d,Developer,P%d\n", i, int((i - 1) / 5) }' >"$WORK/big.csv"
"$RACI" --no-xlsx --format markdown "$WORK/big.csv" >"$WORK/big.md"
if grep -q '^```mermaid' "$WORK/big.md" || ! grep -q 'chart of 101 people is left out.*svg=' "$WORK/big.md"; then
  echo "mermaid: a roster of 101 people is drawn, or not said to be left out"; fail=1
fi
# 100 people: drawn.
head -101 "$WORK/big.csv" >"$WORK/hundred.csv"
"$RACI" --no-xlsx --format markdown --report "svg=$WORK/hundred.svg" "$WORK/hundred.csv" \
  >"$WORK/hundred.md"
node tests/mermaid/check.mjs "$NPM_DIR" "$WORK/hundred.md" "$WORK/hundred.svg" || fail=1

# Able to fail: a bare quote in a label; labels as raw HTML.
sed 's/Lu ]#quot;\[/Lu ]"[/' "$WORK/hostile.md" >"$WORK/bare-quote.md"
node tests/mermaid/check.mjs "$NPM_DIR" --must-fail "$WORK/bare-quote.md" || fail=1
sed 's/#amp;/\&/g; s/#lt;/</g; s/#gt;/>/g' "$WORK/hostile.md" >"$WORK/raw-html.md"
if node tests/mermaid/check.mjs "$NPM_DIR" "$WORK/raw-html.md" "$WORK/hostile.svg" >/dev/null; then
  echo "mermaid: labels written as raw HTML pass the check"; fail=1
fi

if [ $fail = 0 ]; then
  echo "mermaid: $(( ${#pairs[@]} / 2 + 1 )) charts as Graphviz draws them, 1 left out, 2 broken ones caught"
fi
exit $fail
