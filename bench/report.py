"""Figures, the results table (text and Markdown) and the machine they were measured on."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Final

START_MARK: Final = "<!-- bench:results:start -->"
END_MARK: Final = "<!-- bench:results:end -->"


@dataclass
class Figure:
    """One measured figure and, when it has one, its budget.

    Attributes:
        key: Stable identifier (``load.1000``, ``render.uncached.p95``).
        group: Heading the figure is listed under.
        name: What was measured, in words.
        value: The figure, in *unit*; None when it could not be measured.
        unit: ``s``, ``ms``, ``MiB``, ``×``, ``pages/s``.
        budget: The budget in words (``≤ 16 ms``); empty when there is none.
        passed: Whether the budget is met; None without a budget.
        detail: More numbers for the table (``327 pages/s, 5.1 KB/page``).
        extra: The same numbers for machines.
    """

    key: str
    group: str
    name: str
    value: float | None
    unit: str
    budget: str = ""
    passed: bool | None = None
    detail: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    def shown(self) -> str:
        if self.value is None:
            return "n/a"
        value = self.value
        if self.unit == "s":
            text = f"{value:.3f} s"
        elif self.unit == "ms":
            text = f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"
        elif self.unit == "MiB":
            text = f"{value:.0f} MiB"
        elif self.unit == "×":
            text = f"{value:.2f}×"
        else:
            text = f"{value:,.0f} {self.unit}"
        return text

    def verdict(self) -> str:
        if self.passed is None:
            return ""
        return "pass" if self.passed else "**FAIL**"


def budget(figure: Figure, limit: float, at_most: bool = True, text: str = "") -> Figure:
    """Attach a budget (``value ≤ limit``, or ``≥`` with *at_most* False) to *figure*."""
    sign = "≤" if at_most else "≥"
    space = "" if figure.unit == "×" else " "
    figure.budget = text or f"{sign} {limit:g}{space}{figure.unit}".rstrip()
    if figure.value is not None:
        figure.passed = figure.value <= limit if at_most else figure.value >= limit
    return figure


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, str]:
    """CPU, cores, OS, Python, PySide6 and Qt versions, date."""
    import PySide6
    from PySide6.QtCore import qVersion

    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "CPU": f"{cpu_model()} ({os.cpu_count()} cores)",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": sys.version.split()[0],
        "PySide6": PySide6.__version__,
        "Qt": qVersion(),
        "Date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "Load average at start": f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
    }


def text_table(figures: list[Figure]) -> str:
    """The results as one aligned plain-text table."""
    rows = [("Figure", "Value", "Budget", "Result", "Detail")]
    group = ""
    for fig in figures:
        if fig.group != group:
            group = fig.group
            rows.append((f"[{group}]", "", "", "", ""))
        verdict = fig.verdict().replace("*", "")
        rows.append((f"  {fig.name}", fig.shown(), fig.budget, verdict, fig.detail))
    widths = [max(len(row[c]) for row in rows if not row[0].startswith("[")) for c in range(5)]
    lines = [
        "  ".join(cell.ljust(widths[c]) for c, cell in enumerate(row)).rstrip() for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(figures: list[Figure]) -> str:
    lines = ["| Figure | Value | Budget | Result | Detail |", "| --- | --- | --- | --- | --- |"]
    group = ""
    for fig in figures:
        if fig.group != group:
            group = fig.group
            lines.append(f"| **{group}** | | | | |")
        lines.append(
            f"| {fig.name} | {fig.shown()} | {fig.budget} | {fig.verdict()} | {fig.detail} |"
        )
    return "\n".join(lines)


def summary(figures: list[Figure]) -> str:
    judged = [f for f in figures if f.passed is not None]
    failed = [f for f in judged if not f.passed]
    text = f"{len(judged) - len(failed)} of {len(judged)} budgets met"
    if failed:
        text += "; missed: " + ", ".join(f.name for f in failed)
    return text


def results_block(figures: list[Figure], info: dict[str, str], command: str) -> str:
    """The generated part of RESULTS.md (between the markers)."""
    facts = "\n".join(f"- {key}: {value}" for key, value in info.items())
    return (
        f"{START_MARK}\n"
        f"<!-- Generated by `{command}`; edit outside these markers only. -->\n\n"
        f"{facts}\n\n"
        f"{markdown_table(figures)}\n\n"
        f"{summary(figures)}.\n"
        f"{END_MARK}"
    )


def write_results(path: Path, figures: list[Figure], info: dict[str, str], command: str) -> None:
    """Write the table into *path*, keeping any text outside the generated block."""
    block = results_block(figures, info, command)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if START_MARK in old and END_MARK in old:
        head, rest = old.split(START_MARK, 1)
        tail = rest.split(END_MARK, 1)[1]
        text = head + block + tail
    else:
        text = f"# Benchmark results\n\n{block}\n"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def as_json(figures: list[Figure], info: dict[str, str]) -> dict[str, Any]:
    return {"machine": info, "figures": [asdict(f) for f in figures]}
