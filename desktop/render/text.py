"""Text boxes: styled paragraphs laid out with QTextDocument, shrunk to fit their box.

Text from YAML never becomes HTML: paragraphs are built with QTextCursor and
explicit character formats, so markup in content can only mean what
:mod:`desktop.core.markup` allows.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from desktop.core.markup import parse_inline, plain
from desktop.render.fonts import make_font


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
    scale: float = 1.0
    overflow: bool = False
    document: QTextDocument | None = field(default=None, repr=False)

    def fit(self, max_scale: float = 1.0) -> TextBox:
        """Lay out at full size; shrink until it fits or reaches the minimum size.

        The minimum applies to the smallest paragraph: no paragraph shrinks below it, and
        larger ones keep their proportion. *max_scale* caps the scale (to match a sibling
        box).
        """
        smallest = min((p.size for p in self.paras), default=self.min_size)
        floor = min(max_scale, self.min_size / smallest) if smallest else max_scale
        self.overflow = False
        doc = self._layout(max_scale)
        if self._fits(doc):
            self.document, self.scale = doc, max_scale
            return self
        low, high = floor, max_scale
        best: tuple[float, QTextDocument] | None = None
        for _ in range(7):
            middle = (low + high) / 2
            candidate = self._layout(middle)
            if self._fits(candidate):
                best, low = (middle, candidate), middle
            else:
                high = middle
        if best is None:
            at_floor = self._layout(floor)
            self.document, self.scale = at_floor, floor
            self.overflow = not self._fits(at_floor)
        else:
            self.scale, self.document = best
        return self

    def font_sizes(self) -> list[float]:
        """The size of each paragraph's text as laid out, in canvas pixels."""
        return [max(1.0, para.size * self.scale) for para in self.paras]

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
        size = doc.size()
        return (
            size.height() <= self.rect.height() + 0.5
            and doc.idealWidth() <= self.rect.width() + 0.5
        )

    def _layout(self, scale: float) -> QTextDocument:
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
        option = QTextOption()
        option.setWrapMode(
            QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
            if self.wrap
            else QTextOption.WrapMode.NoWrap
        )
        doc.setDefaultTextOption(option)
        if self.wrap:
            doc.setTextWidth(self.rect.width())
        cursor = QTextCursor(doc)
        for index, para in enumerate(paras):
            size = max(1.0, para.size * scale)
            block = QTextBlockFormat()
            block.setAlignment(para.align if self.wrap else Qt.AlignmentFlag.AlignLeft)
            block.setLineHeight(para.line_height, 1)  # 1 = ProportionalHeight
            last = index == len(paras) - 1
            block.setBottomMargin(0 if last else size * para.space_after)
            if para.level:
                indent = size * (1.1 if para.level == 1 else 1.0)
                offset = (para.level - 1) * size * 1.3
                block.setLeftMargin(offset + indent)
                block.setTextIndent(-indent)
                block.setTabPositions([QTextOption.Tab(indent, QTextOption.TabType.LeftTab)])
            if index == 0:
                cursor.setBlockFormat(block)
            else:
                cursor.insertBlock(block)
            if para.level:
                mark = _char_format(self.families, size, para.bullet_color or para.color, True)
                cursor.insertText("•\t" if para.level == 1 else "–\t", mark)
            runs = parse_inline(para.text) if para.markup else ()
            if not para.markup:
                cursor.insertText(
                    para.text, _char_format(self.families, size, para.color, para.bold, para.italic)
                )
            for run in runs:
                cursor.insertText(
                    run.text,
                    _char_format(
                        self.families,
                        size,
                        para.color,
                        para.bold or run.bold,
                        para.italic != run.italic,
                    ),
                )
        return doc

    def paint(self, painter: QPainter) -> None:
        """Draw the fitted text at its box (vertical alignment applied)."""
        if self.document is None:
            self.fit()
        assert self.document is not None
        painter.save()
        painter.translate(self._origin())
        self.document.drawContents(painter)
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


def _blocks(doc: QTextDocument) -> Iterator[QTextBlock]:
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def _cut(text: str, length: int) -> str:
    """The first *length* characters of *text*, without trailing spaces, and an ellipsis."""
    return text[:length].rstrip(" ,;:·-–—") + "…"


def _char_format(
    families: tuple[str, ...], size: float, color: str, bold: bool = False, italic: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(make_font(families, size, bold, italic))
    fmt.setForeground(QBrush(QColor(color)))
    return fmt
