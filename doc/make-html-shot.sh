#!/usr/bin/env bash
# doc/make-html-shot.sh - a screenshot of the HTML report for the README.
#
#   doc/make-html-shot.sh
#
# Writes the HTML report of samples/mistakes.csv (raci --format html) into
# build/html-shot/, opens it in headless Chromium and saves what a
# 1280-pixel-wide window shows of its top as doc/html-report.png: the
# verdict, the summary, the findings with their filters and the start of
# the RACI matrix. The PNG is documentation and is committed; build/html-shot
# is scratch. Chromium is installed with apt-get when missing (through sudo
# when not root). Environment: RACI (default ./raci), SAMPLE, WIDTH (default
# 1280), HEIGHT (default 1500), HASH (a filter for the page's URL, e.g.
# 'severity=error'; default none).
set -euo pipefail

cd "$(dirname "$0")/.."
raci=${RACI:-./raci}
sample=${SAMPLE:-samples/mistakes.csv}
width=${WIDTH:-1280}
height=${HEIGHT:-1500}
out=build/html-shot
page=$out/$(basename "$sample" .csv).html
png=doc/html-report.png

die() {
  echo "make-html-shot: $*" >&2
  exit 1
}

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium >/dev/null || die "could not install chromium"
fi
[ -x "$raci" ] || die "no raci at '$raci' (run make first, or set RACI)"

rm -rf "$out" && mkdir -p "$out"
# raci exits 1 when a finding fails the run: the report is written all the same.
"$raci" --no-xlsx --format html "$sample" >"$page" || [ $? = 1 ] || die "raci failed on $sample"

url="file://$PWD/$page${HASH:+#$HASH}"
DBUS_SESSION_BUS_ADDRESS=disabled: HOME="$PWD/$out" \
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run \
  --no-default-browser-check --disable-extensions --hide-scrollbars \
  --user-data-dir="$PWD/$out/profile" --window-size="$width,$height" \
  --screenshot="$PWD/$png" "$url" >/dev/null 2>&1 || die "chromium could not render $page"
[ -s "$png" ] || die "no screenshot was written"
echo "make-html-shot: wrote $png from $sample"
