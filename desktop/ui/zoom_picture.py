"""The zoomed picture of a slide view: a step within a frame, sharp once the steps stop.

:class:`ZoomPicture` keeps one vector render of the zoomed region with a margin around it
(:mod:`desktop.core.presenter.zoom_plan` plans it). Painting a region it covers at its scale
copies pixels (a pan: sharp and fast); painting any other region stretches the whole slide's
picture with the render over it where they overlap, and says so, so that the view renders the
region sharp when the steps stop (:meth:`ZoomPicture.render`).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.core.presenter.mapping import Box, Size
from desktop.core.presenter.zoom_plan import Render, render_box, shown_scale
from desktop.render.renderer import SlideRenderer


def _qt(box: Box) -> QRectF:
    return QRectF(box.x, box.y, box.width, box.height)


def _box(rect: QRectF) -> Box:
    return Box(rect.x(), rect.y(), rect.width(), rect.height())


class ZoomPicture:
    """One view's zoomed region: the render it keeps and how a step is drawn from it."""

    def __init__(self) -> None:
        self._key: tuple[object, ...] | None = None
        """What the render shows: the renderer, the slide, its step, the pixel ratio."""
        self._render: Render | None = None
        self._image: QImage | None = None

    def clear(self) -> None:
        """Forget the render (the zoom ended, or another slide is shown)."""
        self._key, self._render, self._image = None, None, None

    def _follow(self, key: tuple[object, ...]) -> None:
        if key != self._key:
            self.clear()
            self._key = key

    def sharp(self, key: tuple[object, ...], region: QRectF, target: QSize, ratio: float) -> bool:
        """Whether *region* at *target* (device-independent pixels) is drawn from a render
        at its own scale (sharp), rather than stretched."""
        return self._source(key, _box(region), target, ratio) is not None

    def _source(
        self, key: tuple[object, ...], region: Box, target: QSize, ratio: float
    ) -> QRect | None:
        """The render's pixels *region* copies from one for one, or None."""
        render, image = self._render, self._image
        if key != self._key or render is None or image is None:
            return None
        if not render.sharp_for(region, shown_scale(region, target.width() * ratio)):
            return None
        source = render.source(region)
        width, height = round(target.width() * ratio), round(target.height() * ratio)
        x = min(max(0, round(source.x)), image.width() - width)
        y = min(max(0, round(source.y)), image.height() - height)
        return QRect(x, y, width, height) if x >= 0 and y >= 0 else None

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
        render, image = self._render, self._image
        if render is not None and image is not None:
            overlap = _qt(render.box).intersected(region)
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
        """Render *region* and its margin as vectors at the scale *target* shows it (the
        settled zoom: sharp, whatever the zoom)."""
        index, step = key
        self._follow((id(renderer), index, step, ratio))
        canvas = Size(renderer.canvas.width(), renderer.canvas.height())
        plan = render_box(_box(region), canvas, shown_scale(_box(region), target.width() * ratio))
        width, height = plan.pixels()
        if width <= 0 or height <= 0:
            return
        # Opaque: the slide's background covers it, and glyphs drawn as paths (large zoomed
        # text) fill twice as fast without an alpha channel.
        image = QImage(QSize(width, height), QImage.Format.Format_RGB32)
        image.fill(QColor(renderer.theme.color("background")))
        painter = QPainter(image)
        renderer.paint_region(painter, index, _qt(plan.box), QRectF(0, 0, width, height), step)
        painter.end()
        image.setDevicePixelRatio(ratio)
        self._render, self._image = plan, image
