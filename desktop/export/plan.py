"""Which pages a PDF briefing has, before anything is drawn. Qt-free."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Final

from desktop.core.model import Deck, Layout
from desktop.core.paging import generated_parts

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
    links: list[tuple[tuple[float, float, float, float], int]] = field(
        default_factory=list, compare=False
    )
    """Filled while drawing: (x0, y0, x1, y1) in PDF points from the top left, section index."""


def plan_pages(
    deck: Deck, layout: ExportLayout, indexes: list[int], per_page: int = 3
) -> list[Page]:
    """The pages of an export of the slides *indexes* (0-based, in order)."""
    layouts = {i: deck.refs[i].slide.layout for i in indexes}
    pages: list[Page] = []
    if layout is ExportLayout.SLIDES:
        has_agenda = Layout.AGENDA in layouts.values()
        for position, index in enumerate(indexes):
            pages.append(Page(PageKind.SLIDE, (index,), str(index + 1)))
            after_title = layouts[index] is Layout.TITLE and position == 0
            if not has_agenda and (
                after_title or (position == 0 and layouts[index] is not Layout.TITLE)
            ):
                has_agenda = True
                agenda = Page(PageKind.AGENDA, label=Layout.AGENDA.default_title)
                pages.insert(len(pages) - (0 if after_title else 1), agenda)
        if Layout.SOURCES not in layouts.values():
            pages.append(Page(PageKind.SOURCES, label=Layout.SOURCES.default_title))
        return [part for page in pages for part in _parts(deck, page)]
    pages.append(Page(PageKind.AGENDA, label=Layout.AGENDA.default_title))
    if layout is ExportLayout.NOTES:
        pages.extend(Page(PageKind.NOTES, (i,), str(i + 1)) for i in indexes)
    else:
        for start in range(0, len(indexes), per_page):
            chunk = tuple(indexes[start : start + per_page])
            pages.append(Page(PageKind.HANDOUT, chunk, str(start // per_page + 1)))
    pages.append(Page(PageKind.SOURCES, label=Layout.SOURCES.default_title))
    return pages


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
