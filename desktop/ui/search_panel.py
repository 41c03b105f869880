"""The search panel: find text anywhere in the deck and jump to the slide."""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.actions import CONFIRM_BACK_KEY, CONFIRM_KEY
from desktop.core.displays import same_texts
from desktop.core.i18n import N_, _
from desktop.core.model import Deck
from desktop.core.search import MAX_HITS, Hit, SearchIndex, field_label
from desktop.core.text import plural
from desktop.ui.delegates import draw_item_base

log = logging.getLogger(__name__)

DEBOUNCE_MS: Final = 150
PLACEHOLDER: Final = N_("Search titles, bullets, figures and notes (English or 中文)")
"""The search field's placeholder and tooltip (shown with ``_()``)."""


def hint() -> str:
    """What the status line says before a search: how to step through the matches."""
    return _("{key} goes to the next match, {back} to the previous one.").format(
        key=CONFIRM_KEY, back=CONFIRM_BACK_KEY
    )


_SLIDE_ROLE: Final = Qt.ItemDataRole.UserRole
_FIELD_ROLE: Final = Qt.ItemDataRole.UserRole + 1
_SNIPPET_ROLE: Final = Qt.ItemDataRole.UserRole + 2
_START_ROLE: Final = Qt.ItemDataRole.UserRole + 3
_LENGTH_ROLE: Final = Qt.ItemDataRole.UserRole + 4

_PAD_X: Final = 10
_PAD_Y: Final = 6
_SNIPPET_LINES: Final = 2
_MATCH_BACKGROUND: Final = QColor(255, 200, 0, 105)
"""Translucent amber under the matched text."""
_SELECTED_MATCH_BACKGROUND: Final = QColor(255, 255, 255, 64)
"""On a selected row: a lighter wash of the selection colour."""


def hit_text(hit: Hit, languages: tuple[str, ...] = ("en",)) -> str:
    """A hit as one line of plain text: ``Slide 7 · Notes: …snippet…`` (``Notes · zh`` in a
    deck of several languages)."""
    return _("Slide {n} · {field}: {snippet}").format(
        n=hit.index + 1, field=field_label(hit, languages), snippet=hit.snippet
    )


class _HitDelegate(QStyledItemDelegate):
    """Draws a hit: "Slide 7 · Notes" small, then the snippet with the match marked."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        header = QFontMetrics(self._header_font(option.font))
        body = QFontMetrics(option.font)
        height = 2 * _PAD_Y + header.height() + 2 + _SNIPPET_LINES * body.lineSpacing()
        return QSize(200, height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt, text_color, muted = draw_item_base(self, painter, option, index, 0.65)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)

        rect = opt.rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        header_font = self._header_font(opt.font)
        header_metrics = QFontMetrics(header_font)
        header = _("Slide {n} · {field}").format(
            n=int(index.data(_SLIDE_ROLE)) + 1, field=index.data(_FIELD_ROLE)
        )

        painter.save()
        painter.setFont(header_font)
        painter.setPen(muted)
        painter.drawText(
            QRect(rect.left(), rect.top(), rect.width(), header_metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            header_metrics.elidedText(header, Qt.TextElideMode.ElideRight, rect.width()),
        )
        painter.setPen(text_color)
        top = rect.top() + header_metrics.height() + 2
        layout = self._snippet_layout(
            str(index.data(_SNIPPET_ROLE)),
            int(index.data(_START_ROLE)),
            int(index.data(_LENGTH_ROLE)),
            opt.font,
            rect.width(),
            _SELECTED_MATCH_BACKGROUND if selected else _MATCH_BACKGROUND,
        )
        layout.draw(painter, QPointF(rect.left(), top))
        painter.restore()

    @staticmethod
    def _header_font(base: QFont) -> QFont:
        font = QFont(base)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.88)
        font.setWeight(QFont.Weight.DemiBold)
        return font

    @staticmethod
    def _snippet_layout(
        text: str, start: int, length: int, font: QFont, width: int, background: QColor
    ) -> QTextLayout:
        """The snippet laid out in at most two lines, the match in bold on amber."""
        match = QTextCharFormat()
        match.setFontWeight(QFont.Weight.Bold)
        match.setBackground(background)
        layout = QTextLayout()
        for _attempt in range(64):  # each attempt shortens the text; a few always do
            layout = QTextLayout(text, font)
            span = QTextLayout.FormatRange()
            span.start = start
            span.length = max(0, min(length, len(text) - start))
            span.format = match
            layout.setFormats([span])
            layout.beginLayout()
            y = 0.0
            end = 0
            for _line in range(_SNIPPET_LINES):
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                line.setPosition(QPointF(0, y))
                y += line.height()
                end = line.textStart() + line.textLength()
            layout.endLayout()
            if end >= len(text) or len(text) <= 2:
                break
            # Cut the end so the rest fits, keeping the ellipsis convention of the snippets.
            text = text[: max(1, min(len(text) - 2, end - 2))].rstrip() + "…"
        return layout


class SearchPanel(QWidget):
    """A search field over the whole deck and its results, one line of context each.

    Typing searches after a short pause (Enter searches at once). Enter, or a click
    on a result, asks to show its slide; Enter again in the field steps to the next
    hit, Shift+Enter to the previous one. Down moves into the results, Escape clears.

    Signals:
        slide_activated(int): The user chose a hit; carries the slide's global index.
        results_changed(int): A search finished; carries the number of hits.
    """

    slide_activated = Signal(int)
    results_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.setAccessibleName(_("Search"))
        self._index: SearchIndex | None = None
        self._hits: list[Hit] = []

        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName("searchField")
        self.line_edit.setAccessibleName(_("Search the deck"))
        self.line_edit.setPlaceholderText(_(PLACEHOLDER))
        self.line_edit.setToolTip(_(PLACEHOLDER))
        self.line_edit.setClearButtonEnabled(True)
        self.line_edit.installEventFilter(self)

        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setAccessibleName(_("Number of search results"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        status_font = QFont(self.status.font())
        if status_font.pointSizeF() > 0:
            status_font.setPointSizeF(status_font.pointSizeF() * 0.9)
        self.status.setFont(status_font)
        self.status.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status.setWordWrap(True)

        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(_("Search results"))
        self.results.setItemDelegate(_HitDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setFrameShape(QFrame.Shape.NoFrame)
        self.results.setMouseTracking(True)
        self.results.installEventFilter(self)
        self.results.itemClicked.connect(self._on_item_clicked)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_search)
        self.line_edit.textChanged.connect(self._on_text_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.setFocusProxy(self.line_edit)
        self._update_status("")

    # -- public API ------------------------------------------------------------------------

    def set_deck(self, deck: Deck) -> None:
        """Search *deck* from now on; a query already typed is run again at once.

        The same deck in another display language keeps the index: it holds every language.
        """
        if self._index is not None and same_texts(self._index.deck, deck):
            return
        self._index = SearchIndex(deck)
        self._run_search()

    def focus_search(self) -> None:
        """Put the cursor in the search field with its text selected, ready to type over."""
        self.line_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line_edit.selectAll()

    def hit_count(self) -> int:
        """How many hits the last search found (at most :data:`MAX_HITS`)."""
        return len(self._hits)

    def hits(self) -> list[Hit]:
        """The hits of the last search: whole words first, each kind in slide order."""
        return list(self._hits)

    def next_hit(self) -> None:
        """Select the hit after the selected one (wrapping round) and show its slide."""
        self._step(1)

    def previous_hit(self) -> None:
        """Select the hit before the selected one (wrapping round) and show its slide."""
        self._step(-1)

    def clear(self) -> None:
        """Empty the search field and the results."""
        self.line_edit.clear()

    # -- behaviour -------------------------------------------------------------------------

    def _on_text_changed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self._run_search()

    def _flush(self) -> None:
        """Run a search the debounce timer is still holding back."""
        if self._timer.isActive():
            self._run_search()

    def _run_search(self) -> None:
        self._timer.stop()
        query = self.line_edit.text()
        hits = self._index.search(query) if self._index is not None else []
        self._hits = hits
        self.results.setUpdatesEnabled(False)
        self.results.clear()
        languages = self._index.deck.languages if self._index is not None else ("en",)
        for hit in hits:
            item = QListWidgetItem(hit_text(hit, languages))
            item.setData(_SLIDE_ROLE, hit.index)
            item.setData(_FIELD_ROLE, field_label(hit, languages))
            item.setData(_SNIPPET_ROLE, hit.snippet)
            item.setData(_START_ROLE, hit.start)
            item.setData(_LENGTH_ROLE, hit.length)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, hit_text(hit, languages))
            self.results.addItem(item)
        self.results.setUpdatesEnabled(True)
        self._update_status(query)
        log.debug("search %r: %d hits", query, len(hits))
        self.results_changed.emit(len(hits))

    def _update_status(self, query: str) -> None:
        count = len(self._hits)
        if not query.strip():
            text = hint()
        elif count == 0:
            text = _("No matches")
        elif count >= MAX_HITS:
            text = _("The first {n} matches").format(n=MAX_HITS)
        else:
            text = plural(count, "{n} match", "{n} matches")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _step(self, delta: int) -> None:
        self._flush()
        count = self.results.count()
        if count == 0:
            return
        row = self.results.currentRow()
        if row < 0 or not self.results.currentItem().isSelected():
            row = 0 if delta > 0 else count - 1
        else:
            row = (row + delta) % count
        self._activate_row(row)

    def _activate_row(self, row: int) -> None:
        item = self.results.item(row)
        self.results.setCurrentRow(row)
        self.results.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)
        self.slide_activated.emit(int(item.data(_SLIDE_ROLE)))

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self._activate_row(self.results.row(item))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.line_edit:
                return self._line_edit_key(event)
            if watched is self.results:
                return self._results_key(event)
        return super().eventFilter(watched, event)

    def _line_edit_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.previous_hit() if shift else self.next_hit()
            return True
        if key == Qt.Key.Key_Down:
            self._flush()
            if self.results.count():
                if self.results.currentRow() < 0:
                    self.results.setCurrentRow(0)
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key == Qt.Key.Key_Escape and self.line_edit.text():
            self.clear()
            return True
        return False

    def _results_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.results.currentRow() >= 0:
                self._activate_row(self.results.currentRow())
            return True
        if key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
            self.line_edit.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key == Qt.Key.Key_Escape:
            self.clear()
            self.line_edit.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False
