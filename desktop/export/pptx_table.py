"""A PowerPoint table from a laid-out table: our columns, rows, cells and rules.

The cells hold the text our boxes hold (both languages where the slide shows both, CJK runs
with their East Asian font, as :mod:`desktop.export.pptx_text` writes any text) with the same
margins, so numbers stay aligned on their decimal point; the highlighted row or column keeps
its fill and the rows their rules; the table style is PowerPoint's "No Style, No Grid".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from lxml import etree
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.table import _Cell

from desktop.export.pptx_text import Style, colour_element, fill_frame, set_colour
from desktop.render.items import Fill, Rule, TableArea
from desktop.render.text import TextBox

NO_STYLE: Final = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"
"""PowerPoint's built-in table style "No Style, No Grid": the cells carry our own look."""
BORDERS: Final = ("a:lnL", "a:lnR", "a:lnT", "a:lnB")
"""A cell's borders, in the order the schema wants them (before its fill)."""
CELL_NAME: Final = re.compile(r"table-(header|cell)-(\d+)$")
TOLERANCE: Final = 1.0
"""Canvas pixels a rule or fill may lie outside the table's rectangle and still be its own."""


def in_table(area: TableArea, item: Fill | Rule) -> bool:
    """Whether *item* is drawn as part of the table of *area* (a highlight or a rule)."""
    rect = area.rect.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
    if isinstance(item, Fill):
        return rect.contains(item.rect)
    return rect.contains(item.start) and rect.contains(item.end)


def cell_of(area: TableArea, box: TextBox) -> tuple[int, int] | None:
    """The (row, column) of a table's cell box (row 0: the header), or None."""
    match = CELL_NAME.match(box.name)
    if match is None:
        return None
    columns = len(area.widths)
    index = int(match.group(2))
    if match.group(1) == "header":
        return 0, index
    return index // columns + 1, index % columns


def write_table(
    slide: Slide,
    area: TableArea,
    boxes: dict[tuple[int, int], TextBox],
    drawn: Iterable[Fill | Rule],
    style: Style,
) -> None:
    """Add the table of *area* to *slide*: *boxes* are its cells' text, *drawn* its fills and
    rules (each becomes a cell's fill or a row's bottom border)."""
    emu = style.emu
    rect = area.rect
    rows, columns = len(area.heights), len(area.widths)
    frame = slide.shapes.add_table(
        rows, columns, emu(rect.left()), emu(rect.top()), emu(rect.width()), emu(rect.height())
    )
    frame.name = f"table {len(slide.shapes)}"
    table = frame.table
    table_pr = table._tbl.tblPr  # python-pptx has no API for the table style
    style_id = None if table_pr is None else table_pr.find(qn("a:tableStyleId"))
    if style_id is not None:
        style_id.text = NO_STYLE
    table.first_row, table.horz_banding = True, False
    lefts = [rect.left() + sum(area.widths[:c]) for c in range(columns)]
    tops = [rect.top() + sum(area.heights[:r]) for r in range(rows)]
    for c, width in enumerate(area.widths):
        table.columns[c].width = emu(width)
    for r, height in enumerate(area.heights):
        table.rows[r].height = emu(height)
    fills: list[Fill] = [item for item in drawn if isinstance(item, Fill)]
    borders: dict[int, Rule] = {}
    for item in drawn:
        if isinstance(item, Rule):
            ends = [
                abs(top + h - item.start.y()) for top, h in zip(tops, area.heights, strict=True)
            ]
            borders[ends.index(min(ends))] = item
    for r in range(rows):
        for c in range(columns):
            cell = table.cell(r, c)
            centre_x = lefts[c] + area.widths[c] / 2
            centre_y = tops[r] + area.heights[r] / 2
            fill = next((f for f in reversed(fills) if f.rect.contains(centre_x, centre_y)), None)
            _borders(cell, borders.get(r), style)
            if fill is not None:
                cell.fill.solid()  # type: ignore[no-untyped-call]
                set_colour(cell.fill.fore_color, fill.color, style)
            else:
                cell.fill.background()  # type: ignore[no-untyped-call]
            box = boxes.get((r, c))
            cell.vertical_anchor = MSO_ANCHOR.TOP
            if box is None:
                cell.text_frame.text = ""
                continue
            inner = box.rect
            cell.margin_left = emu(max(0.0, inner.left() - lefts[c]))
            cell.margin_right = emu(max(0.0, lefts[c] + area.widths[c] - inner.right()))
            cell.margin_top = emu(max(0.0, inner.top() - tops[r]))
            cell.margin_bottom = emu(0)
            fill_frame(cell.text_frame, box, style, box.paras)


def _borders(cell: _Cell, bottom: Rule | None, style: Style) -> None:
    """No borders but the row's rule under it, when it has one."""
    tc_pr = cell._tc.get_or_add_tcPr()
    for number, name in enumerate(BORDERS):
        line = tc_pr.makeelement(qn(name), {})
        if name == "a:lnB" and bottom is not None:
            line.set("w", str(style.emu(bottom.width)))
            line.set("cap", "flat")
            colour_element(etree.SubElement(line, qn("a:solidFill")), bottom.color, style)
        else:
            line.set("w", "0")
            etree.SubElement(line, qn("a:noFill"))
        tc_pr.insert(number, line)
