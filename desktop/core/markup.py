"""Inline emphasis in slide text: ``**bold**`` and ``*italic*``, nothing else."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

_TOKEN: Final = re.compile(r"(\*\*|\*|\\\*)")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False


_OPENS_AFTER: Final = frozenset(" \t\n([{<\u2014\u2013-/\u201c\u2018\u3000\uff08\u300a")
"""Characters after which a quotation mark opens a quote (and at the start of the text)."""


def typographic(text: str) -> str:
    """*text* with typographic quotation marks for straight ones: ``"a"`` becomes “a”,
    ``'a'`` ‘a’ and an apostrophe (``it's``, ``'90s``) ’. Double marks pair up in order; a
    single one opens a quote at the start or after a space, bracket, dash or Chinese
    character and is a closing mark or apostrophe otherwise. Chinese text takes the same
    marks; its font draws them full width.

    The one place the marks change: slide text (:func:`parse_inline`), plain text
    (:func:`plain`) and speaker notes (:mod:`desktop.render.notes`) all go through it.
    """
    if "'" not in text and '"' not in text:
        return text
    out: list[str] = []
    double_open = single_open = False
    for index, char in enumerate(text):
        if char not in "'\"":
            out.append(char)
            continue
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if char == '"':
            # Double marks pair up in order: the first opens, the next closes.
            double_open = not double_open
            out.append("\u201c" if double_open else "\u201d")
        elif (before.isalnum() and not _is_wide(before) and not after.isspace()) or (
            before in _OPENS_AFTER and after.isdigit()
        ):
            out.append("\u2019")  # an apostrophe: it's, rock 'n' roll's, '90s
        elif not single_open and (before in _OPENS_AFTER or _is_wide(before)):
            single_open = True
            out.append("\u2018")
        else:
            single_open = False
            out.append("\u2019")
    return "".join(out)


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def parse_inline(text: str) -> tuple[Run, ...]:
    """Split *text* into styled runs, with typographic quotes (:func:`typographic`).
    ``\\*`` is a literal asterisk.

    Unbalanced markers are kept as literal text, and so is a pair of markers with nothing
    but spaces between them (``****``, ``* *``): nothing typed is lost.
    """
    pieces = _TOKEN.split(typographic(text))
    # Markers that have a partner later on, with text between, toggle; others stay literal.
    runs: list[Run] = []
    bold = italic = False
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            runs.append(Run("".join(buffer), bold, italic))
            buffer.clear()

    for index, piece in enumerate(pieces):
        if piece == "\\*":
            buffer.append("*")
        elif piece in ("**", "*"):
            opening = not (bold if piece == "**" else italic)
            if opening and not _encloses_text(pieces, index):
                buffer.append(piece)
                continue
            flush()
            if piece == "**":
                bold = not bold
            else:
                italic = not italic
        elif piece:
            buffer.append(piece)
    flush()
    return tuple(runs)


def _encloses_text(pieces: list[str], index: int) -> bool:
    """Whether the marker at *index* has a partner later on with visible text between."""
    marker = pieces[index]
    try:
        partner = pieces.index(marker, index + 1)
    except ValueError:
        return False
    return any(
        piece == "\\*" or (piece not in ("**", "*") and piece.strip())
        for piece in pieces[index + 1 : partner]
    )


def plain(text: str) -> str:
    """The text without emphasis markers, with typographic quotes (for outlines, titles
    and PDF bookmarks)."""
    return "".join(run.text for run in parse_inline(text))
