"""Lay out each kind of slide on the logical canvas (1920×1080 or 1440×1080).

A layout is computed once per (deck, slide, theme) and cached by the
renderer; painting it at any size is then a scaled replay.

Each layout of :class:`desktop.core.layouts.Layout` has exactly one builder: a
:class:`LayoutBuilder` method registered with :func:`builds`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt

from desktop.core.markup import plain
from desktop.core.model import Bullet, Deck, Layout, SlideRef
from desktop.core.theme import Theme
from desktop.render.items import Fill, Item, Picture, Rule, Text
from desktop.render.text import Para, TextBox, VAlign

CENTER = Qt.AlignmentFlag.AlignHCenter
LINE_SPACING = 1.362
"""Natural line spacing of Noto Sans, as a multiple of the font size."""


def same_scale(boxes: list[TextBox]) -> None:
    """Refit sibling boxes (agenda entries, source columns) to the smallest one's scale."""
    smallest = min((box.scale for box in boxes), default=1.0)
    for box in boxes:
        if box.scale > smallest:
            box.fit(max_scale=smallest)


def lines(size: float, count: int = 1, line_height: int = 118) -> float:
    """Height of *count* lines of text at *size* px with a proportional line height."""
    return size * LINE_SPACING * line_height / 100 * count + 2


RIGHT = Qt.AlignmentFlag.AlignRight


@dataclass
class SlideLayout:
    """A slide ready to paint: items in paint order, text boxes, agenda links."""

    size: QSizeF
    items: list[Item] = field(default_factory=list)
    boxes: list[TextBox] = field(default_factory=list)
    links: list[tuple[QRectF, int]] = field(default_factory=list)
    """Canvas rectangles that link to a section (by index): the agenda entries."""

    def overflowing(self) -> list[TextBox]:
        return [box for box in self.boxes if box.overflow]


Draw = Callable[["LayoutBuilder", QRectF], None]
"""A builder: lays its slide out in the rectangle it is given."""


@dataclass(frozen=True, slots=True)
class Builder:
    draw: Draw
    framed: bool
    """Framed slides get the title, footer and source line (:meth:`LayoutBuilder.chrome`) and
    are drawn in the body rectangle; the others get the whole canvas."""


BUILDERS: dict[Layout, Builder] = {}
"""The builder of each layout, filled by :func:`builds`."""


def builds(layout: Layout, framed: bool = True) -> Callable[[Draw], Draw]:
    """Register the decorated :class:`LayoutBuilder` method as *layout*'s one builder."""

    def register(draw: Draw) -> Draw:
        if layout in BUILDERS:
            raise ValueError(f"layout `{layout.value}` already has a builder")
        BUILDERS[layout] = Builder(draw, framed)
        return draw

    return register


class LayoutBuilder:
    """Builds the :class:`SlideLayout` of one slide."""

    def __init__(self, deck: Deck, theme: Theme, ref: SlideRef, number: str | None = None) -> None:
        self.deck, self.theme, self.ref = deck, theme, ref
        self.number = number if number is not None else f"{ref.index + 1} / {deck.slide_count}"
        width, height = deck.canvas_size
        self.out = SlideLayout(QSizeF(width, height))
        self.w, self.h = float(width), float(height)
        self.mx = float(theme.size("margin_x"))
        self.top = float(theme.size("margin_top"))

    # -- primitives -----------------------------------------------------------

    def color(self, name: str) -> str:
        return self.theme.color(name)

    def size(self, name: str) -> float:
        return float(self.theme.size(name))

    def text(
        self,
        rect: QRectF,
        paras: list[Para],
        name: str,
        valign: VAlign = VAlign.TOP,
        wrap: bool = True,
        min_size: float | None = None,
    ) -> TextBox:
        box = TextBox(
            rect,
            paras,
            self.theme.fonts,
            min_size=self.size("min_text") if min_size is None else min_size,
            valign=valign,
            wrap=wrap,
            name=name,
        ).fit()
        self.out.boxes.append(box)
        self.out.items.append(Text(box))
        return box

    def fill(self, rect: QRectF, color: str) -> None:
        self.out.items.append(Fill(rect, color))

    def rule(self, x1: float, y1: float, x2: float, y2: float, color: str, width: float) -> None:
        self.out.items.append(Rule(QPointF(x1, y1), QPointF(x2, y2), color, width))

    def para(self, text: str, size: str, color: str = "text", **kw: object) -> Para:
        return Para(text, self.size(size), self.color(color), **kw)  # type: ignore[arg-type]

    # -- the whole slide --------------------------------------------------------

    def build(self) -> SlideLayout:
        page = QRectF(0, 0, self.w, self.h)
        self.fill(page, self.color("background"))
        builder = BUILDERS[self.ref.slide.layout]
        builder.draw(self, self.chrome() if builder.framed else page)
        self.logo(full_bleed=not builder.framed)
        return self.out

    LOGO_SIZE = QSizeF(170, 70)

    def logo(self, full_bleed: bool) -> None:
        """The theme's logo: top right on content slides, bottom right on title and section."""
        logo = self.theme.logo
        if logo is None:
            return
        size = self.LOGO_SIZE
        top = self.h - 60 - size.height() if full_bleed else self.top
        self.out.items.append(
            Picture(
                QRectF(self.w - self.mx - size.width(), top, size.width(), size.height()),
                logo,
                self.theme.logo_name,
            )
        )

    def title_width(self) -> float:
        """Width left for a content slide's title (the logo takes the top right)."""
        inner = self.w - 2 * self.mx
        return inner - (self.LOGO_SIZE.width() + 30 if self.theme.logo is not None else 0)

    def chrome(self) -> QRectF:
        """Title, subtitle, footer and source line; returns the body rectangle."""
        slide, deck = self.ref.slide, self.deck
        inner = self.w - 2 * self.mx
        # Footer: deck and section on the left, slide number on the right.
        foot_size = self.size("footer")
        foot_top = self.h - self.size("margin_bottom") * 0.4 - lines(foot_size)
        self.rule(self.mx, foot_top - 14, self.w - self.mx, foot_top - 14, self.color("rule"), 2)
        number = self.number
        self.text(
            QRectF(self.w - self.mx - 200, foot_top, 200, lines(foot_size)),
            [self.para(number, "footer", "muted", align=RIGHT, markup=False)],
            "footer-number",
            wrap=False,
            min_size=foot_size,
        )
        where = f"{plain(deck.title)}  ·  {plain(self.ref.section.title)}"
        self.text(
            QRectF(self.mx, foot_top, inner - 240, lines(foot_size)),
            [self.para(where, "footer", "muted", markup=False)],
            "footer",
            wrap=False,
            min_size=foot_size * 0.7,
        )
        bottom = foot_top - 14 - 24
        cited = [deck.source(sid) for sid in slide.sources]
        names = "; ".join(s.citation() for s in cited if s is not None)
        if names and slide.layout.is_content:
            label = "Sources" if len(cited) > 1 else "Source"
            source_size = self.size("footer")
            rect = QRectF(
                self.mx, bottom - lines(source_size, 2, 112), inner, lines(source_size, 2, 112)
            )
            self.text(
                rect,
                [self.para(f"{label}: {names}", "footer", "muted", markup=False, line_height=112)],
                "source-line",
                valign=VAlign.BOTTOM,
                min_size=15,
            )
            bottom = rect.top() - 20
        # Title block.
        title = slide.title or slide.layout.default_title
        y = self.top
        if title:
            box = self.text(
                QRectF(self.mx, y, self.title_width(), lines(self.size("title"), 2, 110)),
                [self.para(title, "title", bold=True, line_height=110)],
                "title",
            )
            y += box.content_size()[1] + 22
            self.fill(QRectF(self.mx, y, 110, 7), self.color("accent"))
            y += 7 + 26
        if slide.subtitle:
            box = self.text(
                QRectF(self.mx, y, inner, lines(self.size("subtitle"), 2)),
                [self.para(slide.subtitle, "subtitle", "muted")],
                "subtitle",
            )
            y += box.content_size()[1] + 24
        y += 16
        return QRectF(self.mx, y, inner, max(60.0, bottom - y))

    # -- layouts ----------------------------------------------------------------

    @builds(Layout.TITLE, framed=False)
    def title_slide(self, page: QRectF) -> None:
        deck, slide = self.deck, self.ref.slide
        self.fill(page, self.color("band"))
        self.fill(QRectF(0, self.h - 28, self.w, 28), self.color("accent"))
        inner = self.w - 2 * self.mx
        self.fill(QRectF(self.mx, self.h * 0.30, 140, 9), self.color("band_text"))
        title = slide.title or deck.title
        subtitle = slide.subtitle or deck.subtitle
        paras = [self.para(title, "section_title", "band_text", bold=True, line_height=108)]
        if subtitle:
            paras.append(
                Para(subtitle, self.size("subtitle") * 1.2, self.color("band_text"), space_after=0)
            )
            paras[0] = Para(
                title,
                self.size("section_title") * 1.15,
                self.color("band_text"),
                bold=True,
                line_height=108,
                space_after=0.45,
            )
        self.text(QRectF(self.mx, self.h * 0.30 + 50, inner, self.h * 0.45), paras, "title")
        byline = "  ·  ".join(x for x in (deck.author, deck.date) if x)
        if byline:
            self.text(
                QRectF(
                    self.mx,
                    self.h - 100 - lines(self.size("subtitle")),
                    inner,
                    lines(self.size("subtitle")),
                ),
                [self.para(byline, "subtitle", "band_text", markup=False)],
                "byline",
                valign=VAlign.BOTTOM,
            )

    @builds(Layout.SECTION, framed=False)
    def section_slide(self, page: QRectF) -> None:
        section, slide = self.ref.section, self.ref.slide
        count = len(self.deck.sections)
        self.fill(page, self.color("band"))
        self.fill(QRectF(0, 0, 28, self.h), self.color("accent"))
        inner = self.w - 2 * self.mx
        label = f"SECTION {self.ref.section_index + 1} / {count}"
        self.text(
            QRectF(self.mx, self.top + 10, inner, lines(self.size("footer"))),
            [self.para(label, "footer", "band_text", bold=True, markup=False)],
            "section-number",
            wrap=False,
        )
        paras: list[Para] = []
        if section.title_zh:
            paras.append(
                self.para(
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
            self.para(
                english,
                "section_title",
                "band_text",
                bold=not section.title_zh,
                line_height=108,
                space_after=0.5,
            )
        )
        if slide.subtitle:
            paras.append(self.para(slide.subtitle, "subtitle", "band_text"))
        self.fill(QRectF(self.mx, self.h * 0.28, 140, 9), self.color("band_text"))
        self.text(
            QRectF(self.mx, self.h * 0.28 + 50, inner, self.h * 0.62 - 50),
            paras,
            "section-title",
        )

    @builds(Layout.AGENDA)
    def agenda(self, body: QRectF) -> None:
        sections = self.deck.sections
        columns = 1 if len(sections) <= 6 else 2
        rows = math.ceil(len(sections) / columns)
        gap = 60.0
        col_w = (body.width() - gap * (columns - 1)) / columns
        row_h = min(body.height() / max(rows, 1), 150.0)
        size = min(self.size("body"), row_h * 0.42)
        entries: list[TextBox] = []
        for index, section in enumerate(sections):
            col, row = divmod(index, rows)
            rect = QRectF(body.left() + col * (col_w + gap), body.top() + row * row_h, col_w, row_h)
            self.rule(
                rect.left(), rect.bottom(), rect.right(), rect.bottom(), self.color("rule"), 1.5
            )
            number_w = size * 1.9
            self.text(
                QRectF(rect.left(), rect.top(), number_w, rect.height()),
                [Para(f"{index + 1:02d}", size, self.color("accent"), bold=True, markup=False)],
                f"agenda-number-{index}",
                valign=VAlign.CENTER,
                wrap=False,
            )
            paras = [
                Para(
                    section.title,
                    size * 0.8,
                    self.color("text"),
                    bold=True,
                    space_after=0.12,
                    line_height=108,
                )
            ]
            if section.title_zh:
                paras.append(Para(section.title_zh, size * 0.62, self.color("muted"), markup=False))
            entries.append(
                self.text(
                    QRectF(
                        rect.left() + number_w, rect.top() + 4, col_w - number_w, rect.height() - 8
                    ),
                    paras,
                    f"agenda-entry-{index}",
                    valign=VAlign.CENTER,
                    min_size=16,
                )
            )
            self.out.links.append((rect, index))
        same_scale(entries)

    def bullet_paras(self, bullets: tuple[Bullet, ...], scale: float = 1.0) -> list[Para]:
        paras: list[Para] = []
        body, sub = self.size("body") * scale, self.size("sub_body") * scale
        for bullet in bullets:
            paras.append(
                Para(
                    bullet.text,
                    body,
                    self.color("text"),
                    level=1,
                    bullet_color=self.color("accent"),
                    space_after=0.45,
                )
            )
            for child in bullet.children:
                paras.append(
                    Para(
                        child,
                        sub,
                        self.color("text"),
                        level=2,
                        bullet_color=self.color("muted"),
                        space_after=0.35,
                    )
                )
        return paras

    @builds(Layout.BULLETS)
    def bullets(self, body: QRectF) -> None:
        self.text(body, self.bullet_paras(self.ref.slide.bullets), "bullets")

    @builds(Layout.FIGURES)
    def figures(self, body: QRectF) -> None:
        figures = self.ref.slide.figures
        count = len(figures)
        columns = count if count <= 3 else math.ceil(count / 2)
        rows = math.ceil(count / columns)
        gap = 40.0
        card_w = (body.width() - gap * (columns - 1)) / columns
        card_h = min((body.height() - gap * (rows - 1)) / rows, 420.0)
        top = body.top() + (body.height() - (card_h * rows + gap * (rows - 1))) / 2
        value_size = min(self.size("figure"), card_h * (0.30 if rows == 1 else 0.27))
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
            self.fill(rect, self.color("panel"))
            self.fill(QRectF(rect.left(), rect.top(), rect.width(), 8), self.color("accent"))
            pad = 30.0
            value_rect = QRectF(
                rect.left() + pad,
                rect.top() + pad,
                rect.width() - 2 * pad,
                lines(value_size, 1, 100),
            )
            self.text(
                value_rect,
                [Para(figure.value, value_size, self.color("figure"), bold=True, line_height=100)],
                f"figure-value-{index}",
                wrap=False,
                min_size=value_size * 0.45,
            )
            label_top = value_rect.bottom() + 8
            self.text(
                QRectF(
                    rect.left() + pad,
                    label_top,
                    rect.width() - 2 * pad,
                    rect.bottom() - pad * 0.7 - label_top,
                ),
                [self.para(figure.label, "figure_label", line_height=110)],
                f"figure-label-{index}",
                min_size=20,
            )

    @builds(Layout.QUOTE)
    def quote(self, body: QRectF) -> None:
        quote = self.ref.slide.quote
        assert quote is not None
        mark = self.size("quote") * 2.6
        self.text(
            QRectF(body.left(), body.top() - mark * 0.3, mark, lines(mark)),
            [Para("“", mark, self.color("accent"), bold=True, markup=False)],
            "quote-mark",
            wrap=False,
        )
        left = body.left() + mark * 0.75
        paras = [self.para(quote.text, "quote", italic=True, line_height=125, space_after=0.6)]
        if quote.by:
            paras.append(self.para(f"— {quote.by}", "subtitle", "muted", align=RIGHT))
        self.text(
            QRectF(left, body.top() + 10, body.right() - left, body.height() - 10),
            paras,
            "quote",
            valign=VAlign.CENTER,
        )

    @builds(Layout.TWO_COLUMN)
    def two_column(self, body: QRectF) -> None:
        slide = self.ref.slide
        gap = 90.0
        col_w = (body.width() - gap) / 2
        self.rule(
            body.left() + col_w + gap / 2,
            body.top(),
            body.left() + col_w + gap / 2,
            body.bottom(),
            self.color("rule"),
            2,
        )
        for index, (heading, bullets) in enumerate(
            ((slide.left_title, slide.left), (slide.right_title, slide.right))
        ):
            x = body.left() + index * (col_w + gap)
            y = body.top()
            if heading:
                box = self.text(
                    QRectF(x, y, col_w, lines(self.size("subtitle"), 2)),
                    [self.para(heading, "subtitle", "accent", bold=True)],
                    f"column-heading-{index}",
                )
                y += box.content_size()[1] + 22
            self.text(
                QRectF(x, y, col_w, body.bottom() - y),
                self.bullet_paras(bullets, 0.9),
                f"column-{index}",
            )

    @builds(Layout.IMAGE)
    def image(self, body: QRectF) -> None:
        image = self.ref.slide.image
        assert image is not None
        area = QRectF(body)
        if image.caption:
            caption_h = lines(self.size("figure_label"), 2)
            area.setHeight(body.height() - caption_h - 16)
            self.text(
                QRectF(body.left(), area.bottom() + 16, body.width(), caption_h),
                [self.para(image.caption, "figure_label", "muted", align=CENTER)],
                "caption",
            )
        self.out.items.append(Picture(area, image.path, image.name))

    @builds(Layout.SOURCES)
    def sources(self, body: QRectF) -> None:
        sources = self.deck.cited_sources() or self.deck.sources
        paras = []
        for source in sources:
            parts = [x for x in (source.publisher, source.date) if x]
            head = ", ".join(parts)
            line = f"{head}: {source.title}" if head else source.title
            if source.url:
                line += f"  {source.url}"
            paras.append(
                Para(
                    line,
                    self.size("sub_body") * 0.8,
                    self.color("text"),
                    level=1,
                    bullet_color=self.color("accent"),
                    space_after=0.3,
                    markup=False,
                )
            )
        columns = 2 if len(paras) > 6 else 1
        gap = 70.0
        col_w = (body.width() - gap * (columns - 1)) / columns
        split = math.ceil(len(paras) / columns)
        boxes = [
            self.text(
                QRectF(body.left() + i * (col_w + gap), body.top(), col_w, body.height()),
                paras[i * split : (i + 1) * split],
                f"sources-{i}",
                min_size=14,
            )
            for i in range(columns)
        ]
        same_scale(boxes)
