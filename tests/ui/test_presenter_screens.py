"""Presenter mode on two screens: placement, swap, unplug and plug, the remembered choice.

The audience view goes on the 1280×720 "Projector", the console on the 1920×1080 "Laptop"
(``screens_two.json``); the module runs in a child process on those two screens, as
:mod:`tests.ui.two_screens` explains.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.presenter.screens import arrangement_key
from desktop.core.resources import bundled_deck
from desktop.core.settings import PRESENTER_SCREENS
from desktop.ui.presenter.controller import PresenterController
from desktop.ui.presenter.placement import describe
from desktop.ui.settings import Settings
from tests.conftest import FakeClock, load
from tests.ui.conftest import Present
from tests.ui.two_screens import ChildRun, on_two_screens, qapp_arguments, run_child

# -- running in a child process (see tests/ui/two_screens.py) -----------------------------------


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    """In the child: the offscreen platform with the two-screen layout."""
    return qapp_arguments()


@pytest.fixture(scope="module")
def two_screen_run(tmp_path_factory: pytest.TempPathFactory) -> ChildRun:
    return run_child(Path(__file__), tmp_path_factory)


# -- fixtures of the child -----------------------------------------------------------------------


def screen(name: str) -> QScreen:
    found = next((s for s in QGuiApplication.screens() if s.name() == name), None)
    assert found is not None, f"no screen {name}: {[s.name() for s in QGuiApplication.screens()]}"
    return found


def assert_placed(
    qtbot: QtBot, controller: PresenterController, audience: str, console: str
) -> None:
    """The audience view covers screen *audience*, the console screen *console*."""
    qtbot.waitUntil(
        lambda: (
            controller.audience.geometry() == screen(audience).geometry()
            and controller.console.geometry() == screen(console).geometry()
        )
    )
    assert controller.audience.isFullScreen() and controller.console.isFullScreen()
    assert controller.audience.screen().name() == audience
    assert controller.console.screen().name() == console
    assert controller.mode == "dual"


# -- the tests ----------------------------------------------------------------------------------


@on_two_screens
def test_the_layout_has_two_named_screens() -> None:
    names = [s.name() for s in QGuiApplication.screens()]
    assert names == ["Laptop", "Projector"]
    assert QGuiApplication.primaryScreen().name() == "Laptop"
    assert screen("Projector").geometry().width() == 1280


@on_two_screens
def test_audience_on_the_projector_console_on_the_laptop(
    qtbot: QtBot, present: Present, settings: Settings
) -> None:
    controller = present(start=2)
    assert_placed(qtbot, controller, "Projector", "Laptop")
    assert controller.audience.slide_index() == 2
    qtbot.waitUntil(controller.console.isActiveWindow)  # the presenter types on the console
    infos = [describe(s, s is QGuiApplication.primaryScreen()) for s in QGuiApplication.screens()]
    assert settings.get(PRESENTER_SCREENS) == {arrangement_key(infos): "Projector"}


@on_two_screens
def test_swap_screens_and_remember_it(
    qtbot: QtBot, present: Present, settings: Settings, clock: FakeClock
) -> None:
    controller = present(start=4)
    assert_placed(qtbot, controller, "Projector", "Laptop")
    controller.step(1)
    clock.advance(30)
    qtbot.waitUntil(controller.console.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or controller.console, "s")
    assert_placed(qtbot, controller, "Laptop", "Projector")
    assert controller.audience.slide_index() == 5
    assert controller.tracker.timer.elapsed == 30
    assert list(settings.get(PRESENTER_SCREENS).values()) == ["Laptop"]
    controller.end()
    # The next talk on the same arrangement starts the way it was left.
    again = present(start=0)
    assert_placed(qtbot, again, "Laptop", "Projector")


@on_two_screens
def test_requested_screen_by_name(qtbot: QtBot, present: Present) -> None:
    controller = present(screen_name="laptop")
    assert_placed(qtbot, controller, "Laptop", "Projector")


@on_two_screens
def test_unknown_requested_screen_falls_back_and_says_so(qtbot: QtBot, present: Present) -> None:
    controller = present(screen_name="HDMI-9")
    assert_placed(qtbot, controller, "Projector", "Laptop")
    assert "HDMI-9" in controller.console.message.text()


@on_two_screens
def test_unplugged_projector_the_talk_goes_on(
    qtbot: QtBot, present: Present, clock: FakeClock
) -> None:
    controller = present(start=6)
    assert_placed(qtbot, controller, "Projector", "Laptop")
    controller.step(1)
    clock.advance(95)
    controller.actions["freeze"].trigger()
    controller.placement.on_screen_removed(screen("Projector"))
    laptop = screen("Laptop").geometry()
    qtbot.waitUntil(lambda: controller.audience.geometry() == laptop)
    assert controller.mode == "single"
    assert controller.audience.isFullScreen() and controller.audience.isVisible()
    assert not controller.console.isVisible()  # one key away
    assert controller.audience.slide_index() == 7
    assert controller.state.frozen == 7
    assert controller.tracker.timer.elapsed == 95
    assert "Projector disconnected" in controller.console.message.text()
    controller.actions["toggle_console"].trigger()
    qtbot.waitUntil(
        lambda: controller.console.isVisible() and controller.console.geometry() == laptop
    )
    # Plugged back in: the audience view goes back to it, the console to the laptop.
    clock.advance(5)
    controller.placement.on_screen_added(screen("Projector"))
    assert_placed(qtbot, controller, "Projector", "Laptop")
    assert controller.audience.slide_index() == 7
    assert controller.tracker.timer.elapsed == 100
    assert "Projector connected" in controller.console.message.text()


@on_two_screens
def test_unplugging_the_console_screen_moves_nothing_away_from_the_projector(
    qtbot: QtBot, present: Present
) -> None:
    controller = present(screen_name="Projector")
    assert_placed(qtbot, controller, "Projector", "Laptop")
    controller.placement.on_screen_removed(screen("Laptop"))
    projector = screen("Projector").geometry()
    qtbot.waitUntil(lambda: controller.audience.geometry() == projector)
    assert controller.mode == "single"


@on_two_screens
def test_screen_signals_reach_the_controller(qtbot: QtBot, present: Present) -> None:
    controller = present()
    assert_placed(qtbot, controller, "Projector", "Laptop")
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.screenRemoved.emit(screen("Projector"))
    qtbot.waitUntil(lambda: controller.mode == "single")
    app.screenAdded.emit(screen("Projector"))
    assert_placed(qtbot, controller, "Projector", "Laptop")
    controller.end()
    app.screenRemoved.emit(screen("Projector"))  # disconnected after the end: nothing happens
    assert controller.mode == "dual"


@on_two_screens
def test_windowed_rehearsal_side_by_side_on_the_console_screen(
    qtbot: QtBot, present: Present
) -> None:
    controller = present(rehearse=True)
    assert_placed(qtbot, controller, "Projector", "Laptop")  # two screens: not windowed
    controller.actions["windowed"].trigger()
    area = screen("Laptop").availableGeometry()
    console, audience = controller.console.geometry(), controller.audience.geometry()
    assert controller.mode == "windowed"
    assert area.contains(console) and area.contains(audience)
    assert not console.intersects(audience)
    assert console.right() < audience.left()
    assert console.width() == round(area.width() * 0.6)
    assert abs(audience.height() - audience.width() * 9 / 16) <= 1
    controller.actions["windowed"].trigger()
    assert_placed(qtbot, controller, "Projector", "Laptop")


@on_two_screens
def test_screens_flapping_and_reloads_mid_talk(
    qtbot: QtBot, present: Present, clock: FakeClock
) -> None:
    """Fault drill: the projector comes and goes 20 times while the deck reloads, good and bad."""
    from desktop.render.renderer import SlideRenderer

    controller = present(start=3)
    assert_placed(qtbot, controller, "Projector", "Laptop")
    controller.step(1)
    deck = load(bundled_deck())
    for cycle in range(20):
        clock.advance(3)
        controller.placement.on_screen_removed(screen("Projector"))
        qtbot.waitUntil(lambda: controller.mode == "single")
        if cycle % 2:
            controller.set_deck(None, None)  # an invalid edit: keep presenting the last good deck
        else:
            controller.set_deck(deck, SlideRenderer(deck))
        controller.placement.on_screen_added(screen("Projector"))
        assert_placed(qtbot, controller, "Projector", "Laptop")
        assert controller.audience.slide_index() == 4
    assert controller.tracker.timer.elapsed == 60
    assert controller.audience.isVisible() and controller.console.isVisible()
