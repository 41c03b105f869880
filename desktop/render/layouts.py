"""The builders of the layouts a slide fills in: one function per layout, registered with
:func:`~desktop.render.builder.builds` (the agenda and sources, which the deck fills in, are in
:mod:`desktop.render.generated`).

Importing this module registers every builder (it imports :mod:`~desktop.render.generated`):
it is the module the renderer uses.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF

from desktop.core.cjk import has_cjk
from desktop.core.model import Layout
from desktop.core.numbering import number_label
from desktop.core.slide_words import both
from desktop.render import chart, generated, table  # noqa: F401  (importing registers them)
from desktop.render.builder import (
    BUILDERS,
    CENTER,
    SUBTITLE_SECONDARY_SCALE,
    TITLE_LEADING,
    LayoutBuilder,
    SlideLayout,
    builds,
    leading,
    lines,
    same_scale,
)
from desktop.render.items import Picture
from desktop.render.text import Para, TextBox, VAlign

__all__ = ["BUILDERS", "LayoutBuilder", "SlideLayout", "builds"]
"""The framework, for the renderer and tests: with this module imported, every layout has its
builder."""


def band(b: LayoutBuilder, page: QRectF) -> QRectF:
    """The ground of the title and section slides: the band colour, the accent down the
    left edge and a short rule above the titles; returns where the titles go."""
    b.fill(page, b.color("band"))
    b.fill(QRectF(0, 0, ACCENT_EDGE, b.h), b.color("accent"))
    b.fill(QRectF(b.mx, b.h * 0.28, 140, 9), b.color("band_text"))
    return QRectF(b.mx, b.h * 0.28 + 50, b.w - 2 * b.mx, b.h * 0.62 - 50)


ACCENT_EDGE = 28.0
"""Width of the accent colour down the left edge of the title and section slides."""
COVER_SCALE = 1.15
"""The cover's title against the largest text a theme sets elsewhere (a section's name, a
figure's value): clearly the largest text of the deck."""


def band_titles(
    b: LayoutBuilder,
    zh: str,
    english: str,
    subtitle: str,
    scale: float,
    subtitle_second: str = "",
) -> list[Para]:
    """The Chinese name (when there is one), the other one and the subtitle (and its
    secondary language's text), in that order, the names *scale* times the theme's section
    sizes: one treatment for cover and sections. Without a Chinese name the other one is bold
    and takes its place."""
    paras: list[Para] = []
    size = b.size("section_title") * scale
    if zh:
        paras.append(
            Para(
                zh,
                b.size("section_zh") * scale,
                b.color("band_text"),
                bold=True,
                markup=False,
                line_height=leading(TITLE_LEADING),
                space_after=0.3,
            )
        )
    paras.append(
        Para(
            english,
            size,
            b.color("band_text"),
            bold=not zh,
            line_height=leading(TITLE_LEADING),
            space_after=0.45,
        )
    )
    if subtitle:
        first = Para(subtitle, b.size("subtitle") * min(scale, 1.2), b.color("band_text"))
        paras += b.below(first, subtitle_second, SUBTITLE_SECONDARY_SCALE, band=True)
    return paras


def band_names(primary: str, second: str, zh: str) -> tuple[str, str]:
    """The two names a band shows, Chinese first (:func:`band_titles`): the primary text and
    its secondary language's, else the primary and the section's Chinese name."""
    if second and has_cjk(second) and not has_cjk(primary):
        return second, primary
    if second:
        return primary, second
    return zh, primary


@builds(Layout.TITLE, framed=False)
def title_slide(b: LayoutBuilder, page: QRectF) -> None:
    """The cover: the section slides' ground, the title clearly the largest text of the deck
    (at most two lines, never shrunk below that), the subtitle and a byline."""
    deck, slide = b.deck, b.ref.slide
    rect = band(b, page)
    largest = max(b.size(name) for name in ("section_title", "section_zh", "figure", "title"))
    size = COVER_SCALE * largest
    title = slide.title or deck.title
    subtitle = slide.subtitle or deck.subtitle
    second = b.secondary("title") if slide.title else deck.secondary.get("title", "")
    second_subtitle = (
        b.secondary("subtitle") if slide.subtitle else deck.secondary.get("subtitle", "")
    )
    paras = band_titles(b, "", title, subtitle, size / b.size("section_title"), second_subtitle)
    paras[0] = dataclasses.replace(paras[0], max_lines=2)
    if second:  # the title's secondary text below it, at a section name's size
        below = Para(
            second,
            b.size("section_title"),
            b.color("band_secondary"),
            line_height=leading(TITLE_LEADING),
            space_after=0.45,
            max_lines=2,
        )
        paras[0] = dataclasses.replace(paras[0], space_after=0.2)
        paras.insert(1, below)
    byline = "  ·  ".join(x for x in (deck.author, deck.date) if x)
    byline_h = lines(b.size("subtitle"))
    text = QRectF(rect.left(), rect.top(), rect.width(), b.h - 130 - byline_h - rect.top())
    smallest = min(p.size for p in paras)
    b.text(text, paras, "title", min_size=largest * 1.1 * smallest / size, proportional=True)
    if byline:
        b.text(
            QRectF(b.mx, b.h - 100 - byline_h, b.w - 2 * b.mx, byline_h),
            [b.para(byline, "subtitle", "band_text", markup=False)],
            "byline",
            valign=VAlign.BOTTOM,
        )


@builds(Layout.SECTION, framed=False)
def section_slide(b: LayoutBuilder, page: QRectF) -> None:
    section, slide = b.ref.section, b.ref.slide
    rect = band(b, page)
    if number := number_label(b.deck, b.ref.section_index):
        action = both("ACTION {number}", b.display, number=number)
        b.text(
            QRectF(b.mx, b.top + 10, rect.width(), lines(b.size("min_text"))),
            [b.para(action, "min_text", "band_text", bold=True, markup=False)],
            "section-number",
            wrap=False,
        )
    primary = slide.title or section.title
    second = b.secondary("title") if slide.title else section.secondary.get("title", "")
    first, other = band_names(primary, second, section.title_zh)
    paras = band_titles(b, first, other, slide.subtitle, 1.0, b.secondary("subtitle"))
    b.text(rect, paras, "section-title")


@builds(Layout.BULLETS)
def bullets(b: LayoutBuilder, body: QRectF) -> None:
    b.text(body, b.bullet_paras(b.ref.slide.bullets), "bullets", body=True)


@builds(Layout.FIGURES)
def figures(b: LayoutBuilder, body: QRectF) -> None:
    """Cards in rows under the title (the same gap on every figures slide), sized to their
    content: every value at one size, the size the widest needs, and every label at one.
    Three cards a row, else two, with the values at their full size, else smaller: the
    first arrangement whose labels fit."""
    count = len(b.ref.slide.figures)
    arrangements = sorted({math.ceil(count / per_row) for per_row in (3, 2)})
    # Labels that need more room (two languages' take twice the lines) get it from the
    # values, down to smaller sizes.
    shrinks = FIGURE_SHRINKS + FIGURE_SHRINKS_MORE
    tries = [(shrink, rows) for shrink in shrinks for rows in arrangements]
    chosen: _Cards | None = None
    for number, (shrink, rows) in enumerate(tries, 1):
        # A try that overflows is given up at its first overflowing text, but the last is
        # laid out whole: it is drawn when nothing fits.
        chosen = _figure_cards(b, body, rows, shrink, whole=number == len(tries))
        if chosen is not None and chosen.fits:
            break
    assert chosen is not None
    for index, (rect, value, label) in enumerate(chosen.cards):
        if not b.item_drawn("figures", index):  # a build's card to come: its room is kept
            continue
        b.fill(rect, b.item_color("figures", index, "panel"))
        b.fill(
            QRectF(rect.left(), rect.top(), rect.width(), 8),
            b.item_color("figures", index, "accent"),
        )
        b.place(value)
        b.place(label)


@dataclass
class _Cards:
    cards: list[tuple[QRectF, TextBox, TextBox]]
    value_size: float
    fits: bool


def _figure_cards(
    b: LayoutBuilder, body: QRectF, rows: int, shrink: float, whole: bool = True
) -> _Cards | None:
    """The cards in *rows* rows, the values at *shrink* times the size the rows allow; None
    (unless *whole*) as soon as a value or a label overflows: the cards would not fit.

    An overflowing box is at its floor, where fitting it again to a sibling's smaller scale
    lays it out the same (:func:`~desktop.render.builder.same_scale`): it would still
    overflow, so the rest need not be measured.
    """
    figures = b.ref.slide.figures
    count = len(figures)
    columns = math.ceil(count / rows)
    tight = b.bilingual or shrink < FIGURE_SHRINKS[-1]  # labels short of room
    gap, pad = (24.0, 20.0) if tight else (40.0, 30.0)
    column_w = (body.width() - gap * (columns - 1)) / columns
    row_h = (body.height() - gap * (rows - 1)) / rows
    size = shrink * min(b.size("figure"), min(row_h, 420.0) * (0.30 if rows == 1 else 0.27))
    size = max(size, b.size("min_text") * 1.25)  # a value stays above its label
    values = [
        b.measure(
            QRectF(0, 0, column_w - 2 * pad, lines(size, 1, 100)),
            [
                Para(
                    figure.value,
                    size,
                    b.item_color("figures", index, "figure"),
                    bold=True,
                    line_height=100,
                )
            ],
            f"figure-value-{index}",
            wrap=False,
            min_size=max(b.size("min_text"), size * 0.45),
        )
        for index, figure in enumerate(figures)
    ]
    same_scale(values)
    if not whole and any(box.overflow for box in values):
        return None
    widest = max(box.content_size()[0] for box in values)
    card_w = min(column_w, max(widest + 2 * pad, FIGURE_CARD_MIN))
    value_h = lines(size * values[0].scale, 1, 100)
    label_h = max(1.0, row_h - 2 * pad - value_h - 8)
    labels: list[TextBox] = []
    for index, figure in enumerate(figures):
        label = b.measure(
            QRectF(0, 0, card_w - 2 * pad, label_h),
            b.item_paras(
                b.below(
                    b.para(figure.label, "figure_label", line_height=110),
                    b.secondary(f"figures[{index}].label"),
                ),
                "figures",
                index,
            ),
            f"figure-label-{index}",
        )
        if label.overflow and not whole:
            return None
        labels.append(label)
    same_scale(labels)
    card_h = 2 * pad + value_h + 8 + max(box.content_size()[1] for box in labels)
    cards = []
    for index, (value, label) in enumerate(zip(values, labels, strict=True)):
        row, col = divmod(index, columns)
        rect = QRectF(
            body.left() + col * (card_w + gap), body.top() + row * (card_h + gap), card_w, card_h
        )
        value.rect = QRectF(rect.left() + pad, rect.top() + pad, card_w - 2 * pad, value_h)
        label.rect = QRectF(rect.left() + pad, value.rect.bottom() + 8, card_w - 2 * pad, label_h)
        cards.append((rect, value, label))
    fits = not any(box.overflow for box in values + labels)
    return _Cards(cards, size * values[0].scale, fits)


FIGURE_SHRINKS = (1.0, 0.85, 0.7, 0.55)
"""The sizes tried for a figures slide's values, against the largest its rows allow."""
FIGURE_SHRINKS_MORE = (0.45, 0.38)
"""And when the labels fit at none of those (two languages' labels take twice the lines)."""
FIGURE_CARD_MIN = 440.0
"""The narrowest a figure card gets when its row has room: labels need a few words a line."""


@builds(Layout.QUOTE)
def quote(b: LayoutBuilder, body: QRectF) -> None:
    """A large quotation mark hanging in the margin beside the left-aligned quote, the
    attribution under the quote and aligned with it."""
    quote = b.ref.slide.quote
    assert quote is not None
    mark = b.size("quote") * 2.6
    left = body.left() + mark * 0.62
    paras = b.below(
        b.para(quote.text, "quote", italic=True, line_height=125, space_after=0.6),
        b.secondary("quote.text"),
    )
    if quote.by:
        by = b.secondary("quote.by")
        paras += b.below(
            b.para(f"— {quote.by}", "subtitle", "muted"), f"— {by}" if by else "", 0.85
        )
    text = b.text(
        QRectF(left, body.top() + 10, body.right() - left, body.height() - 10),
        paras,
        "quote",
        valign=VAlign.CENTER,
        body=True,
    )
    top = text.drawn_rect().top()
    b.text(
        QRectF(body.left(), top - mark * 0.28, mark, lines(mark)),
        [Para("\u201c", mark, b.color("accent"), bold=True, markup=False)],
        "quote-mark",
        wrap=False,
        min_size=mark,
    )


@builds(Layout.TWO_COLUMN)
def two_column(b: LayoutBuilder, body: QRectF) -> None:
    slide = b.ref.slide
    gap = 90.0
    col_w = (body.width() - gap) / 2
    b.rule(
        body.left() + col_w + gap / 2,
        body.top(),
        body.left() + col_w + gap / 2,
        body.bottom(),
        b.color("rule"),
        2,
    )
    columns = (("left", slide.left_title, slide.left), ("right", slide.right_title, slide.right))
    for index, (side, heading, bullets) in enumerate(columns):
        x = body.left() + index * (col_w + gap)
        y = body.top()
        if heading:
            paras = b.below(
                b.para(heading, "subtitle", "accent", bold=True),
                b.secondary(f"{side}_title"),
                SUBTITLE_SECONDARY_SCALE,
            )
            box = b.text(
                QRectF(x, y, col_w, sum(lines(p.size, 2) for p in paras)),
                paras,
                f"column-heading-{index}",
            )
            y += box.content_size()[1] + 22
        b.text(
            QRectF(x, y, col_w, body.bottom() - y),
            b.bullet_paras(bullets, 0.9, side),
            f"column-{index}",
            body=True,
        )


@builds(Layout.IMAGE)
def image(b: LayoutBuilder, body: QRectF) -> None:
    image = b.ref.slide.image
    assert image is not None
    area = QRectF(body)
    if image.caption:
        paras = b.below(
            b.para(image.caption, "figure_label", "muted", align=CENTER),
            b.secondary("image.caption"),
        )
        caption_h = sum(lines(p.size, 2) for p in paras)
        area.setHeight(body.height() - caption_h - 16)
        b.text(QRectF(body.left(), area.bottom() + 16, body.width(), caption_h), paras, "caption")
    b.out.items.append(Picture(area, image.path, image.name))
