"""Generated slides that hold more than one slide's worth split into parts. Qt-free.

The agenda lists every section and the sources slide every listed source; a long deck would
make them shrink their text below the theme's minimum size. Instead, the deck expands such a
slide into consecutive parts (:attr:`Slide.part` of :attr:`Slide.parts`), each a slide of its
own in :attr:`Deck.refs`, so navigation, outlines, timing, export and the presenter all count
and show them without knowing about the split.

A deck *paged* for a display of two languages (:attr:`Deck.paging`, by default its own
display) also splits a bullets, two-column or table slide too full for both
(:mod:`desktop.core.paging_content`) at the sizes of the theme it is shown in
(:attr:`Deck.paging_sizes`); the sources slide splits for the widest of the paging's
languages. Two decks paged alike (the same displays, the same theme sizes) have the same
slides, whatever languages they show.

How much one part holds is decided here, without Qt, from the deck's aspect and text lengths,
for text at :data:`TEXT_PX` (the largest size a bundled theme sets a generated list at; a
test checks it): the renderer sets the part's text at the theme's size, shrinking it if it
must, but never below the theme's minimum.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
import weakref
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Final, TypeVar

from desktop.core.layouts import Layout
from desktop.core.paging_content import SHARED, SIZES, Sizes, content_parts, items_of

if TYPE_CHECKING:
    from desktop.core.model import Deck, Section, Slide, Source

TEXT_PX: Final = 32
"""The text size the capacities below are worked out for (canvas pixels)."""
AGENDA_ROWS: Final = 3
"""Agenda entries in one column of a part: each fits a two-line name and its Chinese name
(under a subtitle, in the high-contrast theme's larger text too)."""
AGENDA_COLUMNS: Final = {"16:9": 2, "4:3": 1}
"""Columns of agenda entries on a part, by aspect."""
SOURCE_WIDTH: Final = {"16:9": 1680, "4:3": 1200}
"""Width of the sources list on the canvas, by aspect."""
SOURCE_BODY: Final = 640.0
"""Height a part's list may fill, in canvas pixels (the body under a title and subtitle)."""
SOURCE_LINES: Final = 3
"""A source takes at most this many lines on a slide; a longer one ends in an ellipsis (the
notes and handout pages list it in full)."""
PART_SEPARATOR: Final = "~"
"""Between a slide's id and its part number: never in a slide id written in a deck."""
PAGING_SEPARATOR: Final = ","
"""Between the displays of a deck paged for several (the presenter's two screens)."""


def agenda_capacity(aspect: str) -> int:
    """Sections one agenda part lists."""
    return AGENDA_ROWS * AGENDA_COLUMNS.get(aspect, 2)


def balanced(count: int, capacity: int) -> list[range]:
    """*count* items in as few parts of at most *capacity* as possible, evenly filled."""
    parts = max(1, math.ceil(count / max(1, capacity)))
    size = math.ceil(count / parts) if count else 0
    return [range(start, min(count, start + size)) for start in range(0, count, size or 1)] or [
        range(0)
    ]


def agenda_parts(section_count: int, aspect: str) -> list[range]:
    """The sections (by index) each agenda part lists."""
    return balanced(section_count, agenda_capacity(aspect))


@lru_cache(maxsize=1024)
def source_lines(text: str, aspect: str) -> int:
    """Lines a source's reference takes on a sources slide (an estimate, on the safe side:
    a wide character counts twice), at most :data:`SOURCE_LINES`. Kept by text: the sources
    slide's parts are worked out again for each of its parts, and for the slides' part count
    (an export of the bundled deck asked for each reference about 30 times)."""
    per_line = SOURCE_WIDTH.get(aspect, SOURCE_WIDTH["16:9"]) / (0.5 * TEXT_PX)
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return max(1, min(SOURCE_LINES, math.ceil(width / per_line)))


def source_parts(sources: Sequence[Source], aspect: str) -> list[range]:
    """The sources (by index in *sources*) each sources part lists, in order."""
    line, gap = TEXT_PX * 1.362 * 1.18, TEXT_PX * 0.3
    parts: list[range] = []
    start, used = 0, 0.0
    for index, source in enumerate(sources):
        cost = source_lines(source.reference(), aspect) * line + gap
        if used and used + cost > SOURCE_BODY:
            parts.append(range(start, index))
            start, used = index, 0.0
        used += cost
    parts.append(range(start, len(sources)))
    return parts


def paging_displays(deck: Deck) -> tuple[tuple[str, ...], ...]:
    """The displays *deck*'s parts are worked out for, each as its language codes
    (``(("en", "zh"),)``): its :attr:`~desktop.core.model.Deck.paging`, else its own display."""
    text = deck.paging or deck.display or deck.languages[0]
    return tuple(tuple(display.split("+")) for display in text.split(PAGING_SEPARATOR))


def paging_key(displays: Iterable[str]) -> str:
    """The paging of a deck shown in any of *displays* (``en+zh``, ``en``), as
    :attr:`~desktop.core.model.Deck.paging` writes it: each display once, in order, and a
    language shown alone left out where a display of two has it (its parts hold it already)."""
    unique = sorted(set(displays))
    pairs = {code for display in unique if "+" in display for code in display.split("+")}
    return PAGING_SEPARATOR.join(d for d in unique if "+" in d or d not in pairs)


def bilingual_pairs(deck: Deck) -> tuple[tuple[str, str], ...]:
    """The two-language displays (shown, below) *deck* is paged for: the ones whose slides too
    full for both languages split into parts (none for a deck paged for one language)."""
    return tuple((d[0], d[1]) for d in paging_displays(deck) if len(d) == 2)


def paged_sources(deck: Deck) -> tuple[Source, ...]:
    """The listed sources, each in the language of *deck*'s paging whose reference takes the
    most lines: what the sources slide's split is worked out on, so that every display the
    deck is paged for has the same parts and none of them overflows."""
    codes = {code for display in paging_displays(deck) for code in display}
    index = {source.id: n for n, source in enumerate(deck.sources)}
    widest: list[Source] = []
    for source in deck.listed_sources():
        n = index.get(source.id)
        variants = [source]
        for code in sorted(codes) if n is not None else ():
            texts = deck.translations.get(code, {})
            title = texts.get(f"sources[{n}].title", source.title)
            publisher = texts.get(f"sources[{n}].publisher", source.publisher)
            variants.append(dataclasses.replace(source, title=title, publisher=publisher))
        widest.append(max(variants, key=lambda v: source_lines(v.reference(), deck.aspect)))
    return tuple(widest)


def deck_source_parts(deck: Deck) -> list[range]:
    """The sources each part of *deck*'s sources slide lists (:func:`source_parts` of
    :func:`paged_sources`), worked out once for the deck last asked about: a deck does not
    change, and its sources slide is laid out part by part, again where its subtitle gives
    way (in two languages 0.2 ms each time)."""
    if _PARTS_OF and _PARTS_OF[0][0]() is deck:
        return _PARTS_OF[0][1]
    parts = source_parts(paged_sources(deck), deck.aspect)
    _PARTS_OF[:] = [(weakref.ref(deck), parts)]
    return parts


_PARTS_OF: list[tuple[weakref.ref[Deck], list[range]]] = []
"""The deck :func:`deck_source_parts` last answered for (not kept alive by it), and its
answer."""


def part_count(layout: Layout, section_count: int, sources: Sequence[Source], aspect: str) -> int:
    """How many parts a slide of *layout* takes: more than one only for a long agenda or
    sources slide."""
    if layout is Layout.AGENDA:
        return len(agenda_parts(section_count, aspect))
    if layout is Layout.SOURCES:
        return len(source_parts(sources, aspect))
    return 1


def _share(duration: int | None, part: int, count: int) -> int | None:
    """Part *part*'s whole seconds of *duration* split over *count* parts (they add up)."""
    if duration is None:
        return None
    return duration * (part + 1) // count - duration * part // count


def generated_parts(deck: Deck, layout: Layout) -> int:
    """How many parts an agenda or sources slide of *deck* takes (for one made for an export
    of a deck that has none)."""
    return part_count(layout, talk_sections(deck.sections), paged_sources(deck), deck.aspect)


def talk_sections(sections: Sequence[Section]) -> int:
    """How many of *sections* the talk has before its backup (what an agenda lists: the
    backup sections come last)."""
    return sum(1 for section in sections if not section.backup)


def expand(
    sections: tuple[Section, ...],
    sources: Sequence[Source],
    aspect: str,
    pairs: Sequence[tuple[str, str]] = (),
    sizes: Sizes = SIZES,
) -> tuple[Section, ...]:
    """*sections* with each generated slide split into its parts, and, for a deck paged for
    the two-language displays *pairs* (:func:`bilingual_pairs`), each bullets, two-column or
    table slide too full for one of them at a theme's *sizes*
    (:mod:`desktop.core.paging_content`) into parts that
    share its items (the parts of an earlier expansion are put together first, so a deck
    copied with another aspect, or paged for another display, splits anew).

    A part after the first gets the slide's id with ``~n`` and no notes (the first part
    keeps them); the parts share the slide's planned duration, if it has one, and keep the
    slide as written in :attr:`Slide.whole`.
    """
    out: list[Section] = []
    talk = talk_sections(sections)  # once, not once a slide (quadratic in a big deck)
    for section in sections:
        slides: list[Slide] = []
        for slide in section.slides:
            if slide.part:
                continue
            slide = slide.whole or slide
            shares = content_parts(slide, aspect, pairs, sizes)
            count = (
                len(shares) // len(SHARED[slide.layout])
                if shares is not None
                else part_count(slide.layout, talk, sources, aspect)
            )
            if count == 1:
                slides.append(slide)
                continue
            for part in range(count):
                shown = slide
                if shares is not None:
                    fields = SHARED[slide.layout]
                    runs = shares[part * len(fields) : (part + 1) * len(fields)]
                    shown = _items(slide, dict(zip(fields, runs, strict=True)))
                slides.append(
                    dataclasses.replace(
                        shown if part == 0 else _without_notes(shown),
                        id=slide.id if part == 0 else f"{slide.id}{PART_SEPARATOR}{part + 1}",
                        part=part,
                        parts=count,
                        duration=_share(slide.duration, part, count),
                        whole=slide,
                    )
                )
        changed = len(slides) != len(section.slides) or any(
            a is not b for a, b in zip(slides, section.slides, strict=False)
        )
        out.append(dataclasses.replace(section, slides=tuple(slides)) if changed else section)
    return tuple(out)


def _without_notes(slide: Slide) -> Slide:
    """*slide* without its speaker notes in any language (a part after the first: the notes
    are said once, with the first)."""
    return dataclasses.replace(
        slide,
        notes="",
        translations={
            code: {path: text for path, text in texts.items() if path != NOTES}
            for code, texts in slide.translations.items()
        },
        secondary={path: text for path, text in slide.secondary.items() if path != NOTES},
        fallback=slide.fallback - {NOTES},
    )


NOTES: Final = "notes"
"""The field path of a slide's speaker notes."""

_ITEM = re.compile(r"(?P<field>[a-z_.]+)\[(?P<index>\d+)\](?P<rest>.*)", re.DOTALL)
"""A field path below an item of a list field: ``bullets[3]``, ``left[0].bullets[1].zh``,
``table.rows[2][0]``."""

T = TypeVar("T")


def _items(slide: Slide, runs: dict[str, range]) -> Slide:
    """*slide* showing only the items *runs* of its list fields, numbered from 0 as if
    written so: their texts, translations, locations and language marks go with them."""

    def moved(path: str) -> str | None:
        match = _ITEM.fullmatch(path)
        if match is None or match["field"] not in runs:
            return path
        run, index = runs[match["field"]], int(match["index"])
        if index not in run:
            return None
        return f"{match['field']}[{index - run.start}]{match['rest']}"

    def rekeyed(mapping: Mapping[str, T]) -> dict[str, T]:
        out: dict[str, T] = {}
        for path, value in mapping.items():
            new = moved(path)
            if new is not None:
                out[new] = value
        return out

    lists: dict[str, object] = {}
    for name, run in runs.items():
        kept = tuple(items_of(slide, name)[i] for i in run)
        if name == "table.rows" and slide.table is not None:
            row = slide.table.highlight_row
            lists["table"] = dataclasses.replace(
                slide.table,
                rows=slide.table.rows[run.start : run.stop],
                highlight_row=row - run.start if row is not None and row in run else None,
                # the note, under the whole table, under its last part
                note=slide.table.note if run.stop == len(slide.table.rows) else "",
            )
        else:
            lists[name] = kept
    fallback = (moved(path) for path in slide.fallback)
    return dataclasses.replace(
        slide,
        **lists,  # type: ignore[arg-type]
        locations=rekeyed(slide.locations),
        translations={code: rekeyed(texts) for code, texts in slide.translations.items()},
        secondary=rekeyed(slide.secondary),
        fallback=frozenset(path for path in fallback if path is not None),
    )
