#!/usr/bin/env bash
# The CI examples in examples/ are files users copy: check that each parses as
# YAML and that its raci command line works as written, run on a sample
# roster in a scratch directory (the files it names must appear; a
# `raci diff` job's base.csv is made for it, as its job does).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
raci=${RACI:-$root/raci}
case $raci in /*) ;; *) raci=$root/$raci ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/raci-examples.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
if ! python3 -c 'import yaml' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    $SUDO apt-get install -y -qq --no-install-recommends python3-yaml >/dev/null ||
    { echo "examples: could not install python3-yaml"; exit 1; }
fi
bad=0
for ex in "$root"/examples/*.yml; do
  python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$ex" ||
    { echo "$ex: not YAML"; bad=1; continue; }
  # The `raci ...` command of the job, its folded lines joined.
  cmd=$(python3 - "$ex" <<'PY'
import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
def steps(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from steps(v)
    elif isinstance(node, list):
        for v in node:
            yield from steps(v)
    elif isinstance(node, str):
        yield node
for s in steps(doc):
    if s.strip().startswith('raci '):
        print(' '.join(s.split()))
PY
)
  [ -n "$cmd" ] || { echo "$ex: no raci command"; bad=1; continue; }
  dir=$work/$(basename "$ex" .yml)
  mkdir -p "$dir/team" && cp "$root/samples/startup.csv" "$dir/team/roster.csv"
  # As in a user's checkout of raci's rules: found in ./rules whatever
  # binary runs (a sanitizer build has none beside it).
  ln -s "$root/rules" "$dir/rules"
  # A diff's job has made base.csv (the base branch's roster) by then, and
  # writes no workbook.
  workbook=output/roster-raci.xlsx
  case $cmd in
    'raci diff '*) cp "$root/samples/startup.csv" "$dir/base.csv"; workbook= ;;
  esac
  (cd "$dir" && ROSTER=team/roster.csv PATH="$(dirname "$raci"):$PATH" \
     eval "${cmd/#raci /\"$raci\" }" >out.txt 2>err.txt)
  st=$?
  if [ $st -gt 1 ]; then echo "$ex: '$cmd' exited $st"; cat "$dir/err.txt"; bad=1; continue; fi
  for f in $workbook $(grep -oE '[a-z]+=[^ ]+' <<<"$cmd" | sed -E 's/^[a-z]+=//'); do
    [ -s "$dir/$f" ] || { echo "$ex: '$cmd' did not write $f"; bad=1; }
  done
done
exit $bad
