"""Checks that need the renderer: text that cannot fit, characters no font can draw."""

from __future__ import annotations

import unicodedata

from desktop.core.markup import plain
from desktop.core.model import Deck, Slide
from desktop.core.problems import Location, Problem, Severity
from desktop.render.fonts import missing_characters
from desktop.render.renderer import SlideRenderer


def _slide_text(slide: Slide) -> str:
    parts = [slide.title, slide.subtitle, slide.left_title, slide.right_title, slide.notes]
    for bullet in (*slide.bullets, *slide.left, *slide.right):
        parts.append(bullet.text)
        parts.extend(bullet.children)
    for figure in slide.figures:
        parts.extend((figure.value, figure.label))
    if slide.quote is not None:
        parts.extend((slide.quote.text, slide.quote.by))
    if slide.image is not None:
        parts.append(slide.image.caption)
    return "".join(plain(p) for p in parts)


def render_problems(renderer: SlideRenderer) -> list[Problem]:
    """Warnings for every slide whose text overflows at the minimum size, and for
    characters that none of the theme's (bundled) fonts can draw."""
    deck: Deck = renderer.deck
    problems: list[Problem] = []
    families = renderer.theme.fonts
    deck_text = "".join(plain(x) for x in (deck.title, deck.subtitle, deck.author))
    deck_text += "".join(s.title + s.publisher for s in deck.sources)
    places = [(Location(deck.root / "deck.yaml", 1, 1), deck_text)]
    places += [(Location(s.file, 1, 1), plain(s.title) + s.title_zh) for s in deck.sections]
    reported: set[str] = set()
    for where, text in places:
        for char in sorted(missing_characters(text, families) - reported):
            reported.add(char)
            problems.append(_missing(where, char))
    for ref in deck.refs:
        slide = ref.slide
        for box in renderer.layout(ref.index).overflowing():
            problems.append(
                Problem(
                    slide.origin,
                    f"text overflows at the minimum size ({box.name} of slide {ref.index + 1});"
                    " shorten it or split the slide",
                    Severity.WARNING,
                    "slides",
                )
            )
        for char in sorted(missing_characters(_slide_text(slide), families) - reported):
            reported.add(char)
            problems.append(_missing(slide.origin, char))
    return problems


def _missing(where: Location, char: str) -> Problem:
    name = unicodedata.name(char, "unnamed character")
    return Problem(
        where,
        f"character {char!r} (U+{ord(char):04X} {name}) is not in the bundled fonts;"
        " it may not show on other machines (rerun tools/subset_fonts.py or avoid it)",
        Severity.WARNING,
    )
