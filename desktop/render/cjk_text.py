"""Chinese typography in the text layer: the rules of :mod:`desktop.core.cjk` applied to the
runs of one paragraph before :mod:`desktop.render.text` inserts them.

A paragraph with no Chinese character passes through unchanged (and costs one scan). In one
with Chinese, :func:`pieces` gives the runs to insert: typeset
(:func:`desktop.core.cjk.typeset`), each quotation mark or dash standing in Chinese text marked
*wide* (drawn with the Chinese font first, full width), and a WORD JOINER (U+2060) wherever
Qt's line breaker would break but the Chinese rules forbid it (:func:`desktop.core.cjk.kinsoku`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from PySide6.QtCore import QTextBoundaryFinder
from PySide6.QtGui import QRawFont

from desktop.core.cjk import has_cjk, kinsoku, wide_marks
from desktop.core.markup import Run
from desktop.render.fonts import make_font

WORD_JOINER = "\u2060"
"""Forbids a line break where it stands; drawn as nothing."""


class Piece(NamedTuple):
    """A stretch of one paragraph with one style and one font order."""

    text: str
    bold: bool
    italic: bool
    wide: bool
    """Drawn with the Chinese font first (a full-width quotation mark or dash)."""


def qt_breaks(text: str) -> list[int]:
    """The positions Qt's line breaker may start a new line at (``0 < p < len(text)``)."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    out: list[int] = []
    position = finder.toNextBoundary()
    while 0 < position < len(text):
        out.append(position)
        position = finder.toNextBoundary()
    return out


def pieces(runs: Sequence[Run]) -> list[Piece]:
    """*runs* (one paragraph's, already typeset) as pieces to insert, with the Chinese rules
    applied: word joiners where a break is forbidden, wide marks in the Chinese font."""
    full = "".join(run.text for run in runs)
    if not has_cjk(full):
        return [Piece(run.text, run.bold, run.italic, False) for run in runs if run.text]
    opportunities = qt_breaks(full)
    glued = set(opportunities) - set(kinsoku(full, opportunities))
    wide = wide_marks(full)
    out: list[Piece] = []
    start = 0
    for run in runs:
        buffer: list[str] = []
        flag: bool | None = None
        for offset, char in enumerate(run.text):
            position = start + offset
            if position in glued:
                buffer.append(WORD_JOINER)
            if flag is not None and wide[position] != flag and buffer:
                out.append(Piece("".join(buffer), run.bold, run.italic, flag))
                buffer = []
            flag = wide[position]
            buffer.append(char)
        if buffer:
            out.append(Piece("".join(buffer), run.bold, run.italic, bool(flag)))
        start += len(run.text)
    return out


@cache
def cjk_first(families: tuple[str, ...]) -> tuple[str, ...]:
    """*families* with the ones that draw Chinese first (the order for wide marks)."""
    chinese = ord("中")

    def draws(family: str) -> bool:
        raw = QRawFont.fromFont(make_font((family,), 32))
        return raw.isValid() and raw.supportsCharacter(chinese)

    first = tuple(family for family in families if draws(family))
    return first + tuple(family for family in families if family not in first)
