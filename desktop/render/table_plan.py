"""How a table is planned at a size: its columns' widths, its rows' heights and the box of
every cell (:func:`plan_table`), the plans kept for every layout of a slide (:class:`Plans`), and
the search for the largest size at which a table fits (:func:`largest_fit`).

:mod:`desktop.render.table` lays a table slide out and draws the plan it chose.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QRectF, Qt

from desktop.core.data import Align, Table
from desktop.render.builder import SECONDARY_SCALE, LayoutBuilder
from desktop.render.table_fit import advance, first_fitting, shown, unbroken
from desktop.render.text import LINE_SPACING, Para, TextBox

ALIGN: Final = {
    Align.LEFT: Qt.AlignmentFlag.AlignLeft,
    Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
    Align.RIGHT: Qt.AlignmentFlag.AlignRight,
}
NO_VALUE: Final = "–"
"""What a cell without a value shows."""
LINE: Final = LINE_SPACING * 1.02
"""Line pitch of a cell, as a multiple of its size."""


@dataclass
class GridCell:
    text: str
    number: bool
    bold: bool
    fraction: str
    """A number's decimal point and digits after it (what the column aligns on)."""
    second: str = ""
    """The secondary language's text, set below it (``en+zh``); empty in one language."""


@dataclass
class Plan:
    widths: list[float]
    """Each column's width, padding included."""
    heights: list[float]
    """Each row's height (the header first), padding included."""
    boxes: list[list[TextBox]]
    estimate: float = 0.0
    """The height its lines were estimated at before they were laid out (a plan fits where
    both this and its rows do)."""

    @property
    def height(self) -> float:
        """The room it needs: as tall as its rows and its estimate."""
        return max(self.estimate, sum(self.heights))


@dataclass(frozen=True)
class Miss:
    """A table that does not fit in a room at a size."""

    needs: float
    """The height it was found to need at least (its estimate, or its rows up to the one
    too many; infinite: it is too wide)."""


Key = tuple[int, tuple[tuple[str, str, bool], ...], float, float]
"""A plan's table (its ``id``: a table lives as long as its deck), cells as set (text,
second language, bold), room's width and size."""


class Plans:
    """The plans of a slide's tables, kept for every layout of the slide (its subtitle gives
    way to the table, so it is laid out again in a taller room): a plan depends on the room's
    width only, and fits in any room as tall as it needs; a table too tall for a room is too
    tall for any room as short (each given up at its first row too many)."""

    def __init__(self) -> None:
        self._kept: dict[Key, Plan | Miss] = {}
        self._columns: dict[Key, Columns | None] = {}
        self._predicted: dict[Key, float] = {}

    @classmethod
    def of(cls, b: LayoutBuilder) -> Plans:
        """The plans kept by *b* for its slide (made on first use)."""
        plans = b.kept.setdefault("table plans", cls())
        assert isinstance(plans, cls)
        return plans

    def plan(
        self, b: LayoutBuilder, area: QRectF, table: Table, grid: list[list[GridCell]], size: float
    ) -> Plan | Miss:
        """:func:`plan_table`, planned once for a room's width."""
        key = plan_key(table, grid, area.width(), size)
        kept = self._kept.get(key)
        room = area.height() + 0.5
        if kept is None or (isinstance(kept, Miss) and kept.needs <= room):
            columns = self._columns_at(key, b, area, table, grid, size)
            kept = self._kept[key] = (
                Miss(math.inf)
                if columns is None
                else plan_table(b, area, table, grid, size, columns=columns)
            )
        if isinstance(kept, Plan) and kept.height > room:
            return Miss(kept.height)
        return kept

    def predicted(
        self, b: LayoutBuilder, area: QRectF, table: Table, grid: list[list[GridCell]], size: float
    ) -> float:
        """:func:`predicted_height`, worked out once for a room's width; a plan's own height
        where there is one."""
        key = plan_key(table, grid, area.width(), size)
        kept = self._kept.get(key)
        if isinstance(kept, Plan):
            return kept.height
        found = self._predicted.get(key)
        if found is None:
            columns = self._columns_at(key, b, area, table, grid, size)
            found = math.inf if columns is None else predicted_height(b, columns, size)
            self._predicted[key] = found
        return found

    def _columns_at(
        self,
        key: Key,
        b: LayoutBuilder,
        area: QRectF,
        table: Table,
        grid: list[list[GridCell]],
        size: float,
    ) -> Columns | None:
        """:func:`columns_at`, worked out once for a room's width (a prediction's and the
        plan's at a size)."""
        if key not in self._columns:
            self._columns[key] = columns_at(b, area, table, grid, size)
        return self._columns[key]


def plan_key(table: Table, grid: list[list[GridCell]], width: float, size: float) -> Key:
    cells = tuple((cell.text, cell.second, cell.bold) for row in grid for cell in row)
    return (id(table), cells, width, size)


def plan_table(
    b: LayoutBuilder,
    area: QRectF,
    table: Table,
    grid: list[list[GridCell]],
    size: float,
    tall: bool = False,
    columns: Columns | None = None,
) -> Plan | Miss:
    """The table at *size*, or a miss when it does not fit in *area* (*tall*: when it is not
    as wide as *area*; its height is not checked). Its *columns* there, when worked out
    already."""
    if columns is None:
        columns = columns_at(b, area, table, grid, size)
    if columns is None:
        return Miss(math.inf)
    widths, natural = columns.widths, columns.natural
    pad = size * 0.45
    estimate = sum(
        max(
            math.ceil(natural[c] / max(1.0, widths[c] - 2 * pad) - 1e-6) for c in range(len(widths))
        )
        * size
        * LINE
        + 2 * pad * 0.5
        for _ in grid
    )
    if estimate > area.height() + 0.5 and not tall:
        return Miss(estimate)
    boxes: list[list[TextBox]] = []
    heights: list[float] = []
    for r, row in enumerate(grid):  # row by row: a table too tall is known at its last row
        boxes.append(
            [
                cell_box(b, table, cell, r, c, widths[c] - 2 * pad, size)
                for c, cell in enumerate(row)
            ]
        )
        heights.append(max(box.content_size()[1] for box in boxes[-1]) + 2 * pad * 0.5)
        if sum(heights) > area.height() + 0.5 and not tall:
            return Miss(sum(heights))
    return Plan(widths, heights, boxes, estimate)


@dataclass
class Columns:
    """A table's columns at a size in a room, worked out from its cells' advances (no
    documents)."""

    widths: list[float]
    """Each column's width, padding included."""
    natural: list[float]
    """Each column's widest text on one line."""
    advances: list[list[tuple[float, float]]]
    """Each cell's text on one line, and its second language's (0: none), by row."""


def columns_at(
    b: LayoutBuilder, area: QRectF, table: Table, grid: list[list[GridCell]], size: float
) -> Columns | None:
    """The table's columns at *size* in *area*; None when it cannot be as narrow as *area*."""
    pad = size * 0.45
    columns = len(table.columns)
    natural = [0.0] * columns
    advances: list[list[tuple[float, float]]] = []
    below = (b.theme.fonts, max(b.size("min_text"), size * SECONDARY_SCALE), False)
    for r, row in enumerate(grid):
        advances.append([])
        for c, cell in enumerate(row):
            font = (b.theme.fonts, size, cell.bold or highlighted(table, r, c))
            first = advance(*font, shown(cell.text))  # as drawn: Chinese spaced, marks wide
            second = advance(*below, shown(cell.second)) if cell.second else 0.0
            natural[c] = max(natural[c], first, second)  # set below, smaller, never bold
            advances[-1].append((first, second))
    widths = [w + 2 * pad + size * 0.2 for w in natural]  # a little over: design metrics
    spare = area.width() - sum(widths)
    wrapping = [c for c in range(columns) if not whole_table(b, table).numeric(c)]
    if spare < 0:
        need = [w + 2 * pad for w in _narrowest(b, table, grid, size)]
        if sum(need) > area.width() + 0.5:
            return None
        shrinkable = sum(widths[c] - need[c] for c in wrapping)
        if shrinkable <= 0:
            return None
        for c in wrapping:
            widths[c] -= (widths[c] - need[c]) / shrinkable * -spare
    else:
        share = wrapping[:1] or list(range(columns))
        for c in share:
            widths[c] += min(spare, area.width() * 0.25) / len(share)
    return Columns(widths, natural, advances)


def _narrowest(
    b: LayoutBuilder, table: Table, grid: list[list[GridCell]], size: float
) -> list[float]:
    """The narrowest each column may be at *size* (its widest word; a number whole), its
    padding left out."""
    narrowest = [0.0] * len(table.columns)
    below = (b.theme.fonts, max(b.size("min_text"), size * SECONDARY_SCALE), False)
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            font = (b.theme.fonts, size, cell.bold or highlighted(table, r, c))
            text = shown(cell.text)
            if cell.number:
                narrowest[c] = max(narrowest[c], advance(*font, text))
                continue
            words = [unbroken(word, font, r == 0) for word in text.split()]
            if cell.second:
                words += [unbroken(word, below, r == 0) for word in shown(cell.second).split()]
            narrowest[c] = max([narrowest[c], *words])
    return narrowest


def predicted_height(b: LayoutBuilder, columns: Columns, size: float) -> float:
    """About how tall a table is at *size* in its *columns* there, from its cells' advances
    (no documents): each row as tall as its cell of most lines, a text taking as many lines
    as its width fills (one at least), its second language's below at that one's size. A
    guess where to search from, not an answer: the plan says whether it fits."""
    pad = size * 0.45
    second = max(b.size("min_text"), size * SECONDARY_SCALE)
    total = 0.0
    for row in columns.advances:
        tallest = 0.0
        for width, (first, below) in zip(columns.widths, row, strict=True):
            room = max(1.0, width - 2 * pad)
            height = max(1, math.ceil(first / room)) * size * LINE
            if below:
                height += max(1, math.ceil(below / room)) * second * LINE
            tallest = max(tallest, height)
        total += tallest + pad
    return total


def whole_table(b: LayoutBuilder, table: Table) -> Table:
    """The table *table* is a part of (itself on a slide not in parts): a column holds
    numbers when it does in the whole table, even on a part with none but ``–``."""
    whole = b.ref.slide.whole
    return whole.table if whole is not None and whole.table is not None else table


def highlighted(table: Table, r: int, c: int) -> bool:
    """Whether the cell in row *r* (0: the header) and column *c* is set bold."""
    return r > 0 and (r - 1 == table.highlight_row or c == table.highlight_column)


def cell_box(
    b: LayoutBuilder, table: Table, cell: GridCell, r: int, c: int, width: float, size: float
) -> TextBox:
    missing = r > 0 and cell.number and cell.text == NO_VALUE
    para = Para(
        cell.text,
        size,
        b.color("muted" if missing else "text"),
        bold=cell.bold or highlighted(table, r, c),
        align=ALIGN[table.align[c]],
        line_height=round(LINE / LINE_SPACING * 100),
        space_after=0,
        markup=not cell.number,
    )
    name = "table-header" if r == 0 else "table-cell"
    box = TextBox(
        QRectF(0, 0, max(1.0, width), 10_000),
        b.below(para, cell.second),
        b.theme.fonts,
        min_size=size,
        wrap=not cell.number,
        name=f"{name}-{(r - 1) * len(table.columns) + c if r else c}",
        body=True,
        shared=b.laid_out,
    )
    return box.fit()


def largest_fit(
    b: LayoutBuilder,
    area: QRectF,
    table: Table,
    grid: list[list[GridCell]],
    sizes: list[float],
    plans: Plans,
) -> tuple[float, Plan | None]:
    """The largest of *sizes* (largest first) at which the table fits in *area*, and its
    plan; the smallest and None when none fits.

    A table that fits at a size fits at any smaller one, so the sizes are searched
    (:func:`first_fitting`) rather than planned one after another: each plan measures every
    cell and word at its size. The largest is asked first (most tables fit at it) unless
    its cells' advances say it is too tall (:func:`predicted_height`): then the search
    starts at the largest size they say it fits at. When the largest was asked and does not
    fit, the search starts where the height it needed says (as tall as the table would be
    in proportion to its size). Whatever the guess, the same size is found (a wrong one
    costs plans, not the answer). The plans are kept in *plans*: the parts' common
    size is searched in rounds that ask the same ones again, and a layout again (the
    subtitle given way) asks them in a taller room.
    """

    def plan(index: int) -> Plan | Miss:
        return plans.plan(b, area, table, grid, sizes[index])

    def predicted(index: int) -> float:
        return plans.predicted(b, area, table, grid, sizes[index])

    room = area.height() + 0.5
    if predicted(0) > room:
        # Most likely too tall at the largest: the search starts at the largest size its
        # cells' advances say fits, rather than planning the largest to learn how tall.
        start = next((n for n in range(len(sizes)) if predicted(n) <= room), len(sizes) - 1)
        found = first_fitting(len(sizes), lambda n: isinstance(plan(n), Plan), start)
        if found is None:
            return sizes[-1], None
        chosen = plan(found)
        assert isinstance(chosen, Plan)
        return sizes[found], chosen
    largest = plan(0)
    if isinstance(largest, Plan):
        return sizes[0], largest
    guess = sizes[0] * (area.height() + 0.5) / largest.needs
    start = next((n for n, size in enumerate(sizes) if size <= guess), len(sizes) - 1)
    found = first_fitting(len(sizes) - 1, lambda n: isinstance(plan(n + 1), Plan), start - 1)
    if found is None:
        return sizes[-1], None
    chosen = plan(found + 1)
    assert isinstance(chosen, Plan)
    return sizes[found + 1], chosen


def forced(
    b: LayoutBuilder, area: QRectF, table: Table, grid: list[list[GridCell]], size: float
) -> Plan:
    """The table at *size* in columns of equal share, when nothing fits."""
    columns = len(table.columns)
    widths = [area.width() / columns] * columns
    pad = size * 0.45
    boxes = [
        [cell_box(b, table, cell, r, c, widths[c] - 2 * pad, size) for c, cell in enumerate(row)]
        for r, row in enumerate(grid)
    ]
    heights = [max(box.content_size()[1] for box in row) + 2 * pad * 0.5 for row in boxes]
    return Plan(widths, heights, boxes)
