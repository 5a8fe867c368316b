#!/usr/bin/env bash
# Build every tests/fuzz/fuzz_*.c as a libFuzzer binary under build/fuzz/ and
# run each for a bounded time, starting from its seed corpus in
# tests/fuzz/corpus/<name>/ when there is one, and from the files of the tree
# that derived_seeds names for it. Prints one line per fuzzer and exits
# non-zero when any fails to build or finds a crash.
#
#   FUZZ_TIME=20   seconds per fuzzer (libFuzzer's -max_total_time)
#   FUZZ_ONLY=NAME run only this harness (e.g. fuzz_pipeline)
#   FUZZ_CC=clang  the compiler; it needs libFuzzer's runtime, which Debian
#                  ships in libclang-rt-14-dev (pulled in by libclang-rt-dev)
#
# The library is compiled straight into each fuzzer (every src/*/*.c but
# src/cli/main.c), so that all of it carries the fuzzer's coverage instrumentation.
set -u
cd "$(dirname "$0")/../.." || exit 2

time_limit=${FUZZ_TIME:-20}
cc=${FUZZ_CC:-clang}
out=build/fuzz
# shellcheck disable=SC2054 # the commas belong to -fsanitize's value
# shellcheck disable=SC2207 # pkg-config prints flags separated by spaces
cflags=(-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
        -g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude
        $(pkg-config --cflags libxml-2.0 libgvc 2>/dev/null ||
          echo -I/usr/include/libxml2 -I/usr/include/graphviz))
# The libraries raci links, from the Makefile, so that a library added
# there is linked here too.
# shellcheck disable=SC2207 # make prints flags separated by spaces
libs=($(make -s --no-print-directory print-link-libs))
# Graphviz 2.42 and the font libraries it loads leak on their own (tests/lsan.supp).
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

shopt -s nullglob
lib_src=()
for f in src/*/*.c; do
  [ "$f" = src/cli/main.c ] || lib_src+=("$f")
done
harnesses=(tests/fuzz/fuzz_*.c)
if [ ${#harnesses[@]} -eq 0 ]; then
  echo "fuzz: no harnesses in tests/fuzz"
  exit 0
fi

mkdir -p "$out"
# Fail early, and say what to install, when clang cannot link a fuzzer.
probe='#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);
int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }'
if ! printf '%s\n' "$probe" | "$cc" -fsanitize=fuzzer -x c - -o "$out/.probe" 2>"$out/.probe.log"; then
  echo "fuzz: '$cc -fsanitize=fuzzer' cannot link (see $out/.probe.log):" \
       "install clang and libclang-rt-dev (Debian 12: libclang-rt-14-dev)"
  exit 2
fi
rm -f "$out/.probe" "$out/.probe.log"

# Seeds that are files kept elsewhere in the tree, copied into the scratch
# corpus at each run rather than into tests/fuzz/corpus/, where a copy would
# go stale: the shipped rulesets for the ruleset loader; for the whole
# pipeline, every roster of the tree (samples, real published tables, the
# golden tests' inputs and the reader's seeds).
derived_seeds() {
  case $1 in
    fuzz_ruleset) printf '%s\n' rules/*.yaml samples/team-rules.yaml ;;
    fuzz_pipeline) printf '%s\n' samples/*.csv tests/rosters/*.csv tests/formats/rosters/*.csv \
                     tests/cli/data/*.csv tests/fuzz/corpus/fuzz_reader/* ;;
  esac
}

# The library is compiled once, with the fuzzer's coverage but not its
# main, one file per processor, and each harness is linked against it.
objcflags=("${cflags[@]/-fsanitize=fuzzer,/-fsanitize=fuzzer-no-link,}")
mkdir -p "$out/obj"
export FUZZ_OBJ_CC=$cc FUZZ_OBJ_DIR=$out/obj
if ! printf '%s\n' "${lib_src[@]}" |
  xargs -P "$(nproc)" -I{} sh -c \
    'f=$1; shift; o="$FUZZ_OBJ_DIR/$(echo "$f" | tr / _).o"
     "$FUZZ_OBJ_CC" "$@" -c -o "$o" "$f" 2>"$o.log" || { cat "$o.log"; exit 1; }' \
    sh {} "${objcflags[@]}"; then
  echo "fuzz: the library FAILED to build for the fuzzers"
  exit 1
fi
lib_obj=()
for f in "${lib_src[@]}"; do
  lib_obj+=("$out/obj/$(echo "$f" | tr / _).o")
done

# One harness: link it, gather its seeds and run it; what it says goes to
# $out/NAME.result, printed once every harness is done.
fuzz_one() {
  local src=$1 name bin log corpus extra runs
  name=$(basename "$src" .c)
  bin=$out/$name
  log=$out/$name.log
  if ! "$cc" "${cflags[@]}" -o "$bin" "$src" "${lib_obj[@]}" "${libs[@]}" >"$log" 2>&1; then
    echo "fuzz: $name: FAILED to build (see $log)"
    tail -n 20 "$log"
    return 1
  fi
  # New inputs go to a scratch corpus under build/; the seeds in the tree are
  # only read.
  corpus=("$out/corpus/$name")
  mkdir -p "$out/corpus/$name"
  while IFS= read -r seed; do
    [ -n "$seed" ] && cp "$seed" "$out/corpus/$name/tree-$(echo "$seed" | tr / _)"
  done < <(derived_seeds "$name")
  # Workbooks are written at each run, not kept in the tree.
  [ "$name" = fuzz_xlsx ] && python3 tests/fuzz/seed_xlsx.py "$out/corpus/$name"
  [ -d "tests/fuzz/corpus/$name" ] && corpus+=("tests/fuzz/corpus/$name")
  # The whole pipeline writes every output of each input: small inputs
  # keep it quick enough to explore.
  extra=()
  [ "$name" = fuzz_pipeline ] && extra=(-max_len=4096)
  if "$bin" -max_total_time="$time_limit" -timeout=10 -rss_limit_mb=2048 "${extra[@]}" \
       -artifact_prefix="$out/$name-" "${corpus[@]}" >>"$log" 2>&1; then
    runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -n 1 | grep -o '[0-9]*')
    echo "fuzz: $name: ok (${runs:-?} runs in ${time_limit}s)"
  else
    echo "fuzz: $name: FAILED: crash input saved as $out/$name-* (log: $log)"
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -n 10
    return 1
  fi
}

# The harnesses run side by side, one per processor: each is one process
# of libFuzzer, so make test's fuzzing takes the time of the slowest share
# instead of the sum.
jobs_max=$(nproc)
names=()
for src in "${harnesses[@]}"; do
  name=$(basename "$src" .c)
  [ -n "${FUZZ_ONLY:-}" ] && [ "$name" != "$FUZZ_ONLY" ] && continue
  while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
  (fuzz_one "$src" >"$out/$name.result" 2>&1; echo $? >"$out/$name.status") &
  names+=("$name")
done
wait
failed=0
for name in "${names[@]}"; do
  cat "$out/$name.result"
  [ "$(cat "$out/$name.status" 2>/dev/null)" = 0 ] || failed=1
done
exit $failed
