"""The main window, driven like a user would: keys, search, history, reload, drop, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.actions import NEEDS_DECK, SECTION_ACTIONS
from desktop.ui import file_actions
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from desktop.ui.shortcuts import ShortcutsOverlay, key_caps
from tests.conftest import DeckFactory, WindowFactory, section_yaml


def press(
    qtbot: QtBot,
    window: MainWindow,
    key: Qt.Key,
    mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    qtbot.keyClick(window.view, key, mod)


def test_next_and_previous_keys(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.view.setFocus()
    for key in (
        Qt.Key.Key_Right,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Space,
        Qt.Key.Key_N,
    ):
        before = window.current_index()
        press(qtbot, window, key)
        assert window.current_index() == before + 1, key
    for key in (
        Qt.Key.Key_Left,
        Qt.Key.Key_Up,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_P,
    ):
        before = window.current_index()
        press(qtbot, window, key)
        assert window.current_index() == before - 1, key
    assert window.current_index() == 0
    press(qtbot, window, Qt.Key.Key_Left)  # stays at the first slide
    assert window.current_index() == 0


def test_home_end_and_typed_numbers(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    assert window.deck is not None
    press(qtbot, window, Qt.Key.Key_End)
    assert window.current_index() == window.deck.slide_count - 1
    press(qtbot, window, Qt.Key.Key_Right)  # stays at the last slide
    assert window.current_index() == window.deck.slide_count - 1
    press(qtbot, window, Qt.Key.Key_Home)
    assert window.current_index() == 0
    qtbot.keyClicks(window.view, "12")
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.current_index() == 11
    assert window.position_label.text() == f"slide 12 / {window.deck.slide_count}"


def test_section_keys_and_history(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    deck = window.deck
    assert deck is not None
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_index() == deck.section_start(2)
    press(qtbot, window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.current_index() == deck.section_start(9)
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_index() == deck.section_start(2)
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_index() == 0
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_index() == deck.section_start(2)
    assert window.section_label.text().startswith("Action 2 / 10: High-quality development")


def test_outline_click_goes_to_section(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    assert window.deck is not None
    with qtbot.waitSignal(window.slide_changed) as blocker:
        window.outline.section_activated.emit(4)
    assert blocker.args == [window.deck.section_start(4)]


def test_search_jumps_and_steps(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.currentWidget() is window.search
    assert QApplication.focusWidget() is window.search.line_edit
    with qtbot.waitSignal(window.slide_changed, timeout=3000):
        window.search.line_edit.insert("绿色低碳")  # QTest cannot type CJK
        qtbot.keyClick(window.search.line_edit, Qt.Key.Key_Return)
    deck = window.deck
    assert deck is not None
    assert deck.refs[window.current_index()].section.title_zh == "绿色低碳发展行动"
    window.search.focus_search()
    qtbot.keyClicks(window.search.line_edit, "TEU")
    qtbot.keyClick(window.search.line_edit, Qt.Key.Key_Return)
    first = window.current_index()
    assert window.search.hit_count() >= 2
    window.view.setFocus()
    press(qtbot, window, Qt.Key.Key_F3)
    assert window.current_index() != first or window.search.hit_count() > 1


def test_go_to_dialog(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (7, True))
    press(qtbot, window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.current_index() == 6


def test_shortcuts_overlay_lists_every_action(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    press(qtbot, window, Qt.Key.Key_F1)
    overlays = [
        w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Keyboard shortcuts"
    ]
    assert overlays
    overlay = overlays[-1]
    assert isinstance(overlay, ShortcutsOverlay)
    rows = overlay.rows()
    texts = {text for _, text, _ in rows}
    for spec in window.actions_.specs():
        if spec.shortcuts and spec.name not in SECTION_ACTIONS:
            assert spec.text in texts
    keys = dict((text, k) for _, text, k in rows)
    assert "F5" in keys["Present from the start"]
    assert keys["Section 1 … 10"] == "Ctrl+1 … Ctrl+0"  # ten keys, one line
    assert "About" not in texts  # a menu entry without a key is no shortcut
    # A card: each group's heading once, above its lines; keys drawn as caps.
    headings = [card.heading.text() for card in overlay.cards]
    assert len(headings) == len(set(headings)) == len(overlay.groups)
    assert "Navigate" in headings and "Presenting: Projector" in headings
    for card in overlay.cards:
        top = card.heading.mapTo(overlay, card.heading.rect().bottomLeft()).y()
        for text, caps in card.lines:
            assert text.text() != card.group.title
            assert text.mapTo(overlay, text.rect().topLeft()).y() >= top
            assert caps.row.typed or caps.sequences
    drawn = {line[0].text(): line[1] for card in overlay.cards for line in card.lines}
    assert drawn["Speaker notes"].sequences == (("Ctrl", "Shift", "N"),)
    assert drawn["Next slide"].sequences[0] == ("→",)
    assert key_caps("Ctrl++") == ("Ctrl", "+")
    # It fits the screen without scrolling at 1366x768 and at the test screen alike.
    screen = overlay.screen().availableGeometry()
    assert overlay.width() <= screen.width() and overlay.height() <= screen.height()
    boxes = [card.geometry() for card in overlay.cards]
    assert not any(a.intersects(b) for n, a in enumerate(boxes) for b in boxes[n + 1 :])
    overlay.close()


def test_live_reload_valid_then_invalid_then_fixed(
    qtbot: QtBot, make_window: WindowFactory, make_deck: DeckFactory
) -> None:
    folder = make_deck()
    window = make_window(folder)
    assert window.deck is not None
    press(qtbot, window, Qt.Key.Key_Right)
    slide_id = window.deck.refs[window.current_index()].slide.id
    section = folder / "a.yaml"
    text = section.read_text()
    with qtbot.waitSignal(window.deck_loaded, timeout=5000):
        section.write_text(text.replace("title: Points", "title: Points, edited"))
    assert window.deck.refs[window.current_index()].slide.id == slide_id
    assert window.deck.refs[window.current_index()].slide.title == "Points, edited"
    good = window.deck
    section.write_text(text.replace("title: Points", "titel: Points"))
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=5000)
    assert window.deck is good  # the last good deck stays on screen
    assert "a.yaml:" in window.banner.text()
    assert "unknown key `slides[1].titel`" in window.banner.text()
    assert "problem" in window.state_label.text()
    with qtbot.waitSignal(window.deck_loaded, timeout=5000):
        section.write_text(text)
    assert not window.banner.isVisible()
    assert window.state_label.text() == "✓ deck valid"


def test_invalid_deck_at_start_shows_what_is_wrong_and_what_to_do(
    qtbot: QtBot,
    make_window: WindowFactory,
    make_deck: DeckFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = make_deck({"a.yaml": "title: S\nslides: [\n"})
    window = make_window(folder)
    assert window.deck is None
    empty = window.empty_state()
    assert empty.isVisible() and not window.view.isVisible()
    assert not window.banner.isVisible()  # the page lists the problems, once
    assert "a.yaml:3:1: error:" in empty.text()
    assert "could not be opened" in empty.text() and "Open" in empty.open_button.text()
    assert window.section_label.text() == "No deck loaded"
    needing = [name for name in NEEDS_DECK if window.actions_[name].isEnabled()]
    assert not needing, needing
    assert {"next", "export", "present_start", "find"} <= NEEDS_DECK
    for name in ("open", "reload", "shortcuts", "quit"):
        assert window.actions_[name].isEnabled(), name
    asked: list[int] = []
    window.present_requested.connect(asked.append)
    qtbot.keyClick(window, Qt.Key.Key_F5)  # nothing to present: the key does nothing
    assert not asked
    monkeypatch.setattr(file_actions, "choose_deck_folder", lambda *_: None)
    with qtbot.waitSignal(window.actions_["open"].triggered):
        empty.open_button.click()
    section = folder / "a.yaml"
    section.write_text(section_yaml("S", "{layout: section}"))
    with qtbot.waitSignal(window.deck_loaded, timeout=5000):
        window.reload()
    assert window.view.isVisible() and not empty.isVisible()
    assert window.actions_["next"].isEnabled() and window.actions_["export"].isEnabled()


def _drop(window: MainWindow, path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(10, 10), actions, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPoint(10, 10).toPointF(),
        actions,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)


def test_drag_and_drop_a_deck(
    qtbot: QtBot, make_window: WindowFactory, make_deck: DeckFactory
) -> None:
    window = make_window()
    folder = make_deck()
    _drop(window, folder / "deck.yaml")  # loads in the background
    qtbot.waitUntil(lambda: window.deck is not None and window.deck.title == "Test deck")
    assert window.deck is not None
    assert window.deck.root == folder.resolve()
    assert window.deck.title == "Test deck"


def test_settings_restored(qtbot: QtBot, tmp_path: Path, make_deck: DeckFactory) -> None:
    folder = make_deck()
    path = tmp_path / "restore.ini"
    first = MainWindow(Settings(path))
    qtbot.addWidget(first)
    first.open_deck(folder)
    first.show()
    first.go_to(1)
    first.notes.set_font_size(21)
    first.resize(641, 477)  # the offscreen screen is 800×800
    first.close()
    second = MainWindow(Settings(path))
    qtbot.addWidget(second)
    second.open_deck()
    assert second.deck is not None and second.deck.root == folder.resolve()
    assert second.current_index() == 1
    assert second.notes.font_size() == 21
    assert second.size().width() == 641


def test_every_control_has_an_accessible_name(make_window: WindowFactory) -> None:
    window = make_window()
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QTextEdit

    unnamed = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QAbstractItemView | QLineEdit | QTextEdit)
        and w.isVisible()
        and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        and not w.objectName().startswith("qt_")
    ]
    assert not unnamed, [(type(w).__name__, w.objectName(), w.parentWidget()) for w in unnamed]


def test_window_grab_is_not_blank(make_window: WindowFactory, tmp_path: Path) -> None:
    window = make_window()
    image: QImage = window.grab().toImage()
    assert not image.isNull()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 23)
        for y in range(0, image.height(), 23)
    }
    assert len(colours) > 10
    slide = window.view.slide_rect().center().toPoint() + window.view.mapTo(window, QPoint(0, 0))
    assert image.pixelColor(slide) != QColor("#2a2e35")


def test_export_from_the_window(make_window: WindowFactory, tmp_path: Path) -> None:
    window = make_window()
    result = window.export_to(tmp_path / "out.pdf", interactive=False)
    assert result is not None and result.pages >= 37


def test_panels_follow_the_slide(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.go_to(12)
    assert window.view.index() == 12  # the slide is drawn first
    qtbot.waitUntil(lambda: window.outline.current_slide() == 12)
    assert window.notes.current_slide() == 12
    assert window.thumbnails.currentIndex().row() == 12


def test_remaining_keys(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.go_to(5)
    with qtbot.waitSignal(window.present_requested) as start:
        press(qtbot, window, Qt.Key.Key_F5)
    assert start.args == [0]
    with qtbot.waitSignal(window.present_requested) as here:
        press(qtbot, window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert here.args == [5]
    with qtbot.waitSignal(window.rehearse_requested) as rehearse:
        press(qtbot, window, Qt.Key.Key_F5, Qt.KeyboardModifier.ControlModifier)
    assert rehearse.args == [0]
    press(qtbot, window, Qt.Key.Key_F11)
    assert window.isFullScreen() and window.actions_["full_screen"].isChecked()
    press(qtbot, window, Qt.Key.Key_F11)
    assert not window.isFullScreen()
    press(qtbot, window, Qt.Key.Key_Question)
    overlays = [
        w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Keyboard shortcuts"
    ]
    assert overlays and overlays[-1].isVisible()
    overlays[-1].close()


def test_find_previous_steps_back(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.search.set_deck(window.deck)  # type: ignore[arg-type]
    window.show_search()
    qtbot.keyClicks(window.search.line_edit, "TEU")
    qtbot.keyClick(window.search.line_edit, Qt.Key.Key_Return)
    first = window.current_index()
    window.view.setFocus()
    press(qtbot, window, Qt.Key.Key_F3)
    second = window.current_index()
    press(qtbot, window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_index() == first
    assert window.search.hit_count() >= 2 and second >= first
