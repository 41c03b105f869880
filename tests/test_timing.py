"""Talk timer, pace tracking and plan offsets, driven by a fake clock (no sleeping)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import pytest

from desktop.core.loader import load_deck
from desktop.core.model import Deck, Layout, Section, Slide
from desktop.core.pacing import pace_label, pace_status, plan_offsets
from desktop.core.problems import Location
from desktop.core.timing import PaceTracker, TalkTimer, format_clock
from tests.conftest import DeckFactory, FakeClock, QtFreeRun

SectionSpec = tuple[int | None, Sequence[int | None]]
"""A section's planned seconds (or None) and each slide's own duration (or None)."""


def build_deck(*specs: SectionSpec, duration: int | None = None) -> Deck:
    """A deck straight from model objects: one section per spec."""
    sections = []
    for n, (plan, slide_durations) in enumerate(specs):
        slides = tuple(
            Slide(
                id=f"s{n}-{m}",
                layout=Layout.BULLETS,
                origin=Location(Path(f"{n}.yaml"), m + 1, 1),
                title=f"Slide {n}.{m}",
                duration=slide_duration,
            )
            for m, slide_duration in enumerate(slide_durations)
        )
        sections.append(
            Section(
                id=f"sec{n}",
                title=f"Section **{n}**",
                file=Path(f"{n}.yaml"),
                slides=slides,
                duration=plan,
            )
        )
    return Deck(title="Deck", root=Path("/decks/test"), sections=tuple(sections), duration=duration)


# -- TalkTimer ------------------------------------------------------------------


def test_timer_starts_stopped_and_ignores_the_clock() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock)
    clock.advance(30)
    assert (timer.started, timer.running, timer.paused) == (False, False, False)
    assert timer.elapsed == 0.0


def test_timer_counts_after_start_and_start_is_idempotent() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock)
    timer.start()
    assert (timer.started, timer.running, timer.paused) == (True, True, False)
    clock.advance(12.5)
    assert timer.elapsed == 12.5
    timer.start()
    clock.advance(2.5)
    assert timer.elapsed == 15.0


def test_timer_pause_freezes_and_resume_continues() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock)
    timer.start()
    clock.advance(10)
    timer.pause()
    assert (timer.running, timer.paused) == (False, True)
    clock.advance(100)
    assert timer.elapsed == 10.0
    timer.pause()  # already paused: nothing changes
    clock.advance(5)
    timer.resume()
    assert (timer.running, timer.paused) == (True, False)
    clock.advance(3)
    assert timer.elapsed == 13.0
    timer.resume()  # already running: nothing changes
    clock.advance(1)
    assert timer.elapsed == 14.0


def test_timer_pause_and_resume_before_start_do_nothing() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock)
    timer.pause()
    timer.resume()
    clock.advance(5)
    assert (timer.started, timer.paused, timer.elapsed) == (False, False, 0.0)


def test_timer_toggle_pause_starts_pauses_and_resumes() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock)
    timer.toggle_pause()
    assert timer.running
    clock.advance(4)
    timer.toggle_pause()
    assert timer.paused
    clock.advance(50)
    timer.toggle_pause()
    assert timer.running
    clock.advance(1)
    assert timer.elapsed == 5.0


def test_timer_reset_returns_to_a_fresh_timer() -> None:
    clock = FakeClock()
    timer = TalkTimer(clock)
    timer.start()
    clock.advance(20)
    timer.pause()
    timer.reset()
    assert (timer.started, timer.running, timer.paused, timer.elapsed) == (
        False,
        False,
        False,
        0.0,
    )
    clock.advance(20)
    assert timer.elapsed == 0.0
    timer.start()
    clock.advance(2)
    assert timer.elapsed == 2.0


# -- PaceTracker: accrual ------------------------------------------------------


def test_time_accrues_to_the_shown_slide_and_its_section() -> None:
    clock = FakeClock()
    tracker = PaceTracker(build_deck((120, [None, None]), (60, [None])), clock)
    tracker.on_slide(0)
    tracker.start()
    clock.advance(10)
    tracker.on_slide(1)
    clock.advance(5)
    # The visit in progress counts before the next change.
    assert tracker.spent_slide(0) == 10.0
    assert tracker.spent_slide(1) == 5.0
    assert tracker.spent_section(0) == 15.0
    tracker.on_slide(2)
    clock.advance(7)
    tracker.on_slide(0)  # going back adds to what slide 0 already had
    clock.advance(3)
    assert [tracker.spent_slide(i) for i in range(3)] == [13.0, 5.0, 7.0]
    assert [tracker.spent_section(i) for i in range(2)] == [18.0, 7.0]
    assert tracker.timer.elapsed == 25.0
    assert tracker.current == 0


def test_paused_time_counts_for_no_slide() -> None:
    clock = FakeClock()
    tracker = PaceTracker(build_deck((120, [None, None])), clock)
    tracker.on_slide(0)
    tracker.start()
    clock.advance(10)
    tracker.pause()
    clock.advance(100)
    tracker.on_slide(1)  # changing slides while paused
    clock.advance(50)
    tracker.resume()
    clock.advance(5)
    assert tracker.spent_slide(0) == 10.0
    assert tracker.spent_slide(1) == 5.0
    assert tracker.spent_section(0) == 15.0
    tracker.toggle_pause()
    clock.advance(60)
    assert tracker.spent_slide(1) == 5.0


def test_nothing_accrues_before_start_and_the_shown_slide_is_timed_first() -> None:
    clock = FakeClock()
    tracker = PaceTracker(build_deck((120, [None, None])), clock)
    clock.advance(30)
    tracker.on_slide(1)
    clock.advance(30)
    assert tracker.spent_slide(1) == 0.0
    tracker.start()
    clock.advance(8)
    assert tracker.spent_slide(1) == 8.0
    assert tracker.spent_slide(0) == 0.0


def test_time_before_the_first_slide_is_credited_to_no_slide() -> None:
    clock = FakeClock()
    tracker = PaceTracker(build_deck((120, [None, None])), clock)
    tracker.start()
    clock.advance(4)
    tracker.on_slide(0)
    clock.advance(6)
    assert tracker.spent_slide(0) == 6.0
    assert tracker.spent_section(0) == 6.0
    assert tracker.timer.elapsed == 10.0


def test_reset_forgets_spent_time_but_keeps_the_current_slide() -> None:
    clock = FakeClock()
    tracker = PaceTracker(build_deck((120, [None, None])), clock)
    tracker.on_slide(1)
    tracker.start()
    clock.advance(40)
    tracker.reset()
    assert not tracker.timer.started
    assert tracker.spent_slide(1) == 0.0
    assert tracker.spent_section(0) == 0.0
    assert tracker.current == 1
    tracker.start()
    clock.advance(3)
    assert tracker.spent_slide(1) == 3.0


def test_out_of_range_indices_raise() -> None:
    tracker = PaceTracker(build_deck((120, [None, None])), FakeClock())
    with pytest.raises(IndexError, match="slide 2 out of range"):
        tracker.on_slide(2)
    with pytest.raises(IndexError, match="slide -1 out of range"):
        tracker.spent_slide(-1)
    with pytest.raises(IndexError, match="section 1 out of range"):
        tracker.spent_section(1)
    with pytest.raises(IndexError):
        tracker.pacing(5)


# -- plan offsets ------------------------------------------------------------------


def test_plan_offsets_split_section_plans_evenly_without_slide_durations() -> None:
    deck = build_deck((120, [None, None]), (None, [None]), (90, [None, None, None]))
    assert plan_offsets(deck) == [0.0, 60.0, 120.0, 120.0, 150.0, 180.0]


def test_plan_offsets_use_slide_durations_and_split_the_rest() -> None:
    deck = build_deck((60, [30, None, None]), (20, [5, 5]))
    assert plan_offsets(deck) == [0.0, 30.0, 45.0, 60.0, 65.0]


def test_plan_offsets_stay_inside_a_section_whose_slides_overrun_it() -> None:
    deck = build_deck((60, [50, 50, None]), (60, [None]))
    assert plan_offsets(deck) == [0.0, 50.0, 60.0, 60.0]


def test_unplanned_sections_contribute_nothing_even_with_slide_durations() -> None:
    deck = build_deck((None, [30, 30]), (60, [None, None]), (None, [None]))
    assert plan_offsets(deck) == [0.0, 0.0, 0.0, 30.0, 60.0]


def test_plan_offsets_for_a_thousand_slides() -> None:
    deck = build_deck(*[(1000, [None] * 100) for _ in range(10)])
    offsets = plan_offsets(deck)
    assert len(offsets) == deck.slide_count == 1000
    assert all(math.isclose(offset, 10.0 * i) for i, offset in enumerate(offsets))
    assert offsets == sorted(offsets)


def test_plan_offsets_of_a_loaded_deck(make_deck: DeckFactory) -> None:
    deck = load_deck(make_deck()).deck
    assert deck is not None
    assert plan_offsets(deck) == [0.0, 60.0]


# -- pacing ------------------------------------------------------------------------


def test_expected_elapsed_follows_section_plans() -> None:
    clock = FakeClock()
    tracker = PaceTracker(build_deck((120, [None, None]), (90, [None, None, None])), clock)
    tracker.on_slide(0)
    tracker.start()
    clock.advance(200)
    pace = tracker.pacing(4)
    assert (pace.expected_elapsed, pace.expected_end) == (180.0, 210.0)
    assert (pace.delta, pace.status) == (0.0, "on time")  # inside the slide's planned span
    assert pace.elapsed == 200.0
    assert pace.planned_total == 210
    assert pace.remaining == 10.0


def test_expected_elapsed_uses_slide_durations() -> None:
    tracker = PaceTracker(build_deck((300, [240, None, None]), (60, [None])), FakeClock())
    assert [tracker.pacing(i).expected_elapsed for i in range(4)] == [0.0, 240.0, 270.0, 300.0]


def test_remaining_goes_negative_past_the_deck_duration() -> None:
    clock = FakeClock()
    tracker = PaceTracker(build_deck((60, [None]), duration=90), clock)
    tracker.start()
    clock.advance(100)
    pace = tracker.pacing(0)
    assert pace.planned_total == 90
    assert pace.remaining == -10.0


def _pace_after(seconds: float, slide: int) -> tuple[str | None, str, float | None]:
    """Status, label and delta with one ten-minute section of ten slides (60 s each)."""
    clock = FakeClock()
    tracker = PaceTracker(build_deck((600, [None] * 10)), clock)
    tracker.start()
    clock.advance(seconds)
    pace = tracker.pacing(slide)
    return pace.status, pace.label, pace.delta


@pytest.mark.parametrize(
    ("seconds", "slide", "status", "label", "delta"),
    [
        (0, 0, "early", "", 0.0),
        (119, 9, "early", "", 119.0 - 540.0),  # no verdict in the first two minutes
        (120, 0, "on time", "on time", 60.0),  # slide 1 is planned for 0:00-1:00
        (121, 0, "behind", "1 min behind", 61.0),
        (330, 5, "on time", "on time", 0.0),  # inside slide 6's minute (5:00-6:00)
        (240, 5, "on time", "on time", -60.0),
        (239, 5, "ahead", "1 min ahead", -61.0),
        (300 + 150, 5, "behind", "2 min behind", 90.0),  # counted from the slide's end
        (120, 9, "ahead", "7 min ahead", -420.0),
    ],
)
def test_status_threshold_is_one_minute_around_the_slides_span(
    seconds: float, slide: int, status: str, label: str, delta: float
) -> None:
    assert _pace_after(seconds, slide) == (status, label, delta)


@pytest.mark.parametrize(
    ("delta", "label"),
    [
        (0.0, "on time"),
        (60.0, "on time"),
        (-60.0, "on time"),
        (60.5, "1 min behind"),
        (89.9, "1 min behind"),
        (90.0, "2 min behind"),
        (149.0, "2 min behind"),
        (-61.0, "1 min ahead"),
        (-150.0, "3 min ahead"),
        (3600.0, "60 min behind"),
    ],
)
def test_pace_labels_round_to_whole_minutes(delta: float, label: str) -> None:
    assert pace_label(delta) == label


def test_pace_status_at_and_past_the_threshold() -> None:
    assert pace_status(60.0) == "on time"
    assert pace_status(60.001) == "behind"
    assert pace_status(-60.0) == "on time"
    assert pace_status(-60.001) == "ahead"


def test_section_states_and_overruns() -> None:
    clock = FakeClock()
    deck = build_deck((60, [None]), (60, [None]), (None, [None]), (60, [None]), (60, [None]))
    tracker = PaceTracker(deck, clock)
    tracker.on_slide(0)
    tracker.start()
    clock.advance(121)  # 61 s over its plan
    tracker.on_slide(1)
    clock.advance(120)  # exactly 60 s over: not over
    tracker.on_slide(2)
    clock.advance(500)  # no plan: never over
    tracker.on_slide(3)
    clock.advance(10)
    sections = tracker.pacing(3).sections
    assert [s.state for s in sections] == ["done", "done", "done", "current", "upcoming"]
    assert [s.over for s in sections] == [True, False, False, False, False]
    assert [s.spent for s in sections] == [121.0, 120.0, 500.0, 10.0, 0.0]
    assert [s.planned for s in sections] == [60, 60, None, 60, 60]
    assert [s.index for s in sections] == [0, 1, 2, 3, 4]
    assert sections[0].title == "Section 0"  # emphasis markers stripped


def test_the_current_section_can_be_over() -> None:
    clock = FakeClock()
    tracker = PaceTracker(build_deck((60, [None, None])), clock)
    tracker.on_slide(1)
    tracker.start()
    clock.advance(125)
    (section,) = tracker.pacing(1).sections
    assert (section.state, section.over) == ("current", True)


def test_a_deck_without_section_plans_has_no_pace() -> None:
    clock = FakeClock()
    tracker = PaceTracker(build_deck((None, [None, None]), duration=300), clock)
    tracker.start()
    clock.advance(500)
    pace = tracker.pacing(1)
    assert pace.expected_elapsed is None
    assert pace.delta is None
    assert pace.status is None
    assert pace.label == ""
    assert pace.planned_total == 300
    assert pace.remaining == -200.0
    assert pace.sections[0].over is False


def test_a_deck_without_any_plan_has_no_remaining_time() -> None:
    pace = PaceTracker(build_deck((None, [None])), FakeClock()).pacing(0)
    assert (pace.planned_total, pace.remaining, pace.status) == (None, None, None)


# -- format_clock ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (0.99, "0:00"),
        (59.9, "0:59"),
        (545, "9:05"),
        (600, "10:00"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3723, "1:02:03"),
        (36000, "10:00:00"),
        (-5, "\u22120:05"),
        (-3723, "\u22121:02:03"),
        (-0.4, "0:00"),
    ],
)
def test_format_clock(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_format_clock_refuses_non_finite_numbers(value: float) -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        format_clock(value)


# -- no Qt -------------------------------------------------------------------------

TIMING = """
import sys
import desktop.core.timing, desktop.core.rehearsal
assert not any(m.startswith(("PySide6", "shiboken6")) for m in sys.modules)
print("ok")
"""


def test_timing_and_rehearsal_import_without_qt(run_without_qt: QtFreeRun) -> None:
    done = run_without_qt(TIMING)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "ok\n"
