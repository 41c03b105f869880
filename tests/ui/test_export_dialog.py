"""The Export dialog is driven by the registry: formats listed, options enabled per format."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QSpinBox
from pytestqt.qtbot import QtBot

from desktop.core.loader import load_deck
from desktop.export.pdf import PdfOptions
from desktop.export.plan import HANDOUT_PER_PAGE, ExportLayout
from desktop.ui.export_dialog import ExportDialog, export_with_progress
from tests.conftest import DeckFactory
from tests.fake_exporter import ListOptions, slide_list_format


def _items(box: QComboBox) -> list[str]:
    return [box.itemText(i) for i in range(box.count())]


def test_the_dialog_offers_the_handout_sizes_of_the_command_line(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ExportDialog(tmp_path / "briefing.pdf")
    qtbot.addWidget(dialog)
    assert _items(dialog.format_box) == ["PDF"] and dialog.windowTitle() == "Export PDF"
    per_page = dialog.option_widgets["per_page"]
    assert isinstance(per_page, QComboBox)
    assert _items(per_page) == [str(n) for n in HANDOUT_PER_PAGE]
    assert per_page.currentText() == "3"
    layout = dialog.option_widgets["layout"]
    assert isinstance(layout, QComboBox)
    layout.setCurrentIndex(2)
    per_page.setCurrentIndex(4)
    assert dialog.options() == PdfOptions(layout=ExportLayout.HANDOUT, per_page=6)


def test_the_dialog_lists_a_new_format_and_its_options(
    qtbot: QtBot, tmp_path: Path, make_deck: DeckFactory
) -> None:
    questions: list[str] = []

    def ask(question: str) -> bool:
        questions.append(question)
        return True

    with slide_list_format():
        dialog = ExportDialog(tmp_path / "briefing.pdf", ask=ask)
        qtbot.addWidget(dialog)
        assert _items(dialog.format_box) == ["PDF", "Slide list"]
        widgets = dialog.option_widgets
        assert sorted(widgets) == ["layout", "per_page", "width"]
        assert [widgets[n].isEnabled() for n in ("layout", "per_page", "width")] == [
            True,
            True,
            False,
        ]
        dialog.format_box.setCurrentIndex(1)
        assert dialog.windowTitle() == "Export Slide list"
        assert [widgets[n].isEnabled() for n in ("layout", "per_page", "width")] == [
            False,
            False,
            True,
        ]
        assert dialog.target() == tmp_path / "briefing.txt"
        width = widgets["width"]
        assert isinstance(width, QSpinBox) and width.value() == 72
        width.setValue(30)
        assert dialog.options() == ListOptions(width=30)

        notes = tmp_path / "notes.txt"
        notes.write_text("my notes\n", encoding="utf-8")
        dialog.path.setText(str(notes))
        dialog.accept()
        assert dialog.force and questions == [
            "notes.txt is a text file (9 bytes), not a slide list. Replace it with the slide"
            " list? What it holds now will be lost."
        ]

        deck = load_deck(make_deck()).deck
        assert deck is not None
        result = export_with_progress(
            dialog, deck, notes, dialog.options(), interactive=False, force=dialog.force
        )
        assert result is not None and result.pages == 2
        assert notes.read_text(encoding="utf-8").startswith("# slides\n")
        dialog.format_box.setCurrentIndex(0)
        assert dialog.target() == notes.with_suffix(".pdf")
