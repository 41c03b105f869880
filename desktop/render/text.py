"""Text boxes: styled paragraphs laid out with QTextDocument, shrunk to fit their box.

Text from YAML never becomes HTML: paragraphs are built with QTextCursor and
explicit character formats, so markup in content can only mean what
:mod:`desktop.core.markup` allows.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from desktop.core.markup import parse_inline
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
    scale: float = 1.0
    overflow: bool = False
    document: QTextDocument | None = field(default=None, repr=False)

    def fit(self, max_scale: float = 1.0) -> TextBox:
        """Lay out at full size; shrink until it fits or reaches the minimum size.

        The minimum applies to the largest paragraph: smaller ones keep their
        proportion. *max_scale* caps the scale (to match a sibling box).
        """
        largest = max((p.size for p in self.paras), default=self.min_size)
        floor = min(max_scale, self.min_size / largest) if largest else max_scale
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
            smallest = self._layout(floor)
            self.document, self.scale = smallest, floor
            self.overflow = not self._fits(smallest)
            if self.overflow:
                self.document = smallest
        else:
            self.scale, self.document = best
        return self

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
        for index, para in enumerate(self.paras):
            size = max(1.0, para.size * scale)
            block = QTextBlockFormat()
            block.setAlignment(para.align if self.wrap else Qt.AlignmentFlag.AlignLeft)
            block.setLineHeight(para.line_height, 1)  # 1 = ProportionalHeight
            last = index == len(self.paras) - 1
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
        painter.save()
        painter.translate(QPointF(left, max(self.rect.top(), top)))
        self.document.drawContents(painter)
        painter.restore()


def _char_format(
    families: tuple[str, ...], size: float, color: str, bold: bool = False, italic: bool = False
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(make_font(families, size, bold, italic))
    fmt.setForeground(QBrush(QColor(color)))
    return fmt
