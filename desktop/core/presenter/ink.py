"""The presenter's ink: pen and highlighter strokes, per slide, with undo. Plain Python.

A :class:`Stroke` is a list of canvas points (slide-canvas coordinates, see
:mod:`desktop.core.presenter.mapping`) with the pressure at each, a colour and a width.
:class:`InkBook` keeps the strokes of every slide by slide id, with an undo history per slide:
a stroke drawn, a stroke erased and a slide wiped are each undone by :meth:`InkBook.undo`.
Saving and loading are :mod:`desktop.core.presenter.ink_store`'s.

Usage::

    book = InkBook()
    book.add("why-tianjin", Stroke("pen", "#e02020", 6.0, ((100, 100, 1.0), (300, 120, 1.0))))
    book.erase_at("why-tianjin", (200, 110), radius=20)   # the eraser
    book.undo("why-tianjin")                               # the stroke is back
    book.clear_slide("why-tianjin")                        # E
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Final, Literal, TypeAlias

Kind: TypeAlias = Literal["pen", "highlighter"]
InkPoint: TypeAlias = tuple[float, float, float]
"""x, y (canvas units) and pressure (0–1; 1 without a tablet)."""

KINDS: Final[tuple[Kind, ...]] = ("pen", "highlighter")
MIN_STEP: Final = 0.75
"""Points closer than this (canvas units) to the last one kept add nothing to a stroke."""
HIGHLIGHTER_ALPHA: Final = 0.35
"""How opaque a highlighter stroke is drawn (the slide shows through)."""


@dataclass(frozen=True, slots=True)
class Stroke:
    """One stroke of a pen or a highlighter.

    Attributes:
        kind: ``pen`` or ``highlighter`` (drawn translucent, under nothing else).
        colour: ``#rrggbb``.
        width: The line's width at full pressure, in canvas units.
        points: Where it went, in canvas units, with the pressure at each point.
    """

    kind: Kind
    colour: str
    width: float
    points: tuple[InkPoint, ...]

    def near(self, at: tuple[float, float], radius: float) -> bool:
        """Whether the stroke passes within *radius* (plus half its width) of *at*."""
        reach = radius + self.width / 2
        points = self.points
        if len(points) == 1:
            return math.dist(points[0][:2], at) <= reach
        return any(
            _segment_distance(at, a[:2], b[:2]) <= reach for a, b in itertools.pairwise(points)
        )

    def widths(self) -> Iterator[float]:
        """The line's width at each segment: the width scaled by the pressure there (a
        highlighter ignores the pressure)."""
        for a, b in itertools.pairwise(self.points):
            pressure = 1.0 if self.kind == "highlighter" else max(0.2, (a[2] + b[2]) / 2)
            yield self.width * pressure


def _segment_distance(
    p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def smoothed(points: Sequence[InkPoint]) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The stroke as quadratic curves through the midpoints of its points, each
    ``(control, end)``, starting at the first point: a smooth line through a jittery hand."""
    if len(points) < 3:
        return [(p[:2], p[:2]) for p in points[1:]]
    curves: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for a, b in itertools.pairwise(points[1:]):
        curves.append((a[:2], ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)))
    curves.append((points[-1][:2], points[-1][:2]))
    return curves


class StrokeBuilder:
    """A stroke as it is drawn: points that moved less than :data:`MIN_STEP` are skipped."""

    def __init__(self, kind: Kind, colour: str, width: float) -> None:
        self.kind, self.colour, self.width = kind, colour, width
        self.points: list[InkPoint] = []

    def add(self, x: float, y: float, pressure: float = 1.0) -> bool:
        """Add a point; False when it was too close to the last one to matter."""
        pressure = min(1.0, max(0.0, pressure))
        if self.points and math.dist(self.points[-1][:2], (x, y)) < MIN_STEP:
            return False
        self.points.append((x, y, pressure))
        return True

    def stroke(self) -> Stroke:
        return Stroke(self.kind, self.colour, self.width, tuple(self.points))


@dataclass(frozen=True, slots=True)
class _Added:
    stroke: Stroke


@dataclass(frozen=True, slots=True)
class _Erased:
    at: int
    stroke: Stroke


@dataclass(frozen=True, slots=True)
class _Cleared:
    strokes: tuple[Stroke, ...]


_Step: TypeAlias = _Added | _Erased | _Cleared


@dataclass
class SlideInk:
    """The strokes of one slide, oldest first, and how they came to be (for undo)."""

    strokes: list[Stroke] = field(default_factory=list)
    history: list[_Step] = field(default_factory=list)


class InkBook:
    """Every slide's ink, by slide id.

    Args:
        slides: The strokes of each slide id to start with (a loaded file).
    """

    def __init__(self, slides: dict[str, Sequence[Stroke]] | None = None) -> None:
        self._slides: dict[str, SlideInk] = {
            slide: SlideInk(list(strokes)) for slide, strokes in (slides or {}).items() if strokes
        }
        self.revision = 0
        """Counts changes: a view redraws, and the store saves, when it moved."""

    def strokes(self, slide: str) -> Sequence[Stroke]:
        ink = self._slides.get(slide)
        return tuple(ink.strokes) if ink is not None else ()

    def slides(self) -> dict[str, tuple[Stroke, ...]]:
        """Every slide with ink, and its strokes."""
        return {slide: tuple(ink.strokes) for slide, ink in self._slides.items() if ink.strokes}

    def __bool__(self) -> bool:
        return any(ink.strokes for ink in self._slides.values())

    def _ink(self, slide: str) -> SlideInk:
        return self._slides.setdefault(slide, SlideInk())

    def _changed(self) -> None:
        self.revision += 1

    def add(self, slide: str, stroke: Stroke) -> None:
        """Draw *stroke* on *slide* (a stroke without points is not kept)."""
        if not stroke.points:
            return
        ink = self._ink(slide)
        ink.strokes.append(stroke)
        ink.history.append(_Added(stroke))
        self._changed()

    def erase_at(self, slide: str, at: tuple[float, float], radius: float) -> int:
        """The eraser: remove the strokes of *slide* passing within *radius* of *at*;
        return how many went."""
        ink = self._slides.get(slide)
        if ink is None:
            return 0
        gone = 0
        for index in reversed(range(len(ink.strokes))):
            if ink.strokes[index].near(at, radius):
                ink.history.append(_Erased(index, ink.strokes.pop(index)))
                gone += 1
        if gone:
            self._changed()
        return gone

    def clear_slide(self, slide: str) -> bool:
        """Wipe *slide*'s ink (undoable); False when it had none."""
        ink = self._slides.get(slide)
        if ink is None or not ink.strokes:
            return False
        ink.history.append(_Cleared(tuple(ink.strokes)))
        ink.strokes.clear()
        self._changed()
        return True

    def clear_all(self) -> int:
        """Wipe every slide's ink (each slide's undo brings its own back); return how many
        slides had ink."""
        return sum(self.clear_slide(slide) for slide in list(self._slides))

    def undo(self, slide: str) -> bool:
        """Undo the last change to *slide*'s ink; False when there is nothing to undo."""
        ink = self._slides.get(slide)
        if ink is None or not ink.history:
            return False
        step = ink.history.pop()
        if isinstance(step, _Added):
            ink.strokes.remove(step.stroke)
        elif isinstance(step, _Erased):
            ink.strokes.insert(min(step.at, len(ink.strokes)), step.stroke)
        else:
            ink.strokes[:0] = step.strokes
        self._changed()
        return True

    def remap(self, ids: Iterable[tuple[str, str]]) -> None:
        """Move ink from old slide ids to new ones (a reload renamed slides): each pair is
        ``(old id, new id)``."""
        moved = {new: self._slides.pop(old) for old, new in ids if old in self._slides}
        self._slides.update(moved)
        if moved:
            self._changed()
