"""What a chart is laid out with: the canvas it appends to, its value axis and small parts.

:class:`ChartCanvas` appends fitted text boxes and shapes to a
:class:`~desktop.render.builder.SlideLayout` and says how a build's step shows each value
(:data:`Reveal`); :class:`Axis` places values along the value axis. The layouts themselves are
in :mod:`desktop.render.chart`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TypeAlias

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath

from desktop.core.builds import Shown
from desktop.core.data import Chart, ChartType, Number
from desktop.core.numbers import format_number, nice_ticks
from desktop.render.builder import SECONDARY_GAP, SECONDARY_SCALE, SlideLayout, faint
from desktop.render.chart_items import ChartStyle, Shape, box, hatch
from desktop.render.items import Text
from desktop.render.table_fit import advance
from desktop.render.text import Para, TextBox, VAlign

LEFT, RIGHT, CENTER = (
    Qt.AlignmentFlag.AlignLeft,
    Qt.AlignmentFlag.AlignRight,
    Qt.AlignmentFlag.AlignHCenter,
)
Reveal: TypeAlias = Callable[[int, int], Shown]
"""How a build's step shows the value of series *s* at category *n* (``reveal(s, n)``)."""


def all_shown(series: int, category: int) -> Shown:
    """A chart without a build, or complete: every value shown."""
    return Shown.SHOWN


@dataclass
class ChartCanvas:
    """Where a chart is laid out: text boxes and shapes appended to *out*."""

    out: SlideLayout
    style: ChartStyle
    language: str
    """How numbers are written (the deck's shown language)."""
    reveal: Reveal = all_shown
    second: Callable[[str], str] = lambda path: ""
    """The secondary language's text of a field path of the chart (``chart.unit``), to set
    beside or below its primary text; empty in one language and where it has none."""
    second_code: str = ""
    """The secondary language's code (``zh``), or ""."""
    left_out: tuple[str, ...] = ()
    """Field paths (and the paths below them) whose secondary text is left out: there is
    no room for it (see :func:`desktop.render.chart.lay_out`)."""

    def second_text(self, path: str) -> str:
        """The secondary language's text of *path*, unless it is left out."""
        if any(path == gone or path.startswith(gone + "[") for gone in self.left_out):
            return ""
        return self.second(path)

    def second_size(self, size: float) -> float:
        """The size a secondary text is set at beside or below a primary one of *size*."""
        return max(self.style.small, size * SECONDARY_SCALE)

    def second_colour(self) -> str:
        return self.style.secondary or self.style.muted

    def at(self, series: int, category: int, colour: str) -> str | None:
        """*colour* for the value of *series* at *category* as this step shows it: faint
        while it is to come in a ``dim`` build, None while it is to come in another (its
        room is kept: the axis and the other values stay where they are)."""
        state = self.reveal(series, category)
        if state is Shown.HIDDEN:
            return None
        return faint(colour) if state is Shown.DIMMED else colour

    def box(
        self,
        rect: QRectF,
        text: str,
        size: float,
        name: str,
        color: str = "",
        align: Qt.AlignmentFlag = LEFT,
        bold: bool = False,
        wrap: bool = False,
        valign: VAlign = VAlign.TOP,
        second: str = "",
    ) -> TextBox:
        """A fitted text box, not yet placed (never below the style's smallest size), with
        *second* (a secondary language's text) set below *text*, smaller and lighter."""
        paras = [Para(text, size, color or self.style.text, bold=bold, align=align, space_after=0)]
        if second:
            small = self.second_size(size)
            paras[0] = replace(paras[0], space_after=SECONDARY_GAP * small / size)
            paras.append(Para(second, small, self.second_colour(), align=align, space_after=0))
        return TextBox(
            rect,
            paras,
            self.style.fonts,
            min_size=min(size, self.style.small),
            valign=valign,
            wrap=wrap,
            name=name,
        ).fit()

    def place(self, box: TextBox) -> TextBox:
        self.out.boxes.append(box)
        self.out.items.append(Text(box))
        return box

    def shape(self, shape: Shape) -> None:
        self.out.items.append(shape)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """The advance width of *text* at *size* in the chart's fonts (kept, as a table's:
        not a new font for each text measured)."""
        return advance(self.style.fonts, size, bold, text)


@dataclass
class Axis:
    low: float
    high: float
    ticks: list[tuple[float, str]]
    base: float
    """Where bars grow from: 0, or the axis end nearest to it."""
    step: float
    decimals: int
    """The step between the ticks and the digits after their point."""

    @classmethod
    def of(cls, chart: Chart, language: str, most: int = 6) -> Axis:
        low, high = chart.extent()
        low = chart.axis_min if chart.axis_min is not None else low
        high = chart.axis_max if chart.axis_max is not None else high
        ticks = nice_ticks(low, high, most, zero=chart.type is ChartType.BAR)
        start = chart.axis_min if chart.axis_min is not None else ticks.low
        end = chart.axis_max if chart.axis_max is not None else ticks.high
        marks = [
            (v, format_number(v, ticks.decimals, language))
            for v in ticks.values
            if start - 1e-9 <= v <= end + 1e-9
        ]
        return cls(start, end, marks, min(max(0.0, start), end), ticks.step, ticks.decimals)

    def at(self, value: float) -> float:
        """Where *value* is along the axis, from 0 (low) to 1 (high), clamped."""
        return min(1.0, max(0.0, (value - self.low) / (self.high - self.low)))


def bar_slots(slot: float, series: int) -> tuple[float, float]:
    """Where a category's bars start within its *slot* (its width along the category axis),
    and how thick each of its *series* bars is: one bar takes 60 % of the slot, several
    together 80 %, centred."""
    group = slot * (0.6 if series == 1 else 0.8)
    return (slot - group) / 2, group / series


def shown_bars(
    canvas: ChartCanvas, chart: Chart
) -> Iterator[tuple[int, int, Number | None, str, str]]:
    """Each bar of *chart* this step shows: its series, category, value (None: a gap), colour
    and its label's colour. A bar still to come in a build is left out (its room is kept)."""
    style = canvas.style
    for s, data in enumerate(chart.series):
        for n, value in enumerate(data.values):
            colour, ink = canvas.at(s, n, style.colour(s)), canvas.at(s, n, style.text)
            if colour is not None and ink is not None:
                yield s, n, value, colour, ink


def bar(canvas: ChartCanvas, rect: QRectF, colour: str, target: bool) -> None:
    """A result filled; a target outlined and hatched."""
    if not target:
        canvas.shape(Shape(box(rect), fill=colour))
        return
    line = max(2.0, min(4.0, rect.width() / 12))
    inner = rect.adjusted(line / 2, line / 2, -line / 2, -line / 2)
    canvas.shape(Shape(box(inner), fill=canvas.style.background, line=colour, width=line))
    spacing = max(8.0, min(18.0, rect.width() / 4))
    canvas.shape(Shape(hatch(inner, spacing), line=colour, width=line * 0.6))


def tick_length(canvas: ChartCanvas) -> float:
    """How far a tick label stands off the plot."""
    return canvas.style.small * 0.6


def centred(x: float, width: float, plot: QRectF, top: float, height: float) -> QRectF:
    """A label's box *width* wide, centred on *x* but kept inside the plot's sides."""
    left = min(max(plot.left(), x - width / 2), plot.right() - width)
    return QRectF(left, top, width, height)


def line(x1: float, y1: float, x2: float, y2: float) -> QPainterPath:
    path = QPainterPath(QPointF(x1, y1))
    path.lineTo(QPointF(x2, y2))
    return path


def value_texts(chart: Chart, canvas: ChartCanvas) -> dict[tuple[int, int], str]:
    """Each value as written on the chart (with the decimals it is written with), by
    (series, category)."""
    return {
        (s, n): format_number(value.value, value.decimals, canvas.language)
        for s, data in enumerate(chart.series)
        for n, value in enumerate(data.values)
        if isinstance(value, Number)
    }


def label_size(canvas: ChartCanvas, texts: dict[tuple[int, int], str], room: float) -> float:
    """The size value labels are written at: the label size, smaller down to the smallest
    text while the widest is wider than *room*, or 0 when even that does not fit."""
    style = canvas.style
    widest = max((canvas.width(t, style.label, True) for t in texts.values()), default=0.0)
    if widest <= room:
        return style.label
    size = style.label * room / widest
    return size if size >= style.small else 0.0
