#!/usr/bin/env bash
# Times whole `jaarcyclus` processes with hyperfine and prints a Markdown table (bench/report.py).
#
#   bench/run.sh            from a clean clone: builds the release binary and the generator,
#                           installs what it needs (hyperfine, GNU time and poppler-utils via
#                           apt, the PyPI `typst` package into bench/.tools/py) and measures.
#
# Environment: BENCH_DIR (scratch space, default /tmp/jaarcyclus-bench), BENCH_BUILD_1000
# (auto | always | never; auto builds the 1000-party tree only when the memory extrapolated from
# the 100-party build is available), CARGO_TARGET_DIR (as for cargo).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS=$ROOT/bench/.tools
WORK=${BENCH_DIR:-/tmp/jaarcyclus-bench}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
PEIL=2026-11-29
LINES=50
SEED=1
BIG=${BENCH_BUILD_1000:-auto}

say() { printf '%s\n' "$*" >&2; }

apt_install() { # package...
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get install -y "$@" >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$@" >/dev/null; }
}

command -v hyperfine >/dev/null || { say "hyperfine installeren…"; apt_install hyperfine; }
[ -x /usr/bin/time ] || { say "GNU time installeren…"; apt_install time; }
command -v pdfinfo >/dev/null || { say "poppler-utils installeren…"; apt_install poppler-utils; }
command -v python3 >/dev/null || { say "python3 installeren…"; apt_install python3 python3-pip; }
if ! PYTHONPATH=$TOOLS/py python3 -c 'import typst' 2>/dev/null; then
    say "PyPI-pakket typst installeren in bench/.tools/py…"
    python3 -m pip install --quiet --target "$TOOLS/py" typst
fi

say "release bouwen…"
cargo build --release --quiet --bin jaarcyclus --example gendata
BIN=$TARGET/release/jaarcyclus
GEN=$TARGET/release/examples/gendata

rm -rf "$WORK"
mkdir -p "$WORK/json" "$WORK/mem" "$WORK/pages"
echo "$(nproc) kernen, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(($(grep MemTotal /proc/meminfo | awk '{print $2}') / 1024 / 1024)) GB; belasting vooraf: $(cut -d' ' -f1-3 /proc/loadavg)" >"$WORK/machine"

for n in 10 100 1000; do
    say "boom genereren: $n partijen × $LINES regels…"
    "$GEN" "$WORK/gen-$n" "$n" "$LINES" "$SEED" >/dev/null
done
# The second shape (issue 29): many parties with few lines each, three documents.
say "boom genereren: 1000 partijen × 5 regels…"
"$GEN" "$WORK/gen-1000x5" 1000 5 "$SEED" >/dev/null
say "boom genereren: 1 partij × 8000 regels…"
"$GEN" "$WORK/gen-one-8000" 1 8000 "$SEED" >/dev/null

# time NAME RUNS WARMUP COMMAND: hyperfine's medians to json/NAME.json.
time_it() {
    local name=$1 runs=$2 warmup=$3
    shift 3
    say "meten: $name"
    hyperfine -N --style none --runs "$runs" --warmup "$warmup" --export-json "$WORK/json/$name.json" "$*" >/dev/null
}

# peak NAME COMMAND: maximum resident set size in kB (one extra run under GNU time).
peak() {
    local name=$1
    shift
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}' >"$WORK/mem/$name"
}

# pages NAME OUTDIR: page counts of the PDFs a build wrote.
pages() {
    for pdf in "$2"/*/*.pdf; do
        printf '%s %s\n' "$(basename "$pdf" .pdf)" "$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
    done >"$WORK/pages/$1"
}

# Every build but the unchanged one says --opnieuw: without it, the runs after the first find
# their inputs unchanged since the last manifest and write nothing.
time_it check-scoped 30 3 "$BIN" check --data data --organisatie geonovum --peildatum $PEIL
time_it check-default 30 3 "$BIN" check --data data --peildatum $PEIL
time_it build-default 10 1 "$BIN" build --data data --out "$WORK/out-default" --peildatum $PEIL --opnieuw
peak build-default "$BIN" build --data data --out "$WORK/out-default" --peildatum $PEIL --opnieuw
pages build-default "$WORK/out-default"

# The floor: the same sources, written by --emit-typst, compiled by the PyPI typst package one
# after another in one Python process.
"$BIN" build --data data --out "$WORK/out-emit" --peildatum $PEIL --emit-typst "$WORK/emit" >/dev/null
time_it floor 10 1 env PYTHONPATH="$TOOLS/py" python3 "$ROOT/bench/floor.py" "$WORK/emit" $PEIL

time_it check-10 10 1 "$BIN" check --data "$WORK/gen-10" --peildatum $PEIL
time_it check-100 10 1 "$BIN" check --data "$WORK/gen-100" --peildatum $PEIL
time_it check-1000 5 1 "$BIN" check --data "$WORK/gen-1000" --peildatum $PEIL
peak check-1000 "$BIN" check --data "$WORK/gen-1000" --peildatum $PEIL

time_it build-10 3 0 "$BIN" build --data "$WORK/gen-10" --out "$WORK/out-10" --peildatum $PEIL --opnieuw
peak build-10 "$BIN" build --data "$WORK/gen-10" --out "$WORK/out-10" --peildatum $PEIL --opnieuw
pages build-10 "$WORK/out-10"
time_it build-100 3 0 "$BIN" build --data "$WORK/gen-100" --out "$WORK/out-100" --peildatum $PEIL --opnieuw
peak build-100 "$BIN" build --data "$WORK/gen-100" --out "$WORK/out-100" --peildatum $PEIL --opnieuw
pages build-100 "$WORK/out-100"

# Issue 15: one party with 8,000 budget lines (bounded documents), with its floor.
time_it build-8000 3 0 "$BIN" build --data "$WORK/gen-one-8000" --out "$WORK/out-8000" --peildatum $PEIL --opnieuw
peak build-8000 "$BIN" build --data "$WORK/gen-one-8000" --out "$WORK/out-8000" --peildatum $PEIL --opnieuw
pages build-8000 "$WORK/out-8000"
"$BIN" build --data "$WORK/gen-one-8000" --out "$WORK/out-8000e" --peildatum $PEIL --emit-typst "$WORK/emit-8000" >/dev/null
time_it floor-8000 3 0 env PYTHONPATH="$TOOLS/py" python3 "$ROOT/bench/floor.py" "$WORK/emit-8000" $PEIL
# An unchanged rebuild writes nothing (out-default is up to date from the runs above).
time_it build-unchanged 20 2 "$BIN" build --data data --out "$WORK/out-default" --peildatum $PEIL

# Typesetting grows linearly with the tree (pages and memory): the 1000-party build needs about
# ten times the 100-party peak. Run it only where that fits, so as not to take down the machine.
need=$(($(cat "$WORK/mem/build-100") * 10 * 12 / 10))
avail=$(awk '/MemAvailable/ {print $2}' /proc/meminfo)
if [ "$BIG" = always ] || { [ "$BIG" = auto ] && [ "$need" -lt "$avail" ]; }; then
    time_it build-1000 3 0 "$BIN" build --data "$WORK/gen-1000" --out "$WORK/out-1000" --peildatum $PEIL --opnieuw
    peak build-1000 "$BIN" build --data "$WORK/gen-1000" --out "$WORK/out-1000" --peildatum $PEIL --opnieuw
    pages build-1000 "$WORK/out-1000"
    # The phases (--timings, on stderr): the write phase has a target of its own.
    "$BIN" build --data "$WORK/gen-1000" --out "$WORK/out-1000" --peildatum $PEIL --opnieuw --timings 2>"$WORK/timings-1000" >/dev/null
    rm -rf "$WORK/out-1000-fresh"
    "$BIN" build --data "$WORK/gen-1000" --out "$WORK/out-1000-fresh" --peildatum $PEIL --timings 2>"$WORK/timings-1000-fresh" >/dev/null
    JAARCYCLUS_ZETTERS=1 peak build-1000-seq "$BIN" build --data "$WORK/gen-1000" --out "$WORK/out-1000" --peildatum $PEIL --opnieuw
    "$BIN" build --data "$WORK/gen-1000" --out "$WORK/out-1000e" --peildatum $PEIL --emit-typst "$WORK/emit-1000" >/dev/null
    time_it floor-1000 1 0 env PYTHONPATH="$TOOLS/py" python3 "$ROOT/bench/floor.py" "$WORK/emit-1000" $PEIL
    # Typst's own peak on the largest document alone (the jaarrekening): the half of the build's
    # peak that is not ours.
    mkdir -p "$WORK/emit-1000-jr" && ln -sfn "$WORK/emit-1000/fonts" "$WORK/emit-1000-jr/fonts"
    ln -sfn "$WORK/emit-1000/jaarrekening" "$WORK/emit-1000-jr/jaarrekening"
    peak floor-1000-jaarrekening env PYTHONPATH="$TOOLS/py" python3 "$ROOT/bench/floor.py" "$WORK/emit-1000-jr" $PEIL
    # The second shape: 1000 parties × 5 lines.
    time_it build-1000x5 3 0 "$BIN" build --data "$WORK/gen-1000x5" --out "$WORK/out-1000x5" --peildatum $PEIL --opnieuw
    peak build-1000x5 "$BIN" build --data "$WORK/gen-1000x5" --out "$WORK/out-1000x5" --peildatum $PEIL --opnieuw
    pages build-1000x5 "$WORK/out-1000x5"
    rm -rf "$WORK/out-1000x5-fresh"
    "$BIN" build --data "$WORK/gen-1000x5" --out "$WORK/out-1000x5-fresh" --peildatum $PEIL --timings 2>"$WORK/timings-1000x5" >/dev/null
    "$BIN" build --data "$WORK/gen-1000x5" --out "$WORK/out-1000x5e" --peildatum $PEIL --emit-typst "$WORK/emit-1000x5" >/dev/null
    time_it floor-1000x5 3 0 env PYTHONPATH="$TOOLS/py" python3 "$ROOT/bench/floor.py" "$WORK/emit-1000x5" $PEIL
else
    say "build 1000 overgeslagen: geschat $((need / 1024 / 1024)) GB nodig, $((avail / 1024 / 1024)) GB beschikbaar"
    echo "$need $avail" >"$WORK/skipped-build-1000"
fi

echo "belasting achteraf: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$WORK/machine"
python3 "$ROOT/bench/report.py" "$WORK"
