"""Which pages a PDF briefing has, before anything is drawn. Qt-free."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Final

from desktop.core.model import Deck, Layout
from desktop.core.paging import generated_parts
from desktop.core.slide_words import languages, word

HANDOUT_PER_PAGE: Final = (1, 2, 3, 4, 6)
"""Slides a handout page may hold: the one list the command line and the Export dialog offer."""


class ExportLayout(enum.Enum):
    SLIDES = "slides"
    NOTES = "notes"
    HANDOUT = "handout"


class PageKind(enum.Enum):
    SLIDE = "slide"
    NOTES = "notes"
    HANDOUT = "handout"
    AGENDA = "agenda"
    SOURCES = "sources"


@dataclass(frozen=True)
class Page:
    """One page: its kind, the slides on it, and its label (``7``, ``Agenda``)."""

    kind: PageKind
    slides: tuple[int, ...] = ()
    label: str = ""
    part: int = 0
    """Which part of a generated slide split into parts this page shows (slide pages)."""
    step: int | None = None
    """Which step of its slide's build a slide page shows (None: the slide complete)."""
    links: list[tuple[tuple[float, float, float, float], int]] = field(
        default_factory=list, compare=False
    )
    """Filled while drawing: (x0, y0, x1, y1) in PDF points from the top left, section index."""


def slide_number(deck: Deck, index: int) -> str:
    """A slide's page label, as its footer numbers it (:meth:`Talk.number
    <desktop.core.talk.Talk.number>`): ``5``, ``B2``, ``H``."""
    return deck.talk.number(index)


def step_pages(deck: Deck, index: int) -> list[Page]:
    """The pages of a slide with a build, one per step: ``5a``, ``5b``, … (one page, ``5``,
    without a build)."""
    label = slide_number(deck, index)
    steps = deck.talk.steps[index]
    if steps == 1:
        return [Page(PageKind.SLIDE, (index,), label)]
    return [
        Page(PageKind.SLIDE, (index,), f"{label}{_letter(step)}", step=step)
        for step in range(steps)
    ]


def _letter(step: int) -> str:
    """``a`` … ``z``, then ``aa``, ``ab``, …: the step's letter in a page label."""
    letters = ""
    step += 1
    while step:
        step, rest = divmod(step - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def plan_pages(
    deck: Deck, layout: ExportLayout, indexes: list[int], per_page: int = 3, builds: bool = False
) -> list[Page]:
    """The pages of an export of the slides *indexes* (0-based, in order); with *builds*, a
    slide page per step of each build."""
    layouts = {i: deck.refs[i].slide.layout for i in indexes}
    pages: list[Page] = []
    if layout is ExportLayout.SLIDES:
        has_agenda = Layout.AGENDA in layouts.values()
        backup_at: int | None = None
        for position, index in enumerate(indexes):
            before = len(pages)
            if backup_at is None and deck.talk.in_backup(index):
                backup_at = before
            if builds:
                pages.extend(step_pages(deck, index))
            else:
                pages.append(Page(PageKind.SLIDE, (index,), slide_number(deck, index)))
            after_title = layouts[index] is Layout.TITLE and position == 0
            if not has_agenda and (
                after_title or (position == 0 and layouts[index] is not Layout.TITLE)
            ):
                has_agenda = True
                agenda = Page(PageKind.AGENDA, label=_label(deck, Layout.AGENDA))
                pages.insert(len(pages) if after_title else before, agenda)
                if backup_at is not None:
                    backup_at += 1
        if Layout.SOURCES not in layouts.values():  # at the talk's end, before any backup
            sources = Page(PageKind.SOURCES, label=_label(deck, Layout.SOURCES))
            pages.insert(len(pages) if backup_at is None else backup_at, sources)
        return [part for page in pages for part in _parts(deck, page)]
    pages.append(Page(PageKind.AGENDA, label=_label(deck, Layout.AGENDA)))
    if layout is ExportLayout.NOTES:
        pages.extend(Page(PageKind.NOTES, (i,), slide_number(deck, i)) for i in indexes)
    else:
        for start in range(0, len(indexes), per_page):
            chunk = tuple(indexes[start : start + per_page])
            pages.append(Page(PageKind.HANDOUT, chunk, str(start // per_page + 1)))
    pages.append(Page(PageKind.SOURCES, label=_label(deck, Layout.SOURCES)))
    return pages


def _label(deck: Deck, layout: Layout) -> str:
    """A generated page's label (``Agenda``, ``议程``): in the deck's first shown language."""
    return word(layout.default_title, languages(deck.display or deck.languages[0])[0])


def _parts(deck: Deck, page: Page) -> list[Page]:
    """A generated slide page as the slide pages of its parts (:mod:`desktop.core.paging`)."""
    layout = {PageKind.AGENDA: Layout.AGENDA, PageKind.SOURCES: Layout.SOURCES}.get(page.kind)
    if layout is None:
        return [page]
    count = generated_parts(deck, layout)
    if count == 1:
        return [page]
    return [
        Page(page.kind, label=f"{page.label} ({part + 1}/{count})", part=part)
        for part in range(count)
    ]


def section_first_pages(deck: Deck, pages: list[Page]) -> dict[int, int]:
    """Section index -> the first page showing one of its slides."""
    first: dict[int, int] = {}
    for number, page in enumerate(pages):
        for index in page.slides:
            first.setdefault(deck.refs[index].section_index, number)
    return first


def slide_pages(pages: list[Page]) -> dict[int, int]:
    """Slide index -> the first page showing it."""
    where: dict[int, int] = {}
    for number, page in enumerate(pages):
        for index in page.slides:
            where.setdefault(index, number)
    return where
