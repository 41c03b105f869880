"""Measure how long Qt takes to fill and stroke paths, and fit the SVG cost model to it.

``desktop/core/svg_cost.py`` estimates Qt's drawing time from three counts per call of the
scan converter (cells walked, steps along the rows' cell lists, outline edges visited per
band). This draws 72 paths with QPainter (fills and strokes of random long segments,
map-like random walks of 3 px steps, zigzags and rings of short segments, 400 to 2,160 px),
times each on the CPU, fits the three constants in log space, and prints them with the
worst and typical error. Run it after a Qt upgrade::

    QT_QPA_PLATFORM=offscreen python tools/svg_cost_calibration.py

It takes about two minutes. Compare the fitted constants with ``K_WALK``, ``K_LIST`` and
``K_VISIT`` in desktop/core/svg_cost.py.
"""

from __future__ import annotations

import itertools
import math
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

from desktop.core.svg_cost import call_edges, call_terms

Geometry = tuple[list[list[float]], list[bool]]


@dataclass(frozen=True)
class Case:
    kind: str
    count: int
    size: int
    width: float
    make: Callable[[random.Random, int, int], Geometry]


def random_segments(rnd: random.Random, count: int, size: int) -> Geometry:
    points = [c for _ in range(count) for c in (rnd.uniform(0, size), rnd.uniform(0, size))]
    return [points], [True]


def random_walk(rnd: random.Random, count: int, size: int) -> Geometry:
    x = y = size / 2
    points: list[float] = []
    for _ in range(count):
        x = min(max(x + rnd.uniform(-3, 3), 0), size)
        y = min(max(y + rnd.uniform(-3, 3), 0), size)
        points += [x, y]
    return [points], [True]


def zigzag(rnd: random.Random, count: int, size: int) -> Geometry:
    del rnd
    points = [
        c for i in range(count) for c in ((i + 0.5) * size / count, (i % 2 == 0) * size + 0.3)
    ]
    return [points], [True]


def rings(rnd: random.Random, count: int, size: int) -> Geometry:
    subpaths = []
    for _ in range(count):
        cx, cy = rnd.uniform(0.05, 0.95) * size, rnd.uniform(0.05, 0.95) * size
        r = rnd.uniform(0.01, 0.05) * size
        ring: list[float] = []
        for k in range(100):
            angle = 2 * math.pi * k / 100
            radius = r * (1 + 0.2 * math.sin(7 * angle))
            ring += [cx + radius * math.cos(angle), cy + radius * math.sin(angle)]
        subpaths.append(ring)
    return subpaths, [True] * count


def cases() -> list[Case]:
    out = []
    for size in (400, 800, 1600):
        out += [Case("random", n, size, 0, random_segments) for n in (100, 300, 1000, 3000)]
        out += [Case("walk", n, size, 0, random_walk) for n in (10_000, 30_000, 100_000, 300_000)]
        out += [Case("zigzag", n, size, 0, zigzag) for n in (100, 300, 1000, 3000)]
    for size in (800, 2160):
        out += [Case("rings", n, size, w, rings) for n in (100, 300) for w in (0, 1.2, 4.8)]
    for size in (800, 1600):
        out += [
            Case("random", n, size, w, random_segments) for n in (100, 300, 1000) for w in (3, 20)
        ]
        out += [
            Case("walk", n, size, w, random_walk) for n in (10_000, 100_000) for w in (1.5, 3, 20)
        ]
    return out


def qt_seconds(geometry: Geometry, size: int, width: float) -> float:
    """CPU seconds Qt takes to fill (width 0) or stroke the geometry, as QtSvg draws it."""
    path = QPainterPath()
    for points, closed in zip(*geometry, strict=True):
        path.moveTo(points[0], points[1])
        for n in range(2, len(points), 2):
            path.lineTo(points[n], points[n + 1])
        if closed:
            path.closeSubpath()
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if width:
        pen = QPen(QColor("black"))
        pen.setWidthF(width)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        pen.setMiterLimit(4)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
    start = time.process_time()
    painter.drawPath(path)
    painter.end()
    return time.process_time() - start


def fit(rows: list[tuple[tuple[float, float, float], float]]) -> tuple[float, ...]:
    """The constants (seconds per count) with the least squared log error, on a grid."""
    grid = [x * 1e-10 for x in (1, 2, 3, 5, 7, 10, 15, 20, 25, 30, 40, 50, 70, 100)]
    best: tuple[float, tuple[float, ...]] | None = None
    for k in itertools.product(grid, repeat=3):
        error = sum(
            math.log(sum(a * b for a, b in zip(k, t, strict=True)) / s) ** 2 for t, s in rows
        )
        if best is None or error < best[0]:
            best = (error, k)
    assert best is not None
    return best[1]


def main() -> int:
    QGuiApplication(sys.argv[:1])
    rnd = random.Random(11)
    rows = []
    for case in cases():
        geometry = case.make(rnd, case.count, case.size)
        subpaths, closed = geometry
        if case.width:
            closed = [c and case.kind == "rings" for c in closed]
            edges = call_edges(subpaths, closed, 2.0, case.width / 2, case.width)
        else:
            edges = call_edges(subpaths, [True] * len(subpaths), 1.0, 0.0, 0.0)
        seconds = qt_seconds((subpaths, closed), case.size, case.width)
        rows.append((call_terms(edges), seconds))
        print(f"{case.kind:7} {case.count:7} {case.size:5} w{case.width:<4} {seconds:8.3f} s")
    walk, steps, visit = fit(rows)
    errors = [
        math.log((walk * t[0] + steps * t[1] + visit * t[2]) / seconds) for t, seconds in rows
    ]
    typical = math.exp(math.sqrt(sum(e * e for e in errors) / len(errors)))
    worst = math.exp(max(abs(e) for e in errors))
    print(f"K_WALK = {walk:.2g}, K_LIST = {steps:.2g}, K_VISIT = {visit:.2g}")
    print(f"error: typically a factor {typical:.2f}, at worst {worst:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
