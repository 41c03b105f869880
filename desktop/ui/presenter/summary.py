"""The end of a rehearsal: time per section against the plan (and the previous run)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import N_, _
from desktop.core.model import Deck
from desktop.core.pacing import THRESHOLD
from desktop.core.presenter.actions import key
from desktop.core.rehearsal import Rehearsal, breakdown
from desktop.core.timing import format_clock
from desktop.ui.presenter import style
from desktop.ui.presenter.summary_chart import SummaryChart, time_chart

COLUMNS: Final = (
    "",
    N_("Section"),
    N_("Planned"),
    N_("This run"),
    N_("Difference"),
    N_("Previous run"),
)
"""The table's headings (shown translated)."""


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One section of the breakdown, as shown.

    Attributes:
        number: ``"3"``.
        title: The section's title.
        planned: ``"1:45"`` or ``"—"``.
        spent: ``"2:10"``.
        difference: ``"+0:25"``, ``"−1:05"`` or ``""`` without a plan.
        colour: The difference's colour: over by more than a minute, under, or on plan.
        previous: The previous rehearsal's time, or ``""``.
    """

    number: str
    title: str
    planned: str
    spent: str
    difference: str
    colour: str
    previous: str


def summary_rows(
    deck: Deck, rehearsal: Rehearsal, previous: Rehearsal | None = None
) -> list[SummaryRow]:
    """The rows of the end-of-rehearsal table, in deck order, plus a total row."""
    rows: list[SummaryRow] = []
    earlier = breakdown(deck, previous) if previous is not None else None
    total_planned = 0
    total_spent = 0.0
    for number, (title, planned, spent) in enumerate(breakdown(deck, rehearsal), start=1):
        total_spent += spent
        total_planned += planned or 0
        before = format_clock(earlier[number - 1][2]) if earlier is not None else ""
        rows.append(_row(str(number), title, planned, spent, before))
    plan = deck.planned_seconds()
    before_total = format_clock(previous.total) if previous is not None else ""
    rows.append(_row("", _("Total"), plan, rehearsal.total, before_total))
    return rows


def _row(number: str, title: str, planned: int | None, spent: float, previous: str) -> SummaryRow:
    if planned is None:
        return SummaryRow(number, title, "—", format_clock(spent), "", style.MUTED, previous)
    delta = spent - planned
    sign = "+" if delta >= 0 else "\u2212"
    colour = (
        style.OVER if delta > THRESHOLD else style.AHEAD if delta < -THRESHOLD else style.ON_TIME
    )
    return SummaryRow(
        number,
        title,
        format_clock(planned),
        format_clock(spent),
        sign + format_clock(abs(delta)),
        colour,
        previous,
    )


class RehearsalSummary(QWidget):
    """The breakdown of a finished rehearsal, shown on the console."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rehearsalSummary")
        self.title = QLabel(_("Rehearsal finished"))
        self.title.setFont(style.ui_font(34, QFont.Weight.DemiBold))
        self.subtitle = QLabel()
        self.subtitle.setObjectName("caption")
        self.subtitle.setFont(style.ui_font(18))
        self.subtitle.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("rehearsalTable")
        self.table.setAccessibleName(_("Time per section against the plan"))
        self.table.setHorizontalHeaderLabels([_(heading) if heading else "" for heading in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setFont(style.ui_font(18))
        self.table.horizontalHeader().setFont(style.ui_font(14, QFont.Weight.DemiBold))
        self.table.verticalHeader().setDefaultSectionSize(40)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.chart = SummaryChart()
        hint = _("{end} or {show} returns to the main window.")
        self.hint = QLabel(hint.format(end=key("end"), show=key("show")))
        self.hint.setObjectName("caption")
        self.hint.setFont(style.ui_font(16))
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 36, 48, 36)
        column.setSpacing(14)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addWidget(self.chart, 1)
        column.addWidget(self.table, 1)
        column.addWidget(self.hint)
        self._rows: list[SummaryRow] = []

    def show_summary(
        self, deck: Deck, rehearsal: Rehearsal, saved_to: str, previous: Rehearsal | None
    ) -> None:
        self._rows = summary_rows(deck, rehearsal, previous)
        self.chart.set_chart(time_chart(deck, rehearsal))
        total = self._rows[-1]
        plan = deck.planned_seconds()
        if plan is not None:
            text = _(
                "{spent} against {plan} planned ({difference}). Timings saved to {path};"
                " pacing and the section strip use them next time."
            )
        else:
            text = _(
                "{spent}. Timings saved to {path}; pacing and the section strip use them next time."
            )
        self.subtitle.setText(
            text.format(
                spent=total.spent,
                plan=format_clock(plan) if plan is not None else "",
                difference=total.difference,
                path=saved_to,
            )
        )
        self.table.setRowCount(len(self._rows))
        for row, data in enumerate(self._rows):
            cells = (
                data.number,
                data.title,
                data.planned,
                data.spent,
                data.difference,
                data.previous,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 4:
                    item.setForeground(QColor(data.colour))
                if column in (0, 5):
                    item.setForeground(QColor(style.MUTED))
                if not data.number:
                    font = style.ui_font(18, QFont.Weight.Bold)
                    item.setFont(font)
                self.table.setItem(row, column, item)

    def rows(self) -> list[SummaryRow]:
        return list(self._rows)
