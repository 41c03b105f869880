"""What a zoom step draws from: a sharp render kept, or the picture stretched until one is made.

Re-rendering a zoomed region as vectors costs more than a frame on a slide full of text (Qt
fills every glyph larger than 64 pixels as a path, afresh at each new size), so a zoom step
never waits for it. The zoomed view keeps one render of the region *with a margin around it*,
at the scale it was shown (a :class:`Render`). A step whose region lies inside that render at
the same scale (a pan) copies its pixels, one for one: sharp and as fast as a copy. Any other
step (closer, further, or panned past the margin) stretches what there is (the whole slide's
picture, and the render where it overlaps) and, once the steps stop for a moment, the view
renders the new region sharp (:func:`render_box` says which part of the canvas).

The region is rendered first, alone, and shown; the margin follows in parts while the view is
idle (:func:`margin_parts`), each small enough not to hold up a step that comes meanwhile. The
margin is 1.25 times the region's area: rendered with it, the region would turn sharp in
2.25 times the time. Plain Python.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from desktop.core.presenter.mapping import Box, Size

MARGIN: Final = 0.25
"""A render reaches this share of the region's width (and height) beyond each of its sides,
so a pan of that much stays sharp without another render."""
SETTLE_MS: Final = 60
"""After this long without a zoom step, the region is rendered sharp. Longer than the gap
between a drag's mouse moves, a wheel's clicks and a held key's repeats, so a render never
falls between two steps of one gesture."""
SAME_SCALE: Final = 1e-6
"""A render is at the shown scale when the two differ by less than this share."""


@dataclass(frozen=True, slots=True)
class Render:
    """A render of the canvas kept by a zoomed view.

    Attributes:
        box: The part of the canvas it shows (canvas units).
        scale: Its device pixels per canvas unit.
    """

    box: Box
    scale: float

    def pixels(self) -> tuple[int, int]:
        """Its size in device pixels."""
        return (round(self.box.width * self.scale), round(self.box.height * self.scale))

    def covers(self, region: Box) -> bool:
        """Whether *region* lies wholly inside it."""
        box, slack = self.box, 1e-6 * max(self.box.width, 1.0)
        return (
            box.x - slack <= region.x
            and box.y - slack <= region.y
            and region.right <= box.right + slack
            and region.bottom <= box.bottom + slack
        )

    def sharp_for(self, region: Box, scale: float) -> bool:
        """Whether *region* shown at *scale* is a plain copy of its pixels (a sharp step)."""
        return abs(self.scale - scale) <= SAME_SCALE * scale and self.covers(region)

    def source(self, region: Box) -> Box:
        """Where *region* is in its pixels (a sharp step copies from there, rounded to whole
        pixels)."""
        x = (region.x - self.box.x) * self.scale
        y = (region.y - self.box.y) * self.scale
        return Box(x, y, region.width * self.scale, region.height * self.scale)


def shown_scale(region: Box, width: float) -> float:
    """Device pixels per canvas unit when *region* fills *width* device pixels."""
    return width / region.width if region.width > 0 else 0.0


def render_box(region: Box, canvas: Size, scale: float, margin: float = MARGIN) -> Render:
    """The render to make for *region* shown at *scale*: the region and *margin* of it on
    each side, kept inside the canvas, its edges on whole device pixels from the region's
    corner (so that a pan copies pixels one for one)."""
    left = max(0.0, region.x - region.width * margin)
    top = max(0.0, region.y - region.height * margin)
    right = min(canvas.width, region.right + region.width * margin)
    bottom = min(canvas.height, region.bottom + region.height * margin)
    if scale <= 0:
        return Render(Box(left, top, right - left, bottom - top), scale)
    # Whole pixels between the region's corner and the render's, and across the render.
    left = region.x - math.floor((region.x - left) * scale) / scale
    top = region.y - math.floor((region.y - top) * scale) / scale
    width = math.floor((right - left) * scale) / scale
    height = math.floor((bottom - top) * scale) / scale
    return Render(Box(left, top, width, height), scale)


def margin_parts(render: Render, region: Box) -> list[Box]:
    """The parts of *render* around *region*, in the order to render them once *region* is:
    left of it, right of it, the band above, the band below. Each part ends where the region
    and the parts before it end, so what is rendered so far is always one rectangle (the
    bounding box of it all); parts thinner than half a device pixel are left out."""
    box, scale = render.box, render.scale
    top, bottom = max(box.y, region.y), min(box.bottom, region.bottom)
    left, right = max(box.x, region.x), min(box.right, region.right)
    parts = (
        Box(box.x, top, left - box.x, bottom - top),
        Box(right, top, box.right - right, bottom - top),
        Box(box.x, box.y, box.width, top - box.y),
        Box(box.x, bottom, box.width, box.bottom - bottom),
    )
    return [part for part in parts if min(part.width, part.height) * scale >= 0.5]
