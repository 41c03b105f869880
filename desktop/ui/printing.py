"""File → Print and Edit → Copy slide as image.

Printing draws the pages the PDF export plans (:func:`desktop.export.plan.plan_pages`) with
the PDF's own page code (:func:`desktop.export.paged.draw_pages`): slides, notes pages or
handouts, for all slides or a range of them, so what comes out of the printer is the PDF.
The layout is chosen on a tab of Qt's print dialog; the dialog's page range counts slides.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from desktop.core.i18n import _, pgettext
from desktop.core.problems import UserError
from desktop.export.paged import draw_pages, prepare
from desktop.export.pdf import LAYOUTS
from desktop.export.plan import HANDOUT_PER_PAGE, ExportLayout, plan_pages
from desktop.export.png_writer import clipboard_image
from desktop.render.renderer import SlideRenderer


@dataclass(frozen=True)
class PrintJob:
    """What to print.

    Attributes:
        layout: Slides, notes pages or handouts.
        slides: 0-based slide indexes, in order.
        per_page: Slides on each handout page.
    """

    layout: ExportLayout
    slides: tuple[int, ...]
    per_page: int = 3


def print_deck(printer: QPrinter, renderer: SlideRenderer, job: PrintJob) -> int:
    """Print *job* on *printer* (a real printer, or a PDF file); return the pages printed.

    Raises:
        UserError: the printer could not be started.
    """
    pages = plan_pages(renderer.deck, job.layout, list(job.slides), job.per_page)
    printer.setFullPage(True)
    a4 = prepare(printer, renderer, job.layout)
    painter = QPainter()
    if not painter.begin(printer):
        name = printer.printerName()
        raise UserError(
            _("cannot print on {printer}").format(printer=name)
            if name
            else _("cannot start the printer")
        )
    try:
        starts = draw_pages(printer, painter, renderer, a4, pages, lambda done, total: None)
    finally:
        painter.end()
    return starts[-1]


class LayoutTab(QWidget):
    """The print dialog's tab for the layout: slides, notes pages or handouts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Layout"))
        form = QFormLayout(self)
        self.layout_box = QComboBox(self)
        for value, _word, label in LAYOUTS:
            self.layout_box.addItem(_(label), value)
        self.per_page_box = QComboBox(self)
        for count in HANDOUT_PER_PAGE:
            self.per_page_box.addItem(str(count), count)
        self.per_page_box.setCurrentText("3")
        form.addRow(pgettext("what to print", "Print"), self.layout_box)
        form.addRow(_("Slides per page (handout)"), self.per_page_box)
        self.layout_box.currentIndexChanged.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        self.per_page_box.setEnabled(self.layout_box.currentData() is ExportLayout.HANDOUT)


def chosen_job(dialog: QPrintDialog, tab: LayoutTab, count: int, current: int) -> PrintJob:
    """The job the dialog's answers describe: its range (of slides) and the layout tab."""
    printer = dialog.printer()
    which = printer.printRange()
    if which is QPrinter.PrintRange.PageRange:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
        slides = tuple(range(first - 1, max(first, last)))
    elif which is QPrinter.PrintRange.CurrentPage:
        slides = (current,)
    else:
        slides = tuple(range(count))
    return PrintJob(tab.layout_box.currentData(), slides, int(tab.per_page_box.currentData()))


def ask_print(parent: QWidget, renderer: SlideRenderer, current: int) -> int | None:
    """Show the print dialog and print what it says; the pages printed, None if cancelled."""
    count = renderer.deck.slide_count
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(renderer.deck.title)
    printer.setFromTo(1, count)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print"))
    dialog.setMinMax(1, count)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
    tab = LayoutTab()
    dialog.setOptionTabs([tab])
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return print_deck(printer, renderer, chosen_job(dialog, tab, count, current))


def copy_slide(renderer: SlideRenderer, index: int) -> None:
    """Put slide *index* on the clipboard at full resolution (the canvas' size)."""
    QGuiApplication.clipboard().setImage(clipboard_image(renderer, index))
