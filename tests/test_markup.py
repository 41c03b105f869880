"""Slide text markup: typographic quotes, in one place for every surface."""

from __future__ import annotations

import pytest

from desktop.core.markup import parse_inline, plain, typographic


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Tianjin's Ten Actions", "Tianjin’s Ten Actions"),
        ('the "one base and three zones" role', "the “one base and three zones” role"),
        ("the actions' aims", "the actions’ aims"),
        ("a 'quoted' word, the '90s", "a ‘quoted’ word, the ’90s"),
        ('("a")', "(“a”)"),
        ('他说"你好"。', "他说“你好”。"),
        ("他说'你好'。", "他说‘你好’。"),
        ("no quotes at all", "no quotes at all"),
    ],
)
def test_straight_quotes_become_typographic(written: str, shown: str) -> None:
    assert typographic(written) == shown
    assert len(typographic(written)) == len(written)  # notes replace them in place


def test_every_surface_gets_them_through_markup() -> None:
    assert plain('**It\'s** "here"') == "It’s “here”"
    assert [run.text for run in parse_inline('*"a"* b')] == ["“a”", " b"]


def test_notes_get_them_outside_code() -> None:
    from desktop.render.notes import notes_document
    from desktop.render.qtapp import ensure_gui_app

    ensure_gui_app()
    document = notes_document('It\'s "here" and `a "b"`')
    assert document.toPlainText() == 'It’s “here” and a "b"'
