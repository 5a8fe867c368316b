#!/usr/bin/env bash
# Golden tests of the raci command line.
#
# Each case is tests/cli/cases/NAME.args: one line, the arguments given to
# raci (split as the shell would; quotes work), run from the repository root.
# Beside it:
#   NAME.out     expected standard output   (absent: must be empty)
#   NAME.err     expected standard error    (absent: must be empty)
#   NAME.status  expected exit status       (absent: 0)
#   NAME.stdin   fed to standard input      (absent: /dev/null)
#   NAME.env     lines VAR=VALUE added to raci's environment (@TMP@ works; it has
#                neither FORCE_COLOR nor NO_COLOR otherwise)
#   NAME.pre     optional shell commands run before raci, from the repository
#                root, to lay out what the case needs in @TMP@ (a FIFO, a
#                link, an old report); they must exit 0, or 77 to skip the
#                case (e.g. a device node when not root)
#   NAME.post    optional shell commands run after raci, from the repository
#                root; they must exit 0 (e.g. check that a file was written)
#   NAME.postout expected standard output of NAME.post (absent: not
#                compared), e.g. the file raci wrote, shown with cat
#   NAME.filter  optional shell command that standard output goes through
#                before it is compared (e.g. jq keeping a SARIF log's results
#                but not the rule catalogue, which one case checks alone)
# In .args, .pre and .post, @TMP@ stands for an empty directory made for the
# case; in what raci prints, that directory is shown as @TMP@ again before
# it is compared, so that .out and .err can name it.
#
# Environment:
#   RACI       the binary (default ./raci)
#   RACI_WRAP  a command put before it, e.g. for valgrind:
#              RACI_WRAP='valgrind -q --error-exitcode=99 --leak-check=full'
#              (valgrind -q prints nothing when the run is clean, so the usual
#              comparisons also catch its reports)
#   UPDATE=1   rewrite the expected files from what raci does now; review the
#              diff (git diff tests/cli samples) before committing it
#   CASES      a glob of case names to run (default: every case)
#   PENDING=1  run tests/cli/pending instead: cases whose expected files say
#              what raci should print but does not yet, because of a known
#              bug (see tests/cli/pending/README.md). When one passes, move it
#              into cases/.
#
# Prints a diff for each failure and closes with `cli: N passed, M failed`;
# exits non-zero when a case failed.
set -u

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
cases_dir=tests/cli/cases
[ -n "${PENDING:-}" ] && cases_dir=tests/cli/pending
raci=${RACI:-./raci}
wrap=${RACI_WRAP:-}
update=${UPDATE:-}
pattern=${CASES:-*}

if [ ! -x "$raci" ]; then
  echo "cli: no raci binary at '$raci' (run make first, or set RACI)" >&2
  exit 2
fi

# The output must not depend on the caller's environment: messages from the C
# library in English, the repository's rulesets only. Standard output and error
# are files, so --color auto never colours whatever TERM says; FORCE_COLOR
# would, and NO_COLOR is a case's own (NAME.env).
export LC_ALL=C
unset RACI_RULES_DIR FORCE_COLOR NO_COLOR

work=$(mktemp -d "${TMPDIR:-/tmp}/raci-cli.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT

# A wrapper such as valgrind is slower; give it room, but never hang.
limit=60
[ -n "$wrap" ] && limit=600
timeout_cmd=()
command -v timeout >/dev/null 2>&1 && timeout_cmd=(timeout "$limit")

pass=0 fail=0 skip=0 failed=()

# compare WHAT EXPECTED-FILE ACTUAL-FILE: 0 when equal (a missing expected
# file means "empty"); prints a unified diff otherwise.
compare() {
  local what=$1 want=$2 got=$3
  if [ -f "$want" ]; then
    cmp -s "$want" "$got" && return 0
    echo "--- $what differs:"
    diff -u "$want" "$got" | sed 's/^/    /'
  else
    [ -s "$got" ] || return 0
    echo "--- $what should be empty, got:"
    sed 's/^/    /' "$got"
  fi
  return 1
}

# save ACTUAL-FILE EXPECTED-FILE: keep it when non-empty, else remove it.
save() {
  if [ -s "$1" ]; then cp "$1" "$2"; else rm -f "$2"; fi
}

shopt -s nullglob
for args_file in "$cases_dir"/$pattern.args; do
  name=$(basename "$args_file" .args)
  base=$cases_dir/$name
  tmp=$work/$name
  mkdir -p "$tmp/dir"

  line=$(head -n 1 "$args_file")
  line=${line//@TMP@/$tmp/dir}
  # Split the line as the shell would, so quoted arguments stay whole.
  args=()
  if ! eval "args=($line)"; then
    echo "FAIL $name: cannot split $args_file"
    fail=$((fail + 1)); failed+=("$name")
    continue
  fi
  stdin=/dev/null
  [ -f "$base.stdin" ] && stdin=$base.stdin
  envs=()
  if [ -f "$base.env" ]; then
    mapfile -t envs < <(sed "s|@TMP@|$tmp/dir|g" "$base.env")
  fi
  if [ -f "$base.pre" ]; then
    sed "s|@TMP@|$tmp/dir|g" "$base.pre" >"$tmp/pre.sh"
    bash "$tmp/pre.sh" >"$tmp/pre.out" 2>&1
    pre_status=$?
    if [ "$pre_status" -eq 77 ]; then
      echo "skip $name: $(tail -n 1 "$tmp/pre.out")"
      skip=$((skip + 1))
      continue
    elif [ "$pre_status" -ne 0 ]; then
      echo "FAIL $name: $base.pre failed:"
      sed 's/^/    /' "$tmp/pre.out"
      fail=$((fail + 1)); failed+=("$name")
      continue
    fi
  fi

  # shellcheck disable=SC2086 # $wrap is a command with its own arguments
  "${timeout_cmd[@]}" env "${envs[@]}" $wrap "$raci" "${args[@]}" <"$stdin" >"$tmp/out" 2>"$tmp/err"
  echo $? >"$tmp/status"
  # The case's directory by its name in the expected files.
  sed -i "s|$tmp/dir|@TMP@|g" "$tmp/out" "$tmp/err"
  if [ -f "$base.filter" ]; then
    if bash "$base.filter" <"$tmp/out" >"$tmp/out.filtered" 2>"$tmp/filter.err"; then
      mv "$tmp/out.filtered" "$tmp/out"
    else
      echo "filter failed: $(cat "$tmp/filter.err")" >"$tmp/out"
    fi
  fi

  post_ok=0
  if [ -f "$base.post" ]; then
    sed "s|@TMP@|$tmp/dir|g" "$base.post" >"$tmp/post.sh"
    if ! bash "$tmp/post.sh" >"$tmp/post.out" 2>&1; then
      post_ok=1
    fi
    sed -i "s|$tmp/dir|@TMP@|g" "$tmp/post.out"
  fi

  if [ -n "$update" ]; then
    save "$tmp/out" "$base.out"
    save "$tmp/err" "$base.err"
    cp "$tmp/status" "$base.status"
    [ -f "$base.post" ] && [ -f "$base.postout" ] && cp "$tmp/post.out" "$base.postout"
  fi

  if report=$(
    bad=0
    compare "standard output ($base.out)" "$base.out" "$tmp/out" || bad=1
    compare "standard error ($base.err)" "$base.err" "$tmp/err" || bad=1
    want_status=0
    [ -f "$base.status" ] && want_status=$(head -n 1 "$base.status")
    got_status=$(cat "$tmp/status")
    if [ "$want_status" != "$got_status" ]; then
      echo "--- exit status: expected $want_status, got $got_status"
      bad=1
    fi
    if [ -f "$base.postout" ]; then
      compare "standard output of $base.post" "$base.postout" "$tmp/post.out" || bad=1
    fi
    if [ "$post_ok" -ne 0 ]; then
      echo "--- $base.post failed:"
      sed 's/^/    /' "$tmp/post.out"
      bad=1
    fi
    exit $bad
  ); then
    pass=$((pass + 1))
  else
    echo "FAIL $name: raci $line"
    echo "$report"
    fail=$((fail + 1)); failed+=("$name")
  fi
done

if [ $((pass + fail + skip)) -eq 0 ]; then
  echo "cli: no case matches '$cases_dir/$pattern.args'" >&2
  exit 2
fi
[ "$fail" -gt 0 ] && echo "failed: ${failed[*]}"
if [ "$skip" -gt 0 ]; then
  echo "cli: $pass passed, $fail failed, $skip skipped"
else
  echo "cli: $pass passed, $fail failed"
fi
[ "$fail" -eq 0 ]
