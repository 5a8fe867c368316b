#!/usr/bin/env bash
# doc/make-org-shot.sh - render the org chart of samples/org-mistakes.csv
# as the README's picture, doc/org-chart.png.
#
#   doc/make-org-shot.sh
#
# The picture is what `raci --report png=` writes, as it is: Graphviz lays
# it out and draws it (cairo), so the PNG shows exactly what a user gets.
# It is documentation and is committed. Environment: RACI (default
# ./raci), SAMPLE (default samples/org-mistakes.csv), OUT (default
# doc/org-chart.png).
set -euo pipefail

cd "$(dirname "$0")/.."
raci=${RACI:-./raci}
sample=${SAMPLE:-samples/org-mistakes.csv}
out=${OUT:-doc/org-chart.png}

die() {
  echo "make-org-shot: $*" >&2
  exit 1
}

[ -x "$raci" ] || die "no $raci: run make first"
# Exit 1 means findings, which the sample is made to have; 2 is a failure.
st=0
"$raci" --no-xlsx -q --fail-on never --report "png=$out.tmp" "$sample" >/dev/null || st=$?
[ "$st" = 0 ] || { rm -f "$out.tmp"; die "raci failed ($st) on $sample"; }
[ "$(head -c 8 "$out.tmp" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
  { rm -f "$out.tmp"; die "$out.tmp is no PNG"; }
mv "$out.tmp" "$out"
echo "make-org-shot: wrote $out ($(wc -c <"$out") bytes)"
