#!/usr/bin/env bash
# tests/cli/signals.sh DIR - raci killed by SIGHUP, SIGINT, SIGTERM, SIGQUIT
# and SIGPIPE while its outputs are begun must remove every temporary file,
# replace nothing, and die of that signal (exit status 128 + its number).
#
# Deterministic without any hook in raci: raci begins every output (a
# temporary file beside each) before it reads a roster, and here it reads
# one from a FIFO that gets half a roster and is then kept open: raci waits
# in read(), its three temporary files there, until the signal comes. The
# wait for them is a poll with a generous bound, since under valgrind raci
# takes seconds to start; no time is asserted.
#
# Run by the case out-signals; RACI and RACI_WRAP as tests/cli/run.sh has
# them, so that it runs under valgrind and AddressSanitizer too.
set -u
set -m # background jobs of a script otherwise ignore SIGINT and SIGQUIT
dir=$1
raci=${RACI:-./raci}
wrap=${RACI_WRAP:-}
ulimit -c 0 # SIGQUIT dumps core by default: not here
fail=0

for sig in HUP INT TERM QUIT PIPE; do
  d=$dir/$sig
  mkdir -p "$d"
  printf 'old report' >"$d/r.json"
  mkfifo "$d/in"
  exec 3<>"$d/in" # a writer, so that raci reads and waits, not at end of file
  # shellcheck disable=SC2086 # $wrap is a command with its own arguments
  $wrap "$raci" -o "$d/out.xlsx" --report json="$d/r.json" --write-baseline "$d/b.json" \
    --stdin-filename team.csv - <"$d/in" >"$d/out" 2>"$d/err" 3>&- &
  pid=$!
  head -n 4 samples/startup.csv >&3
  n=0
  for _ in $(seq 1200); do
    n=$(find "$d" -name '*.tmp*' | wc -l)
    [ "$n" -ge 3 ] && break
    sleep 0.1
  done
  if [ "$n" -lt 3 ]; then
    echo "SIG$sig: raci never began its three outputs"; fail=1
  fi
  kill -s "$sig" "$pid"
  wait "$pid"
  st=$?
  exec 3>&-
  want=$((128 + $(kill -l "$sig")))
  if [ "$st" != "$want" ]; then
    echo "SIG$sig: exit status $st, expected $want (killed by the signal)"; sed 's/^/  /' "$d/err"
    fail=1
  fi
  left=$(find "$d" -name '*.tmp*')
  if [ -n "$left" ]; then
    echo "SIG$sig: temporary files left: $left"; fail=1
  fi
  if [ "$(cat "$d/r.json")" != "old report" ] || [ -e "$d/b.json" ] || [ -e "$d/out.xlsx" ]; then
    echo "SIG$sig: an output was replaced"; fail=1
  fi
done
exit $fail
