"""A chart's horizontal bars: the categories down the side, the values along the bottom.

Laid out on a :class:`~desktop.render.chart_canvas.ChartCanvas` by
:func:`desktop.render.chart.lay_out_chart` for a bar chart with ``horizontal: true``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF

from desktop.core.data import Chart
from desktop.core.markup import plain
from desktop.render.builder import lines, same_scale
from desktop.render.chart_canvas import (
    CENTER,
    RIGHT,
    Axis,
    ChartCanvas,
    bar,
    bar_slots,
    line,
    shown_bars,
    value_texts,
)
from desktop.render.chart_items import Shape
from desktop.render.text import VAlign


def horizontal(canvas: ChartCanvas, area: QRectF, chart: Chart, axis: Axis) -> QRectF:
    """Categories down the side, bars to the right, the values along the bottom; returns the
    plot."""
    style = canvas.style
    seconds = [canvas.second_text(f"chart.categories[{n}]") for n in range(len(chart.categories))]
    small = canvas.second_size(style.label)
    widest = max(
        max(canvas.width(plain(name), style.label), canvas.width(plain(second), small))
        for name, second in zip(chart.categories, seconds, strict=True)
    )
    gutter = min(area.width() * 0.32, widest + style.label * 0.6)
    tick_h = lines(style.small)
    plot = QRectF(area.left() + gutter, area.top(), area.width() - gutter, 1.0)
    plot.setBottom(area.bottom() - tick_h - style.small * 0.3)
    count = len(chart.categories)
    slot = plot.height() / count
    labels = [
        canvas.box(
            QRectF(area.left(), plot.top() + n * slot, gutter - style.label * 0.4, slot),
            name,
            style.label,
            f"chart-category-{n}",
            align=RIGHT,
            wrap=True,
            valign=VAlign.CENTER,
            second=seconds[n],
        )
        for n, name in enumerate(chart.categories)
    ]
    same_scale(labels)
    for label in labels:
        canvas.place(label)

    def x(value: float) -> float:
        return plot.left() + axis.at(value) * plot.width()

    for n, (value, text) in enumerate(axis.ticks):
        at = x(value)
        canvas.shape(Shape(line(at, plot.top(), at, plot.bottom()), line=style.rule, width=1.5))
        width = canvas.width(text, style.small) + 8
        tick = QRectF(at - width / 2, plot.bottom() + style.small * 0.3, width, tick_h)
        canvas.place(canvas.box(tick, text, style.small, f"chart-tick-{n}", style.muted, CENTER))
    series = len(chart.series)
    start, height = bar_slots(slot, series)
    texts = value_texts(chart, canvas)
    size = min(style.label, height * 0.75) if chart.labels else 0.0
    for s, n, number, colour, ink in shown_bars(canvas, chart):
        top = plot.top() + n * slot + start + s * height
        if number is None:
            gap = QRectF(x(axis.base) + 8, top, plot.width() / 2, height)
            name = f"chart-gap-{s * count + n}"
            muted = canvas.at(s, n, style.muted) or style.muted
            canvas.place(canvas.box(gap, "–", style.small, name, muted, valign=VAlign.CENTER))
            continue
        left, right = x(min(number.value, axis.base)), x(max(number.value, axis.base))
        rect = QRectF(left, top, max(1.0, right - left), height)
        bar(canvas, rect, colour, n in chart.targets)
        text = texts[(s, n)]
        room = plot.right() - rect.right() - 8
        wide = canvas.width(text, size, True) + 16 if size >= style.small else math.inf
        name = f"chart-value-{s * count + n}"
        label_h = lines(size) if size else 0.0
        top = rect.center().y() - label_h / 2
        if wide <= room:  # after the bar; else inside its end, in the ground's colour
            place = QRectF(rect.right() + 8, top, room, label_h)
            label = canvas.box(place, text, size, name, ink, bold=True, valign=VAlign.CENTER)
            canvas.place(label)
        elif wide <= rect.width() and n not in chart.targets:
            place = QRectF(rect.left(), top, rect.width() - 8, label_h)
            ground = canvas.at(s, n, style.background) or style.background
            label = canvas.box(place, text, size, name, ground, RIGHT, True, False, VAlign.CENTER)
            canvas.place(label)
    at = x(axis.base)
    canvas.shape(Shape(line(at, plot.top(), at, plot.bottom()), line=style.muted, width=2.5))
    return plot
