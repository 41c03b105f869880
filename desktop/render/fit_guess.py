"""Where a fit's search starts: the size at which a text box's paragraphs would just fit,
guessed from their layout at full size.

A text too full for its box at full size (:meth:`desktop.render.text.TextBox.fit`) is set at
the largest whole pixel size that fits, searched from a guess
(:func:`desktop.render.fit_search.last_fitting`). Its height does not shrink alike
everywhere: a secondary language's text held at the theme's minimum size stops shrinking,
and a paragraph loses a whole line at a size of its own. So :func:`guess` models each
paragraph from its layout at full size (:func:`paragraph_lines`): its words take as many
lines as their width at a size fills (one at least), each line as tall and as wide in
proportion to the size. Any guess finds the same size; a right one takes the layout at full
size, the size guessed and its neighbour.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextDocument, QTextLayout

from desktop.render.fit_search import bisect_last

if TYPE_CHECKING:
    from desktop.render.text import Para

Lines = list[tuple[int, float, float, float, float]]
"""Each paragraph of a document as laid out: see :func:`paragraph_lines`."""

_LINES: weakref.WeakKeyDictionary[QTextDocument, Lines] = weakref.WeakKeyDictionary()
""":func:`paragraph_lines` of each document asked about while it lives (a document laid out
once is fitted in several boxes: a figures slide's label in each of its tries)."""


@dataclass(frozen=True)
class FitRoom:
    """What a text box fits its paragraphs into: its rectangle, the least size it sets them
    at (unless written smaller) and whether they wrap."""

    rect: QRectF
    min_size: float
    wrap: bool


def scaled_size(size: float, scale: float, min_size: float) -> float:
    """A paragraph's size *size* at *scale*: never below *min_size* (unless written smaller),
    never below a pixel (:meth:`TextBox.size_of <desktop.render.text.TextBox.size_of>`)."""
    return max(1.0, min(size, min_size), size * scale)


def guess(
    doc: QTextDocument,
    paras: Sequence[Para],
    room: FitRoom,
    *,
    scale: float,
    scales: Sequence[float],
) -> int:
    """The index of the largest of *scales* (smallest first) at which *paras* would just fit
    *room*, guessed from *doc* (them laid out at *scale*): each paragraph at the whole pixel
    size the fit sets it at (see the module's text); -1 when at none."""
    height = doc.size().height()
    measured = paragraph_lines(doc, height)
    if len(measured) != len(paras):  # not a document of these paragraphs: no model
        return len(scales) - 1
    # Each paragraph: its size at scale 1, its whole pixels in *doc*, and as laid out there.
    parts = [
        (para.size, _pixels(para.size, scale, room.min_size), *lines)
        for para, lines in zip(paras, measured, strict=True)
    ]
    width, tallest = room.rect.width() + 0.5, room.rect.height() + 0.5

    def fits(index: int) -> bool:
        at, total, widest = scales[index], 0.0, 0.0
        for size, pixels, count, words, line, longest, tall in parts:
            ratio = _pixels(size, at, room.min_size) / pixels
            lines = max(1, math.ceil(words * ratio / line - 1e-9)) if room.wrap else count
            total += lines * tall / count * ratio
            widest = max(widest, longest * ratio)
        return total <= tallest and widest <= width

    found = bisect_last(-1, len(scales), fits)
    return -1 if found is None else found


def _pixels(size: float, scale: float, min_size: float) -> int:
    """The whole pixels a paragraph's font is set at: :func:`desktop.render.fonts.whole_pixels`
    of its :func:`scaled_size`, written out (asked some 1,500 times an export in two
    languages, where the two calls cost a fifth of the guess; a test keeps them equal)."""
    return max(1, round(max(1.0, min(size, min_size), size * scale)))


def paragraph_lines(doc: QTextDocument, height: float) -> Lines:
    """Each paragraph of *doc* (laid out, *height* tall) as it is laid out: its lines, the
    width its words take on them, the width of a line, the width of its widest line, and the
    height it takes with its gap below (kept while *doc* lives)."""
    kept = _LINES.get(doc)
    if kept is None:
        kept = _LINES[doc] = _measured_lines(doc, height)
    return kept


def _measured_lines(doc: QTextDocument, height: float) -> Lines:
    layouts = list(_layouts(doc))
    tops = [layout.position().y() for layout in layouts] + [height]
    out = []
    for n, layout in enumerate(layouts):
        count = layout.lineCount()
        if not count:
            return []
        widths = [layout.lineAt(line).naturalTextWidth() for line in range(count)]
        line = max(layout.lineAt(0).width(), 1.0)
        out.append((count, sum(widths), line, max(widths), tops[n + 1] - tops[n]))
    return out


def _layouts(doc: QTextDocument) -> Iterator[QTextLayout]:
    block = doc.begin()
    while block.isValid():
        yield block.layout()
        block = block.next()
