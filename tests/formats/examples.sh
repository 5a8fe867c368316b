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

# action.yml, raci's composite GitHub Action: YAML, with the inputs the
# examples use and their defaults, composite steps that install only
# packages of the Makefile's DEB_PKGS with apt-get, build with make, run raci
# and upload SARIF only when asked.
python3 - "$root/action.yml" "$(make -s -C "$root" print-deb-pkgs)" <<'PY' || bad=1
import re, sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
deb = set(sys.argv[2].split())
problems = []
inputs = doc.get("inputs") or {}
for name, default in (("path", "."), ("format", "github"), ("fail-on", "error"),
                      ("sarif", "true"), ("args", "")):
    if name not in inputs:
        problems.append(f"no input '{name}'")
    elif str(inputs[name].get("default")) != default:
        problems.append(f"input '{name}' defaults to {inputs[name].get('default')!r}, not {default!r}")
    elif not inputs[name].get("description"):
        problems.append(f"input '{name}' has no description")
runs = doc.get("runs") or {}
if runs.get("using") != "composite":
    problems.append("runs.using is not 'composite'")
steps = runs.get("steps") or []
scripts = " ".join(st.get("run", "") for st in steps)
apt = [st["run"] for st in steps if "apt-get install" in st.get("run", "")]
pkgs = [w for w in apt[0].split("--no-install-recommends", 1)[-1].split()
        if re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w)] if apt else []
if not pkgs:
    problems.append("no apt-get install of the build dependencies")
for p in pkgs:
    if p not in deb:
        problems.append(f"apt-get installs '{p}', which the Makefile's DEB_PKGS does not hold")
if "make " not in scripts:
    problems.append("raci is not built with make")
if not any("raci " in st.get("run", "") for st in steps):
    problems.append("no step runs raci")
for st in steps:
    if "run" in st and st.get("shell") != "bash":
        problems.append(f"step '{st.get('name')}' has no shell: bash (a composite step needs one)")
up = [st for st in steps if "upload-sarif" in str(st.get("uses", ""))]
if not up or "inputs.sarif" not in str(up[0].get("if", "")):
    problems.append("no upload-sarif step that depends on the sarif input")
for p in problems:
    print(f"action.yml: {p}")
sys.exit(1 if problems else 0)
PY

# An example job that uses the action: its `with:` over the action's
# defaults, given to the action's raci step as the Actions runner would (its
# env with ${{ inputs.X }} filled in), in a scratch directory with the
# sample roster at the path it names; the SARIF log must be written.
check_action_use() {
  local ex=$1 dir path sarif
  dir=$work/$(basename "$ex" .yml)
  mkdir -p "$dir" && ln -s "$root/rules" "$dir/rules"
  read -r path sarif < <(python3 - "$root/action.yml" "$ex" "$dir" <<'PY'
import os, re, shlex, sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
job = yaml.safe_load(open(sys.argv[2]))
use = [st for j in job["jobs"].values() for st in j["steps"]
       if re.search(r"/raci@", str(st.get("uses", "")))][0]
given = use.get("with") or {}
inputs = action["inputs"]
for k in given:
    if k not in inputs:
        sys.exit(f"{sys.argv[2]}: the action has no input '{k}'")
values = {k: str(given.get(k, v.get("default", ""))) for k, v in inputs.items()}
roster = os.path.join(sys.argv[3], values["path"])
os.makedirs(roster if not roster.endswith(".csv") else os.path.dirname(roster), exist_ok=True)
step = [st for st in action["runs"]["steps"] if "raci " in st.get("run", "")][0]
fill = lambda t: re.sub(r"\$\{\{\s*inputs\.([a-z-]+)\s*\}\}", lambda m: values[m.group(1)], t)
with open(os.path.join(sys.argv[3], "step.sh"), "w") as out:
    for k, v in (step.get("env") or {}).items():
        out.write(f"export {k}={shlex.quote(fill(str(v)))}\n")
    out.write(fill(step["run"]))
print(values["path"], values["sarif"])
PY
)
  [ -f "$dir/step.sh" ] || { echo "$ex: cannot read the action's raci step"; return 1; }
  case $path in *.csv) mkdir -p "$dir/$(dirname "$path")"; cp "$root/samples/startup.csv" "$dir/$path" ;;
                *) cp "$root/samples/startup.csv" "$dir/$path/roster.csv" ;; esac
  rm -f "$dir/raci.sarif"
  (cd "$dir" && GITHUB_OUTPUT=$dir/github-output PATH="$(dirname "$raci"):$PATH" \
     bash step.sh >out.txt 2>err.txt)
  local st=$?
  if [ $st -gt 1 ]; then echo "$ex: the action's raci step exited $st"; cat "$dir/err.txt"; return 1; fi
  [ -s "$dir/out.txt" ] ||
    { echo "$ex: the action's raci step printed nothing"; return 1; }
  if [ "$sarif" = true ]; then
    jq -e '.runs[0].tool.driver.name == "raci"' "$dir/raci.sarif" >/dev/null 2>&1 ||
      { echo "$ex: the action's raci step wrote no SARIF log"; return 1; }
    grep -qx 'sarif-file=raci.sarif' "$dir/github-output" ||
      { echo "$ex: the action's step did not set its sarif-file output"; return 1; }
  fi
  return 0
}

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
  if [ -z "$cmd" ] && grep -qE 'uses: [^ ]+/raci@' "$ex"; then
    check_action_use "$ex" || bad=1
    continue
  fi
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
