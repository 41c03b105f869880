"""Hand-over side by side with Marp CLI: ``marp --pptx`` and ``marp --images png`` beside ours.

The content is the Marp comparison's (:mod:`bench.marp`): *n* plain slides (a title, five
bullets, notes) written as Marp Markdown and as our deck. For each size up to
:data:`LARGEST` and each format, whole processes run in turn, ours then Marp's, at least
:data:`MIN_PAIRS` pairs after one untimed run of each: ``python -m desktop export DECK
--format pptx`` against ``marp DECK.md --pptx``, and ``--format png`` (1920 px wide) against
``marp DECK.md --images png --image-scale 1.5`` (Marp's 1280 px slides made 1920 px). The
figures are the median of the pairs' ratios (Marp ÷ ours, at least 5×) and both peak
memories. Without Marp CLI and a chromium (see :mod:`bench.marp` for the setup) the group
says why and is skipped.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Final

from bench.marp import both_decks, environments, find_marp, pair_figures
from bench.procs import ROOT, Measured, Options, log, run_measured
from bench.report import Figure

GROUP: Final = "Hand-over side by side with Marp CLI (plain slides, whole process, alternating)"
LARGEST: Final = 300
"""The largest deck compared (Marp takes minutes a run beyond it)."""
MIN_PAIRS: Final = 5
FORMATS: Final = {
    "pptx": (["--format", "pptx"], ["--pptx"], "PowerPoint", "deck.pptx", "deck.pptx"),
    "png": (
        ["--format", "png"],
        ["--images", "png", "--image-scale", "1.5"],
        "PNG",
        "slides",  # our folder of images
        "slide.png",  # Marp's slide.001.png, slide.002.png, ...
    ),
}
"""Our options, Marp's, the figures' name of each format and what ``-o`` names in the run's
folder, ours and Marp's."""


def measure_marp_handover(options: Options, decks: dict[int, Path]) -> list[Figure]:
    """The side-by-side figures (a :data:`bench.handover.SideBySide`; the generated *decks*
    are not Marp's content, so plain slides of the same sizes are written for both)."""
    found = find_marp()
    if isinstance(found, str):
        log(f"handover marp: skipped: {found}")
        return [Figure("handover.marp.skipped", GROUP, f"skipped: {found}", None, "×")]
    marp, marp_env = found
    sizes = [size for size in sorted(decks) if size <= LARGEST] or [min(decks)]
    pairs = max(MIN_PAIRS, options.runs)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bench-handover-marp-") as folder:
        work = Path(folder)
        ours_env, marp_env = environments(work, marp_env)
        for size in sizes:
            deck, markdown = both_decks(work, size)
            for fmt, (ours_args, marp_args, what, ours_out, marp_out) in FORMATS.items():
                ours_cmd = [sys.executable, "-m", "desktop", "export", str(deck), *ours_args]
                marp_cmd = [*marp, str(markdown), *marp_args]
                _once(ours_cmd, ours_env, work / "warm-ours" / ours_out)  # byte code, chromium
                _once(marp_cmd, marp_env, work / "warm-marp" / marp_out)
                ours: list[Measured] = []
                theirs: list[Measured] = []
                for pair in range(pairs):
                    log(f"handover marp {fmt} {size}: pair {pair + 1}/{pairs}")
                    ours.append(_once(ours_cmd, ours_env, work / f"ours-{pair}" / ours_out))
                    theirs.append(_once(marp_cmd, marp_env, work / f"marp-{pair}" / marp_out))
                key = f"handover.marp.{fmt}.{size}"
                figures += pair_figures(key, GROUP, f"{what}, {size} slides", ours, theirs)
    return figures


def _once(command: list[str], env: dict[str, str], target: Path) -> Measured:
    """One run of *command* writing *target* in a folder of its own, removed after it."""
    target.parent.mkdir()
    try:
        return run_measured([*command, "-o", str(target)], env, ROOT)
    finally:
        shutil.rmtree(target.parent)
