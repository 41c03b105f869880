"""Where a point of one window lands on the slide, and on the other window. Plain Python.

The presenter's tools keep every position in slide-canvas coordinates (the deck's logical
canvas, 1920×1080 or 1440×1080 units), so a pointer or a stroke lands on the same spot of the
slide whatever the sizes and aspect ratios of the console and the projector. A window shows
the slide letterboxed (:func:`letterbox`); while the zoom is in use it shows only a *region* of
the canvas, of the canvas' aspect. A :class:`Viewport` is one such view: the region shown and
the rectangle of the window it fills, and maps between the two.

Usage::

    canvas = Size(1920, 1080)
    console = Viewport.of(canvas, letterbox(canvas, Box(0, 0, 1100, 700)))
    audience = Viewport.of(canvas, letterbox(canvas, Box(0, 0, 1280, 720)))
    spot = console.to_canvas((550, 350))          # the canvas point under the mouse
    audience.to_window(spot)                      # where the projector draws it
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, TypeAlias

Point: TypeAlias = tuple[float, float]

MAX_ZOOM: Final = 8.0
"""The closest zoom: an eighth of the canvas' width fills the window."""


@dataclass(frozen=True, slots=True)
class Size:
    """A width and a height (the canvas)."""

    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: its top left corner and its size."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def centre(self) -> Point:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, point: Point) -> bool:
        return self.x <= point[0] <= self.right and self.y <= point[1] <= self.bottom

    @classmethod
    def whole(cls, canvas: Size) -> Box:
        """The whole canvas."""
        return cls(0.0, 0.0, canvas.width, canvas.height)


def letterbox(canvas: Size, area: Box) -> Box:
    """The largest rectangle of *canvas*' aspect centred in *area* (bands on two sides)."""
    if area.width <= 0 or area.height <= 0 or canvas.width <= 0 or canvas.height <= 0:
        return Box(area.x, area.y, 0.0, 0.0)
    scale = min(area.width / canvas.width, area.height / canvas.height)
    width, height = canvas.width * scale, canvas.height * scale
    return Box(
        area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height
    )


@dataclass(frozen=True, slots=True)
class Viewport:
    """A window's view of the slide: *region* of the canvas drawn into *window*.

    Attributes:
        canvas: The slide's canvas.
        region: The part of the canvas shown (all of it unless zoomed), of the canvas' aspect.
        window: Where it is drawn, in the window's coordinates (:func:`letterbox` gives it).
    """

    canvas: Size
    region: Box
    window: Box

    @classmethod
    def of(cls, canvas: Size, window: Box, region: Box | None = None) -> Viewport:
        """The view of *region* (default: the whole canvas) in *window*."""
        return cls(canvas, region if region is not None else Box.whole(canvas), window)

    @property
    def scale(self) -> float:
        """Window units per canvas unit."""
        return self.window.width / self.region.width if self.region.width else 0.0

    def to_canvas(self, point: Point) -> Point | None:
        """The canvas point under window point *point*; None outside the slide (the bands)."""
        if not self.window.contains(point) or self.window.width <= 0 or self.window.height <= 0:
            return None
        return self.to_canvas_unbounded(point)

    def to_canvas_unbounded(self, point: Point) -> Point:
        """The canvas point under *point*, also beyond the slide's edges (a drag going off it)."""
        window, region = self.window, self.region
        return (
            region.x + (point[0] - window.x) / window.width * region.width,
            region.y + (point[1] - window.y) / window.height * region.height,
        )

    def to_window(self, point: Point) -> Point:
        """Where canvas point *point* is drawn in the window."""
        window, region = self.window, self.region
        return (
            window.x + (point[0] - region.x) / region.width * window.width,
            window.y + (point[1] - region.y) / region.height * window.height,
        )

    def box_to_window(self, box: Box) -> Box:
        """Where canvas rectangle *box* is drawn in the window."""
        x, y = self.to_window((box.x, box.y))
        return Box(
            x, y, box.width * self.scale, box.height * self.window.height / self.region.height
        )


def clamped(region: Box, canvas: Size) -> Box:
    """*region* kept inside the canvas: no larger than it, no smaller than :data:`MAX_ZOOM`
    allows, of the canvas' aspect, moved back inside where it went over an edge."""
    width = min(canvas.width, max(canvas.width / MAX_ZOOM, region.width))
    height = width * canvas.height / canvas.width
    cx, cy = region.centre
    x = min(max(cx - width / 2, 0.0), canvas.width - width)
    y = min(max(cy - height / 2, 0.0), canvas.height - height)
    return Box(x, y, width, height)


def zoomed(region: Box, canvas: Size, factor: float, at: Point | None = None) -> Box:
    """*region* zoomed in by *factor* (> 1 closer, < 1 further), keeping canvas point *at*
    (default: the region's centre) where it is on the screen."""
    ax, ay = at if at is not None else region.centre
    width = region.width / factor
    height = width * canvas.height / canvas.width
    fx = (ax - region.x) / region.width if region.width else 0.5
    fy = (ay - region.y) / region.height if region.height else 0.5
    return clamped(Box(ax - fx * width, ay - fy * height, width, height), canvas)


def dragged_region(start: Point, end: Point, canvas: Size) -> Box:
    """The region a box dragged from *start* to *end* (canvas points) asks for: the box grown
    to the canvas' aspect around its centre, then :func:`clamped`."""
    left, right = sorted((start[0], end[0]))
    top, bottom = sorted((start[1], end[1]))
    width, height = right - left, bottom - top
    aspect = canvas.width / canvas.height
    width = max(width, height * aspect)
    centre = ((left + right) / 2, (top + bottom) / 2)
    box = Box(centre[0] - width / 2, centre[1] - width / aspect / 2, width, width / aspect)
    return clamped(box, canvas)


def panned(region: Box, canvas: Size, dx: float, dy: float) -> Box:
    """*region* moved by (*dx*, *dy*) canvas units, kept inside the canvas."""
    return clamped(Box(region.x + dx, region.y + dy, region.width, region.height), canvas)


def is_whole(region: Box, canvas: Size) -> bool:
    """Whether *region* is the whole canvas (not zoomed)."""
    return region.width >= canvas.width - 1e-6
