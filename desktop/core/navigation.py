"""Where the presenter is: a cursor over the slides with back/forward history. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from desktop.core.model import Deck

HISTORY_LIMIT = 200


@dataclass(frozen=True)
class Route:
    """How next and previous move over the slides (the presenter's: :meth:`Talk.route
    <desktop.core.talk.Talk.route>`; the default goes slide by slide through all).

    Attributes:
        steps: Each slide's steps (a build); a slide not listed has one.
        skip: Slides next and previous pass over (the hidden ones).
        end: Where the talk ends: next and previous stay on their side of it (the backup
            after it is reached by jumps); None: no end before the last slide.
        enter_complete: Previous into a slide shows its last step (else its first).
    """

    steps: tuple[int, ...] = ()
    skip: frozenset[int] = frozenset()
    end: int | None = None
    enter_complete: bool = True

    def steps_of(self, index: int) -> int:
        return self.steps[index] if 0 <= index < len(self.steps) else 1

    def same_part(self, a: int, b: int) -> bool:
        return self.end is None or (a < self.end) == (b < self.end)


@dataclass
class Navigator:
    """A cursor over ``count`` slides and the steps of the current one.

    Sequential moves (next, previous) go step by step, then slide by slide along the
    :class:`Route`, and do not enter the history; jumps (go to, first, last, a section, a
    search hit) do, like a browser's back/forward, and show the slide complete. At the ends,
    next and previous stay put and return False.
    """

    count: int
    current: int = 0
    route: Route = field(default_factory=Route)
    step: int = -1
    """The current slide's step, from 0 (-1 when made: its last, the slide complete)."""
    _back: list[int] = field(default_factory=list, repr=False)
    _forward: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.current = self.clamp(self.current)
        self.step = self.last_step if self.step < 0 else min(self.step, self.last_step)

    @property
    def last_step(self) -> int:
        """The current slide's last step (0 for a slide without a build)."""
        return self.route.steps_of(self.current) - 1

    @property
    def has_next_step(self) -> bool:
        return self.step < self.last_step

    def _neighbour(self, delta: int) -> int | None:
        """The slide next (+1) or previous (-1) goes to, or None at an end."""
        index = self.current + delta
        while 0 <= index < self.count and self.route.same_part(index, self.current):
            if index not in self.route.skip:
                return index
            index += delta
        return None

    def next_view(self) -> tuple[int, int] | None:
        """Where next goes, as ``(slide, step)``, without going; None at the end."""
        if self.has_next_step:
            return self.current, self.step + 1
        target = self._neighbour(1)
        return (target, 0) if target is not None else None

    def clamp(self, index: int) -> int:
        return max(0, min(index, self.count - 1)) if self.count else 0

    @property
    def at_start(self) -> bool:
        return self.current == 0

    @property
    def at_end(self) -> bool:
        """Nothing after: no step left here and no slide after on the route."""
        return self.next_view() is None

    def next(self) -> bool:
        view = self.next_view()
        if view is None:
            return False
        self.current, self.step = view
        return True

    def previous(self) -> bool:
        if self.step > 0:
            self.step -= 1
            return True
        target = self._neighbour(-1)
        if target is None:
            return False
        self.current = target
        self.step = self.last_step if self.route.enter_complete else 0
        return True

    def go_to(self, index: int, record: bool = True) -> bool:
        """Jump to *index* (clamped), shown complete; return whether the slide changed."""
        target = self.clamp(index)
        if target == self.current:
            return False
        if record:
            self._back.append(self.current)
            del self._back[:-HISTORY_LIMIT]
            self._forward.clear()
        self.current = target
        self.step = self.last_step
        return True

    def first(self) -> bool:
        return self.go_to(0)

    def last(self) -> bool:
        return self.go_to(self.count - 1)

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> bool:
        if not self._back:
            return False
        self._forward.append(self.current)
        self.current = self.clamp(self._back.pop())
        self.step = self.last_step
        return True

    def forward(self) -> bool:
        if not self._forward:
            return False
        self._back.append(self.current)
        self.current = self.clamp(self._forward.pop())
        self.step = self.last_step
        return True

    def resize(self, count: int, current: int | None = None, route: Route | None = None) -> None:
        """The deck changed (reload): keep the position and its step if possible (the step
        as far as the slide still has it), drop stale history."""
        self.count = count
        if route is not None:
            self.route = route
        self.current = self.clamp(self.current if current is None else current)
        self.step = max(0, min(self.step, self.last_step))
        self._back = [i for i in self._back if i < count]
        self._forward = [i for i in self._forward if i < count]


# -- what both windows share: typed slide numbers, the sections' first slides -------------

MAX_TYPED: Final = 5
"""Digits of a typed slide number."""


def type_digit(typed: str, key: str) -> str | None:
    """*typed* with the digit *key* added; None when *key* is not one ASCII digit or the number
    is already :data:`MAX_TYPED` digits long."""
    if len(key) != 1 or key not in "0123456789" or len(typed) >= MAX_TYPED:
        return None
    return typed + key


def typed_index(typed: str) -> int | None:
    """The slide index a typed number names (``"3"`` → 2); None for nothing or zero."""
    number = int(typed) if typed.isascii() and typed.isdigit() else 0
    return number - 1 if number >= 1 else None


def section_slide(deck: Deck, section_index: int) -> int | None:
    """The first slide of section *section_index*, or None when the deck has no such section."""
    if 0 <= section_index < len(deck.sections):
        return deck.section_start(section_index)
    return None
