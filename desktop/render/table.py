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

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from desktop.core.data import Align, Cell, Number, Table
from desktop.core.model import Layout, Slide
from desktop.core.numbers import format_number, separators
from desktop.render.builder import LayoutBuilder, builds, lines
from desktop.render.fonts import make_font
from desktop.render.items import TableArea
from desktop.render.table_plan import (
    NO_VALUE,
    GridCell,
    Plan,
    Plans,
    forced,
    largest_fit,
    plan_table,
)
from desktop.render.text import TextBox

SCALES: Final = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55)
"""The sizes tried, times the theme's ``sub_body``, before its ``min_text``."""


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
    plans = Plans.of(b)
    if slide.parts > 1:
        # Every part at one size; under a subtitle that gave way to it (LayoutBuilder.build),
        # no larger than it was then: each part keeps the size its first layout found.
        if b.subtitle_size < b.size("subtitle"):
            sizes = [s for s in sizes if s <= b.subtitle_size] or sizes[-1:]
        shared = _parts_size(b, body, sizes, grid, plans)
        sizes = [s for s in sizes if s <= shared] or sizes[-1:]
    size, plan = largest_fit(b, area, table, grid, sizes, plans)
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
        size, plan = largest_fit(b, area, table, grid, sizes, plans)
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
    b: LayoutBuilder, body: QRectF, sizes: list[float], grid: list[list[GridCell]], plans: Plans
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
    parts: list[tuple[Table, QRectF, list[list[GridCell]]]] = []
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
            found = largest_fit(b, area, table, cells, below, plans)[0]
        if found == shared:
            break
        shared = found
    b.laid_out.keep_size(key, whole, shared)
    return shared


def _secondary_of(slide: Slide) -> Callable[[str], str]:
    """The secondary language's text of *slide*'s field paths (empty where it has none)."""
    return lambda path: slide.secondary.get(path, "")


def _cells(table: Table, language: str, secondary: Callable[[str], str]) -> list[list[GridCell]]:
    """The header and rows as written on the slide: numbers formatted for *language*, each
    text with its *secondary* language's text (by field path) to set below it."""
    point = separators(language).decimal
    header = [
        GridCell(text, False, True, "", secondary(f"table.columns[{c}]"))
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


def _cell(cell: Cell, language: str, point: str) -> GridCell:
    if isinstance(cell, Number):
        text = format_number(cell.value, cell.decimals, language)
        _, dot, fraction = text.partition(point)
        return GridCell(text, True, False, dot + fraction)
    if cell is None:
        return GridCell(NO_VALUE, True, False, "")
    return GridCell(cell, False, False, "")


def _draw(
    b: LayoutBuilder,
    area: QRectF,
    table: Table,
    grid: list[list[GridCell]],
    size: float,
    plan: Plan | None,
    left_out: tuple[str, ...] = (),
) -> float:
    """Place the table at *size* (overflowing when it did not fit even at the minimum; the
    cells of *left_out* without their second language); returns where it ends."""
    if plan is None:
        tall = plan_table(b, area, table, grid, size, tall=True)
        plan = tall if isinstance(tall, Plan) else forced(b, area, table, grid, size)
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
