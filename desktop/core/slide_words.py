"""The words the app itself draws on slides, in the deck's language. Qt-free.

A few words on a slide are the app's, not the deck's: the title of a generated slide
(``Agenda``, ``Sources``), the label of a content slide's source line, a section slide's
``ACTION 3 / 10`` and the ``(2/3)`` of a slide continued over several parts. They are part of
the slide, so they are in the language the deck is *shown* in (:attr:`Deck.display
<desktop.core.model.Deck.display>`), like the deck's own texts, and not in the interface
language: a Chinese deck says 议程 in an English interface, and an English deck says
``Agenda`` in a Chinese one. Shown in two languages (``en+zh``), a slide says them in both, as
it does its own texts.

:data:`WORDS` holds them by their English text, with their other languages' forms; a
language it lacks shows the English::

    word("Agenda", "zh")                      # "议程"
    words("Agenda", "en+zh")                  # ("Agenda", "议程")
    both("ACTION {number}", "en+zh", number="3 / 10")  # "ACTION 3 / 10 · 行动 3 / 10"
"""

from __future__ import annotations

from typing import Final

WORDS: Final[dict[str, dict[str, str]]] = {
    "Agenda": {"zh": "议程"},
    "Sources": {"zh": "来源"},
    "Backup": {"zh": "备用幻灯片"},
    "Source": {"zh": "来源"},
    "ACTION {number}": {"zh": "行动 {number}"},
    "{label}: {sources}": {"zh": "{label}：{sources}"},
    "{title} ({part}/{parts})": {"zh": "{title}（{part}/{parts}）"},
}
"""Each word or pattern drawn on slides (its English, with ``{values}``) in the other
languages, by the base code of the language (``zh`` for ``zh``, ``zh-Hans``)."""
BOTH: Final = " · "
"""Joins the two languages' forms of one word (``ACTION 3 / 10 · 行动 3 / 10``)."""


def word(english: str, language: str, **values: object) -> str:
    """*english* (a key of :data:`WORDS`, or any other text, kept as it is) in *language*
    (a deck language code), its ``{values}`` filled in."""
    forms = WORDS.get(english, {})
    form = forms.get(language, forms.get(language.split("-")[0], english))
    return form.format(**values) if values else form


def languages(display: str) -> tuple[str, str | None]:
    """The primary and secondary language of a display (``en+zh``: ``en``, ``zh``)."""
    primary, _, secondary = display.partition("+")
    return primary, secondary or None


def words(english: str, display: str, **values: object) -> tuple[str, str]:
    """*english* in the primary and the secondary language of *display* (``en``, ``en+zh``);
    the second is "" in one language, and where it says the same as the first."""
    primary, secondary = languages(display)
    first = word(english, primary, **values)
    second = word(english, secondary, **values) if secondary else ""
    return first, "" if second == first else second


def both(english: str, display: str, **values: object) -> str:
    """*english* in each language of *display*, joined by :data:`BOTH` (once where they are
    the same): for a word drawn once, such as a section's number."""
    return BOTH.join(form for form in words(english, display, **values) if form)
