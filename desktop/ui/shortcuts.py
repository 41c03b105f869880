"""The shortcuts overlay (F1 or ?): every action and its keys, from the action table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.actions import CONFIRM_KEY, ActionSpec

EXTRA: tuple[tuple[str, str, str], ...] = (
    ("Navigate", "Go to slide N", f"type the number, then {CONFIRM_KEY}"),
)


class ShortcutsOverlay(QDialog):
    """A table of every action's keys, grouped."""

    def __init__(
        self,
        specs: tuple[ActionSpec, ...],
        parent: QWidget | None = None,
        extra: tuple[tuple[str, str, str], ...] = EXTRA,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        rows: list[tuple[str, str, str]] = []
        for spec in specs:
            keys = ", ".join(
                QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText)
                for s in spec.shortcuts
            )
            rows.append((spec.group, spec.text, keys or "menu only"))
        rows.extend(extra)
        order = list(dict.fromkeys(group for group, _, _ in rows))
        rows.sort(key=lambda row: order.index(row[0]))
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setAccessibleName("Shortcut list")
        self.table.setHorizontalHeaderLabels(["Group", "Action", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for row, (group, text, keys) in enumerate(rows):
            for column, value in enumerate((group, text, keys)):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def rows(self) -> list[tuple[str, str, str]]:
        out = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(3)]
            out.append(tuple(c.text() if c is not None else "" for c in cells))
        return out  # type: ignore[return-value]
