"""Presenter tools: each action has one handler, the mode follows the keys, a tool draws on
both the console and the projector. A small marker tool stands in for the pointer of issue 15."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.core.actions import ActionSpec
from desktop.core.model import Deck
from desktop.core.presenter.modes import Mode
from desktop.core.resources import bundled_deck
from desktop.ui.presenter.actions import HANDLERS, PRESENTER_ACTIONS
from desktop.ui.presenter.controller import PresenterController
from desktop.ui.presenter.tool import PresenterTool, ToolHost
from desktop.ui.presenter.tools import tool_classes
from tests.conftest import DeckFactory, WindowFactory, load
from tests.ui.conftest import Present, press

MARK = QColor("#ff0000")


class Marker(PresenterTool):
    """M: a red square in the middle of the slide, on the console and on the projector."""

    name = "marker"
    specs = (ActionSpec("marker", "Marker", ("M",), group="Tools", checkable=True),)

    def __init__(self, host: ToolHost) -> None:
        super().__init__(host)
        host.console.current.add_overlay(self.paint)
        host.audience.add_overlay(self.paint)

    def paint(self, painter: QPainter, slide: QRectF) -> None:
        if self.active:
            centre = slide.center()
            painter.fillRect(QRectF(centre.x() - 20, centre.y() - 20, 40, 40), MARK)

    def refresh(self) -> None:
        self.host.actions[self.name].setChecked(self.active)
        self.host.console.current.update()
        self.host.audience.update()


Start = Callable[[Deck], PresenterController]


@pytest.fixture
def start(present: Present) -> Start:
    """Start a presentation of a deck with the marker tool besides the package's tools."""

    def factory(deck: Deck) -> PresenterController:
        return present(deck, 2 if deck.slide_count > 2 else 0, tools=(*tool_classes(), Marker))

    return factory


def mode_of(controller: PresenterController) -> Mode:
    return controller.state.modes.mode  # read through a call: the keys change it


def centre(widget: QWidget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2)


def test_every_action_has_one_handler() -> None:
    names = [spec.name for spec in PRESENTER_ACTIONS]
    assert len(set(names)) == len(names)
    from desktop.ui.presenter.tools.find import FindTool
    from desktop.ui.presenter.tools.ink import InkTool
    from desktop.ui.presenter.tools.overview import OverviewTool
    from desktop.ui.presenter.tools.pointer import PointerTool
    from desktop.ui.presenter.tools.spotlight import SpotlightTool
    from desktop.ui.presenter.tools.zoom import ZoomTool

    assert tool_classes() == (FindTool, InkTool, OverviewTool, PointerTool, SpotlightTool, ZoomTool)
    tool_handlers = {"find", "find_next", "find_previous", "overview", "pointer", "spotlight"}
    tool_handlers |= {"zoom_in", "zoom_out", "zoom_reset"}
    tool_handlers |= {"pen", "highlighter", "eraser", "erase_slide", "undo_ink", "erase_all_ink"}
    tool_handlers |= {"arrow"}
    assert not set(HANDLERS) & tool_handlers
    assert set(HANDLERS) | tool_handlers == set(names)


def test_a_tool_registers_its_action_and_draws_on_both_windows(qtbot: QtBot, start: Start) -> None:
    controller = start(load(bundled_deck()))
    action = controller.actions["marker"]
    assert action.isEnabled() and action.shortcuts()[0].toString() == "M"
    assert "Marker" in {spec.text for spec in controller.actions.specs()}
    assert centre(controller.audience) != MARK
    press(qtbot, controller, Qt.Key.Key_M)
    assert mode_of(controller) is Mode.TOOL and controller.state.modes.tool == "marker"
    assert action.isChecked()
    assert centre(controller.audience) == MARK
    assert centre(controller.console.current) == MARK
    # Enter works as in the talk and keeps the tool; Esc puts the tool away, not the talk.
    controller.preview(5)
    press(qtbot, controller, Qt.Key.Key_Return)
    assert controller.audience.slide_index() == 5 and controller.state.modes.tool == "marker"
    press(qtbot, controller, Qt.Key.Key_Escape)
    assert controller.running and mode_of(controller) is Mode.NORMAL
    assert not action.isChecked() and centre(controller.audience) != MARK
    # The overview replaces the tool (one mode at a time).
    press(qtbot, controller, Qt.Key.Key_M)
    press(qtbot, controller, Qt.Key.Key_O)
    assert controller.overview_open and not action.isChecked()


def test_nothing_opens_over_a_rehearsal_summary(start: Start, make_deck: DeckFactory) -> None:
    controller = start(load(make_deck()))  # its rehearsal file is its own
    controller.step(1)
    controller.finish_rehearsal()
    assert mode_of(controller) is Mode.SUMMARY
    for name in ("overview", "marker", "find", "find_next", "go_to", "pause_timer"):
        assert not controller.actions[name].isEnabled(), name
    for name in ("end", "show", "next", "black"):
        assert controller.actions[name].isEnabled(), name
    controller.tools["overview"].toggle()
    assert mode_of(controller) is Mode.SUMMARY


def test_presenting_keys_leave_the_main_windows_own(
    qtbot: QtBot, make_window: WindowFactory, present: Present
) -> None:
    window = make_window()
    main = {name: window.actions_[name] for name in ("print", "export")}
    controller = present()
    keys = {name: controller.actions[name].shortcut().toString() for name in ("pen", "eraser")}
    assert keys == {"pen": "Ctrl+P", "eraser": "Ctrl+E"}
    assert main["print"].shortcut().toString() == "Ctrl+P"  # the same keys, Print and Export
    assert main["export"].shortcut().toString() == "Ctrl+E"
    # Each set lives on its own windows: the presenter's never reach the main window.
    assert not set(controller.actions.all()) & set(window.actions())
    assert not {main["print"], main["export"]} & set(controller.console.actions())
