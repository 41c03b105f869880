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


FIT_STEPS = 7
"""The steps of a fit's bisection between two scales: 1/128 of the range apart."""


HOPELESS_POWER = 3.5
"""A text's height shrinks as about the square of its scale, more when it loses lines: a text
that would not fit at its floor even shrinking as this power of it is judged not to fit there
(its floor is then laid out only if the search below the floor reaches up to it)."""


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
        self.shared = LaidOut(FIT_STEPS + 4)
        try:
            yield
        finally:
            self.shared = None

    def _fit(self, max_scale: float) -> None:
        floor, lowest = self._floors(max_scale)
        self.overflow = False
        doc = self._layout(max_scale)
        if self._fits(doc):
            self.document, self.scale = doc, max_scale
            return
        # Not even at the floor: shrinking as the cube of the scale would not be enough (a
        # text losing lines as it shrinks takes more than the square; seen up to 2.9).
        hopeless = not self._may_fit(doc, floor / max_scale, HOPELESS_POWER)
        if lowest is not None and lowest < floor < max_scale and hopeless:
            best = self._below_floor(lowest, floor, max_scale, doc)
        else:
            best = self._largest_fitting(floor, max_scale, doc, max_scale)
            if best is None and lowest is not None:
                # The floor's document is made (by the search above) or is *doc*: shared.
                best = self._largest_fitting(lowest, floor, self._layout(floor), floor)
        if lowest is not None:
            floor = lowest
        if best is None:
            at_floor = self._layout(floor)
            self.document, self.scale = at_floor, floor
            self.overflow = not self._fits(at_floor)
        else:
            self.scale, self.document = best

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

    def _below_floor(
        self, lowest: float, floor: float, max_scale: float, at_max: QTextDocument
    ) -> tuple[float, QTextDocument] | None:
        """The fit of a text judged (from *at_max*) not to fit at its *floor*: searched
        below the floor first, where the larger paragraphs shrink on. Only when it fits at
        the last step below the floor may it fit at the floor too, and is searched above
        it as well: the floor itself is laid out only then."""
        below = self._largest_fitting(lowest, floor, at_max, max_scale)
        if below is not None and below[0] == _top_step(lowest, floor):
            above = self._largest_fitting(floor, max_scale, at_max, max_scale)
            if above is not None:
                return above
        return below

    def _largest_fitting(
        self, low: float, high: float, guess: QTextDocument, guess_scale: float
    ) -> tuple[float, QTextDocument] | None:
        """The largest scale from *low* up to *high* (excluded; the text does not fit there)
        at which the text fits: *low* or one of a bisection's :data:`FIT_STEPS` steps above
        it; None when it does not fit even at *low*.

        A text that fits at a scale fits at any smaller one. So when the text may fit at
        the first step, the middle (judged from *guess*, its document at *guess_scale*:
        shrinking a text shrinks its height at most as the square of the scale), that step
        is laid out first: when it fits, so does *low*, which need not be laid out. The
        steps are those of a bisection from *low* to *high*, whichever is laid out first,
        so the scale found is the same.
        """
        if low >= high:
            return None
        middle = (low + high) / 2
        if self._may_fit(guess, middle / guess_scale):
            at_middle = self._layout(middle)
            if self._fits(at_middle):
                return self._bisect(middle, high, (middle, at_middle))
            at_low = self._layout(low)
            if not self._fits(at_low):
                return None
            return self._bisect(low, middle, None) or (low, at_low)
        at_low = self._layout(low)
        if not self._fits(at_low):
            return None
        return self._bisect(low, high, None, FIT_STEPS) or (low, at_low)

    def _may_fit(self, doc: QTextDocument, ratio: float, power: float = 2.0) -> bool:
        """Whether *doc*'s text set *ratio* times as large might fit (a guess: its height
        and width shrinking as the ratio to the *power*)."""
        width, height = _extent(doc)
        shrink = math.pow(ratio, power)
        return height * shrink <= self.rect.height() + 0.5 and (
            width * shrink <= self.rect.width() + 0.5
        )

    def _bisect(
        self,
        low: float,
        high: float,
        best: tuple[float, QTextDocument] | None,
        steps: int = FIT_STEPS - 1,
    ) -> tuple[float, QTextDocument] | None:
        """The last *steps* of a bisection between *low* (fits, or not known) and *high*
        (does not fit): the largest step at which the text fits, else *best*."""
        for _ in range(steps):
            middle = (low + high) / 2
            candidate = self._layout(middle)
            if self._fits(candidate):
                best, low = (middle, candidate), middle
            else:
                high = middle
        return best

    def size_of(self, para: Para, scale: float) -> float:
        """*para*'s font size at *scale*: never below the minimum (unless written smaller)."""
        return self._scaled(para.size, scale)

    def _scaled(self, size: float, scale: float) -> float:
        return max(1.0, min(size, self.min_size), size * scale)

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
        doc.setUseDesignMetrics(True)
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
        painter.save()
        painter.translate(self._origin())
        whole = QRectF(QPointF(0, 0), self.document.size())
        seen = painter.clipBoundingRect() if painter.hasClipping() else whole
        if not all(para.drawn for para in self.paras):
            # A build's step: only the paragraphs shown, where the whole text puts them.
            for block, para in zip(_blocks(self.document), self.paras, strict=False):
                if para.drawn:
                    block.layout().draw(painter, QPointF(0, 0))
        elif seen.contains(whole):
            self.document.drawContents(painter)
        elif seen.intersects(whole):  # a zoomed region: only the lines that show
            self.document.drawContents(painter, seen.intersected(whole))
        painter.restore()

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


def _top_step(low: float, high: float) -> float:
    """The last step of a bisection from *low* to *high* at which the text fits every time
    (computed as the bisection computes it)."""
    for _ in range(FIT_STEPS):
        low = (low + high) / 2
    return low


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
