"""What a laid-out slide is made of: simple drawing items on the logical canvas."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtSvg import QSvgRenderer

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


@functools.lru_cache(maxsize=16)
def _decoded(path: str, mtime_ns: int, size: int) -> QImage:
    del mtime_ns, size  # only part of the key: an edited file is read again
    return QImage(path)


def load_image(path: Path) -> QImage:
    """The decoded PNG or JPEG at *path*, shared by every layout that shows it.

    Qt shares the pixels between the copies, and a PDF embeds a shared image once instead of
    once per page (half the size and a quarter faster for a deck with a photo on 30 slides).
    """
    try:
        stat = path.stat()
    except OSError:
        return QImage()
    return _decoded(str(path), stat.st_mtime_ns, stat.st_size)


@dataclass(slots=True)
class Picture:
    """An image fitted (aspect kept) and centred in its box. SVG stays vector."""

    rect: QRectF
    path: Path
    drawn: QRectF = field(default_factory=QRectF)
    _svg: QSvgRenderer | None = field(default=None, repr=False)
    _image: QImage | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.path.suffix.lower() == ".svg":
            self._svg = QSvgRenderer(str(self.path))
            natural = QSizeF(self._svg.defaultSize())
        else:
            self._image = load_image(self.path)
            natural = QSizeF(self._image.size())
        if natural.isEmpty():
            natural = QSizeF(4, 3)
        scaled = natural.scaled(self.rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
        self.drawn = QRectF(QPointF(0, 0), scaled)
        self.drawn.moveCenter(self.rect.center())

    @property
    def valid(self) -> bool:
        if self._svg is not None:
            return self._svg.isValid()
        return self._image is not None and not self._image.isNull()

    def paint(self, painter: QPainter) -> None:
        if self._svg is not None and self._svg.isValid():
            self._svg.render(painter, self.drawn)
        elif self._image is not None and not self._image.isNull():
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.drawn, self._image)
            painter.restore()
        else:
            painter.fillRect(self.drawn, QColor("#dddddd"))
