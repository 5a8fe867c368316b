# The bash completion, tried with bash itself: standard input is what
# `raci --help-completion` prints (golden case completion-bash). Each line
# of output is the words typed, then what <TAB> offers, one per line.
# shellcheck disable=SC1090
source /dev/stdin
complete -p raci >/dev/null || { echo "no completion for raci"; exit 1; }
try() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _raci 2>/dev/null
  echo "\$ $*<TAB>"
  printf '  %s\n' "${COMPREPLY[@]}" | sort
}
try raci rules po-
try raci rules span
try raci rules --rules rules/default.yaml self-
try raci --format j
try raci --format sa
try raci --report g
try raci --report sarif=samples/st
try raci --select single-accountable,pm-
try raci --ignore un
try raci --color a
try raci --fail-on w
try raci di
try raci samples/st
try raci --no-xlsx --q
