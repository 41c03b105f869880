"""Edit → Customize keyboard shortcuts…: change keys, see conflicts, save, keys in force at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.core.actions import ACTIONS
from desktop.core.keymap import read_keymap
from desktop.ui.actions import user_keymap
from desktop.ui.keymap_dialog import KeymapDialog, KeyPage
from tests.conftest import WindowFactory


def _dialog(qtbot: QtBot, path: Path) -> KeymapDialog:
    dialog = KeymapDialog(path, user_keymap(), [("Main window", ACTIONS)])
    qtbot.addWidget(dialog)
    return dialog


def _type(page: KeyPage, name: str, text: str) -> None:
    page.choose(name)
    page.keys.setText(text)
    page.keys.textEdited.emit(text)


def _when_shown(act: Callable[[KeymapDialog], None]) -> None:
    """Run *act* on the dialog once it is shown (it runs its own event loop); close it if
    *act* fails, so that a failure cannot leave the test waiting."""

    def attempt(tries: int = 100) -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, KeymapDialog)]
        shown = [w for w in shown if w.isVisible()]
        if not shown:
            if tries:
                QTimer.singleShot(20, lambda: attempt(tries - 1))
            return
        try:
            act(shown[0])
        finally:
            if shown[0].isVisible():
                shown[0].reject()

    QTimer.singleShot(0, attempt)


def _save_button(dialog: KeymapDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_a_shared_key_blocks_saving_until_it_is_resolved(qtbot: QtBot, keys_file: Path) -> None:
    dialog = _dialog(qtbot, keys_file)
    page = dialog.pages[0]
    assert _save_button(dialog) and dialog.status.text() == ""
    _type(page, "first", "Home, N")  # N is Next slide's
    assert not _save_button(dialog)
    assert "N is the key of Next slide, First slide" in dialog.status.text()
    assert page.items["next"].foreground(1).color().name() == "#ff0000"
    _type(page, "first", "Home, Hyper+Q")
    assert not _save_button(dialog)
    assert "“Hyper+Q” is no key name" in dialog.status.text()
    _type(page, "first", "Home, Ctrl+Home")
    assert _save_button(dialog) and dialog.status.text() == ""


def test_saving_writes_only_the_changes_and_the_window_takes_them(
    qtbot: QtBot, make_window: WindowFactory, keys_file: Path
) -> None:
    keys_file.write_text("# mine\nblack = W\n", encoding="utf-8")
    window = make_window()
    assert [k.toString() for k in window.actions_["black"].shortcuts()] == ["W"]

    def edit(dialog: KeymapDialog) -> None:
        page = dialog.pages[0]
        _type(page, "next", "J, Right")
        page.choose("black")
        page.reset.click()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    _when_shown(edit)
    window.actions_["edit_keys"].trigger()
    assert keys_file.read_text(encoding="utf-8") == "# mine\nnext = J, Right\n"
    assert [k.toString() for k in window.actions_["next"].shortcuts()] == ["J", "Right"]
    assert [k.toString() for k in window.actions_["black"].shortcuts()] == ["B", "."]
    assert "(J)" in window.actions_["next"].toolTip()
    names = [spec.name for spec in ACTIONS]
    assert read_keymap(keys_file, names).problems == ()


def test_cancel_leaves_the_file_and_keys_alone(
    qtbot: QtBot, make_window: WindowFactory, keys_file: Path
) -> None:
    window = make_window()

    def edit(dialog: KeymapDialog) -> None:
        _type(dialog.pages[0], "next", "J")
        dialog.reject()

    _when_shown(edit)
    window.actions_["edit_keys"].trigger()
    assert not keys_file.exists()
    assert "J" not in [k.toString() for k in window.actions_["next"].shortcuts()]


def test_restore_defaults_gives_every_action_of_the_page_its_keys(
    qtbot: QtBot, keys_file: Path
) -> None:
    keys_file.write_text("next = J\nblack = W\n", encoding="utf-8")
    dialog = _dialog(qtbot, keys_file)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.changes() == {"next": None, "black": None}
    dialog.save()
    assert "next" not in keys_file.read_text(encoding="utf-8")
    assert "black" not in keys_file.read_text(encoding="utf-8")


def test_a_key_map_that_cannot_be_read_is_said_and_left_as_it_is(
    qtbot: QtBot, keys_file: Path
) -> None:
    keys_file.write_bytes(b"\xff\xfe not text")
    dialog = _dialog(qtbot, keys_file)
    _type(dialog.pages[0], "next", "J")
    dialog.save()
    assert "is not UTF-8 text; fix or remove it" in dialog.status.text()
    assert keys_file.read_bytes() == b"\xff\xfe not text"
    assert dialog.result() == 0
