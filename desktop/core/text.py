"""User-visible text: whole sentences with their numbers, never glued from fragments. Qt-free.

A message that counts something is written as two whole format strings, the singular and the
plural, each with ``{n}`` where the number goes; :func:`plural` looks them up in the interface
language's catalogue (:func:`desktop.core.i18n.ngettext`), which knows that language's plural
rules (Chinese has one form), and fills them in::

    plural(len(hits), "{n} hit", "{n} hits")           # "1 hit", "12 hits"
    plural(minutes, "{n} min behind", "{n} min behind")  # same in English, not in every language

Other numbers and names go in as named fields of the chosen string (``str.format``).
"""

from __future__ import annotations

from desktop.core.i18n import ngettext


def plural(n: int, one: str, many: str, **fields: object) -> str:
    """*one* or *many* (by *n*), formatted with ``{n}`` and any other *fields*.

    Args:
        n: The count that decides the form.
        one: The singular sentence, e.g. ``"{n} slide"``.
        many: The plural sentence, e.g. ``"{n} slides"``.
        **fields: Further named values of the sentence.
    """
    return ngettext(one, many, n).format(n=n, **fields)
