"""The crash dialog: a copyable report and the log file's path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from desktop.core.i18n import _

_open_dialogs: list[QDialog] = []


def show_crash_dialog(report: str, log_file: Path) -> QDialog | None:
    """Show the report (non-modal, one at a time); the app keeps running."""
    if QApplication.instance() is None or _open_dialogs:
        return None
    dialog = QDialog()
    dialog.setWindowTitle(_("Something went wrong"))
    dialog.setAccessibleName(_("Error report"))
    label = QLabel(
        _(
            "An unexpected error happened. The app keeps running; your files are unchanged.\n"
            "The details are in the log file: {file}"
        ).format(file=log_file)
    )
    label.setWordWrap(True)
    text = QPlainTextEdit(report)
    text.setReadOnly(True)
    text.setAccessibleName(_("Error details"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    copy = buttons.addButton(_("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(640, 420)
    _open_dialogs.append(dialog)
    dialog.finished.connect(lambda _r: _open_dialogs.remove(dialog))
    dialog.show()
    return dialog
