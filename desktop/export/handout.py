"""The handout pages of a PDF: slides on A4 with room to write (:func:`draw`)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from desktop.core.model import slide_label
from desktop.export.pages import MM, PageDrawer
from desktop.export.plan import Page


def draw(drawer: PageDrawer, page: Page) -> None:
    """Slides with room to write: one a page full width with lines below it; six a page
    in a grid of two columns and three rows; otherwise a column of slides, lines beside
    each."""
    drawer.new_page()
    body = drawer.chrome("Handout")
    count = len(page.slides)
    if count == 1:
        full(drawer, page.slides[0], body)
    elif count > 4:
        grid(drawer, page.slides, body)
    else:
        rows(drawer, page.slides, body)


def label(drawer: PageDrawer, index: int, drawn: QRectF) -> float:
    """The slide's number and name under its frame; returns the label's bottom."""
    text = f"{index + 1}. {slide_label(drawer.deck, drawer.deck.refs[index])}"
    top = drawn.bottom() + 1.5 * MM
    drawer.text(
        QRectF(drawn.left(), top, drawn.width(), drawer.pt(11)),
        [drawer.para(text, 7.5, "muted", markup=False)],
        wrap=False,
    )
    return top + drawer.pt(11)


def writing_lines(drawer: PageDrawer, left: float, top: float, right: float, bottom: float) -> None:
    y = top
    while y < bottom:
        drawer.line(left, y, right, y, "lines", 0.6)
        y += 7 * MM


def full(drawer: PageDrawer, index: int, body: QRectF) -> None:
    ratio = drawer.renderer.canvas.height() / drawer.renderer.canvas.width()
    drawn = drawer.slide_frame(
        index, QRectF(body.left(), body.top() + 3 * MM, body.width(), body.width() * ratio)
    )
    below = label(drawer, index, drawn) + 8 * MM
    writing_lines(drawer, body.left(), below, body.right(), body.bottom() - 3 * MM)


def grid(drawer: PageDrawer, slides: tuple[int, ...], body: QRectF) -> None:
    columns, rows, gap = 2, 3, 8 * MM
    cell_w = (body.width() - gap) / columns
    cell_h = body.height() / rows
    for place, index in enumerate(slides):
        row, col = divmod(place, columns)
        cell = QRectF(body.left() + col * (cell_w + gap), body.top() + row * cell_h, cell_w, cell_h)
        drawn = drawer.slide_frame(index, cell.adjusted(0, 3 * MM, 0, -drawer.pt(11) - 6 * MM))
        label(drawer, index, drawn)


def rows(drawer: PageDrawer, slides: tuple[int, ...], body: QRectF) -> None:
    row_h = body.height() / max(len(slides), 3)
    slide_w = body.width() * 0.56
    for row, index in enumerate(slides):
        top = body.top() + row * row_h
        rect = QRectF(body.left(), top + 3 * MM, slide_w, row_h - 6 * MM)
        drawn = drawer.slide_frame(index, rect)
        label(drawer, index, drawn)
        left = body.left() + slide_w + 8 * MM
        writing_lines(drawer, left, drawn.top() + 7 * MM, body.right(), drawn.bottom())
