"""What a laid-out slide is made of: simple drawing items on the logical canvas."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from desktop.core.data import Chart
from desktop.core.svg_cost import SLIDE_BOX
from desktop.render.fonts import make_font
from desktop.render.pictures import Decoded, decode, short_reason
from desktop.render.text import TextBox


class Item(Protocol):
    def paint(self, painter: QPainter) -> None: ...


@dataclass(frozen=True, slots=True)
class Fill:
    rect: QRectF
    color: str

    def paint(self, painter: QPainter) -> None:
        painter.fillRect(self.rect, QColor(self.color))


@dataclass(frozen=True, slots=True)
class Rule:
    start: QPointF
    end: QPointF
    color: str
    width: float = 2.0

    def paint(self, painter: QPainter) -> None:
        pen = QPen(QColor(self.color))
        pen.setWidthF(self.width)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(self.start, self.end)


@dataclass(slots=True)
class Text:
    box: TextBox

    def paint(self, painter: QPainter) -> None:
        self.box.paint(painter)


@dataclass(slots=True)
class Picture:
    """An image fitted (aspect kept) and centred in its box. SVG stays vector.

    The image comes from :func:`desktop.render.pictures.decode`: checked, decoded once and
    shared by every layout that shows it (Qt shares the pixels between the copies, and a PDF
    embeds a shared image once instead of once per page). In place of one that cannot be
    drawn, every surface shows a framed placeholder with the image's name and why
    (``check`` and ``export`` say it in full).
    """

    rect: QRectF
    path: Path
    name: str = ""
    """How problems name the image (the path as the deck writes it)."""
    box: tuple[float, float] = SLIDE_BOX
    """The largest size it is drawn at, in pixels on a 4K slide (what SVG costs are for)."""
    drawn: QRectF = field(default_factory=QRectF)
    _decoded: Decoded = field(default_factory=Decoded, repr=False)

    def __post_init__(self) -> None:
        self._decoded = decode(self.path, self.name, self.box)
        natural = QSizeF(self._decoded.natural_size)
        if natural.isEmpty():
            natural = QSizeF(4, 3)
        scaled = natural.scaled(self.rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
        self.drawn = QRectF(QPointF(0, 0), scaled)
        self.drawn.moveCenter(self.rect.center())

    @property
    def valid(self) -> bool:
        return self._decoded.problem is None

    @property
    def problem(self) -> str | None:
        """Why the image cannot be drawn, or None."""
        return self._decoded.problem

    @property
    def source(self) -> tuple[str, bytes] | None:
        """The checked image as its file holds it, ``("svg", bytes)`` (or ``png``, ``jpeg``),
        for formats that embed the image itself; None when it cannot be drawn."""
        decoded = self._decoded
        if decoded.svg is not None:
            return "svg", decoded.data
        if decoded.image is not None:
            return ("png" if decoded.data.startswith(b"\x89PNG") else "jpeg"), decoded.data
        return None

    def paint(self, painter: QPainter) -> None:
        svg, image = self._decoded.svg, self._decoded.image
        if svg is not None:
            svg.render(painter, self.drawn)
        elif image is not None:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.drawn, image)
            painter.restore()
        else:
            self.placeholder(painter)

    def placeholder(self, painter: QPainter) -> None:
        """A framed box naming the image and saying in a few words why it is not drawn."""
        rect = self.drawn
        side = min(rect.width(), rect.height())
        if side <= 0:
            return
        painter.save()
        painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
        painter.fillRect(rect, QColor(PLACEHOLDER_FILL))
        pen = QPen(QColor(PLACEHOLDER_FRAME))
        width = max(1.0, side / 90)
        pen.setWidthF(width)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2))
        size = max(6.0, min(30.0, side / 7))
        inner = rect.adjusted(size, size / 2, -size, -size / 2)
        name = self.name or self.path.name
        reason = short_reason(self._decoded.problem or "", name)
        title = make_font(PLACEHOLDER_FONTS, size, bold=True)
        shown = QFontMetricsF(title).elidedText(name, Qt.TextElideMode.ElideMiddle, inner.width())
        painter.setPen(QColor(PLACEHOLDER_TEXT))
        painter.setFont(title)
        middle = inner.center().y()
        top = QRectF(inner.left(), inner.top(), inner.width(), middle - inner.top())
        bottom = QRectF(inner.left(), middle + size * 0.2, inner.width(), inner.bottom() - middle)
        centre = Qt.AlignmentFlag.AlignHCenter
        painter.drawText(top, int(centre | Qt.AlignmentFlag.AlignBottom), shown)
        painter.setFont(make_font(PLACEHOLDER_FONTS, size * 0.8))
        flags = centre | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(bottom, int(flags), reason)
        painter.restore()


@dataclass(frozen=True, slots=True)
class TableArea:
    """Where a table is drawn, for a format that writes it as a table of its own (PowerPoint).

    The cells' text boxes (``table-header-N``, ``table-cell-N``) and the fills and rules inside
    :attr:`rect` are the table; the note under it is not.
    """

    rect: QRectF
    widths: tuple[float, ...]
    """Each column's width, left to right."""
    heights: tuple[float, ...]
    """Each drawn row's height, the header first (rows past the slide's end are left out)."""
    left_out: tuple[str, ...] = ()
    """The field paths (``table.rows[2][0]``) of the cells drawn without their second
    language's text: two languages did not fit even at the smallest size (none: every text
    is drawn with its second language, as a design rule checks)."""


@dataclass(frozen=True, slots=True)
class ChartArea:
    """Where a chart is drawn and its value axis, for a format that writes it as a chart of
    its own (PowerPoint). The shapes and ``chart-*`` text boxes inside :attr:`rect` are the
    chart; its unit (above) and note (below) are outside."""

    rect: QRectF
    chart: Chart
    """The chart as laid out: in the shown language."""
    low: float
    high: float
    step: float
    """The value axis' ends and the step between its ticks."""
    decimals: int
    """The digits after the point of the ticks."""
    language: str
    """How the numbers are written (the shown language)."""
    categories: tuple[str, ...]
    names: tuple[str, ...]
    """The categories and the series' names as shown: plain text, a secondary language's on
    a line of its own."""
    plot: QRectF = field(default_factory=QRectF)
    """Where the values are plotted, inside :attr:`rect` (its axes' extent)."""
    left_out: tuple[str, ...] = ()
    """The field paths (``chart.note``, ``chart.categories[2]``) of the texts drawn without
    their second language's text: the plot had no room for it in any arrangement (none:
    every text is drawn with its second language, as a design rule checks)."""


DataArea = TableArea | ChartArea


PLACEHOLDER_FILL = "#f7f5f0"
PLACEHOLDER_FRAME = "#7d848c"
PLACEHOLDER_TEXT = "#3c424a"
PLACEHOLDER_FONTS = ("Noto Sans", "Noto Sans SC")
