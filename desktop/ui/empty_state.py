"""What the window shows where the slide would be while no deck is loaded.

A deck that cannot be shown (at start, or the first deck of a folder just opened) gets a
page saying so, with its problems as ``file:line:col: message`` (the compiler convention, as
``tianjin-briefing check`` prints them) and what to do: fix the files and save (the deck
reloads by itself), reload, or open another deck.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QAction, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.actions import NEEDS_DECK
from desktop.core.i18n import _
from desktop.core.navigation import Navigator
from desktop.core.problems import Problem
from desktop.core.text import plural
from desktop.ui.actions import ActionRegistry
from desktop.ui.banner import more_problems
from desktop.ui.icons import themed_icon
from desktop.ui.session import DeckSession

MAX_PROBLEMS: Final = 200
"""At most this many problems are listed (``check`` lists every one)."""

ICON: Final = "file-warning"
"""The page's icon."""

SHOWN_LINES: Final = 12
"""The problem list grows to this many lines, then scrolls."""


class EmptyState(QFrame):
    """The page shown instead of the slide while no deck is loaded.

    Args:
        open_action: The window's "Open deck…" action (its button triggers it).
        reload_action: The window's "Reload deck" action.
        parent: The owning widget.
    """

    def __init__(
        self, open_action: QAction, reload_action: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.setAccessibleName(_("No deck loaded"))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        self.icon = QLabel()
        self.icon.setAccessibleName(_("No deck"))
        self.icon.setPixmap(themed_icon(ICON).pixmap(QSize(48, 48)))
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.advice = QLabel()
        self.advice.setTextFormat(Qt.TextFormat.PlainText)
        self.advice.setWordWrap(True)
        self.problems = QPlainTextEdit()
        self.problems.setAccessibleName(_("Problems in the deck"))
        self.problems.setReadOnly(True)
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.problems.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.open_button = QPushButton(themed_icon("folder-open"), _("Open deck…"))
        self.open_button.setAccessibleName(_("Open another deck"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(open_action.trigger)
        self.reload_button = QPushButton(themed_icon("refresh-cw"), _("Reload"))
        self.reload_button.setAccessibleName(_("Reload the deck"))
        self.reload_button.clicked.connect(reload_action.trigger)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(12)
        column.addStretch(1)
        column.addWidget(self.icon)
        column.addWidget(self.heading)
        column.addWidget(self.advice)
        column.addWidget(self.problems)
        column.addLayout(buttons)
        column.addStretch(2)
        page = QHBoxLayout(self)
        page.setContentsMargins(32, 32, 32, 32)
        page.addStretch(1)
        page.addLayout(column, 8)
        page.addStretch(1)
        self.show_nothing()

    def show_problems(self, problems: tuple[Problem, ...], folder: Path | None) -> None:
        """The deck in *folder* did not load: say why (its errors) and what to do."""
        errors = [p for p in problems if p.is_error] or list(problems)
        if folder is not None:
            heading = _("The deck “{name}” could not be opened").format(name=folder.name)
        else:
            heading = _("The deck could not be opened")
        self.heading.setText(heading)
        self.advice.setText(
            plural(
                len(errors),
                "It has {n} problem. Fix it in the file named and save: the deck reloads by "
                "itself. Or open another deck.",
                "It has {n} problems. Fix them in the files named and save: the deck reloads "
                "by itself. Or open another deck.",
            )
        )
        lines = [p.format(folder) for p in errors[:MAX_PROBLEMS]]
        if len(errors) > MAX_PROBLEMS:
            lines.append(more_problems(len(errors) - MAX_PROBLEMS))
        self.problems.setPlainText("\n".join(lines))
        self.problems.show()
        self._fit_problems()
        self.reload_button.setVisible(folder is not None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_problems()

    def _fit_problems(self) -> None:
        """Make the problem list as tall as its lines, wrapped, up to :data:`SHOWN_LINES`."""
        box = self.problems
        metrics = box.fontMetrics()
        margin = round(box.document().documentMargin())
        width = max(1, box.viewport().width() - 2 * margin - metrics.averageCharWidth())
        wrapped = metrics.boundingRect(
            QRect(0, 0, width, 1 << 20), Qt.TextFlag.TextWordWrap, box.toPlainText()
        ).height()
        slack = metrics.lineSpacing() // 2  # the editor wraps a little sooner than the metrics
        most = SHOWN_LINES * metrics.lineSpacing()
        box.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if wrapped > most
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        height = min(wrapped + slack, most) + 2 * margin
        frame = box.frameWidth()
        box.setFixedHeight(height + 2 * frame + 2)

    def show_loading(self) -> None:
        self.heading.setText(_("Loading the deck…"))
        self.advice.setText("")
        self.problems.hide()
        self.reload_button.hide()

    def show_nothing(self) -> None:
        """No deck was opened yet."""
        self.heading.setText(_("No deck open"))
        self.advice.setText(
            _("A deck is a folder with a deck.yaml. Open one, or drop its folder on this window.")
        )
        self.problems.clear()
        self.problems.hide()
        self.reload_button.hide()

    def text(self) -> str:
        """Everything the page says, for tests and screen readers."""
        parts = [self.heading.text(), self.advice.text()]
        if not self.problems.isHidden():
            parts.append(self.problems.toPlainText())
        return "\n".join(parts)


class DeckPages:
    """The slide view or, while no deck is loaded, the empty state, in the window's *stack*;
    the actions that need a deck (:data:`~desktop.core.actions.NEEDS_DECK`) enabled only with
    one.

    Args:
        stack: Where the view is, and the empty state goes when first needed.
        view: The slide view.
        actions: The window's actions.
    """

    def __init__(self, stack: QStackedWidget, view: QWidget, actions: ActionRegistry) -> None:
        self.stack = stack
        self.view = view
        self.actions = actions
        self._empty: EmptyState | None = None

    def empty(self) -> EmptyState:
        """The empty state, made the first time it is needed (not at start-up)."""
        if self._empty is None:
            self._empty = EmptyState(self.actions["open"], self.actions["reload"])
            self.stack.addWidget(self._empty)
        return self._empty

    def enable(self, has_deck: bool, nav: Navigator) -> None:
        """Enable the actions that need a deck only with one (*has_deck*)."""
        for name in NEEDS_DECK:
            self.actions[name].setEnabled(has_deck)
        self.actions["back"].setEnabled(has_deck and nav.can_go_back)
        self.actions["forward"].setEnabled(has_deck and nav.can_go_forward)

    def show(self, has_deck: bool, nav: Navigator, session: DeckSession) -> None:
        """Show the slide (*has_deck*) or say why there is none: loading, or the problems of
        the load that failed, or no deck opened yet."""
        self.enable(has_deck, nav)
        if has_deck:
            self.stack.setCurrentWidget(self.view)
            return
        empty = self.empty()
        result = session.result
        if session.loading:
            empty.show_loading()
        elif result is not None and result.deck is None:
            empty.show_problems(result.problems, session.path)
        else:
            empty.show_nothing()
        self.stack.setCurrentWidget(empty)
