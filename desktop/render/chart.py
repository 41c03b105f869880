"""The chart layout: bars or lines drawn from a slide's :class:`~desktop.core.data.Chart`.

:func:`lay_out_chart` lays a chart out in a rectangle, as vector shapes
(:class:`~desktop.render.chart_items.Shape`) and real text boxes, into a
:class:`~desktop.render.builder.SlideLayout`: the slide builder registered here uses it, and
so does the rehearsal summary on the presenter console. The value axis has round ticks
(:func:`~desktop.core.numbers.nice_ticks`) and the unit once, above it; values are written at
their bars or points where they fit; several series get a legend; targets are outlined,
hatched and named in the legend; a ``null`` value is a gap.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from desktop.core.builds import Shown, item_state
from desktop.core.data import Chart, ChartType
from desktop.core.markup import plain
from desktop.core.model import Layout
from desktop.render.builder import LayoutBuilder, SlideLayout, builds, lines, same_scale
from desktop.render.chart_across import horizontal
from desktop.render.chart_canvas import (
    CENTER,
    RIGHT,
    Axis,
    ChartCanvas,
    Reveal,
    all_shown,
    bar,
    centred,
    label_size,
    line,
    tick_length,
    value_texts,
)
from desktop.render.chart_items import ChartStyle, Shape
from desktop.render.items import ChartArea
from desktop.render.text import VAlign

_Place = Callable[[float], float]
"""Where a value is along the value axis, in canvas pixels."""
TARGET_WORD: Final = {"en": "Target", "zh": "目标"}
"""The legend's name for the hatched targets, by the shown language (English otherwise)."""
MIN_PLOT: Final = 0.25
"""The plot takes at least this share of the chart's height, or secondary texts give way."""
LEAVE_OUT: Final = ((), ("chart.note",), ("chart.note", "chart.categories"))
"""The secondary texts left out, in turn, until the plot has its room."""


@builds(Layout.CHART)
def chart_slide(b: LayoutBuilder, body: QRectF) -> None:
    chart = b.ref.slide.chart
    assert chart is not None
    slide, step = b.ref.slide, b.step
    field = "chart.categories" if len(chart.series) == 1 else "chart.series"

    def reveal(series: int, category: int) -> Shown:
        return item_state(slide, field, category if len(chart.series) == 1 else series, step)

    style = ChartStyle.of(b.theme)
    canvas = ChartCanvas(b.out, style, b.deck.shown_language, reveal, b.secondary)
    canvas.second_code = b.deck.display.partition("+")[2]
    lay_out(canvas, body, chart)


def lay_out_chart(
    out: SlideLayout,
    rect: QRectF,
    chart: Chart,
    style: ChartStyle,
    language: str = "en",
    reveal: Reveal = all_shown,
) -> None:
    """Lay *chart* out in *rect*, its numbers written as *language* writes them, its values
    shown as *reveal* says (a build's step: the series, or the categories of a one-series
    chart, one more at each; the axes, labels and legend are there from the first)."""
    lay_out(ChartCanvas(out, style, language, reveal), rect, chart)


def lay_out(canvas: ChartCanvas, rect: QRectF, chart: Chart) -> None:
    """Lay *chart* out in *rect* on *canvas* (its language, its build's step and the texts
    of a secondary language: each set below or beside its primary text, the unit's and the
    legend's beside, where they always fit; the note's and then the categories' are left out
    while the plot would be shorter than :data:`MIN_PLOT` of *rect*)."""
    out = canvas.out
    items, boxes, areas = len(out.items), len(out.boxes), len(out.areas)
    for left_out in LEAVE_OUT:
        canvas.left_out = left_out
        if _lay_out(canvas, rect, chart) >= rect.height() * MIN_PLOT or not canvas.second_code:
            return
        if left_out != LEAVE_OUT[-1]:
            del out.items[items:], out.boxes[boxes:], out.areas[areas:]  # again, with less


def _lay_out(canvas: ChartCanvas, rect: QRectF, chart: Chart) -> float:
    """Lay *chart* out in *rect*; returns the plot's height."""
    style, language = canvas.style, canvas.language
    area = QRectF(rect)
    if chart.note:
        second = canvas.second_text("chart.note")
        note_h = lines(style.note, 2)
        note_h += lines(canvas.second_size(style.note), 2) if second else 0.0
        note = canvas.box(
            QRectF(area.left(), area.bottom() - note_h, area.width(), note_h),
            chart.note,
            style.note,
            "chart-note",
            style.muted,
            wrap=True,
            valign=VAlign.BOTTOM,
            second=second,
        )
        canvas.place(note)
        area.setBottom(note.drawn_rect().top() - style.label * 0.6)
    start = area.left()
    row = lines(style.label)
    if chart.unit:
        unit = canvas.box(
            QRectF(area.left(), area.top(), area.width(), row),
            chart.unit,
            style.small,
            "chart-unit",
            style.muted,
            valign=VAlign.CENTER,
        )
        canvas.place(unit)
        start = area.left() + unit.content_size()[0]
        second = canvas.second_text("chart.unit")
        if second:  # beside it: the unit's row stays one line
            start += style.small * 0.5
            beside = canvas.box(
                QRectF(start, area.top(), max(1.0, area.right() - start), row),
                second,
                style.small,
                "chart-unit",
                canvas.second_colour(),
                valign=VAlign.CENTER,
            )
            canvas.place(beside)
            start += beside.content_size()[0]
        start += style.label * 1.2
    top = _legend(canvas, area, chart, language, start)
    area.setTop(max(top, area.top() + row + style.label * 0.5 if chart.unit else top))
    across = chart.horizontal and chart.type is ChartType.BAR
    if across:  # ticks along the bottom, each some label widths apart
        room = area.width() * 0.7 / (canvas.width("0000.0", style.small) * 1.6)
    else:  # ticks up the side, each some lines apart
        room = (area.height() - lines(style.label, 3)) / (lines(style.small) * 1.5)
    axis = Axis.of(chart, language, max(2, min(6, int(room) + 1)))
    region = QRectF(rect.left(), rect.top() + (row if chart.unit else 0.0), rect.width(), 0.0)
    region.setBottom(area.bottom())
    canvas.out.areas.append(_area(canvas, region, chart, axis))
    if across:
        return horizontal(canvas, area, chart, axis)
    return _vertical(canvas, area, chart, axis)


def _area(canvas: ChartCanvas, region: QRectF, chart: Chart, axis: Axis) -> ChartArea:
    """Where the chart is, its axis and its texts as shown (a secondary language's on a
    line of its own), for formats that write it natively."""

    def shown(text: str, path: str) -> str:
        second = plain(canvas.second_text(path))
        return plain(text) + (f"\n{second}" if second else "")

    return ChartArea(
        region,
        chart,
        axis.low,
        axis.high,
        axis.step,
        axis.decimals,
        canvas.language,
        tuple(shown(c, f"chart.categories[{n}]") for n, c in enumerate(chart.categories)),
        tuple(shown(s.name, f"chart.series[{n}].name") for n, s in enumerate(chart.series)),
    )


def _legend(canvas: ChartCanvas, area: QRectF, chart: Chart, language: str, start: float) -> float:
    """The legend along the top from *start* (several series, or targets), on as many rows
    as it needs; returns where the rows end."""
    style = canvas.style
    entries = [
        (
            plain(s.name),
            plain(canvas.second_text(f"chart.series[{n}].name")),
            style.colour(n),
            False,
        )
        for n, s in enumerate(chart.series)
    ]
    if len(chart.series) < 2:
        entries = []
    if chart.targets:
        target = TARGET_WORD.get(language.split("-")[0], TARGET_WORD["en"])
        second = TARGET_WORD.get(canvas.second_code.split("-")[0], "") if canvas.second_code else ""
        colour = style.colour(0) if len(chart.series) == 1 else style.muted
        entries.append((target, second if second != target else "", colour, True))
    if not entries:
        return area.top()
    size, small = style.label, canvas.second_size(style.label)
    swatch = size * 0.75
    x, y, height = start, area.top(), lines(size)
    for n, (name, second, colour, hatched) in enumerate(entries):
        wide = swatch + size * 0.35 + canvas.width(name, size) + size * 0.2
        wide += size * 0.3 + canvas.width(second, small) if second else 0.0
        if x > area.left() and x + wide > area.right():  # the next row
            x, y = area.left(), y + height
        square = QRectF(x, y + (height - swatch) / 2, swatch, swatch)
        bar(canvas, square, colour, hatched)
        label = canvas.box(
            QRectF(square.right() + size * 0.35, y, area.right() - square.right(), height),
            name,
            size,
            f"chart-legend-{n}",
        )
        canvas.place(label)
        x = square.right() + size * 0.35 + label.content_size()[0]
        if second:  # beside it, in the same row
            x += size * 0.3
            beside = canvas.box(
                QRectF(x, y, max(1.0, area.right() - x), height),
                second,
                small,
                f"chart-legend-{n}",
                canvas.second_colour(),
                valign=VAlign.CENTER,
            )
            canvas.place(beside)
            x += beside.content_size()[0]
        x += size * 1.2
    return y + height + size * 0.5


def _vertical(canvas: ChartCanvas, area: QRectF, chart: Chart, axis: Axis) -> float:
    """Categories along the bottom, values up the side: bars or a line; returns the plot's
    height."""
    style = canvas.style
    gutter = max(canvas.width(text, style.small) for _, text in axis.ticks) + tick_length(canvas)
    count = len(chart.categories)
    slot = (area.width() - gutter) / count
    seconds = [canvas.second_text(f"chart.categories[{n}]") for n in range(count)]
    label_h = lines(style.label, 2)
    label_h += lines(canvas.second_size(style.label), 2) if any(seconds) else 0.0
    top = area.top() + (lines(style.label) if chart.labels else style.small * 0.6)
    plot = QRectF(area.left() + gutter, top, area.width() - gutter, 1.0)
    labels = [
        canvas.box(
            QRectF(plot.left() + n * slot + 4, 0, slot - 8, label_h),
            name,
            style.label,
            f"chart-category-{n}",
            align=CENTER,
            wrap=True,
            second=seconds[n],
        )
        for n, name in enumerate(chart.categories)
    ]
    same_scale(labels)
    needed = max(label.content_size()[1] for label in labels)
    plot.setBottom(max(top + 40, area.bottom() - needed - style.label * 0.3))
    for label in labels:
        label.rect.moveTop(plot.bottom() + style.label * 0.3)
        canvas.place(label)

    def y(value: float) -> float:
        return plot.bottom() - axis.at(value) * plot.height()

    for n, (value, text) in enumerate(axis.ticks):
        at = y(value)
        canvas.shape(Shape(line(plot.left(), at, plot.right(), at), line=style.rule, width=1.5))
        tick = QRectF(area.left(), at - lines(style.small) / 2, gutter - tick_length(canvas), 0)
        tick.setHeight(lines(style.small))
        canvas.place(canvas.box(tick, text, style.small, f"chart-tick-{n}", style.muted, RIGHT))
    if chart.type is ChartType.BAR:
        _vertical_bars(canvas, plot, chart, axis, slot, y)
    else:
        _lines(canvas, plot, chart, slot, y)
    at = y(axis.base)
    canvas.shape(Shape(line(plot.left(), at, plot.right(), at), line=style.muted, width=2.5))
    return plot.height()


def _vertical_bars(
    canvas: ChartCanvas, plot: QRectF, chart: Chart, axis: Axis, slot: float, y: _Place
) -> None:
    style = canvas.style
    series = len(chart.series)
    group = slot * (0.6 if series == 1 else 0.8)
    width = group / series
    texts = value_texts(chart, canvas)
    size = label_size(canvas, texts, width * (1.0 if series == 1 else 1.1))
    for s, data in enumerate(chart.series):
        for n, value in enumerate(data.values):
            colour, ink = canvas.at(s, n, style.colour(s)), canvas.at(s, n, style.text)
            if colour is None or ink is None:
                continue  # to come in a build: its room is kept
            x = plot.left() + n * slot + (slot - group) / 2 + s * width
            inset = width * 0.06 if series > 1 else 0.0
            if value is None:
                canvas.place(
                    canvas.box(
                        QRectF(x, y(axis.base) - lines(style.small), width, lines(style.small)),
                        "–",
                        style.small,
                        f"chart-gap-{s * len(data.values) + n}",
                        canvas.at(s, n, style.muted) or style.muted,
                        CENTER,
                    )
                )
                continue
            top, bottom = y(max(value.value, axis.base)), y(min(value.value, axis.base))
            rect = QRectF(x + inset, top, width - 2 * inset, max(1.0, bottom - top))
            bar(canvas, rect, colour, n in chart.targets)
            if size and chart.labels:
                above = value.value >= axis.base
                label_h = lines(size)
                at = rect.top() - label_h if above else rect.bottom()
                text = texts[(s, n)]
                canvas.place(
                    canvas.box(
                        centred(rect.center().x(), slot, plot, at, label_h),
                        text,
                        size,
                        f"chart-value-{s * len(data.values) + n}",
                        ink,
                        align=CENTER,
                        bold=True,
                    )
                )


def _lines(canvas: ChartCanvas, plot: QRectF, chart: Chart, slot: float, y: _Place) -> None:
    """A line per series through its values, broken at gaps, dashed into a target."""
    style = canvas.style
    texts = value_texts(chart, canvas)
    size = label_size(canvas, texts, slot * 0.95) if len(chart.series) == 1 else 0.0
    radius = style.label * 0.3
    for s, data in enumerate(chart.series):
        points = [
            QPointF(plot.left() + (n + 0.5) * slot, y(v.value)) if v is not None else None
            for n, v in enumerate(data.values)
        ]
        for n in range(1, len(points)):
            start, end = points[n - 1], points[n]
            colour = canvas.at(s, n, style.colour(s))  # a segment comes with its end
            if start is None or end is None or colour is None:
                continue
            dashed = n in chart.targets
            canvas.shape(
                Shape(
                    line(start.x(), start.y(), end.x(), end.y()),
                    line=colour,
                    width=5,
                    dashed=dashed,
                )
            )
        for n, point in enumerate(points):
            colour, ink = canvas.at(s, n, style.colour(s)), canvas.at(s, n, style.text)
            if point is None or colour is None or ink is None:
                continue
            dot = QPainterPath()
            dot.addEllipse(point, radius, radius)
            if n in chart.targets:
                canvas.shape(Shape(dot, fill=style.background, line=colour, width=4))
            else:
                canvas.shape(Shape(dot, fill=colour))
            if size and chart.labels:
                label_h = lines(size)
                canvas.place(
                    canvas.box(
                        centred(point.x(), slot, plot, point.y() - radius - label_h, label_h),
                        texts[(s, n)],
                        size,
                        f"chart-value-{s * len(points) + n}",
                        ink,
                        align=CENTER,
                        bold=True,
                    )
                )
