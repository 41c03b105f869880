"""The shortcuts overlay (F1 or ?): a cheat-sheet card of every key, grouped by task.

What it lists comes from the action table (:func:`desktop.core.actions.cheat_sheet`): each
group's heading once, then its lines, what the action does on the left and its keys as key
caps on the right. The groups flow into columns of about equal height, as many as the screen
is wide enough for.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.actions import ActionSpec, KeyGroup, KeyRow, cheat_sheet
from desktop.core.i18n import N_, _
from desktop.ui.actions import key_text

EXTRA: tuple[tuple[str, str, str], ...] = (
    (N_("Navigate"), N_("Go to slide N"), N_("type the number, then {key}")),
)
"""The overlay's line for what is typed: (group, text, how), the catalogue's English (``{key}``:
:data:`~desktop.core.actions.CONFIRM_KEY`; see :func:`~desktop.core.actions.cheat_sheet`)."""

GLYPHS: Final = {"Left": "←", "Right": "→", "Up": "↑", "Down": "↓"}
"""Keys drawn as a symbol on their cap."""

COLUMN_WIDTH: Final = 330
"""About how wide a column of groups is; the overlay has as many as fit its screen."""


def key_caps(sequence: str) -> tuple[str, ...]:
    """The caps one key sequence is pressed with: ``Ctrl+Shift+N`` → Ctrl, Shift, N (named
    as :func:`~desktop.ui.actions.key_text` writes them; ``Ctrl++`` → Ctrl, +)."""
    native = key_text(sequence) or sequence
    caps = [*native[:-2].split("+"), "+"] if native.endswith("++") else native.split("+")
    return tuple(GLYPHS.get(cap, cap) for cap in caps if cap)


class KeyCaps(QWidget):
    """A row's keys drawn as caps: alternatives side by side, a run as first … last."""

    GAP: Final = 4
    """Between the caps of one sequence."""
    SPACE: Final = 12
    """Between alternatives."""

    def __init__(self, row: KeyRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.sequences = tuple(key_caps(keys) for keys in row.keys)
        self.setAccessibleName(_("Keys for {action}").format(action=row.text))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.setFont(font)

    def _pieces(self) -> list[tuple[str, bool]]:
        """What is drawn, left to right: (text, whether it is a cap)."""
        pieces: list[tuple[str, bool]] = []
        for n, caps in enumerate(self.sequences):
            if n:
                pieces.append(("…" if self.row.span else "", False))
            pieces.extend((cap, True) for cap in caps)
        if self.row.typed:
            pieces.append((self.row.typed, False))
        return pieces

    def _width(self, text: str, cap: bool) -> int:
        width = self.fontMetrics().horizontalAdvance(text)
        return max(width + 12, self.fontMetrics().height() + 6) if cap else width

    def sizeHint(self) -> QSize:
        widths = [self._width(text, cap) for text, cap in self._pieces()]
        gaps = sum(self.GAP if cap else self.SPACE for _, cap in self._pieces()[1:])
        return QSize(sum(widths) + gaps, self.fontMetrics().height() + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        height = self.fontMetrics().height() + 6
        top = (self.height() - height) / 2
        x = float(self.width() - self.sizeHint().width())  # right-aligned
        for n, (text, cap) in enumerate(self._pieces()):
            if n:
                x += self.GAP if cap else self.SPACE
            width = self._width(text, cap)
            box = QRectF(x, top, width, height)
            if cap:
                painter.setPen(palette.color(QPalette.ColorRole.Mid))
                painter.setBrush(palette.color(QPalette.ColorRole.Button))
                painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
                painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
            else:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            x += width
        painter.end()


class GroupCard(QFrame):
    """One task's heading and its lines."""

    def __init__(self, group: KeyGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = group
        self.setAccessibleName(group.title)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 8)
        column.setSpacing(4)
        self.heading = QLabel(group.title)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        self.heading.setFont(font)
        self.heading.setForegroundRole(QPalette.ColorRole.Text)
        column.addWidget(self.heading)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setForegroundRole(QPalette.ColorRole.Mid)
        rule.setFixedHeight(1)
        column.addWidget(rule)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(0, 1)
        self.lines: list[tuple[QLabel, KeyCaps]] = []
        for n, row in enumerate(group.rows):
            text = QLabel(row.text)
            text.setTextFormat(Qt.TextFormat.PlainText)
            caps = KeyCaps(row)
            grid.addWidget(text, n, 0)
            grid.addWidget(caps, n, 1, Qt.AlignmentFlag.AlignRight)
            self.lines.append((text, caps))
        column.addLayout(grid)


def _columns(groups: tuple[KeyGroup, ...], count: int) -> list[list[KeyGroup]]:
    """*groups* in order, cut into *count* columns of about equal height (lines + heading)."""
    sizes = [len(group.rows) + 2 for group in groups]
    total = sum(sizes)
    columns: list[list[KeyGroup]] = [[]]
    filled = 0
    for group, size in zip(groups, sizes, strict=True):
        share = total * len(columns) / count
        if columns[-1] and filled + size / 2 > share and len(columns) < count:
            columns.append([])
        columns[-1].append(group)
        filled += size
    return columns


class ShortcutsOverlay(QDialog):
    """The cheat-sheet card of every action's keys, grouped by task.

    Args:
        specs: The actions to list (their keys and groups).
        parent: The window it is shown over.
        extra: ``(group, text, how)`` lines for what is typed rather than pressed.
        presenting: The presenter's actions, listed last under "Presenting: …" headings.
    """

    def __init__(
        self,
        specs: tuple[ActionSpec, ...],
        parent: QWidget | None = None,
        extra: tuple[tuple[str, str, str], ...] = EXTRA,
        presenting: tuple[ActionSpec, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.setAccessibleName(_("Keyboard shortcuts"))
        self.groups = cheat_sheet(specs, extra, presenting)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        count = max(1, min(4, (screen.width() - 80) // COLUMN_WIDTH, len(self.groups)))
        body = QWidget()
        body.setBackgroundRole(QPalette.ColorRole.Base)
        body.setAutoFillBackground(True)
        row = QHBoxLayout(body)
        row.setContentsMargins(24, 20, 24, 12)
        row.setSpacing(36)
        self.cards: list[GroupCard] = []
        for groups in _columns(self.groups, count):
            column = QVBoxLayout()
            column.setSpacing(10)
            for group in groups:
                card = GroupCard(group)
                self.cards.append(card)
                column.addWidget(card)
            column.addStretch(1)
            row.addLayout(column, 1)
        scroll = QScrollArea()
        scroll.setAccessibleName(_("Shortcut list"))
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(scroll, 1)
        buttons.setContentsMargins(0, 0, 12, 0)
        layout.addWidget(buttons)
        wanted = body.sizeHint()
        chrome = buttons.sizeHint().height() + layout.contentsMargins().bottom() + 2
        self.resize(
            min(wanted.width() + 2, screen.width() - 40),
            min(wanted.height() + chrome + 16, screen.height() - 60),
        )

    def rows(self) -> list[tuple[str, str, str]]:
        """Every line as (group, what it does, its keys as text), in the card's order."""
        out = []
        for group in self.groups:
            for row in group.rows:
                keys = [key_text(k) for k in row.keys]
                text = " … ".join(keys) if row.span else ", ".join(keys)
                out.append((group.title, row.text, text or row.typed))
        return out
