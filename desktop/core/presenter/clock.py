"""The talk's time as the presenter keeps it, across reloads. Plain Python, no Qt.

:class:`TalkTime` times the slide on the projector and starts the clock at the first advance.
:class:`~desktop.core.timing.PaceTracker` measures one deck: when the deck is reloaded
mid-talk the presenter must not lose a second, so the time spent is replayed into a tracker
for the new deck (:func:`carry_over`) on a :class:`HeldClock`: a clock that can be held at
chosen readings while the replay runs and otherwise reads the real one.
"""

from __future__ import annotations

from desktop.core.model import Deck
from desktop.core.timing import Clock, PaceTracker


class HeldClock:
    """A clock that reads *source*, except while held at a reading of its own.

    Args:
        source: The real monotonic clock.
    """

    def __init__(self, source: Clock) -> None:
        self.source = source
        self._held: float | None = None

    def __call__(self) -> float:
        return self._held if self._held is not None else self.source()

    def hold(self, reading: float) -> None:
        self._held = reading

    def advance(self, seconds: float) -> None:
        """Move a held clock on by *seconds*."""
        if self._held is None:
            raise RuntimeError("advance() needs a held clock")
        self._held += seconds

    def release(self) -> None:
        self._held = None


def slide_mapping(old: Deck, new: Deck) -> dict[int, int]:
    """Old slide index → new index, for every slide whose id is still in *new*."""
    where: dict[str, int] = {}
    for ref in new.refs:
        where.setdefault(ref.slide.id, ref.index)
    return {ref.index: where[ref.slide.id] for ref in old.refs if ref.slide.id in where}


def carry_over(
    old: PaceTracker, deck: Deck, clock: HeldClock, mapping: dict[int, int], current: int
) -> PaceTracker:
    """A tracker for *deck* holding *old*'s time: elapsed, pause state and time per slide.

    Time spent on slides that are gone is credited to *current* (so the elapsed time stays
    exact); *current* is the slide the new tracker times from now on.

    Args:
        old: The tracker of the deck being replaced.
        deck: The reloaded deck.
        clock: The clock *old* reads, which the new tracker reads too.
        mapping: Old slide index → new index (see :func:`slide_mapping`).
        current: The new index of the slide on the projector.
    """
    tracker = PaceTracker(deck, clock)
    timer = old.timer
    if not timer.started:
        tracker.on_slide(current)
        return tracker
    now = clock()
    elapsed = timer.elapsed
    spent: dict[int, float] = {}
    for old_index, new_index in mapping.items():
        spent[new_index] = spent.get(new_index, 0.0) + old.spent_slide(old_index)
    clock.hold(now - elapsed)
    try:
        tracker.start()
        for index, seconds in spent.items():
            if index != current:
                tracker.on_slide(index)
                clock.advance(seconds)
        tracker.on_slide(current)
        clock.hold(now)
        if timer.paused:
            tracker.pause()
    finally:
        clock.release()
    return tracker


class TalkTime:
    """The talk's timing: the projector's slide is timed, from the first advance on.

    Args:
        deck: The deck presented.
        clock: Monotonic seconds.
        shown: The slide on the projector at the start (timed once the clock starts).
    """

    def __init__(self, deck: Deck, clock: Clock, shown: int) -> None:
        self._clock = HeldClock(clock)
        self._tracker = PaceTracker(deck, self._clock)
        self._shown = shown
        self._tracker.on_slide(shown)

    @property
    def tracker(self) -> PaceTracker:
        """The timing of the deck presented (a new one after each reload)."""
        return self._tracker

    def shown(self, index: int) -> None:
        """The projector shows slide *index*: time it (the first advance starts the clock)."""
        if index == self._shown:
            return
        if not self._tracker.timer.started:
            self._tracker.start()
        self._tracker.on_slide(index)
        self._shown = index

    def reload(self, old: Deck, deck: Deck, current: int) -> None:
        """The deck was reloaded: carry the time over; *current* is the projector's slide."""
        mapping = slide_mapping(old, deck)
        self._tracker = carry_over(self._tracker, deck, self._clock, mapping, current)
        self._shown = current
