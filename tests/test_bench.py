"""The benchmark: its deck generator, its statistics, and a quick run that reports every figure.

No timing is asserted: the run only has to complete and report each figure with a value.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import SECTION_SIZE, generate_deck, layout_for
from bench.report import START_MARK, Figure, budget, write_results
from bench.run import expected_keys
from bench.stats import median, peak_rss_mib, percentile, rss_mib
from desktop.core.loader import load_deck
from desktop.core.model import Layout

ROOT = Path(__file__).resolve().parent.parent


def test_percentiles_interpolate_between_ranks() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([1.0, 2.0, 3.0, 4.0]) == 2.5
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 95) == pytest.approx(4.8)
    assert percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError, match="no values"):
        median([])


def test_memory_readings_are_positive() -> None:
    now = rss_mib()  # read first: the peak read later can only be higher
    assert now > 0
    assert peak_rss_mib() >= now


@pytest.mark.parametrize("count", [1, 12, 60])
def test_generated_decks_load_without_problems(tmp_path: Path, count: int) -> None:
    result = load_deck(generate_deck(tmp_path / "deck", count))
    assert result.deck is not None, [p.format() for p in result.problems]
    assert result.problems == ()
    deck = result.deck
    assert deck.slide_count == count
    assert len(deck.sections) == -(-count // SECTION_SIZE)
    assert all(ref.slide.notes for ref in deck.refs)


def test_generated_deck_mixes_layouts(tmp_path: Path) -> None:
    deck = load_deck(generate_deck(tmp_path / "deck", 60)).deck
    assert deck is not None
    layouts = {ref.slide.layout for ref in deck.refs}
    assert layouts == set(Layout)
    assert [ref.slide.layout for ref in deck.refs if ref.index % SECTION_SIZE == 0][1:] == [
        Layout.SECTION
    ] * 5
    assert layout_for(0, 60) == "title"
    assert layout_for(59, 60) == "sources"


def test_generation_is_deterministic(tmp_path: Path) -> None:
    first = generate_deck(tmp_path / "a", 25)
    second = generate_deck(tmp_path / "b", 25)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_results_file_keeps_text_outside_the_generated_block(tmp_path: Path) -> None:
    path = tmp_path / "RESULTS.md"
    figure = budget(Figure("load.12", "Load", "12 slides", 0.25, "s"), 1.0)
    write_results(path, [figure], {"CPU": "test"}, "python -m bench")
    path.write_text(
        "# Results\n\nNotes before.\n" + path.read_text().split("\n", 2)[2] + "After.\n"
    )
    write_results(path, [budget(Figure("load.12", "Load", "12 slides", 2.0, "s"), 1.0)], {}, "x")
    text = path.read_text()
    assert text.startswith("# Results\n\nNotes before.\n" + START_MARK)
    assert text.endswith("After.\n")
    assert "| 12 slides | 2.000 s | ≤ 1 s | **FAIL** |" in text


@pytest.mark.slow
def test_quick_benchmark_reports_every_figure(tmp_path: Path) -> None:
    output, figures_json = tmp_path / "RESULTS.md", tmp_path / "results.json"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--quick",
            "--sizes",
            "12",
            "--runs",
            "1",
            "--output",
            str(output),
            "--json",
            str(figures_json),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(figures_json.read_text(encoding="utf-8"))
    reported = {f["key"]: f for f in results["figures"]}
    expected = expected_keys([12])
    assert sorted(set(expected) - set(reported)) == []
    without_value = [
        key for key in expected if reported[key]["value"] is None and "scaling" not in key
    ]
    assert without_value == []
    assert {"CPU", "Python", "PySide6", "Qt", "Date"} <= set(results["machine"])
    table = output.read_text(encoding="utf-8")
    for figure in reported.values():
        assert figure["name"] in table
        assert figure["name"] in proc.stdout
