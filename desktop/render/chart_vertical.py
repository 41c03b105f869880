"""A chart's vertical bars or lines: the categories along the bottom, the values up the side.

Laid out on a :class:`~desktop.render.chart_canvas.ChartCanvas` by
:func:`desktop.render.chart.lay_out_chart` for a line chart and a bar chart that is not
``horizontal`` (:mod:`desktop.render.chart_across` draws those).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from desktop.core.data import Chart, ChartType
from desktop.render.builder import lines, same_scale
from desktop.render.chart_canvas import (
    CENTER,
    RIGHT,
    Axis,
    ChartCanvas,
    bar,
    bar_slots,
    centred,
    label_size,
    line,
    shown_bars,
    tick_length,
    value_texts,
)
from desktop.render.chart_items import Shape, box

_Place = Callable[[float], float]
"""Where a value is along the value axis, in canvas pixels."""


def vertical(
    canvas: ChartCanvas, area: QRectF, chart: Chart, axis: Axis, need: float = 0.0
) -> QRectF:
    """Categories along the bottom, values up the side: bars or a line; returns the plot
    (at once, after the categories, where it is shorter than *need*)."""
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
    if plot.height() < need:
        return plot
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
    return plot


def _vertical_bars(
    canvas: ChartCanvas, plot: QRectF, chart: Chart, axis: Axis, slot: float, y: _Place
) -> None:
    style = canvas.style
    series = len(chart.series)
    start, width = bar_slots(slot, series)
    texts = value_texts(chart, canvas)
    size = label_size(canvas, texts, width * (1.0 if series == 1 else 1.1))
    count = len(chart.categories)
    for s, n, value, colour, ink in shown_bars(canvas, chart):
        x = plot.left() + n * slot + start + s * width
        inset = width * 0.06 if series > 1 else 0.0
        if value is None:
            canvas.place(
                canvas.box(
                    QRectF(x, y(axis.base) - lines(style.small), width, lines(style.small)),
                    "–",
                    style.small,
                    f"chart-gap-{s * count + n}",
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
            label = canvas.box(
                centred(rect.center().x(), slot, plot, at, label_h),
                text,
                size,
                f"chart-value-{s * count + n}",
                ink,
                align=CENTER,
                bold=True,
            )
            # On the slide's background, gridlines stop short of the value (none runs
            # through its digits).
            behind = label.drawn_rect().adjusted(-size * 0.25, 0, size * 0.25, 0)
            canvas.shape(Shape(box(behind), fill=style.background))
            canvas.place(label)


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
