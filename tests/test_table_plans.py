"""A table's plans, kept for every layout of its slide: each planned once for a room's width,
reused only where it holds, and the sizes searched from where the height needed says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.model import Deck
from desktop.core.resources import bundled_deck
from desktop.core.theme import load_theme
from desktop.render import table_plan
from desktop.render.builder import LayoutBuilder, SlideLayout
from desktop.render.renderer import SlideRenderer
from desktop.render.table import _cells


def _bundled(display: str) -> Deck:
    loaded = load_deck(bundled_deck()).deck
    assert loaded is not None
    return localize(
        loaded, DisplayLanguage.parse(display, loaded.languages), theme=load_theme("default")
    )


def _tables(deck: Deck) -> list[int]:
    return [ref.index for ref in deck.refs if ref.slide.id.startswith("targets-table")]


def _drawn(layout: SlideLayout) -> list[object]:
    boxes = [
        (box.name, box.scale, box.overflow, box.rect.getRect(), box.document.toPlainText())
        for box in layout.boxes
        if box.document is not None
    ]
    return [*boxes, *(repr(area) for area in layout.areas)]


@pytest.mark.parametrize("display", ["en", "en+zh"])
def test_a_kept_plan_lays_the_table_out_as_one_planned_anew(
    display: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = _bundled(display)
    theme = load_theme("default")
    kept = [_drawn(SlideRenderer(deck, theme).layout(index)) for index in _tables(deck)]

    def anew(self: table_plan.Plans, *args: object) -> table_plan.Plan | table_plan.Miss:
        return table_plan.plan_table(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(table_plan.Plans, "plan", anew)
    assert kept == [_drawn(SlideRenderer(deck, theme).layout(index)) for index in _tables(deck)]


def test_a_table_laid_out_again_plans_each_size_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled targets table in two languages: its subtitle gives way, so each part is
    laid out twice, in a taller room the second time; the sizes planned the first time hold
    there, and the first search plans two sizes: where its cells' advances say it fits (not
    the largest, which they say is too tall) and the next larger, which is not."""
    deck = _bundled("en+zh")
    planned: list[tuple[int, int, float, float]] = []
    plan = table_plan.plan_table

    def counted(*args: object, **kwargs: object) -> object:
        area, size = args[1], args[4]
        assert isinstance(area, QRectF) and isinstance(size, float)
        planned.append((id(args[2]), id(args[3]), area.width(), size))
        return plan(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(table_plan, "plan_table", counted)
    renderer = SlideRenderer(deck, load_theme("default"))
    first, *others = _tables(deck)
    renderer.layout(first)
    by_size = [(t, width, size) for t, _, width, size in planned]
    assert len(by_size) == len(set(by_size))
    own = planned[0][:2]
    assert len([p for p in planned if p[:2] == own]) == 2
    for index in others:
        planned.clear()
        renderer.layout(index)
        assert len(planned) == 1  # its own table once, at the size the first part found


def test_a_plan_is_reused_only_in_a_room_it_holds_in() -> None:
    deck = _bundled("en+zh")
    ref = deck.refs[_tables(deck)[0]]
    b = LayoutBuilder(deck, load_theme("default"), ref)
    assert ref.slide.table is not None
    grid = _cells(ref.slide.table, deck.shown_language, b.secondary)
    plans = table_plan.Plans.of(b)
    assert table_plan.Plans.of(b) is plans  # one for every layout of the slide
    size = 28.08
    found = plans.plan(b, QRectF(0, 0, 1680, 470), ref.slide.table, grid, size)
    assert isinstance(found, table_plan.Plan)
    taller = plans.plan(b, QRectF(0, 0, 1680, 600), ref.slide.table, grid, size)
    assert taller is found
    shorter = plans.plan(b, QRectF(0, 0, 1680, found.height - 20), ref.slide.table, grid, size)
    assert shorter == table_plan.Miss(found.height)
    # Not fitting a room, it is planned again in a room as tall as it needs, and fits.
    short = table_plan.Plans.of(LayoutBuilder(deck, load_theme("default"), ref))
    missed = short.plan(b, QRectF(0, 0, 1680, found.height - 20), ref.slide.table, grid, size)
    assert isinstance(missed, table_plan.Miss) and missed.needs > found.height - 20
    again = short.plan(b, QRectF(0, 0, 1680, found.height), ref.slide.table, grid, size)
    assert isinstance(again, table_plan.Plan) and again.heights == found.heights


def _search(display: str) -> tuple[LayoutBuilder, QRectF, list[list[object]], list[float]]:
    deck = _bundled(display)
    ref = deck.refs[_tables(deck)[0]]
    b = LayoutBuilder(deck, load_theme("default"), ref)
    assert ref.slide.table is not None
    grid = _cells(ref.slide.table, deck.shown_language, b.secondary)
    sizes = [36.0, 33.12, 30.6, 28.08, 26.0]
    return b, QRectF(0, 0, 1680, 470), grid, sizes  # type: ignore[return-value]


def test_the_predicted_height_is_near_the_planned_one() -> None:
    """The bundled targets table in two languages at every size: its cells' advances say
    its height within a tenth of what its plan's rows take."""
    b, _, grid, sizes = _search("en+zh")
    table = b.ref.slide.table
    assert table is not None
    tall = QRectF(0, 0, 1680, 10_000)
    for size in sizes:
        plan = table_plan.plan_table(b, tall, table, grid, size)  # type: ignore[arg-type]
        assert isinstance(plan, table_plan.Plan)
        columns = table_plan.columns_at(b, tall, table, grid, size)  # type: ignore[arg-type]
        assert columns is not None
        predicted = table_plan.predicted_height(b, columns, size)
        assert abs(predicted - sum(plan.heights)) < 0.1 * sum(plan.heights)


@pytest.mark.parametrize("said", [0.0, 1e9])
def test_a_wrong_prediction_finds_the_same_size(
    said: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the advances say (every size fits; none does), the search finds the size
    the plans say, only with more of them."""
    b, area, grid, sizes = _search("en+zh")
    table = b.ref.slide.table
    assert table is not None
    right = table_plan.largest_fit(b, area, table, grid, sizes, table_plan.Plans())  # type: ignore[arg-type]
    monkeypatch.setattr(table_plan, "predicted_height", lambda *args: said)
    wrong = table_plan.largest_fit(b, area, table, grid, sizes, table_plan.Plans())  # type: ignore[arg-type]
    assert right[0] == wrong[0] == 28.08
    assert right[1] is not None and wrong[1] is not None
    assert right[1].heights == wrong[1].heights
