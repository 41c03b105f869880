"""Carrying the talk's time over to a reloaded deck."""

from __future__ import annotations

import pytest

from desktop.core.model import Deck
from desktop.core.presenter.clock import HeldClock, TalkTime, carry_over, slide_mapping
from desktop.core.timing import PaceTracker
from tests.conftest import FakeClock, FilesLoader, section_yaml


def _deck(load_files: FilesLoader, sections: dict[str, str], name: str = "deck") -> Deck:
    files: dict[str, str | bytes | None] = {
        "deck.yaml": "title: T\nduration: 10m\nsections: [" + ", ".join(sections) + "]\n",
        "a.yaml": None,
    }
    files.update(sections)
    return load_files(files, name=name)


B_SLIDES = ("{id: b1, layout: section}", "{id: b2, title: Four, bullets: [y]}")
SECTION_A = section_yaml(
    "A", "{id: a1, layout: section}", "{id: a2, title: Two, bullets: [x]}", duration="2m"
)
SECTION_B = section_yaml("B", *B_SLIDES, duration="3m")
SECTION_B_EDITED = section_yaml(
    "B", "{id: new, title: Inserted, bullets: [z]}", *B_SLIDES, duration="3m"
)


def test_slide_mapping_follows_ids(load_files: FilesLoader) -> None:
    old = _deck(load_files, {"a.yaml": SECTION_A, "b.yaml": SECTION_B}, "old")
    new = _deck(load_files, {"a.yaml": SECTION_A, "b.yaml": SECTION_B_EDITED}, "new")
    assert slide_mapping(old, new) == {0: 0, 1: 1, 2: 3, 3: 4}


def test_carry_over_keeps_elapsed_and_time_per_slide(load_files: FilesLoader) -> None:
    old = _deck(load_files, {"a.yaml": SECTION_A, "b.yaml": SECTION_B}, "old")
    new = _deck(load_files, {"b.yaml": SECTION_B_EDITED}, "new")  # section A is gone
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


def test_carry_over_keeps_a_paused_timer_paused(load_files: FilesLoader) -> None:
    deck = _deck(load_files, {"a.yaml": SECTION_A, "b.yaml": SECTION_B})
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


def test_carry_over_of_a_timer_not_started(load_files: FilesLoader) -> None:
    deck = _deck(load_files, {"a.yaml": SECTION_A})
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


def test_talk_time_starts_at_the_first_advance_and_survives_a_reload(
    load_files: FilesLoader,
) -> None:
    old = _deck(load_files, {"a.yaml": SECTION_A, "b.yaml": SECTION_B}, "old")
    new = _deck(load_files, {"a.yaml": SECTION_A, "b.yaml": SECTION_B_EDITED}, "new")
    source = FakeClock()
    time = TalkTime(old, source, 0)
    source.advance(60)  # people sit down
    time.shown(0)
    assert not time.tracker.timer.started
    time.shown(1)
    source.advance(30)
    time.shown(1)  # the same slide again: nothing changes
    assert time.tracker.timer.elapsed == pytest.approx(30)
    before = time.tracker
    time.reload(old, new, 1)
    assert time.tracker is not before and time.tracker.deck is new
    assert time.tracker.spent_slide(1) == pytest.approx(30)
    source.advance(10)
    time.shown(3)  # b1, one slide further down in the new deck
    assert time.tracker.timer.elapsed == pytest.approx(40)
    assert time.tracker.current == 3
