#!/usr/bin/env bash
# Fail when clang-format would change any C file.
set -u
cd "$(dirname "$0")/.."
echo "clang-format check"
bad=0
for f in src/*/*.c include/raci/*.h tests/unit/*.c tests/unit/*.h tests/fuzz/*.c tools/*.c; do
  [ -f "$f" ] || continue
  if ! clang-format --style=file "$f" | cmp -s - "$f"; then
    echo "needs formatting: $f (run 'make format')"
    bad=1
  fi
done
exit $bad
