"""File → Print (through a QPrinter writing a PDF file) and Edit → Copy slide as image."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from pytestqt.qtbot import QtBot

from desktop.export import registry
from desktop.export.pdf import PdfOptions
from desktop.export.plan import ExportLayout
from desktop.ui.printing import LayoutTab, PrintJob, chosen_job, print_deck
from tests.conftest import WindowFactory


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _texts(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


@pytest.mark.parametrize(
    ("layout", "per_page"), [(ExportLayout.SLIDES, 3), (ExportLayout.HANDOUT, 2)]
)
def test_printed_pages_are_the_pdfs(
    make_window: WindowFactory, tmp_path: Path, layout: ExportLayout, per_page: int
) -> None:
    window = make_window()
    renderer = window.renderer
    assert renderer is not None
    printed = tmp_path / "printed.pdf"
    slides = (2, 3, 4, 5)
    count = print_deck(_pdf_printer(printed), renderer, PrintJob(layout, slides, per_page))
    exported = tmp_path / "exported.pdf"
    options = PdfOptions(slides=slides, layout=layout, per_page=per_page)
    result = registry.get("pdf").export(renderer.deck, exported, options)
    assert count == result.pages == len(PdfReader(printed).pages)
    assert _texts(printed) == _texts(exported)
    first = PdfReader(printed).pages[0].mediabox
    expected = PdfReader(exported).pages[0].mediabox
    assert (round(first.width), round(first.height)) == (
        round(expected.width),
        round(expected.height),
    )


def test_the_dialogs_range_counts_slides(qtbot: QtBot, tmp_path: Path) -> None:
    printer = _pdf_printer(tmp_path / "x.pdf")
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    tab = LayoutTab()
    qtbot.addWidget(tab)
    tab.layout_box.setCurrentIndex(1)  # notes pages
    assert not tab.per_page_box.isEnabled()
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(3, 5)
    assert chosen_job(dialog, tab, 37, 0) == PrintJob(ExportLayout.NOTES, (2, 3, 4), 3)
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    tab.layout_box.setCurrentIndex(2)
    tab.per_page_box.setCurrentText("6")
    assert chosen_job(dialog, tab, 37, 8) == PrintJob(ExportLayout.HANDOUT, (8,), 6)
    printer.setPrintRange(QPrinter.PrintRange.AllPages)
    assert chosen_job(dialog, tab, 4, 1).slides == (0, 1, 2, 3)


def test_copy_slide_as_image_puts_the_full_slide_on_the_clipboard(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.go_to(4)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    image = QGuiApplication.clipboard().image()
    assert image.size() == QSize(1920, 1080)
    renderer = window.renderer
    assert renderer is not None
    expected = renderer.image(4, QSize(1920, 1080)).convertToFormat(QImage.Format.Format_RGB32)
    got = image.convertToFormat(QImage.Format.Format_RGB32)
    assert bytes(got.constBits()) == bytes(expected.constBits())
    assert window.actions_["print"].shortcut().toString() == "Ctrl+P"
