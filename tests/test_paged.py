"""The page loop (desktop/export/paged.py): slides laid out a run ahead of their pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from desktop.core.model import Deck
from desktop.core.resources import bundled_deck
from desktop.export import registry
from desktop.export.paged import LAID_OUT_AHEAD
from desktop.export.pdf import PdfOptions
from desktop.export.plan import HANDOUT_PER_PAGE, ExportLayout
from desktop.render.builder import LayoutBuilder, SlideLayout
from desktop.render.qtapp import ensure_gui_app
from desktop.render.renderer import SlideRenderer
from tests.conftest import load


def _events(
    deck: Deck, layout: ExportLayout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> list[tuple[str, int]]:
    """What an export does, in order: ("layout", slide) for each of the deck's slides laid
    out, ("paint", slide) for each slide drawn (generated slides left out)."""
    events: list[tuple[str, int]] = []
    real_build, real_paint = LayoutBuilder.build, SlideRenderer.paint

    def build(self: LayoutBuilder) -> SlideLayout:
        if self.ref.slide is deck.refs[self.ref.index].slide:
            events.append(("layout", self.ref.index))
        return real_build(self)

    def paint(
        self: SlideRenderer, painter: QPainter, index: int, target: QRectF, step: int | None = None
    ) -> QRectF:
        events.append(("paint", index))
        return real_paint(self, painter, index, target, step)

    monkeypatch.setattr(LayoutBuilder, "build", build)
    monkeypatch.setattr(SlideRenderer, "paint", paint)
    registry.get("pdf").export(deck, tmp_path / "deck.pdf", PdfOptions(layout=layout))
    return events


@pytest.mark.parametrize("layout", [ExportLayout.SLIDES, ExportLayout.HANDOUT])
def test_slides_are_laid_out_a_run_ahead_and_once(
    layout: ExportLayout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ensure_gui_app()
    deck = load(bundled_deck())
    assert deck.slide_count > LAID_OUT_AHEAD  # more than one run
    events = _events(deck, layout, tmp_path, monkeypatch)
    laid_out = [index for kind, index in events if kind == "layout"]
    assert sorted(laid_out) == list(range(deck.slide_count))  # each once, kept until drawn
    first_paint = next(n for n, (kind, _) in enumerate(events) if kind == "paint")
    run = len(events[:first_paint])  # a run's pages' slides: at least LAID_OUT_AHEAD
    assert LAID_OUT_AHEAD <= run < LAID_OUT_AHEAD + max(HANDOUT_PER_PAGE)
    assert events[:first_paint] == [("layout", n) for n in range(run)]
    # The next run is laid out once the first run's pages are drawn, before the next page.
    after = events.index(("layout", run))
    assert [index for kind, index in events[first_paint:after]] == list(range(run))
