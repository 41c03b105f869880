"""The builders of the layouts a slide fills in: one function per layout, registered with
:func:`~desktop.render.builder.builds` (the agenda and sources, which the deck fills in, are in
:mod:`desktop.render.generated`).

Importing this module registers every builder (it imports :mod:`~desktop.render.generated`):
it is the module the renderer uses.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF

from desktop.core.model import Layout
from desktop.render import generated  # noqa: F401  (importing it registers the agenda, sources)
from desktop.render.builder import (
    BUILDERS,
    CENTER,
    RIGHT,
    LayoutBuilder,
    SlideLayout,
    builds,
    lines,
)
from desktop.render.items import Picture
from desktop.render.text import Para, VAlign

__all__ = ["BUILDERS", "LayoutBuilder", "SlideLayout", "builds"]
"""The framework, for the renderer and tests: with this module imported, every layout has its
builder."""


@builds(Layout.TITLE, framed=False)
def title_slide(b: LayoutBuilder, page: QRectF) -> None:
    deck, slide = b.deck, b.ref.slide
    b.fill(page, b.color("band"))
    b.fill(QRectF(0, b.h - 28, b.w, 28), b.color("accent"))
    inner = b.w - 2 * b.mx
    b.fill(QRectF(b.mx, b.h * 0.30, 140, 9), b.color("band_text"))
    title = slide.title or deck.title
    subtitle = slide.subtitle or deck.subtitle
    paras = [b.para(title, "section_title", "band_text", bold=True, line_height=108)]
    if subtitle:
        paras.append(Para(subtitle, b.size("subtitle") * 1.2, b.color("band_text"), space_after=0))
        paras[0] = Para(
            title,
            b.size("section_title") * 1.15,
            b.color("band_text"),
            bold=True,
            line_height=108,
            space_after=0.45,
        )
    b.text(QRectF(b.mx, b.h * 0.30 + 50, inner, b.h * 0.45), paras, "title")
    byline = "  ·  ".join(x for x in (deck.author, deck.date) if x)
    if byline:
        b.text(
            QRectF(
                b.mx,
                b.h - 100 - lines(b.size("subtitle")),
                inner,
                lines(b.size("subtitle")),
            ),
            [b.para(byline, "subtitle", "band_text", markup=False)],
            "byline",
            valign=VAlign.BOTTOM,
        )


@builds(Layout.SECTION, framed=False)
def section_slide(b: LayoutBuilder, page: QRectF) -> None:
    section, slide = b.ref.section, b.ref.slide
    count = len(b.deck.sections)
    b.fill(page, b.color("band"))
    b.fill(QRectF(0, 0, 28, b.h), b.color("accent"))
    inner = b.w - 2 * b.mx
    label = f"SECTION {b.ref.section_index + 1} / {count}"
    b.text(
        QRectF(b.mx, b.top + 10, inner, lines(b.size("footer"))),
        [b.para(label, "footer", "band_text", bold=True, markup=False)],
        "section-number",
        wrap=False,
    )
    paras: list[Para] = []
    if section.title_zh:
        paras.append(
            b.para(
                section.title_zh,
                "section_zh",
                "band_text",
                bold=True,
                markup=False,
                space_after=0.35,
            )
        )
    english = slide.title or section.title
    paras.append(
        b.para(
            english,
            "section_title",
            "band_text",
            bold=not section.title_zh,
            line_height=108,
            space_after=0.5,
        )
    )
    if slide.subtitle:
        paras.append(b.para(slide.subtitle, "subtitle", "band_text"))
    b.fill(QRectF(b.mx, b.h * 0.28, 140, 9), b.color("band_text"))
    b.text(
        QRectF(b.mx, b.h * 0.28 + 50, inner, b.h * 0.62 - 50),
        paras,
        "section-title",
    )


@builds(Layout.BULLETS)
def bullets(b: LayoutBuilder, body: QRectF) -> None:
    b.text(body, b.bullet_paras(b.ref.slide.bullets), "bullets")


@builds(Layout.FIGURES)
def figures(b: LayoutBuilder, body: QRectF) -> None:
    figures = b.ref.slide.figures
    count = len(figures)
    columns = count if count <= 3 else math.ceil(count / 2)
    rows = math.ceil(count / columns)
    gap = 40.0
    card_w = (body.width() - gap * (columns - 1)) / columns
    card_h = min((body.height() - gap * (rows - 1)) / rows, 420.0)
    top = body.top() + (body.height() - (card_h * rows + gap * (rows - 1))) / 2
    value_size = min(b.size("figure"), card_h * (0.30 if rows == 1 else 0.27))
    for index, figure in enumerate(figures):
        row, col = divmod(index, columns)
        in_row = min(columns, count - row * columns)
        offset = (body.width() - (card_w * in_row + gap * (in_row - 1))) / 2
        rect = QRectF(
            body.left() + offset + col * (card_w + gap),
            top + row * (card_h + gap),
            card_w,
            card_h,
        )
        b.fill(rect, b.color("panel"))
        b.fill(QRectF(rect.left(), rect.top(), rect.width(), 8), b.color("accent"))
        pad = 30.0
        value_rect = QRectF(
            rect.left() + pad,
            rect.top() + pad,
            rect.width() - 2 * pad,
            lines(value_size, 1, 100),
        )
        b.text(
            value_rect,
            [Para(figure.value, value_size, b.color("figure"), bold=True, line_height=100)],
            f"figure-value-{index}",
            wrap=False,
            min_size=value_size * 0.45,
        )
        label_top = value_rect.bottom() + 8
        b.text(
            QRectF(
                rect.left() + pad,
                label_top,
                rect.width() - 2 * pad,
                rect.bottom() - pad * 0.7 - label_top,
            ),
            [b.para(figure.label, "figure_label", line_height=110)],
            f"figure-label-{index}",
            min_size=20,
        )


@builds(Layout.QUOTE)
def quote(b: LayoutBuilder, body: QRectF) -> None:
    quote = b.ref.slide.quote
    assert quote is not None
    mark = b.size("quote") * 2.6
    b.text(
        QRectF(body.left(), body.top() - mark * 0.3, mark, lines(mark)),
        [Para("“", mark, b.color("accent"), bold=True, markup=False)],
        "quote-mark",
        wrap=False,
    )
    left = body.left() + mark * 0.75
    paras = [b.para(quote.text, "quote", italic=True, line_height=125, space_after=0.6)]
    if quote.by:
        paras.append(b.para(f"— {quote.by}", "subtitle", "muted", align=RIGHT))
    b.text(
        QRectF(left, body.top() + 10, body.right() - left, body.height() - 10),
        paras,
        "quote",
        valign=VAlign.CENTER,
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
    for index, (heading, bullets) in enumerate(
        ((slide.left_title, slide.left), (slide.right_title, slide.right))
    ):
        x = body.left() + index * (col_w + gap)
        y = body.top()
        if heading:
            box = b.text(
                QRectF(x, y, col_w, lines(b.size("subtitle"), 2)),
                [b.para(heading, "subtitle", "accent", bold=True)],
                f"column-heading-{index}",
            )
            y += box.content_size()[1] + 22
        b.text(
            QRectF(x, y, col_w, body.bottom() - y),
            b.bullet_paras(bullets, 0.9),
            f"column-{index}",
        )


@builds(Layout.IMAGE)
def image(b: LayoutBuilder, body: QRectF) -> None:
    image = b.ref.slide.image
    assert image is not None
    area = QRectF(body)
    if image.caption:
        caption_h = lines(b.size("figure_label"), 2)
        area.setHeight(body.height() - caption_h - 16)
        b.text(
            QRectF(body.left(), area.bottom() + 16, body.width(), caption_h),
            [b.para(image.caption, "figure_label", "muted", align=CENTER)],
            "caption",
        )
    b.out.items.append(Picture(area, image.path, image.name))
