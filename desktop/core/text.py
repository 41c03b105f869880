"""User-visible text: whole sentences with their numbers, never glued from fragments. Qt-free.

A message that counts something is written as two whole format strings, the singular and the
plural, each with ``{n}`` where the number goes; :func:`plural` picks one. That is the shape
``gettext.ngettext`` takes, so a translation can later replace this one function (and get its
language's own plural rules) without touching a caller::

    plural(len(hits), "{n} hit", "{n} hits")           # "1 hit", "12 hits"
    plural(minutes, "{n} min behind", "{n} min behind")  # same in English, not in every language

Other numbers and names go in as named fields of the chosen string (``str.format``).
"""

from __future__ import annotations


def plural(n: int, one: str, many: str, **fields: object) -> str:
    """*one* or *many* (by *n*), formatted with ``{n}`` and any other *fields*.

    Args:
        n: The count that decides the form.
        one: The singular sentence, e.g. ``"{n} slide"``.
        many: The plural sentence, e.g. ``"{n} slides"``.
        **fields: Further named values of the sentence.
    """
    return (one if n == 1 else many).format(n=n, **fields)
