"""Prints the Markdown table of bench/run.sh from its scratch directory.

Usage: python3 bench/report.py DIR   (DIR holds json/, mem/, pages/ and machine)
"""

import json
import os
import sys

LABELS = [
    ("check-scoped", "`check --organisatie geonovum` (standaardgegevens)", "≤ 20 ms"),
    ("check-default", "`check` (standaardgegevens)", "≤ 50 ms"),
    ("build-default", "`build` (standaardgegevens, 3 pdf's)", "≤ 1,25 × vloer"),
    ("floor", "vloer: typst (PyPI) zet dezelfde bronnen na elkaar, één proces", ""),
    ("check-10", "`check` 10 partijen × 50 regels", ""),
    ("check-100", "`check` 100 partijen × 50 regels", ""),
    ("check-1000", "`check` 1000 partijen × 50 regels", "≤ 2 s en ≤ 12 × 100"),
    ("build-10", "`build` 10 partijen × 50 regels", ""),
    ("build-100", "`build` 100 partijen × 50 regels", ""),
    ("build-1000", "`build` 1000 partijen × 50 regels", "≤ 0,8 × vloer en ≤ 500 MB"),
    ("floor-1000", "vloer 1000 partijen: typst (PyPI) op dezelfde bronnen", ""),
    ("build-1000x5", "`build` 1000 partijen × 5 regels (tweede vorm)", "≤ 1,0 × vloer"),
    ("floor-1000x5", "vloer 1000 partijen × 5 regels", ""),
    ("build-8000", "`build` 1 partij × 8000 regels", "≤ 3 s en ≤ 400 MB"),
    ("floor-8000", "vloer 1 partij × 8000 regels", ""),
    ("build-unchanged", "`build` ongewijzigd (standaardgegevens, schrijft niets)", "≤ 50 ms"),
]


def load(root, name):
    path = os.path.join(root, "json", name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)["results"][0]


def read(root, sub, name):
    path = os.path.join(root, sub, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return f.read().strip()


def secs(s):
    if s < 0.1:
        return f"{s * 1000:.1f} ms".replace(".", ",")
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s".replace(".", ",")


def dec(x, digits):
    return f"{x:.{digits}f}".replace(".", ",")


def mb(kb):
    return f"{int(kb) / 1024:.0f} MB" if kb else "–"


def ok(flag):
    return "ja" if flag else "**nee**"


def read_timings(root, name):
    """Per stage of `--timings`: (seconds, peak kB or None)."""
    text = read(root, ".", name)
    out = {}
    for line in (text or "").splitlines():
        if ":" not in line:
            continue
        stage, rest = line.split(":", 1)
        words = rest.split()
        try:
            t = float(words[0]) / 1000
        except (IndexError, ValueError):
            continue
        peak = int(words[words.index("piek") + 1]) * 1024 if "piek" in words else None
        out[stage.strip()] = (t, peak)
    return out


def main():
    root = sys.argv[1]
    r = {name: load(root, name) for name, _, _ in LABELS}
    med = {k: v["median"] for k, v in r.items() if v}
    verdict = {
        "check-scoped": "check-scoped" in med and med["check-scoped"] <= 0.020,
        "check-default": "check-default" in med and med["check-default"] <= 0.050,
        "build-default": "floor" in med and "build-default" in med and med["build-default"] <= 1.25 * med["floor"],
        "check-1000": "check-100" in med
        and "check-1000" in med
        and med["check-1000"] <= 2.0
        and med["check-1000"] <= 12 * med["check-100"],
        "build-1000": "build-1000" in med
        and "floor-1000" in med
        and med["build-1000"] <= 0.8 * med["floor-1000"]
        and int(read(root, "mem", "build-1000") or 10**9) <= 500 * 1024,
        "build-1000x5": "build-1000x5" in med and "floor-1000x5" in med and med["build-1000x5"] <= 1.0 * med["floor-1000x5"],
        "build-8000": "build-8000" in med
        and med["build-8000"] <= 3.0
        and int(read(root, "mem", "build-8000") or 10**9) <= 400 * 1024,
        "build-unchanged": "build-unchanged" in med and med["build-unchanged"] <= 0.050,
    }
    print("| meting | mediaan | min – max | runs | cpu (user + sys) | piekgeheugen | doel | gehaald |")
    print("|---|---:|---:|---:|---:|---:|---|---|")
    for name, label, goal in LABELS:
        v = r[name]
        mem = mb(read(root, "mem", name))
        if v is None:
            skipped = read(root, ".", "skipped-build-1000") if name == "build-1000" else None
            note = "niet gemeten"
            if skipped:
                need, avail = (int(x) for x in skipped.split())
                note += f" (geschat {need / 1024 / 1024:.0f} GB geheugen nodig, {avail / 1024 / 1024:.0f} GB vrij)"
            print(f"| {label} | {note} | | | | | {goal} | |")
            continue
        cpu = v["user"] + v["system"]
        span = f"{secs(v['min'])} – {secs(v['max'])}"
        flag = ok(verdict[name]) if name in verdict else ""
        print(f"| {label} | {secs(v['median'])} | {span} | {len(v['times'])} | {secs(cpu)} | {mem} | {goal} | {flag} |")
    print()
    if "build-default" in med and "floor" in med:
        print(f"- build / vloer (standaardgegevens): **{dec(med['build-default'] / med['floor'], 2)}**")
    for big in ("1000", "1000x5", "8000"):
        if f"build-{big}" in med and f"floor-{big}" in med:
            print(f"- build / vloer ({big}): **{dec(med[f'build-{big}'] / med[f'floor-{big}'], 2)}**")
    for name, label in (
        ("timings-1000", "1000 partijen × 50, over een bestaande uitvoer"),
        ("timings-1000-fresh", "1000 partijen × 50, in een lege map"),
        ("timings-1000x5", "1000 partijen × 5, in een lege map"),
    ):
        phases = read_timings(root, name)
        if not phases:
            continue
        if name == "timings-1000" and "write" in phases:
            secs_w = phases["write"][0]
            print(f"- schrijffase 1000 partijen (`--timings`): **{secs(secs_w)}** (doel ≤ 0,3 s: {ok(secs_w <= 0.3)})")
        if "site (naast zetten)" in phases and "totaal" in phases:
            share = phases["site (naast zetten)"][0] / phases["totaal"][0]
            print(f"- website {label}: {secs(phases['site (naast zetten)'][0])} naast het zetten, {dec(100 * share, 0)} % van de totale tijd")
        fases = ", ".join(f"{k} {secs(t)}" + (f" (piek {mb(p)})" if p else "") for k, (t, p) in phases.items())
        print(f"- fasen {label}: {fases}")
    jr = read(root, "mem", "floor-1000-jaarrekening")
    if jr:
        print(f"- piekgeheugen van typst (PyPI) alleen, jaarrekening 1000 partijen: **{mb(jr)}**")
    seq = read(root, "mem", "build-1000-seq")
    if seq:
        print(f"- piekgeheugen 1000 partijen, één document tegelijk (`JAARCYCLUS_ZETTERS=1`): **{mb(seq)}**")
    if "check-1000" in med and "check-100" in med:
        print(f"- check 1000 / check 100: **{dec(med['check-1000'] / med['check-100'], 1)}×**")
    peak = read(root, "mem", "build-default")
    if peak:
        print(f"- piekgeheugen `build` standaardgegevens: **{mb(peak)}** (doel ≤ 300 MB: {ok(int(peak) <= 300 * 1024)})")
    pages = []
    for name in ("build-default", "build-10", "build-100", "build-1000", "build-1000x5", "build-8000"):
        text = read(root, "pages", name)
        if text:
            counts = ", ".join(f"{doc.split('-')[0]} {n}" for doc, n in (line.split() for line in text.splitlines()))
            size = name.removeprefix("build-").replace("default", "standaardgegevens")
            if size == "8000":
                size = "1 partij × 8000 regels"
            elif size == "1000x5":
                size = "1000 partijen × 5 regels"
            elif size != "standaardgegevens":
                size += " partijen"
            pages.append(f"{size}: {counts}")
    if pages:
        print(f"- pagina's per document: {'; '.join(pages)}")
    machine = read(root, ".", "machine")
    if machine:
        print(f"- machine: {machine.replace(chr(10), '; ')}")


if __name__ == "__main__":
    main()
