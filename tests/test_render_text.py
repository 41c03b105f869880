"""Text boxes: fitted once, and documents shared by boxes laid out the same way."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from desktop.render.fonts import register_fonts
from desktop.render.qtapp import ensure_gui_app
from desktop.render.text import Para, TextBox
from desktop.render.text_shared import LaidOut

FAMILIES = ("Briefing Sans",)


def box(
    text: str,
    width: float,
    height: float = 120.0,
    shared: LaidOut | None = None,
    wrap: bool = True,
) -> TextBox:
    ensure_gui_app()
    register_fonts()
    return TextBox(
        QRectF(40, 900, width, height),
        [Para(text, 40.0, "#333333")],
        FAMILIES,
        wrap=wrap,
        shared=shared,
    )


def test_a_box_laid_out_like_another_shares_its_document() -> None:
    shared = LaidOut()
    first = box("Harbour plan · Berths and cranes", 900, shared=shared).fit()
    again = box("Harbour plan · Berths and cranes", 900, shared=shared).fit()  # next footer
    assert first.document is not None and again.document is first.document
    assert (again.scale, again.overflow) == (first.scale, first.overflow) == (1.0, False)
    assert box("Harbour plan · Berths and cranes", 600, shared=shared).fit().document is not (
        first.document
    )
    assert box("Harbour plan · Quay walls", 900, shared=shared).fit().document is not (
        first.document
    )
    alone = box("Harbour plan · Berths and cranes", 900).fit()  # no LaidOut: its own
    assert alone.document is not first.document


def test_a_shared_shrunk_box_keeps_its_scale_and_overflow() -> None:
    shared = LaidOut()
    long = " ".join(["container terminal"] * 4)
    shrunk = box(long, 300, 120, shared).fit()
    assert 0.5 < shrunk.scale < 1.0 and not shrunk.overflow
    laid_out = len(shared)
    again = box(long, 300, 120, shared).fit()
    assert again.document is shrunk.document and len(shared) == laid_out  # nothing new
    assert (again.scale, again.overflow) == (shrunk.scale, shrunk.overflow)
    capped = box(long, 300, 120, shared).fit(max_scale=0.5)  # a sibling's scale caps it
    assert capped.document is not shrunk.document and capped.scale <= 0.5


def test_a_box_of_another_height_reuses_the_layouts_at_its_width() -> None:
    """Measured for one height (a figure card, a body under a subtitle), then another: the
    text is laid out at a scale once, whatever the height it is checked against."""
    shared = LaidOut()
    long = " ".join(["container terminal"] * 4)
    short = box(long, 300, 120, shared).fit()
    assert short.scale < 1.0
    laid_out = len(shared)
    tall = box(long, 300, 2000, shared).fit()  # fits at full size: laid out at 1.0 before
    assert tall.scale == 1.0 and not tall.overflow
    assert len(shared) == laid_out
