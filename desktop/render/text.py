"""Text boxes: styled paragraphs laid out with QTextDocument, shrunk to fit their box.

Text from YAML never becomes HTML: paragraphs are built with QTextCursor and
explicit character formats, so markup in content can only mean what
:mod:`desktop.core.markup` allows.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QTextBlock, QTextCursor, QTextDocument

from desktop.core.cjk import has_cjk
from desktop.core.markup import plain
from desktop.render.cjk_text import cjk_first
from desktop.render.fit_guess import FitRoom, guess, scaled_size
from desktop.render.fit_search import last_fitting
from desktop.render.text_shared import (
    LaidOut,
    block_format,
    char_format,
    natural_height,
    text_option,
    typeset_pieces,
)

LINE_SPACING = 1.362
"""Natural line spacing of the Latin font (Noto Sans), as a multiple of the font size: the
pitch of every line, Chinese and mixed ones included."""


FIT_KEPT = 16
"""Documents a box fitted alone keeps while it searches (each scale laid out once)."""


class VAlign(enum.Enum):
    TOP = "top"
    CENTER = "center"
    BOTTOM = "bottom"


@dataclass(frozen=True, slots=True)
class Para:
    """One paragraph of a text box.

    Attributes:
        text: Text with inline emphasis markup.
        size: Font size in canvas pixels at scale 1.
        color: ``#rrggbb``.
        bold, italic: Base style (emphasis toggles on top).
        level: 0 plain, 1 bullet, 2 sub-bullet.
        bullet_color: Colour of the bullet mark.
        space_after: Gap after the paragraph, as a fraction of its size.
        align: Horizontal alignment.
        markup: Whether ``*`` and ``**`` mean emphasis (False for raw text).
        max_lines: At most this many lines (0: any); longer text ends in an ellipsis.
        indent_size: See below.
        drawn: False for an item of a build still to come: laid out (it keeps its room) but
            not drawn, so neither seen nor in a PDF's text.
    """

    text: str
    size: float
    color: str
    bold: bool = False
    italic: bool = False
    level: int = 0
    bullet_color: str = ""
    space_after: float = 0.35
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    line_height: int = 118
    markup: bool = True
    max_lines: int = 0
    indent_size: float = 0.0
    """A continuation of a bullet (its secondary text): no mark, indented as a bullet of this
    size is."""
    drawn: bool = True
    _hash: int | None = field(default=None, init=False, repr=False, compare=False)
    """The hash, worked out when first asked: a paragraph is hashed wherever a text is looked
    up among those laid out (:class:`LaidOut`), every try of every fit."""

    def __hash__(self) -> int:
        kept = self._hash
        if kept is None:
            kept = hash(
                (
                    self.text,
                    self.size,
                    self.color,
                    self.bold,
                    self.italic,
                    self.level,
                    self.bullet_color,
                    self.space_after,
                    self.align,
                    self.line_height,
                    self.markup,
                    self.max_lines,
                    self.indent_size,
                    self.drawn,
                )
            )
            object.__setattr__(self, "_hash", kept)
        return kept


@dataclass
class TextBox:
    """Paragraphs fitted into a rectangle of the canvas.

    After :meth:`fit`, ``scale`` is the font scale used, ``overflow`` says the
    text did not fit even at the minimum size, and ``document`` is ready to paint.
    """

    rect: QRectF
    paras: list[Para]
    families: tuple[str, ...]
    min_size: float = 20.0
    valign: VAlign = VAlign.TOP
    wrap: bool = True
    name: str = ""
    body: bool = False
    """The slide's body text: bullets, columns, a quote, a generated list."""
    proportional: bool = False
    """Shrink every paragraph in proportion only (the smallest sets the floor): for texts
    whose sizes say their rank, as the cover's title over its subtitle."""
    shared: LaidOut | None = field(default=None, repr=False, compare=False)
    """Where documents laid out alike are shared (None: not shared)."""
    scale: float = 1.0
    overflow: bool = False
    document: QTextDocument | None = field(default=None, repr=False)

    def fit(self, max_scale: float = 1.0) -> TextBox:
        """Lay out at full size; shrink until it fits or reaches the minimum size.

        The paragraphs shrink in proportion until the smallest reaches the minimum; if the
        text still does not fit, the smallest ones stay at the minimum while the larger ones
        shrink on towards it (a secondary language's smaller lines below larger ones).
        *max_scale* caps the scale (to match a sibling box). A text laid out before at a
        scale and width, in the same :attr:`shared`, shares that document.
        """
        with self._sharing():
            self._fit(max_scale)
        return self

    @contextmanager
    def _sharing(self) -> Iterator[None]:
        """Within a fit, a text laid out again at a scale (the floor, a step) is laid out
        once even in a box that shares nothing with others."""
        if self.shared is not None:
            yield
            return
        self.shared = LaidOut(FIT_KEPT)
        try:
            yield
        finally:
            self.shared = None

    def _fit(self, max_scale: float) -> None:
        self.overflow = False
        doc = self._layout(max_scale)
        if self._fits(doc):
            self.document, self.scale = doc, max_scale
            return
        scales = self._scales(max_scale)
        room = FitRoom(self.rect, self.min_size, self.wrap)
        start = guess(doc, self.paras, room, scale=max_scale, scales=scales)
        found = last_fitting(
            len(scales), lambda index: self._fits(self._layout(scales[index])), start
        )
        if found is None:
            self.document, self.scale = self._layout(scales[0]), scales[0]
            self.overflow = not self._fits(self.document)
        else:
            self.scale, self.document = scales[found], self._layout(scales[found])

    def _scales(self, max_scale: float) -> list[float]:
        """The scales a fit below *max_scale* chooses from, smallest first: its floor (the
        smallest paragraphs at the minimum size; below it, where larger ones shrink on, the
        lower floor as well), and every scale that sets the largest paragraph at a whole
        pixel size between them and *max_scale*: sizes a pixel apart, the steps anyone can
        tell apart (and Qt sets fonts at whole pixels)."""
        floor, lowest = self._floors(max_scale)
        bottom = floor if lowest is None else lowest
        largest = max((p.size for p in self.paras), default=self.min_size)
        pixels = range(math.floor(bottom * largest) + 1, math.ceil(max_scale * largest))
        steps = {bottom, *(pixel / largest for pixel in pixels)}
        if bottom < floor < max_scale:
            steps.add(floor)
        return sorted(step for step in steps if step == bottom or step < max_scale)

    def _floors(self, max_scale: float) -> tuple[float, float | None]:
        """The scale the paragraphs shrink to in proportion (the smallest at the minimum
        size), and the one the larger ones shrink on to when the text does not fit there
        (None: they do not)."""
        smallest = min((p.size for p in self.paras), default=self.min_size)
        largest = max((p.size for p in self.paras), default=self.min_size)
        floor = min(max_scale, self.min_size / smallest) if smallest else max_scale
        if largest > smallest and not self.proportional:
            return floor, min(floor, self.min_size / largest)
        return floor, None

    def floor_scale(self, max_scale: float = 1.0) -> float:
        """The smallest scale :meth:`fit` may set (the one an overflowing text is left at)."""
        floor, lowest = self._floors(max_scale)
        return floor if lowest is None else lowest

    def overflows(self, max_scale: float = 1.0) -> bool:
        """Whether :meth:`fit` would leave the text overflowing: it does not fit at
        *max_scale* nor at the floor. Lays out those and the floors (shared, as :meth:`fit`
        will), not the search between them."""
        floor, lowest = self._floors(max_scale)
        with self._sharing():
            if self._fits(self._layout(max_scale)) or self._fits(self._layout(floor)):
                return False
            return lowest is None or not self._fits(self._layout(lowest))

    def size_of(self, para: Para, scale: float) -> float:
        """*para*'s font size at *scale*: never below the minimum (unless written smaller)."""
        return self._scaled(para.size, scale)

    def _scaled(self, size: float, scale: float) -> float:
        return scaled_size(size, scale, self.min_size)

    def font_sizes(self) -> list[float]:
        """The size of each paragraph's text as laid out, in canvas pixels."""
        return [self.size_of(para, self.scale) for para in self.paras]

    def drawn_rect(self) -> QRectF:
        """Where the laid-out text is drawn on the canvas (alignment applied)."""
        width, height = self.content_size()
        origin = self._origin()
        if self.wrap:
            return QRectF(self.rect.left(), origin.y(), self.rect.width(), height)
        return QRectF(origin.x(), origin.y(), width, height)

    def line_tops(self) -> list[tuple[float, float]]:
        """``(top, height)`` of every laid-out line, from the box's text top, in order."""
        assert self.document is not None
        out: list[tuple[float, float]] = []
        block = self.document.begin()
        while block.isValid():
            layout = block.layout()
            base = layout.position().y()
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                out.append((base + line.y(), line.height()))
            block = block.next()
        return out

    def content_size(self) -> tuple[float, float]:
        """Width and height the laid-out text occupies."""
        assert self.document is not None
        return self.document.idealWidth(), self.document.size().height()

    def _fits(self, doc: QTextDocument) -> bool:
        width, height = _extent(doc)
        return height <= self.rect.height() + 0.5 and width <= self.rect.width() + 0.5

    def _layout(self, scale: float) -> QTextDocument:
        """The paragraphs laid out at *scale* (shared with a box laid out alike)."""
        if self.shared is None:
            return self._elided_layout(scale)
        key = (
            self.rect.width() if self.wrap else None,
            tuple(self.paras),
            self.families,
            self.min_size,
            self.wrap,
            scale,
        )
        doc = self.shared.get(key)
        if doc is None:
            doc = self._elided_layout(scale)
            self.shared.put(key, doc)
        return doc

    def _elided_layout(self, scale: float) -> QTextDocument:
        """The paragraphs laid out at *scale*, each cut to its ``max_lines``."""
        doc = self._document(scale, self.paras)
        if not any(p.max_lines for p in self.paras):
            return doc
        paras = list(self.paras)
        doc.size()  # lays the document out: a block has its lines only then
        for index, block in enumerate(_blocks(doc)):
            para = paras[index]
            if para.max_lines and block.layout().lineCount() > para.max_lines:
                paras[index] = self._elided(scale, para)
        return doc if paras == self.paras else self._document(scale, paras)

    def _elided(self, scale: float, para: Para) -> Para:
        """*para* cut to the longest start that, with an ellipsis, takes its ``max_lines``."""
        text = plain(para.text) if para.markup else para.text
        para = replace(para, markup=False)
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            candidate = self._document(scale, [replace(para, text=_cut(text, middle))])
            candidate.size()
            if candidate.begin().layout().lineCount() <= para.max_lines:
                low = middle
            else:
                high = middle - 1
        return replace(para, text=_cut(text, low))

    def _document(self, scale: float, paras: list[Para]) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultTextOption(text_option(self.wrap))
        if self.wrap:
            doc.setTextWidth(self.rect.width())
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()  # one layout when done, not one per insertion
        for index, para in enumerate(paras):
            size = self._scaled(para.size, scale)
            line_height = para.line_height
            if has_cjk(para.text):
                # Lines of Chinese (or mixed) text at the pitch of Latin ones: the Chinese
                # font's taller natural height would otherwise space them further apart.
                latin = natural_height(self.families[:1], size)
                chinese = natural_height(cjk_first(self.families)[:1], size)
                line_height = round(para.line_height * latin / chinese)
            hanging: tuple[float, float, float] | None = None
            if para.level:
                # The indent of the bullet's own size (a secondary line below takes it too).
                at = self._scaled(para.indent_size or para.size, scale)
                indent = at * (1.1 if para.level == 1 else 1.0)
                offset = (para.level - 1) * at * 1.3
                hanging = (offset + indent, 0 if para.indent_size else -indent, indent)
            block = block_format(
                para.align if self.wrap else Qt.AlignmentFlag.AlignLeft,
                line_height,
                0 if index == len(paras) - 1 else size * para.space_after,
                hanging,
            )
            if index == 0:
                cursor.setBlockFormat(block)
            else:
                cursor.insertBlock(block)
            if para.level and not para.indent_size:
                mark = char_format(self.families, size, para.bullet_color or para.color, True)
                cursor.insertText("•\t" if para.level == 1 else "–\t", mark)
            for piece in typeset_pieces(para.text, para.markup):
                cursor.insertText(
                    piece.text,
                    char_format(
                        cjk_first(self.families) if piece.wide else self.families,
                        size,
                        para.color,
                        para.bold or piece.bold,
                        para.italic != piece.italic,
                    ),
                )
        cursor.endEditBlock()
        return doc

    def paint(self, painter: QPainter) -> None:
        """Draw the fitted text at its box (vertical alignment applied)."""
        if self.document is None:
            self.fit()
        assert self.document is not None
        # Moved to the box and back, the painter's state neither saved nor restored (a line
        # restores what it changes): Qt's PDF engine writes each into the page, and a
        # document's own drawContents saves it again. (Drawn at the box's place unmoved,
        # the text would be placed to 1/64 of a pixel: not quite where it is drawn now.)
        transform = painter.transform()
        painter.translate(self._origin())
        whole = QRectF(QPointF(0, 0), self.document.size())
        seen = painter.clipBoundingRect() if painter.hasClipping() else whole
        if not all(para.drawn for para in self.paras):
            # A build's step: only the paragraphs shown, where the whole text puts them.
            for block, para in zip(_blocks(self.document), self.paras, strict=False):
                if para.drawn:
                    block.layout().draw(painter, QPointF(0, 0))
        elif seen.contains(whole):
            for block in _blocks(self.document):
                block.layout().draw(painter, QPointF(0, 0))
        elif seen.intersects(whole):  # a zoomed region: only the lines that show
            self.document.drawContents(painter, seen.intersected(whole))
        painter.setTransform(transform)

    def _origin(self) -> QPointF:
        """The top left corner the document is drawn from (vertical alignment applied)."""
        assert self.document is not None
        height = self.document.size().height()
        top = self.rect.top()
        if self.valign is VAlign.CENTER:
            top += (self.rect.height() - height) / 2
        elif self.valign is VAlign.BOTTOM:
            top += self.rect.height() - height
        left = self.rect.left()
        if not self.wrap:
            width = self.document.idealWidth()
            align = self.paras[0].align if self.paras else Qt.AlignmentFlag.AlignLeft
            if align & Qt.AlignmentFlag.AlignHCenter:
                left += (self.rect.width() - width) / 2
            elif align & Qt.AlignmentFlag.AlignRight:
                left += self.rect.width() - width
        return QPointF(left, max(self.rect.top(), top))


def _extent(doc: QTextDocument) -> tuple[float, float]:
    """The width and height *doc*'s text takes (laying it out)."""
    return doc.idealWidth(), doc.size().height()


def _blocks(doc: QTextDocument) -> Iterator[QTextBlock]:
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def _cut(text: str, length: int) -> str:
    """The first *length* characters of *text*, without trailing spaces, and an ellipsis."""
    return text[:length].rstrip(" ,;:·-–—") + "…"
