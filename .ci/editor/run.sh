#!/usr/bin/env bash
# Real-editor check of the JSON Schemas (issue 24): bash .ci/editor/run.sh JAARCYCLUS [DATA]
#
# JAARCYCLUS is the binary to check (the release build); DATA the data root (default: the
# repository's data/). Drives the pinned yaml-language-server over stdio as VS Code does, over
# every file of DATA and a set of broken files, and compares its findings with
# `jaarcyclus check --format json` (see check.mjs). Installs what it needs when it is missing:
# nodejs/npm (apt-get, only if there is no node), then the pinned npm packages from
# package-lock.json with `npm ci`. Exits non-zero when the editor and check disagree.
set -euo pipefail

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  echo "usage: bash .ci/editor/run.sh JAARCYCLUS [DATA]" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
# Absolute paths, so that the cd below does not change what the arguments mean.
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
data="$(cd "${2:-$here/../../data}" && pwd)"

packages=()
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ "${#packages[@]}" -gt 0 ]; then
  echo "editor check: installing ${packages[*]} (apt-get)"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# The npm packages, exactly as locked. Skipped when node_modules was installed after the lock
# file last changed (npm writes node_modules/.package-lock.json on every install).
cd "$here"
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "editor check: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

node "$here/check.mjs" "$bin" "$data"
