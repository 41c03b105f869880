"""Which slides the talk presents, and how they count: hidden slides and backup. Qt-free.

A slide with ``hidden: true`` is never presented in sequence, exported (unless asked) or
counted: the main window shows it marked, and the presenter reaches it only by going to it
(privately, as every go-to). A section with ``backup: true`` comes after the talk's end (the
deck puts the backup sections last, :class:`~desktop.core.model.Deck`): the talk's numbers
("5 / 20"), its agenda, its plan and its end stop before the first backup slide, and the
backup slides count on their own ("B2 / 3"), reached by going to them during questions.

Every surface asks :attr:`Deck.talk <desktop.core.model.Deck.talk>`, computed once per deck.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.builds import step_count
from desktop.core.i18n import _
from desktop.core.model import Deck
from desktop.core.navigation import Route

BACKUP_PREFIX = "B"
"""Before a backup slide's number: ``B2 / 3``."""


@dataclass(frozen=True)
class Talk:
    """The talk's shape over a deck's slides (by index, as in ``deck.refs``).

    Attributes:
        end: The first backup slide's index: the talk is the slides before it (the deck's
            slide count when it has no backup).
        hidden: The hidden slides.
        numbers: Each slide's number in its part (the talk, the backup), from 1; 0 for a
            hidden slide.
        count: The talk's slides, hidden ones left out (the *N* of "n / N").
        backup_count: The backup's slides, hidden ones left out.
        steps: Each slide's steps (:func:`desktop.core.builds.step_count`).
    """

    end: int
    hidden: frozenset[int]
    numbers: tuple[int, ...]
    count: int
    backup_count: int
    steps: tuple[int, ...]

    @classmethod
    def of(cls, deck: Deck) -> Talk:
        end = next((ref.index for ref in deck.refs if ref.section.backup), deck.slide_count)
        hidden = frozenset(ref.index for ref in deck.refs if ref.slide.hidden)
        numbers: list[int] = []
        counts = [0, 0]
        for ref in deck.refs:
            if ref.index in hidden:
                numbers.append(0)
                continue
            part = 1 if ref.index >= end else 0
            counts[part] += 1
            numbers.append(counts[part])
        steps = tuple(step_count(ref.slide) for ref in deck.refs)
        return cls(end, hidden, tuple(numbers), counts[0], counts[1], steps)

    def in_backup(self, index: int) -> bool:
        return index >= self.end

    def presented(self, index: int) -> bool:
        """Whether slide *index* is in the talk proper: neither hidden nor backup."""
        return index < self.end and index not in self.hidden

    def label(self, index: int) -> str:
        """The slide's number as its footer and the console show it: ``5 / 20``, ``B2 / 3``,
        or ``hidden``."""
        if index in self.hidden:
            return "hidden"
        if self.in_backup(index):
            return f"{BACKUP_PREFIX}{self.numbers[index]} / {self.backup_count}"
        return f"{self.numbers[index]} / {self.count}"

    def number(self, index: int) -> str:
        """The slide's short number: ``5``, ``B2`` in the backup, ``H`` for a hidden slide
        (page labels, outlines)."""
        if index in self.hidden:
            return "H"
        prefix = BACKUP_PREFIX if self.in_backup(index) else ""
        return f"{prefix}{self.numbers[index]}"

    def mark(self, index: int) -> str:
        """What the main window's lists add to a slide's name: ``hidden``, ``backup`` or
        nothing (in the interface language)."""
        if index in self.hidden:
            return _("hidden")
        return _("backup") if self.in_backup(index) else ""

    def last(self) -> int:
        """The talk's last slide that is presented (its end); 0 when none is."""
        return next((i for i in range(self.end - 1, -1, -1) if i not in self.hidden), 0)

    def exported(
        self, chosen: Sequence[int], *, include_hidden: bool = False, backup: bool = True
    ) -> list[int]:
        """The slides of *chosen* an export includes: hidden ones only when asked, backup ones
        unless left out (they come last in the deck, so last in the export too)."""
        return [
            index
            for index in chosen
            if (include_hidden or index not in self.hidden) and (backup or index < self.end)
        ]

    def route(self, enter_complete: bool = True) -> Route:
        """How the presenter's next and previous move: through each slide's steps, past the
        hidden slides, and never across the talk's end (*enter_complete*: back into a slide
        shows it complete). The main window's plain :class:`Route` goes through everything."""
        return Route(self.steps, self.hidden, self.end, enter_complete)
