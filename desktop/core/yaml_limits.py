"""The limits a deck's YAML files are read under, and the budgets that count against them.

A file may hold at most :data:`MAX_FILE_BYTES` bytes and expand (alias expansion included) to
:data:`MAX_NODES` values and :data:`MAX_FILE_TEXT` characters; the files of one deck together
to :data:`MAX_DECK_VALUES` and :data:`MAX_DECK_TEXT`. :class:`DeckBudget` counts a deck's
files, :class:`FileBudget` one file as it is converted; past a limit the file is refused
with a located problem (:class:`RefusedError`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, NoReturn

from yaml.constructor import SafeConstructor

from desktop.core.i18n import N_, _
from desktop.core.problems import Location, Problem

MAX_FILE_BYTES: Final = 2 * 1024 * 1024
"""Largest deck file we read; a slide file is a few kilobytes."""
MAX_NODES: Final = 100_000
"""Largest number of values a file may expand to (alias expansion included)."""
MAX_FILE_TEXT: Final = 1_000_000
"""Most characters of text (keys and scalars) a file may expand to, alias expansion included:
an alias repeats its anchor's text but costs one value, so the value limit alone lets a 600 KB
file hold 200 million characters."""
MAX_DECK_VALUES: Final = 200_000
"""Most values the files of one deck may expand to together."""
MAX_DECK_TEXT: Final = 2_000_000
"""Most characters of text the files of one deck may expand to together (the bundled deck
holds about 30,000)."""
MAX_DEPTH: Final = 40
"""Deepest nesting of mappings and sequences."""
MAX_NUMBER_CHARS: Final = 100
"""Longer numbers are kept as written: computing ``1:00:00:…`` (base 60) takes minutes."""


_VALUES: Final = N_("{n} values")
_CHARACTERS: Final = N_("{n} characters of text")


@dataclass(slots=True)
class DeckBudget:
    """What the files of one deck have expanded to so far, against the deck-wide limits.

    Pass one to :func:`read_yaml` for each file of a deck; a file that would take the deck
    past :data:`MAX_DECK_VALUES` or :data:`MAX_DECK_TEXT` is refused, and ``exhausted`` says
    so (the loader then reads no more files).
    """

    values: int = 0
    chars: int = 0
    exhausted: bool = False


class FileBudget:
    """What one file has expanded to so far, against the file's and the deck's limits."""

    def __init__(self, deck: DeckBudget, aliases: frozenset[int]) -> None:
        self.nodes = 0
        self.chars = 0
        self.deck = deck
        self.aliases = aliases
        """``id`` of every node that stands for an alias (see :mod:`desktop.core.yaml_compose`)."""
        # One constructor per file: PyYAML's caches every object it builds (and, through
        # the node marks, the whole file text), so a shared one grows with every reload.
        # A constructor alone, not a loader: a loader holds its own bound methods (a
        # reference cycle), so it and the file's nodes it caches would wait for the garbage
        # collector (24 objects a slide, gathered again and again while a deck is drawn).
        self.constructor = SafeConstructor()
        # The tightest of the file's and the deck's limits: spend() compares with these
        # alone (it runs once per value) and sorts out which limit it was only past one.
        self._node_cap = min(MAX_NODES, MAX_DECK_VALUES - deck.values)
        self._char_cap = min(MAX_FILE_TEXT, MAX_DECK_TEXT - deck.chars)

    def spend(self, where: Location, alias: Location | None, nodes: int, chars: int) -> None:
        """Count *nodes* values and *chars* characters; refuse the file past a limit.

        The problem is located at *alias*, the outermost alias being expanded, when there is
        one: that is what repeats the text.
        """
        self.nodes += nodes
        self.chars += chars
        if self.nodes <= self._node_cap and self.chars <= self._char_cap:
            return
        if self.nodes > MAX_NODES:
            self._refuse(where, alias, "file", _VALUES, MAX_NODES)
        if self.chars > MAX_FILE_TEXT:
            self._refuse(where, alias, "file", _CHARACTERS, MAX_FILE_TEXT)
        deck = self.deck
        if deck.values + self.nodes > MAX_DECK_VALUES:
            deck.exhausted = True
            self._refuse(where, alias, "deck", _VALUES, MAX_DECK_VALUES)
        if deck.chars + self.chars > MAX_DECK_TEXT:
            deck.exhausted = True
            self._refuse(where, alias, "deck", _CHARACTERS, MAX_DECK_TEXT)

    @staticmethod
    def _refuse(
        where: Location, alias: Location | None, scope: str, what: str, limit: int
    ) -> NoReturn:
        """Refuse the file past *limit* of *what* (:data:`_VALUES`, :data:`_CHARACTERS`)."""
        if scope == "file":
            message = (
                _(
                    "file expands to more than {limit} through aliases;"
                    " remove the aliases or split the file"
                )
                if alias is not None
                else _("file holds more than {limit}; shorten the text or split the file")
            )
        else:
            message = (
                _(
                    "the deck's files expand to more than {limit} in all through aliases;"
                    " remove the aliases (later section files are not read)"
                )
                if alias is not None
                else _(
                    "the deck's files hold more than {limit} in all; shorten the deck or"
                    " split it into several decks (later section files are not read)"
                )
            )
        amount = _(what).format(n=f"{limit:,}")
        raise RefusedError(Problem(alias or where, message.format(limit=amount)))

    def commit(self) -> None:
        """The file is read: charge what it holds to the deck."""
        self.deck.values += self.nodes
        self.deck.chars += self.chars


class RefusedError(Exception):
    """Conversion stopped at a located problem (``parse_yaml`` returns it)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem
