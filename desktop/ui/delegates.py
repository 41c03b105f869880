"""Shared painting for the list delegates (outline, search results)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


def draw_item_base(
    delegate: QStyledItemDelegate,
    painter: QPainter,
    option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
    muted_alpha: float,
) -> tuple[QStyleOptionViewItem, QColor, QColor]:
    """Draw the item's background and selection (no text).

    Returns the initialised style option, the text colour for its state and a muted variant.
    """
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    opt.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
    selected = bool(opt.state & QStyle.StateFlag.State_Selected)
    group = (
        QPalette.ColorGroup.Active
        if opt.state & QStyle.StateFlag.State_Active
        else QPalette.ColorGroup.Inactive
    )
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    text_color = opt.palette.color(group, role)
    muted = QColor(text_color)
    muted.setAlphaF(muted_alpha)
    return opt, text_color, muted
