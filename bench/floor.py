"""The floor of `jaarcyclus build`: the sources it typeset (written by `--emit-typst DIR`),
compiled one after another by the PyPI `typst` package in this one Python process.

Usage: python3 bench/floor.py DIR [PEILDATUM]   (DIR holds <document>/main.typ and fonts/)
"""

import datetime
import os
import sys

import typst


def main() -> None:
    root = sys.argv[1]
    day = datetime.date.fromisoformat(sys.argv[2] if len(sys.argv) > 2 else "2026-11-29")
    stamp = int(datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc).timestamp())
    fonts = [os.path.join(root, "fonts")]
    docs = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "main.typ")))
    if not docs:
        sys.exit(f"geen <document>/main.typ in {root}")
    for doc in docs:
        base = os.path.join(root, doc)
        pdf = typst.compile(
            os.path.join(base, "main.typ"),
            root=base,
            font_paths=fonts,
            ignore_system_fonts=True,
            pdf_standards=["a-2b", "ua-1"],
            timestamp=stamp,
        )
        if not pdf.startswith(b"%PDF"):
            sys.exit(f"{doc}: geen PDF")


if __name__ == "__main__":
    main()
