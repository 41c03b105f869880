"""Read a slide's ``table`` and ``chart``, inline or from a CSV file in the deck.

:class:`DataReader` turns the YAML of a table or chart into a :class:`~desktop.core.data.Table`
or :class:`~desktop.core.data.Chart`, checking what the schema cannot: rows as long as the
header, one value per category, targets and highlights that exist, an axis that holds the
values, and sizes that stay readable (warnings, with the limit). A CSV file is read inside
the deck folder (:meth:`~desktop.core.loader_paths.DeckPaths.inside`), as UTF-8, at most
:data:`~desktop.core.format_data.MAX_CSV_BYTES`, and its problems are located in it.
"""

from __future__ import annotations

from typing import Final

from desktop.core import format_data as fd
from desktop.core.csvfile import CsvCell, parse_csv
from desktop.core.data import Align, Cell, Chart, ChartType, Number, Series, Table
from desktop.core.i18n import _
from desktop.core.loader_base import Written, get_node, list_items
from desktop.core.loader_paths import DeckPaths
from desktop.core.numbers import decimals_of
from desktop.core.problems import Location
from desktop.core.schema import did_you_mean, scalar_text
from desktop.core.text import plural
from desktop.core.yaml_nodes import Node, shorten
from desktop.core.yamlfile import read_text_file

_ROWS: Final = "rows"
_COLUMNS: Final = "columns"
_CATEGORIES: Final = "categories"
_BARS: Final = "bars"


def _amount(what: str, n: int) -> str:
    """*n* of *what* (:data:`_ROWS`, :data:`_COLUMNS`, :data:`_CATEGORIES`, :data:`_BARS`),
    for a message: ``12 rows``."""
    if what == _ROWS:
        return plural(n, "{n} row", "{n} rows")
    if what == _COLUMNS:
        return plural(n, "{n} column", "{n} columns")
    if what == _CATEGORIES:
        return plural(n, "{n} category", "{n} categories")
    return plural(n, "{n} bar in all", "{n} bars in all")


Source = Node | CsvCell
"""Where a cell comes from: its YAML node, or its cell in a CSV file."""
Grid = list[list[Source]]
"""The header, then the rows, of a table or chart's data as written."""


class DataReader(DeckPaths):
    """The table and chart readers of the loader."""

    aspect: str = "16:9"
    """The deck's aspect (set once deck.yaml is read): how many rows and columns fit."""

    def table(self, node: Node | None, where: Written) -> Table | None:
        """The slide's table, or None when it has none (or is not a mapping)."""
        if node is None or not isinstance(node.value, dict):
            return None
        grid = self._grid(node, "table", ("columns", "rows"), where)
        if grid is None:
            return None
        header, *body = grid
        columns = tuple(
            self._label(cell, f"table.columns[{n}]", where) for n, cell in enumerate(header)
        )
        width = len(columns)
        prefix = f"{where.prefix}table"
        rows: list[tuple[Cell, ...]] = []
        rows_node = get_node(node, "rows")
        for r, row in enumerate(body):
            if len(row) != width:
                at = list_items(rows_node)[r].location if rows_node is not None else row[0].location
                self.error(
                    at,
                    _(
                        "`{field}` has {n} cells but the table has {width} columns (`columns`);"
                        " give every row {width} cells (`null` for no value)"
                    ).format(field=f"{prefix}.rows[{r}]", n=len(row), width=width),
                    f"{prefix}.rows[{r}]",
                )
            cells = [self._cell(cell, f"table.rows[{r}][{c}]", where) for c, cell in enumerate(row)]
            rows.append(tuple((cells + [None] * width)[:width]))
        if not rows:
            self.error(
                node.location,
                _("`{field}` has no rows; add a row under the header").format(field=prefix),
                prefix,
            )
            return None
        self._readable(node, prefix, _ROWS, len(rows), fd.READABLE_ROWS[self.aspect])
        self._readable(node, prefix, _COLUMNS, width, fd.READABLE_COLUMNS[self.aspect])
        table = Table(columns, tuple(rows), note=self.localized(node, "note", where, "table."))
        aligns = [Align.RIGHT if table.numeric(c) else Align.LEFT for c in range(width)]
        align_node = get_node(node, "align")
        written = [scalar_text(item) or "" for item in list_items(align_node)]
        if align_node is not None and written and len(written) != width:
            self.error(
                align_node.location,
                _(
                    "`{field}` has {n} items but the table has {width} columns; give one per column"
                ).format(field=f"{prefix}.align", n=len(written), width=width),
                f"{prefix}.align",
            )
        for c, word in enumerate(written[:width]):
            aligns[c] = Align(word) if word in {a.value for a in Align} else aligns[c]
        return Table(
            table.columns,
            table.rows,
            tuple(aligns),
            self._count(node, "highlight_row", len(rows), _ROWS, prefix),
            self._count(node, "highlight_column", width, _COLUMNS, prefix),
            table.note,
            self.text(node, "csv"),
        )

    def chart(self, node: Node | None, where: Written) -> Chart | None:
        """The slide's chart, or None when it has none (or is not a mapping)."""
        if node is None or not isinstance(node.value, dict):
            return None
        prefix = f"{where.prefix}chart"
        kind = self.text(node, "type", ChartType.BAR.value)
        chart_type = ChartType(kind) if kind in {t.value for t in ChartType} else ChartType.BAR
        if get_node(node, "csv") is not None:
            parsed = self._csv_chart(node, prefix, where)
        else:
            parsed = self._inline_chart(node, prefix, where)
        if parsed is None:
            return None
        categories, series = parsed
        targets = self._targets(node, categories, prefix)
        axis = get_node(node, "axis")
        low, high = self._number(axis, "min"), self._number(axis, "max")
        chart = Chart(
            chart_type,
            tuple(categories),
            tuple(series),
            unit=self.localized(node, "unit", where, "chart."),
            targets=frozenset(targets),
            labels=self.flag(node, "labels") is not False,
            horizontal=self.flag(node, "horizontal") is True,
            axis_min=low,
            axis_max=high,
            note=self.localized(node, "note", where, "chart."),
            csv=self.text(node, "csv"),
        )
        self._check_chart(node, chart, prefix)
        return chart

    # -- the parts ------------------------------------------------------------

    def _inline_chart(
        self, node: Node, prefix: str, where: Written
    ) -> tuple[list[str], list[Series]] | None:
        names = get_node(node, "categories")
        if names is None or get_node(node, "series") is None:
            self.error(
                node.location,
                _("`{field}` needs `{first}` and `{second}`, or `csv`; add them").format(
                    field=prefix, first="categories", second="series"
                ),
                prefix,
            )
            return None
        categories = [
            self._label(item, f"chart.categories[{n}]", where)
            for n, item in enumerate(list_items(names))
        ]
        series: list[Series] = []
        for n, item in enumerate(list_items(get_node(node, "series"))):
            if not isinstance(item.value, dict):
                continue
            values_node = get_node(item, "values")
            values = [_number(value) for value in list_items(values_node)]
            if values_node is not None and len(values) != len(categories):
                self.error(
                    values_node.location,
                    _(
                        "`{field}` has {n} values but the chart has {count} categories; give one"
                        " value per category (`null` for a gap)"
                    ).format(
                        field=f"{prefix}.series[{n}].values", n=len(values), count=len(categories)
                    ),
                    f"{prefix}.series[{n}].values",
                )
            name = self.localized(item, "name", where, f"chart.series[{n}].")
            series.append(
                Series(name, tuple((values + [None] * len(categories))[: len(categories)]))
            )
        return categories, series

    def _csv_chart(
        self, node: Node, prefix: str, where: Written
    ) -> tuple[list[str], list[Series]] | None:
        grid = self._grid(node, "chart", ("categories", "series"), where)
        if grid is None:
            return None
        header, *body = grid
        if len(header) < 2 or not body:
            self.error(
                header[0].location,
                _(
                    "`{field}` needs a header line (a label, then each series' name) and a line"
                    " per category (its name, then its values)"
                ).format(field=f"{prefix}.csv"),
                f"{prefix}.csv",
            )
            return None
        categories = [
            self._label(row[0], f"chart.categories[{n}]", where) for n, row in enumerate(body)
        ]
        series: list[Series] = []
        for s, cell in enumerate(header[1:]):
            values: list[Number | None] = []
            for row in body:
                source = row[s + 1] if s + 1 < len(row) else None
                value = source.value() if isinstance(source, CsvCell) else None
                at = source.location if source is not None else row[-1].location
                if isinstance(value, str):
                    self.error(
                        at,
                        _(
                            "{value} is not a number (`{field}`, series {n}); a chart draws"
                            " numbers only: write it as `22.18`, or leave the cell empty for no"
                            " value"
                        ).format(value=repr(shorten(value)), field=f"{prefix}.csv", n=s + 1),
                        f"{prefix}.csv",
                    )
                    value = None
                values.append(value)
            series.append(
                Series(self._label(cell, f"chart.series[{s}].name", where), tuple(values))
            )
        return categories, series

    def _grid(self, node: Node, name: str, inline: tuple[str, str], where: Written) -> Grid | None:
        """The header and rows of a table (or a chart's CSV) as written: inline or from the
        CSV file; None, with the problem said, when there is neither or both."""
        prefix = f"{where.prefix}{name}"
        csv_node = get_node(node, "csv")
        written = [key for key in inline if get_node(node, key) is not None]
        if csv_node is not None and written:
            self.error(
                node.key_locations.get(written[0], node.location),
                _(
                    "`{field}` has both `csv` and `{key}`; keep one: the data inline or in the"
                    " CSV file"
                ).format(field=prefix, key=written[0]),
                f"{prefix}.{written[0]}",
            )
            return None
        if csv_node is not None:
            return self._read_csv(csv_node, f"{prefix}.csv")
        header, rows = get_node(node, inline[0]), get_node(node, inline[1])
        if header is None or rows is None:
            self.error(
                node.location,
                _("`{field}` needs `{first}` and `{second}`, or `csv`; add them").format(
                    field=prefix, first=inline[0], second=inline[1]
                ),
                prefix,
            )
            return None
        grid: Grid = [list(list_items(header))]
        grid += [list[Source](list_items(row)) for row in list_items(rows)]
        return grid

    def _read_csv(self, node: Node, field: str) -> Grid | None:
        """The cells of the CSV file *node* names, or None (the problem said)."""
        relative = scalar_text(node) or ""
        target = self.inside(relative, node.location, field)
        if target is None:
            return None
        self.files.append(target)
        if not target.exists():
            self.error(
                node.location,
                _("CSV file {path} does not exist").format(path=shorten(relative)),
                field,
            )
            return None
        if target.suffix.lower() != ".csv":
            self.error(
                node.location, _("{path} is not a .csv file").format(path=shorten(relative)), field
            )
            return None
        text, problems = read_text_file(target, fd.MAX_CSV_BYTES, "CSV")
        self.problems.extend(problems)
        if text is None:
            return None
        self.budget.chars += len(text)
        rows, problem = parse_csv(text, target, fd.MAX_ROWS + 1, fd.MAX_COLUMNS)
        if problem is not None:
            self.problems.append(problem)
            return None
        if not rows:
            self.error(
                Location(target, 1, 1), _("the CSV file is empty; write a header line"), field
            )
            return None
        grid: Grid = [list(row) for row in rows]
        return grid

    def _label(self, source: Source, path: str, where: Written) -> str:
        """A text of the data (a header, category, series name) at *path* below the slide."""
        if isinstance(source, CsvCell):
            return self._neutral(self._csv_text(source, path, where), path, where)
        text = self.read_text(source, path, where, path.split(".")[-1].split("[")[0])
        return self._neutral(text, path, where)

    def _neutral(self, text: str, path: str, where: Written) -> str:
        """*text*; one without letters (``2027``, ``2013–2022``) is the same in every
        language, so no language lacks it."""
        if len(self.languages) > 1 and text and not any(char.isalpha() for char in text):
            for code in self.languages:
                where.translations.setdefault(code, {}).setdefault(path, text)
        return text

    def _cell(self, source: Source, path: str, where: Written) -> Cell:
        """A table cell: a number, None (no value) or its text, at *path* below the slide."""
        if isinstance(source, CsvCell):
            value = source.value()
            if isinstance(value, str):
                return self._neutral(self._csv_text(source, path, where), path, where)
            return value
        if source.value is None:
            return None
        if (number := _number(source)) is not None:
            return number
        if isinstance(source.value, bool | list):
            return None  # reported by the schema check
        return self._neutral(self.read_text(source, path, where, "rows"), path, where)

    def _csv_text(self, cell: CsvCell, path: str, where: Written) -> str:
        """A CSV cell's text, located in the CSV file: the primary language's."""
        text = self.clean(cell.text, cell.location, "csv")
        where.locations[path] = cell.location
        if len(self.languages) > 1 and text:
            where.translations.setdefault(self.languages[0], {})[path] = text
        return text

    def _count(self, node: Node, key: str, most: int, what: str, prefix: str) -> int | None:
        """A highlight (counted from 1) as a 0-based index, or None; an error past *most*
        (*what* is :data:`_ROWS` or :data:`_COLUMNS`)."""
        value = get_node(node, key)
        if value is None or isinstance(value.value, bool) or not isinstance(value.value, int):
            return None
        if not 1 <= value.value <= most:
            self.error(
                value.location,
                _("`{field}` is {value}, but the table has {count}; write 1 to {most}").format(
                    field=f"{prefix}.{key}",
                    value=value.value,
                    count=_amount(what, most),
                    most=most,
                ),
                f"{prefix}.{key}",
            )
            return None
        return value.value - 1

    def _targets(self, node: Node, categories: list[str], prefix: str) -> set[int]:
        """The indexes of the categories `targets` names; an error at each it does not."""
        found: set[int] = set()
        for n, item in enumerate(list_items(get_node(node, "targets"))):
            name = scalar_text(item)
            if name is None:
                continue
            if name in categories:
                found.add(categories.index(name))
                continue
            close = did_you_mean(name, categories)
            message = (
                _("`{field}` is {value}, which is not one of the categories; did you mean {close}?")
                if close
                else _(
                    "`{field}` is {value}, which is not one of the categories; write a category"
                    " as `categories` has it"
                )
            )
            self.error(
                item.location,
                message.format(
                    field=f"{prefix}.targets[{n}]", value=repr(shorten(name)), close=repr(close)
                ),
                f"{prefix}.targets[{n}]",
            )
        return found

    def _number(self, node: Node | None, key: str) -> float | None:
        value = get_node(node, key)
        number = _number(value) if value is not None else None
        return number.value if number is not None else None

    def _readable(self, node: Node, prefix: str, what: str, count: int, limit: int) -> None:
        """A warning when *count* of *what* (see :func:`_amount`) is past *limit*."""
        if count > limit:
            self.warning(
                node.location,
                _(
                    "`{field}` has {count}; more than {limit} do not fit readably on a {aspect}"
                    " slide (limit {limit}); split it over several slides"
                ).format(
                    field=prefix,
                    count=_amount(what, count),
                    limit=limit,
                    aspect=self.aspect,
                ),
                prefix,
            )

    def _check_chart(self, node: Node, chart: Chart, prefix: str) -> None:
        """What needs the whole chart: an axis that holds the values, a readable size."""
        limit = fd.READABLE_CATEGORIES[chart.type]
        if chart.horizontal and chart.type is ChartType.BAR:
            limit = fd.READABLE_HORIZONTAL
        self._readable(node, prefix, _CATEGORIES, len(chart.categories), limit)
        bars = len(chart.categories) * len(chart.series)
        if chart.type is ChartType.BAR and len(chart.series) > 1:
            self._readable(node, prefix, _BARS, bars, fd.READABLE_BARS)
        if chart.horizontal and chart.type is not ChartType.BAR:
            self.warning(
                node.key_locations.get("horizontal", node.location),
                _("`{field}` applies to bar charts only; remove it").format(
                    field=f"{prefix}.horizontal"
                ),
                f"{prefix}.horizontal",
            )
        axis = get_node(node, "axis")
        where = axis.location if axis is not None else node.location
        low, high = chart.extent()
        if (
            chart.axis_min is not None
            and chart.axis_max is not None
            and chart.axis_min >= chart.axis_max
        ):
            self.error(
                where,
                _("`{field}` runs from {low} to {high}; its `min` must be below its `max`").format(
                    field=f"{prefix}.axis", low=f"{chart.axis_min:g}", high=f"{chart.axis_max:g}"
                ),
                f"{prefix}.axis",
            )
            return
        if (chart.axis_min is not None and low < chart.axis_min) or (
            chart.axis_max is not None and high > chart.axis_max
        ):
            self.warning(
                where,
                _(
                    "`{field}` leaves out values (they run from {low} to {high}); widen the axis"
                    " or remove it"
                ).format(field=f"{prefix}.axis", low=f"{low:g}", high=f"{high:g}"),
                f"{prefix}.axis",
            )
        if chart.type is ChartType.BAR and chart.axis_min is not None and chart.axis_min > 0:
            self.warning(
                where,
                _(
                    "`{field}` is {value}: bars that do not start at 0 misstate the values;"
                    " remove it, or use `type: line`"
                ).format(field=f"{prefix}.axis.min", value=f"{chart.axis_min:g}"),
                f"{prefix}.axis.min",
            )
        if not any(v is not None for s in chart.series for v in s.values):
            self.error(
                node.location,
                _("`{field}` has no values; give the series numbers").format(field=prefix),
                prefix,
            )


def _number(node: Node) -> Number | None:
    """The number *node* holds (with the decimals it is written with), else None."""
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None  # reported by the schema check
    return Number(float(value), decimals_of(node.raw or str(value)))
