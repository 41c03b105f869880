"""The interface language: one gettext catalogue for every string the app shows. Qt-free.

Every user-visible string in the code is marked where it is written, and translated when it is
shown (the loader's problems, the command line's messages and help, every menu, dialog and
console label):

* ``_("Export PDF…")`` for a sentence: it is looked up at the moment of the call.
* ``N_("Open")`` for a sentence kept in data (an action table, a constant): it only marks the
  text for the catalogue; the code that shows it calls ``_(value)``.
* ``ngettext("{n} slide", "{n} slides", n)`` (or :func:`desktop.core.text.plural`) when a count
  decides the words; the catalogue holds the forms, so Chinese has one form, English two.
* ``pgettext("menu", "View")`` when one English word needs two translations.
* Values go in by name: ``_("cannot read {file}: {reason}").format(file=…, reason=…)``, so a
  translation may put them in its own order. Never build a sentence from fragments.

The catalogue sources are ``resources/locale/<code>/LC_MESSAGES/tianjin_briefing.po``; the
compiled ``.mo`` beside each is written by ``tools/i18n.py compile`` and checked by the tests
(``tests/i18n``), and ships in the wheel. The language is chosen once, at start-up
(:func:`set_ui_language`): ``--ui-lang``, else the app's setting (GUI), else the system locale.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from desktop.core.resources import resources_dir

DOMAIN: Final = "tianjin_briefing"


@dataclass(frozen=True, slots=True)
class UiLanguage:
    """One interface language the app has.

    Attributes:
        code: The catalogue's code (``zh_CN``), as ``--ui-lang`` takes it.
        name: Its name in itself (``简体中文``), as the language menu shows it.
        qt: The suffix of Qt's own catalogues for it (``qtbase_zh_CN.qm``), "" for none.
    """

    code: str
    name: str
    qt: str


UI_LANGUAGES: Final = (
    UiLanguage("en", "English", ""),
    UiLanguage("zh_CN", "简体中文", "zh_CN"),
)
"""The interface languages, the source language (English) first."""

_ALIASES: Final = {"zh": "zh_CN", "zh_hans": "zh_CN", "zh_sg": "zh_CN", "c": "en", "posix": "en"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language: str = "en"


def _(message: str) -> str:
    """*message* in the interface language (itself when the catalogue lacks it)."""
    return _translation.gettext(message)


def N_(message: str) -> str:
    """Mark *message* for the catalogue without translating it (show it with ``_()``)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a sentence for the count *n* (Chinese has one form, English two)."""
    return _translation.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """*message* translated in *context*, for an English word with two meanings."""
    return _translation.pgettext(context, message)


def ui_language() -> str:
    """The code of the interface language in force (``en`` until one is set)."""
    return _language


def known_code(code: str) -> str | None:
    """The interface language a locale or code names (``zh_CN.UTF-8`` → ``zh_CN``), if any.

    English, Chinese in its Simplified forms, ``C`` and ``POSIX`` are known; a language the app
    has no catalogue for gives None.
    """
    text = code.strip().split(".")[0].split("@")[0].replace("-", "_").lower()
    if not text:
        return None
    text = _ALIASES.get(text, text)
    for language in UI_LANGUAGES:
        if text.lower() == language.code.lower():
            return language.code
    base = text.split("_")[0]
    if base == "en":
        return "en"
    if base == "zh" and text not in ("zh_tw", "zh_hk", "zh_mo", "zh_hant"):
        return "zh_CN"
    return None


def system_ui_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the system locale asks for; English when it names none we have.

    Reads the variables gettext reads (``LANGUAGE``, a list, then ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``), then the C library's locale.
    """
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        for part in value.split(":"):
            found = known_code(part)
            if found is not None:
                return found
        if variable != "LANGUAGE":
            return "en"  # the first locale variable set decides, as in gettext
    if environ is None:
        try:
            current = locale.getlocale(locale.LC_MESSAGES)[0] or ""
        except (ValueError, AttributeError):  # no LC_MESSAGES (Windows)
            current = ""
        found = known_code(current)
        if found is not None:
            return found
    return "en"


def set_ui_language(code: str | None) -> str:
    """Use the catalogue of *code* (None or "": the system locale's) for every later lookup.

    Returns:
        The code in force; English when *code* names no language the app has (callers that
        take a code from the user check it with :func:`known_code` first).
    """
    global _translation, _language
    chosen = (known_code(code) if code else None) or system_ui_language()
    translation: gettext.NullTranslations = gettext.NullTranslations()
    if chosen != "en":
        try:
            translation = gettext.translation(
                DOMAIN, str(resources_dir() / "locale"), languages=[chosen]
            )
        except OSError:  # a missing catalogue (a broken install): the source language
            chosen = "en"
    _translation, _language = translation, chosen
    return chosen


def language_named(code: str) -> UiLanguage:
    """The :class:`UiLanguage` of a known *code* (see :func:`known_code`)."""
    for language in UI_LANGUAGES:
        if language.code == code:
            return language
    raise KeyError(code)
