"""What the pointing tools share: a spot on the slide that follows the mouse, on both windows.

:class:`PointingTool` is a :class:`~desktop.ui.presenter.tool.PresenterTool` whose spot (a
canvas point) follows the mouse over the console's current slide, or over the audience window
(one screen, mirrored screens), and is drawn by :meth:`PointingTool.draw` on both. While it is
in use the mouse pointer is hidden on the projector and over the console's slide: the spot
stands in for it. The laser pointer and the spotlight are pointing tools.
"""

from __future__ import annotations

import functools
from typing import ClassVar

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from desktop.core.presenter.mapping import Point, Viewport
from desktop.ui.presenter.canvas import CanvasEvent, SlideInput, on_canvas, window_point
from desktop.ui.presenter.tool import PresenterTool, ToolHost
from desktop.ui.slide_view import SlideView


class PointingTool(PresenterTool):
    """A tool drawing at the mouse's place on the slide. Subclasses give :meth:`draw`.

    Attributes:
        spot: Where the mouse is on the slide (canvas units), or None (off the slide).
    """

    rank: ClassVar[int] = 0
    """Where its button is on the console's tool row (:meth:`ToolRow.add_action`)."""

    def __init__(self, host: ToolHost) -> None:
        super().__init__(host)
        host.console.tool_row.add_action(host.actions[self.name], self.rank, self.specs[0].short)
        self.spot: Point | None = None
        self.views: tuple[SlideView, ...] = (host.console.current, host.audience)
        self.input = SlideInput(self.views, self.on_input, lambda: self.active)
        for view in self.views:
            view.add_overlay(functools.partial(self._paint, view))

    # -- what a pointing tool draws --------------------------------------------------------

    def draw(self, painter: QPainter, view: SlideView, spot: Point, pixel: float) -> None:
        """Draw at *spot* (canvas units; *painter* draws in canvas units, *pixel* of them
        make a pixel of *view*)."""
        raise NotImplementedError

    def reach(self, view: SlideView) -> float | None:
        """How far from the spot (window pixels of *view*) the drawing goes; None: all over
        the slide (it is all repainted when the spot moves)."""
        return None

    def wheel(self, steps: int) -> bool:
        """The wheel turned while the tool is in use; True when the tool took it (else the
        talk moves on as usual)."""
        return False

    # -- following the mouse ---------------------------------------------------------------

    def on_input(self, event: CanvasEvent) -> bool:
        if event.kind == "wheel":
            if self.wheel(event.wheel):
                self.repaint_all()
                return True
            return False
        self.move_to(event.at if event.kind != "leave" else None)
        return event.kind != "leave"

    def move_to(self, spot: Point | None) -> None:
        """Put the spot at *spot* and repaint where it was and where it is."""
        old, self.spot = self.spot, spot
        if old == spot:
            return
        for view in self.views:
            reach = self.reach(view)
            viewport = view.viewport()
            if reach is None or viewport is None:
                view.update()
                continue
            for point in (old, spot):
                if point is not None:
                    at = window_point(viewport, point)
                    box = QRectF(at.x() - reach, at.y() - reach, 2 * reach, 2 * reach)
                    view.update(box.toAlignedRect().adjusted(-2, -2, 2, 2))

    def repaint_all(self) -> None:
        for view in self.views:
            view.update()

    def _paint(self, view: SlideView, painter: QPainter, slide: QRectF) -> None:
        if not self.active or self.spot is None or self.host.state.blank is not None:
            return
        viewport: Viewport | None = view.viewport()
        if viewport is None:
            return
        with on_canvas(painter, viewport) as pixel:
            self.draw(painter, view, self.spot, pixel)

    # -- the mode --------------------------------------------------------------------------

    def opened(self) -> None:
        for view in self.views:
            view.setCursor(Qt.CursorShape.BlankCursor)
        self.repaint_all()

    def closed(self) -> None:
        self.spot = None
        self.host.console.current.unsetCursor()
        self.host.audience.setCursor(Qt.CursorShape.BlankCursor)
        self.repaint_all()

    def refresh(self) -> None:
        self.host.actions[self.name].setChecked(self.active)
