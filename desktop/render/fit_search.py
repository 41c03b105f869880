"""The search a fit makes: the last of a row of sizes at which a text still fits its box.

A text box (:class:`desktop.render.text.TextBox`) chooses among whole pixel sizes, smallest
first, and a table among its sizes (:func:`desktop.render.table_fit.first_fitting`, from the
other end); whether the text fits holds up to some size and at none above it. Each question
lays the text out, which is what a fit costs, so the search starts at a guess (where the
text laid out at full size says it will just fit: :func:`desktop.render.fit_guess.guess`)
and asks as few questions around it as it can.
"""

from __future__ import annotations

from collections.abc import Callable


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
    return bisect_last(low, high, fits)


def bisect_last(low: int, high: int, fits: Callable[[int], bool]) -> int | None:
    """The last index at which *fits* holds, between *low* (it holds; -1: at none known) and
    *high* (it does not), by bisection; None when it holds at none."""
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low if low >= 0 else None
