"""Showing a deck in another language, live: the session, the main window, the marks.

The bundled deck has every text in English and Chinese; the small decks written here lack
some Chinese on purpose.
"""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.languages import DisplayLanguage
from desktop.core.resources import bundled_deck
from desktop.ui import file_actions
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.session import DeckSession
from desktop.ui.settings import Settings
from tests.conftest import TWO_LANGUAGE_DECK, TWO_LANGUAGE_SECTION, DeckFactory, WindowFactory

ZH, EN_ZH = DisplayLanguage("zh"), DisplayLanguage("en", "zh")


def language_key(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)


# -- the session ------------------------------------------------------------------------------


def test_the_session_keeps_the_deck_as_loaded_and_one_renderer_per_display(
    qtbot: QtBot,
) -> None:
    session = DeckSession(poll_ms=0)
    session.open(bundled_deck(), wait=True)
    loaded = session.deck
    assert loaded is not None and session.shown is loaded
    with qtbot.waitSignal(session.display_changed) as changed:
        session.set_display(ZH)
    assert session.deck is loaded  # as loaded, whatever is shown
    shown = session.shown
    assert shown.display == "zh"
    assert changed.args[0].deck is shown and changed.args[0].previous is loaded
    assert shown.refs[1].slide.title != loaded.refs[1].slide.title
    both = session.renderer_for(EN_ZH)
    assert session.renderer_for(EN_ZH) is both  # cached
    assert session.renderer_for(ZH) is session.renderer
    assert both.deck.display == "en+zh"
    session.close()


def test_a_reload_keeps_the_display_unless_the_deck_dropped_its_language(
    qtbot: QtBot, make_deck: DeckFactory
) -> None:
    folder = make_deck({"deck.yaml": TWO_LANGUAGE_DECK, "a.yaml": TWO_LANGUAGE_SECTION})
    session = DeckSession(poll_ms=0)
    session.open(folder, wait=True)
    session.set_display(ZH)
    with qtbot.waitSignal(session.loaded, timeout=5000):
        session.reload()
    assert session.display == ZH
    assert session.shown is not None and session.shown.refs[0].slide.title == "要点"
    (folder / "deck.yaml").write_text("title: Deck\nlanguages: [en]\n", encoding="utf-8")
    english = re.sub(r", zh: [^},]+", "", TWO_LANGUAGE_SECTION)
    (folder / "a.yaml").write_text(english, encoding="utf-8")
    with qtbot.waitSignal(session.loaded, timeout=5000):
        session.reload()
    assert session.deck is not None and session.deck.languages == ("en",)
    assert session.display == DisplayLanguage("en")
    session.close()


# -- the main window --------------------------------------------------------------------------


def test_the_language_key_switches_live_and_keeps_the_slide(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.go_to(5)
    window.go_to(7)
    english = window.deck
    assert english is not None and window.status.language_label.text() == "English"
    with qtbot.waitSignal(window.deck_loaded):
        language_key(qtbot, window)
    assert window.current_index() == 7 and window.nav.can_go_back
    chinese = window.deck
    assert chinese is not None and chinese.display == "zh"
    assert window.view.renderer() is window.session.renderer_for(ZH)
    assert window.status.language_label.text() == "中文"
    qtbot.waitUntil(lambda: window.notes.current_slide() == 7)
    notes = window.notes.browser.toPlainText()
    assert notes and notes != english.refs[7].slide.notes
    assert chinese.refs[7].slide.notes.split()[0] in notes
    section = window.outline.tree.topLevelItem(1)
    assert section is not None and section.text(0).endswith(chinese.sections[1].title)
    language_key(qtbot, window)
    assert window.deck is not None and window.deck.display == "en+zh"
    assert window.status.language_label.text() == "English + 中文"
    language_key(qtbot, window)
    assert window.deck is english and window.current_index() == 7


def test_a_switch_to_two_languages_and_back_keeps_a_slide_that_splits(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.set_theme("high-contrast")  # its larger text splits slides the default keeps whole
    english = window.deck
    assert english is not None
    start = english.index_of("overview-4")
    assert start is not None
    window.go_to(start)
    with qtbot.waitSignal(window.deck_loaded):
        window.session.set_display(EN_ZH)
    both = window.deck
    assert both is not None and both.refs[window.current_index()].slide.id == "overview-4"
    assert window.view.index() == window.current_index() != start  # drawn at once
    window.go_to(window.current_index() + 1)
    assert both.refs[window.current_index()].slide.id == "overview-4~2"
    with qtbot.waitSignal(window.deck_loaded):
        window.session.set_display(DisplayLanguage("en"))
    # The slide in one part again, not the next slide (the nearest that survived).
    assert window.deck is english and window.current_index() == start
    assert window.view.index() == start


def test_view_language_lists_each_language_and_pair(make_window: WindowFactory) -> None:
    window = make_window()
    entries = window.languages.entries()
    assert list(entries) == ["en", "zh", "en+zh", "zh+en"]
    assert [a.text() for a in entries.values()] == [
        "English",
        "中文",
        "English + 中文",
        "中文 + English",
    ]
    assert entries["en"].isChecked()
    entries["zh+en"].trigger()
    assert window.deck is not None and window.deck.display == "zh+en"
    assert window.languages.entries()["zh+en"].isChecked()


def test_the_language_key_is_listed_in_f1(make_window: WindowFactory) -> None:
    window = make_window()
    overlay = window.show_shortcuts()
    rows = [(row.text, row.keys) for group in overlay.groups for row in group.rows]
    assert ("Next display language", ("Alt+L",)) in rows
    overlay.close()


def test_the_choice_is_remembered_per_deck_in_a_new_window(
    qtbot: QtBot, make_window: WindowFactory, make_deck: DeckFactory, settings: Settings
) -> None:
    window = make_window()
    window.session.set_display(EN_ZH)
    other = make_deck(
        {"deck.yaml": TWO_LANGUAGE_DECK, "a.yaml": TWO_LANGUAGE_SECTION}, name="other"
    )
    window.open_deck(other)
    assert window.deck is not None and window.deck.display == ""  # its own: never chosen
    window.close()
    again = make_window()
    assert again.deck is not None and again.deck.display == "en+zh"
    assert again.session.display == EN_ZH


def test_fallback_marks_in_the_status_bar_and_the_outline(
    qtbot: QtBot, make_window: WindowFactory, make_deck: DeckFactory
) -> None:
    window = make_window(
        make_deck({"deck.yaml": TWO_LANGUAGE_DECK, "a.yaml": TWO_LANGUAGE_SECTION})
    )
    assert window.status.missing_label.isHidden()
    with qtbot.waitSignal(window.deck_loaded):  # the panels follow on the next turn
        window.session.set_display(ZH)
    assert not window.status.missing_label.isHidden()
    assert window.status.missing_label.text() == "⚑ no zh text: subtitle, bullets[1]"
    section = window.outline.tree.topLevelItem(0)
    assert section is not None
    marked, complete = section.child(0), section.child(1)
    assert marked is not None and complete is not None
    assert "no zh text: subtitle, bullets[1]" in marked.toolTip(0)
    assert "no zh" not in complete.toolTip(0)
    window.go_to(1)
    assert window.status.missing_label.isHidden()


# -- the Export dialog ------------------------------------------------------------------------


def test_the_export_dialog_offers_the_languages_starting_with_the_windows(
    qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = ExportDialog(tmp_path / "b.pdf", languages=("en", "zh"), display="en+zh")
    qtbot.addWidget(dialog)
    box = dialog.language_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "English",
        "中文",
        "English + 中文",
        "中文 + English",
    ]
    assert dialog.language() == "en+zh"
    assert ExportDialog(tmp_path / "b.pdf", languages=("en", "zh")).language() == "en"
    single = ExportDialog(tmp_path / "b.pdf", languages=("en",))
    assert single.language_box.isHidden() and single.form.labelForField(single.language_box) is None


def test_the_dialogs_language_reaches_the_pdf(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    target = tmp_path / "zh.pdf"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        assert dialog.language() == "en"  # the window's
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh"))
        dialog.slides.setText("2")
        dialog.path.setText(str(target))
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert window.deck is not None
    chosen = file_actions.ask_export(window, window.deck)
    assert chosen is not None
    where, options, _force, language = chosen
    assert language == "zh"
    assert window.export_to(where, options, interactive=False, language=language) is not None
    text = PdfReader(target).pages[0].extract_text()
    assert window.deck.refs[1].slide.title not in text  # the window still shows English
    chinese = window.session.renderer_for(ZH).deck.refs[1].slide.title
    assert chinese[:4] in text.replace("\n", "")


def test_a_theme_switch_keeps_a_slide_whose_parts_it_changes(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.set_theme("high-contrast")
    with qtbot.waitSignal(window.deck_loaded):
        window.session.set_display(EN_ZH)
    larger = window.deck
    assert larger is not None
    second = larger.index_of("overview-4~2")
    assert second is not None
    window.go_to(second)
    window.set_theme("default")  # it fits the default theme whole: the slide, not the next
    whole = window.deck
    assert whole is not None and whole.index_of("overview-4~2") is None
    assert whole.refs[window.current_index()].slide.id == "overview-4"
    assert window.view.index() == window.current_index()
    window.set_theme("high-contrast")  # back: the part the viewer chose, as after a reload
    assert window.deck is not None
    assert window.deck.refs[window.current_index()].slide.id == "overview-4~2"
