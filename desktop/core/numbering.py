"""One numbering of a deck's sections, for every surface that shows it. Qt-free.

The numbered sections (:attr:`Section.is_numbered`: the actions of the bundled deck) count
1, 2, 3, … in deck order; an overview or closing section has no number. The agenda, the
section slides, the presenter console and the outline all take the numbers from here.
"""

from __future__ import annotations

from desktop.core.model import Deck, Section


def _index(deck: Deck, section: int | Section) -> int:
    if isinstance(section, int):
        return section
    for index, candidate in enumerate(deck.sections):
        if candidate is section:
            return index
    return deck.sections.index(section)


def action_number(deck: Deck, section: int | Section) -> int | None:
    """The number of *section* (a section of *deck* or its index) among the numbered
    sections, from 1; None when it is not numbered.

    Raises:
        IndexError: *section* is an index outside the deck.
        ValueError: *section* is not a section of the deck.
    """
    index = _index(deck, section)
    if not deck.sections[index].is_numbered:
        return None
    return sum(1 for s in deck.sections[:index] if s.is_numbered) + 1


def action_count(deck: Deck) -> int:
    """How many sections are numbered."""
    return sum(1 for section in deck.sections if section.is_numbered)


def number_label(deck: Deck, section: int | Section) -> str:
    """``"3 / 10"`` for a numbered section, ``""`` for another."""
    number = action_number(deck, section)
    return f"{number} / {action_count(deck)}" if number is not None else ""
