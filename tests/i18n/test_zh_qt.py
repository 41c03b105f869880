"""The interface language in Qt: Qt's own words, the Chinese UI font, the menu, the switch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.app import LanguageSwitch
from desktop.core.settings import UI_LANGUAGE
from desktop.render.fonts import register_fonts
from desktop.ui import ui_language as qt_language
from desktop.ui.settings import Settings
from desktop.ui.ui_language import (
    CJK_FAMILY,
    InterfaceLanguageMenu,
    chosen_ui_language,
    install_qt_translations,
    use_bundled_chinese_font,
)
from tests.conftest import WindowFactory
from tests.i18n.conftest import UiLanguage


@pytest.fixture
def qt_english() -> Iterator[None]:
    """Qt's own words back in English after the test."""
    yield
    app = QApplication.instance()
    assert app is not None
    install_qt_translations(app, "en")


def _buttons() -> list[str]:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    return sorted(button.text() for button in box.buttons())


def test_qt_standard_buttons_follow_the_interface_language(qt_english: None) -> None:
    app = QApplication.instance()
    assert app is not None
    assert install_qt_translations(app, "zh_CN")
    assert _buttons() == sorted(["保存", "取消"])
    assert not install_qt_translations(app, "en")
    assert _buttons() == ["Cancel", "Save"]


def test_the_bundled_chinese_font_backs_the_interface_where_the_system_has_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register_fonts()
    before = QGuiApplication.font()
    monkeypatch.setattr(qt_language, "system_has_chinese_font", lambda: False)
    try:
        assert use_bundled_chinese_font()
        families = QGuiApplication.font().families()
        assert families[-1] == CJK_FAMILY and len(families) >= 2
        assert use_bundled_chinese_font()  # again: listed once
        assert QGuiApplication.font().families().count(CJK_FAMILY) == 1
    finally:
        QGuiApplication.setFont(before)
    monkeypatch.setattr(qt_language, "system_has_chinese_font", lambda: True)
    assert not use_bundled_chinese_font()
    assert CJK_FAMILY not in QGuiApplication.font().families()


@pytest.mark.parametrize(
    ("stored", "chosen"), [("", None), ("zh_CN", "zh_CN"), ("zh", "zh_CN"), ("xx", None)]
)
def test_the_setting_names_the_interface_language(
    settings: Settings, stored: str, chosen: str | None
) -> None:
    settings.set(UI_LANGUAGE, stored)
    assert chosen_ui_language(settings) == chosen


def _answer(button: str) -> None:
    """Press *button* of the question the next event loop run shows."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox), box
        for candidate in box.buttons():
            if isinstance(candidate, QPushButton) and candidate.text() == button:
                candidate.click()
                return
        raise AssertionError(f"no button {button!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, press)


def test_the_menu_keeps_the_choice_and_switches_when_asked(
    qtbot: QtBot, make_window: WindowFactory, settings: Settings
) -> None:
    window = make_window()
    menu: InterfaceLanguageMenu = window.interface_languages
    assert [action.text() for action in menu.menu.actions()] == [
        "System language (English)",
        "English",
        "简体中文",
    ]
    assert menu.entries[""].isChecked()
    switched: list[bool] = []
    menu._switch = lambda: switched.append(True)
    _answer("Later")
    menu.choose("zh_CN")
    assert settings.get(UI_LANGUAGE) == "zh_CN" and menu.entries["zh_CN"].isChecked()
    assert switched == []
    _answer("Switch now")
    menu.choose("zh_CN")
    assert switched == [True]
    menu.choose("en")  # the language in force: nothing to ask
    assert settings.get(UI_LANGUAGE) == "en" and switched == [True]


def test_switching_reopens_the_window_in_chinese_on_the_same_slide(
    qtbot: QtBot,
    make_window: WindowFactory,
    settings: Settings,
    ui_language: UiLanguage,
    qt_english: None,
) -> None:
    window = make_window()
    window.go_to(5)
    settings.set(UI_LANGUAGE, "zh_CN")
    attached: list[object] = []
    switch = LanguageSwitch(window, settings, attached.append)
    new = switch.switch()
    qtbot.addWidget(new)
    assert switch.window is new and attached == [new]
    assert new.current_index() == 5
    assert new.session.path == window.session.path
    assert not window.isVisible() and new.isVisible()
    view = new.menuBar().actions()[2].menu()
    assert isinstance(view, QMenu)
    titles = [action.text() for action in view.actions()]
    assert "界面语言(&I)" in titles
    assert _buttons() == sorted(["保存", "取消"])
