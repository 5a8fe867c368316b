#!/usr/bin/env bash
# Build and install as a user does, in a copy of the tree (so that this
# tree's build is left alone): `make`, then `make install` with another
# PREFIX into a scratch DESTDIR. Then check what the user gets:
#  - the installed binary knows its PREFIX: built with the default, it was
#    rebuilt for the install, and alone in a directory where neither ./rules
#    nor a ruleset beside it exists, it looks for PREFIX/share/raci; installed
#    into a real PREFIX (no DESTDIR), it finds its ruleset there;
#  - installed, it runs from anywhere and finds the ruleset beside it;
#  - raci.1 renders without a warning and documents every option that
#    --help lists and every format;
#  - the bash completion offers every option and every format;
#  - make uninstall removes every file it installed.
set -u
cd "$(dirname "$0")/../.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/raci-install.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
dest=$work/dest
prefix=/opt/raci
fail() { echo "install: $*"; exit 1; }
in_copy() { make -C "$work/src" --no-print-directory -s "$@" >>"$work/make.log" 2>&1 ||
              { cat "$work/make.log"; fail "make $* failed"; }; }

mkdir -p "$work/src"
tar -C "$root" --exclude=./build --exclude=./output --exclude=./.git --exclude=./raci -cf - . |
  tar -C "$work/src" -xf - || fail "cannot copy the tree"
echo "install: make, then make install DESTDIR=... PREFIX=$prefix"
in_copy all
strings "$work/src/build/raci" | grep -q '^/usr/local/share/raci/rules' ||
  fail "a default build does not know /usr/local/share/raci"
in_copy install DESTDIR="$dest" PREFIX="$prefix"
bin=$dest$prefix/bin/raci
for f in "$bin" "$dest$prefix/share/raci/rules/default.yaml" \
         "$dest$prefix/share/man/man1/raci.1" \
         "$dest$prefix/share/bash-completion/completions/raci"; do
  [ -f "$f" ] || fail "missing $f"
done

# The installed binary knows PREFIX, and only it. Alone, with no ruleset
# beside it nor in ./rules, it says where it looked: PREFIX/share/raci.
strings "$bin" | grep -q "^$prefix/share/raci/rules" || fail "$bin does not know $prefix/share/raci"
strings "$bin" | grep -q '/usr/local/share/raci' && fail "$bin still knows /usr/local/share/raci"
mkdir -p "$work/alone/bin"
cp "$bin" "$work/alone/bin/raci"
(cd "$work/alone" && env -u RACI_RULES_DIR bin/raci --no-xlsx "$root/samples/startup.csv" \
   >"$work/out" 2>"$work/err")
st=$?
[ "$st" = 2 ] && grep -q "'$prefix/share/raci/rules/default.yaml'" "$work/err" ||
  { cat "$work/err"; fail "alone, raci exited $st without naming $prefix/share/raci/rules/default.yaml"; }

# Installed for real into a PREFIX (no DESTDIR), a copy of the binary
# anywhere finds the ruleset there.
real=$work/real
in_copy install PREFIX="$real"
cp "$real/bin/raci" "$work/alone/bin/raci"
(cd "$work/alone" && env -u RACI_RULES_DIR bin/raci --no-xlsx --fail-on never \
   "$root/samples/startup.csv" >"$work/out" 2>"$work/err") ||
  { cat "$work/err"; fail "raci installed into $real does not find its ruleset there"; }
cmp -s "$work/out" <(./raci --no-xlsx --fail-on never samples/startup.csv |
                     sed "s|^samples/|$root/samples/|") || fail "raci installed into $real differs"

# From a directory without rules/: the ruleset beside the binary is found.
mkdir -p "$work/elsewhere"
(cd "$work/elsewhere" && env -u RACI_RULES_DIR "$bin" --no-xlsx --fail-on never \
   "$root/samples/startup.csv" >"$work/out" 2>"$work/err") ||
  { cat "$work/err"; fail "the installed raci failed"; }
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

# The completion offers every option of --help, every format the parser
# takes (as its error message lists them), FORMAT= for --report, the rule
# ids after `rules`, and completes a prefix.
completion=$dest$prefix/share/bash-completion/completions/raci
comp() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _raci
           printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$bin" "$@" | sort -u
}
offered=$(comp --)
for opt in $("$bin" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
  grep -qx -- "$opt" <<<"$offered" || fail "the completion does not offer $opt"
done
formats=$("$bin" --format '?' x.csv 2>&1 | sed -n 's/.*(expected \(.*\))$/\1/p' |
          sed 's/,//g; s/ or / /' | tr ' ' '\n' | sort -u)
[ "$(wc -l <<<"$formats")" -ge 7 ] || fail "no formats in raci's message: '$formats'"
[ "$(comp --format '')" = "$formats" ] ||
  fail "the completion of --format gave '$(comp --format '' | tr '\n' ' ')'"
[ "$(comp --report '')" = "$(sed 's/$/=/' <<<"$formats")" ] ||
  fail "the completion of --report gave '$(comp --report '' | tr '\n' ' ')'"
[ "$(comp --form)" = "--format" ] || fail "the completion of --form gave '$(comp --form)'"
[ "$(comp --format sa)" = "sarif" ] || fail "the completion of --format sa gave '$(comp --format sa)'"
[ "$(comp rules single-acc)" = "single-accountable" ] ||
  fail "the completion of rules single-acc gave '$(comp rules single-acc)'"
# Under FORMATS, each format is a tag at the start of an indented line.
sed -n '/^FORMATS$/,/^[A-Z]/p' "$work/page.txt" >"$work/formats.txt"
for f in $formats; do
  grep -qE "^ {7}$f( |$)" "$work/formats.txt" || fail "raci.1 does not document the format $f"
done

in_copy uninstall DESTDIR="$dest" PREFIX="$prefix"
left=$(find "$dest" -type f | head)
[ -z "$left" ] || fail "uninstall left $left"
echo "install: 1 passed, 0 failed"
