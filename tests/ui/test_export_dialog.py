"""The Export dialog is driven by the registry: formats listed, options enabled per format."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QSpinBox
from pytestqt.qtbot import QtBot

from desktop.core.loader import load_deck
from desktop.core.problems import UserError
from desktop.core.ranges import parse_range
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
    assert _items(dialog.format_box)[0] == "PDF" and dialog.windowTitle() == "Export PDF"
    per_page = dialog.option_widgets["per_page"]
    assert isinstance(per_page, QComboBox)
    assert _items(per_page) == [str(n) for n in HANDOUT_PER_PAGE]
    assert per_page.currentText() == "3"
    layout = dialog.option_widgets["layout"]
    assert isinstance(layout, QComboBox)
    layout.setCurrentIndex(2)
    per_page.setCurrentIndex(4)
    assert dialog.options() == PdfOptions(layout=ExportLayout.HANDOUT, per_page=6)


def test_a_check_box_draws_the_presenters_ink(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(tmp_path / "briefing.pdf")
    qtbot.addWidget(dialog)
    ink = dialog.option_widgets["with_ink"]
    assert isinstance(ink, QCheckBox) and not ink.isChecked() and ink.isEnabled()
    label = dialog.form.labelForField(ink)
    assert isinstance(label, QLabel) and "ink" in label.text()
    assert dialog.options() == PdfOptions()
    ink.setChecked(True)
    assert dialog.options() == PdfOptions(with_ink=True)


def test_the_builds_hidden_and_backup_boxes_give_the_options(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(tmp_path / "briefing.pdf")
    qtbot.addWidget(dialog)
    boxes = [dialog.option_widgets[name] for name in ("builds", "include_hidden", "no_backup")]
    assert all(isinstance(box, QCheckBox) and not box.isChecked() for box in boxes)
    for box in boxes:
        assert isinstance(box, QCheckBox)
        box.setChecked(True)
    assert dialog.options() == PdfOptions(builds=True, include_hidden=True, no_backup=True)
    layout = dialog.option_widgets["layout"]
    assert isinstance(layout, QComboBox)
    layout.setCurrentIndex(1)  # notes pages: no page per step
    assert not boxes[0].isEnabled() and boxes[1].isEnabled()


def test_only_the_options_of_the_chosen_layout_are_enabled(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(tmp_path / "briefing.pdf", slide_count=37)
    qtbot.addWidget(dialog)
    layout, per_page = dialog.option_widgets["layout"], dialog.option_widgets["per_page"]
    assert isinstance(layout, QComboBox)
    label = dialog.form.labelForField(per_page)
    assert label is not None
    enabled = {}
    for word, choice in zip(("slides", "notes", "handout"), range(layout.count()), strict=True):
        layout.setCurrentIndex(choice)
        enabled[word] = (per_page.isEnabled(), label.isEnabled())
    assert enabled == {
        "slides": (False, False),
        "notes": (False, False),
        "handout": (True, True),
    }


def test_the_slide_range_is_read_as_the_command_line_reads_it(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(tmp_path / "briefing.pdf", slide_count=37)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.slides.isVisible() and "37" in dialog.slides.placeholderText()
    assert dialog.options().slides is None  # empty: every slide
    dialog.slides.setText("1-3, 8,36-")
    assert dialog.options().slides == (0, 1, 2, 7, 35, 36)
    assert not dialog.slides_error.isVisible() and dialog.export_button.isEnabled()
    for typed, said in (
        ("5-2", "5-2 runs backwards"),
        ("40", "40 is outside 1-37"),
        ("1-x", "'1-x' is not a slide number or range (e.g. 1-5,8,12-)"),
    ):
        dialog.slides.setText(typed)
        assert dialog.slides_error.isVisible() and dialog.slides_error.text() == said
        assert not dialog.export_button.isEnabled()
        with pytest.raises(UserError) as cli:
            parse_range(typed, 37)  # the command line's message, with its flag
        assert str(cli.value) == f"--slides: {said}"
    dialog.slides.clear()
    assert not dialog.slides_error.isVisible() and dialog.export_button.isEnabled()


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
        assert _items(dialog.format_box) == [
            "PDF",
            "PowerPoint",
            "Slide images (PNG)",
            "Slide list",
        ]
        widgets = dialog.option_widgets
        names = ("layout", "per_page", "width", "line_width")
        mine = ("builds", "include_hidden", "no_backup")  # hidden and backup: every format's
        assert sorted(widgets) == sorted((*names, *mine, "with_ink"))
        # the handout size is off with the slides layout
        assert [widgets[n].isEnabled() for n in names] == [True, False, False, False]
        assert [widgets[n].isEnabled() for n in mine] == [True, True, True]
        dialog.format_box.setCurrentIndex(3)
        assert dialog.windowTitle() == "Export Slide list"
        assert [widgets[n].isEnabled() for n in names] == [False, False, False, True]
        assert [widgets[n].isEnabled() for n in mine] == [False, True, True]
        assert dialog.target() == tmp_path / "briefing.txt"
        width = widgets["line_width"]
        assert isinstance(width, QSpinBox) and width.value() == 72
        width.setValue(30)
        assert dialog.options() == ListOptions(line_width=30)

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
