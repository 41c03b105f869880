"""The deck model: plain, immutable, typed Python. No Qt."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from desktop.core.problems import Location

_DURATION_PART: Final = re.compile(r"(\d+)([hms])")


def parse_duration(text: str) -> int:
    """Seconds in a duration like ``90s``, ``2m``, ``1m30s`` or ``1h15m``.

    Raises:
        ValueError: the text is not a duration.
    """
    if not text or not re.fullmatch(r"(?=\d)(?:\d+h)?(?:\d+m)?(?:\d+s)?", text):
        raise ValueError(f"not a duration: {text!r}")
    factor = {"h": 3600, "m": 60, "s": 1}
    return sum(int(n) * factor[unit] for n, unit in _DURATION_PART.findall(text))


def format_duration(seconds: int) -> str:
    """``1h15m``, ``2m30s``, ``45s``: the inverse of :func:`parse_duration`."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        f"{hours}h" if hours else "",
        f"{minutes}m" if minutes else "",
        f"{secs}s" if secs else "",
    ]
    return sign + ("".join(parts) or "0s")


class Layout(enum.Enum):
    """How a slide is laid out."""

    TITLE = "title"
    SECTION = "section"
    AGENDA = "agenda"
    BULLETS = "bullets"
    FIGURES = "figures"
    QUOTE = "quote"
    TWO_COLUMN = "two-column"
    IMAGE = "image"
    SOURCES = "sources"

    @property
    def is_content(self) -> bool:
        """Content slides carry facts and must cite sources."""
        return self not in (Layout.TITLE, Layout.SECTION, Layout.AGENDA, Layout.SOURCES)


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str = ""
    date: str = ""
    url: str = ""

    def citation(self) -> str:
        """Short form for a slide's source line: ``China Daily, 2024-03-04``."""
        who = self.publisher or self.title
        return f"{who}, {self.date}" if self.date else who


@dataclass(frozen=True, slots=True)
class Bullet:
    text: str
    children: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    by: str = ""


@dataclass(frozen=True, slots=True)
class Image:
    path: Path
    """Resolved absolute path inside the deck folder."""
    caption: str = ""


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide. Text fields hold inline-emphasis markup (see :mod:`desktop.core.markup`)."""

    id: str
    layout: Layout
    origin: Location
    title: str = ""
    subtitle: str = ""
    bullets: tuple[Bullet, ...] = ()
    figures: tuple[Figure, ...] = ()
    quote: Quote | None = None
    left: tuple[Bullet, ...] = ()
    right: tuple[Bullet, ...] = ()
    left_title: str = ""
    right_title: str = ""
    image: Image | None = None
    notes: str = ""
    sources: tuple[str, ...] = ()
    duration: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    file: Path
    slides: tuple[Slide, ...]
    title_zh: str = ""
    duration: int | None = None
    """Planned seconds, or None when the section has no plan."""


@dataclass(frozen=True, slots=True)
class SlideRef:
    """A slide's place in the deck: its global index and its section."""

    index: int
    section_index: int
    slide: Slide
    section: Section


@dataclass(frozen=True)
class Deck:
    """A loaded, valid deck."""

    title: str
    root: Path
    sections: tuple[Section, ...]
    subtitle: str = ""
    author: str = ""
    date: str = ""
    aspect: str = "16:9"
    duration: int | None = None
    theme: str = "default"
    sources: tuple[Source, ...] = ()
    files: tuple[Path, ...] = ()
    """Every file the deck was read from (for live reload)."""
    refs: tuple[SlideRef, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        refs: list[SlideRef] = []
        for section_index, section in enumerate(self.sections):
            for slide in section.slides:
                refs.append(SlideRef(len(refs), section_index, slide, section))
        object.__setattr__(self, "refs", tuple(refs))

    @property
    def slide_count(self) -> int:
        return len(self.refs)

    @property
    def canvas_size(self) -> tuple[int, int]:
        """The logical canvas all layout happens on."""
        return (1440, 1080) if self.aspect == "4:3" else (1920, 1080)

    def source(self, source_id: str) -> Source | None:
        for source in self.sources:
            if source.id == source_id:
                return source
        return None

    def cited_sources(self) -> tuple[Source, ...]:
        """Sources cited by at least one slide, in deck order."""
        cited = {sid for ref in self.refs for sid in ref.slide.sources}
        return tuple(s for s in self.sources if s.id in cited)

    def section_start(self, section_index: int) -> int:
        """Global index of a section's first slide."""
        return sum(len(s.slides) for s in self.sections[:section_index])

    def index_of(self, slide_id: str) -> int | None:
        for ref in self.refs:
            if ref.slide.id == slide_id:
                return ref.index
        return None

    def planned_seconds(self) -> int | None:
        """The talk's planned length: the deck's duration, else the sum of section plans."""
        if self.duration is not None:
            return self.duration
        plans = [s.duration for s in self.sections if s.duration is not None]
        return sum(plans) if plans else None


def slide_label(deck: Deck, ref: SlideRef) -> str:
    """A short plain-text name for a slide (outline, bookmarks, lists)."""
    from desktop.core.markup import plain

    slide = ref.slide
    if slide.title:
        return plain(slide.title)
    if slide.layout is Layout.SECTION:
        return plain(ref.section.title)
    if slide.layout is Layout.TITLE:
        return plain(deck.title)
    if slide.layout is Layout.AGENDA:
        return "Agenda"
    if slide.layout is Layout.SOURCES:
        return "Sources"
    return f"Slide {ref.index + 1}"
