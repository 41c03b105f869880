"""The display languages a window offers for a deck: their names, the order a key cycles them
in, what a reload keeps, and what a shown slide lacks. No Qt.

:mod:`desktop.core.languages` projects a deck into one :class:`DisplayLanguage`; this module
is what the windows need around it::

    choices(("en", "zh"))          # en, zh, en+zh, zh+en
    label(DisplayLanguage("en", "zh"))  # "English + 中文"
    cycled(DisplayLanguage("en"), ("en", "zh"))  # zh; then en+zh, then en again
    untranslated(shown.refs[3].slide, shown)    # {"zh": ("title", "bullets[1]")}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from desktop.core.i18n import _
from desktop.core.languages import DisplayLanguage
from desktop.core.model import Deck, Slide

NAMES: Final = {
    "en": "English",
    "zh": "中文",
    "fr": "Français",
    "de": "Deutsch",
    "es": "Español",
    "ru": "Русский",
    "ja": "日本語",
    "ko": "한국어",
    "ar": "العربية",
    "pt": "Português",
    "it": "Italiano",
}
"""Each language's name in itself; a code not here is shown as the code."""


def name(code: str) -> str:
    """The language's own name (``中文``), else its code."""
    return NAMES.get(code, code)


def label(display: DisplayLanguage) -> str:
    """``English``, or ``English + 中文`` for two languages."""
    if display.secondary is None:
        return name(display.primary)
    return f"{name(display.primary)} + {name(display.secondary)}"


def primary(languages: Sequence[str]) -> DisplayLanguage:
    """The deck's primary language alone: what a deck is shown in until asked otherwise."""
    return DisplayLanguage(languages[0])


def choices(languages: Sequence[str]) -> tuple[DisplayLanguage, ...]:
    """Every way to show a deck of *languages*: each language, then each ordered pair."""
    single = tuple(DisplayLanguage(code) for code in languages)
    pairs = tuple(
        DisplayLanguage(first, second)
        for first in languages
        for second in languages
        if first != second
    )
    return single + pairs


def kept(display: DisplayLanguage, languages: Sequence[str]) -> DisplayLanguage:
    """*display* if the deck's *languages* still have each of its languages, else the primary."""
    codes = (display.primary, display.secondary)
    if all(code is None or code in languages for code in codes):
        return display
    return primary(languages)


def parsed(text: str, languages: Sequence[str]) -> DisplayLanguage:
    """*text* (a remembered choice, ``en+zh``) for a deck of *languages*; the primary when
    it is empty or names a language the deck does not have."""
    if not text:
        return primary(languages)
    try:
        return DisplayLanguage.parse(text, languages)
    except ValueError:
        return primary(languages)


def cycled(display: DisplayLanguage, languages: Sequence[str]) -> DisplayLanguage:
    """The display after *display* for the one language key: each language in the deck's
    order, then the first two together, then the primary again (``en → zh → en+zh → en``).
    A display off that round (``zh+en``, chosen in a menu) goes to the primary."""
    round_ = [DisplayLanguage(code) for code in languages]
    if len(languages) > 1:
        round_.append(DisplayLanguage(languages[0], languages[1]))
    if display not in round_:
        return round_[0]
    return round_[(round_.index(display) + 1) % len(round_)]


def same_texts(first: Deck, second: Deck) -> bool:
    """*first* and *second* are one loaded deck, each in some display language: their texts in
    every language are the same (they share one projection cache; a reload makes a new one)."""
    return first is second or first.projections is second.projections


def untranslated(slide: Slide, deck: Deck) -> dict[str, tuple[str, ...]]:
    """What the shown *slide* of the shown *deck* lacks: for each language shown, the field
    paths (in display order) showing the primary text or no second text instead.

    The shown language's are the slide's ``fallback``; the secondary's are the texts the
    primary has and the secondary does not. Languages lacking nothing are left out.
    """
    base = deck.languages[0]
    display = parsed(deck.display, deck.languages)
    order = [path for path, _ in slide.translations.get(base, {}).items()]
    missing: dict[str, tuple[str, ...]] = {}
    if display.primary != base and slide.fallback:
        missing[display.primary] = tuple(p for p in order if p in slide.fallback) or tuple(
            sorted(slide.fallback)
        )
    second = display.secondary
    if second is not None and second != base:
        written = slide.translations.get(second, {})
        lacking = tuple(p for p in order if p not in written)
        if lacking:
            missing[second] = lacking
    return missing


def untranslated_text(missing: dict[str, tuple[str, ...]]) -> str:
    """``no zh text: title, bullets[1]`` (one clause per language; ``""`` for none)."""
    clause = _("no {language} text: {fields}")
    # TRANSLATORS: joins the lists of untranslated fields of two languages
    return _("; ").join(
        clause.format(language=code, fields=", ".join(paths)) for code, paths in missing.items()
    )
