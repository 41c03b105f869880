"""The hand-over side by side with Marp CLI (``--pptx``, ``--images png``): what it runs, in
which order, and its figures. Marp is not run here: the runs are recorded, not made."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench import handover, handover_marp, marp
from bench.procs import Measured, Options


def test_it_is_a_side_by_side_of_the_handover_group() -> None:
    assert handover_marp.measure_marp_handover in handover.SIDE_BY_SIDE


def test_without_marp_it_says_why_and_is_skipped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(marp, "MARP_BIN", tmp_path / "missing" / "marp")
    [figure] = handover_marp.measure_marp_handover(Options((60,), 1, True), {60: tmp_path})
    assert (figure.key, figure.value) == ("handover.marp.skipped", None)
    assert "skipped: Marp CLI is not installed" in figure.name


def test_pairs_alternate_per_format_and_size(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    runs: list[list[str]] = []

    def run(command: list[str], env: dict[str, str], cwd: Path) -> Measured:
        runs.append(command)
        target = Path(command[-1])
        assert target.parent.is_dir() and not target.exists()  # a folder of its own
        ours = command[0] == sys.executable
        return Measured(1.0 if ours else 6.0, 1.0, 100.0 if ours else 900.0)

    monkeypatch.setattr(handover_marp, "find_marp", lambda: (["marp"], {}))
    monkeypatch.setattr(handover_marp, "run_measured", run)
    decks = {size: tmp_path for size in (12, 300, 1000)}
    figures = handover_marp.measure_marp_handover(Options((12, 300, 1000), 3, False), decks)
    keys = [f.key for f in figures]
    assert keys == [
        f"handover.marp.{fmt}.{size}.{what}"
        for size in (12, 300)  # Marp takes minutes a run past 300 slides
        for fmt in ("pptx", "png")
        for what in ("ratio", "peak_rss")
    ]
    ratio = figures[0]
    assert (ratio.value, ratio.passed, ratio.name) == (
        6.0,
        True,
        "Marp ÷ ours, PowerPoint, 12 slides",
    )
    assert figures[1].extra == {"marp_mib": 900.0}
    per_format = 2 + 2 * 5  # one untimed run of each, then five pairs (at least)
    assert len(runs) == 2 * 2 * per_format
    pptx, png = runs[:per_format], runs[per_format : 2 * per_format]
    assert [c[0] == sys.executable for c in pptx] == [True, False] * (per_format // 2)
    assert pptx[0][-4:-2] == ["--format", "pptx"] and pptx[1][-3:-2] == ["--pptx"]
    assert png[1][-6:-2] == ["--images", "png", "--image-scale", "1.5"]
    assert png[0][-2:] == ["-o", png[0][-1]] and png[0][-1].endswith("slides")
    assert "deck-300" in runs[-1][1]
