"""A deck shown in Chinese exports with its generated pages' words in Chinese, whatever the
interface; the interface's words (progress, summary, refusals) follow the interface."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.resources import bundled_deck
from desktop.core.targets import TargetError
from desktop.export.pdf import PdfExporter
from desktop.export.plan import ExportLayout
from desktop.export.png import inspect_folder
from tests.i18n.conftest import UiLanguage
from tests.i18n.english import english_words


def _outline_titles(path: Path) -> list[str]:
    reader = PdfReader(path)
    return [str(item.title) for item in reader.outline if not isinstance(item, list)]


@pytest.mark.parametrize(
    ("display", "agenda", "sources"),
    [
        ("zh", "议程", "来源"),
        ("en+zh", "Agenda · 议程", "Sources · 来源"),
        ("en", "Agenda", "Sources"),
    ],
)
def test_the_outline_and_labels_of_generated_pages_are_in_the_decks_language(
    tmp_path: Path, display: str, agenda: str, sources: str
) -> None:
    deck = load_deck(bundled_deck()).deck
    assert deck is not None
    shown = localize(deck, DisplayLanguage.parse(display, deck.languages))
    target = tmp_path / "out.pdf"
    exporter = PdfExporter()
    exporter.export(shown, target, exporter.make_options({}, slides=(0, 1, 2)))
    titles = _outline_titles(target)
    assert titles[0] == agenda and titles[-1] == sources
    notes = tmp_path / "notes.pdf"  # A4 notes: generated agenda and sources pages, labelled
    options = exporter.make_options({"layout": ExportLayout.NOTES}, slides=(0, 1, 2))
    exporter.export(shown, notes, options)
    labels = PdfReader(notes).page_labels
    assert labels[0] == agenda.split(" · ")[0] and labels[-1] == sources.split(" · ")[0]
    assert _outline_titles(notes)[0] == agenda


def test_summaries_and_refusals_follow_the_interface(
    ui_language: UiLanguage, tmp_path: Path
) -> None:
    ui_language("zh_CN")
    exporter = PdfExporter()
    assert exporter.progress_text(3, 37) == "正在导出第 3/37 页"
    file = tmp_path / "slides"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(TargetError) as refused:
        inspect_folder(file)
    assert english_words(str(refused.value)) == []
    assert "幻灯片图片要写入文件夹" in str(refused.value)
