#!/usr/bin/env bash
# The PDF/UA-1 check (README, "Toegankelijke PDF's"): run the independent validator `outloud`
# (PyPI, pinned in requirements.txt, in its own virtual environment) over every PDF under OUT —
# a default `build` and `stukken` — and fail on any error. Warnings are reported, not fatal;
# the JSON report goes to ARTEFACTS/pdfua.json. Its last lines are the summary per file.
#
#   bash .ci/pdfua/run.sh OUT [ARTEFACTS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"
out="$1"
artefacts="${2:-ci-artefacts}"
venv="$here/.venv"

if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  install_missing "pdfua" python3-venv
fi
if [ ! "$venv/.installed" -nt "$here/requirements.txt" ]; then
  echo "pdfua: pip install -r requirements.txt"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt"
  touch "$venv/.installed"
fi

mapfile -t pdfs < <(find "$out" -name '*.pdf' | sort)
if [ "${#pdfs[@]}" -lt 14 ]; then
  echo "pdfua: expected the 14 PDFs of a default build and meeting pack, found ${#pdfs[@]}" >&2
  exit 1
fi
mkdir -p "$artefacts"
"$venv/bin/outloud" --no-info --fail-on error --json "$artefacts/pdfua.json" "${pdfs[@]}"
