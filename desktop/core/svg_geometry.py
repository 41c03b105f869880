"""SVG geometry as Qt reads it, for the drawing-cost estimate: paths, shapes, transforms, lengths.

Only what the estimate needs: the points of each subpath (curves by their control points,
arcs sampled), affine transforms and lengths in user units. Where the input is malformed,
these functions keep going (they skip what they cannot read) rather than stop, so they
never see less geometry than Qt draws.

Qt-free, like the rest of :mod:`desktop.core`.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from typing import Final

Matrix = tuple[float, float, float, float, float, float]
"""An affine transform ``(a, b, c, d, e, f)``: x' = a·x + c·y + e, y' = b·x + d·y + f."""

IDENTITY: Final[Matrix] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

_NUMBER: Final = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_NUMBERS: Final = re.compile(_NUMBER)
_ABSOLUTE_LINES: Final = re.compile(r"[\sMLZz,0-9eE.+-]*")
_DRAWN_AFTER_CLOSE: Final = re.compile(r"[Zz][\s,]*[^\sMZz,]")
"""A segment after ``Z`` that starts no new subpath (it starts at the old one's start)."""
_SUBPATH: Final = re.compile(r"M[^M]*")
_PATH_COMMAND: Final = re.compile(r"([MmZzLlHhVvCcSsQqTtAa])([^MmZzLlHhVvCcSsQqTtAa]*)")
_LENGTH: Final = re.compile(rf"\s*({_NUMBER})\s*(px|pt|pc|mm|cm|in|em|ex|%)?", re.IGNORECASE)
_TRANSFORM: Final = re.compile(r"(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)", re.I)
_ARGUMENTS: Final = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "S": 4, "Q": 4, "T": 2, "A": 7}
_UNITS: Final = {"px": 1.0, "pt": 1.25, "pc": 15.0, "mm": 3.543307, "cm": 35.43307, "in": 90.0}
"""Qt's conversions of absolute units to user units (90 dpi)."""
QT_PATH_ELEMENTS: Final = 32_767
"""Qt 6 draws nothing of path data that makes more path elements than this ("Invalid path
data; path truncated"): a move or a line is one element, a curve three (its control points
and end), an arc three per quarter turn begun (measured with PySide6 6.11)."""
FONT_SIZE: Final = 16.0
"""Font size (user units) where an SVG sets none."""
_HUGE: Final = 1e15
_ARC_STEP: Final = math.pi / 4
"""Arcs are sampled at least every 45 degrees (their length is what counts, not smoothness)."""


@dataclass(slots=True)
class Shape:
    """The geometry of one element: each subpath as a flat list ``[x0, y0, x1, y1, …]``."""

    subpaths: list[list[float]] = field(default_factory=list)
    closed: list[bool] = field(default_factory=list)
    curves: int = 0
    """Curve pieces (a Bézier segment, a quarter of an arc): each costs Qt more to stroke."""
    elements: int = 0
    """Elements of the Qt path it becomes (a move or line 1, a curve 3): Qt draws nothing of
    a ``<path>`` of more than :data:`QT_PATH_ELEMENTS`."""

    @property
    def lines_only(self) -> bool:
        """Every subpath is one straight segment (Qt strokes those one line at a time)."""
        return not self.curves and all(len(sub) == 4 for sub in self.subpaths)

    def start(self, x: float, y: float) -> list[float]:
        sub = [x, y]
        self.subpaths.append(sub)
        self.closed.append(False)
        return sub


def numbers(text: str) -> list[float]:
    """Every number in *text*, as Qt's SVG parser reads lists (separators ignored).

    One beyond ±10¹⁵ (or infinite) counts as 0: Qt clips geometry that far off anyway.
    """
    return [v if -_HUGE < v < _HUGE else 0.0 for v in map(float, _NUMBERS.findall(text))]


def _float(text: str) -> float:
    value = float(text)
    return value if -_HUGE < value < _HUGE else 0.0


def length(text: str | None, percent_of: float, font_size: float = FONT_SIZE) -> float | None:
    """A length in user units (``%`` of *percent_of*), or None when there is none."""
    if not text:
        return None
    match = _LENGTH.match(text)
    if match is None:
        return None
    value, unit = _float(match.group(1)), (match.group(2) or "px").lower()
    if unit == "%":
        return value * percent_of / 100
    if unit in ("em", "ex"):
        return value * font_size * (1.0 if unit == "em" else 0.5)
    return value * _UNITS[unit]


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """The transform that applies *n* first, then *m*."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def translate(x: float, y: float) -> Matrix:
    return (1.0, 0.0, 0.0, 1.0, x, y)


def scale(sx: float, sy: float) -> Matrix:
    return (sx, 0.0, 0.0, sy, 0.0, 0.0)


def parse_transform(text: str | None) -> Matrix:
    """The ``transform`` attribute as one matrix (what cannot be read counts as identity)."""
    result = IDENTITY
    if not text:
        return result
    for kind, raw in _TRANSFORM.findall(text):
        args = numbers(raw)
        kind = kind.lower()
        step: Matrix = IDENTITY
        if kind == "matrix" and len(args) == 6:
            step = (args[0], args[1], args[2], args[3], args[4], args[5])
        elif kind == "translate" and args:
            step = translate(args[0], args[1] if len(args) > 1 else 0.0)
        elif kind == "scale" and args:
            step = scale(args[0], args[1] if len(args) > 1 else args[0])
        elif kind == "rotate" and args:
            angle = math.radians(args[0])
            cos, sin = math.cos(angle), math.sin(angle)
            step = (cos, sin, -sin, cos, 0.0, 0.0)
            if len(args) >= 3:
                step = multiply(
                    translate(args[1], args[2]), multiply(step, translate(-args[1], -args[2]))
                )
        elif kind == "skewx" and args:
            step = (1.0, 0.0, math.tan(math.radians(args[0])), 1.0, 0.0, 0.0)
        elif kind == "skewy" and args:
            step = (1.0, math.tan(math.radians(args[0])), 0.0, 1.0, 0.0, 0.0)
        result = multiply(result, step)
    return result


def stretch(m: Matrix) -> float:
    """How much *m* lengthens a line at most (its largest singular value)."""
    a, b, c, d = m[0], m[1], m[2], m[3]
    total = a * a + b * b + c * c + d * d
    det = a * d - b * c
    return math.sqrt(max(0.0, (total + math.sqrt(max(0.0, total * total - 4 * det * det))) / 2))


def apply(m: Matrix, flat: list[float]) -> list[float]:
    """The points of *flat* (``[x0, y0, …]``) transformed by *m*."""
    a, b, c, d, e, f = m
    xs, ys = flat[0::2], flat[1::2]
    out = [0.0] * len(flat)
    out[0::2] = [a * x + c * y + e for x, y in zip(xs, ys, strict=True)]
    out[1::2] = [b * x + d * y + f for x, y in zip(xs, ys, strict=True)]
    return out


def path_shape(data: str) -> Shape:
    """The subpaths of path data *data* (curves by their control points, arcs sampled).

    Numbers that do not make up a whole set of arguments are dropped, as Qt drops them;
    what follows them is still read.
    """
    simple = data.lstrip()[:1] in ("M", "") and _ABSOLUTE_LINES.fullmatch(data)
    if simple and not _DRAWN_AFTER_CLOSE.search(data):
        return _absolute_lines(data)
    shape = Shape()
    count = _QtElements()
    x = y = start_x = start_y = 0.0
    control: tuple[float, float] | None = None
    sub: list[float] | None = None
    for command, raw in _PATH_COMMAND.findall(data):
        upper = command.upper()
        if upper == "Z":
            if sub is not None:
                shape.closed[-1] = True
            count.close()
            x, y, sub, control = start_x, start_y, None, None
            continue
        values = numbers(raw)
        need = _ARGUMENTS[upper]
        usable = len(values) // need * need
        if not usable:
            continue
        relative = command.islower()
        if upper == "M":
            x = values[0] + (x if relative else 0.0)
            y = values[1] + (y if relative else 0.0)
            start_x, start_y = x, y
            sub = shape.start(x, y)
            count.move(x, y)
            values, upper = values[2:usable], "L"
            usable -= 2
            control = None
            if not usable:
                continue
        if sub is None:
            sub = shape.start(x, y)
            start_x, start_y = x, y
        if upper in ("L", "H", "V"):
            points = _lines(upper, values[:usable], relative, x, y)
            count.lines(points)
            sub.extend(points)
            x, y, control = points[-2], points[-1], None
            continue
        for n in range(0, usable, need):
            args = values[n : n + need]
            ox, oy = (x, y) if relative else (0.0, 0.0)
            if upper == "A":
                points, pieces = arc_points(x, y, args, ox, oy)
                shape.curves += pieces
                count.arc(points[-2], points[-1], pieces)
                control = None
            else:
                given = [ox + v if i % 2 == 0 else oy + v for i, v in enumerate(args)]
                if upper in ("S", "T"):
                    first = (2 * x - control[0], 2 * y - control[1]) if control else (x, y)
                    given = [first[0], first[1], *given]
                points = given
                shape.curves += 1
                count.curve(points)
                control = (points[-4], points[-3])
            sub.extend(points)
            x, y = points[-2], points[-1]
    shape.elements = count.elements
    return shape


class _QtElements:
    """Counts the elements of the QPainterPath Qt builds from path data, as Qt does: a path
    starts with a move to (0, 0); a move right after a move replaces it; a line to where the
    pen already is adds nothing; a close adds a line back to the start unless the pen is
    there, and the next drawing after it starts with a move of its own."""

    def __init__(self) -> None:
        self.elements = 1
        self.moved = True
        self.closed = False
        self.x = self.y = self.start_x = self.start_y = 0.0

    def move(self, x: float, y: float) -> None:
        if not self.moved:
            self.elements += 1
        self.moved, self.closed = True, False
        self.x, self.y, self.start_x, self.start_y = x, y, x, y

    def _draw(self) -> None:
        if self.closed:
            self.elements += 1
            self.closed = False

    def lines(self, points: list[float]) -> None:
        self._draw()
        x, y = self.x, self.y
        added = 0
        for px, py in zip(points[0::2], points[1::2], strict=True):
            if px != x or py != y:
                added += 1
                x, y = px, py
        self.elements += added
        self.moved = self.moved and not added
        self.x, self.y = x, y

    def curve(self, points: list[float]) -> None:
        self._draw()
        if any(v != (self.x if n % 2 == 0 else self.y) for n, v in enumerate(points)):
            self.elements += 3
            self.moved = False
        self.x, self.y = points[-2], points[-1]

    def arc(self, x: float, y: float, pieces: int) -> None:
        if not pieces:
            self.lines([x, y])
            return
        self._draw()
        self.elements += 3 * pieces
        self.moved = False
        self.x, self.y = x, y

    def close(self) -> None:
        if (
            self.elements > 1
            and not self.moved
            and (self.x, self.y) != (self.start_x, self.start_y)
        ):
            self.elements += 1
        self.closed = True
        self.x, self.y = self.start_x, self.start_y


def _absolute_lines(data: str) -> Shape:
    """Path data of absolute ``M``, ``L`` and ``Z`` only (as many tools write): each
    subpath's points are simply its numbers."""
    shape = Shape()
    count = _QtElements()
    for part in _SUBPATH.findall(data):
        values = numbers(part)
        if len(values) >= 2:
            points = values[: len(values) // 2 * 2]
            closed = "Z" in part or "z" in part
            shape.subpaths.append(points)
            shape.closed.append(closed)
            count.move(points[0], points[1])
            count.lines(points[2:])
            if closed:
                count.close()
    shape.elements = count.elements
    return shape


def _lines(kind: str, values: list[float], relative: bool, x: float, y: float) -> list[float]:
    """The points of a run of ``L``, ``H`` or ``V`` arguments from (x, y)."""
    if kind == "L":
        if not relative:
            return values
        xs = list(itertools.accumulate(values[0::2], initial=x))[1:]
        ys = list(itertools.accumulate(values[1::2], initial=y))[1:]
    elif kind == "H":
        xs = list(itertools.accumulate(values, initial=x))[1:] if relative else values
        ys = [y] * len(xs)
    else:
        ys = list(itertools.accumulate(values, initial=y))[1:] if relative else values
        xs = [x] * len(ys)
    out = [0.0] * (2 * len(xs))
    out[0::2], out[1::2] = xs, ys
    return out


def arc_points(
    x1: float, y1: float, values: list[float], ox: float, oy: float
) -> tuple[list[float], int]:
    """An elliptical arc from (x1, y1) sampled as points (SVG's endpoint parameterisation),
    and how many Bézier pieces Qt makes of it (one per quarter turn begun; none for a
    straight line)."""
    rx, ry, rotation, large, sweep = abs(values[0]), abs(values[1]), values[2], values[3], values[4]
    x2, y2 = ox + values[5], oy + values[6]
    if rx == 0 or ry == 0:
        return [x2, y2], 0
    if x1 == x2 and y1 == y2:
        return [x2, y2], 0
    phi = math.radians(rotation)
    cos, sin = math.cos(phi), math.sin(phi)
    dx, dy = (x1 - x2) / 2, (y1 - y2) / 2
    px, py = cos * dx + sin * dy, -sin * dx + cos * dy
    grow = px * px / (rx * rx) + py * py / (ry * ry)
    if grow > 1:
        rx, ry = rx * math.sqrt(grow), ry * math.sqrt(grow)
    top = rx * rx * ry * ry - rx * rx * py * py - ry * ry * px * px
    bottom = rx * rx * py * py + ry * ry * px * px
    factor = math.sqrt(max(0.0, top / bottom)) if bottom else 0.0
    if (large != 0) == (sweep != 0):
        factor = -factor
    cxp, cyp = factor * rx * py / ry, -factor * ry * px / rx
    cx = cos * cxp - sin * cyp + (x1 + x2) / 2
    cy = sin * cxp + cos * cyp + (y1 + y2) / 2
    start = math.atan2((py - cyp) / ry, (px - cxp) / rx)
    end = math.atan2((-py - cyp) / ry, (-px - cxp) / rx)
    delta = end - start
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    steps = max(1, math.ceil(abs(delta) / _ARC_STEP))
    out: list[float] = []
    for step in range(1, steps + 1):
        angle = start + delta * step / steps
        ex, ey = rx * math.cos(angle), ry * math.sin(angle)
        out += [cos * ex - sin * ey + cx, sin * ex + cos * ey + cy]
    out[-2:] = [x2, y2]
    return out, math.ceil(abs(delta) / (math.pi / 2 + 0.001))


def ellipse_shape(cx: float, cy: float, rx: float, ry: float) -> Shape:
    """An ellipse as a closed 16-gon (about the same outline length)."""
    shape = Shape(curves=4)
    flat: list[float] = []
    for step in range(16):
        angle = step * math.pi / 8
        flat += [cx + rx * math.cos(angle), cy + ry * math.sin(angle)]
    shape.subpaths.append(flat)
    shape.closed.append(True)
    return shape


def polygon_shape(points: list[float], closed: bool) -> Shape:
    shape = Shape()
    if len(points) >= 2:
        shape.subpaths.append(points[: len(points) // 2 * 2])
        shape.closed.append(closed)
    return shape
