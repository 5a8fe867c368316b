# tests/npm.sh - sourced by the checks that take packages from the npm
# registry (check-sarif, check-junit, check-mermaid). Node and npm are not
# in the Makefile's DEB_PKGS because a machine may have them from elsewhere;
# when they are missing they come from Debian.

# npm_need WHO: make sure node and npm run; WHO names the check in the
# message when they cannot be installed. Returns 1 then.
npm_need() {
  command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 && return 0
  local sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null && return 0
  echo "$1: could not install nodejs and npm"
  return 1
}

# npm_install WHO DIR PKG...: the pinned packages into DIR, once: DIR is
# made again only when DIR/.installed does not list the same packages.
# Scripts are not run (--ignore-scripts); a check that needs one runs it
# itself. Returns 1, with npm's log, when the install fails.
npm_install() {
  local who=$1 dir=$2
  shift 2
  [ "$(cat "$dir/.installed" 2>/dev/null)" = "$*" ] && return 0
  rm -rf "$dir" && mkdir -p "$dir"
  if ! npm install --prefix "$dir" --no-save --no-audit --no-fund --ignore-scripts \
      --loglevel=error "$@" >"$dir/install.log" 2>&1; then
    cat "$dir/install.log"
    echo "$who: npm install failed"
    return 1
  fi
  echo "$*" >"$dir/.installed"
}
