"""Private search on the console (Ctrl+F): hits are previewed there, Enter shows one.

A presenter tool (:class:`FindTool`) in :attr:`Mode.FIND`: its view is :class:`FindPanel`, in
the console's right-hand column; while it is open, next and previous pick a hit. Its actions
are the main window's find actions, shared through the console's table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core.i18n import _
from desktop.core.model import Deck, slide_label
from desktop.core.presenter.actions import key
from desktop.core.presenter.modes import Mode, ModeState, opened
from desktop.core.search import Hit, SearchIndex, field_label
from desktop.core.text import plural
from desktop.ui.presenter import style
from desktop.ui.presenter.tool import PresenterTool, ToolHost

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
        heading = QLabel(_("SEARCH · PRIVATE TO THIS SCREEN"))
        heading.setObjectName("heading")
        heading.setFont(style.ui_font(13, QFont.Weight.DemiBold))
        self.box = QLineEdit()
        self.box.setObjectName("findBox")
        self.box.setAccessibleName(_("Search the deck"))
        self.box.setPlaceholderText(_("Search titles, bullets, figures, notes…"))
        self.box.setClearButtonEnabled(True)
        self.box.setFont(style.ui_font(20))
        self.box.textChanged.connect(self._search)
        self.status = QLabel()
        self.status.setObjectName("caption")
        self.status.setFont(style.ui_font(14))
        self.results = QListWidget()
        self.results.setObjectName("findResults")
        self.results.setAccessibleName(_("Search results"))
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
            where = field_label(hit, deck.languages if deck is not None else ("en",))
            text = _("{number}  {title}\n{field}: {snippet}").format(
                number=hit.index + 1, title=label, field=where, snippet=hit.snippet
            )
            item = QListWidgetItem(text)
            item.setToolTip(hit.snippet)
            self.results.addItem(item)
        keys = {"show": key("show"), "end": key("end")}
        if not text.strip():
            status = _("Type to search. ↑ ↓ pick a hit · {show} shows it · {end} closes")
            self.status.setText(status.format(**keys))
        elif not self._hits:
            self.status.setText(_("No slide matches."))
        else:
            self.status.setText(
                plural(
                    len(self._hits),
                    "{n} hit · ↑ ↓ pick · {show} shows it on the projector",
                    "{n} hits · ↑ ↓ pick · {show} shows it on the projector",
                    **keys,
                )
            )
            self.results.setCurrentRow(0)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._hits):
            self.hit_selected.emit(self._hits[row].index)

    def _double_clicked(self, item: QListWidgetItem) -> None:
        row = self.results.row(item)
        if 0 <= row < len(self._hits):
            self.hit_activated.emit(self._hits[row].index)


class FindTool(PresenterTool):
    """Ctrl+F: search privately; the selected hit is previewed on the console, Enter shows it."""

    name = "find"
    specs = ()
    mode = Mode.FIND

    def __init__(self, host: ToolHost) -> None:
        super().__init__(host)
        self.panel = host.console.finder
        self.panel.hit_selected.connect(self._selected)
        self.panel.hit_activated.connect(self._activated)

    def handlers(self) -> Mapping[str, Callable[[], object]]:
        return {
            "find": self.open,
            "find_next": lambda: self.next_hit(1),
            "find_previous": lambda: self.next_hit(-1),
        }

    def open(self) -> None:
        """Open the search (again: its text selected for a new query); preview the hit."""
        here = ModeState(self.mode, self.name)
        if opened(self.host.state.modes, here) != here:
            return  # nothing opens over a rehearsal's summary
        self.host.set_mode(here)
        state = self.host.state
        state.typed = None
        self.host.bring_console_up()
        self.host.console.show_find(True)
        hit = self.panel.current_hit()
        if hit is not None:
            state.show_preview(hit.index)
        self.host.refresh()

    def next_hit(self, delta: int) -> None:
        """F3 / Shift+F3: the next or previous hit (opening the search when it is closed)."""
        if not self.active:
            self.open()
        self.panel.move_selection(delta)

    def take_step(self, delta: int) -> bool:
        self.panel.move_selection(delta)  # next and previous pick a hit while the search is open
        return True

    def closed(self) -> None:
        self.host.console.show_find(False)

    def _selected(self, index: int) -> None:
        if self.active:
            self.host.state.show_preview(index)
            self.host.refresh()

    def _activated(self, index: int) -> None:
        self.host.state.show_preview(index)
        self.host.show()


TOOL = FindTool
