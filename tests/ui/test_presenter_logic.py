"""The presenter's plain logic: screen choice, show state, carrying time over. No windows."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.core.loader import load_deck
from desktop.core.model import Deck
from desktop.core.navigation import Navigator
from desktop.core.timing import PaceTracker
from desktop.ui.presenter.clock import HeldClock, carry_over, slide_mapping
from desktop.ui.presenter.placement import screen_labels
from desktop.ui.presenter.screens import (
    ScreenChoice,
    ScreenInfo,
    arrangement_key,
    choose_screens,
    swapped,
)
from desktop.ui.presenter.state import ShowState, badges, banner
from tests.conftest import DeckFactory

LAPTOP = ScreenInfo("eDP-1", 0, 0, 1920, 1200, primary=True)
PROJECTOR = ScreenInfo("HDMI-1", 1920, 0, 1920, 1080)
MONITOR = ScreenInfo("DP-2", -2560, 0, 2560, 1440)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# -- screens ----------------------------------------------------------------------------------


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


# -- show state -------------------------------------------------------------------------------


def test_preview_is_private_until_committed() -> None:
    state = ShowState(Navigator(10, 2))
    state.show_preview(7)
    assert (state.console, state.audience, state.private) == (7, 2, True)
    assert state.step(1) and state.preview == 8  # arrows move the preview
    state.show_preview(99)
    assert state.preview == 9  # clamped
    assert not state.step(1)
    assert state.commit()
    assert (state.console, state.audience) == (9, 9)
    assert not state.private
    assert state.nav.can_go_back  # a jump enters the history


def test_cancel_drops_the_preview() -> None:
    state = ShowState(Navigator(10, 2))
    assert not state.cancel()
    state.show_preview(5)
    assert state.cancel()
    assert (state.console, state.audience) == (2, 2)


def test_freeze_keeps_the_projector_while_browsing() -> None:
    state = ShowState(Navigator(10, 2))
    state.toggle_freeze()
    state.step(1)
    state.step(1)
    assert (state.console, state.audience, state.frozen) == (4, 2, 2)
    state.toggle_freeze()
    assert state.audience == 4
    state.toggle_freeze()
    state.step(1)
    assert state.commit()  # Enter unfreezes
    assert state.audience == 5


def test_blank_toggles_and_enter_does_not_lift_it() -> None:
    state = ShowState(Navigator(10))
    blanks = []
    for change in (
        lambda: state.toggle_blank("black"),
        lambda: state.toggle_blank("white"),
        state.commit,
        lambda: state.toggle_blank("white"),
    ):
        change()
        blanks.append(state.blank)
    assert blanks == ["black", "white", "white", None]


def test_typed_numbers_preview_as_they_are_typed() -> None:
    state = ShowState(Navigator(40, 2))
    state.start_typing()
    assert (state.typed, state.preview) == ("", None)
    state.type_digit("1")
    state.type_digit("7")
    assert (state.typed, state.preview, state.audience) == ("17", 16, 2)
    state.type_digit("x")  # not a digit: ignored
    assert state.erase_digit()
    assert (state.typed, state.preview) == ("1", 0)
    assert state.erase_digit()
    assert (state.typed, state.preview) == ("", None)
    for digit in "999999":
        state.type_digit(digit)
    assert (state.typed, state.preview) == ("99999", 39)  # five digits at most; clamped
    assert state.commit()
    assert (state.typed, state.audience) == (None, 39)
    assert not state.erase_digit()


def test_typed_number_zero_previews_nothing_and_esc_drops_it() -> None:
    state = ShowState(Navigator(10, 3))
    state.type_digit("0")
    assert (state.typed, state.preview) == ("0", None)
    assert state.cancel()
    assert (state.typed, state.preview) == (None, None)
    assert not state.cancel()


def test_banner_and_badges_say_what_is_private() -> None:
    state = ShowState(Navigator(10, 2))
    assert banner(state) == (None, "")
    assert badges(state, rehearsal=False, paused=False) == set()
    state.toggle_freeze()
    state.step(1)
    assert banner(state) == ("frozen", "Projector frozen on slide 3 · F or Enter shows this one")
    state.toggle_blank("black")
    assert banner(state)[0] == "black"  # the blank matters more than the freeze
    state.show_preview(7)
    kind, text = banner(state)
    assert kind == "preview" and "slide 8" in text and "the projector is black" in text
    assert badges(state, rehearsal=True, paused=True) == {
        "rehearsal",
        "paused",
        "preview",
        "frozen",
        "black",
    }
    state.start_typing()
    assert banner(state) == (
        "typing",
        "Go to slide: type its number · Enter shows it · Esc cancels",
    )


def test_remap_follows_slides_and_clamps_the_rest() -> None:
    state = ShowState(Navigator(10, 6), preview=8, frozen=3)
    state.remap(5, {6: 1, 3: 4})
    assert (state.nav.current, state.frozen, state.preview) == (1, 4, 4)


# -- carrying time over -----------------------------------------------------------------------


def _deck(make_deck: DeckFactory, sections: dict[str, str], name: str = "deck") -> Deck:
    files: dict[str, str | bytes | None] = {
        "deck.yaml": "title: T\nduration: 10m\nsections: [" + ", ".join(sections) + "]\n",
        "a.yaml": None,
    }
    files.update(sections)
    deck = load_deck(make_deck(files, name=name)).deck
    assert deck is not None
    return deck


SECTION_A = """\
title: A
duration: 2m
slides:
  - {id: a1, layout: section}
  - {id: a2, title: Two, bullets: [x]}
"""
SECTION_B = """\
title: B
duration: 3m
slides:
  - {id: b1, layout: section}
  - {id: b2, title: Four, bullets: [y]}
"""
SECTION_B_EDITED = """\
title: B
duration: 3m
slides:
  - {id: new, title: Inserted, bullets: [z]}
  - {id: b1, layout: section}
  - {id: b2, title: Four, bullets: [y]}
"""


def test_slide_mapping_follows_ids(make_deck: DeckFactory) -> None:
    old = _deck(make_deck, {"a.yaml": SECTION_A, "b.yaml": SECTION_B}, "old")
    new = _deck(make_deck, {"a.yaml": SECTION_A, "b.yaml": SECTION_B_EDITED}, "new")
    assert slide_mapping(old, new) == {0: 0, 1: 1, 2: 3, 3: 4}


def test_carry_over_keeps_elapsed_and_time_per_slide(make_deck: DeckFactory) -> None:
    old = _deck(make_deck, {"a.yaml": SECTION_A, "b.yaml": SECTION_B}, "old")
    new = _deck(make_deck, {"b.yaml": SECTION_B_EDITED}, "new")  # section A is gone
    source = FakeClock()
    clock = HeldClock(source)
    tracker = PaceTracker(old, clock)
    tracker.on_slide(0)
    tracker.start()
    source.advance(30)
    tracker.on_slide(1)
    source.advance(40)
    tracker.on_slide(3)
    source.advance(50)
    mapping = slide_mapping(old, new)
    moved = carry_over(tracker, new, clock, mapping, mapping[3])
    assert moved.timer.elapsed == pytest.approx(120)
    assert moved.current == 2
    # Slide b2's 50 s plus the 70 s of the deleted section, credited to the current slide.
    assert moved.spent_slide(2) == pytest.approx(120)
    assert moved.spent_slide(0) == 0
    source.advance(10)
    assert moved.timer.elapsed == pytest.approx(130)
    assert moved.spent_section(0) == pytest.approx(130)


def test_carry_over_keeps_a_paused_timer_paused(make_deck: DeckFactory) -> None:
    deck = _deck(make_deck, {"a.yaml": SECTION_A, "b.yaml": SECTION_B})
    source = FakeClock()
    clock = HeldClock(source)
    tracker = PaceTracker(deck, clock)
    tracker.on_slide(1)
    tracker.start()
    source.advance(25)
    tracker.pause()
    source.advance(100)
    moved = carry_over(tracker, deck, clock, slide_mapping(deck, deck), 1)
    assert moved.timer.paused
    assert moved.timer.elapsed == pytest.approx(25)
    assert moved.spent_slide(1) == pytest.approx(25)
    source.advance(100)
    assert moved.timer.elapsed == pytest.approx(25)


def test_carry_over_of_a_timer_not_started(make_deck: DeckFactory) -> None:
    deck = _deck(make_deck, {"a.yaml": SECTION_A})
    clock = HeldClock(FakeClock())
    tracker = PaceTracker(deck, clock)
    tracker.on_slide(0)
    moved = carry_over(tracker, deck, clock, {0: 0, 1: 1}, 1)
    assert not moved.timer.started
    assert moved.current == 1


def test_held_clock_reads_its_source_unless_held() -> None:
    source = FakeClock()
    clock = HeldClock(source)
    assert clock() == 1000.0
    clock.hold(5.0)
    clock.advance(2.5)
    assert clock() == 7.5
    clock.release()
    assert clock() == 1000.0
    with pytest.raises(RuntimeError):
        clock.advance(1.0)


BLOCK_QT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
            raise ImportError(f"Qt import blocked: {name}")
        return None
sys.meta_path.insert(0, Block())
import desktop.ui.presenter
from desktop.ui.presenter.screens import ScreenInfo, choose_screens
from desktop.ui.presenter.state import ShowState, badges, banner
from desktop.ui.presenter.clock import HeldClock, carry_over
print("ok", choose_screens([ScreenInfo("A", 0, 0, 10, 10, True)]).audience)
"""


def test_plain_modules_need_no_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok A"
