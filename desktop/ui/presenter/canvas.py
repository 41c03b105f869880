"""The slide's canvas under the mouse, for the presenter's tools: input and drawing.

A tool keeps its positions in slide-canvas coordinates (:mod:`desktop.core.presenter.mapping`).
:class:`SlideInput` is an event filter for the console's current slide and the audience window
that turns the mouse, the wheel and a tablet's pen into :class:`CanvasEvent`\\ s (canvas points,
pressure) for one tool; :func:`on_canvas` sets a painter up to draw in canvas units on a view,
zoomed or not, so one drawing serves both windows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal, TypeAlias

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF
from PySide6.QtGui import QMouseEvent, QPainter, QTabletEvent, QWheelEvent

from desktop.core.presenter.mapping import Box, Point, Viewport
from desktop.ui.slide_view import SlideView

EventKind: TypeAlias = Literal["press", "move", "release", "wheel", "leave"]


@dataclass(frozen=True, slots=True)
class CanvasEvent:
    """One input of the mouse, wheel or tablet over a slide view, in canvas coordinates.

    Attributes:
        kind: What happened.
        view: The view it happened over (the console's current slide, the audience window).
        at: The canvas point under it; None over the bands beside the slide (or on leaving).
        unbounded: The canvas point, also beyond the slide (a drag going off its edge).
        pressure: A tablet's pressure (0–1); 1 for the mouse.
        wheel: For ``wheel``: +1 turned away from the user, -1 towards; 0 otherwise.
        dragging: The left button (or the tablet's pen) is down.
    """

    kind: EventKind
    view: SlideView
    at: Point | None
    unbounded: Point
    pressure: float = 1.0
    wheel: int = 0
    dragging: bool = False


Handler: TypeAlias = Callable[[CanvasEvent], bool]
"""Gets each event over a view; True when the tool used it (the view does not see it)."""

_MOUSE: dict[QEvent.Type, EventKind] = {
    QEvent.Type.MouseButtonPress: "press",
    QEvent.Type.MouseMove: "move",
    QEvent.Type.MouseButtonRelease: "release",
    QEvent.Type.TabletPress: "press",
    QEvent.Type.TabletMove: "move",
    QEvent.Type.TabletRelease: "release",
}


class SlideInput(QObject):
    """An event filter giving one tool the input over *views* as :class:`CanvasEvent`\\ s.

    Args:
        views: The views to listen to (mouse tracking is switched on).
        handler: The tool's handler; it is asked only while *wanted* says so.
        wanted: Whether the tool takes input now (it is in use, or may start, as a box zoom).
    """

    def __init__(
        self, views: tuple[SlideView, ...], handler: Handler, wanted: Callable[[], bool]
    ) -> None:
        super().__init__(views[0])
        self._views = views
        self._handler = handler
        self._wanted = wanted
        self._down = False
        for view in views:
            view.setMouseTracking(True)
            view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, SlideView) or watched not in self._views:
            return False
        kind = event.type()
        if kind == QEvent.Type.Leave:
            return self._send("leave", watched, None, False) if self._wanted() else False
        if kind not in _MOUSE and kind != QEvent.Type.Wheel:
            return False
        if not self._wanted():
            self._down = False
            return False
        if isinstance(event, QWheelEvent):
            delta = event.angleDelta().y()
            steps = (delta > 0) - (delta < 0)
            return self._send("wheel", watched, event.position(), False, wheel=steps)
        if isinstance(event, QTabletEvent):
            pressure = event.pressure()
            position = event.position()
        elif isinstance(event, QMouseEvent):
            pressure = 1.0
            position = event.position()
        else:
            return False
        what = _MOUSE[kind]
        if what == "press":
            self._down = True
        used = self._send(what, watched, position, self._down, pressure=pressure)
        if what == "release":
            self._down = False
        if used:
            # Taken: a tablet event Qt finds unaccepted goes on to the parent and comes back
            # as a mouse event too (the pen would draw each point again at full pressure).
            event.accept()
        return used

    def _send(
        self,
        kind: EventKind,
        view: SlideView,
        position: QPointF | None,
        dragging: bool,
        pressure: float = 1.0,
        wheel: int = 0,
    ) -> bool:
        viewport = view.viewport()
        if viewport is None:
            return False
        point = (position.x(), position.y()) if position is not None else (-1.0, -1.0)
        at = viewport.to_canvas(point) if position is not None else None
        unbounded = viewport.to_canvas_unbounded(point)
        event = CanvasEvent(kind, view, at, unbounded, pressure, wheel, dragging)
        return self._handler(event)


def qt_rect(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.width, box.height)


def window_point(viewport: Viewport, point: Point) -> QPointF:
    """Where canvas point *point* is in the view's own coordinates."""
    x, y = viewport.to_window(point)
    return QPointF(x, y)


@contextlib.contextmanager
def on_canvas(painter: QPainter, viewport: Viewport) -> Iterator[float]:
    """Draw in canvas units on the view of *viewport*, clipped to the slide; yields the
    canvas units per window pixel (for widths that should look the same at any zoom)."""
    painter.save()
    try:
        painter.setClipRect(qt_rect(viewport.window))
        scale = viewport.scale
        region = viewport.region
        painter.translate(
            viewport.window.x - region.x * scale, viewport.window.y - region.y * scale
        )
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        yield 1.0 / scale if scale else 1.0
    finally:
        painter.restore()
