"""The notes pane: a slide's speaker notes (Markdown) and the sources it cites."""

from __future__ import annotations

import logging
from typing import Final

from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocumentFragment,
    QTextFormat,
    QTextList,
    QTextListFormat,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.displays import name
from desktop.core.i18n import N_, _
from desktop.core.model import Deck, Source, slide_label
from desktop.render.notes import OfflineDocument, notes_document

log = logging.getLogger(__name__)

MIN_FONT_SIZE: Final = 8
MAX_FONT_SIZE: Final = 40
DEFAULT_FONT_SIZE: Final = 13
NO_NOTES: Final = N_("No speaker notes.")

_SMALLER: Final = -1
"""A relative font size (Qt's "small", 0.8 of the text): it follows zooming by itself."""
LINE_HEIGHT: Final = 125
"""Percent of the font's line height: notes are read at a glance, mid-talk."""


class _NotesBrowser(QTextBrowser):
    """A read-only browser that never fetches anything and turns Ctrl+wheel into zoom requests.

    Signals:
        zoom_requested(int): Steps to zoom by; positive is larger.
    """

    zoom_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._wheel_rest = 0

    def loadResource(self, type: int, name: QUrl | str) -> object:
        return None

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel_rest += event.angleDelta().y()
        steps = int(self._wheel_rest / 120)
        if steps:
            self._wheel_rest -= steps * 120
            self.zoom_requested.emit(steps)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.ZoomIn):
            self.zoom_requested.emit(1)
        elif event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_requested.emit(-1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class ElidedLabel(QLabel):
    """A one-line plain-text label that shortens its text with "…" to fit its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def full_text(self) -> str:
        return self._full_text

    def set_full_text(self, text: str) -> None:
        self._full_text = text
        self.setToolTip(QtGui.Qt.convertFromPlainText(text) if text else "")
        self.setHidden(not text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        margins = self.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full_text, Qt.TextElideMode.ElideRight, width))


class NotesPane(QWidget):
    """Speaker notes for one slide, rendered from Markdown, followed by the slide's sources.

    Notes are Markdown without HTML, made safe by :func:`desktop.render.notes.notes_document`:
    no image is ever loaded, and only http, https and mailto links stay links.
    Source fields are plain text and are inserted as text, never as markup.

    Signals:
        font_size_changed(int): The notes' font size changed; carries the size in points.
    """

    font_size_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notesPane")
        self.setAccessibleName(_("Speaker notes"))
        self._deck: Deck | None = None
        self._index: int | None = None
        self._font_size = DEFAULT_FONT_SIZE

        self.header = ElidedLabel(self)
        self.header.setObjectName("notesHeader")
        self.header.setAccessibleName(_("Slide of these notes"))
        self.header.setContentsMargins(14, 10, 14, 2)
        self.header.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        header_font = QFont(self.header.font())
        header_font.setWeight(QFont.Weight.DemiBold)
        self.header.setFont(header_font)

        self.browser = _NotesBrowser(self)
        self.browser.setObjectName("notesBrowser")
        self.browser.setAccessibleName(_("Speaker notes text"))
        self.browser.setDocument(OfflineDocument(self.browser))
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.setReadOnly(True)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.document().setDocumentMargin(14)
        self.browser.zoom_requested.connect(self.zoom)
        self._apply_font_size()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.browser, 1)
        self.setFocusProxy(self.browser)
        self._show_nothing()

    # -- public API ------------------------------------------------------------------------

    def set_deck(self, deck: Deck) -> None:
        """Use *deck*; shows the same slide number again when the deck still has it."""
        self._deck = deck
        if self._index is not None and self._index < deck.slide_count:
            self.set_slide(self._index)
        else:
            self._index = None
            self._show_nothing()

    def set_slide(self, index: int) -> None:
        """Show the notes and sources of slide *index*; an index outside the deck shows nothing."""
        deck = self._deck
        if deck is None or not 0 <= index < deck.slide_count:
            self._index = None
            self._show_nothing()
            return
        self._index = index
        self._show(deck, index)

    def current_slide(self) -> int | None:
        """The slide whose notes are shown, if any."""
        return self._index

    def font_size(self) -> int:
        """The notes' font size in points."""
        return self._font_size

    def set_font_size(self, points: int) -> None:
        """Set the notes' font size, clamped to 8–40 points."""
        points = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, int(points)))
        if points == self._font_size:
            return
        self._font_size = points
        self._apply_font_size()
        self.font_size_changed.emit(points)

    def zoom(self, steps: int) -> None:
        """Make the notes *steps* points larger (or smaller, when negative)."""
        self.set_font_size(self._font_size + steps)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.PaletteChange
            and self._deck is not None
            and self._index is not None
        ):
            self._show(self._deck, self._index)  # muted colours are baked into the text

    # -- rendering -------------------------------------------------------------------------

    def _apply_font_size(self) -> None:
        font = QFont(self.browser.font())
        font.setPointSize(self._font_size)
        self.browser.setFont(font)

    def _muted(self) -> QColor:
        color = QColor(self.palette().color(QPalette.ColorRole.Text))
        color.setAlphaF(0.6)
        return color

    def _show_nothing(self) -> None:
        self.header.set_full_text("")
        self.browser.document().clear()

    def _show(self, deck: Deck, index: int) -> None:
        ref = deck.refs[index]
        self.header.set_full_text(
            _("Slide {n} of {count} · {title}").format(
                n=index + 1, count=deck.slide_count, title=slide_label(deck, ref)
            )
        )
        document = self.browser.document()
        slide = ref.slide
        # A slide split into parts has its notes on the first; a later part shows them again
        # (the talk goes on about the same slide), said to be the first part's.
        whole = slide.whole if slide.part and slide.whole is not None else None
        spoken = whole or slide
        notes = spoken.notes.strip()
        document.clear()
        cursor = QTextCursor(document)
        if whole is not None and (notes or spoken.secondary.get("notes", "").strip()):
            self._insert_continued(cursor, index - slide.part + 1)
        if notes:
            # Parsed and made safe before anything lays it out (no image, safe links only).
            parsed = notes_document(notes, self._muted())
            cursor.insertFragment(QTextDocumentFragment(parsed))
        second = spoken.secondary.get("notes", "").strip()
        if second:  # two languages shown (en+zh): the second's notes follow, under its name
            if notes:
                self._insert_heading(cursor, name(deck.display.split("+")[-1]))
                cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())  # unstyled again
            cursor.insertFragment(QTextDocumentFragment(notes_document(second, self._muted())))
            notes = notes or second
        cursor.select(QTextCursor.SelectionType.Document)
        spacing = QTextBlockFormat()
        spacing.setLineHeight(
            LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor.mergeBlockFormat(spacing)

        if not notes:
            empty = QTextCharFormat()
            empty.setForeground(self._muted())
            empty.setFontItalic(True)
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            cursor.insertText(_(NO_NOTES), empty)

        sources = [
            deck.source(source_id) or Source(source_id, source_id)
            for source_id in ref.slide.sources
        ]
        if sources:
            self._insert_sources(cursor, sources)
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        self.browser.verticalScrollBar().setValue(0)

    def _insert_continued(self, cursor: QTextCursor, first: int) -> None:
        """Begin with a muted line saying the notes are those of slide *first* (1-based)."""
        muted = QTextCharFormat()
        muted.setForeground(self._muted())
        muted.setFontItalic(True)
        muted.setProperty(QTextFormat.Property.FontSizeAdjustment, _SMALLER)
        cursor.insertText(_("Continued: the notes of slide {n}").format(n=first), muted)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())

    def _insert_heading(self, cursor: QTextCursor, text: str) -> None:
        """Append a small muted heading (``SOURCES``, a language's name) as plain text."""
        cursor.movePosition(QTextCursor.MoveOperation.End)
        heading_block = QTextBlockFormat()
        heading_block.setTopMargin(14)
        heading_block.setBottomMargin(4)
        heading = QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        heading.setProperty(QTextFormat.Property.FontSizeAdjustment, _SMALLER)
        heading.setFontCapitalization(QFont.Capitalization.AllUppercase)
        heading.setFontLetterSpacing(106)
        heading.setForeground(self._muted())
        cursor.insertBlock(heading_block, heading)
        cursor.insertText(text)

    def _insert_sources(self, cursor: QTextCursor, sources: list[Source]) -> None:
        """Append a "Sources" heading and one list item per source, all as plain text."""
        self._insert_heading(cursor, _("Sources"))

        body = QTextCharFormat()
        small = QTextCharFormat()
        small.setForeground(self._muted())
        small.setProperty(QTextFormat.Property.FontSizeAdjustment, _SMALLER)

        list_format = QTextListFormat()
        list_format.setStyle(QTextListFormat.Style.ListDisc)
        list_format.setIndent(1)
        item_block = QTextBlockFormat()
        item_block.setBottomMargin(6)
        item_block.setLineHeight(
            LINE_HEIGHT - 15, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        source_list: QTextList | None = None
        for source in sources:
            cursor.insertBlock(item_block, body)
            if source_list is None:
                source_list = cursor.createList(list_format)
            else:
                source_list.add(cursor.block())
            cursor.insertText(source.title, body)
            meta = " · ".join(part for part in (source.publisher, source.date) if part)
            if meta:
                cursor.insertText("\u2028", body)  # a line break inside the item
                cursor.insertText(meta, small)
            if source.url:
                cursor.insertText("\u2028", body)
                cursor.insertText(source.url, small)
