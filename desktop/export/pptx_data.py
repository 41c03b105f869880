"""PowerPoint tables and charts: a slide's table and chart as native, editable objects.

The renderer records where it drew each (:class:`~desktop.render.items.TableArea`,
:class:`~desktop.render.items.ChartArea`); :class:`Areas` finds the boxes, fills, rules and
shapes they were drawn with, and the slide writer writes the table
(:mod:`desktop.export.pptx_table`) or chart (:mod:`desktop.export.pptx_chart`) in their place.
"""

from __future__ import annotations

from typing import Final

from pptx.slide import Slide
from PySide6.QtCore import QRectF

from desktop.core.theme import Theme
from desktop.export.pptx_chart import write_chart
from desktop.export.pptx_table import cell_of, in_table, write_table
from desktop.export.pptx_text import Style
from desktop.render.builder import SlideLayout
from desktop.render.chart_items import Shape
from desktop.render.items import ChartArea, DataArea, Fill, Rule, TableArea, Text
from desktop.render.text import TextBox

KEPT: Final = ("chart-note", "chart-unit")
"""A chart's boxes that stay text boxes of their own, outside the chart."""


class Areas:
    """The tables and charts of a laid-out slide, and which of its items each was drawn with.

    The slide writer asks :meth:`owner` of each item in paint order and writes the area, once,
    where its first item would have been painted.
    """

    def __init__(self, laid_out: SlideLayout) -> None:
        self.owners: dict[int, DataArea] = {}
        self.cells: dict[int, dict[tuple[int, int], TextBox]] = {}
        self.drawn: dict[int, list[Fill | Rule]] = {}
        self.written: set[int] = set()
        tables = [a for a in laid_out.areas if isinstance(a, TableArea)]
        charts = [a for a in laid_out.areas if isinstance(a, ChartArea)]
        for item in laid_out.items:
            owner: DataArea | None = None
            if isinstance(item, Fill | Rule):
                owner = next((a for a in tables if in_table(a, item)), None)
                if owner is not None:
                    self.drawn.setdefault(id(owner), []).append(item)
            elif isinstance(item, Text):
                box = item.box
                owner = self._table_cell(tables, box)
                if owner is None and box.name.startswith("chart-") and box.name not in KEPT:
                    owner = _nearest(charts, box.rect)
            elif isinstance(item, Shape):
                owner = _nearest(charts, item.path.boundingRect())
            if owner is not None:
                self.owners[id(item)] = owner

    def _table_cell(self, tables: list[TableArea], box: TextBox) -> TableArea | None:
        for area in tables:
            cell = cell_of(area, box)
            if cell is not None and area.rect.intersects(box.rect):
                self.cells.setdefault(id(area), {})[cell] = box
                return area
        return None

    def owner(self, item: object) -> DataArea | None:
        """The table or chart *item* is part of, or None."""
        return self.owners.get(id(item))

    def write(self, slide: Slide, area: DataArea, theme: Theme, style: Style) -> None:
        """Write *area* onto *slide* unless it is written already."""
        if id(area) in self.written:
            return
        self.written.add(id(area))
        if isinstance(area, TableArea):
            cells = self.cells.get(id(area), {})
            write_table(slide, area, cells, self.drawn.get(id(area), []), style)
        else:
            write_chart(slide, area, theme, style)


def _nearest(charts: list[ChartArea], rect: QRectF) -> ChartArea | None:
    """The chart whose area holds *rect*'s centre, else the first (a slide has one)."""
    centre = rect.center()
    return next((a for a in charts if a.rect.contains(centre)), charts[0] if charts else None)
