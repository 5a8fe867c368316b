#!/usr/bin/env bash
# make install into a scratch DESTDIR, then check what a user gets:
#  - the installed binary runs from anywhere and finds its default ruleset
#    (no rules/ in the current directory);
#  - raci.1 renders without a warning and documents every option that
#    --help lists;
#  - the bash completion loads and completes an option and a format;
#  - make uninstall removes every file it installed.
set -u
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/raci-install.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
dest=$work/dest
prefix=/opt/raci
fail() { echo "install: $*"; exit 1; }

echo "install: make install DESTDIR=... PREFIX=$prefix"
make --no-print-directory -s install DESTDIR="$dest" PREFIX="$prefix" >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; fail "make install failed"; }
bin=$dest$prefix/bin/raci
for f in "$bin" "$dest$prefix/share/raci/rules/default.yaml" \
         "$dest$prefix/share/man/man1/raci.1" \
         "$dest$prefix/share/bash-completion/completions/raci"; do
  [ -f "$f" ] || fail "missing $f"
done

# From a directory without rules/: the ruleset beside the binary is found.
mkdir -p "$work/elsewhere"
(cd "$work/elsewhere" && "$bin" --no-xlsx --fail-on never "$root/samples/startup.csv" \
  >"$work/out" 2>"$work/err") || { cat "$work/err"; fail "the installed raci failed"; }
cmp -s "$work/out" <(./raci --no-xlsx --fail-on never samples/startup.csv |
                     sed "s|^samples/|$root/samples/|") ||
  { diff "$work/out" <(./raci --no-xlsx --fail-on never samples/startup.csv); fail "output differs"; }

# The man page: no groff warning, every --help option in it. groff comes
# from Debian's groff-base when missing (the Makefile's list is for the build).
if ! command -v groff >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    $SUDO apt-get install -y -qq --no-install-recommends groff-base >/dev/null ||
    fail "could not install groff-base"
fi
page=$dest$prefix/share/man/man1/raci.1
LC_ALL=C.UTF-8 MANWIDTH=80 groff -man -Tutf8 -ww -z "$page" 2>"$work/groff.err"
[ -s "$work/groff.err" ] && { cat "$work/groff.err"; fail "groff warns about raci.1"; }
LC_ALL=C.UTF-8 groff -man -Tutf8 -P-cbou "$page" 2>/dev/null >"$work/page.txt"
for opt in $("$bin" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
  grep -q -- "$opt" "$work/page.txt" || fail "raci.1 does not document $opt"
done
grep -q -- "$prefix/share/raci/rules/default.yaml" "$work/page.txt" ||
  fail "raci.1 does not name the installed ruleset"
grep -q '@[A-Z]*@' "$page" && fail "raci.1 has an unreplaced @PLACEHOLDER@"

# The completion: options, formats.
got=$(bash -c '
  source "$1"
  COMP_WORDS=("$2" --form); COMP_CWORD=1; _raci; echo "${COMPREPLY[*]}"
  COMP_WORDS=("$2" --format sa); COMP_CWORD=2; _raci; echo "${COMPREPLY[*]}"
' _ "$dest$prefix/share/bash-completion/completions/raci" "$bin")
[ "$got" = $'--format\nsarif' ] || fail "bash completion gave '$got'"

make --no-print-directory -s uninstall DESTDIR="$dest" PREFIX="$prefix" >/dev/null ||
  fail "make uninstall failed"
left=$(find "$dest" -type f | head)
[ -z "$left" ] || fail "uninstall left $left"
echo "install: 1 passed, 0 failed"
