"""Read a slide's ``table`` and ``chart``, inline or from a CSV file in the deck.

:class:`DataReader` turns the YAML of a table or chart into a :class:`~desktop.core.data.Table`
or :class:`~desktop.core.data.Chart`, checking what the schema cannot: rows as long as the
header, one value per category, targets and highlights that exist, an axis that holds the
values, and sizes that stay readable (warnings, with the limit). A CSV file is read inside
the deck folder (:meth:`~desktop.core.loader_paths.DeckPaths.inside`), as UTF-8, at most
:data:`~desktop.core.format_data.MAX_CSV_BYTES`, and its problems are located in it.
"""

from __future__ import annotations

from desktop.core import format_data as fd
from desktop.core.csvfile import CsvCell, parse_csv
from desktop.core.data import Align, Cell, Chart, ChartType, Number, Series, Table
from desktop.core.loader_base import Written, get_node, list_items
from desktop.core.loader_paths import DeckPaths
from desktop.core.numbers import decimals_of
from desktop.core.problems import Location
from desktop.core.schema import did_you_mean, scalar_text
from desktop.core.yaml_nodes import Node, shorten
from desktop.core.yamlfile import read_text_file

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
                    f"`{prefix}.rows[{r}]` has {len(row)} cells but the table has {width} columns"
                    f" (`columns`); give every row {width} cells (`null` for no value)",
                    f"{prefix}.rows[{r}]",
                )
            cells = [self._cell(cell, f"table.rows[{r}][{c}]", where) for c, cell in enumerate(row)]
            rows.append(tuple((cells + [None] * width)[:width]))
        if not rows:
            self.error(node.location, f"`{prefix}` has no rows; add a row under the header", prefix)
            return None
        self._readable(node, prefix, "rows", len(rows), fd.READABLE_ROWS[self.aspect])
        self._readable(node, prefix, "columns", width, fd.READABLE_COLUMNS[self.aspect])
        table = Table(columns, tuple(rows), note=self.localized(node, "note", where, "table."))
        aligns = [Align.RIGHT if table.numeric(c) else Align.LEFT for c in range(width)]
        align_node = get_node(node, "align")
        written = [scalar_text(item) or "" for item in list_items(align_node)]
        if align_node is not None and written and len(written) != width:
            self.error(
                align_node.location,
                f"`{prefix}.align` has {len(written)} items but the table has {width} columns;"
                " give one per column",
                f"{prefix}.align",
            )
        for c, word in enumerate(written[:width]):
            aligns[c] = Align(word) if word in {a.value for a in Align} else aligns[c]
        return Table(
            table.columns,
            table.rows,
            tuple(aligns),
            self._count(node, "highlight_row", len(rows), "rows", prefix),
            self._count(node, "highlight_column", width, "columns", prefix),
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
                f"`{prefix}` needs `categories` and `series`, or `csv`; add them",
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
                    f"`{prefix}.series[{n}].values` has {len(values)} values but the chart has"
                    f" {len(categories)} categories; give one value per category (`null` for a"
                    " gap)",
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
                f"`{prefix}.csv` needs a header line (a label, then each series' name) and a"
                " line per category (its name, then its values)",
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
                        f"{shorten(value)!r} is not a number (`{prefix}.csv`, series"
                        f" {s + 1}); a chart draws numbers only: write it as `22.18`, or leave"
                        " the cell empty for no value",
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
                f"`{prefix}` has both `csv` and `{written[0]}`; keep one: the data inline or in"
                " the CSV file",
                f"{prefix}.{written[0]}",
            )
            return None
        if csv_node is not None:
            return self._read_csv(csv_node, f"{prefix}.csv")
        header, rows = get_node(node, inline[0]), get_node(node, inline[1])
        if header is None or rows is None:
            self.error(
                node.location,
                f"`{prefix}` needs `{inline[0]}` and `{inline[1]}`, or `csv`; add them",
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
            self.error(node.location, f"CSV file {shorten(relative)} does not exist", field)
            return None
        if target.suffix.lower() != ".csv":
            self.error(node.location, f"{shorten(relative)} is not a .csv file", field)
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
            self.error(Location(target, 1, 1), "the CSV file is empty; write a header line", field)
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
        """A highlight (counted from 1) as a 0-based index, or None; an error past *most*."""
        value = get_node(node, key)
        if value is None or isinstance(value.value, bool) or not isinstance(value.value, int):
            return None
        if not 1 <= value.value <= most:
            self.error(
                value.location,
                f"`{prefix}.{key}` is {value.value}, but the table has {most} {what};"
                f" write 1 to {most}",
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
            hint = (
                f"did you mean {close!r}?" if close else "write a category as `categories` has it"
            )
            self.error(
                item.location,
                f"`{prefix}.targets[{n}]` is {shorten(name)!r}, which is not one of the"
                f" categories; {hint}",
                f"{prefix}.targets[{n}]",
            )
        return found

    def _number(self, node: Node | None, key: str) -> float | None:
        value = get_node(node, key)
        number = _number(value) if value is not None else None
        return number.value if number is not None else None

    def _readable(self, node: Node, prefix: str, what: str, count: int, limit: int) -> None:
        if count > limit:
            self.warning(
                node.location,
                f"`{prefix}` has {count} {what}; more than {limit} do not fit readably on a"
                f" {self.aspect} slide (limit {limit}); split it over several slides",
                prefix,
            )

    def _check_chart(self, node: Node, chart: Chart, prefix: str) -> None:
        """What needs the whole chart: an axis that holds the values, a readable size."""
        limit = fd.READABLE_CATEGORIES[chart.type]
        if chart.horizontal and chart.type is ChartType.BAR:
            limit = fd.READABLE_HORIZONTAL
        self._readable(node, prefix, "categories", len(chart.categories), limit)
        bars = len(chart.categories) * len(chart.series)
        if chart.type is ChartType.BAR and len(chart.series) > 1:
            self._readable(node, prefix, "bars in all", bars, fd.READABLE_BARS)
        if chart.horizontal and chart.type is not ChartType.BAR:
            self.warning(
                node.key_locations.get("horizontal", node.location),
                f"`{prefix}.horizontal` applies to bar charts only; remove it",
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
                f"`{prefix}.axis` runs from {chart.axis_min:g} to {chart.axis_max:g}; its"
                " `min` must be below its `max`",
                f"{prefix}.axis",
            )
            return
        if (chart.axis_min is not None and low < chart.axis_min) or (
            chart.axis_max is not None and high > chart.axis_max
        ):
            self.warning(
                where,
                f"`{prefix}.axis` leaves out values (they run from {low:g} to {high:g}); widen"
                " the axis or remove it",
                f"{prefix}.axis",
            )
        if chart.type is ChartType.BAR and chart.axis_min is not None and chart.axis_min > 0:
            self.warning(
                where,
                f"`{prefix}.axis.min` is {chart.axis_min:g}: bars that do not start at 0"
                " misstate the values; remove it, or use `type: line`",
                f"{prefix}.axis.min",
            )
        if not any(v is not None for s in chart.series for v in s.values):
            self.error(node.location, f"`{prefix}` has no values; give the series numbers", prefix)


def _number(node: Node) -> Number | None:
    """The number *node* holds (with the decimals it is written with), else None."""
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None  # reported by the schema check
    return Number(float(value), decimals_of(node.raw or str(value)))
