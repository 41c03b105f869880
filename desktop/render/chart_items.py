"""What charts and tables are drawn with: vector shapes, hatching and the chart's style.

A :class:`Shape` is a painter path, filled and outlined: bars, lines, dots and the hatching of
targets are all shapes, so a PDF holds them as vector paths (no image). :class:`ChartStyle`
is what a chart takes from the theme; :func:`lay_out_chart <desktop.render.chart.lay_out_chart>`
draws with it on a slide and on the rehearsal summary alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from desktop.core.theme import Theme


@dataclass(frozen=True, slots=True)
class Shape:
    """A path on the canvas: filled with *fill* (none when empty), outlined with *line*."""

    path: QPainterPath
    fill: str = ""
    line: str = ""
    width: float = 0.0
    dashed: bool = False
    round_caps: bool = False

    def paint(self, painter: QPainter) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.line and self.width > 0:
            pen = QPen(QColor(self.line))
            pen.setWidthF(self.width)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            round_cap = Qt.PenCapStyle.RoundCap if self.round_caps else Qt.PenCapStyle.FlatCap
            pen.setCapStyle(round_cap)
            if self.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(QColor(self.fill)) if self.fill else Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        painter.restore()


def box(rect: QRectF) -> QPainterPath:
    path = QPainterPath()
    path.addRect(rect)
    return path


def hatch(rect: QRectF, spacing: float) -> QPainterPath:
    """Diagonal lines (rising to the right) across *rect*, *spacing* apart, cut at its edges:
    drawn as lines, so the hatching of a target stays vector in every export."""
    path = QPainterPath()
    if rect.width() <= 0 or rect.height() <= 0 or spacing <= 0:
        return path
    left, right, bottom, height = rect.left(), rect.right(), rect.bottom(), rect.height()
    x0 = left - height + spacing / 2
    while x0 < right:
        start = max(0.0, left - x0)
        end = min(right - x0, height)
        if end > start:
            path.moveTo(QPointF(x0 + start, bottom - start))
            path.lineTo(QPointF(x0 + end, bottom - end))
        x0 += spacing
    return path


@dataclass(frozen=True, slots=True)
class ChartStyle:
    """The colours, fonts and sizes a chart is drawn in (from a theme, or a window's own)."""

    fonts: tuple[str, ...]
    text: str
    muted: str
    rule: str
    background: str
    palette: tuple[str, ...]
    label: float
    """Category labels, the legend and value labels."""
    small: float
    """Tick labels and the unit: the smallest text of the chart."""
    note: float
    """The note under the chart."""
    secondary: str = ""
    """A secondary language's text (``en+zh``: the Chinese beside or below the English);
    empty: the muted colour."""

    @classmethod
    def of(cls, theme: Theme) -> ChartStyle:
        """A slide's chart style: the theme's colours and its label and minimum text sizes."""
        minimum = float(theme.size("min_text"))
        return cls(
            fonts=theme.fonts,
            text=theme.color("text"),
            muted=theme.color("muted"),
            rule=theme.color("rule"),
            background=theme.color("background"),
            palette=theme.palette,
            label=max(minimum, float(theme.size("figure_label"))),
            small=minimum,
            note=max(minimum, float(theme.size("figure_label"))),
            secondary=theme.color("secondary"),
        )

    def colour(self, series: int) -> str:
        return self.palette[series % len(self.palette)]
