"""Private search on the console (Ctrl+F): hits are previewed there, Enter shows one."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core.model import Deck, slide_label
from desktop.core.search import FIELD_LABELS, Hit, SearchIndex
from desktop.ui.presenter import style

MAX_LISTED: Final = 200


class FindPanel(QWidget):
    """A search box over a list of hits.

    Signals:
        hit_selected(int): the slide of the selected hit (to preview privately).
        hit_activated(int): a hit was double-clicked (to show on the projector).
    """

    hit_selected = Signal(int)
    hit_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findPanel")
        self._deck: Deck | None = None
        self._index: SearchIndex | None = None
        self._hits: list[Hit] = []
        heading = QLabel("SEARCH · PRIVATE TO THIS SCREEN")
        heading.setObjectName("heading")
        heading.setFont(style.ui_font(13, QFont.Weight.DemiBold))
        self.box = QLineEdit()
        self.box.setObjectName("findBox")
        self.box.setAccessibleName("Search the deck")
        self.box.setPlaceholderText("Search titles, bullets, figures, notes…")
        self.box.setClearButtonEnabled(True)
        self.box.setFont(style.ui_font(20))
        self.box.textChanged.connect(self._search)
        self.status = QLabel()
        self.status.setObjectName("caption")
        self.status.setFont(style.ui_font(14))
        self.results = QListWidget()
        self.results.setObjectName("findResults")
        self.results.setAccessibleName("Search results")
        self.results.setFont(style.ui_font(16))
        self.results.setWordWrap(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.currentRowChanged.connect(self._row_changed)
        self.results.itemDoubleClicked.connect(self._double_clicked)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(heading)
        column.addWidget(self.box)
        column.addWidget(self.status)
        column.addWidget(self.results, 1)
        self.setFocusProxy(self.box)

    def set_deck(self, deck: Deck) -> None:
        self._deck = deck
        self._index = SearchIndex(deck)
        self._search(self.box.text())

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def current_hit(self) -> Hit | None:
        row = self.results.currentRow()
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def move_selection(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) hit, wrapping around (↑ ↓, F3, Shift+F3)."""
        if not self._hits:
            return
        row = self.results.currentRow()
        self.results.setCurrentRow((row + delta) % len(self._hits))

    def start(self) -> None:
        """Focus the box with its text selected, ready for a new query."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def _search(self, text: str) -> None:
        self.results.clear()
        self._hits = self._index.search(text, MAX_LISTED) if self._index else []
        deck = self._deck
        for hit in self._hits:
            label = slide_label(deck, deck.refs[hit.index]) if deck is not None else ""
            where = FIELD_LABELS.get(hit.field, hit.field)
            item = QListWidgetItem(f"{hit.index + 1}  {label}\n{where}: {hit.snippet}")
            item.setToolTip(hit.snippet)
            self.results.addItem(item)
        if not text.strip():
            self.status.setText("Type to search. ↑ ↓ pick a hit · Enter shows it · Esc closes")
        elif not self._hits:
            self.status.setText("No slide matches.")
        else:
            count = len(self._hits)
            plural = "s" if count != 1 else ""
            self.status.setText(f"{count} hit{plural} · ↑ ↓ pick · Enter shows it on the projector")
            self.results.setCurrentRow(0)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._hits):
            self.hit_selected.emit(self._hits[row].index)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        row = self.results.row(item)
        if 0 <= row < len(self._hits):
            self.hit_activated.emit(self._hits[row].index)
