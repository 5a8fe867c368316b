#!/usr/bin/env bash
# csv-spectrum through raci and back out of the Roster sheet, field for field
# (tests/xlsx/spectrum.py says how). The npm package is fetched once into
# build/npm-spectrum, at a pinned version, and reused.
#
#   RACI=path/to/raci   the binary (default ./build/raci)
set -u
cd "$(dirname "$0")/../.."
RACI=${RACI:-./build/raci}
VERSION=2.0.0
dir=build/npm-spectrum
if [ ! -f "$dir/package/csvs/simple.csv" ] || [ "$(cat "$dir/.version" 2>/dev/null)" != "$VERSION" ]; then
  rm -rf "$dir" && mkdir -p "$dir"
  if ! (cd "$dir" && npm pack --silent "csv-spectrum@$VERSION" >pack.log 2>&1 &&
        tar xzf "csv-spectrum-$VERSION.tgz"); then
    cat "$dir/pack.log"; echo "spectrum: could not fetch csv-spectrum@$VERSION from npm"; exit 1
  fi
  echo "$VERSION" >"$dir/.version"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/raci-spectrum.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 tests/xlsx/spectrum.py "$RACI" "$dir/package" "$work"
