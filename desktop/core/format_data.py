"""The deck format of a slide's ``table`` and ``chart`` (see :mod:`desktop.core.format`).

The records check the shape of what is written inline; what needs the whole table or chart
(rows as long as the header, a value per category, targets that name categories) and the CSV
form are checked by the loader (:mod:`desktop.core.loader_data`), with the same limits.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from desktop.core.data import Align, ChartType
from desktop.core.i18n import N_, _
from desktop.core.problems import Problem
from desktop.core.schema import (
    JSON,
    Choice,
    Field,
    Flag,
    Kind,
    ListOf,
    Record,
    Text,
    _type_of,
    scalar_text,
)
from desktop.core.schema_localized import Localized
from desktop.core.yaml_nodes import Node

MAX_COLUMNS: Final = 12
"""Columns of one table (cells of a row)."""
MAX_ROWS: Final = 60
"""Body rows of one table."""
MAX_CATEGORIES: Final = 60
"""Categories of one chart."""
MAX_SERIES: Final = 5
"""Series of one chart: as many as the theme's chart palette has colours."""
MAX_CSV_BYTES: Final = 256 * 1024
"""Largest CSV file a table or chart reads (a table of 60 rows is a few kilobytes)."""
MAX_CELL: Final = 300
"""Characters of one cell, header, category or series name."""

READABLE_ROWS: Final = {"16:9": 8, "4:3": 8}
"""Rows a table shows at a readable size, by aspect; more is a warning."""
READABLE_COLUMNS: Final = {"16:9": 7, "4:3": 5}
"""Columns a table shows at a readable size, by aspect; more is a warning."""
READABLE_CATEGORIES: Final = {ChartType.BAR: 12, ChartType.LINE: 24}
"""Categories a chart labels readably, by type; more is a warning."""
READABLE_HORIZONTAL: Final = 8
"""Categories of a horizontal bar chart (one under another) that stay readable."""
READABLE_BARS: Final = 24
"""Bars of one bar chart (categories times series) that stay readable."""


@dataclass(frozen=True)
class Value(Kind):
    """A number (``22.18``), or empty (``null``, or nothing: no value) where *cell* allows
    text too: a table cell is text, a number or empty; a chart value a number or empty."""

    cell: Localized | None = None
    """The text kind of a table cell; None for a chart value (numbers only)."""
    description: str = ""

    def type_name(self) -> str:
        return _("a number, text or `null`") if self.cell else _("a number or `null` (no value)")

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        value = node.value
        if value is None:
            return
        if isinstance(value, int | float) and not isinstance(value, bool):
            if not math.isfinite(value):
                problems.append(
                    Problem(
                        node.location,
                        _("`{field}` is not a finite number").format(field=path),
                        field=path,
                    )
                )
            return
        if self.cell is not None and not isinstance(value, bool | list):
            self.cell.check(node, path, problems)
            return
        written = scalar_text(node)
        if self.cell is not None:
            message = _("`{field}` must be {kind}, not {actual}")
        elif written is not None and isinstance(value, str):
            message = _(
                "`{field}` must be {kind}, not {actual} ({value}); a chart draws numbers only"
            )
        else:
            message = _("`{field}` must be {kind}, not {actual}; a chart draws numbers only")
        problems.append(
            Problem(
                node.location,
                message.format(
                    field=path, kind=self.type_name(), actual=_type_of(node), value=repr(written)
                ),
                field=path,
            )
        )

    def json_schema(self) -> JSON:
        kinds: list[JSON] = [{"type": "number"}, {"type": "null"}]
        if self.cell is not None:
            kinds += self.cell.json_schema()["anyOf"]
        return {"anyOf": kinds}

    def takes_key(self, key: str) -> bool:
        return self.cell is not None and self.cell.takes_key(key)


@dataclass(frozen=True)
class Count(Kind):
    """A whole number from 1 (a row or column, counted as a reader counts)."""

    description: str = ""

    def type_name(self) -> str:
        return _("a whole number from 1")

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            shown = scalar_text(node) or _type_of(node)
            problems.append(
                Problem(
                    node.location,
                    _("`{field}` must be {kind}, not {actual}").format(
                        field=path, kind=self.type_name(), actual=shown
                    ),
                    field=path,
                )
            )

    def json_schema(self) -> JSON:
        return {"type": "integer", "minimum": 1}


CSV_FIELD: Final = Text(max_length=500)


def data_records(text: Localized) -> tuple[Record, Record]:
    """The ``table`` and ``chart`` records, their texts of the kind *text* (a text or a text
    per language, as every text field of the format)."""
    label = Localized(Text(max_length=MAX_CELL), text.code)
    value = Value()
    table = Record(
        name="table",
        label=N_("table"),
        description="A table: a header row and rows of cells, inline or from a CSV file.",
        fields=(
            Field(
                "columns",
                ListOf(label, min_items=1, max_items=MAX_COLUMNS),
                "The header row: one text per column.",
            ),
            Field(
                "rows",
                ListOf(
                    ListOf(Value(label), min_items=1, max_items=MAX_COLUMNS),
                    min_items=1,
                    max_items=MAX_ROWS,
                ),
                "The rows, each a list of one cell per column: text, a number (`22.18`, shown"
                " with its decimals, aligned on the point) or `null` (no value, shown as –).",
            ),
            Field(
                "csv",
                CSV_FIELD,
                "Instead of `columns` and `rows`: a UTF-8 CSV file inside the deck folder, its"
                " first line the header.",
            ),
            Field(
                "align",
                ListOf(Choice(tuple(a.value for a in Align)), min_items=1, max_items=MAX_COLUMNS),
                "Each column's alignment: `left`, `center` or `right`.",
                default="numbers right, text left",
            ),
            Field("highlight_row", Count(), "A row to highlight, counted from 1 below the header."),
            Field("highlight_column", Count(), "A column to highlight, counted from 1."),
            Field("note", text, "A line under the table."),
        ),
    )
    series = Record(
        name="series",
        label=N_("series"),
        fields=(
            Field("name", label, "The series' name, shown in the legend."),
            Field(
                "values",
                ListOf(value, min_items=1, max_items=MAX_CATEGORIES),
                "One number per category, or `null` for none (a gap).",
                required=True,
            ),
        ),
    )
    chart = Record(
        name="chart",
        label=N_("chart"),
        description="A chart of one or more series over categories, inline or from a CSV file.",
        fields=(
            Field(
                "type",
                Choice(tuple(t.value for t in ChartType)),
                "`bar` (bars, grouped for several series) or `line`.",
                default=ChartType.BAR.value,
            ),
            Field(
                "categories",
                ListOf(label, min_items=1, max_items=MAX_CATEGORIES),
                "The labels along the category axis (years, places).",
            ),
            Field(
                "series",
                ListOf(series, min_items=1, max_items=MAX_SERIES),
                "The series: `name` and `values`; several get a legend.",
            ),
            Field(
                "csv",
                CSV_FIELD,
                "Instead of `categories` and `series`: a UTF-8 CSV file inside the deck folder;"
                " its first line names the series, each other line is a category and its values.",
            ),
            Field("unit", label, "What the values count, shown once: `million TEU`."),
            Field(
                "targets",
                ListOf(Text(max_length=MAX_CELL), min_items=1, max_items=MAX_CATEGORIES),
                "The categories (as written in the primary language) that are targets or"
                " forecasts: drawn outlined and hatched, and labelled so.",
            ),
            Field("labels", Flag(), "Write each value at its bar or point.", default="true"),
            Field("horizontal", Flag(), "Bars left to right (bar charts).", default="false"),
            Field(
                "axis",
                Record(
                    "axis",
                    label=N_("axis"),
                    fields=(
                        Field("min", value, "The value axis' lower end."),
                        Field("max", value, "The value axis' upper end."),
                    ),
                ),
                "The value axis' range.",
                default="0 to just above the largest value",
            ),
            Field("note", text, "A line under the chart."),
        ),
    )
    return table, chart
