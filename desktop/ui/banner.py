"""A banner over the slide that lists a deck's problems as ``file:line: message``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from desktop.core.i18n import _
from desktop.core.problems import Problem, display_path
from desktop.core.text import plural

MAX_LINES = 8


class ProblemsBanner(QFrame):
    """Shows problems in plain text; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsBanner")
        self.setAccessibleName(_("Deck problems"))
        self.setStyleSheet(
            "#problemsBanner { background: #fff4e5; border-bottom: 2px solid #e08a00; }"
            " QLabel { color: #3d2a00; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        text_column = QVBoxLayout()
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setWordWrap(True)
        text_column.addWidget(self.heading)
        text_column.addWidget(self.details)
        layout.addLayout(text_column, 1)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName(_("Hide problems"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_problems(self, problems: tuple[Problem, ...], base: Path | None, kept: bool) -> None:
        errors = [p for p in problems if p.is_error]
        if not errors:
            self.clear()
            return
        count = len(errors)
        if kept:
            heading = plural(
                count,
                "{n} problem in the deck; showing the last version that loaded. Fix the files "
                "and save: the deck reloads by itself.",
                "{n} problems in the deck; showing the last version that loaded. Fix the files "
                "and save: the deck reloads by itself.",
            )
        else:
            heading = plural(
                count,
                "{n} problem in the deck; fix the files and save: the deck reloads by itself.",
                "{n} problems in the deck; fix the files and save: the deck reloads by itself.",
            )
        self.heading.setText(heading)
        lines = [f"{_where(p, base)}: {p.message}" for p in errors[:MAX_LINES]]
        if count > MAX_LINES:
            lines.append(more_problems(count - MAX_LINES))
        self.details.setText("\n".join(lines))
        self.show()

    def clear(self) -> None:
        self.heading.clear()
        self.details.clear()
        self.hide()

    def text(self) -> str:
        return f"{self.heading.text()}\n{self.details.text()}"


def more_problems(n: int) -> str:
    """The last line of a list of problems cut short: *n* more, and where to see them all."""
    return plural(
        n,
        "… and {n} more (run `tianjin-briefing check`)",
        "… and {n} more (run `tianjin-briefing check`)",
    )


def _where(problem: Problem, base: Path | None) -> str:
    """``file:line``, or the file alone when the problem is about all of it (line 0)."""
    location = problem.location
    shown = display_path(location.file, base)
    return f"{shown}:{location.line}" if location.line else shown
