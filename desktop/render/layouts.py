"""The builders of the layouts a slide fills in: one function per layout, registered with
:func:`~desktop.render.builder.builds` (the agenda and sources, which the deck fills in, are in
:mod:`desktop.render.generated`; the figures, tables and charts have modules of their own:
:mod:`~desktop.render.figures`, :mod:`~desktop.render.table`, :mod:`~desktop.render.chart`).

Importing this module registers every builder (it imports those modules): it is the module the
renderer uses.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QRectF

from desktop.core.cjk import has_cjk
from desktop.core.model import Layout
from desktop.core.numbering import number_label
from desktop.core.slide_words import both
from desktop.render import (  # noqa: F401  (importing registers them)
    chart,
    figures,
    generated,
    table,
)
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
    byline = "  ·  ".join(x for x in (deck.author, deck.date) if x)
    byline_h = lines(b.size("subtitle"))
    text = QRectF(rect.left(), rect.top(), rect.width(), b.h - 130 - byline_h - rect.top())
    if second:
        # The title's secondary text below it, at a section name's size, else smaller
        # (a narrow slide): the title itself keeps its rank over every other text.
        paras[0] = dataclasses.replace(paras[0], space_after=0.2)
        for shrink in COVER_SECONDARY_SHRINKS:
            below = Para(
                second,
                max(b.size("min_text"), b.size("section_title") * shrink),
                b.color("band_secondary"),
                line_height=leading(TITLE_LEADING),
                space_after=0.45,
                max_lines=2,
            )
            box = _cover_text(b, text, [paras[0], below, *paras[1:]], largest / size)
            if not box.overflow:
                break
        b.place(box)
    else:
        b.place(_cover_text(b, text, paras, largest / size))
    if byline:
        b.text(
            QRectF(b.mx, b.h - 100 - byline_h, b.w - 2 * b.mx, byline_h),
            [b.para(byline, "subtitle", "band_text", markup=False)],
            "byline",
            valign=VAlign.BOTTOM,
        )


COVER_SECONDARY_SHRINKS = (1.0, 0.85, 0.7)
"""The sizes tried for the cover title's second language, times a section name's."""


def _cover_text(b: LayoutBuilder, rect: QRectF, paras: list[Para], ratio: float) -> TextBox:
    """The cover's texts measured in *rect*, shrinking in proportion, the title never
    below 1.1 times the largest text elsewhere (*ratio*: that text against the title)."""
    smallest = min(p.size for p in paras)
    return b.measure(rect, paras, "title", min_size=1.1 * ratio * smallest, proportional=True)


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
    """The bullets; a slide continued over parts (:mod:`desktop.core.paging`) sets them at one
    size on every part, the smallest any part needs, so the parts look alike."""
    box = b.measure(body, b.bullet_paras(b.ref.slide.bullets), "bullets", body=True)
    if b.ref.slide.parts > 1:
        shared = parts_scale(b, body)
        if shared < box.scale:
            box.fit(shared)
    b.place(box)


def parts_scale(b: LayoutBuilder, body: QRectF) -> float:
    """The smallest scale the bullets of any part of the slide fit *body* at (each part's body
    as this one's); under a subtitle that gave way to them (:meth:`LayoutBuilder.build`), no
    larger than the one they had then, so every part keeps the scale its first layout found.
    The first part laid out measures every part's bullets; the scale is kept in the renderer's
    ``LaidOut`` for the others (as a table's size in parts is)."""
    whole = b.ref.slide.whole
    key = ("bullets parts", id(whole), body.x(), body.y(), body.width(), body.height())
    scale = b.laid_out.size(key, whole)
    if scale is None:  # the first part laid out measures every part, the others take it
        scale = 1.0
        for ref in b.deck.refs:
            if whole is None or ref.slide.whole is not whole:
                continue
            part = LayoutBuilder(b.deck, b.theme, ref, laid_out=b.laid_out)
            paras = part.bullet_paras(ref.slide.bullets)
            scale = min(scale, part.measure(body, paras, "bullets", body=True).scale)
        b.laid_out.keep_size(key, whole, scale)
    if b.subtitle_size < b.size("subtitle"):
        scale = min(scale, b.subtitle_size / b.size("body"))
    return scale


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
