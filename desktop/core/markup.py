"""Inline emphasis in slide text: ``**bold**`` and ``*italic*``, nothing else."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_TOKEN: Final = re.compile(r"(\*\*|\*|\\\*)")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one style."""

    text: str
    bold: bool = False
    italic: bool = False


def parse_inline(text: str) -> tuple[Run, ...]:
    """Split *text* into styled runs. ``\\*`` is a literal asterisk.

    Unbalanced markers are kept as literal text, and so is a pair of markers with nothing
    but spaces between them (``****``, ``* *``): nothing typed is lost.
    """
    pieces = _TOKEN.split(text)
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
    """The text without emphasis markers (for search, outlines and PDF bookmarks)."""
    return "".join(run.text for run in parse_inline(text))
