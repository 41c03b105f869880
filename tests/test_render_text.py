"""Text boxes: fitted once, and documents shared by boxes laid out the same way."""

from __future__ import annotations

import dataclasses
import math

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


def _largest_fitting(long: str, width: float, height: float, paras: list[Para]) -> float:
    """The scale a fit settles on, found the slow way: every scale it may choose laid out,
    the floors (the smallest paragraph at the minimum size of 20; the largest there) and
    each that sets the largest paragraph at a whole pixel size, the largest that fits."""
    sizes = [para.size for para in paras]
    floor, lowest = 20.0 / min(sizes), 20.0 / max(sizes)
    scales = {floor, lowest, *(pixel / max(sizes) for pixel in range(20, math.ceil(max(sizes))))}

    def fits(scale: float) -> bool:
        doc = box(long, width, height)._document(scale, paras)
        return doc.idealWidth() <= width + 0.5 and doc.size().height() <= height + 0.5

    return max((scale for scale in scales if scale < 1.0 and fits(scale)), default=lowest)


def test_a_fit_sets_the_largest_whole_pixel_size_that_fits_from_a_guess() -> None:
    """A shrunk text is set at the largest whole pixel size that fits (sizes a pixel apart:
    the steps anyone can tell apart), found from a guess (its lines as the words at full size
    would fill them at each size): in three layouts (full size, the size guessed, the next
    one up) where the guess is right, as for all but one of these paragraphs, and never in
    more than six of the twenty sizes between its floor and full size."""
    cases = [(2, 300, 150.0, 3), (3, 300, 120.0, 3), (10, 300, 500.0, 3)]
    cases += [(8, 600, 300.0, 6), (12, 600, 300.0, 3), (20, 800, 400.0, 3), (30, 900, 500.0, 3)]
    for count, width, height, most in cases:
        long = " ".join(["container terminal"] * count)
        shared = LaidOut()
        fitted = box(long, width, height, shared).fit()
        assert not fitted.overflow and fitted.scale < 1.0
        assert fitted.scale == _largest_fitting(long, width, height, fitted.paras)
        assert fitted.font_sizes()[0] == round(fitted.font_sizes()[0])  # a whole pixel
        assert len(shared) <= most, (count, width, height)


def test_overflows_says_what_a_fit_would_without_its_search() -> None:
    long = " ".join(["container terminal"] * 6)
    for height in (40.0, 80.0, 120.0, 400.0):
        shared = LaidOut()
        asked = box(long, 300, height, shared).overflows()
        assert len(shared) <= 2  # full size and the floor at most
        assert asked == box(long, 300, height).fit().overflow
    assert box(long, 300, 40.0).overflows() and not box(long, 300, 400.0).overflows()


def test_a_text_of_two_sizes_shrinks_its_larger_below_the_floor() -> None:
    """Two sizes (a text and its smaller secondary one): a text too long for its box at its
    floor (the smaller at the minimum size) shrinks the larger on, to a whole pixel size,
    found without laying out every size between."""
    long = " ".join(["container terminal"] * 10)
    paras = [Para(long, 40.0, "#333333"), Para(long, 28.0, "#666666")]
    shared = LaidOut()
    fitted = box(long, 300, 500, shared)
    fitted.paras = paras
    fitted.fit()
    assert 0.5 < fitted.scale < 20.0 / 28.0 and not fitted.overflow
    assert fitted.scale == _largest_fitting(long, 300, 500, paras)
    assert fitted.font_sizes() == [round(40 * fitted.scale), 20.0]
    assert len(shared) <= 4, len(shared)


def test_sizes_set_at_one_whole_pixel_share_a_character_format() -> None:
    """A fit tries sizes a fraction of a pixel apart: set in one font, they share its format
    (a new font costs Qt its font engines again)."""
    assert char_format(FAMILIES, 30.2, "#333333") is char_format(FAMILIES, 29.8, "#333333")
    assert char_format(FAMILIES, 30.2, "#333333") is not char_format(FAMILIES, 31, "#333333")


def test_the_bundled_two_language_bullets_are_fitted_in_a_few_layouts() -> None:
    """The guess from the text at full size knows a secondary text held at the minimum size
    and a line that a smaller size saves: each body of the bundled deck's bullets slides in
    two languages is fitted in four layouts at most (full size, the guess, its neighbours)."""
    ensure_gui_app()
    register_fonts()
    from desktop.core.loader import load_deck
    from desktop.core.resources import bundled_deck
    from desktop.export.command import deck_in
    from desktop.render.renderer import SlideRenderer

    loaded = load_deck(bundled_deck()).deck
    assert loaded is not None
    deck = deck_in(loaded, "en+zh")
    made: list[int] = []
    counts: list[int] = []
    document, fit = TextBox._document, TextBox._fit

    def counted_document(self: TextBox, scale: float, paras: list[Para]) -> object:
        made.append(1)
        return document(self, scale, paras)

    def counted_fit(self: TextBox, max_scale: float) -> None:
        before = len(made)
        fit(self, max_scale)
        if self.name == "bullets" and self.scale < max_scale:
            counts.append(len(made) - before)

    TextBox._document = counted_document  # type: ignore[method-assign,assignment]
    TextBox._fit = counted_fit  # type: ignore[method-assign]
    try:
        renderer = SlideRenderer(deck)
        for index, ref in enumerate(deck.refs):
            if ref.slide.layout.value == "bullets":
                renderer.layout(index)
    finally:
        TextBox._document, TextBox._fit = document, fit  # type: ignore[method-assign]
    assert len(counts) >= 8  # bodies that shrink
    assert max(counts) <= 4, counts


def test_a_paragraphs_kept_hash_is_that_of_every_field_it_is_compared_by() -> None:
    """`Para` keeps its hash (it is looked up at every try of every fit): the hash is of
    every field equality compares, in order, so a field added and not hashed fails here."""
    para = Para("Harbour plan", 40.0, "#333333", level=1, indent_size=32.0)
    compared = [f.name for f in dataclasses.fields(Para) if f.compare]
    assert hash(para) == hash(tuple(getattr(para, name) for name in compared))
    assert hash(para) == hash(para)  # the kept one
    same = dataclasses.replace(para)
    assert same == para and hash(same) == hash(para)
    assert dataclasses.replace(para, drawn=False) != para
