"""Generated slides that hold more than one slide's worth split into parts. Qt-free.

The agenda lists every section and the sources slide every listed source; a long deck would
make them shrink their text below the theme's minimum size. Instead, the deck expands such a
slide into consecutive parts (:attr:`Slide.part` of :attr:`Slide.parts`), each a slide of its
own in :attr:`Deck.refs`, so navigation, outlines, timing, export and the presenter all count
and show them without knowing about the split.

How much one part holds is decided here, without Qt, from the deck's aspect and text lengths,
for text at :data:`TEXT_PX` (the largest size a bundled theme sets a generated list at; a
test checks it): the renderer sets the part's text at the theme's size, shrinking it if it
must, but never below the theme's minimum.
"""

from __future__ import annotations

import dataclasses
import math
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from desktop.core.layouts import Layout

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


def source_lines(text: str, aspect: str) -> int:
    """Lines a source's reference takes on a sources slide (an estimate, on the safe side:
    a wide character counts twice), at most :data:`SOURCE_LINES`."""
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
    return part_count(layout, talk_sections(deck.sections), deck.listed_sources(), deck.aspect)


def talk_sections(sections: Sequence[Section]) -> int:
    """How many of *sections* the talk has before its backup (what an agenda lists: the
    backup sections come last)."""
    return sum(1 for section in sections if not section.backup)


def expand(
    sections: tuple[Section, ...], sources: Sequence[Source], aspect: str
) -> tuple[Section, ...]:
    """*sections* with each generated slide split into its parts (the parts of an earlier
    expansion are put together first, so a deck copied with another aspect splits anew).

    A part after the first gets the slide's id with ``~n`` and no notes (the first part
    keeps them); the parts share the slide's planned duration, if it has one.
    """
    out: list[Section] = []
    for section in sections:
        slides: list[Slide] = []
        for slide in section.slides:
            if slide.part:
                continue
            count = part_count(slide.layout, talk_sections(sections), sources, aspect)
            slides.extend(
                dataclasses.replace(
                    slide,
                    id=slide.id if part == 0 else f"{slide.id}{PART_SEPARATOR}{part + 1}",
                    part=part,
                    parts=count,
                    notes=slide.notes if part == 0 else "",
                    duration=_share(slide.duration, part, count),
                )
                for part in range(count)
            )
        changed = len(slides) != len(section.slides) or any(
            a.parts != b.parts for a, b in zip(slides, section.slides, strict=False)
        )
        out.append(dataclasses.replace(section, slides=tuple(slides)) if changed else section)
    return tuple(out)
