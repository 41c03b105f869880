"""The outline panel: the deck's sections and their slides as a tree."""

from __future__ import annotations

import logging
from typing import Final

from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.actions import CONFIRM_KEY
from desktop.core.displays import untranslated, untranslated_text
from desktop.core.i18n import _
from desktop.core.markup import plain
from desktop.core.model import Deck, slide_label
from desktop.core.numbering import action_count, action_number
from desktop.ui.delegates import draw_item_base

log = logging.getLogger(__name__)

_KIND_ROLE: Final = Qt.ItemDataRole.UserRole
"""``"section"`` or ``"slide"``."""
_INDEX_ROLE: Final = Qt.ItemDataRole.UserRole + 1
"""The section index of a section item, the global slide index of a slide item."""
_NUMBER_ROLE: Final = Qt.ItemDataRole.UserRole + 2
_TITLE_ROLE: Final = Qt.ItemDataRole.UserRole + 3
_SUBTITLE_ROLE: Final = Qt.ItemDataRole.UserRole + 4
_MISSING_ROLE: Final = Qt.ItemDataRole.UserRole + 5
"""A slide item's mark where it lacks texts in the language shown (``no zh``), else empty."""
_MARK_COLOURS: Final = (QColor("#fdecc8"), QColor("#5c3b00"))
"""The mark's background and text (as the status bar's)."""

_SECTION: Final = "section"
_SLIDE: Final = "slide"
_PAD_X: Final = 6
_PAD_Y: Final = 5
_LINE_GAP: Final = 1


def _tooltip(text: str) -> str:
    """Plain text as a tooltip: Qt would guess that ``<b>`` in a title is markup."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)


class _OutlineDelegate(QStyledItemDelegate):
    """Draws the rows: a muted number column, then the title.

    Section rows take two lines, the English title in semibold and the Chinese title
    below it; slide rows take one.
    """

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(_KIND_ROLE) != _SECTION:
            return QSize(size.width(), option.fontMetrics.height() + 2 * _PAD_Y - 2)
        title = QFontMetrics(self._title_font(option.font))
        height = 2 * _PAD_Y + title.height()
        if index.data(_SUBTITLE_ROLE):
            height += _LINE_GAP + QFontMetrics(self._subtitle_font(option.font)).height()
        return QSize(size.width(), height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt, text_color, muted = draw_item_base(self, painter, option, index, 0.6)

        section = index.data(_KIND_ROLE) == _SECTION
        rect = opt.rect.adjusted(_PAD_X, 0, -_PAD_X, 0)
        title_font = self._title_font(opt.font) if section else QFont(opt.font)
        metrics = QFontMetrics(title_font)
        number_width = metrics.horizontalAdvance("000" if not section else "00") + 10
        line_height = metrics.height()
        top = rect.top() + (_PAD_Y if section else (rect.height() - line_height) // 2)
        left_align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        number_align = (
            left_align if section else Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

        painter.save()
        painter.setFont(title_font)
        painter.setPen(muted)
        number_rect = QRect(rect.left(), top, number_width - 10, line_height)
        painter.drawText(number_rect, number_align, str(index.data(_NUMBER_ROLE)))
        text_left = rect.left() + number_width
        text_width = max(0, rect.right() - text_left)
        mark = str(index.data(_MISSING_ROLE) or "")
        if mark:
            text_width = max(0, text_width - self._mark(painter, opt.font, rect, mark) - 6)
        title = metrics.elidedText(
            str(index.data(_TITLE_ROLE)), Qt.TextElideMode.ElideRight, text_width
        )
        painter.setPen(text_color)
        painter.drawText(QRect(text_left, top, text_width, line_height), left_align, title)
        subtitle = str(index.data(_SUBTITLE_ROLE) or "")
        if section and subtitle:
            sub_font = self._subtitle_font(opt.font)
            sub_metrics = QFontMetrics(sub_font)
            painter.setFont(sub_font)
            painter.setPen(muted)
            line = QRect(text_left, top + line_height + _LINE_GAP, text_width, sub_metrics.height())
            elided = sub_metrics.elidedText(subtitle, Qt.TextElideMode.ElideRight, text_width)
            painter.drawText(line, left_align, elided)
        painter.restore()

    @staticmethod
    def _mark(painter: QPainter, base: QFont, rect: QRect, mark: str) -> int:
        """Draw *mark* as a small tag at the right end of *rect*; returns its width."""
        font = QFont(base)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.8)
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(mark) + 8
        height = metrics.height() + 2
        tag = QRect(rect.right() - width, rect.center().y() - height // 2, width, height)
        painter.save()
        painter.setFont(font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_MARK_COLOURS[0])
        painter.drawRoundedRect(tag, 3, 3)
        painter.setPen(_MARK_COLOURS[1])
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, mark)
        painter.restore()
        return width

    @staticmethod
    def _title_font(base: QFont) -> QFont:
        font = QFont(base)
        font.setWeight(QFont.Weight.DemiBold)
        return font

    @staticmethod
    def _subtitle_font(base: QFont) -> QFont:
        font = QFont(base)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.92)
        return font


class _OutlineTree(QTreeWidget):
    """A tree that reports Enter/Return on the current item.

    Signals:
        item_entered(QTreeWidgetItem): Enter or Return was pressed on the current item.
    """

    item_entered = Signal(QTreeWidgetItem)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self.item_entered.emit(item)
            event.accept()
            return
        super().keyPressEvent(event)


class OutlinePanel(QWidget):
    """The deck's outline: sections, each with its slides, for quick navigation.

    Clicking (or pressing Enter on) an item asks to show it; :meth:`set_current`
    only follows the slide shown elsewhere and never emits.

    Signals:
        slide_activated(int): The user chose a slide; carries its global index.
        section_activated(int): The user chose a section; carries the section index.
    """

    slide_activated = Signal(int)
    section_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.setAccessibleName(_("Outline"))
        self._deck: Deck | None = None
        self._slide_items: list[QTreeWidgetItem] = []

        self.tree = _OutlineTree(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setAccessibleName(_("Outline of sections and slides"))
        self.tree.setAccessibleDescription(
            _("Sections and their slides. Press {key} or click to go to one.").format(
                key=CONFIRM_KEY
            )
        )
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(18)
        self.tree.setAnimated(False)
        self.tree.setExpandsOnDoubleClick(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(_OutlineDelegate(self.tree))
        self.tree.itemClicked.connect(self._on_item_chosen)
        self.tree.item_entered.connect(self._on_item_chosen)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.tree)

    def set_deck(self, deck: Deck) -> None:
        """Show *deck*'s outline, sections collapsed; keeps nothing of the previous deck."""
        self._deck = deck
        self.tree.clear()
        self._slide_items = []
        width = max(2, len(str(action_count(deck))))
        section_items: list[QTreeWidgetItem] = []
        for section_index, section in enumerate(deck.sections):
            action = action_number(deck, section_index)
            number = f"{action:0{width}d}" if action is not None else ""
            title = plain(section.title)
            title_zh = plain(section.title_zh)
            if section.backup:
                title = _("{title} (backup)").format(title=title)
            section_item = QTreeWidgetItem([f"{number}  {title}" if number else title])
            section_item.setData(0, _KIND_ROLE, _SECTION)
            section_item.setData(0, _INDEX_ROLE, section_index)
            section_item.setData(0, _NUMBER_ROLE, number)
            section_item.setData(0, _TITLE_ROLE, title)
            section_item.setData(0, _SUBTITLE_ROLE, title_zh)
            full = f"{title}\n{title_zh}" if title_zh else title
            section_item.setToolTip(0, _tooltip(full))
            spoken = (
                _("Action {number}: {title}").format(number=action, title=title)
                if action is not None
                else title
            ) + (f" ({title_zh})" if title_zh else "")
            section_item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
            section_items.append(section_item)
        self.tree.addTopLevelItems(section_items)
        for ref in deck.refs:
            label = slide_label(deck, ref)
            if ref.slide.hidden:  # first, where eliding a long title keeps it
                label = _("(hidden) {title}").format(title=label)
            item = QTreeWidgetItem([f"{ref.index + 1}  {label}"])
            item.setData(0, _KIND_ROLE, _SLIDE)
            item.setData(0, _INDEX_ROLE, ref.index)
            item.setData(0, _NUMBER_ROLE, str(ref.index + 1))
            item.setData(0, _TITLE_ROLE, label)
            missing = untranslated(ref.slide, deck)
            marks = " ".join(_("no {code}").format(code=code) for code in missing)
            item.setData(0, _MISSING_ROLE, marks)
            told = _("Slide {n}: {title}").format(n=ref.index + 1, title=label)
            if missing:
                told += f" ({untranslated_text(missing)})"
            item.setToolTip(0, _tooltip(told))
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, told)
            section_items[ref.section_index].addChild(item)
            self._slide_items.append(item)
        log.debug("outline: %d sections, %d slides", len(deck.sections), deck.slide_count)

    def set_current(self, index: int) -> None:
        """Select slide *index*, expand its section and scroll to it, without emitting.

        An index outside the deck clears the selection.
        """
        if not 0 <= index < len(self._slide_items):
            self.tree.clearSelection()
            return
        item = self._slide_items[index]
        parent = item.parent()
        if parent is not None:
            parent.setExpanded(True)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)

    def current_slide(self) -> int | None:
        """The slide selected in the outline, or None when a section or nothing is."""
        item = self.tree.currentItem()
        if item is None or item.data(0, _KIND_ROLE) != _SLIDE:
            return None
        return int(item.data(0, _INDEX_ROLE))

    def _on_item_chosen(self, item: QTreeWidgetItem) -> None:
        index = int(item.data(0, _INDEX_ROLE))
        if item.data(0, _KIND_ROLE) == _SECTION:
            self.section_activated.emit(index)
        else:
            self.slide_activated.emit(index)
