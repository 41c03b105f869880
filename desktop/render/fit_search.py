"""The searches a fit makes: the last of a row of sizes at which a text still fits its box.

A text box (:class:`desktop.render.text.TextBox`) chooses among whole pixel sizes, smallest
first; whether the text fits holds up to some size and at none above it. Each question lays
the text out, which is what a fit costs, so the searches ask as few as they can:
:func:`last_fitting` from a single guess, :func:`guided_last_fitting` from a fresh guess
after each layout (what the text measured at one size says of where it will just fit).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

GUIDED_STEPS: Final = 4
"""Questions :func:`guided_last_fitting` asks where its guesses say before it bisects what is
left (a guess that keeps missing costs no more than a bisection and these)."""


def last_fitting(count: int, fits: Callable[[int], bool], start: int) -> int | None:
    """The last of the indices ``0`` to ``count - 1`` at which *fits* holds, when it holds up
    to some index and at none after it; None when it holds at none.

    Asked first at *start* (a guess), then 1, 2, 4... indices away from it until the answer
    is bracketed, then by bisection: a guess one off costs three questions at most.
    """
    low, high = -1, count  # fits at low (-1: at none known), not at high
    if count == 0:
        return None
    probe, offset = min(max(start, 0), count - 1), 1
    if fits(probe):
        low = probe
        while probe + offset < high:
            if not fits(probe + offset):
                high = probe + offset
                break
            low, offset = probe + offset, offset * 2
    else:
        high = probe
        while high > 0:
            below = max(probe - offset, 0)
            if fits(below):
                low = below
                break
            high, offset = below, offset * 2
    return _bisect(low, high, fits)


def guided_last_fitting(
    count: int, ask: Callable[[int], tuple[bool, int]], start: int
) -> int | None:
    """The last of the indices ``0`` to ``count - 1`` at which a text fits, as
    :func:`last_fitting` finds it, with *ask* telling at each index whether it fits and
    guessing again from what it measured there: the index at which it would just fit.

    The next question is at that guess, kept inside what is still open (one past an index
    that fits, one short of one that does not: a right guess is confirmed by its neighbour).
    Guesses that creep (a second, third... answer on the same side, each guessing a little
    further) are taken at least 2, 4... indices on. After :data:`GUIDED_STEPS` guesses the
    rest is bisected, so however the guesses miss, at most ``GUIDED_STEPS + 1 +
    log2(count)`` questions are asked, and never one twice.
    """
    low, high = -1, count  # fits at low (-1: at none known), not at high
    probe = min(max(start, 0), count - 1)
    side: bool | None = None
    run = 0
    for _ in range(GUIDED_STEPS + 1):
        if high - low <= 1:
            break
        fits, guess = ask(probe)
        run = run + 1 if fits == side else 1
        side = fits
        stride = 1 << (run - 1)
        if fits:
            low = probe
            guess = max(guess, probe + stride) if guess > probe else guess
        else:
            high = probe
            guess = min(guess, probe - stride) if guess < probe else guess
        probe = min(max(guess, low + 1), high - 1)
    return _bisect(low, high, lambda index: ask(index)[0])


def _bisect(low: int, high: int, fits: Callable[[int], bool]) -> int | None:
    """The answer between *low* (fits; -1: none known to) and *high* (does not fit)."""
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low if low >= 0 else None
