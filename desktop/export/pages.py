"""Draw PDF pages: slides, notes pages, handouts, the agenda and the sources page."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
)

from desktop.core.markup import plain
from desktop.core.model import Deck, Layout, Source, format_duration
from desktop.core.numbering import action_number
from desktop.core.slide_words import both
from desktop.export.plan import Page, PageKind
from desktop.render.renderer import SlideRenderer
from desktop.render.text import Para, TextBox, VAlign

if TYPE_CHECKING:  # the ink modules load only for --with-ink (5 ms of an export's start)
    from desktop.core.presenter.ink import Stroke

A4_RESOLUTION = 144
"""Device units per inch on A4 pages (a notes page is 1191×1684 units)."""
SLIDE_WIDTH_INCHES = 10.0
MM = A4_RESOLUTION / 25.4

NoteStart = Callable[[], None]


def slide_page_layout(deck: Deck) -> tuple[QPageLayout, int]:
    """Page layout and resolution for slide pages: 10 in wide, canvas mapped 1:1."""
    width, height = deck.canvas_size
    resolution = round(width / SLIDE_WIDTH_INCHES)
    size = QPageSize(
        QSizeF(SLIDE_WIDTH_INCHES, SLIDE_WIDTH_INCHES * height / width),
        QPageSize.Unit.Inch,
        "Slide",
        QPageSize.SizeMatchPolicy.ExactMatch,
    )
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF()), resolution


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF()
    )


class PageDrawer:
    """Draws the planned pages onto a paged device (a QPdfWriter, a QPrinter) through one
    painter."""

    def __init__(
        self,
        writer: QPagedPaintDevice,
        painter: QPainter,
        renderer: SlideRenderer,
        a4: bool,
        with_ink: bool = False,
    ) -> None:
        self.writer, self.painter, self.renderer = writer, painter, renderer
        self.deck = renderer.deck
        self.theme = renderer.theme
        self.families = renderer.theme.fonts
        self.a4 = a4
        self.resolution = A4_RESOLUTION if a4 else writer.logicalDpiX()
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.page_number = 0
        self.first = True
        self.ink: Mapping[int, Sequence[Stroke]] = {}
        """The presenter's saved ink, by slide index (``export --with-ink``)."""
        if with_ink:
            from desktop.render.ink import saved_ink

            self.ink = saved_ink(self.deck)

    # -- helpers ------------------------------------------------------------------

    def pt(self, size: float) -> float:
        """Device units for a size in points."""
        return size * self.resolution / 72

    def new_page(self) -> None:
        if not self.first:
            self.writer.newPage()
        self.first = False
        self.page_number += 1

    def to_points(self, rect: QRectF) -> tuple[float, float, float, float]:
        factor = 72 / self.resolution
        return (
            rect.left() * factor,
            rect.top() * factor,
            rect.right() * factor,
            rect.bottom() * factor,
        )

    def text(
        self,
        rect: QRectF,
        paras: list[Para],
        valign: VAlign = VAlign.TOP,
        wrap: bool = True,
        min_size: float | None = None,
    ) -> TextBox:
        box = TextBox(
            rect, paras, self.families, min_size=min_size or self.pt(7), valign=valign, wrap=wrap
        ).fit()
        box.paint(self.painter)
        return box

    def color(self, name: str) -> str:
        """An A4 page colour of the theme: ``text``, ``muted``, ``accent``, ``rule``, ``frame``
        or ``lines`` (the theme's ``page_text`` and so on)."""
        return self.theme.color(f"page_{name}")

    def para(self, text: str, points: float, color: str = "text", **kw: object) -> Para:
        """A paragraph of *points* in the page colour *color* (see :meth:`color`)."""
        return Para(text, self.pt(points), self.color(color), **kw)  # type: ignore[arg-type]

    def chrome(self, right: str) -> QRectF:
        """A4 header and footer; returns the content rectangle."""
        margin = 16 * MM
        self.text(
            QRectF(margin, 8 * MM, self.width - 2 * margin - 60 * MM, self.pt(12)),
            [self.para(plain(self.deck.title), 8.5, "muted", markup=False)],
            wrap=False,
        )
        self.text(
            QRectF(self.width - margin - 100 * MM, 8 * MM, 100 * MM, self.pt(12)),
            [self.para(right, 8.5, "muted", align=Qt.AlignmentFlag.AlignRight, markup=False)],
            wrap=False,
        )
        self.line(margin, 8 * MM + self.pt(13), self.width - margin, 8 * MM + self.pt(13))
        self.text(
            QRectF(margin, self.height - 12 * MM, self.width - 2 * margin, self.pt(12)),
            [
                self.para(
                    f"Page {self.page_number}",
                    8.5,
                    "muted",
                    align=Qt.AlignmentFlag.AlignRight,
                    markup=False,
                )
            ],
            wrap=False,
        )
        return self.chrome_body()

    def chrome_body(self) -> QRectF:
        """The content rectangle of an A4 page (what :meth:`chrome` returns)."""
        margin = 16 * MM
        return QRectF(
            margin,
            8 * MM + self.pt(22),
            self.width - 2 * margin,
            self.height - 12 * MM - self.pt(8) - (8 * MM + self.pt(22)),
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, color: str = "rule", width: float = 1.0
    ) -> None:
        pen = QPen(QColor(self.color(color)))
        pen.setWidthF(self.pt(width * 0.75))
        self.painter.setPen(pen)
        self.painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    def slide_ink(self, index: int, drawn: QRectF) -> None:
        """Draw slide *index*'s saved ink over the slide drawn at *drawn*, as vector paths."""
        strokes = self.ink.get(index)
        if strokes:
            from desktop.render.ink import ink_over

            ink_over(self.painter, strokes, drawn, self.renderer.canvas)

    def slide_frame(self, index: int, rect: QRectF) -> QRectF:
        drawn = self.renderer.paint(self.painter, index, rect)
        self.slide_ink(index, drawn)
        self.painter.setPen(QPen(QColor(self.color("frame")), self.pt(0.5)))
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(drawn)
        return drawn

    # -- pages ---------------------------------------------------------------------

    def draw(self, page: Page) -> None:
        {
            PageKind.SLIDE: self.slide_page,
            PageKind.NOTES: self.notes_page,
            PageKind.HANDOUT: self.handout_page,
            PageKind.AGENDA: self.agenda_page,
            PageKind.SOURCES: self.sources_page,
        }[page.kind](page)

    def slide_page(self, page: Page) -> None:
        self.new_page()
        index = page.slides[0]
        full = QRectF(0, 0, self.width, self.height)
        self.slide_ink(index, self.renderer.paint(self.painter, index, full, page.step))
        if self.deck.refs[index].slide.layout is Layout.AGENDA:
            self.collect_links(page, self.renderer.layout(index).links, full)

    def collect_links(self, page: Page, links: list[tuple[QRectF, int]], target: QRectF) -> None:
        scale = target.width() / self.renderer.canvas.width()
        for rect, section in links:
            mapped = QRectF(
                target.left() + rect.left() * scale,
                target.top() + rect.top() * scale,
                rect.width() * scale,
                rect.height() * scale,
            )
            page.links.append((self.to_points(mapped), section))

    def generated_slide(self, page: Page, layout: Layout) -> None:
        self.new_page()
        full = QRectF(0, 0, self.width, self.height)
        laid_out = self.renderer.generated(layout, page.label, page.part)
        self.renderer.paint_layout(self.painter, laid_out, full)
        self.collect_links(page, laid_out.links, full)

    def notes_page(self, page: Page) -> None:
        from desktop.export import notes_page  # it draws with this module's drawer

        notes_page.draw(self, page)

    def page_count(self, pages: Sequence[Page]) -> int:
        """The physical pages *pages* take when drawn: one each, but notes that run on."""
        from desktop.export import notes_page

        return sum(notes_page.count(self, p) if p.kind is PageKind.NOTES else 1 for p in pages)

    def reference(self, source: Source) -> str:
        """*source* in full for a list, with its title's secondary language text after it
        (``en+zh``)."""
        text = source.reference(". ")
        index = self.deck.sources.index(source)
        second = self.deck.secondary.get(f"sources[{index}].title")
        return f"{text} ({second})" if second else text

    def slide_sources(self, index: int) -> list[Para]:
        paras: list[Para] = []
        for source_id in self.deck.refs[index].slide.sources:
            source = self.deck.source(source_id)
            if source is not None:
                paras.append(
                    self.para(
                        self.reference(source),
                        8,
                        "muted",
                        level=1,
                        bullet_color=self.color("accent"),
                        markup=False,
                        space_after=0.2,
                    )
                )
        return paras

    def handout_page(self, page: Page) -> None:
        from desktop.export import handout  # it draws with this module's drawer

        handout.draw(self, page)

    def generated_page(self, page: Page, layout: Layout) -> tuple[QRectF, float] | None:
        """Begin the agenda or sources page: with slide-sized pages, the whole page is a
        generated slide of *layout* (None is returned); on A4, the page is headed by the
        layout's default title and the body rectangle and the heading's bottom are returned."""
        if not self.a4:
            self.generated_slide(page, layout)
            return None
        self.new_page()
        heading = both(layout.default_title, self.deck.display or self.deck.languages[0])
        body = self.chrome(heading)
        title = self.text(
            QRectF(body.left(), body.top() + 6 * MM, body.width(), self.pt(30)),
            [self.para(heading, 22, bold=True, markup=False)],
        )
        return body, body.top() + 6 * MM + title.content_size()[1]

    def agenda_page(self, page: Page) -> None:
        start = self.generated_page(page, Layout.AGENDA)
        if start is None:
            return
        body, y = start[0], start[1] + 8 * MM
        row_h = min(self.pt(40), (body.bottom() - y) / max(len(self.deck.sections), 1))
        for index, section in enumerate(self.deck.sections):
            rect = QRectF(body.left(), y, body.width(), row_h)
            action = action_number(self.deck, index)
            number = f"{action:02d}" if action is not None else ""
            self.text(
                QRectF(rect.left(), rect.top(), self.pt(30), rect.height()),
                [self.para(number, 14, "accent", bold=True, markup=False)],
                valign=VAlign.CENTER,
                wrap=False,
            )
            paras = [self.para(section.title, 12, bold=True, space_after=0.1)]
            if section.title_zh:
                paras.append(self.para(section.title_zh, 10, "muted", markup=False))
            self.text(
                QRectF(
                    rect.left() + self.pt(34),
                    rect.top(),
                    rect.width() - self.pt(110),
                    rect.height(),
                ),
                paras,
                valign=VAlign.CENTER,
            )
            if section.duration:
                self.text(
                    QRectF(rect.right() - self.pt(70), rect.top(), self.pt(70), rect.height()),
                    [
                        self.para(
                            format_duration(section.duration),
                            10,
                            "muted",
                            align=Qt.AlignmentFlag.AlignRight,
                            markup=False,
                        )
                    ],
                    valign=VAlign.CENTER,
                    wrap=False,
                )
            self.line(rect.left(), rect.bottom(), rect.right(), rect.bottom())
            page.links.append((self.to_points(rect), index))
            y += row_h

    def sources_page(self, page: Page) -> None:
        start = self.generated_page(page, Layout.SOURCES)
        if start is None:
            return
        body, y = start[0], start[1] + 6 * MM
        paras = [
            self.para(
                self.reference(source),
                9.5,
                level=1,
                bullet_color=self.color("accent"),
                markup=False,
                space_after=0.35,
            )
            for source in self.deck.listed_sources()
        ]
        self.text(
            QRectF(body.left(), y, body.width(), body.bottom() - y), paras, min_size=self.pt(6.5)
        )
