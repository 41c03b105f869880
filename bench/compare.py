"""Compare two runs: ``python -m bench.compare BEFORE.json AFTER.json [--all]``.

Prints a Markdown table of the figures both runs reported whose value changed by more than
10 % (every figure with ``--all``), with their budget verdicts before and after. The JSON files
come from ``python -m bench --json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.report import Figure

THRESHOLD = 0.10


def _figures(path: Path) -> dict[str, Figure]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {f["key"]: Figure(**f) for f in data["figures"]}


def _verdict(figure: Figure) -> str:
    return {None: "", True: "pass", False: "FAIL"}[figure.passed]


def compare(before: dict[str, Figure], after: dict[str, Figure], every: bool = False) -> str:
    """The Markdown table of changed figures (all figures with *every*)."""
    lines = [
        "| Figure | Before | After | Change | Budget |",
        "| --- | --- | --- | --- | --- |",
    ]
    for key, new in after.items():
        old = before.get(key)
        if old is None or old.value is None or new.value is None:
            continue
        change = (new.value - old.value) / old.value if old.value else 0.0
        if not every and abs(change) <= THRESHOLD:
            continue
        verdicts = f"{_verdict(old)} → {_verdict(new)}" if new.budget else ""
        lines.append(
            f"| {new.name} | {old.shown()} | {new.shown()} | {change:+.0%} | "
            f"{new.budget} {verdicts} |".replace("  |", " |")
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    paths = [a for a in argv if not a.startswith("--")]
    if len(paths) != 2:
        print("usage: python -m bench.compare BEFORE.json AFTER.json [--all]", file=sys.stderr)
        return 2
    print(compare(_figures(Path(paths[0])), _figures(Path(paths[1])), "--all" in argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
