"""The spotlight (Ctrl+Shift+L): the slide dimmed but for a soft circle around the mouse.

A pointing tool like the laser pointer; the wheel makes the circle larger or smaller (instead
of moving the talk) while it is in use. The console dims less, so the speaker still reads the
whole slide there.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QRadialGradient

from desktop.core.actions import ActionSpec
from desktop.core.i18n import N_
from desktop.core.presenter.mapping import Point
from desktop.ui.presenter.pointing import PointingTool
from desktop.ui.presenter.tool import ToolHost
from desktop.ui.slide_view import SlideView

SPOTLIGHT: Final = ActionSpec(
    "spotlight",
    N_("Spotlight"),
    ("Ctrl+Shift+L",),
    group=N_("Tools"),
    description=N_("Dim the slide but a circle around the mouse; the wheel sizes it"),
    checkable=True,
)
RADIUS: Final = 0.16
"""The circle's radius at first, as a share of the canvas' height."""
SMALLEST: Final = 0.05
LARGEST: Final = 0.6
STEP: Final = 1.15
"""The wheel's step: each turn makes the circle this much larger (or smaller)."""
SOFT: Final = 0.18
"""The soft edge, as a share of the radius."""
DIM_AUDIENCE: Final = 190
DIM_CONSOLE: Final = 110


class SpotlightTool(PointingTool):
    """Ctrl+Shift+L: everything dark but a soft circle where the mouse is; wheel sizes it."""

    name = "spotlight"
    specs = (SPOTLIGHT,)
    rank = 1

    def __init__(self, host: ToolHost) -> None:
        super().__init__(host)
        self.size = RADIUS
        """The circle's radius, as a share of the canvas' height."""

    def wheel(self, steps: int) -> bool:
        if steps:
            self.size = min(LARGEST, max(SMALLEST, self.size * STEP**steps))
        return True

    def draw(self, painter: QPainter, view: SlideView, spot: Point, pixel: float) -> None:
        viewport = view.viewport()
        if viewport is None:
            return
        canvas = viewport.canvas
        radius = self.size * canvas.height
        outer = radius * (1 + SOFT)
        light = QRadialGradient(QPointF(*spot), outer)
        dark = QColor(0, 0, 0, DIM_CONSOLE if view is self.host.console.current else DIM_AUDIENCE)
        clear = QColor(0, 0, 0, 0)
        light.setColorAt(0.0, clear)
        light.setColorAt(radius / outer, clear)
        light.setColorAt(1.0, dark)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillRect(QRectF(0, 0, canvas.width, canvas.height), light)


TOOL = SpotlightTool
