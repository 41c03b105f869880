"""The presenter's tools, measured on the real presenter in dual mode (two 1920×1080 screens).

* ``pointer``: the laser pointer following the mouse: a mouse move over the console's current
  slide, then the repaints Qt carries out for it (the dot's old and new places, on the console
  and on the 1920×1080 audience window), per move.
* ``ink``: what a 500-point pen stroke adds to a whole repaint of the audience window (median
  with the stroke minus median without).
* ``zoom``: a zoom step on the audience window, per repaint: on a slide of each kind (text,
  table, chart, image), the region zoomed closer and further (a new scale each time) and
  panned, each step drawn from what the window has (see :mod:`desktop.core.presenter.zoom_plan`).
* ``zoom_settle``: rendering the region sharp once the steps stop (vectors at the window's
  resolution, with the margin that keeps pans sharp), and painting it, per settled step;
  ``zoom_settle_kinds`` has the same per slide kind.
* ``zoom_margin``: each part of the margin rendered afterwards while the window is idle (what
  a step coming meanwhile may wait for), per part.
"""

from __future__ import annotations

import datetime as dt
import math
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from desktop.core.model import Deck
from desktop.core.presenter.ink import Stroke
from desktop.render.renderer import SlideRenderer

MOVES = 120
"""Mouse moves per run of the pointer."""
REPAINTS = 30
"""Repaints per run of the ink and of the zoom."""
STROKE_POINTS = 500
ZOOM_KINDS = ("bullets", "table", "chart", "image")
"""The slide kinds zoomed: text, a table, a chart and a picture (the first of each)."""


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def measure_tools(deck: Deck, runs: int) -> dict[str, Any]:
    """Per run: pointer moves, the ink's extra per repaint and zoomed repaints (ms)."""
    from desktop.ui.presenter.controller import PresenterController
    from desktop.ui.presenter.tools.ink import InkTool
    from desktop.ui.settings import Settings

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    pointer: list[list[float]] = []
    zoom: list[list[float]] = []
    settle: list[list[float]] = []
    settle_kinds: list[dict[str, list[float]]] = []
    margin: list[list[float]] = []
    ink: list[float] = []
    mode, size = "", ""
    with tempfile.TemporaryDirectory(prefix="bench-tools-") as folder:
        settings = Settings(Path(folder) / "settings.ini")
        for _ in range(runs):
            controller = PresenterController(
                deck,
                SlideRenderer(deck),
                settings,
                min(3, deck.slide_count - 1),
                now=lambda: dt.datetime(2026, 1, 15, 14, 0),
            )
            controller.start()
            _settle(app)
            mode = controller.mode
            audience, console = controller.audience, controller.console.current
            size = f"{audience.width()}×{audience.height()}"
            # The pointer: real mouse moves over the console's slide.
            controller.actions["pointer"].trigger()
            _settle(app)
            box = console.slide_rect()
            moves = []
            for step in range(MOVES):
                t = step / MOVES
                at = QPointF(
                    box.x() + box.width() * (0.1 + 0.8 * t),
                    box.y() + box.height() * (0.5 + 0.3 * math.sin(6 * t)),
                )
                event = QMouseEvent(
                    QEvent.Type.MouseMove,
                    at,
                    console.mapToGlobal(at),
                    Qt.MouseButton.NoButton,
                    Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier,
                )
                start = time.perf_counter()
                QApplication.sendEvent(console, event)
                app.processEvents()
                moves.append(_ms(start))
            pointer.append(moves)
            controller.actions["pointer"].trigger()
            _settle(app)
            # The ink: a 500-point stroke on the audience's slide.
            tool = controller.tools["ink"]
            assert isinstance(tool, InkTool)
            key = tool.slide_key(audience)
            assert key is not None
            without = _repaints(audience, REPAINTS)
            points = tuple(
                (200 + 3 * i, 540 + 200 * math.sin(i / 25), 0.5 + 0.5 * math.sin(i / 40) ** 2)
                for i in range(STROKE_POINTS)
            )
            tool.book.add(key, Stroke("pen", "#e02020", 8.0, points))
            with_ink = _repaints(audience, REPAINTS)
            ink.append(_median(with_ink) - _median(without))
            tool.book.clear_all()
            steps, settled, parts = _zoom_steps(controller, deck)
            margin.append(parts)
            zoom.append(steps)
            settle.append([value for values in settled.values() for value in values])
            settle_kinds.append(settled)
            controller.end()
            _settle(app)
    return {
        "pointer": pointer,
        "ink": ink,
        "zoom": zoom,
        "zoom_settle": settle,
        "zoom_settle_kinds": settle_kinds,
        "zoom_margin": margin,
        "mode": mode,
        "size": size,
    }


def _zoom_steps(
    controller: Any, deck: Deck
) -> tuple[list[float], dict[str, list[float]], list[float]]:
    """Zoom steps on the audience window (closer, further and pans, a repaint each) on the
    first slide of each of :data:`ZOOM_KINDS`, the sharp render after each zoom, by kind,
    and each part of its margin rendered afterwards (ms)."""
    audience = controller.audience
    canvas = controller.renderer.canvas
    kinds = {ref.slide.layout.value: ref.index for ref in reversed(deck.refs)}
    steps: list[float] = []
    settled: dict[str, list[float]] = {}
    parts: list[float] = []
    for kind in ZOOM_KINDS:
        if kind not in kinds:
            continue
        times = settled.setdefault(kind, [])
        audience.set_index(kinds[kind])
        audience.repaint()  # the slide as the room saw it before the zoom
        for step in range(REPAINTS // 3):
            width = canvas.width() / (1.5 + step % 4)
            region = QRectF(
                step * 20.0, step * 10.0, width, width * canvas.height() / canvas.width()
            )
            for n in range(3):  # a new scale, then two pans of it
                audience.set_region(region.translated(n * 9.0, n * 4.0))
                start = time.perf_counter()
                audience.repaint()
                steps.append(_ms(start))
            start = time.perf_counter()
            audience.settle_zoom()
            audience.repaint()
            times.append(_ms(start))
            while audience.zoom_pending():
                start = time.perf_counter()
                audience.grow_zoom()
                parts.append(_ms(start))
        audience.set_region(None)
    return steps, settled, parts


def _repaints(widget: Any, count: int) -> list[float]:
    widget.repaint()  # warm: the slide's image is cached
    times = []
    for _ in range(count):
        start = time.perf_counter()
        widget.repaint()
        times.append(_ms(start))
    return times
