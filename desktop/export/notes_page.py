"""The notes pages of a PDF: the slide, its speaker notes and its sources on A4 (:func:`draw`).

Notes too long for their page run on to more pages; :func:`count` says how many a page
takes without drawing it (a second drawing process numbers its pages after the first's:
:mod:`desktop.export.pdf_split`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument

from desktop.core.markup import plain
from desktop.core.model import format_duration, slide_label
from desktop.export.pages import MM, PageDrawer
from desktop.export.plan import Page
from desktop.render.fonts import make_font
from desktop.render.notes import notes_document
from desktop.render.renderer import device_snapped, fit_rect
from desktop.render.text import TextBox

NOTES_POINTS = (11.0, 10.0, 9.0, 8.0)
"""The notes' sizes tried, largest first; below the last they run on to more pages."""


@dataclass(frozen=True)
class NotesPage:
    """Where a notes page's parts go, fitted but not drawn."""

    frame: QRectF
    """Where the slide is drawn (letterboxed into it)."""
    slide: QRectF
    """The slide as drawn there (snapped to the device's pixels)."""
    heading: TextBox
    sources: TextBox | None
    notes: QRectF
    """Where the notes begin (they may run on to more pages)."""
    document: QTextDocument
    """The notes, laid out at the size that fits (or the smallest)."""


def plan(drawer: PageDrawer, page: Page) -> NotesPage:
    """The parts of notes page *page*, fitted to the page (*drawer*'s painter begun)."""
    index = page.slides[0]
    ref = drawer.deck.refs[index]
    body = drawer.chrome_body()
    canvas = drawer.renderer.canvas
    frame = QRectF(
        body.left(), body.top(), body.width(), body.width() * canvas.height() / canvas.width()
    )
    slide = device_snapped(drawer.painter, fit_rect(canvas, frame))
    y = slide.bottom() + 7 * MM
    planned = f"  ·  planned {format_duration(ref.slide.duration)}" if ref.slide.duration else ""
    text = f"Slide {index + 1}  ·  {slide_label(drawer.deck, ref)}{planned}"
    heading = TextBox(
        QRectF(body.left(), y, body.width(), drawer.pt(30)),
        [drawer.para(text, 12, bold=True, markup=False)],
        drawer.families,
        min_size=drawer.pt(7),
    ).fit()
    y += heading.content_size()[1] + 4 * MM
    paras = drawer.slide_sources(index)
    sources: TextBox | None = None
    source_h = 0.0
    if paras:
        sources = TextBox(
            QRectF(body.left(), 0, body.width(), body.height() / 4),
            paras,
            drawer.families,
            min_size=drawer.pt(6.5),
        ).fit()
        source_h = sources.content_size()[1]
        sources.rect.moveTop(body.bottom() - source_h)
    notes = QRectF(
        body.left(), y, body.width(), body.bottom() - y - (source_h + 7 * MM if paras else 0)
    )
    markdown = ref.slide.notes or "*No speaker notes.*"
    if second := ref.slide.secondary.get("notes"):  # two languages: the second follows
        markdown = f"{markdown}\n\n---\n\n{second}"
    return NotesPage(frame, slide, heading, sources, notes, _document(drawer, markdown, notes))


def _document(drawer: PageDrawer, notes: str, rect: QRectF) -> QTextDocument:
    """Speaker notes from Markdown (no HTML), shrunk to fit *rect* down to 8 pt.

    The document comes from :func:`notes_document`: no image is loaded, and only http,
    https and mailto links become link annotations.
    """
    doc = notes_document(notes, QColor(drawer.color("muted")))
    doc.setUseDesignMetrics(True)
    doc.setDocumentMargin(0)
    for points in NOTES_POINTS:
        doc.setDefaultFont(make_font(drawer.families, drawer.pt(points)))
        doc.setTextWidth(rect.width())
        if doc.size().height() <= rect.height():
            break
    return doc


def count(drawer: PageDrawer, page: Page) -> int:
    """The physical pages notes page *page* takes: one, and those its notes run on to."""
    parts = plan(drawer, page)
    total = parts.document.size().height()
    offset, height, pages = 0.0, parts.notes.height(), 1
    while True:
        offset += height
        if offset >= total - 1:
            return pages
        pages += 1
        height = drawer.chrome_body().height()


def draw(drawer: PageDrawer, page: Page) -> None:
    """Draw notes page *page*: the slide framed, a heading, the notes, the slide's sources."""
    index = page.slides[0]
    drawer.new_page()
    drawer.chrome(plain(drawer.deck.refs[index].section.title))
    parts = plan(drawer, page)
    drawer.slide_frame(index, parts.frame)
    parts.heading.paint(drawer.painter)
    if parts.sources is not None:
        top = parts.sources.rect.top() - 3 * MM
        drawer.line(parts.notes.left(), top, parts.notes.right(), top)
        parts.sources.paint(drawer.painter)
    _paint_notes(drawer, page, parts)


def _paint_notes(drawer: PageDrawer, page: Page, parts: NotesPage) -> None:
    """The notes in their place, continued on more pages while they last."""
    doc = parts.document
    offset = 0.0
    total = doc.size().height()
    area = QRectF(parts.notes)
    # The text colour is the theme's, not the desktop palette's (which may be light).
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = context.palette
    palette.setColor(QPalette.ColorRole.Text, QColor(drawer.color("text")))
    context.palette = palette
    painter = drawer.painter
    while True:
        painter.save()
        painter.translate(area.left(), area.top() - offset)
        context.clip = QRectF(0, offset, area.width(), area.height())
        painter.setClipRect(context.clip)
        doc.documentLayout().draw(painter, context)
        painter.restore()
        offset += area.height()
        if offset >= total - 1:
            break
        drawer.new_page()
        area = drawer.chrome(f"Notes, slide {page.slides[0] + 1} (continued)")
