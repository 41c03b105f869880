"""The large slide: letterboxed, sharp at any size and device pixel ratio."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from PySide6.QtCore import QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.core.i18n import _
from desktop.core.presenter.mapping import Box, Size, Viewport
from desktop.core.presenter.zoom_plan import SETTLE_MS
from desktop.render.renderer import SlideRenderer, fit_rect
from desktop.ui.zoom_picture import ZoomPicture

Overlay: TypeAlias = Callable[[QPainter, QRectF], None]
"""Paints over a slide: gets the painter and the slide's rectangle in widget coordinates."""


class SlideView(QWidget):
    """Shows one slide of a renderer, scaled to fit, with its neighbours rendered ahead.

    Signals:
        step(int): the user scrolled the wheel: +1 next, -1 previous.
    """

    step = Signal(int)

    def __init__(
        self,
        parent: QWidget | None = None,
        background: str = "#2a2e35",
        margin: float = 12.0,
        flags: Qt.WindowType | None = None,
    ) -> None:
        if flags is None:
            super().__init__(parent)
        else:
            super().__init__(parent, flags)
        self._margin = margin
        self._fill: QColor | None = None
        self.setAccessibleName(_("Current slide"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self._renderer: SlideRenderer | None = None
        self._index = 0
        self._step: int | None = None
        self._background = QColor(background)
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self._render_ahead)
        self._overlays: list[Overlay] = []
        self._region: QRectF | None = None
        self._zoom = ZoomPicture()
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.settle_zoom)
        self._grow = QTimer(self)
        self._grow.setInterval(0)
        self._grow.timeout.connect(self.grow_zoom)

    def set_renderer(self, renderer: SlideRenderer | None) -> None:
        self._renderer = renderer
        self.update()

    def renderer(self) -> SlideRenderer | None:
        return self._renderer

    def set_index(self, index: int, step: int | None = None) -> None:
        """Show slide *index*, at *step* of its build (None: complete)."""
        self._index = index
        self._step = step
        self.update()

    def index(self) -> int:
        return self._index

    def shown_step(self) -> int | None:
        """The build's step shown (None: the slide complete)."""
        return self._step

    def sizeHint(self) -> QSize:
        return QSize(960, 540)

    def slide_rect(self) -> QRectF:
        """Where the slide is drawn, in widget coordinates."""
        if self._renderer is None:
            return QRectF()
        margin = self._margin
        area = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
        return fit_rect(self._renderer.canvas, area)

    def set_region(self, region: QRectF | None) -> None:
        """Show only *region* of the slide's canvas (the zoom), re-rendered at this view's
        resolution; None shows the whole slide.

        A step draws at once from what the view has (:class:`~desktop.ui.zoom_picture.
        ZoomPicture`): sharp within the last render, else stretched, and rendered sharp
        :data:`~desktop.core.presenter.zoom_plan.SETTLE_MS` after the steps stop."""
        if region != self._region:
            self._region = QRectF(region) if region is not None else None
            if region is None:
                self._zoom.release()
                self._settle.stop()
                self._grow.stop()
            self.update()

    def region(self) -> QRectF | None:
        return QRectF(self._region) if self._region is not None else None

    def viewport(self) -> Viewport | None:
        """How this view maps the slide's canvas to its own coordinates (None: no slide)."""
        renderer = self._renderer
        if renderer is None:
            return None
        canvas = Size(renderer.canvas.width(), renderer.canvas.height())
        rect = QRectF(self.slide_rect().toAlignedRect())
        window = Box(rect.x(), rect.y(), rect.width(), rect.height())
        region = self._region
        shown = Box(region.x(), region.y(), region.width(), region.height()) if region else None
        return Viewport.of(canvas, window, shown)

    def set_fill(self, colour: str | None) -> None:
        """Show a plain colour instead of the slide (a blanked screen); None shows the slide."""
        self._fill = QColor(colour) if colour is not None else None
        self.update()

    def filled(self) -> bool:
        """Whether a plain colour shows instead of the slide (:meth:`set_fill`)."""
        return self._fill is not None

    def add_overlay(self, paint: Overlay) -> None:
        """Draw *paint* over the slide each time it is painted (a pointer, a pen's ink).

        An overlay is not drawn over a blanked screen; call :meth:`update` when it changes.
        """
        self._overlays.append(paint)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._fill is not None:
            painter.fillRect(self.rect(), self._fill)
            painter.end()
            return
        renderer = self._renderer
        if renderer is None or not 0 <= self._index < renderer.slide_count:
            painter.fillRect(self.rect(), self._background)
        else:
            rect = self.slide_rect().toAlignedRect()
            for band in _around(self.rect(), rect):  # the slide covers the rest, opaque
                painter.fillRect(band, self._background)
            ratio = self.devicePixelRatioF()
            if self._region is None:
                image = renderer.image(self._index, rect.size(), ratio, self._step)
                painter.drawImage(rect.topLeft(), image)
            elif not self._zoom.paint(
                painter, renderer, (self._index, self._step), self._region, rect, ratio
            ):
                self._settle.start()  # sharp once the steps stop
                self._grow.stop()  # the margin of a render no longer shown
            for paint in self._overlays:
                paint(painter, QRectF(rect))
            self._ahead.start()
        painter.end()

    def zoom_sharp(self) -> bool:
        """Whether the zoomed region is drawn sharp: rendered at the scale it is shown, not
        stretched (True when not zoomed)."""
        renderer, region = self._renderer, self._region
        if renderer is None or region is None:
            return True
        key = (id(renderer), self._index, self._step, self.devicePixelRatioF())
        size = self.slide_rect().toAlignedRect().size()
        return self._zoom.sharp(key, region, size, self.devicePixelRatioF())

    def settle_zoom(self) -> None:
        """Render the zoomed region sharp now (the steps have stopped), and show it."""
        self._settle.stop()
        renderer, region = self._renderer, self._region
        if renderer is None or region is None or self.zoom_sharp():
            return
        if 0 <= self._index < renderer.slide_count:
            size = self.slide_rect().toAlignedRect().size()
            key = (self._index, self._step)
            self._zoom.render(renderer, key, region, size, self.devicePixelRatioF())
            self.update()
            if self._zoom.pending():
                self._grow.start()  # the margin, a part at a time while idle

    def zoom_pending(self) -> bool:
        """Whether part of the zoom's margin is still to render (pans there are stretched)."""
        return self._zoom.pending()

    def grow_zoom(self) -> None:
        """Render the next part of the zoom's margin (a pan into it stays sharp)."""
        renderer = self._renderer
        if renderer is None or self._region is None or not self._zoom.grow(renderer):
            self._grow.stop()

    def _render_ahead(self) -> None:
        renderer = self._renderer
        if renderer is None:
            return
        size = self.slide_rect().toAlignedRect().size()
        step = self._step
        ahead: list[int | tuple[int, int | None]] = [self._index + 1, self._index - 1]
        if step is not None:
            ahead.insert(0, (self._index, step + 1))  # the build's next step
        renderer.prerender(ahead, size, self.devicePixelRatioF())

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta:
            self.step.emit(-1 if delta > 0 else 1)
        event.accept()


def _around(outer: QRect, inner: QRect) -> list[QRect]:
    """The parts of *outer* that *inner* (inside it) leaves: the bands above, below, left and
    right of it (the letterbox)."""
    inner = inner.intersected(outer)
    if inner.isEmpty():
        return [outer]
    above = QRect(outer.left(), outer.top(), outer.width(), inner.top() - outer.top())
    below = QRect(outer.left(), inner.bottom() + 1, outer.width(), outer.bottom() - inner.bottom())
    left = QRect(outer.left(), inner.top(), inner.left() - outer.left(), inner.height())
    right = QRect(inner.right() + 1, inner.top(), outer.right() - inner.right(), inner.height())
    return [band for band in (above, below, left, right) if not band.isEmpty()]
