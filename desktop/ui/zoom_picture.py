"""The zoomed picture of a slide view: a step within a frame, sharp once the steps stop.

:class:`ZoomPicture` keeps one vector render of the zoomed region with a margin around it
(:mod:`desktop.core.presenter.zoom_plan` plans it). Painting a region the rendered part covers
at its scale copies pixels (a pan: sharp and fast); painting any other region stretches the
whole slide's picture with the render over it where they overlap, and says so, so that the
view renders the region sharp when the steps stop (:meth:`ZoomPicture.render`). That renders
the region alone; :meth:`ZoomPicture.grow` adds the margin a part at a time, while idle.
"""

from __future__ import annotations

import math
from typing import Final

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.core.presenter.mapping import Box, Size
from desktop.core.presenter.zoom_plan import (
    MARGIN,
    Render,
    margin_parts,
    render_box,
    shown_scale,
)
from desktop.render.renderer import SlideRenderer

COLUMN_PX: Final = 480
"""A render is drawn in columns this wide at most. Qt fills large glyphs as paths, a line of
text at a time, and its rasteriser keeps each pixel row's edges in a list it searches for
every new one: the time grows with the square of the edges a row holds within the clip. A
1920-pixel zoom of a text slide draws 30% faster in four columns (the slide's items are
walked once a column: a chart draws a little slower, a fraction of a millisecond)."""


def _qt(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.width, box.height)


def _box(rect: QRectF) -> Box:
    return Box(rect.x(), rect.y(), rect.width(), rect.height())


def _united(a: Box, b: Box) -> Box:
    left, top = min(a.x, b.x), min(a.y, b.y)
    return Box(left, top, max(a.right, b.right) - left, max(a.bottom, b.bottom) - top)


class ZoomPicture:
    """One view's zoomed region: the render it keeps and how a step is drawn from it."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        """What the render shows: the renderer, the slide, its step, the pixel ratio."""
        self._render: Render | None = None
        """The render planned: the region and its margin (its pixels are :attr:`_image`'s
        top left :meth:`Render.pixels`)."""
        self._ready: Render | None = None
        """The part of :attr:`_render` rendered so far (one rectangle)."""
        self._parts: list[Box] = []
        """The parts of the margin still to render, in order (:func:`margin_parts`)."""
        self._slide: tuple[int, int | None] = (0, None)
        """The slide and build step rendered."""
        self._image: QImage | None = None
        """The pixels, kept from one render to the next (a new image of millions of pixels
        costs more to allocate and touch than to draw on)."""

    def clear(self) -> None:
        """Forget the render (another slide is shown); its pixels are kept for the next."""
        self._key, self._render, self._ready, self._parts = None, None, None, []

    def release(self) -> None:
        """Forget the render and free its pixels (the zoom ended)."""
        self.clear()
        self._image = None

    def _follow(self, key: tuple[object, ...]) -> None:
        if key != self._key:
            self.clear()
            self._key = key

    def sharp(self, key: tuple[object, ...], region: QRectF, target: QSize, ratio: float) -> bool:
        """Whether *region* at *target* (device-independent pixels) is drawn from a render
        at its own scale (sharp), rather than stretched."""
        return self._source(key, _box(region), target, ratio) is not None

    def pending(self) -> bool:
        """Whether part of the margin is still to render (:meth:`grow`)."""
        return bool(self._parts)

    def _pixels_of(self, box: Box) -> QRect:
        """Where the canvas *box* is in the render's pixels (whole pixels)."""
        assert self._render is not None
        source = self._render.source(box)
        left, top = round(source.x), round(source.y)
        return QRect(
            left, top, round(source.x + source.width) - left, round(source.y + source.height) - top
        )

    def _source(
        self, key: tuple[object, ...], region: Box, target: QSize, ratio: float
    ) -> QRect | None:
        """The render's pixels *region* copies from one for one, or None."""
        render, ready, image = self._render, self._ready, self._image
        if key != self._key or render is None or ready is None or image is None:
            return None
        if not ready.sharp_for(region, shown_scale(region, target.width() * ratio)):
            return None
        source = render.source(region)
        width, height = round(target.width() * ratio), round(target.height() * ratio)
        done = self._pixels_of(ready.box)
        x = min(max(done.left(), round(source.x)), done.left() + done.width() - width)
        y = min(max(done.top(), round(source.y)), done.top() + done.height() - height)
        return QRect(x, y, width, height) if x >= done.left() and y >= done.top() else None

    def paint(
        self,
        painter: QPainter,
        renderer: SlideRenderer,
        key: tuple[int, int | None],
        region: QRectF,
        target: QRect,
        ratio: float,
    ) -> bool:
        """Draw *region* of slide ``key = (index, step)`` into *target*; True when it was
        drawn sharp, False when stretched (then :meth:`render` makes it sharp)."""
        index, step = key
        full_key = (id(renderer), index, step, ratio)
        self._follow(full_key)
        shown = _box(region)
        source = self._source(full_key, shown, target.size(), ratio)
        if source is not None and self._image is not None:
            painter.drawImage(target.topLeft(), self._image, source)
            return True
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        whole = renderer.image(index, target.size(), ratio, step)
        k = whole.width() / renderer.canvas.width()
        area = QRectF(target)
        stretched = QRectF(shown.x * k, shown.y * k, shown.width * k, shown.height * k)
        painter.drawImage(area, whole, stretched)
        render, ready, image = self._render, self._ready, self._image
        if render is not None and ready is not None and image is not None:
            overlap = _qt(ready.box).intersected(region)
            if not overlap.isEmpty():
                across = area.width() / shown.width
                drawn = QRectF(
                    area.x() + (overlap.x() - shown.x) * across,
                    area.y() + (overlap.y() - shown.y) * across,
                    overlap.width() * across,
                    overlap.height() * across,
                )
                painter.drawImage(drawn, image, _qt(render.source(_box(overlap))))
        painter.restore()
        return False

    def render(
        self,
        renderer: SlideRenderer,
        key: tuple[int, int | None],
        region: QRectF,
        target: QSize,
        ratio: float,
    ) -> None:
        """Render *region* as vectors at the scale *target* shows it (the settled zoom:
        sharp, whatever the zoom); its margin is left to :meth:`grow`."""
        index, step = key
        self._follow((id(renderer), index, step, ratio))
        canvas = Size(renderer.canvas.width(), renderer.canvas.height())
        shown = _box(region)
        plan = render_box(shown, canvas, shown_scale(shown, target.width() * ratio))
        width, height = plan.pixels()
        if width <= 0 or height <= 0:
            return
        self._image = self._pixels(width, height, target, ratio)
        self._render, self._ready, self._parts, self._slide = plan, None, [], key
        part = self._pixels_of(shown)
        self._draw(renderer, part)
        self._ready = Render(self._canvas_of(part), plan.scale)
        self._parts = margin_parts(plan, self._ready.box)

    def grow(self, renderer: SlideRenderer) -> bool:
        """Render the next part of the margin; whether more remains."""
        render, ready = self._render, self._ready
        if not self._parts or render is None or ready is None or self._key is None:
            self._parts = []
            return False
        if self._key[0] != id(renderer):
            self.clear()
            return False
        part = self._pixels_of(self._parts.pop(0))
        if not part.isEmpty():
            self._draw(renderer, part)
            self._ready = Render(_united(ready.box, self._canvas_of(part)), render.scale)
        return bool(self._parts)

    def _canvas_of(self, pixels: QRect) -> Box:
        """The canvas box the render's *pixels* show."""
        assert self._render is not None
        box, scale = self._render.box, self._render.scale
        return Box(
            box.x + pixels.x() / scale,
            box.y + pixels.y() / scale,
            pixels.width() / scale,
            pixels.height() / scale,
        )

    def _draw(self, renderer: SlideRenderer, pixels: QRect) -> None:
        """Render the render's *pixels* (whole pixels of its plan) into the kept image, in
        columns of at most :data:`COLUMN_PX`."""
        image = self._image
        assert image is not None
        index, step = self._slide
        ratio = image.devicePixelRatio()
        image.setDevicePixelRatio(1.0)  # drawn in device pixels, shown at the view's ratio
        painter = QPainter(image)
        painter.fillRect(pixels, QColor(renderer.theme.color("background")))
        count = max(1, math.ceil(pixels.width() / COLUMN_PX))
        for n in range(count):
            left = pixels.left() + pixels.width() * n // count
            right = pixels.left() + pixels.width() * (n + 1) // count
            column = QRect(left, pixels.top(), right - left, pixels.height())
            region = _qt(self._canvas_of(column))
            renderer.paint_region(painter, index, region, QRectF(column), step)
        painter.end()
        image.setDevicePixelRatio(ratio)

    def _pixels(self, width: int, height: int, target: QSize, ratio: float) -> QImage:
        """An image of at least *width* × *height* pixels: the kept one, or a new one large
        enough for any render of a region filling *target* (so the next render keeps it)."""
        image = self._image
        if image is not None and image.width() >= width and image.height() >= height:
            image.setDevicePixelRatio(ratio)
            return image
        most = 1 + 2 * MARGIN
        size = QSize(
            max(width, math.ceil(target.width() * ratio * most) + 1),
            max(height, math.ceil(target.height() * ratio * most) + 1),
        )
        # Opaque: the slide's background covers it, and it is copied and filled faster.
        image = QImage(size, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(ratio)
        return image
