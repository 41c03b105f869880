"""How a slide's items go over its parts: as many on each as can be, or balanced by height.
No Qt.

:mod:`desktop.core.paging_content` decides how many parts a slide too full for two languages
takes and asks here which items each part shows: :func:`even_runs` where the items fit so
(six rows in three parts: two on each), else :func:`balanced_runs` (a table's last part,
with its note under it, holds fewer rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final


def even_runs(count: int, parts: int) -> list[range]:
    """*count* items in *parts* consecutive runs as even in items as can be, the earlier ones
    the fuller (7 in 3: 3, 2, 2; fewer items than parts: one each, then empty runs)."""
    size, extra = divmod(count, parts)
    starts = [n * size + min(n, extra) for n in range(parts + 1)]
    return [range(starts[n], starts[n + 1]) for n in range(parts)]


def balanced_runs(heights: Sequence[float], parts: int, tail: float = 0.0) -> list[range]:
    """*heights* in *parts* consecutive runs (fewer items than parts: one each, then empty
    runs), the tallest run (the last one *tail* taller) about as short as it can be, and the
    others about as tall as it (not one item on the first part and the rest full).

    A bisection over the tallest run allowed, each step one greedy pass from the end, then
    :func:`_evened`: linear in the items, whatever their number.
    """
    count = len(heights)
    if parts <= 1 or count <= 1:
        return [range(count)] + [range(count, count)] * (parts - 1)
    wanted = min(parts, count)
    low, high = max(max(heights), heights[-1] + tail), sum(heights) + tail
    for _ in range(RUN_BISECTIONS):
        middle = (low + high) / 2
        if len(_runs_within(heights, middle, tail)) <= wanted:
            high = middle
        else:
            low = middle
    runs = _runs_within(heights, high, tail)
    while len(runs) < wanted:  # split the run of most items: no run gets taller
        longest = max(range(len(runs)), key=lambda n: len(runs[n]))
        run = runs[longest]
        cut = run.start + len(run) // 2
        runs[longest : longest + 1] = [range(run.start, cut), range(cut, run.stop)]
    return _evened(heights, runs, tail) + [range(count, count)] * (parts - len(runs))


def _evened(heights: Sequence[float], runs: list[range], tail: float) -> list[range]:
    """*runs* with items moved from the start of a run to the end of the one before while
    that makes the taller of the two shorter (so no run gets taller than the tallest was)."""
    starts = [run.start for run in runs] + [len(heights)]
    totals = [sum(heights[i] for i in run) for run in runs]
    totals[-1] += tail
    for _ in range(len(runs)):  # a pass moves an item on at most one run further
        moved = False
        for n in range(len(runs) - 1):
            while starts[n + 2] - starts[n + 1] > 1:  # the later run keeps an item
                item = heights[starts[n + 1]]
                if totals[n] + item >= totals[n + 1]:
                    break
                totals[n] += item
                totals[n + 1] -= item
                starts[n + 1] += 1
                moved = True
        if not moved:
            break
    return [range(starts[n], starts[n + 1]) for n in range(len(runs))]


RUN_BISECTIONS: Final = 30
"""Steps of :func:`balanced_runs`' bisection (a pixel's precision on any slide)."""


def _runs_within(heights: Sequence[float], limit: float, tail: float) -> list[range]:
    """Consecutive runs, filled from the end, none taller than *limit* (the last with *tail*)."""
    runs: list[range] = []
    stop, used = len(heights), tail
    for index in range(len(heights) - 1, -1, -1):
        if used + heights[index] > limit and index + 1 < stop:
            runs.append(range(index + 1, stop))
            stop, used = index + 1, 0.0
        used += heights[index]
    runs.append(range(0, stop))
    return runs[::-1]
