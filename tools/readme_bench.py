"""Copy the budget rows of bench/RESULTS.md into the README's Speed table.

Run after ``python -m bench``: ``python tools/readme_bench.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LABELS = (
    ("main window, bundled deck", "cold start to first slide, bundled deck"),
    ("main window ÷ bare window", "cold start ÷ bare PySide6 window"),
    ("1000 slides", "load and validate 1,000 slides"),
    ("uncached (layout + paint)", "render 1920×1080 uncached"),
    ("cached (image hit + blit)", "render cached"),
    ("slides, bundled deck", "export slides, bundled deck"),
    ("slides, 300 slides: speed", "export slides, 300 slides"),
    ("slides: cost per slide", "export slides: cost per slide"),
    ("notes: cost per slide", "export notes: cost per slide"),
    ("handout: cost per slide", "export handout: cost per slide"),
    ("advance to the next slide", "main window: next slide"),
    ("jump to a slide not shown yet", "main window: jump to an unseen slide"),
    ("open: cost per slide", "open in main window: cost per slide"),
    ("load: cost per slide", "load: cost per slide"),
    ("Marp ÷ ours", "Marp CLI time ÷ our export time (--layout slides)"),
    ("our peak RSS", "export peak RSS, side by side with Marp"),
)


def rows(results: str) -> list[str]:
    block = results.split("<!-- bench:results:start -->", 1)[1].split("<!-- bench:results:end", 1)[
        0
    ]
    out = []
    for line in block.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 4 or not ("≤" in cells[2] or "≥" in cells[2]):
            continue
        name = cells[0]
        for old, new in LABELS:
            if name.startswith(old):
                name = new + name[len(old) :]
                break
        out.append(f"| {name} | {cells[1]} | {cells[2]} | {cells[3]} |")
    return out


def main() -> int:
    results = (ROOT / "bench" / "RESULTS.md").read_text(encoding="utf-8")
    date = re.search(r"- Date: (\S+)", results)
    readme_path = ROOT / "README.md"
    readme = readme_path.read_text(encoding="utf-8")
    head = "| figure | value | budget | result |\n| --- | --- | --- | --- |\n"
    start = readme.index(head) + len(head)
    end = readme.index("\n\n", start)
    readme = readme[:start] + "\n".join(rows(results)) + readme[end:]
    if date:
        readme = re.sub(r"\(AMD EPYC, 2 cores; [^)]*\)", f"(AMD EPYC, 2 cores; {date[1]})", readme)
    readme_path.write_text(readme, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
