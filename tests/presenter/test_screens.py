"""Which screen gets the audience view and which the console; twin screens' labels."""

from __future__ import annotations

import pytest

from desktop.core.presenter.screens import (
    ScreenChoice,
    ScreenInfo,
    arrangement_key,
    choose_screens,
    screen_labels,
    swapped,
)
from tests.conftest import QtFreeRun

LAPTOP = ScreenInfo("eDP-1", 0, 0, 1920, 1200, primary=True)
PROJECTOR = ScreenInfo("HDMI-1", 1920, 0, 1920, 1080)
MONITOR = ScreenInfo("DP-2", -2560, 0, 2560, 1440)


def test_one_screen_shows_both_there() -> None:
    choice = choose_screens([LAPTOP])
    assert choice == ScreenChoice("eDP-1", "eDP-1", "single")
    assert choice.single


def test_audience_goes_to_the_screen_that_is_not_primary() -> None:
    choice = choose_screens([LAPTOP, PROJECTOR])
    assert (choice.audience, choice.console, choice.reason) == ("HDMI-1", "eDP-1", "secondary")
    # The platform's order does not matter.
    assert choose_screens([PROJECTOR, LAPTOP]).audience == "HDMI-1"


def test_requested_screen_wins_case_insensitively() -> None:
    choice = choose_screens([LAPTOP, PROJECTOR], requested="edp-1")
    assert (choice.audience, choice.console, choice.reason) == ("eDP-1", "HDMI-1", "requested")
    assert choice.note == ""


def test_unknown_requested_screen_falls_back_and_says_so() -> None:
    choice = choose_screens([LAPTOP, PROJECTOR], requested="VGA-9")
    assert choice.audience == "HDMI-1"
    assert "VGA-9" in choice.note and "eDP-1" in choice.note and "HDMI-1" in choice.note
    single = choose_screens([LAPTOP], requested="VGA-9")
    assert single.single and "VGA-9" in single.note


def test_remembered_choice_is_per_arrangement() -> None:
    screens = [LAPTOP, PROJECTOR]
    remembered = {arrangement_key(screens): "eDP-1"}
    assert choose_screens(screens, remembered=remembered).audience == "eDP-1"
    # Another arrangement (a third monitor) has no memory yet: the default applies.
    three = [LAPTOP, PROJECTOR, MONITOR]
    assert choose_screens(three, remembered=remembered).audience == "HDMI-1"
    # A remembered screen that is not connected is ignored.
    stale = {arrangement_key(screens): "DP-7"}
    assert choose_screens(screens, remembered=stale).audience == "HDMI-1"
    # A request beats the memory.
    assert choose_screens(screens, "HDMI-1", remembered).audience == "HDMI-1"


def test_preferred_screen_beats_the_default_but_not_the_memory() -> None:
    three = [LAPTOP, PROJECTOR, MONITOR]
    assert choose_screens(three, preferred="DP-2").audience == "DP-2"
    remembered = {arrangement_key(three): "HDMI-1"}
    assert choose_screens(three, remembered=remembered, preferred="DP-2").audience == "HDMI-1"


def test_console_prefers_the_primary_screen() -> None:
    choice = choose_screens([PROJECTOR, MONITOR, LAPTOP], requested="DP-2")
    assert (choice.audience, choice.console) == ("DP-2", "eDP-1")
    # No primary among them: the first other screen.
    choice = choose_screens([PROJECTOR, MONITOR])
    assert (choice.audience, choice.console) == ("HDMI-1", "DP-2")


def test_arrangement_key_is_order_free_and_geometry_aware() -> None:
    assert arrangement_key([LAPTOP, PROJECTOR]) == arrangement_key([PROJECTOR, LAPTOP])
    moved = ScreenInfo("HDMI-1", -1920, 0, 1920, 1080)
    assert arrangement_key([LAPTOP, PROJECTOR]) != arrangement_key([LAPTOP, moved])
    assert arrangement_key([LAPTOP]) == "eDP-1@1920x1200+0+0"


def test_swapped_exchanges_screens() -> None:
    choice = swapped(choose_screens([LAPTOP, PROJECTOR]))
    assert (choice.audience, choice.console, choice.reason) == ("eDP-1", "HDMI-1", "requested")
    single = choose_screens([LAPTOP])
    assert swapped(single) == single


class Named:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


def test_twin_screens_get_distinct_labels() -> None:
    screens = [Named("DELL U2720Q"), Named("eDP-1"), Named("DELL U2720Q"), Named("DELL U2720Q")]
    labels = screen_labels(screens)
    assert list(labels) == ["DELL U2720Q", "eDP-1", "DELL U2720Q #2", "DELL U2720Q #3"]
    assert [labels[k] for k in labels] == screens


def test_no_screens_is_an_error() -> None:
    with pytest.raises(ValueError, match="no screens"):
        choose_screens([])


PLAIN = """
import desktop.ui.presenter
from desktop.core.presenter.screens import ScreenInfo, choose_screens
from desktop.core.presenter.state import ShowState, badges, banner
from desktop.core.presenter.clock import HeldClock, carry_over
from desktop.core.presenter.modes import on_escape, on_enter
print("ok", choose_screens([ScreenInfo("A", 0, 0, 10, 10, True)]).audience)
"""


def test_plain_modules_need_no_qt(run_without_qt: QtFreeRun) -> None:
    done = run_without_qt(PLAIN)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok A"
