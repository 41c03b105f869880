"""Text boxes: fitted once, and documents shared by boxes laid out the same way."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from desktop.render.fonts import register_fonts
from desktop.render.qtapp import ensure_gui_app
from desktop.render.text import Para, TextBox
from desktop.render.text_shared import LaidOut, char_format

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


def _step(low: float, high: float, k: int) -> float:
    """Step *k* (1–127) of a 7-step bisection from *low* to *high*, as it computes it."""
    lowest, highest = 0, 128
    while True:
        middle, at = (low + high) / 2, (lowest + highest) // 2
        if at == k:
            return middle
        if at < k:
            low, lowest = middle, at
        else:
            high, highest = middle, at


def _largest_step(long: str, width: float, height: float, paras: list[Para] | None = None) -> float:
    """The scale a fit settles on, found the slow way: every one of the 127 steps of a
    7-step bisection between the floor and full size laid out, the largest that fits; for
    two sizes of text, below the floor (the larger shrinking on) when it does not fit
    there."""
    paras = paras or [Para(long, 40.0, "#333333")]
    sizes = [para.size for para in paras]
    floor, lowest = 20.0 / min(sizes), 20.0 / max(sizes)  # the minimum size over theirs

    def fits(scale: float) -> bool:
        doc = box(long, width, height)._document(scale, paras)
        return doc.idealWidth() <= width + 0.5 and doc.size().height() <= height + 0.5

    low, high = (floor, 1.0) if fits(floor) or floor == lowest else (lowest, floor)
    steps = [_step(low, high, k) for k in range(1, 128)]
    return max((step for step in steps if fits(step)), default=low)


def test_a_fit_lands_on_the_bisections_step_without_laying_the_floor_out() -> None:
    """A text that fits at the search's first step (the middle) fits at its floor too: the
    floor is not laid out, and the scale is the one every step laid out would give."""
    long = " ".join(["container terminal"] * 2)
    shared = LaidOut()
    fitted = box(long, 300, 150, shared).fit()
    assert fitted.scale == _largest_step(long, 300, 150) and not fitted.overflow
    assert fitted.scale > 0.75  # above the middle of 0.5 (the floor) and 1.0
    assert len(shared) == 8  # full size, the middle and six steps; not the floor
    assert all(key[-1] != 0.5 for key in shared._docs)
    longer = " ".join(["container terminal"] * 3)  # fits below the middle only
    below = box(longer, 300, 120, LaidOut()).fit()
    assert 0.5 < below.scale < 0.75 and not below.overflow
    assert below.scale == _largest_step(longer, 300, 120)


def test_overflows_says_what_a_fit_would_without_its_search() -> None:
    long = " ".join(["container terminal"] * 6)
    for height in (40.0, 80.0, 120.0, 400.0):
        shared = LaidOut()
        asked = box(long, 300, height, shared).overflows()
        assert len(shared) <= 2  # full size and the floor at most
        assert asked == box(long, 300, height).fit().overflow
    assert box(long, 300, 40.0).overflows() and not box(long, 300, 400.0).overflows()


def test_a_fit_judged_not_to_fit_at_its_floor_searches_below_it_first() -> None:
    """Two sizes (a text and its smaller secondary one): a text far too long for its box
    at full size is searched below the floor, where the larger shrinks on, and the floor
    itself is not laid out; the scale is the one every step laid out would give."""
    long = " ".join(["container terminal"] * 10)
    paras = [Para(long, 40.0, "#333333"), Para(long, 28.0, "#666666")]
    shared = LaidOut()
    fitted = box(long, 300, 500, shared)
    fitted.paras = paras
    fitted.fit()
    floor = 20.0 / 28.0
    assert 0.5 < fitted.scale < floor and not fitted.overflow
    assert fitted.scale == _largest_step(long, 300, 500, paras)
    assert all(key[-1] != floor for key in shared._docs)


def test_sizes_set_at_one_whole_pixel_share_a_character_format() -> None:
    """A fit tries sizes a fraction of a pixel apart: set in one font, they share its format
    (a new font costs Qt its font engines again)."""
    assert char_format(FAMILIES, 30.2, "#333333") is char_format(FAMILIES, 29.8, "#333333")
    assert char_format(FAMILIES, 30.2, "#333333") is not char_format(FAMILIES, 31, "#333333")
