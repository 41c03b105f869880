r"""What text boxes share: character and block formats, paragraphs typeset once, and the
documents laid out for them (:class:`LaidOut`).

A slide's text is laid out as ``QTextDocument``\ s by :class:`desktop.render.text.TextBox`;
most of what goes into one is the same from box to box (a few formats), or from one layout
of a text to the next (its typeset pieces, at every size a fit tries). Building these once is
what keeps laying out a dense slide in two languages affordable.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from functools import cache, lru_cache
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextDocument,
    QTextOption,
)

from desktop.core.cjk import typeset
from desktop.core.markup import Run, parse_inline
from desktop.render.cjk_text import Piece, pieces
from desktop.render.fonts import make_font, whole_pixels


class LaidOut:
    """Documents laid out for text boxes, by what each was laid out from: the paragraphs,
    fonts, width, minimum size and scale (LRU, at most *limit*).

    A text laid out again at a scale shares the document made the first time: the footer of
    every slide of a section, a box measured for several arrangements or heights (a figures
    slide's labels), a slide laid out again (its subtitle given way), a fit search's steps
    over one text. The renderer keeps one for its slides (:class:`LayoutBuilder
    <desktop.render.builder.LayoutBuilder>` hands it to the boxes it measures); a box
    without one lays out what it needs.
    """

    LIMIT: Final = 128

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._docs: OrderedDict[tuple[object, ...], QTextDocument] = OrderedDict()
        self._sizes: dict[tuple[object, ...], tuple[object, float]] = {}

    def __len__(self) -> int:
        return len(self._docs)

    def get(self, key: tuple[object, ...]) -> QTextDocument | None:
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
        return doc

    def put(self, key: tuple[object, ...], doc: QTextDocument) -> None:
        self._docs[key] = doc
        if len(self._docs) > self.limit:
            self._docs.popitem(last=False)

    def size(self, key: tuple[object, ...], owner: object) -> float | None:
        """A size worked out before for *owner* (the whole slide of a slide in parts: every
        part works out the same one for all of them) under *key*; None: not yet."""
        kept = self._sizes.get(key)
        return kept[1] if kept is not None and kept[0] is owner else None

    def keep_size(self, key: tuple[object, ...], owner: object, size: float) -> None:
        """Keep the size worked out for *owner* under *key* (at most :attr:`limit`)."""
        if len(self._sizes) >= self.limit:
            self._sizes.clear()
        self._sizes[key] = (owner, size)


def natural_height(families: tuple[str, ...], size: float) -> float:
    """The natural line height of *families*' first font at *size* (as Qt lays it out)."""
    return _natural_height(families, whole_pixels(size))


@cache
def _natural_height(families: tuple[str, ...], pixels: int) -> float:
    metrics = QFontMetricsF(make_font(families, pixels))
    return math.ceil(metrics.ascent()) + math.ceil(metrics.descent())


PIECES_KEPT: Final = 1024
"""Paragraphs whose typeset pieces are kept (LRU): a slide's, many times over."""
PIECES_KEPT_CHARS: Final = 2000
"""Longer paragraphs are typeset each time they are laid out, so what is kept stays small
whatever a deck holds."""


def typeset_pieces(text: str, markup: bool) -> tuple[Piece, ...]:
    """A paragraph's text as it is inserted at any size: typeset, its emphasis read (where
    *markup*), the Chinese line-breaking rules applied. A text fitted to its box is laid out
    at several sizes: this is done once (for paragraphs up to :data:`PIECES_KEPT_CHARS`)."""
    if len(text) > PIECES_KEPT_CHARS:
        return _typeset_pieces(text, markup)
    return _kept_pieces(text, markup)


def _typeset_pieces(text: str, markup: bool) -> tuple[Piece, ...]:
    typeset_text = typeset(text)
    return tuple(pieces(parse_inline(typeset_text) if markup else (Run(typeset_text),)))


_kept_pieces = lru_cache(maxsize=PIECES_KEPT)(_typeset_pieces)


@cache
def text_option(wrap: bool) -> QTextOption:
    """The text option of every document: wrapped at word boundaries (else anywhere), or not
    wrapped (``setDefaultTextOption`` copies it)."""
    option = QTextOption()
    option.setWrapMode(
        QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if wrap else QTextOption.WrapMode.NoWrap
    )
    return option


@lru_cache(maxsize=256)
def block_format(
    align: Qt.AlignmentFlag,
    line_height: int,
    bottom: float,
    hanging: tuple[float, float, float] | None,
) -> QTextBlockFormat:
    """A paragraph's block format (shared, like :func:`char_format`); *hanging* is a
    bullet's left margin, first-line indent and tab position."""
    block = QTextBlockFormat()
    block.setAlignment(align)
    block.setLineHeight(line_height, 1)  # 1 = ProportionalHeight
    block.setBottomMargin(bottom)
    if hanging is not None:
        left, first, tab = hanging
        block.setLeftMargin(left)
        block.setTextIndent(first)
        block.setTabPositions([QTextOption.Tab(tab, QTextOption.TabType.LeftTab)])
    return block


def char_format(
    families: tuple[str, ...], size: float, color: str, bold: bool = False, italic: bool = False
) -> QTextCharFormat:
    """The character format of a run (shared: ``insertText`` copies it, nobody changes it).

    Slides repeat a few formats thousands of times (body text, titles, footers); building
    the font each time was a fifth of laying out a slide. Kept by the whole pixel size the
    font is set at, not the size asked for: a fit tries sizes a fraction of a pixel apart,
    and a new font, even of a size laid out before, costs Qt its font engines again (twice
    the time of laying a two-language paragraph out).
    """
    return _char_format(families, whole_pixels(size), color, bold, italic)


@lru_cache(maxsize=256)
def _char_format(
    families: tuple[str, ...], pixels: int, color: str, bold: bool, italic: bool
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(make_font(families, pixels, bold, italic))
    fmt.setForeground(QBrush(QColor(color)))
    return fmt
