"""A chart's legend: its series' names and the hatched targets' word, along the top.

Laid out on a :class:`~desktop.render.chart_canvas.ChartCanvas` by
:func:`desktop.render.chart.lay_out_chart`, each name with its secondary language's beside it.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QRectF

from desktop.core.data import Chart
from desktop.core.markup import plain
from desktop.render.builder import lines
from desktop.render.chart_canvas import ChartCanvas, bar
from desktop.render.text import VAlign

TARGET_WORD: Final = {"en": "Target", "zh": "目标"}
"""The legend's name for the hatched targets, by the shown language (English otherwise)."""


def legend(canvas: ChartCanvas, area: QRectF, chart: Chart, language: str, start: float) -> float:
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
