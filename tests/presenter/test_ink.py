"""The ink model: strokes per slide, the eraser, undo, and keeping it in the per-user state
(atomically, bounded, matched to the slides again after a reload that renamed some)."""

from __future__ import annotations

import json

import pytest

from desktop.core.presenter.ink import MIN_STEP, InkBook, Stroke, StrokeBuilder, smoothed
from desktop.core.presenter.ink_store import (
    MAX_STROKES,
    clear_saved_ink,
    deck_key,
    ink_path,
    load_ink,
    matched,
    save_ink,
    slide_key,
)
from tests.conftest import FilesLoader, load, section_yaml

LINE = Stroke("pen", "#e02020", 6.0, ((100.0, 100.0, 1.0), (300.0, 100.0, 0.5)))
MARK = Stroke("highlighter", "#ffd400", 24.0, ((100.0, 500.0, 1.0), (900.0, 500.0, 1.0)))


ENTRY = '{"key": "a1", "index": 0, "strokes": []}'
STROKE = '{"kind": "pen", "colour": "%s", "width": %s, "points": []}'


def deck_files(*ids: str) -> dict[str, str | bytes | None]:
    slides = [f"{{id: {slide}, title: Slide {slide}, layout: section}}" for slide in ids]
    return {"a.yaml": section_yaml("A", *slides)}


def test_strokes_belong_to_their_slide_and_undo_takes_back_each_change() -> None:
    book = InkBook()
    book.add("one", LINE)
    book.add("one", MARK)
    book.add("two", MARK)
    assert book.strokes("one") == (LINE, MARK) and book.strokes("two") == (MARK,)
    assert book.erase_at("one", (200, 103), radius=2) == 1  # within the pen's half-width
    assert book.strokes("one") == (MARK,)
    assert book.erase_at("one", (200, 200), radius=10) == 0
    assert book.clear_slide("one") and book.strokes("one") == ()
    assert not book.clear_slide("one")
    assert book.undo("one") and book.strokes("one") == (MARK,)  # the wipe
    assert book.undo("one") and book.strokes("one") == (LINE, MARK)  # the eraser, in place
    assert book.undo("one") and book.undo("one") and not book.undo("one")
    assert book.strokes("two") == (MARK,)
    assert book.clear_all() == 1 and not book
    assert book.undo("two") and book.strokes("two") == (MARK,)  # each slide gets its own back


def test_a_stroke_skips_jitter_keeps_pressure_and_draws_smooth() -> None:
    builder = StrokeBuilder("pen", "#000000", 4.0)
    assert builder.add(10, 10, 0.5) and not builder.add(10 + MIN_STEP / 2, 10)
    assert builder.add(20, 10, 2.0) and builder.add(30, 20, -1)
    stroke = builder.stroke()
    assert stroke.points == ((10.0, 10.0, 0.5), (20.0, 10.0, 1.0), (30.0, 20.0, 0.0))
    assert smoothed(stroke.points) == [((20, 10), (25, 15)), ((30, 20), (30, 20))]
    builder.add(40, 20, 0.0)
    # The width follows the pressure, but never down to nothing.
    assert list(builder.stroke().widths()) == [3.0, 2.0, 0.8]
    assert list(MARK.widths()) == [24.0]  # a highlighter is even


def test_ink_is_saved_in_the_user_state_and_comes_back(load_files: FilesLoader) -> None:
    deck = load_files(deck_files("a1", "a2", "a3"))
    book = InkBook()
    book.add("a2", LINE)
    book.add("a3", MARK)
    path = save_ink(deck, book)
    assert path == ink_path(deck) and not path.is_relative_to(deck.root)
    assert list(path.parent.glob(".*.part")) == []  # written beside, then moved into place
    loaded = load_ink(deck)
    assert loaded.problem == "" and loaded.book.slides() == {"a2": (LINE,), "a3": (MARK,)}
    assert clear_saved_ink(deck) and not clear_saved_ink(deck)
    assert not load_ink(deck).book


def test_a_renamed_slide_gets_the_ink_of_its_place() -> None:
    # a2 renamed b2 in place; a3 kept but moved first: each finds its slide.
    assert matched([("a2", 1), ("a3", 2)], ["a3", "b2", "a1"]) == {"a2": "b2", "a3": "a3"}
    assert matched([("gone", 5), ("x", 0)], ["a1", "a2"]) == {"x": "a1"}  # nothing past the end
    # b keeps its own ink; a's place is b's, which is no renamed slide: a's ink is left out.
    assert matched([("a", 0), ("b", 1)], ["b", "c"]) == {"b": "b"}


def test_ink_survives_a_reload_that_renamed_its_slide(load_files: FilesLoader) -> None:
    deck = load_files(deck_files("a1", "a2", "a3"))
    book = InkBook()
    book.add("a2", LINE)
    save_ink(deck, book)
    (deck.root / "a.yaml").write_text(str(deck_files("a1", "new", "a3")["a.yaml"]), "utf-8")
    renamed = load(deck.root)
    assert [slide_key(ref) for ref in renamed.refs] == ["a1", "new", "a3"]
    assert load_ink(renamed).book.slides() == {"new": (LINE,)}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("{not json", "not valid JSON"),
        ('{"version": 9, "slides": []}', "not ink of version 1"),
        (f'{{"version": 1, "deck_key": "x", "slides": [{ENTRY}]}}', "another deck"),
        (f'{{"version": 1, "slides": [{ENTRY[:-2]}{STROKE % ("red", 1)}]}}]}}', "`colour`"),
        (f'{{"version": 1, "slides": [{ENTRY[:-2]}{STROKE % ("#ff0000", 1e300)}]}}]}}', "range"),
    ],
)
def test_a_broken_file_is_set_aside_with_a_located_warning(
    load_files: FilesLoader, text: str, why: str
) -> None:
    deck = load_files(deck_files("a1"))
    path = ink_path(deck)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    loaded = load_ink(deck)
    assert not loaded.book
    assert loaded.problem.startswith(f"{path}: warning:") and why in loaded.problem


def test_loading_is_bounded(load_files: FilesLoader) -> None:
    deck = load_files(deck_files("a1"))

    stroke = {"kind": "pen", "colour": "#ff0000", "width": 2, "points": [[1, 2, 1]]}
    slides = [{"key": "a1", "index": 0, "strokes": [stroke] * (MAX_STROKES + 5)}]
    path = ink_path(deck)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "deck_key": deck_key(deck), "slides": slides}))
    loaded = load_ink(deck)
    assert len(loaded.book.strokes("a1")) == MAX_STROKES
    assert f"only the first {MAX_STROKES}" in loaded.problem
