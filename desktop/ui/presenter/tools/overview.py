"""The overview (O): every slide as a thumbnail, grouped by section, on the console only.

Sections are laid out as blocks (a heading over a row of thumbnails) that flow left to right
and wrap, so a whole briefing usually fits on one screen; the thumbnail size is the largest
that fits. Arrows move the selection, Enter (the presenter's "show" action) shows it.

A presenter tool (:class:`OverviewTool`): its action, O, opens :attr:`Mode.OVERVIEW`, whose
view is a page of the console in place of the talk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from desktop.core.actions import ActionSpec
from desktop.core.i18n import N_, _
from desktop.core.markup import plain
from desktop.core.model import Deck, slide_label
from desktop.core.presenter.actions import key, key_name
from desktop.core.presenter.modes import Mode
from desktop.render.renderer import SlideRenderer
from desktop.ui.presenter import style
from desktop.ui.presenter.state_row import caption
from desktop.ui.presenter.tool import PresenterTool, ToolHost

MARGIN: Final = 24
GAP: Final = 14
BLOCK_GAP: Final = 24
HEADING: Final = 30
LABEL: Final = 24
THUMB_WIDTHS: Final = (320, 288, 256, 232, 208, 184, 160)


@dataclass(frozen=True, slots=True)
class Cell:
    index: int
    rect: QRectF
    """The thumbnail's rectangle (the label sits below it)."""


@dataclass(frozen=True, slots=True)
class Heading:
    section: int
    rect: QRectF


def flow(counts: list[int], width: float, thumb: QSize) -> tuple[list[Cell], list[Heading], float]:
    """Lay sections of *counts* slides out in *width*: cells, headings and total height."""
    cell_w, cell_h = thumb.width(), thumb.height() + LABEL
    usable = max(width - 2 * MARGIN, cell_w)
    per_row = max(1, int((usable + GAP) // (cell_w + GAP)))
    cells: list[Cell] = []
    headings: list[Heading] = []
    x = y = float(MARGIN)
    row_height = 0.0
    index = 0
    for section, count in enumerate(counts):
        columns = min(max(count, 1), per_row)
        rows = -(-max(count, 1) // per_row)
        block_w = columns * cell_w + (columns - 1) * GAP
        block_h = HEADING + rows * cell_h + (rows - 1) * GAP
        if x > MARGIN and x + block_w > MARGIN + usable:
            x = float(MARGIN)
            y += row_height + BLOCK_GAP
            row_height = 0.0
        headings.append(Heading(section, QRectF(x, y, block_w, HEADING)))
        for n in range(count):
            cx = x + (n % per_row) * (cell_w + GAP)
            cy = y + HEADING + (n // per_row) * (cell_h + GAP)
            cells.append(Cell(index, QRectF(cx, cy, cell_w, thumb.height())))
            index += 1
        x += block_w + BLOCK_GAP
        row_height = max(row_height, block_h)
    return cells, headings, y + row_height + MARGIN


class _Canvas(QWidget):
    """Paints the headings and thumbnails laid out by :class:`OverviewGrid`."""

    def __init__(self, grid: OverviewGrid) -> None:
        super().__init__(grid)
        self._grid = grid
        self.setMouseTracking(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        self._grid.paint_on(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self._grid.index_at(event.position())
        if index is not None:
            self._grid.select(index)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self._grid.index_at(event.position())
        if index is not None:
            self._grid.activated.emit(index)


class OverviewGrid(QScrollArea):
    """All slides by section; the presenter's slide and the projector's are marked.

    Signals:
        activated(int): the presenter double-clicked a slide (Enter goes through the action).
        selection_changed(int): the selected slide changed.
    """

    activated = Signal(int)
    selection_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overview")
        self.setAccessibleName(_("Overview of all slides"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWidgetResizable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._canvas = _Canvas(self)
        self.setWidget(self._canvas)
        self._deck: Deck | None = None
        self._renderer: SlideRenderer | None = None
        self._titles: list[str] = []
        self._labels: list[str] = []
        self._cells: list[Cell] = []
        self._headings: list[Heading] = []
        self._thumb = QSize(THUMB_WIDTHS[-1], THUMB_WIDTHS[-1] * 9 // 16)
        self._selected = 0
        self._current = 0
        self._audience = 0
        self._heading_font = style.ui_font(16, QFont.Weight.DemiBold)
        self._label_font = style.ui_font(13)

    # -- content -------------------------------------------------------------------------

    def set_deck(self, deck: Deck, renderer: SlideRenderer) -> None:
        self._deck = deck
        self._renderer = renderer
        self._titles = [f"{n + 1}  {plain(s.title)}" for n, s in enumerate(deck.sections)]
        self._labels = [f"{ref.index + 1}  {slide_label(deck, ref)}" for ref in deck.refs]
        self._selected = min(self._selected, max(0, deck.slide_count - 1))
        self._relayout()

    def set_marks(self, current: int, audience: int) -> None:
        """Mark the presenter's slide and the projector's; select the presenter's."""
        self._current = current
        self._audience = audience
        self.select(current)
        self._canvas.update()

    def selected(self) -> int:
        return self._selected

    def thumb_size(self) -> QSize:
        return self._thumb

    def cells(self) -> list[Cell]:
        return list(self._cells)

    def select(self, index: int) -> None:
        if not self._cells:
            return
        index = max(0, min(index, len(self._cells) - 1))
        changed = index != self._selected
        self._selected = index
        rect = self._cells[index].rect.adjusted(0, -HEADING, 0, LABEL).toAlignedRect()
        self.ensureVisible(rect.center().x(), rect.center().y(), 0, rect.height() // 2 + 8)
        self._canvas.update()
        if changed:
            self.selection_changed.emit(index)

    def index_at(self, point: QPointF) -> int | None:
        for cell in self._cells:
            if cell.rect.adjusted(0, 0, 0, LABEL).contains(point):
                return cell.index
        return None

    # -- layout --------------------------------------------------------------------------

    def _relayout(self) -> None:
        deck = self._deck
        if deck is None:
            return
        counts = [len(s.slides) for s in deck.sections]
        width = float(self.viewport().width())
        height = float(self.viewport().height())
        aspect = deck.canvas_size[1] / deck.canvas_size[0]
        for thumb_width in THUMB_WIDTHS:
            thumb = QSize(thumb_width, round(thumb_width * aspect))
            cells, headings, total = flow(counts, width, thumb)
            if total <= height:
                break
        self._thumb = thumb
        self._cells, self._headings = cells, headings
        self._canvas.resize(int(width), int(max(total, height)))
        self._canvas.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    # -- painting ------------------------------------------------------------------------

    def paint_on(self, canvas: QWidget) -> None:
        painter = QPainter(canvas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(canvas.rect(), QColor(style.BACKGROUND))
        painter.setFont(self._heading_font)
        heading_metrics = QFontMetrics(self._heading_font)
        for heading in self._headings:
            painter.setPen(QColor(style.MUTED))
            text = heading_metrics.elidedText(
                self._titles[heading.section],
                Qt.TextElideMode.ElideRight,
                int(heading.rect.width()),
            )
            painter.drawText(
                heading.rect.adjusted(0, 0, 0, -8),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                text,
            )
        label_metrics = QFontMetrics(self._label_font)
        painter.setFont(self._label_font)
        renderer = self._renderer
        dpr = canvas.devicePixelRatioF()
        for cell in self._cells:
            rect = cell.rect
            if renderer is not None:
                image = renderer.image(cell.index, rect.size().toSize(), dpr)
                painter.drawImage(rect.topLeft(), image)
            marks: list[tuple[str, float]] = []
            if cell.index == self._selected:
                marks.append((style.PREVIEW, 4.0))
            elif cell.index == self._current:
                marks.append((style.CURRENT, 3.0))
            if cell.index == self._audience and cell.index != self._current:
                marks.append((style.FROZEN, 2.0))
            for colour, width in marks:
                pen = QPen(QColor(colour))
                pen.setWidthF(width)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                grow = width / 2 + 2
                painter.drawRoundedRect(rect.adjusted(-grow, -grow, grow, grow), 4, 4)
            selected = cell.index == self._selected or cell.index == self._current
            painter.setPen(QColor(style.TEXT if selected else style.MUTED))
            label_rect = QRectF(rect.x(), rect.bottom() + 4, rect.width(), LABEL - 4)
            text = label_metrics.elidedText(
                self._labels[cell.index], Qt.TextElideMode.ElideRight, int(rect.width())
            )
            painter.drawText(
                label_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
            )
        painter.end()

    # -- keys ----------------------------------------------------------------------------

    def _vertical(self, direction: int) -> int:
        """The cell above (-1) or below (+1) the selection, nearest in x; same if none."""
        here = self._cells[self._selected].rect
        candidates = [
            c
            for c in self._cells
            if (c.rect.center().y() - here.center().y()) * direction > here.height() / 2
        ]
        if not candidates:
            return self._selected
        nearest_row = min(abs(c.rect.center().y() - here.center().y()) for c in candidates)
        row = [
            c
            for c in candidates
            if abs(abs(c.rect.center().y() - here.center().y()) - nearest_row) < 1
        ]
        return min(row, key=lambda c: abs(c.rect.center().x() - here.center().x())).index

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._cells:
            super().keyPressEvent(event)
            return
        key = event.key()
        if key == Qt.Key.Key_Right:
            target = self._selected + 1
        elif key == Qt.Key.Key_Left:
            target = self._selected - 1
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            target = self._vertical(1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp):
            target = self._vertical(-1)
        elif key == Qt.Key.Key_Home:
            target = 0
        elif key == Qt.Key.Key_End:
            target = len(self._cells) - 1
        else:
            event.ignore()
            return
        self.select(target)
        event.accept()


OVERVIEW: Final = ActionSpec(
    "overview", N_("Overview of all slides"), ("O",), group=N_("Console"), checkable=True
)


class OverviewTool(PresenterTool):
    """O: the overview grid on the console; Enter shows the slide selected there."""

    name = "overview"
    specs = (OVERVIEW,)
    mode = Mode.OVERVIEW

    def __init__(self, host: ToolHost) -> None:
        super().__init__(host)
        self.grid = OverviewGrid()
        self.grid.activated.connect(self._activated)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        text = _("Overview · arrows pick a slide · {show} shows it · {overview} or {end} closes")
        keys = {"show": key("show"), "end": key("end"), "overview": key_name(OVERVIEW)}
        heading = caption(text.format(**keys))
        font = heading.font()
        font.setCapitalization(QFont.Capitalization.AllUppercase)  # drawn in capitals, as NEXT is
        heading.setFont(font)
        column.addWidget(heading)
        column.addWidget(self.grid, 1)
        host.console.add_page(self.name, page, clocks=False)

    def toggle(self) -> None:
        if not self.active:
            self.host.state.typed = None
        super().toggle()

    def set_deck(self, deck: Deck, renderer: SlideRenderer) -> None:
        self.grid.set_deck(deck, renderer)
        if self.active:
            self.grid.set_marks(self.host.state.console, self.host.state.audience)

    def opened(self) -> None:
        state = self.host.state
        self.grid.set_marks(state.console, state.audience)
        self.host.console.show_page(self.name)
        self.host.bring_console_up()
        self.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def closed(self) -> None:
        self.host.console.show_page("talk")
        self.host.console.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        active = self.active
        if active:
            self.grid.set_marks(self.grid.selected(), self.host.state.audience)
        self.host.actions[self.name].setChecked(active)

    def selection(self) -> int | None:
        return self.grid.selected()

    def _activated(self, index: int) -> None:
        self.grid.select(index)
        self.host.show()


TOOL = OverviewTool
