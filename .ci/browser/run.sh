#!/usr/bin/env bash
# Real-browser check of the static site (issue 16): bash .ci/browser/run.sh OUT ARTEFACTS_DIR
#
# OUT is a folder written by `jaarcyclus build` (it checks OUT/*/site/**/*.html); screenshots and
# a JSON report go to ARTEFACTS_DIR. Installs what it needs when it is missing, as root on a fresh
# Debian machine: Debian's chromium (and nodejs/npm only if there is no node), then the pinned
# npm packages from package-lock.json with `npm ci`. Exits non-zero when the check fails.
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: bash .ci/browser/run.sh OUT ARTEFACTS_DIR" >&2
  exit 2
fi
# Absolute paths, so that the cd below does not change what the arguments mean.
out="$(cd "$1" && pwd)"
mkdir -p "$2"
artefacts="$(cd "$2" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"

# Debian packages: only when something is missing, and one apt-get update for all of them.
packages=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || packages+=(chromium)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ "${#packages[@]}" -gt 0 ]; then
  echo "browser check: installing ${packages[*]} (apt-get)"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# The npm packages, exactly as locked. Skipped when node_modules was installed after the lock
# file last changed (npm writes node_modules/.package-lock.json on every install).
cd "$here"
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "browser check: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

node "$here/check.mjs" "$out" "$artefacts"
