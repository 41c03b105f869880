"""The presenter's languages: the audience and the console chosen apart, switched mid-talk.

Alt+L moves what the room sees to the next display language, Alt+Shift+L the console's; the
slide, the timer and the pacing stay (the fake clock shows it).
"""

from __future__ import annotations

import dataclasses
import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop.core.displays import choices
from desktop.core.languages import DisplayLanguage
from desktop.core.model import Deck
from desktop.core.resources import bundled_deck
from desktop.render.renderer import SlideRenderer
from desktop.ui.presenter import attach_presenter
from desktop.ui.presenter.controller import PresenterController
from desktop.ui.presenter.languages import TalkLanguages
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
    controller.set_deck(again, SlideRenderer(again))
    assert controller.languages.audience == EN_ZH
    assert controller.audience.renderer() is not None
    assert controller.audience.renderer().deck.display == "en+zh"  # type: ignore[union-attr]
    # The console's English deck is paged as the room's two languages: the same slides.
    assert controller.deck.display == "en" and controller.deck.paging == "en+zh"
    assert controller.state.nav.current == 2


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
    # The console's Chinese paged as the room's English + Chinese: cached apart.
    assert controller.renderer is window.session.renderer_for(ZH, (EN_ZH,))
    assert controller.renderer is not window.session.renderer_for(ZH)
    window.reload()
    qtbot.waitUntil(lambda: controller.renderer is window.session.renderer_for(ZH, (EN_ZH,)))
    assert controller.audience.renderer() is window.session.renderer_for(EN_ZH)
    finish(controller)


def _ids(deck: Deck) -> list[str]:
    return [ref.slide.id for ref in deck.refs]


def test_both_screens_have_the_same_slides_whatever_each_shows() -> None:
    # At 4:3 the English sources take two slides more than the Chinese, and two languages
    # split the fullest slides: one navigation index must still name one slide on both.
    deck = dataclasses.replace(load(bundled_deck()), aspect="4:3")
    languages = TalkLanguages(deck, SlideRenderer(deck))
    counts = set()
    for audience, console in itertools.product(choices(deck.languages), repeat=2):
        languages.audience, languages.console = audience, console
        room, own = languages.audience_renderer().deck, languages.console_renderer().deck
        assert _ids(room) == _ids(own), (audience, console)
        shown = (room.display or "en", own.display or "en")  # "": the deck as loaded
        assert shown == (str(audience), str(console))
        counts.add(len(room.refs))
    assert len(counts) > 2  # each paging its own parts


def test_a_switch_that_splits_the_slide_keeps_it(
    qtbot: QtBot, present: Present, clock: FakeClock
) -> None:
    # The high-contrast theme's larger text splits slides the default keeps whole.
    deck = dataclasses.replace(load(bundled_deck()), theme="high-contrast")
    start = deck.index_of("overview-4")
    assert start is not None
    controller = present(deck, start=start)
    press(qtbot, controller, Qt.Key.Key_Right)  # the timer starts, on the next slide
    press(qtbot, controller, Qt.Key.Key_Left)
    clock.advance(30)
    press(qtbot, controller, Qt.Key.Key_L, ALT)
    press(qtbot, controller, Qt.Key.Key_L, ALT)  # the room sees English + Chinese
    assert controller.languages.audience == EN_ZH
    both = controller.deck
    assert controller.state.nav.current == both.index_of("overview-4") != start
    assert both.refs[start + 1].slide.id != "overview-4~2"  # it is in parts now
    assert controller.state.audience == controller.state.nav.current
    press(qtbot, controller, Qt.Key.Key_Right)
    assert both.refs[controller.state.nav.current].slide.id == "overview-4~2"
    assert controller.tracker.timer.elapsed == 30
    press(qtbot, controller, Qt.Key.Key_L, ALT)  # English alone: the slide, not the next
    assert controller.deck.refs[controller.state.nav.current].slide.id == "overview-4"
    assert controller.state.nav.current == start
    assert controller.tracker.timer.elapsed == 30


def test_a_theme_switch_while_presenting_keeps_the_slide_in_the_rooms_parts(
    qtbot: QtBot, settings: Settings, clock: FakeClock
) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.open_deck(bundled_deck())
    window.set_theme("high-contrast")  # its larger text splits "One base and three zones"
    window.show()
    launcher = attach_presenter(window, clock=clock)
    window.present_requested.emit(0)
    controller = launcher.controller
    assert controller is not None
    controller.switch_language(audience=True)
    controller.switch_language(audience=True)  # the room in English + Chinese
    assert controller.languages.audience == EN_ZH
    second = controller.deck.index_of("overview-5~2")
    assert second is not None
    controller.jump(second)
    window.set_theme("default")  # the main window in English: no parts of its own
    deck = controller.deck
    assert deck.index_of("overview-5~2") is None  # the default theme keeps it whole
    assert controller.state.nav.count == deck.slide_count
    assert deck.refs[controller.state.nav.current].slide.id == "overview-5"
    room = controller.audience.renderer()
    assert room is not None and room.theme.key == "default"
    assert controller.console.message.text() == "Theme changed to “Default theme”."
    finish(controller)
