"""Where the presenter is: a cursor over the slides with back/forward history. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from desktop.core.model import Deck

HISTORY_LIMIT = 200


@dataclass
class Navigator:
    """A cursor over ``count`` slides.

    Sequential moves (next, previous) do not enter the history; jumps (go to,
    first, last, a section, a search hit) do, like a browser's back/forward.
    At the ends, next and previous stay put and return False.
    """

    count: int
    current: int = 0
    _back: list[int] = field(default_factory=list, repr=False)
    _forward: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.current = self.clamp(self.current)

    def clamp(self, index: int) -> int:
        return max(0, min(index, self.count - 1)) if self.count else 0

    @property
    def at_start(self) -> bool:
        return self.current == 0

    @property
    def at_end(self) -> bool:
        return self.current >= self.count - 1

    def next(self) -> bool:
        if self.at_end:
            return False
        self.current += 1
        return True

    def previous(self) -> bool:
        if self.at_start:
            return False
        self.current -= 1
        return True

    def go_to(self, index: int, record: bool = True) -> bool:
        """Jump to *index* (clamped); return whether the slide changed."""
        target = self.clamp(index)
        if target == self.current:
            return False
        if record:
            self._back.append(self.current)
            del self._back[:-HISTORY_LIMIT]
            self._forward.clear()
        self.current = target
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
        return True

    def forward(self) -> bool:
        if not self._forward:
            return False
        self._back.append(self.current)
        self.current = self.clamp(self._forward.pop())
        return True

    def resize(self, count: int, current: int | None = None) -> None:
        """The deck changed (reload): keep the position if possible, drop stale history."""
        self.count = count
        self.current = self.clamp(self.current if current is None else current)
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
