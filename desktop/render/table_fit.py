"""How a table's cells are measured (Qt fonts, no layout): advances of text as it is drawn,
the narrowest a word may be set in, and the search for the largest size that fits.

:mod:`desktop.render.table` plans a table at several sizes; each plan measures every cell,
so the advances are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Final

from PySide6.QtGui import QFontMetricsF

from desktop.core.cjk import has_cjk, is_cjk, typeset
from desktop.core.markup import plain
from desktop.render.fit_search import last_fitting
from desktop.render.fonts import make_font

HEADER_WORD: Final = 6
"""A header's Chinese words up to this many characters are not broken (a line breaks
only where a Latin word or a space ends)."""


def first_fitting(count: int, fits: Callable[[int], bool], start: int = 0) -> int | None:
    """The first of ``range(count)`` for which *fits* holds, where it holds from some index
    on (None: for none), asking *fits* about a few: first at *start* (a guess), then 1, 2,
    4... indices away from it until the answer is bracketed, then by bisection (the search of
    :func:`~desktop.render.fit_search.last_fitting`, from the other end)."""
    found = last_fitting(count, lambda index: fits(count - 1 - index), count - 1 - start)
    return None if found is None else count - 1 - found


def unbroken(word: str, font: tuple[tuple[str, ...], float, bool], header: bool) -> float:
    """The width *word* (typeset: a run of Chinese apart from a Latin one) needs on one line.

    Chinese text may break between any two characters, so two of them are the least; but a
    header's Chinese word of at most :data:`HEADER_WORD` characters (实绩, 2027 年目标) is kept
    whole: a column is as wide as it needs.
    """
    if not has_cjk(word):
        return advance(*font, word)
    if header and sum(map(is_cjk, word)) <= HEADER_WORD:
        return advance(*font, word)
    return max(advance(*font, char) for char in word) * 2


@lru_cache(maxsize=4096)
def advance(families: tuple[str, ...], size: float, bold: bool, text: str) -> float:
    """The advance width of *text* in *families* at *size* (kept: a table is measured at
    each size it tries, again when its slide is laid out again, and text in two languages
    is shaped with the fallback font, character by character for Chinese)."""
    return _metrics(families, size, bold).horizontalAdvance(text)


@lru_cache(maxsize=64)
def _metrics(families: tuple[str, ...], size: float, bold: bool) -> QFontMetricsF:
    return QFontMetricsF(make_font(families, size, bold=bold))


@lru_cache(maxsize=4096)
def shown(text: str) -> str:
    """*text* as a cell draws it: its emphasis markers left out, a Chinese text spaced and
    its marks wide (kept: a table is measured at every size it tries)."""
    return typeset(plain(text))
