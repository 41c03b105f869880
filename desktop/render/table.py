"""The table layout: a slide's :class:`~desktop.core.data.Table` under its title.

A header row set bold over a rule, light rules between the rows, text on the left and numbers
on the right aligned on their decimal point (a column's numbers keep their own decimals; a
missing value is ``–``), long cells wrapped, a highlighted row or column on the panel colour
and a note under the table. The whole table is set at one size, the largest that fits: from
the theme's ``sub_body`` down to its ``min_text``; past that the last rows overflow, which
``check`` reports as it does for any text. A table continued over parts
(:mod:`desktop.core.paging`) is set at one size on every part, the smallest any part needs,
so its rows look the same as the viewer pages through them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from desktop.core.cjk import typeset
from desktop.core.data import Align, Cell, Number, Table
from desktop.core.markup import plain
from desktop.core.model import Layout, Slide
from desktop.core.numbers import format_number, separators
from desktop.render.builder import SECONDARY_SCALE, LayoutBuilder, builds, lines
from desktop.render.fonts import make_font
from desktop.render.items import TableArea
from desktop.render.table_fit import advance, first_fitting, unbroken
from desktop.render.text import LINE_SPACING, Para, TextBox

ALIGN: Final = {
    Align.LEFT: Qt.AlignmentFlag.AlignLeft,
    Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
    Align.RIGHT: Qt.AlignmentFlag.AlignRight,
}
NO_VALUE: Final = "–"
"""What a cell without a value shows."""
SCALES: Final = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55)
"""The sizes tried, times the theme's ``sub_body``, before its ``min_text``."""
LINE: Final = LINE_SPACING * 1.02
"""Line pitch of a cell, as a multiple of its size."""


@dataclass
class _Cell:
    text: str
    number: bool
    bold: bool
    fraction: str
    """A number's decimal point and digits after it (what the column aligns on)."""
    second: str = ""
    """The secondary language's text, set below it (``en+zh``); empty in one language."""


@builds(Layout.TABLE)
def table_slide(b: LayoutBuilder, body: QRectF) -> None:
    slide = b.ref.slide
    table = slide.table
    assert table is not None
    gap = b.size("figure_label") * 0.6
    area, note = _under_note(b, body, slide)
    grid = _cells(table, b.deck.shown_language, b.secondary)
    minimum, base = b.size("min_text"), max(b.size("min_text"), b.size("sub_body"))
    sizes = sorted({max(minimum, base * s) for s in SCALES}, reverse=True)
    plans = _Plans.of(b)
    if slide.parts > 1:
        # Every part at one size; under a subtitle that gave way to it (LayoutBuilder.build),
        # no larger than it was then: each part keeps the size its first layout found.
        if b.subtitle_size < b.size("subtitle"):
            sizes = [s for s in sizes if s <= b.subtitle_size] or sizes[-1:]
        shared = _parts_size(b, body, sizes, grid, plans)
        sizes = [s for s in sizes if s <= shared] or sizes[-1:]
    size, plan = _largest_fit(b, area, table, grid, sizes, plans)
    left_out: list[str] = []
    if plan is None and any(cell.second for row in grid[1:] for cell in row):
        # Two languages in every cell do not fit even at the minimum size: the body keeps
        # the first language (the header keeps both) rather than losing rows, and the
        # table's area says which texts lost their second language.
        for r, row in enumerate(grid[1:]):
            for c, cell in enumerate(row):
                if cell.second:
                    left_out.append(f"table.rows[{r}][{c}]")
                cell.second = ""
        size, plan = _largest_fit(b, area, table, grid, sizes, plans)
    bottom = _draw(b, area, table, grid, size, plan, tuple(left_out))
    if note is not None:  # right under the table
        note.rect = QRectF(area.left(), bottom + gap, area.width(), note.rect.height())
        b.place(note)


def _under_note(b: LayoutBuilder, body: QRectF, slide: Slide) -> tuple[QRectF, TextBox | None]:
    """The room *slide*'s table has in *body* above its note, and the note (None: it has
    none), measured but not placed."""
    table = slide.table
    assert table is not None
    area = QRectF(body)
    if not table.note:
        return area, None
    paras = b.below(
        b.para(table.note, "figure_label", "muted", space_after=0),
        slide.secondary.get("table.note", ""),
    )
    note_h = sum(lines(p.size, 2) for p in paras)  # two lines in each language
    note = b.measure(
        QRectF(area.left(), area.bottom() - note_h, area.width(), note_h), paras, "table-note"
    )
    area.setBottom(area.bottom() - note.content_size()[1] - b.size("figure_label") * 0.6)
    return area, note


def _parts_size(
    b: LayoutBuilder, body: QRectF, sizes: list[float], grid: list[list[_Cell]], plans: _Plans
) -> float:
    """The largest of *sizes* (largest first) every part of the slide's table fits at (the
    slide in parts: see :mod:`desktop.core.paging`; each part's body as tall as this one's),
    the smallest when one fits at none. This part's table is *grid*, its plans kept in
    *plans* (the one it is drawn at is among them).

    A table may fit at a size and not at the next smaller one (its columns wrap otherwise), so
    the parts are fitted again under the size found until it holds for all of them: every
    part then finds the same size, worked out once (kept in the renderer's ``LaidOut``).
    """
    whole = b.ref.slide.whole
    key = ("table parts", id(whole), body.x(), body.y(), body.width(), body.height(), *sizes)
    known = b.laid_out.size(key, whole)
    if known is not None:
        return known
    parts: list[tuple[Table, QRectF, list[list[_Cell]]]] = []
    for ref in b.deck.refs:
        part = ref.slide
        if whole is not None and part.whole is whole and part.table is not None:
            cells = grid if part is b.ref.slide else None
            if cells is None:
                cells = _cells(part.table, b.deck.shown_language, _secondary_of(part))
            parts.append((part.table, _under_note(b, body, part)[0], cells))
    shared = sizes[0]
    for _ in sizes:  # each round lowers it by a size at least, or ends
        found = shared
        for table, area, cells in parts:
            below = [s for s in sizes if s <= found]
            found = _largest_fit(b, area, table, cells, below, plans)[0]
        if found == shared:
            break
        shared = found
    b.laid_out.keep_size(key, whole, shared)
    return shared


def _secondary_of(slide: Slide) -> Callable[[str], str]:
    """The secondary language's text of *slide*'s field paths (empty where it has none)."""
    return lambda path: slide.secondary.get(path, "")


def _largest_fit(
    b: LayoutBuilder,
    area: QRectF,
    table: Table,
    grid: list[list[_Cell]],
    sizes: list[float],
    plans: _Plans,
) -> tuple[float, _Plan | None]:
    """The largest of *sizes* (largest first) at which the table fits in *area*, and its
    plan; the smallest and None when none fits.

    A table that fits at a size fits at any smaller one, so the sizes are searched
    (:func:`first_fitting`) rather than planned one after another: each plan measures every
    cell and word at its size. The largest is asked first (most tables fit at it); when it
    does not, the search starts where the height it needed says (as tall as the table
    would be in proportion to its size). The plans are kept in *plans*: the parts' common
    size is searched in rounds that ask the same ones again, and a layout again (the
    subtitle given way) asks them in a taller room.
    """

    def plan(index: int) -> _Plan | _Miss:
        return plans.plan(b, area, table, grid, sizes[index])

    largest = plan(0)
    if isinstance(largest, _Plan):
        return sizes[0], largest
    guess = sizes[0] * (area.height() + 0.5) / largest.needs
    start = next((n for n, size in enumerate(sizes) if size <= guess), len(sizes) - 1)
    found = first_fitting(len(sizes) - 1, lambda n: isinstance(plan(n + 1), _Plan), start - 1)
    if found is None:
        return sizes[-1], None
    chosen = plan(found + 1)
    assert isinstance(chosen, _Plan)
    return sizes[found + 1], chosen


def _cells(table: Table, language: str, secondary: Callable[[str], str]) -> list[list[_Cell]]:
    """The header and rows as written on the slide: numbers formatted for *language*, each
    text with its *secondary* language's text (by field path) to set below it."""
    point = separators(language).decimal
    header = [
        _Cell(text, False, True, "", secondary(f"table.columns[{c}]"))
        for c, text in enumerate(table.columns)
    ]
    rows = [header]
    for r, row in enumerate(table.rows):
        cells = []
        for c, cell in enumerate(row):
            shown = _cell(cell, language, point)
            if not shown.number:
                shown.second = secondary(f"table.rows[{r}][{c}]")
            cells.append(shown)
        rows.append(cells)
    return rows


def _cell(cell: Cell, language: str, point: str) -> _Cell:
    if isinstance(cell, Number):
        text = format_number(cell.value, cell.decimals, language)
        _, dot, fraction = text.partition(point)
        return _Cell(text, True, False, dot + fraction)
    if cell is None:
        return _Cell(NO_VALUE, True, False, "")
    return _Cell(cell, False, False, "")


@dataclass
class _Plan:
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
class _Miss:
    """A table that does not fit in a room at a size."""

    needs: float
    """The height it was found to need at least (its estimate, or its rows up to the one
    too many; infinite: it is too wide)."""


_Key = tuple[int, tuple[tuple[str, str, bool], ...], float, float]
"""A plan's table (its ``id``: a table lives as long as its deck), cells as set (text,
second language, bold), room's width and size."""


class _Plans:
    """The plans of a slide's tables, kept for every layout of the slide (its subtitle gives
    way to the table, so it is laid out again in a taller room): a plan depends on the room's
    width only, and fits in any room as tall as it needs; a table too tall for a room is too
    tall for any room as short (each given up at its first row too many)."""

    def __init__(self) -> None:
        self._kept: dict[_Key, _Plan | _Miss] = {}

    @classmethod
    def of(cls, b: LayoutBuilder) -> _Plans:
        """The plans kept by *b* for its slide (made on first use)."""
        plans = b.kept.setdefault("table plans", cls())
        assert isinstance(plans, cls)
        return plans

    def plan(
        self, b: LayoutBuilder, area: QRectF, table: Table, grid: list[list[_Cell]], size: float
    ) -> _Plan | _Miss:
        """:func:`_plan`, planned once for a room's width."""
        key = _key(table, grid, area.width(), size)
        kept = self._kept.get(key)
        room = area.height() + 0.5
        if kept is None or (isinstance(kept, _Miss) and kept.needs <= room):
            kept = self._kept[key] = _plan(b, area, table, grid, size)
        if isinstance(kept, _Plan) and kept.height > room:
            return _Miss(kept.height)
        return kept


def _key(table: Table, grid: list[list[_Cell]], width: float, size: float) -> _Key:
    cells = tuple((cell.text, cell.second, cell.bold) for row in grid for cell in row)
    return (id(table), cells, width, size)


def _plan(
    b: LayoutBuilder,
    area: QRectF,
    table: Table,
    grid: list[list[_Cell]],
    size: float,
    tall: bool = False,
) -> _Plan | _Miss:
    """The table at *size*, or a miss when it does not fit in *area* (*tall*: when it is not
    as wide as *area*; its height is not checked)."""
    pad = size * 0.45
    columns = len(table.columns)
    natural, narrowest = [0.0] * columns, [0.0] * columns
    below = (b.theme.fonts, max(b.size("min_text"), size * SECONDARY_SCALE), False)
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            font = (b.theme.fonts, size, cell.bold or _highlighted(table, r, c))
            text = typeset(plain(cell.text))  # as drawn: a Chinese text spaced, its marks wide
            natural[c] = max(natural[c], advance(*font, text))
            if cell.number:
                narrowest[c] = max(narrowest[c], advance(*font, text))
                continue
            words = [unbroken(word, font, r == 0) for word in text.split()]
            if cell.second:  # set below, smaller (never below the minimum), never bold
                second = typeset(plain(cell.second))
                natural[c] = max(natural[c], advance(*below, second))
                words += [unbroken(word, below, r == 0) for word in second.split()]
            narrowest[c] = max([narrowest[c], *words])
    widths = [w + 2 * pad + size * 0.2 for w in natural]  # a little over: design metrics
    spare = area.width() - sum(widths)
    wrapping = [c for c in range(columns) if not _whole(b, table).numeric(c)]
    if spare < 0:
        need = [narrowest[c] + 2 * pad for c in range(columns)]
        if sum(need) > area.width() + 0.5:
            return _Miss(math.inf)
        shrinkable = sum(widths[c] - need[c] for c in wrapping)
        if shrinkable <= 0:
            return _Miss(math.inf)
        for c in wrapping:
            widths[c] -= (widths[c] - need[c]) / shrinkable * -spare
    else:
        share = wrapping[:1] or list(range(columns))
        for c in share:
            widths[c] += min(spare, area.width() * 0.25) / len(share)
    estimate = sum(
        max(math.ceil(natural[c] / max(1.0, widths[c] - 2 * pad) - 1e-6) for c in range(columns))
        * size
        * LINE
        + 2 * pad * 0.5
        for _ in grid
    )
    if estimate > area.height() + 0.5 and not tall:
        return _Miss(estimate)
    boxes: list[list[TextBox]] = []
    heights: list[float] = []
    for r, row in enumerate(grid):  # row by row: a table too tall is known at its last row
        boxes.append(
            [_box(b, table, cell, r, c, widths[c] - 2 * pad, size) for c, cell in enumerate(row)]
        )
        heights.append(max(box.content_size()[1] for box in boxes[-1]) + 2 * pad * 0.5)
        if sum(heights) > area.height() + 0.5 and not tall:
            return _Miss(sum(heights))
    return _Plan(widths, heights, boxes, estimate)


def _whole(b: LayoutBuilder, table: Table) -> Table:
    """The table *table* is a part of (itself on a slide not in parts): a column holds
    numbers when it does in the whole table, even on a part with none but ``–``."""
    whole = b.ref.slide.whole
    return whole.table if whole is not None and whole.table is not None else table


def _highlighted(table: Table, r: int, c: int) -> bool:
    """Whether the cell in row *r* (0: the header) and column *c* is set bold."""
    return r > 0 and (r - 1 == table.highlight_row or c == table.highlight_column)


def _box(
    b: LayoutBuilder, table: Table, cell: _Cell, r: int, c: int, width: float, size: float
) -> TextBox:
    missing = r > 0 and cell.number and cell.text == NO_VALUE
    para = Para(
        cell.text,
        size,
        b.color("muted" if missing else "text"),
        bold=cell.bold or _highlighted(table, r, c),
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


def _draw(
    b: LayoutBuilder,
    area: QRectF,
    table: Table,
    grid: list[list[_Cell]],
    size: float,
    plan: _Plan | None,
    left_out: tuple[str, ...] = (),
) -> float:
    """Place the table at *size* (overflowing when it did not fit even at the minimum; the
    cells of *left_out* without their second language); returns where it ends."""
    if plan is None:
        tall = _plan(b, area, table, grid, size, tall=True)
        plan = tall if isinstance(tall, _Plan) else _forced(b, area, table, grid, size)
    pad = size * 0.45
    metrics = QFontMetricsF(make_font(b.theme.fonts, size))
    left, total = area.left(), sum(plan.widths)
    x_of = [left + sum(plan.widths[:c]) for c in range(len(plan.widths))]
    drawn = [
        h for n, h in enumerate(plan.heights) if sum(plan.heights[: n + 1]) <= area.height() + 0.5
    ]
    height = sum(drawn)
    b.out.areas.append(
        TableArea(
            QRectF(left, area.top(), total, height), tuple(plan.widths), tuple(drawn), left_out
        )
    )
    if table.highlight_column is not None:
        c = table.highlight_column
        b.fill(QRectF(x_of[c], area.top(), plan.widths[c], height), b.color("panel"))
    y = area.top()
    for r, (row, row_h) in enumerate(zip(plan.boxes, plan.heights, strict=True)):
        if y + row_h > area.bottom() + 0.5:
            # The rows from here on are left out; the first says so (check warns of it).
            row[0].rect = QRectF(x_of[0] + pad, y, plan.widths[0] - 2 * pad, area.bottom() - y)
            row[0].overflow = True
            b.out.boxes.append(row[0])
            break
        if r and not b.item_drawn("table.rows", r - 1):
            y += row_h  # a row still to come in a build keeps its room
            continue
        if r - 1 == table.highlight_row:
            b.fill(QRectF(left, y, total, row_h), b.color("panel"))
        for c, box in enumerate(row):
            cell = grid[r][c]
            inner = QRectF(x_of[c] + pad, y + pad * 0.5, plan.widths[c] - 2 * pad, row_h - pad)
            if r and cell.number and table.align[c] is Align.RIGHT:
                widest = max(metrics.horizontalAdvance(row[c].fraction) for row in grid[1:])
                inner.setRight(inner.right() - (widest - metrics.horizontalAdvance(cell.fraction)))
            box.rect = inner
            b.place(box)
        y += row_h
        if r == 0:
            b.rule(left, y, left + total, y, b.color("text"), 2.5)
        elif r < len(plan.boxes) - 1:
            b.rule(left, y, left + total, y, b.color("rule"), 1.5)
    return min(y, area.bottom())


def _forced(
    b: LayoutBuilder, area: QRectF, table: Table, grid: list[list[_Cell]], size: float
) -> _Plan:
    """The table at *size* in columns of equal share, when nothing fits."""
    columns = len(table.columns)
    widths = [area.width() / columns] * columns
    pad = size * 0.45
    boxes = [
        [_box(b, table, cell, r, c, widths[c] - 2 * pad, size) for c, cell in enumerate(row)]
        for r, row in enumerate(grid)
    ]
    heights = [max(box.content_size()[1] for box in row) + 2 * pad * 0.5 for row in boxes]
    return _Plan(widths, heights, boxes)
