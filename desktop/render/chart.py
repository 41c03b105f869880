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

import enum
from typing import Final

from PySide6.QtCore import QRectF

from desktop.core.builds import Shown, item_state
from desktop.core.data import Chart, ChartType
from desktop.core.markup import plain
from desktop.core.model import Layout
from desktop.render.builder import LayoutBuilder, SlideLayout, builds, lines
from desktop.render.chart_across import horizontal
from desktop.render.chart_canvas import Axis, ChartCanvas, Reveal, all_shown
from desktop.render.chart_items import ChartStyle
from desktop.render.chart_legend import legend
from desktop.render.chart_vertical import vertical
from desktop.render.items import ChartArea
from desktop.render.text import TextBox, VAlign

READABLE: Final = 0.4
"""In two languages the plot takes at least this share of the chart's height (some 60 % of
its height in one language, where the titles above take less): the note is set smaller or
beside the plot until it does."""
MIN_PLOT: Final = 0.25
"""The plot takes at least this share of the chart's height, or secondary texts give way
(named in :attr:`ChartArea.left_out`)."""
LEAVE_OUT: Final = ((), ("chart.note",), ("chart.note", "chart.categories"))
"""The secondary texts left out, in turn, while no arrangement gives the plot that room."""
BESIDE: Final = {True: 0.62, False: 0.55}
"""The share of the chart's width the plot keeps where the note is set beside it, on a wide
slide (the note top-aligned with the plot) and a narrow one (the note from the chart's top,
beside the unit: it takes more lines)."""


class Note(enum.Enum):
    """Where a chart's note is set in two languages (tried in turn, see :func:`lay_out`)."""

    BELOW = "below"
    """Under the plot, at the note's size."""
    SMALLER = "smaller"
    """Under the plot, at the theme's minimum size."""
    BESIDE = "beside"
    """Right of the plot (which keeps :data:`BESIDE` of the width)."""


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
    lay_out(canvas, body, chart, wide=b.w / b.h > 1.5)


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


def lay_out(canvas: ChartCanvas, rect: QRectF, chart: Chart, wide: bool = True) -> None:
    """Lay *chart* out in *rect* on *canvas* (its language, its build's step and the texts
    of a secondary language: each set below or beside its primary text, the unit's and the
    legend's beside, where they always fit).

    In two languages the note is set below the plot, else (on a *wide* slide) beside it,
    else below at the theme's minimum size (on a narrow slide that comes before beside):
    the first that leaves the plot :data:`READABLE` with no text overflowing, or else the
    one with the tallest plot. Only where that is shorter than :data:`MIN_PLOT` of *rect*
    are the note's and then the categories' secondary texts left out (and named in
    :attr:`ChartArea.left_out`).
    """
    out = canvas.out
    if not canvas.second_code:
        _lay_out(canvas, rect, chart, Note.BELOW, wide)
        return
    order = (Note.BELOW, Note.BESIDE, Note.SMALLER) if wide else tuple(Note)
    items, boxes, areas = len(out.items), len(out.boxes), len(out.areas)

    readable = rect.height() * READABLE
    drawn: list[Note] = []
    """The arrangement laid out last (what the slide holds)."""

    def attempt(note: Note, need: float = 0.0) -> tuple[bool, float]:
        """Lay the chart out with its note as *note* says: whether no text overflows, and
        the plot's height. A plot shorter than *need* stops a vertical chart's layout there
        (the arrangement will not be taken: its other texts are not laid out)."""
        del out.items[items:], out.boxes[boxes:], out.areas[areas:]
        drawn[:] = [note]
        plot = _lay_out(canvas, rect, chart, note, wide, need).height()
        return not any(box.overflow for box in out.boxes[boxes:]), plot

    for left_out in LEAVE_OUT:
        canvas.left_out = left_out
        tried: dict[Note, tuple[bool, float]] = {}
        for note in order if chart.note else order[:1]:
            tried[note] = fits, plot = attempt(note, readable)
            if fits and plot >= readable:
                return
        # None was taken: those stopped short are laid out whole, to say if they fit.
        for note, (_, plot) in tried.items():
            if plot < readable:
                tried[note] = attempt(note)
        best = max(tried, key=tried.__getitem__)
        if tried[best][1] >= rect.height() * MIN_PLOT or left_out == LEAVE_OUT[-1]:
            if best is not drawn[0]:
                attempt(best)
            return


def _lay_out(
    canvas: ChartCanvas, rect: QRectF, chart: Chart, place: Note, wide: bool, need: float = 0.0
) -> QRectF:
    """Lay *chart* out in *rect*, its note set as *place* says; returns the plot. A vertical
    plot shorter than *need* is returned as soon as its height is known, the rest not laid
    out."""
    style, language = canvas.style, canvas.language
    area = QRectF(rect)
    if place is Note.BESIDE and chart.note:
        area.setWidth(rect.width() * BESIDE[wide])
    elif chart.note:
        size = style.small if place is Note.SMALLER else style.note
        note = _note(canvas, chart, QRectF(area), size, VAlign.BOTTOM)
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
    top = legend(canvas, area, chart, language, start)
    area.setTop(max(top, area.top() + row + style.label * 0.5 if chart.unit else top))
    across = chart.horizontal and chart.type is ChartType.BAR
    if across:  # ticks along the bottom, each some label widths apart
        room = area.width() * 0.7 / (canvas.width("0000.0", style.small) * 1.6)
    else:  # ticks up the side, each some lines apart
        room = (area.height() - lines(style.label, 3)) / (lines(style.small) * 1.5)
    axis = Axis.of(chart, language, max(2, min(6, int(room) + 1)))
    region = QRectF(rect.left(), rect.top() + (row if chart.unit else 0.0), area.width(), 0.0)
    region.setBottom(area.bottom())
    if across:
        plot = horizontal(canvas, area, chart, axis)
    else:
        plot = vertical(canvas, area, chart, axis, need)
        if plot.height() < need:
            return plot
    canvas.out.areas.append(_area(canvas, region, chart, axis, plot))
    if place is Note.BESIDE and chart.note:  # the rest of the width
        left, top = area.right() + style.label * 1.2, plot.top() if wide else rect.top()
        column = QRectF(left, top, rect.right() - left, rect.bottom() - top)
        _note(canvas, chart, column, style.note, VAlign.TOP)
    return plot


def _note(canvas: ChartCanvas, chart: Chart, rect: QRectF, size: float, valign: VAlign) -> TextBox:
    """The chart's note placed in *rect* at *size* (its secondary text below it): all of
    *rect* beside the plot (top-aligned), two lines of each language at its bottom below."""
    second = canvas.second_text("chart.note")
    if valign is VAlign.BOTTOM:
        height = lines(size, 2) + (lines(canvas.second_size(size), 2) if second else 0.0)
        rect = QRectF(rect.left(), rect.bottom() - height, rect.width(), height)
    style = canvas.style
    note = canvas.box(
        rect, chart.note, size, "chart-note", style.muted, wrap=True, valign=valign, second=second
    )
    return canvas.place(note)


def _area(canvas: ChartCanvas, region: QRectF, chart: Chart, axis: Axis, plot: QRectF) -> ChartArea:
    """Where the chart and its *plot* are, its axis and its texts as shown (a secondary
    language's on a line of its own), for formats that write it natively, and the texts
    drawn without their secondary language."""

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
        plot,
        _left_out(canvas, chart),
    )


def _left_out(canvas: ChartCanvas, chart: Chart) -> tuple[str, ...]:
    """The field paths of the chart's texts drawn without their secondary language's text
    (which they have): left out for the plot's room."""
    paths = ["chart.note", *(f"chart.categories[{n}]" for n in range(len(chart.categories)))]
    return tuple(p for p in paths if canvas.second(p) and not canvas.second_text(p))
