"""The console's row of tools under the current slide, and the ink's palette.

:class:`ToolRow` holds a button for each tool action a tool adds (:meth:`ToolRow.add_action`):
the laser pointer, the spotlight, the zoom, the pen, the highlighter, the eraser. A tool in use
shows its button checked, and its name at the row's end, so the console always says which tool
is active. :class:`InkPalette` (the pen's colours and widths) shows there while the ink is in
use.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import N_, _
from desktop.ui.actions import key_text
from desktop.ui.presenter import style
from desktop.ui.presenter.state_row import caption

COLOURS: Final = (
    ("#e02020", N_("Red ink")),
    ("#ff8c1a", N_("Orange ink")),
    ("#ffd400", N_("Yellow ink")),
    ("#2fbf4f", N_("Green ink")),
    ("#1f6fff", N_("Blue ink")),
    ("#ffffff", N_("White ink")),
    ("#111111", N_("Black ink")),
)
"""The palette's colours: value and the button's name (its tooltip, shown translated)."""
WIDTHS: Final = ((4.0, N_("Thin line")), (8.0, N_("Medium line")), (16.0, N_("Thick line")))
"""The palette's widths in canvas units (a highlighter draws three times as wide), and the
buttons' names."""
SWATCH: Final = 22


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(style.LINE))
    painter.setBrush(QColor(colour))
    painter.drawEllipse(2, 2, SWATCH - 4, SWATCH - 4)
    painter.end()
    return QIcon(pixmap)


def _line(width: float) -> QIcon:
    pixmap = QPixmap(SWATCH * 2, SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.TEXT))
    height = max(2.0, width / 2)
    bar = QRectF(4, (SWATCH - height) / 2, SWATCH * 2 - 8, height)
    painter.drawRoundedRect(bar, height / 2, height / 2)
    painter.end()
    return QIcon(pixmap)


class InkPalette(QWidget):
    """The ink's colours and widths: one of each is chosen.

    Signals:
        colour_chosen(str): a colour (``#rrggbb``) was clicked.
        width_chosen(float): a width (canvas units) was clicked.
    """

    colour_chosen = Signal(str)
    width_chosen = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inkPalette")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.colours: dict[str, QToolButton] = {}
        self.widths: dict[float, QToolButton] = {}
        colours, widths = QButtonGroup(self), QButtonGroup(self)
        for colour, name in COLOURS:
            button = self._button(_swatch(colour), _(name), QSize(SWATCH, SWATCH))
            button.clicked.connect(lambda _=False, c=colour: self.colour_chosen.emit(c))
            colours.addButton(button)
            self.colours[colour] = button
            row.addWidget(button)
        row.addSpacing(10)
        for width, name in WIDTHS:
            button = self._button(_line(width), _(name), QSize(SWATCH * 2, SWATCH))
            button.clicked.connect(lambda _=False, w=width: self.width_chosen.emit(w))
            widths.addButton(button)
            self.widths[width] = button
            row.addWidget(button)
        row.addStretch(1)

    def _button(self, icon: QIcon, name: str, size: QSize) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon)
        button.setIconSize(size)
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def show_choice(self, colour: str, width: float) -> None:
        """Check the buttons of *colour* and *width* (the ink's current ones)."""
        if colour in self.colours:
            self.colours[colour].setChecked(True)
        nearest = min(self.widths, key=lambda w: abs(w - width))
        self.widths[nearest].setChecked(True)


class ToolRow(QWidget):
    """``TOOLS``, a button per tool action, the palette while inking, and the tool in use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toolRow")
        self.setStyleSheet(
            f"QWidget#toolRow QToolButton {{ color: {style.TEXT}; background: {style.RAISED};"
            f" border: 1px solid {style.LINE}; border-radius: 6px; padding: 3px 10px; }}"
            f"QWidget#toolRow QToolButton:checked {{ background: {style.CURRENT};"
            f" color: {style.BACKGROUND}; border-color: {style.CURRENT}; }}"
            "QWidget#inkPalette QToolButton { padding: 2px; background: transparent;"
            " border-color: transparent; }"
            f"QWidget#inkPalette QToolButton:checked {{ background: {style.RAISED};"
            f" border-color: {style.TEXT}; }}"
        )
        # Never wider than the slide above it: the console's size sets the row's, not the reverse.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self._row = QHBoxLayout()
        self._row.setSpacing(6)
        self._row.addWidget(caption(_("TOOLS")))
        self._buttons: list[tuple[int, QToolButton]] = []
        self._row.addStretch(1)
        self.active = QLabel()
        self.active.setObjectName("caption")
        self.active.setAccessibleName(_("Tool in use"))
        self.active.setFont(style.ui_font(15, QFont.Weight.DemiBold))
        self._row.addWidget(self.active)
        column.addLayout(self._row)
        self.palette_slot = QHBoxLayout()
        self.palette_slot.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.palette_slot)
        self._actions: list[tuple[QAction, str]] = []
        """Each button's action, and what names its tool in use (empty: the action's text)."""

    def add_action(
        self, action: QAction, rank: int, word: str = "", in_use: str = ""
    ) -> QToolButton:
        """A button for *action*, saying *word* (translated; default: the action's text; its
        key in the tooltip); buttons are in order of *rank* (the pointer first, the ink's
        last). *in_use* (translated; default: the action's text) names the tool while the
        action is checked."""
        word = _(word) if word else ""
        button = QToolButton()
        button.setDefaultAction(action)
        if word:
            button.setText(word)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setFont(style.ui_font(14))
        shortcut = action.shortcut()
        keys = key_text(shortcut.toString(shortcut.SequenceFormat.PortableText))
        tip = (
            _("{action} ({key})").format(action=action.text(), key=keys) if keys else action.text()
        )
        button.setToolTip(tip)
        action.changed.connect(lambda: button.setText(word or action.text()))
        action.changed.connect(lambda: button.setToolTip(tip))
        place = sum(1 for other, _ in self._buttons if other <= rank)
        self._row.insertWidget(place + 1, button)
        self._buttons.insert(place, (rank, button))
        self._actions.append((action, in_use))
        action.toggled.connect(self._show_active)
        return button

    def add_palette(self, palette: QWidget) -> None:
        self.palette_slot.addWidget(palette)

    def _show_active(self) -> None:
        names = [
            _(name) if name else action.text()
            for action, name in self._actions
            if action.isChecked()
        ]
        self.active.setText(_("In use: {tool}").format(tool=names[0]) if names else "")

    def buttons(self) -> list[QToolButton]:
        return [button for _, button in self._buttons]
