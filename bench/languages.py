"""The figures of issue 12: switching the display language live, and bilingual export.

The switch is measured on a generated deck in English and Chinese (:mod:`bench.bilingual`) of
300 slides (fewer in a smoke run with smaller sizes): at slides not shown yet, a jump there,
then a switch to Chinese and back, each to the slide repainted (the worker's ``switch`` task).
A switch should cost no more than a slide change with its lazy layout: the jump.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Final

from bench.figures import FRAME, FRAME_MS, _percentiles
from bench.generate import generate_deck
from bench.procs import Options, log, worker
from bench.report import Figure, budget
from bench.stats import median

SWITCH_SIZE: Final = 300
BILINGUAL_EXPORT_LIMIT: Final = 1.5
"""Export in two languages may take this many times one language's time (issue 12)."""
BILINGUAL_ROUNDS: Final = 15
"""Rounds of the three languages exported in turn, both ways (a round takes about half a
second): the machine's drift moves single rounds by half."""


def measure_switch(options: Options) -> list[Figure]:
    """The ``window`` group's language figures."""
    size = min(SWITCH_SIZE, options.largest)
    group = "Main window"
    with tempfile.TemporaryDirectory(prefix="bench-bilingual-") as folder:
        deck = generate_deck(Path(folder) / f"deck-{size}", size, languages=("en", "zh"))
        log(f"language switch {size}")
        jumps = 8 if options.quick else 60
        result = worker("switch", deck=str(deck), jumps=jumps, size=[1280, 800])
    view = "×".join(str(v) for v in result["view_size"])
    where = f"{size} slides in en and zh, view {view}"
    figures = _percentiles(
        "window.language.switch",
        group,
        f"switch en → zh at a slide not shown in zh yet ({where})",
        [[v] for v in result["switch"]],
        FRAME_MS,
        FRAME,
    )
    jump, switch = median(result["jump"]), median(result["switch"])
    ratio = Figure(
        "window.language.ratio",
        group,
        "language switch ÷ jump to a slide not shown yet (p50, to the slide repainted)",
        switch / jump,
        "×",
    )
    ratio.detail = f"{switch:.1f} ms ÷ {jump:.1f} ms; back to en (laid out): "
    ratio.detail += f"{median(result['switch_back']):.1f} ms"
    figures.append(budget(ratio, 1.5, text="≤ 1.5× (one slide change)"))
    settled = Figure(
        "window.language.settled",
        group,
        "language switch with the outline, notes and search following (p50)",
        median(result["switch_settled"]),
        "ms",
    )
    settled.detail = f"a jump with its panels: {median(result['jump_settled']):.1f} ms"
    figures.append(settled)
    return figures


def measure_bilingual_export(options: Options) -> list[Figure]:
    """The ``export`` group's language figures: the bundled deck's slides in en+zh ÷ in en
    as the command line exports them (the budget), ÷ in zh (the language whose fonts cost
    the most to embed: what two languages cost beyond it), and en+zh ÷ en in one process
    (the desktop app's Export dialog, which never forks: what the work itself costs, core
    for core). The three languages are exported in turn, both ways each round, in one
    process (:func:`bench.worker.task_export_languages`), and each ratio is the median of
    the rounds' ratios, so that the machine's drift between runs moves a round, not the
    figure."""
    from desktop.core.resources import bundled_deck

    group = "PDF export (median)"
    rounds = max(BILINGUAL_ROUNDS, options.runs)
    langs = ["en", "zh", "en+zh"]
    log("export slides en, zh, en+zh in turn, as the command line and in one process")
    result = worker(
        "export_languages",
        deck=str(bundled_deck()),
        layout="slides",
        rounds=rounds,
        langs=langs,
        modes=["cli", "one"],
    )
    figures = []
    for key, mode, against, how in (
        ("export.bilingual.ratio", "cli", "en", ""),
        ("export.bilingual.ratio_zh", "cli", "zh", ""),
        ("export.bilingual.ratio_one", "one", "en", ", one process (the app's Export dialog)"),
    ):
        times = result["times"][mode]
        ratios = [both / one for both, one in zip(times["en+zh"], times[against], strict=True)]
        label = f"slides, bundled deck: en+zh ÷ {against}{how}"
        figure = Figure(key, group, label, median(ratios), "×")
        figure.detail = (
            f"{median(times['en+zh']) / 1000:.3f} s ÷ {median(times[against]) / 1000:.3f} s; "
            f"{rounds} rounds in turn, ratios {min(ratios):.2f}–{max(ratios):.2f}"
        )
        figures.append(figure)
    return [budget(figures[0], BILINGUAL_EXPORT_LIMIT, text="≤ 1.5×"), *figures[1:]]
