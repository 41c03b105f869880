"""Checks that need the renderer: images Qt cannot decode, text that cannot fit, characters
no font can draw."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from desktop.core.i18n import _
from desktop.core.model import Deck
from desktop.core.problems import Location, Problem, Severity
from desktop.core.svg_cost import LOGO_BOX, SLIDE_BOX
from desktop.core.text import plural
from desktop.core.theme import Theme
from desktop.core.yaml_nodes import shorten
from desktop.render.fonts import FontCoverage
from desktop.render.pictures import decode
from desktop.render.renderer import SlideRenderer

SHOWN_MISSING = 5
"""At most this many missing characters are named in one warning."""


def _deck_texts(deck: Deck) -> Iterator[tuple[str, str, Location]]:
    """``(field path, text, location)`` of every deck.yaml and section text a slide shows."""
    for name, text in (("title", deck.title), ("subtitle", deck.subtitle), ("author", deck.author)):
        yield name, text, deck.location(name)
    for index, source in enumerate(deck.sources):
        for name, text in (("title", source.title), ("publisher", source.publisher)):
            path = f"sources[{index}].{name}"
            yield path, text, deck.location(path)
        path = f"sources[{index}].url"
        yield path, source.url, deck.location(path)
    for section in deck.sections:
        yield "title", section.title, section.location("title")
        yield "title_zh", section.title_zh, section.location("title_zh")


def image_problems(deck: Deck, theme: Theme, severity: Severity = Severity.ERROR) -> list[Problem]:
    """A problem at the ``image.path`` of every slide whose image cannot be drawn, and at
    the theme's ``logo`` when the logo cannot: decoded as the slides will draw them.

    SVGs whose drawing time is measured (:mod:`desktop.render.probe`) share one budget, so
    this returns within about that budget however many of them the deck has.
    """
    if theme.logo is None and all(ref.slide.image is None for ref in deck.refs):
        return []  # nothing to decode (no SVG probe to load: an export of text slides)
    from desktop.render import probe  # here: the window's start-up needs no SVG probe

    with probe.budget():
        return [problem for problem in image_checks(deck, theme, severity) if problem]


def image_checks(
    deck: Deck, theme: Theme, severity: Severity = Severity.ERROR
) -> Iterator[Problem | None]:
    """Decode the deck's images one at a time: for each, its problem or None (the steps of
    :func:`image_problems`, for a caller that keeps a window responsive between images)."""
    for ref in deck.refs:
        image = ref.slide.image
        if image is None:
            continue
        problem = decode(image.path, image.name, SLIDE_BOX).problem
        if problem is None:
            yield None
            continue
        where = ref.slide.location("image.path")
        yield Problem(where, problem, severity, field="image.path")
    if theme.logo is not None:
        problem = decode(theme.logo, theme.logo_name, LOGO_BOX).problem
        if problem is None:
            yield None
            return
        where = theme.logo_location or Location(theme.logo)
        yield Problem(where, problem, severity, field="logo")


def render_problems(renderer: SlideRenderer) -> list[Problem]:
    """Errors for images that cannot be drawn (:func:`image_problems`); warnings for every
    slide whose text overflows at the minimum size, and for every text field holding
    characters that none of the theme's fonts can draw (one per field, at the field's own
    value)."""
    deck: Deck = renderer.deck
    problems: list[Problem] = image_problems(deck, renderer.theme)
    coverage = FontCoverage(renderer.theme.fonts)
    fonts = shorten(", ".join(renderer.theme.fonts), 80)
    for path, text, where in _deck_texts(deck):
        if missing := coverage.missing(text):
            problems.append(_missing(where, path, missing, fonts))
    for ref in deck.refs:
        slide = ref.slide
        for box in renderer.layout(ref.index).overflowing():
            message = _(
                "text overflows at the minimum size ({box} of slide {number}); shorten it or"
                " split the slide"
            )
            problems.append(
                Problem(
                    slide.origin,
                    message.format(box=box.name, number=ref.index + 1),
                    Severity.WARNING,
                    field="slides",
                )
            )
        for item in slide.texts():
            if missing := coverage.missing(item.text):
                problems.append(_missing(item.location, item.field, missing, fonts))
    return problems


def _missing(where: Location, field: str, chars: list[str], fonts: str) -> Problem:
    """The warning for the characters *chars* of *field* that none of *fonts* has: each
    named by its Unicode name (the standard's, in English, in every interface language)."""
    named = [
        f"{char!r} (U+{ord(char):04X} {unicodedata.name(char, '') or _('unnamed character')})"
        for char in chars[:SHOWN_MISSING]
    ]
    left = len(chars) - SHOWN_MISSING
    if left > 0:
        named.append(plural(left, "and {n} more", "and {n} more"))
    message = plural(
        len(chars),
        "`{field}` has a character that none of the theme's fonts ({fonts}) can draw: {chars};"
        " it may show as a box or in another font: replace it, or use a theme whose `fonts`"
        " lists an installed font that has it",
        "`{field}` has {n} characters that none of the theme's fonts ({fonts}) can draw:"
        " {chars}; they may show as boxes or in another font: replace them, or use a theme"
        " whose `fonts` lists an installed font that has them",
        field=field,
        fonts=fonts,
        # TRANSLATORS: joins the characters a font lacks: 'x' (U+0078 …), 'y' (U+0079 …)
        chars=_(", ").join(named),
    )
    return Problem(where, message, Severity.WARNING, field=field)
