"""The presenter's languages: the audience and the console chosen apart, switched mid-talk.

Alt+L moves what the room sees to the next display language, Alt+Shift+L the console's; the
slide, the timer and the pacing stay (the fake clock shows it).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop.core.languages import DisplayLanguage
from desktop.core.resources import bundled_deck
from desktop.ui.presenter import attach_presenter
from desktop.ui.presenter.controller import PresenterController
from desktop.ui.settings import Settings
from tests.conftest import FakeClock, load
from tests.ui.conftest import Present, finish, press

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ZH, EN_ZH = DisplayLanguage("zh"), DisplayLanguage("en", "zh")


def audience_pixels(controller: PresenterController) -> QImage:
    return controller.audience.grab().toImage()


def notes(controller: PresenterController) -> str:
    return controller.console.notes.browser.toPlainText()


def test_the_audience_switches_and_the_console_notes_stay(
    qtbot: QtBot, present: Present, clock: FakeClock
) -> None:
    controller = present(start=3)
    press(qtbot, controller, Qt.Key.Key_Right)  # the timer starts
    clock.advance(75)
    controller.refresh_time()
    before_time = controller.console.time_bar.texts()
    before_pixels, before_notes = audience_pixels(controller), notes(controller)
    assert before_notes and before_time is not None
    press(qtbot, controller, Qt.Key.Key_L, ALT)
    assert controller.languages.audience == ZH
    assert controller.audience.renderer() is controller.languages.audience_renderer()
    assert controller.console.current.renderer() is controller.audience.renderer()  # as seen
    audience_deck = controller.languages.audience_renderer().deck
    assert audience_deck.display == "zh"
    assert controller.state.audience == 4 and controller.state.nav.current == 4
    assert audience_pixels(controller) != before_pixels
    assert notes(controller) == before_notes  # the console stays English
    assert controller.deck.shown_language == "en"
    assert controller.tracker.timer.elapsed == 75
    controller.refresh_time()
    assert controller.console.time_bar.texts() == before_time
    assert "Audience: 中文 · console: English" in controller.console.message.text()
    press(qtbot, controller, Qt.Key.Key_L, ALT)
    assert controller.languages.audience == EN_ZH
    assert notes(controller) == before_notes


def test_the_console_switches_alone(qtbot: QtBot, present: Present, clock: FakeClock) -> None:
    controller = present(start=5)
    before_pixels, before_notes = audience_pixels(controller), notes(controller)
    press(qtbot, controller, Qt.Key.Key_L, ALT | SHIFT)
    assert controller.languages.console == ZH and controller.deck.display == "zh"
    chinese = controller.deck.refs[5].slide.notes
    assert notes(controller) != before_notes
    assert chinese[:8] in notes(controller)
    assert audience_pixels(controller) == before_pixels
    assert controller.console.current.renderer() is controller.audience.renderer()
    assert controller.state.nav.current == 5
    press(qtbot, controller, Qt.Key.Key_L, ALT | SHIFT)  # both: the English, then the Chinese
    assert controller.languages.console == EN_ZH
    both = notes(controller)
    assert both.startswith(before_notes.split("\n")[0]) and f"\n中文\n{chinese[:8]}" in both


def test_a_reload_keeps_both_choices(qtbot: QtBot, present: Present, clock: FakeClock) -> None:
    controller = present(start=2)
    press(qtbot, controller, Qt.Key.Key_L, ALT)
    press(qtbot, controller, Qt.Key.Key_L, ALT)  # en+zh
    again = load(bundled_deck())
    from desktop.render.renderer import SlideRenderer

    controller.set_deck(again, SlideRenderer(again))
    assert controller.languages.audience == EN_ZH
    assert controller.audience.renderer() is not None
    assert controller.audience.renderer().deck.display == "en+zh"  # type: ignore[union-attr]
    assert controller.deck.display == "" and controller.state.nav.current == 2


def test_the_renderers_come_from_the_sessions_cache(
    qtbot: QtBot, settings: Settings, clock: FakeClock
) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.open_deck(bundled_deck())
    window.session.set_display(ZH)
    window.show()
    launcher = attach_presenter(window, clock=clock)
    window.present_requested.emit(1)
    controller = launcher.controller
    assert controller is not None
    assert controller.languages.audience == ZH and controller.languages.console == ZH
    assert controller.renderer is window.session.renderer_for(ZH)
    controller.switch_language(audience=True)
    assert controller.audience.renderer() is window.session.renderer_for(EN_ZH)
    window.reload()
    qtbot.waitUntil(lambda: controller.renderer is window.session.renderer_for(ZH))
    assert controller.audience.renderer() is window.session.renderer_for(EN_ZH)
    finish(controller)
