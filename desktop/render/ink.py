"""Drawing the presenter's ink: strokes in canvas units, as vector paths, on any surface.

One drawing for every surface that shows ink: the console, the projector (through the zoom's
transform) and the PDF pages of ``export --with-ink``, where each stroke becomes a path. A
stroke is drawn smooth (quadratic curves through its points, :func:`desktop.core.presenter.
ink.smoothed`); a pen's width follows a tablet's pressure; a highlighter is translucent and
even, drawn as one path so it never darkens where it crosses itself.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from desktop.core.model import Deck
from desktop.core.presenter.ink import HIGHLIGHTER_ALPHA, Stroke, smoothed
from desktop.core.presenter.ink_store import load_ink, slide_key
from desktop.core.presenter.mapping import Box, Viewport

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=2048)
def stroke_path(stroke: Stroke) -> QPainterPath:
    """*stroke*'s centre line: smooth curves through its points (kept per stroke: a stroke
    drawn is drawn again at every repaint, so its path is made once)."""
    points = stroke.points
    path = QPainterPath(QPointF(points[0][0], points[0][1]))
    if len(points) == 1:
        path.lineTo(points[0][0] + 0.01, points[0][1])  # a dot: a round cap shows it
        return path
    for control, end in smoothed(points):
        path.quadTo(QPointF(*control), QPointF(*end))
    return path


def _pen(stroke: Stroke, width: float) -> QPen:
    colour = QColor(stroke.colour)
    if stroke.kind == "highlighter":
        colour.setAlphaF(HIGHLIGHTER_ALPHA)
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def even(stroke: Stroke) -> bool:
    """Whether the stroke has one width all along (a highlighter, or the same pressure)."""
    return stroke.kind == "highlighter" or len({p[2] for p in stroke.points}) == 1


def paint_stroke(painter: QPainter, stroke: Stroke) -> None:
    """Draw *stroke* with *painter*, which draws in canvas units."""
    if not stroke.points:
        return
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if even(stroke):
        pressure = 1.0 if stroke.kind == "highlighter" else max(0.2, stroke.points[0][2])
        painter.strokePath(stroke_path(stroke), _pen(stroke, stroke.width * pressure))
        return
    for (a, b), width in zip(itertools.pairwise(stroke.points), stroke.widths(), strict=True):
        painter.setPen(_pen(stroke, width))
        painter.drawLine(QPointF(a[0], a[1]), QPointF(b[0], b[1]))


def paint_ink(painter: QPainter, strokes: Iterable[Stroke]) -> None:
    """Draw *strokes* in order, highlighters first (under the pen's lines)."""
    ordered = sorted(strokes, key=lambda stroke: stroke.kind != "highlighter")
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for stroke in ordered:
        paint_stroke(painter, stroke)
    painter.restore()


def ink_over(painter: QPainter, strokes: Sequence[Stroke], slide: QRectF, canvas: QSizeF) -> None:
    """Draw *strokes* over a slide drawn at *slide* (of canvas *canvas*), clipped to it."""
    if not strokes:
        return
    painter.save()
    painter.setClipRect(slide)
    painter.translate(slide.topLeft())
    painter.scale(slide.width() / canvas.width(), slide.height() / canvas.height())
    paint_ink(painter, strokes)
    painter.restore()


def stroke_bounds(stroke: Stroke) -> QRectF:
    """The canvas rectangle *stroke* covers, its width included."""
    xs = [p[0] for p in stroke.points]
    ys = [p[1] for p in stroke.points]
    half = stroke.width / 2 + 1
    return QRectF(
        min(xs) - half, min(ys) - half, max(xs) - min(xs) + 2 * half, max(ys) - min(ys) + 2 * half
    )


def saved_ink(deck: Deck) -> Mapping[int, Sequence[Stroke]]:
    """*deck*'s saved ink by slide index (for an export): each slide part gets its own."""
    loaded = load_ink(deck)
    if loaded.problem:
        log.warning(loaded.problem)
    book = loaded.book
    found = {ref.index: book.strokes(slide_key(ref)) for ref in deck.refs}
    return {index: strokes for index, strokes in found.items() if strokes}


class InkLayer:
    """One view's finished strokes, drawn once into an image and blitted at every repaint.

    A pointer moving or a stroke being drawn repaints the view often; the strokes already
    there are drawn again only when they, or the view's size or zoom, change.
    """

    def __init__(self) -> None:
        self._strokes: tuple[Stroke, ...] = ()
        self._key: tuple[Viewport, float] | None = None
        self._image: QImage | None = None
        self._at = QPointF()

    def paint(
        self, painter: QPainter, strokes: Sequence[Stroke], viewport: Viewport, ratio: float
    ) -> None:
        """Draw *strokes* as *viewport* shows them (*ratio*: the device's pixel ratio)."""
        if not strokes:
            return
        same = len(strokes) == len(self._strokes) and all(
            a is b for a, b in zip(strokes, self._strokes, strict=True)
        )
        if not same or self._key != (viewport, ratio) or self._image is None:
            self._render(tuple(strokes), viewport, ratio)
        if self._image is not None:
            painter.drawImage(self._at, self._image)

    def _render(self, strokes: tuple[Stroke, ...], viewport: Viewport, ratio: float) -> None:
        self._strokes, self._key = strokes, (viewport, ratio)
        bounds = QRectF()
        for stroke in strokes:
            bounds = bounds.united(stroke_bounds(stroke))
        box = viewport.box_to_window(Box(bounds.x(), bounds.y(), bounds.width(), bounds.height()))
        window = viewport.window
        area = (
            QRectF(box.x, box.y, box.width, box.height)
            .intersected(QRectF(window.x, window.y, window.width, window.height))
            .toAlignedRect()
        )
        if area.isEmpty():
            self._image = None
            return
        image = QImage(
            round(area.width() * ratio),
            round(area.height() * ratio),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.fill(Qt.GlobalColor.transparent)
        image.setDevicePixelRatio(ratio)
        painter = QPainter(image)
        scale, region = viewport.scale, viewport.region
        painter.translate(
            window.x - area.x() - region.x * scale, window.y - area.y() - region.y * scale
        )
        painter.scale(scale, scale)
        paint_ink(painter, strokes)
        painter.end()
        self._image, self._at = image, QPointF(area.topLeft())
