"""Data on slides: the table and the chart of a slide, as the loader reads them. No Qt.

A :class:`Table` is a header row and rows of cells; a :class:`Chart` is categories and one
or more series of values over them. A cell is text (inline emphasis allowed, a text per
language like every text field), a :class:`Number` or ``None`` (no value, shown as ``–``).
Numbers keep the decimals they are written with; they are formatted for the shown language
only when drawn (:func:`desktop.core.numbers.format_number`).

The texts of both (header and text cells, the note; categories, series names, the unit) are
slide texts with field paths below the slide (``table.rows[1][0]``, ``chart.series[0].name``):
:func:`data_fields` lists them for :meth:`Slide.texts <desktop.core.model.Slide.texts>` and
:func:`map_table`, :func:`map_chart` replace them for :meth:`Slide.with_texts
<desktop.core.model.Slide.with_texts>`.

What a build step reveals one at a time is :meth:`Table.items` (the rows) and
:meth:`Chart.items` (the series, or the categories of a chart with one series).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Number:
    """A number as a deck writes it."""

    value: float
    decimals: int = 0
    """Digits after the point as written (``22.18``: 2): a column shows its numbers with
    their own decimals, aligned on the point."""


Cell = Number | str | None
"""One table cell: text, a number, or None for no value."""


class Align(enum.Enum):
    """How a table column is aligned; a column of numbers is on the right unless told."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class ChartType(enum.Enum):
    """What a chart draws.

    BAR: a bar per category (grouped when there are several series); LINE: a line through the
    categories, a dot at each value.
    """

    BAR = "bar"
    LINE = "line"


@dataclass(frozen=True, slots=True)
class Table:
    """A table: :attr:`columns` is the header row, each of :attr:`rows` as long as it."""

    columns: tuple[str, ...]
    """The header texts, one per column."""
    rows: tuple[tuple[Cell, ...], ...]
    """The body rows, top to bottom; each has one cell per column."""
    align: tuple[Align, ...] = ()
    """Each column's alignment (as many as columns once loaded)."""
    highlight_row: int | None = None
    """The row drawn highlighted (0-based index into :attr:`rows`), or None."""
    highlight_column: int | None = None
    """The column drawn highlighted (0-based), or None."""
    note: str = ""
    """A line under the table (what a value means, where a figure is from)."""
    csv: str = ""
    """The CSV file the header and rows were read from, as written (``data/x.csv``), or ""."""

    def items(self) -> tuple[str, ...]:
        """What a build step shows one at a time: the field path of each row."""
        return tuple(f"table.rows[{n}]" for n in range(len(self.rows)))

    def numeric(self, column: int) -> bool:
        """Whether *column* holds numbers (and no text) below its header."""
        cells = [row[column] for row in self.rows if row[column] is not None]
        return bool(cells) and all(isinstance(cell, Number) for cell in cells)

    def decimals(self, column: int) -> int:
        """The most decimals a number of *column* is written with."""
        return max((c.decimals for r in self.rows if isinstance(c := r[column], Number)), default=0)


@dataclass(frozen=True, slots=True)
class Series:
    """One series of a chart: its name and a value (or None: a gap) per category."""

    name: str
    values: tuple[Number | None, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart of one or more series over the same categories."""

    type: ChartType
    categories: tuple[str, ...]
    """The labels along the category axis, in order."""
    series: tuple[Series, ...]
    unit: str = ""
    """What the values are counted in (``million TEU``), shown once, by the value axis."""
    targets: frozenset[int] = frozenset()
    """The categories (0-based) that are targets or forecasts, not results: drawn outlined
    and hatched, and labelled so."""
    labels: bool = True
    """Whether each value is written at its bar or point (where it fits)."""
    horizontal: bool = False
    """Bars run left to right, the categories down the side (bar charts only)."""
    axis_min: float | None = None
    """The value axis' lower end (None: from 0, or below the least value if negative)."""
    axis_max: float | None = None
    """The value axis' upper end (None: just above the largest value, on a round tick)."""
    note: str = ""
    """A line under the chart."""
    csv: str = ""
    """The CSV file the categories and series were read from, as written, or ""."""

    def items(self) -> tuple[str, ...]:
        """What a build step shows one at a time: each series' field path, or each category's
        (``chart.categories[n]``) when there is only one series."""
        if len(self.series) == 1:
            return tuple(f"chart.categories[{n}]" for n in range(len(self.categories)))
        return tuple(f"chart.series[{n}]" for n in range(len(self.series)))

    def decimals(self) -> int:
        """The most decimals a value is written with: every value label shows as many."""
        return max((v.decimals for s in self.series for v in s.values if v is not None), default=0)

    def extent(self) -> tuple[float, float]:
        """The least and largest value (0, 0 when the chart has none)."""
        values = [v.value for s in self.series for v in s.values if v is not None]
        return (min(values), max(values)) if values else (0.0, 0.0)


Fields = list[tuple[str, str, str]]
"""``(part, field path, text)`` of a slide's texts (as :meth:`Slide.texts` lists them)."""


def data_fields(table: Table | None, chart: Chart | None) -> Fields:
    """The texts of a table and a chart, in reading order, with their field paths."""
    fields: Fields = []
    if table is not None:
        fields += [("table", f"table.columns[{n}]", t) for n, t in enumerate(table.columns)]
        for r, row in enumerate(table.rows):
            fields += [
                ("table", f"table.rows[{r}][{c}]", cell)
                for c, cell in enumerate(row)
                if isinstance(cell, str)
            ]
        fields.append(("table", "table.note", table.note))
    if chart is not None:
        fields += [("chart", f"chart.categories[{n}]", t) for n, t in enumerate(chart.categories)]
        fields += [("chart", f"chart.series[{n}].name", s.name) for n, s in enumerate(chart.series)]
        fields.append(("chart", "chart.unit", chart.unit))
        fields.append(("chart", "chart.note", chart.note))
    return fields


Replace = Callable[[str, str], str]
"""``text(field path, text)``: a text's replacement (see :meth:`Slide.with_texts`)."""


def map_table(table: Table | None, text: Replace) -> Table | None:
    """*table* with each text replaced, at the paths of :func:`data_fields`."""
    if table is None:
        return None
    rows = tuple(
        tuple(
            text(f"table.rows[{r}][{c}]", cell) if isinstance(cell, str) else cell
            for c, cell in enumerate(row)
        )
        for r, row in enumerate(table.rows)
    )
    columns = tuple(text(f"table.columns[{n}]", t) for n, t in enumerate(table.columns))
    return replace(table, columns=columns, rows=rows, note=text("table.note", table.note))


def map_chart(chart: Chart | None, text: Replace) -> Chart | None:
    """*chart* with each text replaced, at the paths of :func:`data_fields`."""
    if chart is None:
        return None
    return replace(
        chart,
        categories=tuple(text(f"chart.categories[{n}]", t) for n, t in enumerate(chart.categories)),
        series=tuple(
            Series(text(f"chart.series[{n}].name", s.name), s.values)
            for n, s in enumerate(chart.series)
        ),
        unit=text("chart.unit", chart.unit),
        note=text("chart.note", chart.note),
    )
