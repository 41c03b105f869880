"""The zoom: the projector shows a region of the slide, re-rendered at full resolution.

``+`` and ``-`` zoom in and out around the mouse (or the middle of the slide); dragging a box
on the console's current slide zooms to that box. The audience window draws each step at once
from what it has, and the region through the renderer when the steps stop
(:meth:`~desktop.ui.slide_view.SlideView.set_region`: vectors, so zoomed text is sharp, not
scaled up); the console keeps the whole slide and frames the region on it.
Dragging pans: the frame on the console, the slide itself on the projector. ``0`` or Esc shows
the whole slide again; another slide on the projector starts unzoomed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Final

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from desktop.core.actions import ActionSpec
from desktop.core.i18n import N_
from desktop.core.model import Deck
from desktop.core.presenter.mapping import (
    Box,
    Point,
    Size,
    dragged_region,
    is_whole,
    panned,
    zoomed,
)
from desktop.core.presenter.modes import Mode, ModeState, opened
from desktop.render.renderer import SlideRenderer
from desktop.ui.presenter import style
from desktop.ui.presenter.canvas import CanvasEvent, SlideInput, qt_rect
from desktop.ui.presenter.tool import PresenterTool, ToolHost
from desktop.ui.slide_view import SlideView

ZOOM_IN: Final = ActionSpec(
    "zoom_in",
    N_("Zoom in"),
    ("+", "="),
    group=N_("Tools"),
    description=N_("The projector shows the slide closer, around the mouse; drag a box to zoom"),
    checkable=True,
    short=N_("Zoom"),
)
ZOOM_OUT: Final = ActionSpec("zoom_out", N_("Zoom out"), ("-",), group=N_("Tools"))
ZOOM_RESET: Final = ActionSpec(
    "zoom_reset",
    N_("Whole slide (end the zoom)"),
    ("0",),
    group=N_("Tools"),
    description=N_("Or Esc"),
)
STEP: Final = 1.5
"""Each + or - zooms this much closer or further."""
MIN_BOX: Final = 12.0
"""A drag shorter than this (console pixels) is a click, not a box."""


class ZoomTool(PresenterTool):
    """+ / − / a dragged box: a region of the slide, sharp, on the projector; 0 or Esc ends."""

    name = "zoom"
    specs = (ZOOM_IN, ZOOM_OUT, ZOOM_RESET)

    def __init__(self, host: ToolHost) -> None:
        super().__init__(host)
        self.canvas = Size(1920, 1080)
        self.region = Box.whole(self.canvas)
        self.focus: Point | None = None
        """The last canvas point the mouse was over: + and - zoom around it."""
        self._drag: tuple[SlideView, Point, Point] | None = None
        """A drag under way: its view, where it started and where it is (canvas units)."""
        self._slide: int | None = None
        console = host.console.current
        self.input = SlideInput((console, host.audience), self.on_input, self._takes_input)
        console.add_overlay(functools.partial(self._paint_console, console))
        short = ZOOM_IN.short  # "Zoom", not the + key's "Zoom in"
        host.console.tool_row.add_action(host.actions["zoom_in"], 2, short, in_use=short)

    def handlers(self) -> Mapping[str, Callable[[], object]]:
        return {
            "zoom_in": lambda: self.zoom_by(STEP),
            "zoom_out": lambda: self.zoom_by(1 / STEP),
            "zoom_reset": self.end_zoom,
        }

    # -- zooming ---------------------------------------------------------------------------

    def zoom_by(self, factor: float) -> None:
        """Zoom in (*factor* > 1) or out around the mouse; all the way out ends the zoom."""
        self.zoom_to(zoomed(self.region, self.canvas, factor, self._anchor()))

    def zoom_to(self, region: Box) -> None:
        """Show *region* on the projector (the whole canvas ends the zoom)."""
        if is_whole(region, self.canvas):
            self.end_zoom()
            return
        here = ModeState(Mode.TOOL, self.name)
        if not self.active:
            if opened(self.host.state.modes, here) != here:
                return  # nothing opens over a rehearsal's summary
            self.host.set_mode(here)
        self.region = region
        self._slide = self.host.state.audience
        self._show()
        self.host.refresh()

    def end_zoom(self) -> None:
        """0: the whole slide again, and the zoom put away."""
        if self.active:
            self.host.set_mode(ModeState())
        self.host.refresh()

    def zoomed(self) -> bool:
        return self.active and not is_whole(self.region, self.canvas)

    def _anchor(self) -> Point | None:
        focus = self.focus
        return focus if focus is not None and self.region.contains(focus) else None

    def _show(self) -> None:
        self.host.audience.set_region(qt_rect(self.region) if self.zoomed() else None)
        self.host.console.current.update()

    # -- the mouse -------------------------------------------------------------------------

    def _takes_input(self) -> bool:
        modes = self.host.state.modes
        return self.active or (modes.mode is Mode.NORMAL and self.host.state.blank is None)

    def on_input(self, event: CanvasEvent) -> bool:
        console = event.view is self.host.console.current
        if event.at is not None:
            self.focus = event.at
        if event.kind == "wheel":
            if not self.active:
                return False
            self.zoom_by(STEP**event.wheel)
            return True
        drag = self._drag
        if event.kind == "press" and event.at is not None and (console or self.active):
            self._drag = (event.view, event.at, event.at)
            return True
        if drag is None or event.view is not drag[0]:
            return False
        view, start, last = drag
        if event.kind == "move" and event.dragging:
            self._drag = (view, start, event.unbounded)
            if self.active:  # pan: the frame follows the mouse; on the projector, the slide
                dx, dy = event.unbounded[0] - last[0], event.unbounded[1] - last[1]
                sign = 1 if console else -1
                self.region = panned(self.region, self.canvas, sign * dx, sign * dy)
                if not console:  # the slide moved with the mouse: the same point is under it
                    self._drag = (view, start, last)
                self._show()
            view.update()
            return True
        if event.kind in ("release", "leave"):
            self._drag = None
            if not self.active and console and self._is_box(view, start, event.unbounded):
                self.zoom_to(dragged_region(start, event.unbounded, self.canvas))
            view.update()
            return True
        return False

    def _is_box(self, view: SlideView, start: Point, end: Point) -> bool:
        viewport = view.viewport()
        scale = viewport.scale if viewport is not None else 1.0
        return max(abs(end[0] - start[0]), abs(end[1] - start[1])) * scale >= MIN_BOX

    # -- the console's frame -----------------------------------------------------------------

    def _paint_console(self, view: SlideView, painter: QPainter, slide: QRectF) -> None:
        viewport = view.viewport()
        if viewport is None:
            return
        rubber = self._drag is not None and not self.active and self._drag[0] is view
        if not rubber and not (self.zoomed() and self.host.state.console == self._slide):
            return
        if rubber and self._drag is not None:
            box = qt_rect(viewport.box_to_window(_box(self._drag[1], self._drag[2])))
        else:
            box = qt_rect(viewport.box_to_window(self.region))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outside = QPainterPath()
        outside.addRect(slide)
        inside = QPainterPath()
        inside.addRect(box)
        painter.fillPath(outside.subtracted(inside), QColor(0, 0, 0, 90))
        pen = QPen(QColor(style.PREVIEW), 3.0)
        pen.setStyle(Qt.PenStyle.DashLine if rubber else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        painter.restore()

    # -- following the talk ------------------------------------------------------------------

    def set_deck(self, deck: Deck, renderer: SlideRenderer) -> None:
        canvas = Size(renderer.canvas.width(), renderer.canvas.height())
        if canvas != self.canvas:
            self.canvas = canvas
            self.region = Box.whole(canvas)
            self._show()

    def closed(self) -> None:
        self.region = Box.whole(self.canvas)
        self._drag = None
        self._show()

    def refresh(self) -> None:
        if self.zoomed() and self.host.state.audience != self._slide:
            self.region = Box.whole(self.canvas)  # another slide starts unzoomed
            self._show()
        self.host.actions["zoom_in"].setChecked(self.zoomed())
        self.host.console.current.update()


def _box(a: Point, b: Point) -> Box:
    return Box(min(a[0], b[0]), min(a[1], b[1]), abs(a[0] - b[0]), abs(a[1] - b[1]))


TOOL = ZoomTool
