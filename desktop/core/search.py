"""Full-text search over a deck's slides: titles, bullets, figures, notes. Qt-free.

The index is built once per deck; each query is a plain, case-insensitive
(``str.casefold``) substring search that works the same for English and Chinese. Every
language of the deck is searched, and each hit says which one matched. Whole-word matches
come first ("port" finds "the port" before "report"), each kind in slide order.

Usage::

    index = SearchIndex(deck)
    for hit in index.search("manufacturing"):
        print(hit.index + 1, hit.field, hit.snippet)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from desktop.core.i18n import N_, _
from desktop.core.markup import plain
from desktop.core.model import Deck, SlideRef

MAX_HITS: Final = 500
"""At most this many hits are returned for one query."""

SNIPPET_CHARS: Final = 60
"""The length a snippet aims for, ellipses excluded."""

ELLIPSIS: Final = "…"

FIELD_LABELS: Final[dict[str, str]] = {
    "section": N_("Section"),
    "title": N_("Title"),
    "subtitle": N_("Subtitle"),
    "bullet": N_("Bullet"),
    "figure": N_("Figure"),
    "quote": N_("Quote"),
    "left": N_("Left column"),
    "right": N_("Right column"),
    "caption": N_("Caption"),
    "table": N_("Table"),
    "chart": N_("Chart"),
    "notes": N_("Notes"),
}
"""Every field a hit can be in, in search order, with a plain-text name for people (in English:
:func:`field_label` says it in the interface language)."""

_WHITESPACE: Final = re.compile(r"\s+")
_SEPARATOR: Final = "\0"
"""Joins the indexed texts; a query never contains it, so no match spans two texts."""

_UNSPACED: Final = "\u2e80-\u9fff\uf900-\ufaff"
"""Scripts written without spaces between words (CJK, kana): a match in them is always whole."""
_WORD_CHAR: Final = re.compile(rf"[^\W{_UNSPACED}]")
"""A letter or digit of a script that spaces its words."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence of a query in one field of one slide.

    Attributes:
        index: Global index of the slide.
        field: Which part of the slide matched; a key of :data:`FIELD_LABELS`.
        snippet: Plain text around the match, whitespace collapsed, with ``…``
            where it was cut.
        start: Where the match starts in *snippet*.
        length: How many characters of *snippet* the match covers.
        language: The code of the language of the text that matched (``zh``).
    """

    index: int
    field: str
    snippet: str
    start: int
    length: int
    language: str = ""

    @property
    def match(self) -> str:
        """The matched text, as written in the deck."""
        return self.snippet[self.start : self.start + self.length]


def field_label(hit: Hit, languages: tuple[str, ...]) -> str:
    """The name of the field a hit is in, for people: ``Notes``, or ``Notes · zh`` in a deck of
    several languages."""
    label = _(FIELD_LABELS[hit.field]) if hit.field in FIELD_LABELS else hit.field
    return f"{label} · {hit.language}" if len(languages) > 1 and hit.language else label


def collapse(text: str) -> str:
    """*text* with every run of whitespace turned into one space, and trimmed."""
    return _WHITESPACE.sub(" ", text).strip()


@dataclass(frozen=True, slots=True)
class _Entry:
    """One indexed text: a field of a slide, in display form."""

    index: int
    field: str
    language: str
    text: str
    """Emphasis removed, whitespace collapsed: what snippets are cut from."""
    offsets: tuple[int, ...] | None
    """For each character of the folded text, the index of the character of *text* it came from,
    plus one final entry equal to ``len(text)``; None when folding kept every character's
    position (the common case)."""


def _fold(text: str) -> tuple[str, tuple[int, ...] | None]:
    """Case-fold *text*, remembering which original character each folded one came from.

    ``str.casefold`` can change the length (``ß`` becomes ``ss``), so positions in the
    folded text need this map to find the match in the original. No character folds to
    nothing, so when the length is unchanged every position is kept and there is no map.
    """
    whole = text.casefold()
    if len(whole) == len(text):
        return whole, None
    folded: list[str] = []
    offsets: list[int] = []
    for position, char in enumerate(text):
        piece = char.casefold()
        folded.append(piece)
        offsets.extend([position] * len(piece))
    offsets.append(len(text))
    return "".join(folded), tuple(offsets)


_PART_FIELDS: Final[dict[str, str]] = {
    "title": "title",
    "subtitle": "subtitle",
    "bullets": "bullet",
    "figures": "figure",
    "quote": "quote",
    "left_title": "left",
    "left": "left",
    "right_title": "right",
    "right": "right",
    "image": "caption",
    "table": "table",
    "chart": "chart",
    "notes": "notes",
}
"""The hit field (a key of :data:`FIELD_LABELS`) of each part of a slide."""


def _fields(
    ref: SlideRef, first_of_section: bool, languages: tuple[str, ...]
) -> Iterator[tuple[str, str, str]]:
    """A slide's searchable ``(field, language, raw text)``, in display order, each language
    in turn (a text the same as an earlier language's is left out)."""
    section = ref.section
    if first_of_section:
        titles = {code: texts.get("title", "") for code, texts in section.translations.items()}
        if not titles:
            titles = {languages[0]: section.title}
            if section.title_zh:
                titles.setdefault("zh", section.title_zh)
        for code, title in _distinct(titles.items()):
            yield "section", code, title
    if not ref.slide.translations:
        for text in ref.slide.texts():
            yield _PART_FIELDS[text.part], languages[0], text.text
        return
    seen: dict[str, set[str]] = {}
    for code in languages:
        for text in ref.slide.texts(code):
            if text.text not in seen.setdefault(text.field, set()):
                seen[text.field].add(text.text)
                yield _PART_FIELDS[text.part], code, text.text


def _distinct(pairs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """*pairs* of (language, text) without a text already given."""
    given: set[str] = set()
    for code, text in pairs:
        if text and text not in given:
            given.add(text)
            yield code, text


class SearchIndex:
    """A deck's searchable text, folded and joined once so that each query is fast.

    Args:
        deck: The deck to index.
    """

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self._entries: list[_Entry] = []
        self._starts: list[int] = []
        folded_parts: list[str] = []
        position = 0
        previous_section = -1
        for ref in deck.refs:
            first_of_section = ref.section_index != previous_section
            previous_section = ref.section_index
            for field, language, raw in _fields(ref, first_of_section, deck.languages):
                text = collapse(plain(raw))
                if not text:
                    continue
                folded, offsets = _fold(text)
                self._entries.append(_Entry(ref.index, field, language, text, offsets))
                self._starts.append(position)
                folded_parts.append(folded)
                position += len(folded) + len(_SEPARATOR)
        self._haystack = _SEPARATOR.join(folded_parts)

    def search(self, query: str, limit: int = MAX_HITS) -> list[Hit]:
        """Every occurrence of *query* in the deck, at most *limit* of them: whole-word matches
        first, then matches inside longer words, each in slide order.

        The query is case-folded and its whitespace collapsed; an empty query finds nothing.
        Occurrences within one text do not overlap. A match is whole when no letter or digit
        joins it on either side; in Chinese and Japanese, which put no spaces between words,
        every match is whole.
        """
        needle = collapse(query.replace(_SEPARATOR, " ")).casefold()
        if not needle:
            return []
        whole = self._whole_words(needle)
        hits = [self._hit_at(found, needle) for found in whole[:limit]]
        size = len(needle)
        found = self._haystack.find(needle) if len(hits) < limit else -1
        while found >= 0 and len(hits) < limit:
            near = bisect.bisect_left(whole, found - size + 1)
            if near == len(whole) or whole[near] >= found + size:  # overlaps no whole match
                hits.append(self._hit_at(found, needle))
            found = self._haystack.find(needle, found + size)
        return hits

    def _whole_words(self, needle: str) -> list[int]:
        """Where *needle* occurs in the folded texts with no letter or digit joined to it."""
        before = rf"(?<!{_WORD_CHAR.pattern})" if _WORD_CHAR.match(needle[0]) else ""
        after = rf"(?!{_WORD_CHAR.pattern})" if _WORD_CHAR.match(needle[-1]) else ""
        pattern = re.compile(before + re.escape(needle) + after)
        return [match.start() for match in pattern.finditer(self._haystack)]

    def _hit_at(self, found: int, needle: str) -> Hit:
        """The hit for *needle* found at *found* in the joined, folded texts."""
        slot = bisect.bisect_right(self._starts, found) - 1
        entry = self._entries[slot]
        local = found - self._starts[slot]
        if entry.offsets is None:
            begin, end = local, local + len(needle)
        else:
            begin = entry.offsets[local]
            end = entry.offsets[local + len(needle) - 1] + 1
        return _hit(entry, begin, end)


def _hit(entry: _Entry, begin: int, end: int) -> Hit:
    """A hit for ``entry.text[begin:end]`` with a snippet of about :data:`SNIPPET_CHARS`."""
    text = entry.text
    spare = max(0, SNIPPET_CHARS - (end - begin))
    left = max(0, begin - spare // 2)
    right = min(len(text), end + (spare - (begin - left)))
    left = max(0, min(left, right - SNIPPET_CHARS, begin))
    # Prefer cutting at a space when one is close, so words are not chopped.
    if left > 0:
        space = text.find(" ", left, min(begin, left + 12))
        if space >= 0:
            left = space + 1
    if right < len(text):
        space = text.rfind(" ", max(end, right - 12), right)
        if space >= 0:
            right = space
    head = ELLIPSIS if left > 0 else ""
    tail = ELLIPSIS if right < len(text) else ""
    snippet = head + text[left:right] + tail
    start = len(head) + begin - left
    return Hit(entry.index, entry.field, snippet, start, end - begin, entry.language)


def search_deck(deck: Deck, query: str) -> list[Hit]:
    """Search *deck* once (builds a throwaway :class:`SearchIndex`; keep one to search often)."""
    return SearchIndex(deck).search(query)
