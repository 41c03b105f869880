"""Hand-over exports measured whole-process: ``tianjin-briefing export`` to PPTX and to PNG.

Each run is a fresh process from start to exit (interpreter, Qt, loading, drawing, writing), as
a user or a script runs it, and as another tool's command line is timed on the same content.
Other tools plug in through :data:`SIDE_BY_SIDE`: a :class:`SideBySide` is given the generated
decks and returns its own figures, which the report lists beside ours (the Marp CLI comparison,
``marp --pptx`` and ``marp --images png`` on the same content, is there:
:mod:`bench.handover_marp`).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from bench.handover_marp import measure_marp_handover
from bench.procs import ROOT, WORKER_TIMEOUT, BenchError, Options, _env, log
from bench.report import Figure, budget
from bench.stats import median

FORMATS: Final = (("pptx", "PowerPoint"), ("png", "slide images (PNG, 1920 px)"))
GROUP: Final = "Hand-over export, whole process (median)"

SideBySide = Callable[[Options, dict[int, Path]], list[Figure]]
"""Another tool measured on the generated decks (slide count -> deck folder)."""
SIDE_BY_SIDE: list[SideBySide] = [measure_marp_handover]
"""The comparisons run after ours, in order."""


def export_once(deck: Path, fmt: str, out: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one ``tianjin-briefing export`` process."""
    with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
        errors = Path(home) / "stderr.txt"
        command = [sys.executable, "-m", "desktop", "export", str(deck), "--format", fmt]
        with errors.open("wb") as stderr:
            start = time.perf_counter()
            proc = subprocess.Popen(
                [*command, "-o", str(out), "--force"],
                cwd=ROOT,
                env=_env(Path(home)),
                stdout=subprocess.DEVNULL,
                stderr=stderr,
            )
            _, status, usage = os.wait4(proc.pid, 0)  # the child's own peak RSS
            seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        message = errors.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise BenchError(f"export --format {fmt} {deck} failed:\n{message[-2000:]}")
    if seconds > WORKER_TIMEOUT:
        raise BenchError(f"export --format {fmt} {deck} took {seconds:.0f} s")
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    return seconds, kib / 1024


def measure_handover(options: Options, decks: dict[int, Path]) -> list[Figure]:
    figures: list[Figure] = []
    peaks: dict[str, float] = {}
    for fmt, what in FORMATS:
        per_slide: dict[int, float] = {}
        for size, deck in sorted(decks.items()):
            log(f"export {fmt} {size} (whole process)")
            times, rss = [], 0.0
            with tempfile.TemporaryDirectory(prefix="bench-out-") as folder:
                for run in range(options.runs_for(size)):
                    out = Path(folder) / (f"out-{run}.pptx" if fmt == "pptx" else f"out-{run}")
                    seconds, used = export_once(deck, fmt, out)
                    times.append(seconds)
                    rss = max(rss, used)
            seconds = median(times)
            fig = Figure(f"handover.{fmt}.{size}", GROUP, f"{what}, {size} slides", seconds, "s")
            fig.detail = f"{size / seconds:.0f} slides/s, peak RSS {rss:.0f} MiB"
            fig.extra = {"slides_per_s": size / seconds, "peak_rss_mib": rss}
            figures.append(fig)
            per_slide[size] = seconds * 1000 / size
            if size == options.largest:
                peaks[fmt] = rss
        figures.append(_scaling(f"handover.{fmt}.scaling", what, per_slide))
    peak = Figure(
        "handover.peak_rss",
        GROUP,
        f"peak RSS, {options.largest} slides",
        max(peaks.values()),
        "MiB",
    )
    peak.detail = ", ".join(f"{k} {v:.0f}" for k, v in peaks.items()) + " MiB"
    figures.append(budget(peak, 300))
    for compare in SIDE_BY_SIDE:
        figures += compare(options, decks)
    return figures


def _scaling(key: str, what: str, per_slide: dict[int, float]) -> Figure:
    """Cost per slide at the largest deck ÷ at the next largest: 1 when linear (the start-up
    of the process is in the small deck's cost, so a linear export comes out below 1)."""
    sizes = sorted(per_slide)
    if len(sizes) < 2:
        return Figure(key, GROUP, f"{what}: growth per slide (needs two sizes)", None, "×")
    small, large = sizes[-2], sizes[-1]
    fig = Figure(
        key,
        GROUP,
        f"{what}: cost per slide, {large} ÷ {small} slides",
        per_slide[large] / per_slide[small],
        "×",
    )
    fig.detail = f"{per_slide[small]:.1f} → {per_slide[large]:.1f} ms/slide"
    return budget(fig, 1.5, text="≤ 1.5× (linear)")
