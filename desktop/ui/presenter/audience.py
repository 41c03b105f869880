"""The audience window: the slide, edge to edge, on the projector. Nothing else."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QWidget

from desktop.core.i18n import _
from desktop.core.presenter.state import Blank
from desktop.ui.slide_view import SlideView

CURSOR_IDLE_MS: Final = 2000
"""The mouse pointer hides this long after it last moved."""

_BLANK_COLOURS: Final[dict[str, str]] = {"black": "#000000", "white": "#ffffff"}


class AudienceWindow(SlideView):
    """Shows one slide letterboxed on black, or a black or white screen.

    The pointer hides itself when the mouse rests, so it never sits on a slide.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="#000000", margin=0.0, flags=Qt.WindowType.Window)
        self.setObjectName("audienceWindow")
        self.setAccessibleName(_("Audience view"))
        self.setWindowTitle(_("Audience view"))
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._blank: Blank | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(CURSOR_IDLE_MS)
        self._idle.timeout.connect(self._hide_cursor)
        self._hide_cursor()

    # -- what is shown -------------------------------------------------------------------

    def show_slide(self, index: int, step: int | None = None) -> None:
        """Show slide *index* at *step* of its build (None: complete)."""
        if index != self.index() or step != self.shown_step():
            self.set_index(index, step)

    def set_blank(self, blank: Blank | None) -> None:
        if blank != self._blank:
            self._blank = blank
            self.set_fill(_BLANK_COLOURS[blank] if blank is not None else None)

    def slide_index(self) -> int:
        return self.index()

    def blank(self) -> Blank | None:
        return self._blank

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # the audience window does not navigate by itself

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
