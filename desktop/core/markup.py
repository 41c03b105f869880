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

    Unbalanced markers are kept as literal text, so nothing typed is lost.
    """
    pieces = _TOKEN.split(text)
    # Markers that have a partner later on toggle; a lone one stays literal.
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
            if opening and piece not in pieces[index + 1 :]:
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


def plain(text: str) -> str:
    """The text without emphasis markers (for search, outlines and PDF bookmarks)."""
    return "".join(run.text for run in parse_inline(text))
