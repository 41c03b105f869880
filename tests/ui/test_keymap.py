"""The user's key map in the windows: the keys in force, F1, and what is wrong said."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from desktop.core.actions import BY_NAME
from tests.conftest import WindowFactory


def test_the_key_map_sets_the_keys_and_f1_shows_them(
    qtbot: QtBot, make_window: WindowFactory, keys_file: Path
) -> None:
    keys_file.write_text(
        "next = J, PgDown\nfind = F1\nprevious = Hyper+K\nblack = Ctrl+B\n", encoding="utf-8"
    )
    window = make_window()
    action = window.actions_["next"]
    assert [k.toString() for k in action.shortcuts()] == ["J", "PgDown"]
    previous = window.actions_["previous"].shortcuts()  # a bad line: the defaults stay
    assert [k.toString() for k in previous] == list(BY_NAME["previous"].shortcuts)
    notice = window.statusBar().currentMessage()
    assert notice.startswith("Key map: ") and "keys.ini:2:1: error: `F1` is already" in notice
    before = window.nav.current
    qtbot.keyClick(window.view, Qt.Key.Key_J)
    assert window.nav.current == before + 1
    overlay = window.show_shortcuts()
    rows = {text: keys for _, text, keys in overlay.rows()}
    assert rows["Next slide"] == ", ".join(
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in ("J", "PgDown")
    )
    black = QKeySequence("Ctrl+B").toString(QKeySequence.SequenceFormat.NativeText)
    assert rows["Black screen"] == black  # the presenter's own, as mapped
    overlay.close()


def test_a_clickers_keys_work_in_the_main_window(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert window.nav.current == 1
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert view.filled() and window.actions_["black"].isChecked()
    qtbot.keyClick(view, Qt.Key.Key_Period)
    assert not view.filled()
    with qtbot.waitSignal(window.present_requested) as started:
        qtbot.keyClick(view, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert started.args == [1]  # Shift+F5: from this slide
