"""A deck in a display language: one language, or two (``en+zh``). No Qt.

A loaded :class:`~desktop.core.model.Deck` holds its primary language's texts in its fields
and every declared language's texts in ``translations`` (language -> field path -> text, the
field paths of ``locations`` and :meth:`Slide.texts <desktop.core.model.Slide.texts>`).
:func:`localize` projects it into a :class:`DisplayLanguage`: the same deck, its fields in the
chosen language, so the renderer, search and export need nothing else::

    shown = localize(deck, DisplayLanguage.parse("en+zh", deck.languages))
    shown.refs[3].slide.title        # the English title
    shown.refs[3].slide.secondary    # {"title": "…", "bullets[0]": "…"}: the Chinese below it
    shown.refs[3].slide.fallback     # the field paths without Chinese text, shown in English

A field without text in the chosen language shows the primary text, and its path is in the
object's ``fallback``. Projections are cached on the deck, so switching back is free.

A display of two languages splits the fullest slides into parts (:mod:`desktop.core.paging`),
for the theme the deck is shown in (``theme=``; by default the deck's own);
``localize(deck, display, paged_as=(other, …))`` gives *display*'s texts in the parts of every
display named, so two screens showing a deck in two displays have the same slides.
:func:`missing_texts` lists what each language lacks (``check`` warns of each).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from desktop.core.i18n import _
from desktop.core.model import Deck, Section, Slide, Translations
from desktop.core.paging import PAGING_SEPARATOR, paging_key
from desktop.core.paging_content import Sizes, paging_sizes, sizes_key
from desktop.core.problems import Location
from desktop.core.schema import did_you_mean
from desktop.core.theme import Theme, load_theme


@dataclass(frozen=True, slots=True)
class DisplayLanguage:
    """What a deck is shown in: one language, or a primary and a secondary one.

    Attributes:
        primary: The language of the texts shown (``zh``).
        secondary: The language set below them, or None (``en+zh``: ``zh``).
    """

    primary: str
    secondary: str | None = None

    @classmethod
    def parse(cls, text: str, languages: Sequence[str]) -> DisplayLanguage:
        """``zh`` or ``en+zh``, each code one of the deck's *languages*.

        Raises:
            ValueError: *text* is neither; the message names the deck's languages.
        """
        declared = _(", ").join(languages)
        parts = text.strip().split("+")
        if len(parts) > 2 or not all(parts):
            raise ValueError(
                _(
                    "{text} is not a display language: write one of the deck's languages"
                    " ({declared}) or two of them joined by `+`, such as `en+zh`"
                ).format(text=repr(text), declared=declared)
            )
        for code in parts:
            if code not in languages:
                close = did_you_mean(code, languages)
                message = (
                    _(
                        "`{code}` is not one of the deck's languages ({declared}); did you mean"
                        " `{close}`?"
                    )
                    if close
                    else _("`{code}` is not one of the deck's languages ({declared})")
                )
                raise ValueError(message.format(code=code, declared=declared, close=close))
        if len(parts) == 2 and parts[0] == parts[1]:
            raise ValueError(
                _("{text} names one language twice; write `{code}`").format(
                    text=repr(text), code=parts[0]
                )
            )
        return cls(parts[0], parts[1] if len(parts) == 2 else None)

    def __str__(self) -> str:
        return f"{self.primary}+{self.secondary}" if self.secondary else self.primary


def localize(
    deck: Deck,
    display: DisplayLanguage,
    paged_as: Sequence[DisplayLanguage] = (),
    theme: Theme | None = None,
) -> Deck:
    """*deck* with every text in *display*'s language (cached per deck, display and paging).

    A text the language lacks shows the primary text, and its field path goes into the
    ``fallback`` of its slide, section or deck; with a secondary language, its texts (where
    they differ from the ones shown) are in each object's ``secondary``. The result shares
    ``locations`` and ``translations`` with *deck*, so it can be localized again. The work is
    one pass over the texts; no deck file is read (paging two languages without *theme* takes
    the deck's own theme from :func:`~desktop.core.theme.load_theme`'s cache).

    The slides are split into parts (:mod:`desktop.core.paging`) for *display* and each of
    *paged_as*: a deck shown in ``en`` but paged as ``en+zh`` as well has the parts of the
    two-language deck, so two screens showing it in each have the same slides (the presenter's
    audience and console). By default the deck is paged for *display* alone. A slide too full
    for two languages is split for the sizes of *theme*, the theme the deck is drawn with
    (None: the deck's own ``theme``), so each theme has its own parts where it needs them.

    Raises:
        ValueError: a language of *display* or *paged_as* is not one of the deck's.
        DeckError: *theme* is None, the paging has two languages and the deck's own theme
            cannot be loaded.
    """
    for asked in (display, *paged_as):
        for code in (asked.primary, asked.secondary):
            if code is not None and code not in deck.languages:
                DisplayLanguage.parse(code, deck.languages)  # raises, naming the languages
    paging = paging_key(str(asked) for asked in (display, *paged_as))
    sizes: Sizes = {}
    if "+" in paging:  # only a slide too full for two languages splits by the theme's sizes
        sizes = paging_sizes((theme or load_theme(deck.theme, deck.root)).sizes)
    key = projection_key(display, paged_as, sizes)
    if key == projection_key(*own_paging(deck)):
        return deck
    if not deck.display and not deck.paging:
        deck.projections.setdefault(deck.languages[0], deck)
    cached = deck.projections.get(key)
    if cached is not None:
        return cached
    project = _Projection(display, deck.languages[0])
    fields = project.texts(
        deck.translations,
        {"title": deck.title, "subtitle": deck.subtitle, "author": deck.author},
    )
    fallback, secondary = project.take_fallback(), project.take_secondary()
    sources = tuple(
        dataclasses.replace(
            source,
            title=fields.get(f"sources[{index}].title", source.title),
            publisher=fields.get(f"sources[{index}].publisher", source.publisher),
        )
        for index, source in enumerate(deck.sources)
    )
    shown = dataclasses.replace(
        deck,
        title=fields["title"],
        subtitle=fields["subtitle"],
        author=fields["author"],
        sources=sources,
        sections=tuple(project.section(section) for section in deck.sections),
        display=str(display),
        paging="" if paging == str(display) else paging,
        paging_sizes=sizes,
        fallback=fallback,
        secondary=secondary,
    )
    object.__setattr__(shown, "projections", deck.projections)  # one cache for them all
    deck.projections[key] = shown
    return shown


def projection_key(
    display: DisplayLanguage, paged_as: Sequence[DisplayLanguage] = (), sizes: Sizes | None = None
) -> str:
    """What :func:`localize` caches the deck in *display* paged as *paged_as* for a theme's
    *sizes* under: ``en+zh``, or ``en@en+zh`` when the paging is not the display's own, and the
    sizes after ``#`` when given (:attr:`Deck.paging_sizes`): the same for the same slides."""
    shown = str(display)
    paging = paging_key(str(other) for other in (display, *paged_as))
    key = shown if paging == shown else f"{shown}@{paging}"
    return f"{key}#{sizes_key(sizes)}" if sizes else key


def own_paging(deck: Deck) -> tuple[DisplayLanguage, tuple[DisplayLanguage, ...], Sizes]:
    """*deck*'s own display, the displays it is paged as and the theme sizes it is paged for,
    as :func:`localize` and :func:`projection_key` take them."""
    own = deck.display or deck.languages[0]
    paging = deck.paging.split(PAGING_SEPARATOR) if deck.paging else []
    return _display(own), tuple(_display(text) for text in paging), deck.paging_sizes


def _display(text: str) -> DisplayLanguage:
    primary, _plus, secondary = text.partition("+")
    return DisplayLanguage(primary, secondary or None)


class _Projection:
    """One :func:`localize` pass: picks each text and notes the fallbacks and secondaries."""

    def __init__(self, display: DisplayLanguage, primary: str) -> None:
        self.display = display
        self.primary = primary
        self._fallback: set[str] = set()
        self._secondary: dict[str, str] = {}
        self._chosen: Mapping[str, str] = {}
        self._base: Mapping[str, str] = {}
        self._second: Mapping[str, str] = {}

    def use(self, translations: Translations) -> None:
        """Pick from *translations* (one object's) from now on."""
        self._chosen = translations.get(self.display.primary, {})
        self._base = translations.get(self.primary, {})
        second = self.display.secondary
        self._second = translations.get(second, {}) if second is not None else {}

    def pick(self, field_path: str, text: str) -> str:
        """The text shown at *field_path* (*text*: the field's text now)."""
        shown = self._chosen.get(field_path)
        if shown is None:
            shown = self._base.get(field_path, text)
            if text:
                self._fallback.add(field_path)
        below = self._second.get(field_path)
        if below is not None and below != shown:
            self._secondary[field_path] = below
        return shown

    def take_fallback(self) -> frozenset[str]:
        taken, self._fallback = frozenset(self._fallback), set()
        return taken

    def take_secondary(self) -> dict[str, str]:
        taken, self._secondary = self._secondary, {}
        return taken

    def texts(self, translations: Translations, fields: Mapping[str, str]) -> dict[str, str]:
        """Each of *fields* and every text of *translations*' primary, as shown."""
        self.use(translations)
        paths = dict(fields) | dict(self._base)
        return {path: self.pick(path, text) for path, text in paths.items()}

    def section(self, section: Section) -> Section:
        self.use(section.translations)
        title = self.pick("title", section.title)
        title_zh = section.title_zh
        if "zh" in section.translations:
            zh = section.translations["zh"].get("title", "")
            title_zh = "" if self.display.primary == "zh" else zh
        fallback, secondary = self.take_fallback(), self.take_secondary()
        return dataclasses.replace(
            section,
            title=title,
            title_zh=title_zh,
            # the slides as written: the deck splits them anew, in the language shown
            slides=tuple(self.slide(s.whole or s) for s in section.slides if not s.part),
            fallback=fallback,
            secondary=secondary,
        )

    def slide(self, slide: Slide) -> Slide:
        self.use(slide.translations)
        shown = slide.with_texts(self.pick)
        return dataclasses.replace(
            shown, fallback=self.take_fallback(), secondary=self.take_secondary()
        )


class MissingText(NamedTuple):
    """A text field that a declared language has no text for."""

    field: str
    """Its field path in its file: ``title``, ``sources[0].publisher``, ``slides[2].notes``."""
    location: Location
    """Where the field is written."""


def missing_texts(deck: Deck) -> dict[str, list[MissingText]]:
    """For each declared language but the primary, the text fields it has no text for.

    Every language is listed, with an empty list when it lacks nothing; a one-language deck
    gives an empty mapping.
    """
    others = deck.languages[1:]
    missing: dict[str, list[MissingText]] = {code: [] for code in others}
    for translations, prefix, locate in _objects(deck):
        base = translations.get(deck.languages[0], {})
        for code in others:
            written = translations.get(code, {})
            missing[code].extend(
                MissingText(prefix + path, locate(path)) for path in base if path not in written
            )
    return missing


def _objects(deck: Deck) -> Iterator[tuple[Translations, str, Callable[[str], Location]]]:
    """Each object with texts: its translations, its path prefix and how to locate a path."""
    yield deck.translations, "", deck.location
    for section in deck.sections:
        yield section.translations, "", section.location
        for slide in section.slides:
            if not slide.part:  # a slide split into parts once, as written
                whole = slide.whole or slide
                yield whole.translations, f"{whole.path}.", whole.location
