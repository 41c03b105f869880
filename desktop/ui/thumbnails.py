"""The thumbnail panel: a vertical strip of small slide pictures, drawn lazily."""

from __future__ import annotations

import logging
from typing import Final

from PySide6 import QtGui
from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core.actions import CONFIRM_KEY
from desktop.core.i18n import _
from desktop.core.model import slide_label
from desktop.render.renderer import SlideRenderer

log = logging.getLogger(__name__)

THUMBNAIL_WIDTH: Final = 200
"""Width of a thumbnail in device-independent pixels; the height follows the deck's aspect."""
MIN_THUMBNAIL_WIDTH: Final = 96
"""In a panel too narrow for :data:`THUMBNAIL_WIDTH`, thumbnails shrink down to this."""
_WIDTH_STEP: Final = 8
"""Shrunken widths are multiples of this, so dragging a splitter re-renders rarely."""

_NUMBER_WIDTH: Final = 30
HIDDEN_OPACITY: Final = 0.4
"""A hidden slide's thumbnail is dimmed to this (it is not presented)."""
_MARGIN_X: Final = 8
_MARGIN_Y: Final = 7
_GAP: Final = 8
_FRAME: Final = 3
"""Width of the highlight around the current slide."""
_ROOT: Final = QModelIndex()


class _ThumbnailModel(QAbstractListModel):
    """One row per slide of the renderer's deck; the picture itself is left to the delegate."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.renderer: SlideRenderer | None = None

    def set_renderer(self, renderer: SlideRenderer) -> None:
        self.beginResetModel()
        self.renderer = renderer
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if parent.isValid() or self.renderer is None:
            return 0
        return self.renderer.slide_count

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if self.renderer is None or not index.isValid():
            return None
        number = index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return str(number)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            deck = self.renderer.deck
            label = slide_label(deck, deck.refs[index.row()])
            text = _("Slide {n}: {title}").format(n=number, title=label)
            if mark := deck.talk.mark(index.row()):
                text += f" ({mark})"
            if role == Qt.ItemDataRole.ToolTipRole:
                return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
            return text
        return None


class _ThumbnailDelegate(QStyledItemDelegate):
    """Paints a row: the slide number, then the slide asked of the renderer at paint time.

    Only rows the view paints are rendered, so a long deck opens at once.
    """

    def __init__(self, model: _ThumbnailModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.width = THUMBNAIL_WIDTH

    def thumbnail_size(self) -> QSize:
        renderer = self._model.renderer
        ratio = 9 / 16 if renderer is None else renderer.canvas.height() / renderer.canvas.width()
        return QSize(self.width, round(self.width * ratio))

    @staticmethod
    def chrome_width() -> int:
        """Width of a row without its picture: margins, number column, gap and frame."""
        return 2 * _MARGIN_X + _NUMBER_WIDTH + _GAP + _FRAME

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        thumb = self.thumbnail_size()
        return QSize(self.chrome_width() + thumb.width(), 2 * _MARGIN_Y + thumb.height())

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        renderer = self._model.renderer
        if renderer is None:
            return
        thumb_size = self.thumbnail_size()
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        palette = option.palette
        group = (
            QPalette.ColorGroup.Active
            if state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        highlight = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
        text = palette.color(group, QPalette.ColorRole.WindowText)

        # Centre the number column and the picture in the row.
        content_width = _NUMBER_WIDTH + _GAP + thumb_size.width()
        left = option.rect.left() + max(_MARGIN_X, (option.rect.width() - content_width) // 2)
        top = option.rect.top() + _MARGIN_Y
        picture = QRect(left + _NUMBER_WIDTH + _GAP, top, thumb_size.width(), thumb_size.height())
        number_rect = QRect(left, top, _NUMBER_WIDTH, picture.height())

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(option.font)
        if selected:
            font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        number_color = QColor(highlight if selected else text)
        if not selected:
            number_color.setAlphaF(0.62)
        painter.setPen(number_color)
        painter.drawText(
            number_rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            str(index.data(Qt.ItemDataRole.DisplayRole)),
        )

        device_pixel_ratio = option.widget.devicePixelRatioF()
        image = renderer.image(index.row(), thumb_size, device_pixel_ratio)
        hidden = index.row() in renderer.deck.talk.hidden
        painter.setOpacity(HIDDEN_OPACITY if hidden else 1.0)  # dimmed: not presented
        painter.drawImage(QRectF(picture), image)
        painter.setOpacity(1.0)

        if selected:
            frame = QRectF(picture).adjusted(-1.5, -1.5, 1.5, 1.5)
            painter.setPen(QPen(highlight, _FRAME))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame, 2, 2)
        else:
            edge = QColor(highlight if hovered else text)
            edge.setAlphaF(0.7 if hovered else 0.18)
            painter.setPen(QPen(edge, 1.5 if hovered else 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(picture).adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.restore()


class ThumbnailPanel(QListView):
    """Every slide as a small picture with its number; the current slide is framed.

    Thumbnails are drawn on demand, when a row is first painted, so opening a
    deck of a thousand slides costs nothing up front. Clicking a thumbnail,
    pressing Enter, or moving with the arrow keys asks to show that slide;
    :meth:`set_current` only follows the slide shown elsewhere and never emits.

    Signals:
        slide_activated(int): The user chose a slide; carries its global index.
    """

    slide_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thumbnailPanel")
        self.setAccessibleName(_("Slide thumbnails"))
        self.setAccessibleDescription(
            _("Every slide in order. Click or press {key} to go to one.").format(key=CONFIRM_KEY)
        )
        self._model = _ThumbnailModel(self)
        self._delegate = _ThumbnailDelegate(self._model, self)
        self.setModel(self._model)
        self.setItemDelegate(self._delegate)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setWrapping(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.clicked.connect(self._on_clicked)

    def sizeHint(self) -> QSize:
        row = self._delegate.sizeHint(self.viewOptions(), QModelIndex())
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        return QSize(row.width() + scroll_bar + 2 * self.frameWidth(), 600)

    def viewOptions(self) -> QStyleOptionViewItem:
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        return option

    def set_renderer(self, renderer: SlideRenderer) -> None:
        """Show the slides *renderer* draws; keeps the current row when the deck still has it.

        Nothing is rendered here: rows are drawn when they are painted.
        """
        current = self.currentIndex().row()
        self._model.set_renderer(renderer)
        self.updateGeometry()
        log.debug("thumbnails: %d slides", renderer.slide_count)
        if 0 <= current < renderer.slide_count:
            self.set_current(current)

    def renderer(self) -> SlideRenderer | None:
        """The renderer the thumbnails come from, if one was set."""
        return self._model.renderer

    def thumbnail_size(self) -> QSize:
        """The size of one thumbnail in device-independent pixels.

        :data:`THUMBNAIL_WIDTH` wide, or less when the panel is too narrow for it.
        """
        return self._delegate.thumbnail_size()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.viewport().width() - self._delegate.chrome_width()
        width = THUMBNAIL_WIDTH
        if room < THUMBNAIL_WIDTH:
            width = max(MIN_THUMBNAIL_WIDTH, room // _WIDTH_STEP * _WIDTH_STEP)
        if width != self._delegate.width:
            self._delegate.width = width
            self._delegate.sizeHintChanged.emit(self._model.index(0, 0))

    def set_current(self, index: int) -> None:
        """Frame slide *index* and scroll it into view, without emitting.

        An index outside the deck clears the selection.
        """
        model_index = self._model.index(index, 0)
        if not model_index.isValid():
            self.clearSelection()
            return
        self.selectionModel().setCurrentIndex(
            model_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(model_index, QAbstractItemView.ScrollHint.EnsureVisible)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and before.isValid():
            self.slide_activated.emit(before.row())
            event.accept()
            return
        super().keyPressEvent(event)
        after = self.currentIndex()
        if after.isValid() and after.row() != before.row():
            self.slide_activated.emit(after.row())

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.slide_activated.emit(index.row())
