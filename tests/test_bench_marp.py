"""The side-by-side comparison with Marp CLI: its content, its measurement, its figures.

Marp itself is not run here (minutes, and a chromium): the figures come from given timings.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench import marp
from bench.marp import find_marp, marp_markdown, plain_slides, write_plain_deck
from bench.procs import BenchError, Measured, Options, run_measured
from desktop.core.loader import load_deck
from desktop.core.model import Layout


def test_both_tools_get_the_same_slides(tmp_path: Path) -> None:
    slides = plain_slides(23)
    assert slides == plain_slides(23)  # the same in every run
    markdown = marp_markdown("Plain briefing", slides)
    body = markdown.split("---\n", 2)[2]
    assert markdown.startswith("---\nmarp: true\ntitle: Plain briefing\n")
    assert body.count("\n---\n") == 22  # 23 slides: no empty first slide
    assert body.count("\n- ") == 23 * 5 and body.count("<!-- ") == 23
    deck = load_deck(write_plain_deck(tmp_path / "deck", "Plain briefing", slides)).deck
    assert deck is not None and deck.slide_count == 23 and len(deck.sections) == 3
    for ref, slide in zip(deck.refs, slides, strict=True):
        assert ref.slide.layout is Layout.BULLETS
        assert (ref.slide.title, len(ref.slide.bullets)) == (slide.title, 5)
        assert f"# {slide.title}\n" in markdown and ref.slide.notes.strip() == slide.notes


def test_without_marp_the_comparison_says_why_and_is_skipped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(marp, "MARP_BIN", tmp_path / "missing" / "marp")
    reason = find_marp()
    assert isinstance(reason, str) and reason.startswith("Marp CLI is not installed")
    [figure] = marp.measure_marp(Options((60,), 1, True))
    assert (figure.key, figure.value) == ("marp.skipped", None)
    assert "skipped: Marp CLI is not installed" in figure.name


def test_figures_are_the_median_of_the_pairs() -> None:
    ours = [Measured(t, t, p) for t, p in [(0.2, 70), (0.25, 72), (0.4, 71), (0.2, 69), (0.3, 70)]]
    theirs = [
        Measured(t, 2 * t, p)
        for t, p in [(1.2, 900), (1.0, 1300), (1.2, 1000), (1.4, 1100), (1.2, 950)]
    ]
    ratio, memory = marp._figures(1000, ours, theirs)
    assert ratio.value == pytest.approx(4.0)  # of 6, 4, 3, 7, 4 (the medians would give 4.8)
    assert (ratio.budget, ratio.passed) == ("≥ 5×", False)
    assert ratio.detail == "ours 0.25 s, Marp 1.20 s; 5 pairs, ratios 3.0–7.0; CPU time 8.0×"
    assert (memory.value, memory.passed) == (72.0, True)
    assert memory.extra == {"marp_mib": 1300.0}
    with pytest.raises(BenchError, match="unequal"):
        marp._figures(60, ours, theirs[:4])


def test_a_measured_process_reports_its_time_and_peak_memory(tmp_path: Path) -> None:
    grow = "import time; block = bytearray(96 * 1024 * 1024); block[::4096] = b'x' * 24576"
    seconds, cpu, peak = run_measured([sys.executable, "-c", grow], {}, tmp_path)
    assert 0 < cpu <= seconds + 0.05 < 60 and peak >= 96
    child = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {grow!r}])"
    tree = run_measured([sys.executable, "-c", child], {}, tmp_path).peak_mib
    assert tree >= 96  # a child's memory counts
    with pytest.raises(BenchError, match=r"failed \(3\)"):
        run_measured([sys.executable, "-c", "raise SystemExit(3)"], {}, tmp_path)
