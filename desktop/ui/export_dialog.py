"""Export PDF from the app: choose layout and file, a cancellable progress dialog."""

from __future__ import annotations

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
from desktop.export.command import human_size
from desktop.export.pdf import ExportCancelled, ExportOptions, ExportResult, export_pdf
from desktop.export.plan import ExportLayout
from desktop.render.renderer import SlideRenderer

LAYOUT_NAMES = {
    ExportLayout.SLIDES: "Slides (one page per slide)",
    ExportLayout.NOTES: "Notes pages (A4: slide, speaker notes, sources)",
    ExportLayout.HANDOUT: "Handout (A4: several slides with lines for notes)",
}


class ExportDialog(QDialog):
    """Asks where to write the PDF and which layout."""

    def __init__(self, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
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
        name, _ = QFileDialog.getSaveFileName(self, "Export PDF", self.path.text(), "PDF (*.pdf)")
        if name:
            self.path.setText(name if name.lower().endswith(".pdf") else f"{name}.pdf")

    def target(self) -> Path:
        return Path(self.path.text()).expanduser()

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
) -> ExportResult | None:
    """Run the export with a progress dialog; None when cancelled or failed (after saying so)."""
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
        result = export_pdf(deck, target, options, progress=progress, renderer=renderer)
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
