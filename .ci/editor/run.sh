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

# shellcheck source=../lib.sh
. "$here/../lib.sh"
mapfile -t packages < <(node_packages)
install_missing "editor check" "${packages[@]}"
npm_ci "editor check" "$here"
cd "$here"

node "$here/check.mjs" "$bin" "$data"
