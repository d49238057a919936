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

# shellcheck source=../lib.sh
. "$here/../lib.sh"
# Debian packages: only when something is missing, and one apt-get update for all of them.
packages=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || packages+=(chromium)
mapfile -t -O "${#packages[@]}" packages < <(node_packages)
install_missing "browser check" "${packages[@]}"
npm_ci "browser check" "$here"
cd "$here"

node "$here/check.mjs" "$out" "$artefacts"
