"""Talk timing and pacing: the elapsed-time clock and time spent per slide and section. No Qt.

Every class takes an injected :data:`Clock` (monotonic seconds), so tests drive time by hand.

Usage::

    tracker = PaceTracker(deck, time.monotonic)
    tracker.on_slide(0)  # the slide on screen
    tracker.start()
    ...
    tracker.on_slide(1)  # whenever the shown slide changes
    pace = tracker.pacing(1)
    print(format_clock(pace.elapsed), pace.label)
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.pacing import THRESHOLD, PaceStatus, has_plan, judge, plan_spans

Clock: TypeAlias = Callable[[], float]
"""Monotonic seconds, e.g. :func:`time.monotonic`."""

SectionState: TypeAlias = Literal["done", "current", "upcoming"]

_MINUS: Final = "\u2212"


class TalkTimer:
    """The talk's elapsed time: starts stopped, can pause; paused time does not count.

    Args:
        clock: Monotonic seconds.
    """

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._started = False
        self._paused = False
        self._banked = 0.0
        """Seconds counted up to the last pause (or start/resume mark)."""
        self._since = 0.0
        """Clock reading when the timer last started or resumed running."""

    @property
    def started(self) -> bool:
        """Whether :meth:`start` was called since creation or the last :meth:`reset`."""
        return self._started

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def running(self) -> bool:
        """Started and not paused: elapsed time is going up."""
        return self._started and not self._paused

    @property
    def elapsed(self) -> float:
        """Seconds the timer has been running; frozen while paused, 0 before start."""
        if self.running:
            return self._banked + (self._clock() - self._since)
        return self._banked

    def start(self) -> None:
        """Start counting; does nothing if already started (running or paused)."""
        if self._started:
            return
        self._started = True
        self._paused = False
        self._since = self._clock()

    def pause(self) -> None:
        """Freeze elapsed time; does nothing unless running."""
        if not self.running:
            return
        self._banked += self._clock() - self._since
        self._paused = True

    def resume(self) -> None:
        """Carry on counting after :meth:`pause`; does nothing unless paused."""
        if not (self._started and self._paused):
            return
        self._paused = False
        self._since = self._clock()

    def toggle_pause(self) -> None:
        """Pause when running, resume when paused; a timer not yet started is started."""
        if not self._started:
            self.start()
        elif self._paused:
            self.resume()
        else:
            self.pause()

    def reset(self) -> None:
        """Back to the state of a new timer: stopped, not started, 0 elapsed."""
        self._started = False
        self._paused = False
        self._banked = 0.0
        self._since = 0.0


@dataclass(frozen=True, slots=True)
class SectionPace:
    """One section's plan against the time spent on it.

    Attributes:
        index: The section's index in the deck.
        title: Plain-text title.
        planned: Planned seconds, or None when the section has no plan.
        spent: Seconds spent on the section's slides so far.
        state: Before, at or after the section of the current slide.
        over: Spent exceeds the plan by more than :data:`THRESHOLD` seconds.
    """

    index: int
    title: str
    planned: int | None
    spent: float
    state: SectionState
    over: bool


@dataclass(frozen=True, slots=True)
class Pacing:
    """Where the talk stands against its plan at one moment.

    Attributes:
        elapsed: Seconds of talk so far.
        planned_total: The talk's planned length (:meth:`Deck.planned_seconds`), or None.
        remaining: ``planned_total - elapsed`` (negative when over time), or None.
        expected_elapsed: The planned start of the current slide (see
            :func:`~desktop.core.pacing.plan_spans`), or None when no section has a plan.
        expected_end: The planned end of the current slide, or None without a plan.
        delta: Seconds outside the slide's planned span, positive behind, negative ahead
            (:func:`~desktop.core.pacing.judge`). None without a plan.
        status: On time within :data:`THRESHOLD` seconds of the span, else behind or ahead;
            ``early`` in the first :data:`~desktop.core.pacing.MIN_ELAPSED` seconds; None
            without a plan.
        label: ``"on time"``, ``"2 min behind"``, ``"1 min ahead"``; empty while early or
            without a plan.
        sections: Every section's plan and time spent, in deck order.
    """

    elapsed: float
    planned_total: int | None
    remaining: float | None
    expected_elapsed: float | None
    expected_end: float | None
    delta: float | None
    status: PaceStatus | None
    label: str
    sections: tuple[SectionPace, ...]


def format_clock(seconds: float) -> str:
    """``0:00``, ``9:05``, ``1:02:03``; whole seconds, truncated; negative with a leading "−".

    Raises:
        ValueError: *seconds* is not a finite number.
    """
    if not math.isfinite(seconds):
        raise ValueError(f"not a finite number of seconds: {seconds!r}")
    whole = int(abs(seconds))
    sign = _MINUS if seconds < 0 and whole else ""
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


class PaceTracker:
    """Time actually spent on each slide and section while the talk runs.

    The tracker owns the talk's :class:`TalkTimer` and measures in talk time, so paused time
    never counts. Time accrues to the slide last passed to :meth:`on_slide` (and its section)
    while the timer runs; the slide shown when the timer starts is the first one timed.
    Control the talk through the tracker (:meth:`start`, :meth:`pause`, :meth:`resume`,
    :meth:`toggle_pause`, :meth:`reset`); :attr:`timer` is for reading.

    Args:
        deck: The deck being presented; slide indices refer to ``deck.refs``.
        clock: Monotonic seconds.
    """

    def __init__(self, deck: Deck, clock: Clock) -> None:
        self._deck = deck
        self._timer = TalkTimer(clock)
        self._starts, self._ends = plan_spans(deck)
        self._has_plan = has_plan(deck)
        self._slides = [0.0] * deck.slide_count
        self._sections = [0.0] * len(deck.sections)
        self._current: int | None = None
        self._mark = 0.0
        """Talk time when time was last credited to the current slide."""

    @property
    def deck(self) -> Deck:
        return self._deck

    @property
    def timer(self) -> TalkTimer:
        return self._timer

    @property
    def current(self) -> int | None:
        """The slide time accrues to: the last index given to :meth:`on_slide`."""
        return self._current

    def start(self) -> None:
        self._timer.start()

    def pause(self) -> None:
        self._timer.pause()

    def resume(self) -> None:
        self._timer.resume()

    def toggle_pause(self) -> None:
        self._timer.toggle_pause()

    def reset(self) -> None:
        """Stop the timer and forget all time spent; the current slide stays current."""
        self._timer.reset()
        self._slides = [0.0] * len(self._slides)
        self._sections = [0.0] * len(self._sections)
        self._mark = 0.0

    def on_slide(self, index: int) -> None:
        """The shown slide is now *index*: credit the time since the last change, then switch.

        Raises:
            IndexError: *index* is not a slide of the deck.
        """
        self._check_slide(index)
        self._settle()
        self._current = index

    def spent_slide(self, index: int) -> float:
        """Seconds of talk spent on slide *index*, including the visit in progress.

        Raises:
            IndexError: *index* is not a slide of the deck.
        """
        self._check_slide(index)
        live = self._live() if index == self._current else 0.0
        return self._slides[index] + live

    def spent_section(self, section_index: int) -> float:
        """Seconds of talk spent on the slides of section *section_index*, live included.

        Raises:
            IndexError: *section_index* is not a section of the deck.
        """
        if not 0 <= section_index < len(self._sections):
            raise IndexError(
                f"section {section_index} out of range (deck has {len(self._sections)})"
            )
        current = self._current
        shown = current is not None and self._deck.refs[current].section_index == section_index
        return self._sections[section_index] + (self._live() if shown else 0.0)

    def pacing(self, current_index: int) -> Pacing:
        """How the talk stands with slide *current_index* on screen.

        Raises:
            IndexError: *current_index* is not a slide of the deck.
        """
        self._check_slide(current_index)
        elapsed = self._timer.elapsed
        planned_total = self._deck.planned_seconds()
        remaining = None if planned_total is None else planned_total - elapsed
        expected: float | None = None
        expected_end: float | None = None
        delta: float | None = None
        status: PaceStatus | None = None
        label = ""
        if self._has_plan:
            expected = self._starts[current_index]
            expected_end = self._ends[current_index]
            verdict = judge(elapsed, expected, expected_end)
            delta, status, label = verdict.delta, verdict.status, verdict.label
        return Pacing(
            elapsed=elapsed,
            planned_total=planned_total,
            remaining=remaining,
            expected_elapsed=expected,
            expected_end=expected_end,
            delta=delta,
            status=status,
            label=label,
            sections=self._section_paces(self._deck.refs[current_index].section_index),
        )

    def _section_paces(self, current_section: int) -> tuple[SectionPace, ...]:
        paces: list[SectionPace] = []
        for index, section in enumerate(self._deck.sections):
            spent = self.spent_section(index)
            state: SectionState = (
                "done"
                if index < current_section
                else "current"
                if index == current_section
                else "upcoming"
            )
            over = section.duration is not None and spent - section.duration > THRESHOLD
            paces.append(
                SectionPace(index, plain(section.title), section.duration, spent, state, over)
            )
        return tuple(paces)

    def _live(self) -> float:
        """Talk time since the last credit, not yet added to the current slide."""
        return self._timer.elapsed - self._mark

    def _settle(self) -> None:
        now = self._timer.elapsed
        if self._current is not None:
            spent = now - self._mark
            self._slides[self._current] += spent
            self._sections[self._deck.refs[self._current].section_index] += spent
        self._mark = now

    def _check_slide(self, index: int) -> None:
        if not 0 <= index < len(self._slides):
            raise IndexError(f"slide {index} out of range (deck has {len(self._slides)})")
