# Shared by the extra checks (.ci/browser/run.sh, .ci/editor/run.sh); sourced, not run.

# install_missing LABEL PACKAGE…: installs the Debian packages given (none: nothing), with one
# apt-get update for all of them; as root directly, else with sudo.
install_missing() {
  local label="$1"
  shift
  [ "$#" -gt 0 ] || return 0
  echo "$label: installing $* (apt-get)"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}

# node_packages: node and npm when missing, as Debian package names (to pass to install_missing).
node_packages() {
  command -v node >/dev/null 2>&1 || echo nodejs
  command -v npm >/dev/null 2>&1 || echo npm
}

# npm_ci LABEL DIR: the npm packages of DIR exactly as locked. Skipped when node_modules was
# installed after the lock file last changed (npm writes node_modules/.package-lock.json on
# every install).
npm_ci() {
  local label="$1" dir="$2"
  if [ ! "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]; then
    echo "$label: npm ci"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
