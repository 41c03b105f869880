"""The laser pointer (Ctrl+L, or the console's button): a bright dot where the mouse is.

The mouse over the console's current slide puts the dot at the same place of the slide on the
projector, and on the console; the mouse over the audience window does too (one screen,
mirrored screens). The mouse pointer itself is hidden there while the laser is in use.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QRadialGradient

from desktop.core.actions import ActionSpec
from desktop.core.i18n import N_
from desktop.core.presenter.mapping import Point
from desktop.ui.presenter.pointing import PointingTool
from desktop.ui.slide_view import SlideView

POINTER: Final = ActionSpec(
    "pointer",
    N_("Laser pointer"),
    ("Ctrl+L",),
    group=N_("Tools"),
    description=N_("A bright dot where the mouse is, on the projector too"),
    checkable=True,
    short=N_("Laser"),
)
COLOUR: Final = QColor("#ff2a2a")
DOT_RADIUS: Final = 0.009
"""The dot's radius, as a share of the canvas' width (17 units on a 1920-wide slide)."""
MIN_PIXELS: Final = 6.0
"""The dot is never smaller than this on a window (a small console slide)."""


class PointerTool(PointingTool):
    """Ctrl+L: a red dot with a soft glow where the mouse is over the slide, on both screens."""

    name = "pointer"
    specs = (POINTER,)

    def radius(self, view: SlideView, pixel: float) -> float:
        """The dot's radius in canvas units on *view* (*pixel* canvas units a pixel)."""
        viewport = view.viewport()
        width = viewport.canvas.width if viewport is not None else 1920.0
        return max(width * DOT_RADIUS, MIN_PIXELS * pixel)

    def reach(self, view: SlideView) -> float | None:
        viewport = view.viewport()
        if viewport is None:
            return None
        return 2.2 * self.radius(view, 1.0 / viewport.scale) * viewport.scale

    def draw(self, painter: QPainter, view: SlideView, spot: Point, pixel: float) -> None:
        at = QPointF(*spot)
        radius = self.radius(view, pixel)
        glow = QRadialGradient(at, 2 * radius)
        halo = QColor(COLOUR)
        halo.setAlpha(110)
        glow.setColorAt(0.0, halo)
        halo.setAlpha(0)
        glow.setColorAt(1.0, halo)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(glow)
        painter.drawEllipse(at, 2 * radius, 2 * radius)
        painter.setBrush(COLOUR)
        painter.drawEllipse(at, radius, radius)
        painter.setBrush(QColor(255, 235, 235))
        painter.drawEllipse(at, radius * 0.35, radius * 0.35)


TOOL = PointerTool
