"""Carrying talk time over to a reloaded deck. Plain Python, no Qt.

:class:`~desktop.core.timing.PaceTracker` measures one deck. When the deck is reloaded
mid-talk the presenter must not lose a second, so the time spent is replayed into a tracker
for the new deck on a :class:`HeldClock`: a clock that can be held at chosen readings while
the replay runs and otherwise reads the real one.
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
