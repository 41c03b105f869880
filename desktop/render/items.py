"""What a laid-out slide is made of: simple drawing items on the logical canvas."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from desktop.render.pictures import Decoded, decode
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
    embeds a shared image once instead of once per page). One that cannot be drawn is a
    grey box; ``check`` says why.
    """

    rect: QRectF
    path: Path
    name: str = ""
    """How problems name the image (the path as the deck writes it)."""
    drawn: QRectF = field(default_factory=QRectF)
    _decoded: Decoded = field(default_factory=Decoded, repr=False)

    def __post_init__(self) -> None:
        self._decoded = decode(self.path, self.name)
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
            painter.fillRect(self.drawn, QColor("#dddddd"))
