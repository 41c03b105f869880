"""The presenter's fixtures: a started presentation with a fake clock and fixed wall time.

``present`` starts a presentation (the bundled deck unless given) on the test's ``settings``
and ``clock`` and ends it after the test; ``press`` types into whichever presenter window has
the focus.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Final

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.model import Deck
from desktop.core.resources import bundled_deck
from desktop.render.renderer import SlideRenderer
from desktop.ui.presenter.controller import PresenterController
from desktop.ui.presenter.tool import PresenterTool
from desktop.ui.settings import Settings
from tests.conftest import FakeClock, load

NOW: Final = dt.datetime(2026, 11, 27, 14, 5, 30)
"""The wall clock every test presentation reads."""

Present = Callable[..., PresenterController]


def make_controller(
    deck: Deck,
    settings: Settings,
    clock: FakeClock,
    start: int = 0,
    screen_name: str | None = None,
    rehearse: bool = False,
    tools: Sequence[type[PresenterTool]] | None = None,
) -> PresenterController:
    """A started controller on *deck*, with a fixed wall clock."""
    controller = PresenterController(
        deck,
        SlideRenderer(deck),
        settings,
        start,
        clock=clock,
        screen_name=screen_name,
        rehearse=rehearse,
        now=lambda: NOW,
        tools=tools,
    )
    controller.start()
    return controller


def finish(controller: PresenterController) -> None:
    """End a controller left running by a test and delete its windows."""
    controller.end()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def wait_active(qtbot: QtBot, window: QWidget) -> None:
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def press(
    qtbot: QtBot,
    controller: PresenterController,
    key: Qt.Key | str,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press *key* in the presenter window that has the focus (as a keyboard would)."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no presenter window is active"
    assert target.window() in (controller.console, controller.audience)
    qtbot.keyClick(target, key, modifier)


@pytest.fixture
def present(qtbot: QtBot, settings: Settings, clock: FakeClock) -> Iterator[Present]:
    """Start a presentation (bundled deck unless given) and end it after the test.

    ``present(deck, start, screen_name=, rehearse=, with_settings=, tools=, wait=)``:
    *wait* (the default) waits until the window the presenter types on is active.
    """
    started: list[PresenterController] = []

    def factory(
        deck: Deck | None = None,
        start: int = 0,
        screen_name: str | None = None,
        rehearse: bool = False,
        with_settings: Settings | None = None,
        tools: Sequence[type[PresenterTool]] | None = None,
        wait: bool = True,
    ) -> PresenterController:
        controller = make_controller(
            deck or load(bundled_deck()),
            with_settings or settings,
            clock,
            start,
            screen_name=screen_name,
            rehearse=rehearse,
            tools=tools,
        )
        started.append(controller)
        if wait:
            window = controller.console if controller.console.isVisible() else controller.audience
            wait_active(qtbot, window)
        return controller

    yield factory
    for controller in started:
        finish(controller)


@pytest.fixture
def keys_file() -> Iterator[Path]:
    """The user's key map file (in the test run's home), read afresh, removed after."""
    from desktop.core.paths import keymap_file
    from desktop.ui.actions import user_keymap

    path = keymap_file()
    user_keymap.cache_clear()
    yield path
    path.unlink(missing_ok=True)
    user_keymap.cache_clear()
