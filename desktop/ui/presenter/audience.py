"""The audience window: the slide, edge to edge, on the projector. Nothing else."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop.render.renderer import SlideRenderer, fit_rect
from desktop.ui.presenter.state import Blank

CURSOR_IDLE_MS: Final = 2000
"""The mouse pointer hides this long after it last moved."""

_BLANK_COLOURS: Final[dict[str, str]] = {"black": "#000000", "white": "#ffffff"}


class AudienceWindow(QWidget):
    """Shows one slide letterboxed on black, or a black or white screen.

    The pointer hides itself when the mouse rests, so it never sits on a slide.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("audienceWindow")
        self.setAccessibleName("Audience view")
        self.setWindowTitle("Audience view")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 180)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._renderer: SlideRenderer | None = None
        self._index = 0
        self._blank: Blank | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(CURSOR_IDLE_MS)
        self._idle.timeout.connect(self._hide_cursor)
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self._render_ahead)
        self._hide_cursor()

    # -- what is shown -------------------------------------------------------------------

    def set_renderer(self, renderer: SlideRenderer | None) -> None:
        self._renderer = renderer
        self.update()

    def show_slide(self, index: int) -> None:
        if index != self._index:
            self._index = index
            self.update()

    def set_blank(self, blank: Blank | None) -> None:
        if blank != self._blank:
            self._blank = blank
            self.update()

    def slide_index(self) -> int:
        return self._index

    def blank(self) -> Blank | None:
        return self._blank

    def slide_rect(self) -> QRectF:
        """Where the slide is drawn: the largest letterboxed rectangle, no margin."""
        if self._renderer is None:
            return QRectF()
        return fit_rect(self._renderer.canvas, QRectF(self.rect()))

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._blank is not None:
            painter.fillRect(self.rect(), QColor(_BLANK_COLOURS[self._blank]))
            painter.end()
            return
        painter.fillRect(self.rect(), QColor("#000000"))
        renderer = self._renderer
        if renderer is not None and 0 <= self._index < renderer.slide_count:
            rect = self.slide_rect().toAlignedRect()
            image = renderer.image(self._index, rect.size(), self.devicePixelRatioF())
            painter.drawImage(rect.topLeft(), image)
            self._ahead.start()
        painter.end()

    def _render_ahead(self) -> None:
        renderer = self._renderer
        if renderer is None:
            return
        size: QSize = self.slide_rect().toAlignedRect().size()
        renderer.prerender([self._index + 1, self._index - 1], size, self.devicePixelRatioF())

    # -- the pointer ---------------------------------------------------------------------

    def cursor_hidden(self) -> bool:
        return self.cursor().shape() == Qt.CursorShape.BlankCursor

    def _hide_cursor(self) -> None:
        self.setCursor(Qt.CursorShape.BlankCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.unsetCursor()
        self._idle.start()
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Leave:
            self._idle.stop()
            self._hide_cursor()
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys without an action (typed slide numbers) go to whoever filters this window.
        event.ignore()
