#!/usr/bin/env bash
# The HTML report of every sample in a real browser: headless Chromium
# renders it (a screenshot that is not blank) and dumps its DOM after the
# page's script ran (every finding of the JSON report is there, and the
# filters of the URL hash hide the rows they should), then the page of a
# generated roster of 3,500 rows with --max-sheets 5 (only the 5 worst
# products' matrices drawn, the others listed); see check.py. RACI
# names the binary (default ./build/raci).
set -u
cd "$(dirname "$0")/../.."
RACI=${RACI:-./build/raci}
WORK=build/html

echo "html: the report of each sample in headless Chromium"
if ! command -v chromium >/dev/null 2>&1; then
  echo "html: chromium is missing (make deps installs it)"; exit 1
fi
if ! /usr/bin/python3 -c 'import PIL' 2>/dev/null; then
  echo "html: python3-pil is missing (make deps installs it)"; exit 1
fi
rm -rf "$WORK" && mkdir -p "$WORK" || exit 1
# Chromium looks for a session bus it does not need; no home of its own.
export DBUS_SESSION_BUS_ADDRESS=disabled: HOME="$PWD/$WORK"
exec timeout 300 /usr/bin/python3 tests/html/check.py "$RACI" "$WORK" samples/*.csv
