"""Where a viewer goes in a reloaded deck: the same slide by id, else the nearest that survived.

Every window that shows a deck (the main window, the presenter) keeps its place across a
reload, and across a switch of display language, with :func:`follow_map`; slide *numbers* are
never carried over, since an edit above the current slide shifts them, and so does a display
whose slides split into other parts (:mod:`desktop.core.paging`). Plain Python, no Qt.
"""

from __future__ import annotations

from desktop.core.model import Deck
from desktop.core.paging import PART_SEPARATOR


def follow_map(old: Deck, new: Deck) -> tuple[int, ...]:
    """For each slide of *old* (by index), the index in *new* a viewer of it goes to.

    * A slide whose id is still in *new* maps to where that id is now.
    * A part of a slide (``x~2``) that *new* does not have (the slide is in fewer parts, or
      one) maps to the slide's first part (``x``): the same slide, not a neighbour. A slide
      now in parts maps to its first, since that has its id.
    * A slide that is gone maps to the *nearest surviving* slide: searching outward from it in
      the old order, the next slide first, then the previous one, then two away, and so on,
      until a slide whose id is still in *new* is found. Deleting the slide on screen thus
      shows the one that followed it (or, at the end of the deck, the one before it).
    * When no slide of *old* survived, the old index is kept, clamped to *new*.

    *new* with no slides maps everything to 0.
    """
    count = new.slide_count
    where: dict[str, int] = {}
    for ref in new.refs:
        where.setdefault(ref.slide.id, ref.index)
    direct = [_found(where, ref.slide.id) for ref in old.refs]
    size = len(direct)
    following: list[int | None] = [None] * size  # the nearest surviving old index at or after
    preceding: list[int | None] = [None] * size  # ... at or before
    found: int | None = None
    for index in range(size - 1, -1, -1):
        if direct[index] is not None:
            found = index
        following[index] = found
    found = None
    for index in range(size):
        if direct[index] is not None:
            found = index
        preceding[index] = found
    moves: list[int] = []
    for index in range(size):
        after, before = following[index], preceding[index]
        if after is None and before is None:
            moves.append(max(0, min(index, count - 1)))
            continue
        if before is None or (after is not None and after - index <= index - before):
            nearest = after
        else:
            nearest = before
        assert nearest is not None
        target = direct[nearest]
        assert target is not None
        moves.append(target)
    return tuple(moves)


def _found(where: dict[str, int], slide_id: str) -> int | None:
    """Where *slide_id* is, else its slide's first part (a part's id is the slide's id,
    :data:`~desktop.core.paging.PART_SEPARATOR` and its number)."""
    found = where.get(slide_id)
    if found is None and PART_SEPARATOR in slide_id:
        found = where.get(slide_id.rpartition(PART_SEPARATOR)[0])
    return found


def follow(old: Deck, new: Deck, index: int, wanted: str | None = None) -> int:
    """The index in *new* for a viewer of slide *index* of *old* (see :func:`follow_map`).

    Args:
        old: The deck the viewer showed.
        new: The reloaded deck.
        index: The viewer's slide in *old*.
        wanted: The id of the slide the viewer last chose. It differs from *old*'s slide at
            *index* only when an earlier reload moved the viewer off it (the slide had gone);
            when that slide is back (a save written in two steps), the viewer returns to it.
    """
    if wanted is not None:
        back = new.index_of(wanted)
        if back is not None:
            return back
    if not 0 <= index < old.slide_count:
        return max(0, min(index, new.slide_count - 1))
    return follow_map(old, new)[index]
