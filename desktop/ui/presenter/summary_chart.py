"""The rehearsal summary's chart: planned against actual minutes per section.

:func:`time_chart` makes the :class:`~desktop.core.data.Chart` of a finished rehearsal and
:class:`SummaryChart` draws it with :func:`~desktop.render.chart.lay_out_chart`, the code
that draws a slide's chart, in the console's colours.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop.core.data import Chart, ChartType, Number, Series
from desktop.core.i18n import _
from desktop.core.model import Deck
from desktop.core.rehearsal import Rehearsal, breakdown
from desktop.render.builder import SlideLayout
from desktop.render.chart import lay_out_chart
from desktop.render.chart_items import ChartStyle
from desktop.ui.presenter import style

CONSOLE_CHART: Final = ChartStyle(
    fonts=style.FAMILIES,
    text=style.TEXT,
    muted=style.MUTED,
    rule=style.LINE,
    background=style.BACKGROUND,
    palette=(style.MUTED, style.CURRENT),
    label=16.0,
    small=14.0,
    note=14.0,
)
"""The chart on the console: its dark ground, the plan in grey and this run in blue."""


def time_chart(deck: Deck, rehearsal: Rehearsal) -> Chart:
    """Planned and rehearsed minutes of each section, numbered as the summary's rows are
    (a section without a plan has a gap in the plan's series)."""
    rows = breakdown(deck, rehearsal)
    planned = tuple(
        Number(round(plan / 60, 1), 1) if plan is not None else None for _, plan, _ in rows
    )
    spent = tuple(Number(round(seconds / 60, 1), 1) for _, _, seconds in rows)
    return Chart(
        ChartType.BAR,
        tuple(str(number) for number in range(1, len(rows) + 1)),
        (Series(_("Planned"), planned), Series(_("This run"), spent)),
        unit=_("minutes per section"),
        labels=len(rows) <= 8,
    )


class SummaryChart(QWidget):
    """Planned against actual time per section, drawn as a slide's chart is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rehearsalChart")
        self.setAccessibleName(_("Planned and actual minutes per section"))
        self.setMinimumHeight(200)
        self.chart: Chart | None = None
        self._laid: tuple[QSizeF, SlideLayout] | None = None

    def set_chart(self, chart: Chart | None) -> None:
        self.chart = chart
        self._laid = None
        self.update()

    def layout_of(self, size: QSizeF) -> SlideLayout | None:
        """The chart laid out for a widget of *size* (kept until the size or chart changes)."""
        if self.chart is None:
            return None
        if self._laid is None or self._laid[0] != size:
            out = SlideLayout(size)
            area = QRectF(0, 4, size.width(), size.height() - 8)
            lay_out_chart(out, area, self.chart, CONSOLE_CHART)
            self._laid = (size, out)
        return self._laid[1]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(style.BACKGROUND))
        laid = self.layout_of(QSizeF(self.size()))
        if laid is not None:
            for item in laid.items:
                item.paint(painter)
        painter.end()
