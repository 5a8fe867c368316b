#!/usr/bin/env bash
# The build's dependencies are all in the Makefile's DEB_PKGS, so that
# `make deps` (and so `make run` and `make test`) on a bare Debian installs
# everything the build needs. Checked:
#   - every library on the link line (LDLIBS, which holds `pkg-config --libs`
#     of PKGS and -lcsv, and the unit tests' -lcmocka): the libfoo.so the
#     linker would take for -lfoo (as `cc -print-file-name` finds it);
#   - every pkg-config module of PKGS: its .pc file;
#   - every header directory of CPPFLAGS outside the tree (pkg-config's -I);
#   - every header the sources include with <...>, as the compiler's search
#     path finds it, except the compiler's own (stddef.h and the like come
#     with gcc);
# each must belong to (`dpkg -S`) a package DEB_PKGS lists. Then the check
# proves it can fail: against DEB_PKGS without each package it relies on,
# it must fail and name that package.
#
# The lists come from the Makefile (make print-deb-pkgs, print-link-libs,
# print-pkgs, print-cppflags, print-cc), never from here.
set -u
cd "$(dirname "$0")/../.."
root=$(pwd)
fail() { echo "deps: $*"; exit 1; }
command -v dpkg >/dev/null 2>&1 || fail "dpkg not found: this check is for Debian and Ubuntu"

mk() { make -s --no-print-directory "$1"; }
deb_pkgs=$(mk print-deb-pkgs) || fail "make print-deb-pkgs failed"
link_libs=$(mk print-link-libs) || fail "make print-link-libs failed"
pc_pkgs=$(mk print-pkgs) || fail "make print-pkgs failed"
cppflags=$(mk print-cppflags) || fail "make print-cppflags failed"
cc=$(mk print-cc) || fail "make print-cc failed"
[ -n "$deb_pkgs" ] && [ -n "$link_libs" ] || fail "the Makefile gave no DEB_PKGS or LDLIBS"

# The packages that own a path, one per line, without the architecture.
# Debian's merged /usr registers some files under /lib and others under
# /usr/lib: both spellings are tried.
owners() {
  local p=$1 alt
  case $p in /usr/lib/*) alt=${p#/usr} ;; /lib/*) alt=/usr$p ;; *) alt= ;; esac
  { dpkg -S "$p" 2>/dev/null || { [ -n "$alt" ] && dpkg -S "$alt" 2>/dev/null; }; } |
    grep -v '^diversion' | sed 's|: /.*||' | tr ',' '\n' | sed 's/^ *//; s/:.*//' | sort -u
}

# What the build takes from the system, one line each: "WHAT<TAB>OWNERS"
# (owners separated by spaces; empty when no package owns it).
reqs=$(mktemp "${TMPDIR:-/tmp}/raci-deps.XXXXXX") || exit 2
trap 'rm -f "$reqs"' EXIT
need() { printf '%s\t%s\n' "$1" "$(owners "$2" | paste -sd' ')" >>"$reqs"; }
broken=0

# Libraries.
for flag in $link_libs; do
  case $flag in -l*) ;; *) continue ;; esac
  lib=${flag#-l}
  so=$($cc -print-file-name="lib$lib.so")
  if [ "$so" = "lib$lib.so" ]; then
    echo "deps: $flag: the linker finds no lib$lib.so (its -dev package is not installed;" \
      "install it and add it to DEB_PKGS)"
    broken=1
    continue
  fi
  need "$flag ($(realpath -s "$so"))" "$(realpath -s "$so")"
done

# pkg-config modules.
for mod in $pc_pkgs; do
  dir=$(pkg-config --variable=pcfiledir "$mod" 2>/dev/null)
  if [ -z "$dir" ] || [ ! -f "$dir/$mod.pc" ]; then
    echo "deps: pkg-config knows no '$mod' (its -dev package is not installed)"
    broken=1
    continue
  fi
  need "pkg-config $mod ($dir/$mod.pc)" "$(realpath -s "$dir/$mod.pc")"
done

# Header directories.
for flag in $cppflags; do
  case $flag in -I/*) need "header directory ${flag#-I}" "${flag#-I}" ;; esac
done

# Headers, found along the compiler's search path; those in the tree and
# the compiler's own are not the system's packages' business.
# shellcheck disable=SC2086
search=$($cc $cppflags -xc -E -v /dev/null 2>&1 >/dev/null |
         sed -n '/^#include <...> search starts here:/,/^End of search list/p' | sed -n 's/^ //p')
own=$($cc -print-search-dirs | sed -n 's/^install: //p')
headers=$(cat src/*/*.c include/raci/*.h tests/unit/*.[ch] tools/*.c tests/fuzz/*.c 2>/dev/null |
          sed -n 's/^# *include *<\([^>]*\)>.*/\1/p' | sort -u)
for h in $headers; do
  found=
  for d in $search; do
    [ -f "$d/$h" ] && { found=$(realpath -s "$d/$h"); break; }
  done
  if [ -z "$found" ]; then
    echo "deps: <$h> is not on the compiler's search path (its -dev package is not installed)"
    broken=1
    continue
  fi
  case $found in "$root"/* | "$own"*) continue ;; esac
  need "<$h> ($found)" "$found"
done
[ "$broken" = 0 ] || fail "the build cannot find all it needs"

# check LIST: every requirement is owned by a package of LIST; prints each
# that is not, with the package that owns it, and fails then.
check() {
  local list=" $1 " bad=0 what who ok p
  while IFS=$'\t' read -r what who; do
    ok=0
    for p in $who; do
      case $list in *" $p "*) ok=1; break ;; esac
    done
    if [ "$ok" = 0 ]; then
      echo "deps: $what comes from ${who:-no package}, which DEB_PKGS does not list"
      bad=1
    fi
  done <"$reqs"
  return $bad
}

check "$deb_pkgs" || fail "add the packages named above to DEB_PKGS in the Makefile"

# The check fails, and names the package, without any one it relies on:
# the packages that are the only listed owner of something.
relied=$(cut -f2 "$reqs" | while read -r who; do
  listed=$(for p in $who; do case " $deb_pkgs " in *" $p "*) echo "$p" ;; esac; done)
  [ "$(wc -w <<<"$listed")" = 1 ] && echo "$listed"
done | sort -u)
[ -n "$relied" ] || fail "no requirement rests on one package: nothing to prove the check with"
for p in $relied; do
  without=$(tr ' ' '\n' <<<"$deb_pkgs" | grep -vx -- "$p" | tr '\n' ' ')
  out=$(check "$without") && fail "the check passes with DEB_PKGS less $p: it proves nothing"
  grep -q -- "comes from .*\\b$p\\b" <<<"$out" || fail "without $p the check does not name it: $out"
done
echo "deps: $(wc -l <"$reqs") libraries, modules and headers from DEB_PKGS;" \
  "the check fails without any of $(wc -w <<<"$relied") packages"
