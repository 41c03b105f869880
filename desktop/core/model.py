"""The deck model: plain, immutable, typed Python. No Qt."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from desktop.core.data import Chart, Table, data_fields, map_chart, map_table
from desktop.core.durations import DURATION_PATTERN as DURATION_PATTERN
from desktop.core.durations import MAX_DURATION as MAX_DURATION
from desktop.core.durations import format_duration as format_duration
from desktop.core.durations import parse_duration as parse_duration
from desktop.core.i18n import _
from desktop.core.layouts import Build as Build
from desktop.core.layouts import Layout as Layout
from desktop.core.problems import Location

if TYPE_CHECKING:
    from desktop.core.talk import Talk


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

    def reference(self, url_separator: str = "  ") -> str:
        """Full form for a list of sources: ``China Daily, 2024-03-04: Title  https://…``.

        Args:
            url_separator: Between the title and the URL: two spaces on a slide, ``". "`` in
                the running text of an A4 page.
        """
        head = ", ".join(part for part in (self.publisher, self.date) if part)
        text = f"{head}: {self.title}" if head else self.title
        return f"{text}{url_separator}{self.url}" if self.url else text


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
    written: str = ""
    """The path as the deck writes it (``images/map.svg``), for messages (its location is the
    slide's ``location("image.path")``)."""

    @property
    def name(self) -> str:
        """How messages name the image: as written, else by its file name."""
        return self.written or self.path.name


class SlideText(NamedTuple):
    """One text of a slide (see :meth:`Slide.texts`)."""

    field: str
    """Its field path in the section file: ``slides[2].bullets[1].bullets[0]``."""
    text: str
    """As written: inline emphasis markup in slide text, Markdown in ``notes``."""
    location: Location
    """Where the text is written (the slide's first line when unknown)."""
    part: str
    """The slide field it belongs to: ``title``, ``subtitle``, ``bullets``, ``figures``,
    ``quote``, ``left_title``, ``left``, ``right_title``, ``right``, ``image``, ``table``,
    ``chart`` or ``notes``."""
    language: str = ""
    """The language code it is written in, when asked for one (:meth:`Slide.texts`); empty
    for the slide's fields as they are."""


Translations = Mapping[str, Mapping[str, str]]
"""The texts of a deck object in each language: language code -> field path -> text."""


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide. Text fields hold inline-emphasis markup (see :mod:`desktop.core.markup`).

    ``path`` is the slide's field path in its section file (``slides[2]``) and
    ``locations`` maps the field paths below it (``bullets[1]``, ``quote.text``,
    ``sources[0]``) to where each value is written; both are empty for a slide not read
    from a file.
    """

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
    table: Table | None = None
    chart: Chart | None = None
    notes: str = ""
    sources: tuple[str, ...] = ()
    duration: int | None = None
    build: Build = Build.NONE
    """Whether its items appear one per step (:mod:`desktop.core.builds`)."""
    hidden: bool = False
    """Left out of the talk, its counts and exports; shown marked in the main window."""
    path: str = ""
    part: int = 0
    """Which part of a generated slide split over several this is (0: the first or only)."""
    parts: int = 1
    """How many parts the slide was split into (:mod:`desktop.core.paging`)."""
    whole: Slide | None = field(default=None, compare=False, hash=False, repr=False)
    """A part's slide as written, every item included (None for a slide not split): what a
    projection into a language and a new split start from."""
    locations: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)
    translations: Translations = field(default_factory=dict, hash=False, repr=False)
    """Each declared language's texts, when the deck declares more than one (empty in a
    one-language deck): language -> field path below the slide (as in ``locations``) -> text.
    The primary language is there too; a language without text for a field has no entry."""
    fallback: frozenset[str] = frozenset()
    """In a slide shown in a language (:func:`desktop.core.languages.localize`): the field
    paths that show the primary text because that language has none."""
    secondary: Mapping[str, str] = field(default_factory=dict, hash=False, repr=False)
    """In a slide shown in two languages (``en+zh``): the second language's text of each field
    path that has one unlike the first's, to set below it."""

    def location(self, field_path: str) -> Location:
        """Where the value at *field_path* (below the slide: ``sources[1]``) is written.

        A text's language has its own: ``title.zh`` where the title is a mapping.
        """
        return self.locations.get(field_path, self.origin)

    def texts(self, language: str | None = None) -> Iterator[SlideText]:
        """Every non-empty text of the slide, in display order, with its field and location.

        The one list of a slide's texts: search, the render checks and export read it, so a
        new field is searched, checked and exported once it is added here.

        Args:
            language: None for the fields as they are (the primary language in a loaded
                deck, the language shown in a localized one); a declared language's code for
                the texts written in it (none where it has none), located at their own
                value. A slide of a one-language deck gives its fields for any code.
        """
        written = self.translations.get(language) if language and self.translations else None
        if language is not None and self.translations and written is None:
            return
        prefix = f"{self.path}." if self.path else ""
        for part, field_path, text in self._fields():
            where = self.location(field_path)
            if written is not None:
                text = written.get(field_path, "")
                where = self.locations.get(f"{field_path}.{language}", where)
            if text:
                yield SlideText(prefix + field_path, text, where, part, language or "")

    def with_texts(self, text: Callable[[str, str], str]) -> Slide:
        """This slide with each text replaced by ``text(field path, text)``: the same paths,
        below the slide, as :meth:`texts` has (empty texts included)."""
        bullets = _map_bullets("bullets", self.bullets, text)
        figures = tuple(
            Figure(text(f"figures[{i}].value", f.value), text(f"figures[{i}].label", f.label))
            for i, f in enumerate(self.figures)
        )
        quote = self.quote
        if quote is not None:
            quote = Quote(text("quote.text", quote.text), text("quote.by", quote.by))
        image = self.image
        if image is not None:
            image = Image(image.path, text("image.caption", image.caption), image.written)
        return dataclasses.replace(
            self,
            title=text("title", self.title),
            subtitle=text("subtitle", self.subtitle),
            bullets=bullets,
            figures=figures,
            quote=quote,
            left=_map_bullets("left", self.left, text),
            right=_map_bullets("right", self.right, text),
            left_title=text("left_title", self.left_title),
            right_title=text("right_title", self.right_title),
            image=image,
            table=map_table(self.table, text),
            chart=map_chart(self.chart, text),
            notes=text("notes", self.notes),
        )

    def _fields(self) -> list[tuple[str, str, str]]:
        """``(part, field path, text)`` of every text field, in display order."""
        fields: list[tuple[str, str, str]] = [
            ("title", "title", self.title),
            ("subtitle", "subtitle", self.subtitle),
        ]
        fields += _bullet_fields("bullets", self.bullets)
        for index, figure in enumerate(self.figures):
            fields.append(("figures", f"figures[{index}].value", figure.value))
            fields.append(("figures", f"figures[{index}].label", figure.label))
        if self.quote is not None:
            fields.append(("quote", "quote.text", self.quote.text))
            fields.append(("quote", "quote.by", self.quote.by))
        fields.append(("left_title", "left_title", self.left_title))
        fields += _bullet_fields("left", self.left)
        fields.append(("right_title", "right_title", self.right_title))
        fields += _bullet_fields("right", self.right)
        if self.image is not None:
            fields.append(("image", "image.caption", self.image.caption))
        fields += data_fields(self.table, self.chart)
        fields.append(("notes", "notes", self.notes))
        return fields


def _bullet_fields(name: str, bullets: tuple[Bullet, ...]) -> list[tuple[str, str, str]]:
    """``(part, field path, text)`` of a bullet list: each bullet, then its sub-bullets."""
    out: list[tuple[str, str, str]] = []
    for index, bullet in enumerate(bullets):
        path = f"{name}[{index}]"
        out.append((name, f"{path}.text" if bullet.children else path, bullet.text))
        out.extend(
            (name, f"{path}.bullets[{sub}]", child) for sub, child in enumerate(bullet.children)
        )
    return out


def _map_bullets(
    name: str, bullets: tuple[Bullet, ...], text: Callable[[str, str], str]
) -> tuple[Bullet, ...]:
    """*bullets* with each text replaced, at the paths of :func:`_bullet_fields`."""
    out: list[Bullet] = []
    for index, bullet in enumerate(bullets):
        path = f"{name}[{index}]"
        children = tuple(
            text(f"{path}.bullets[{sub}]", child) for sub, child in enumerate(bullet.children)
        )
        out.append(Bullet(text(f"{path}.text" if children else path, bullet.text), children))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    file: Path
    slides: tuple[Slide, ...]
    title_zh: str = ""
    """The section's Chinese name, shown beside a title in another language: `title_zh` as
    written, or, in a deck that declares `zh`, the title's `zh` text (empty when the title
    itself is shown in Chinese)."""
    duration: int | None = None
    """Planned seconds, or None when the section has no plan."""
    numbered: bool | None = None
    """Whether it is one of the numbered parts, as the file says; None: :attr:`is_numbered`
    decides."""
    backup: bool = False
    """A backup section: after the talk's end (the deck puts it after the other sections)."""
    locations: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)
    """Where each field (``title``, ``title_zh``, ``id``) is written in the section file."""
    translations: Translations = field(default_factory=dict, hash=False, repr=False)
    """The title in each language (field path ``title``), as :attr:`Slide.translations`."""
    fallback: frozenset[str] = frozenset()
    """As :attr:`Slide.fallback`: ``title`` when it shows the primary text instead."""
    secondary: Mapping[str, str] = field(default_factory=dict, hash=False, repr=False)
    """As :attr:`Slide.secondary`."""

    def location(self, field_path: str) -> Location:
        """Where *field_path* is written (the file's first line when unknown)."""
        return self.locations.get(field_path, Location(self.file, 1, 1))

    @property
    def is_numbered(self) -> bool:
        """Whether the section counts as one of the deck's numbered parts: as its file says,
        else when it has a section slide (an overview or closing without one is not); a
        backup section never is."""
        if self.backup:
            return False
        if self.numbered is not None:
            return self.numbered
        return any(slide.layout is Layout.SECTION for slide in self.slides)


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
    locations: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)
    """Where each field of deck.yaml is written: ``title``, ``sources[0].publisher``, …"""
    languages: tuple[str, ...] = ("en",)
    """The declared language codes, the primary first."""
    translations: Translations = field(default_factory=dict, hash=False, repr=False)
    """The texts of deck.yaml in each language (``title``, ``sources[0].publisher``), as
    :attr:`Slide.translations`."""
    display: str = ""
    """The language the texts are shown in (``zh``, ``en+zh``: see
    :func:`desktop.core.languages.localize`); empty for the deck as loaded (the primary)."""
    paging: str = ""
    """The displays the slides are split into parts for (:mod:`desktop.core.paging`):
    ``en+zh`` splits a slide too full for both languages; several displays are joined by ``,``
    (a presenter's two screens, paged alike). Empty: the deck's own display."""
    paging_sizes: Mapping[str, int] = field(default_factory=dict, hash=False, repr=False)
    """The sizes of the theme the slides too full for two languages are split for
    (:func:`desktop.core.paging_content.paging_sizes`; see
    :func:`~desktop.core.languages.localize`); empty: the largest any bundled theme sets
    (:data:`~desktop.core.paging_content.SIZES`), and for a deck paged for one language."""
    fallback: frozenset[str] = frozenset()
    """As :attr:`Slide.fallback`, for the texts of deck.yaml."""
    secondary: Mapping[str, str] = field(default_factory=dict, hash=False, repr=False)
    """As :attr:`Slide.secondary`, for the texts of deck.yaml."""
    projections: dict[str, Deck] = field(
        init=False, default_factory=dict, compare=False, repr=False, hash=False
    )
    """The deck in each display language asked for so far, shared by all of them (the cache of
    :func:`~desktop.core.languages.localize`). Not an argument: a copy made with
    ``dataclasses.replace`` (another aspect, other sections) starts a cache of its own."""
    refs: tuple[SlideRef, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        from desktop.core.paging import bilingual_pairs, expand, paged_sources
        from desktop.core.paging_content import SIZES

        ordered = sorted(self.sections, key=lambda section: section.backup)  # stable
        pairs = bilingual_pairs(self)
        sizes = self.paging_sizes or SIZES
        sections = expand(tuple(ordered), paged_sources(self), self.aspect, pairs, sizes)
        object.__setattr__(self, "sections", sections)
        refs: list[SlideRef] = []
        for section_index, section in enumerate(self.sections):
            for slide in section.slides:
                refs.append(SlideRef(len(refs), section_index, slide, section))
        object.__setattr__(self, "refs", tuple(refs))

    def location(self, field_path: str) -> Location:
        """Where *field_path* is written in deck.yaml (its first line when unknown)."""
        return self.locations.get(field_path, Location(self.root / "deck.yaml", 1, 1))

    @property
    def shown_language(self) -> str:
        """The code of the language the texts are in (the first of ``en+zh``)."""
        return self.display.split("+")[0] if self.display else self.languages[0]

    @property
    def slide_count(self) -> int:
        return len(self.refs)

    @functools.cached_property
    def talk(self) -> Talk:
        """Which slides the talk presents and how they count (hidden, backup)."""
        from desktop.core.talk import Talk

        return Talk.of(self)

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
        cited = {sid for section in self.sections for s in section.slides for sid in s.sources}
        return tuple(s for s in self.sources if s.id in cited)

    def listed_sources(self) -> tuple[Source, ...]:
        """What a sources slide or page lists: the cited sources, or all when none is cited."""
        return self.cited_sources() or self.sources

    def section_start(self, section_index: int) -> int:
        """Global index of a section's first slide."""
        return sum(len(s.slides) for s in self.sections[:section_index])

    def index_of(self, slide_id: str) -> int | None:
        for ref in self.refs:
            if ref.slide.id == slide_id:
                return ref.index
        return None

    def planned_seconds(self) -> int | None:
        """The talk's planned length: the deck's duration, else the sum of the plans of the
        sections before the backup."""
        if self.duration is not None:
            return self.duration
        plans = [s.duration for s in self.sections if s.duration is not None and not s.backup]
        return sum(plans) if plans else None


def slide_label(deck: Deck, ref: SlideRef) -> str:
    """A short plain-text name for a slide (outline, bookmarks, lists)."""
    from desktop.core.markup import plain

    slide = ref.slide
    if slide.parts > 1:
        name = plain(slide.title) if slide.title else slide.layout.default_title
        return f"{name} ({slide.part + 1}/{slide.parts})"
    if slide.title:
        return plain(slide.title)
    if slide.layout is Layout.SECTION:
        return plain(ref.section.title)
    if slide.layout is Layout.TITLE:
        return plain(deck.title)
    return slide.layout.default_title or _("Slide {n}").format(n=ref.index + 1)
