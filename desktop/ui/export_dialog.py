"""Export PDF from the app: choose layout and file, a cancellable progress dialog.

The file follows the rule of :mod:`desktop.core.targets`, as on the command line: a folder,
device, read-only or deck file is refused (the dialog stays open); an existing file is
replaced only after the user says so, with a plainer warning when it is not a PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core.model import Deck
from desktop.core.problems import UserError
from desktop.core.targets import PDF, TargetError, inspect_target
from desktop.export.command import human_size
from desktop.export.pdf import ExportCancelled, ExportOptions, ExportResult, export_pdf
from desktop.export.plan import ExportLayout
from desktop.render.renderer import SlideRenderer

LAYOUT_NAMES = {
    ExportLayout.SLIDES: "Slides (one page per slide)",
    ExportLayout.NOTES: "Notes pages (A4: slide, speaker notes, sources)",
    ExportLayout.HANDOUT: "Handout (A4: several slides with lines for notes)",
}


Ask = Callable[[str], bool]
"""Asks the user a yes/no question (default No); True for yes."""
Tell = Callable[[str], None]
"""Tells the user why something was refused."""


class ExportDialog(QDialog):
    """Asks where to write the PDF and which layout.

    Args:
        suggested: The file name proposed.
        parent: The owning window.
        protected: Files never replaced (the deck's own).
        ask: Asks before an existing file is replaced (default: a message box; tests pass
            an answer).
        tell: Says why a file is refused (default: a message box).
    """

    def __init__(
        self,
        suggested: Path,
        parent: QWidget | None = None,
        protected: Iterable[Path] = (),
        ask: Ask | None = None,
        tell: Tell | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.protected = tuple(protected)
        self.force = False
        """The user agreed to replace a file that is not a PDF."""
        self._ask = ask or self._ask_box
        self._tell = tell or self._tell_box
        self.layout_box = QComboBox()
        self.layout_box.setAccessibleName("Layout")
        for layout, name in LAYOUT_NAMES.items():
            self.layout_box.addItem(name, layout.value)
        self.per_page = QSpinBox()
        self.per_page.setAccessibleName("Slides per handout page")
        self.per_page.setRange(1, 6)
        self.per_page.setValue(3)
        self.path = QLineEdit(str(suggested))
        self.path.setAccessibleName("PDF file")
        browse = QPushButton("Browse…")
        browse.setAccessibleName("Choose the PDF file")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Layout", self.layout_box)
        form.addRow("Slides per page (handout)", self.per_page)
        form.addRow("File", row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            "Export PDF",
            self.path.text(),
            "PDF (*.pdf)",
            options=QFileDialog.Option.DontConfirmOverwrite,  # accept() asks, for typed names too
        )
        if name:
            self.path.setText(name if name.lower().endswith(".pdf") else f"{name}.pdf")

    def target(self) -> Path:
        return Path(self.path.text()).expanduser()

    def accept(self) -> None:
        """Close only on a file that may be written, asking before one is replaced."""
        target = self.target()
        try:
            found = inspect_target(target, PDF, self.protected)
        except TargetError as exc:
            self._tell(str(exc))
            return
        if found.replaces:
            if found.same_format:
                question = f"{target.name} already exists ({found.replaces}). Replace it?"
            else:
                question = (
                    f"{target.name} is {found.replaces}, not a PDF. Replace it with the PDF?"
                    " What it holds now will be lost."
                )
            if not self._ask(question):
                return
        self.force = bool(found.replaces) and not found.same_format
        super().accept()

    def _ask_box(self, question: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "Export PDF", question, parent=self)
        replace = box.addButton("Replace", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is replace

    def _tell_box(self, message: str) -> None:
        QMessageBox.warning(self, "Export PDF", message)

    def options(self) -> ExportOptions:
        return ExportOptions(
            layout=ExportLayout(self.layout_box.currentData()), per_page=self.per_page.value()
        )


def export_with_progress(
    parent: QWidget,
    deck: Deck,
    target: Path,
    options: ExportOptions,
    renderer: SlideRenderer | None = None,
    interactive: bool = True,
    force: bool = False,
) -> ExportResult | None:
    """Run the export with a progress dialog; None when cancelled or failed (after saying so).

    *force* replaces a file that is not a PDF (the user agreed to); see :func:`export_pdf`.
    """
    dialog = QProgressDialog("Exporting PDF…", "Cancel", 0, 100, parent)
    dialog.setWindowTitle("Export PDF")
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)

    def progress(done: int, total: int) -> bool:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        result = export_pdf(
            deck, target, options, progress=progress, renderer=renderer, force=force
        )
    except ExportCancelled:
        return None
    except UserError as exc:
        if interactive:
            QMessageBox.warning(parent, "Export PDF", str(exc))
        return None
    finally:
        dialog.close()
    if interactive:
        box = QMessageBox(parent)
        box.setWindowTitle("Export PDF")
        box.setText(f"Wrote {result.path}\n{result.pages} pages, {human_size(result.size)}")
        open_button = box.addButton("Open PDF", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.path)))
    return result
