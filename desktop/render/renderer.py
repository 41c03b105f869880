"""The one slide renderer: any slide, onto any QPaintDevice, at any size.

Layout happens once per slide on the logical canvas and is cached; painting
scales the canvas into the target rectangle. Widgets, thumbnails, the
presenter console, the audience window and PDF pages all call :meth:`paint`
or :meth:`image`, so every surface shows the same slide.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.core.builds import complete_step
from desktop.core.model import Deck, Layout, Slide, SlideRef
from desktop.core.paging import generated_parts
from desktop.core.theme import Theme, load_theme
from desktop.render.fonts import register_fonts
from desktop.render.layouts import LayoutBuilder, SlideLayout
from desktop.render.text_shared import LaidOut


def device_snapped(painter: QPainter, rect: QRectF) -> QRectF:
    """*rect* grown or shrunk by under a pixel so that its edges fall on whole device pixels
    of *painter*'s device (through its transform and the device's pixel ratio): a slide
    drawn there has no half-covered edge pixels, so no seam of what lies behind it."""
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    transform = painter.transform()
    if not transform.isInvertible():
        return rect
    on_device = transform.mapRect(rect)
    snapped = QRectF(
        QPointF(round(on_device.left() * ratio) / ratio, round(on_device.top() * ratio) / ratio),
        QPointF(
            round(on_device.right() * ratio) / ratio, round(on_device.bottom() * ratio) / ratio
        ),
    )
    if snapped.isEmpty():
        return rect
    return transform.inverted()[0].mapRect(snapped)


def fit_rect(canvas: QSizeF, target: QRectF) -> QRectF:
    """The largest rectangle of the canvas' aspect ratio centred in *target* (letterbox)."""
    scaled = canvas.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    rect = QRectF(0, 0, scaled.width(), scaled.height())
    rect.moveCenter(target.center())
    return rect


class SlideRenderer:
    """Draws the slides of one deck with one theme.

    Attributes:
        deck: The deck drawn.
        theme: The theme used.
    """

    IMAGE_CACHE_LIMIT = 48
    IMAGE_CACHE_BYTES = 64 * 1024 * 1024
    """The image cache also stays under this many bytes: 8 images at 1920×1080."""
    LAYOUT_CACHE_LIMIT = 128
    """Laid-out slides kept (LRU); each holds its text documents, about 250 KB."""

    def __init__(self, deck: Deck, theme: Theme | None = None) -> None:
        register_fonts()
        self.deck = deck
        self.theme = theme if theme is not None else load_theme(deck.theme, deck.root)
        width, height = deck.canvas_size
        self.canvas = QSizeF(width, height)
        self._layouts: OrderedDict[tuple[int, int | None], SlideLayout] = OrderedDict()
        self._images: OrderedDict[tuple[int, int | None, int, int], QImage] = OrderedDict()
        self._image_bytes = 0
        self._laid_out = LaidOut()
        """Text documents shared by the slides' boxes laid out alike (footers, re-layouts)."""

    @property
    def slide_count(self) -> int:
        return self.deck.slide_count

    def layout(self, index: int, step: int | None = None) -> SlideLayout:
        """The slide's layout on the canvas at a step of its build (None: complete; cached,
        LRU: memory stays flat on big decks). Every step is laid out as the complete slide,
        with the items still to come drawn faintly or not at all."""
        ref = self.deck.refs[index]
        key = (index, complete_step(ref.slide, step))
        cached = self._layouts.get(key)
        if cached is not None:
            self._layouts.move_to_end(key)
            return cached
        cached = LayoutBuilder(
            self.deck, self.theme, ref, step=key[1], laid_out=self._laid_out
        ).build()
        self._layouts[key] = cached
        while len(self._layouts) > self.LAYOUT_CACHE_LIMIT:
            self._layouts.popitem(last=False)
        return cached

    def paint(
        self, painter: QPainter, index: int, target: QRectF, step: int | None = None
    ) -> QRectF:
        """Paint slide *index* (at *step* of its build) letterboxed into *target*; return the
        slide's rectangle."""
        return self.paint_layout(painter, self.layout(index, step), target)

    def generated(self, layout: Layout, number: str = "", part: int = 0) -> SlideLayout:
        """Lay out a slide the deck does not have (an agenda or sources slide for a PDF):
        its part *part* (:func:`desktop.core.paging.part_count` says how many it has)."""
        last = self.deck.refs[-1]
        slide = Slide(
            id=f"generated-{layout.value}",
            layout=layout,
            origin=last.slide.origin,
            part=part,
            parts=generated_parts(self.deck, layout),
        )
        ref = SlideRef(last.index, last.section_index, slide, last.section)
        return LayoutBuilder(self.deck, self.theme, ref, number, laid_out=self._laid_out).build()

    def paint_layout(self, painter: QPainter, layout: SlideLayout, target: QRectF) -> QRectF:
        """Paint a laid-out slide letterboxed into *target*; return the slide's rectangle."""
        rect = device_snapped(painter, fit_rect(self.canvas, target))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.translate(rect.topLeft())
        painter.scale(rect.width() / self.canvas.width(), rect.height() / self.canvas.height())
        # Within a clip set already (a zoomed region): what lies outside it is not drawn.
        canvas = QRectF(0, 0, self.canvas.width(), self.canvas.height())
        painter.setClipRect(canvas, Qt.ClipOperation.IntersectClip)
        for item in layout.items:
            item.paint(painter)
        painter.restore()
        return rect

    def paint_region(
        self,
        painter: QPainter,
        index: int,
        region: QRectF,
        target: QRectF,
        step: int | None = None,
    ) -> None:
        """Paint the part *region* (canvas units, of the canvas' aspect) of slide *index* (at
        *step* of its build) into *target*: drawn at *target*'s resolution as vectors, so
        zoomed text stays sharp."""
        if region.width() <= 0 or target.width() <= 0:
            return
        scale = target.width() / region.width()
        painter.save()
        painter.setClipRect(target)
        painter.translate(target.x() - region.x() * scale, target.y() - region.y() * scale)
        painter.scale(scale, scale)
        self.paint(painter, index, QRectF(0, 0, self.canvas.width(), self.canvas.height()), step)
        painter.restore()

    def image(
        self, index: int, size: QSize, device_pixel_ratio: float = 1.0, step: int | None = None
    ) -> QImage:
        """The slide (at *step* of its build; None: complete) as an image of *size*
        device-independent pixels (cached, LRU)."""
        step = complete_step(self.deck.refs[index].slide, step)
        dpr = round(device_pixel_ratio * 100)
        dpr_key = (index, step, size.width() * 1000 + dpr, size.height())
        cached = self._images.get(dpr_key)
        if cached is not None:
            self._images.move_to_end(dpr_key)
            return cached
        image = self.draw_image(index, size, device_pixel_ratio, step)
        self._images[dpr_key] = image
        self._image_bytes += image.sizeInBytes()
        while len(self._images) > 1 and (
            len(self._images) > self.IMAGE_CACHE_LIMIT or self._image_bytes > self.IMAGE_CACHE_BYTES
        ):
            self._image_bytes -= self._images.popitem(last=False)[1].sizeInBytes()
        return image

    def draw_image(
        self, index: int, size: QSize, device_pixel_ratio: float = 1.0, step: int | None = None
    ) -> QImage:
        """The slide as :meth:`image` draws it, a new image kept by no cache (an export draws
        each slide once): opaque, its pixels premultiplied ARGB."""
        pixels = QSize(
            round(size.width() * device_pixel_ratio), round(size.height() * device_pixel_ratio)
        )
        image = QImage(pixels, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(self.theme.color("background")))
        painter = QPainter(image)
        self.paint(painter, index, QRectF(0, 0, pixels.width(), pixels.height()), step)
        painter.end()
        image.setDevicePixelRatio(device_pixel_ratio)
        return image

    def prerender(
        self,
        indexes: list[int | tuple[int, int | None]],
        size: QSize,
        device_pixel_ratio: float = 1.0,
    ) -> None:
        """Render ahead (the neighbours of the current slide, or ``(slide, step)`` views)
        into the cache."""
        for view in indexes:
            index, step = view if isinstance(view, tuple) else (view, None)
            if 0 <= index < self.slide_count:
                self.image(index, size, device_pixel_ratio, step)
