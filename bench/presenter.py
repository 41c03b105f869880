"""The presenter's update per advance, measured on the real presenter when it exists.

With :mod:`desktop.ui.presenter` present, a :class:`PresenterController` runs in dual mode on
two offscreen 1920×1080 screens (the worker sets them up); an advance is ``step(1)`` followed by
a synchronous repaint of the console and the audience window. The work queued after the paint
(pre-rendering the neighbours) runs untimed between advances, as it does while the presenter
speaks.

Without the presenter package, the console's work is imitated with the pieces it is built from:
the pacing update, the current slide at the console's size, the next slide at its preview size
and the notes laid out as Markdown, with nothing pre-rendered. ``kind`` in the result says
which was measured.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QSizeF
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from desktop.core.model import Deck
from desktop.core.timing import PaceTracker, format_clock
from desktop.render.renderer import SlideRenderer

CURRENT_SIZE = QSize(1152, 648)
"""The current slide on a 1920×1080 console: 60 % of its width (imitation only)."""
NEXT_SIZE = QSize(576, 324)
NOTES_WIDTH = 700.0
SECONDS_PER_SLIDE = 30.0


class FakeClock:
    """Monotonic seconds that move only when told (the talk's time is not measured here)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def has_presenter() -> bool:
    return importlib.util.find_spec("desktop.ui.presenter.controller") is not None


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def measure_real(deck: Deck, runs: int) -> dict[str, Any]:
    """Per slide, the presenter's update when advancing to it (ms, one list per slide)."""
    from desktop.ui.presenter.controller import PresenterController
    from desktop.ui.settings import Settings

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    per_slide: list[list[float]] = [[] for _ in range(deck.slide_count)]
    mode = ""
    with tempfile.TemporaryDirectory(prefix="bench-presenter-") as folder:
        settings = Settings(Path(folder) / "settings.ini")
        for _ in range(runs):
            clock = FakeClock()
            controller = PresenterController(
                deck,
                SlideRenderer(deck),
                settings,
                0,
                clock=clock,
                now=lambda: dt.datetime(2026, 1, 15, 14, 0),
            )
            controller.start()
            _settle(app)
            mode = controller.mode
            for index in range(1, deck.slide_count):
                clock.now += SECONDS_PER_SLIDE
                start = time.perf_counter()
                controller.step(1)
                controller.console.repaint()
                controller.audience.repaint()
                per_slide[index].append((time.perf_counter() - start) * 1000.0)
                _settle(app)
            controller.end()
            _settle(app)
    return {"advance": per_slide[1:], "kind": "presenter", "mode": mode}


def _imitate(
    deck: Deck, renderer: SlideRenderer, tracker: PaceTracker, clock: FakeClock, index: int
) -> None:
    clock.now += SECONDS_PER_SLIDE
    tracker.on_slide(index)
    format_clock(tracker.pacing(index).elapsed)
    renderer.image(index, CURRENT_SIZE)
    if index + 1 < deck.slide_count:
        renderer.image(index + 1, NEXT_SIZE)
    notes = QTextDocument()
    notes.setMarkdown(deck.refs[index].slide.notes)
    notes.setPageSize(QSizeF(NOTES_WIDTH, 1e6))
    notes.documentLayout().documentSize()


def measure_equivalent(deck: Deck, runs: int) -> dict[str, Any]:
    """Per slide, the imitated console work when advancing to it (ms, one list per slide)."""
    per_slide: list[list[float]] = [[] for _ in range(deck.slide_count)]
    for _ in range(runs):
        renderer = SlideRenderer(deck)
        clock = FakeClock()
        tracker = PaceTracker(deck, clock)
        tracker.start()
        _imitate(deck, renderer, tracker, clock, 0)
        for index in range(1, deck.slide_count):
            start = time.perf_counter()
            _imitate(deck, renderer, tracker, clock, index)
            per_slide[index].append((time.perf_counter() - start) * 1000.0)
    return {"advance": per_slide[1:], "kind": "equivalent", "mode": ""}


def measure_presenter(deck: Deck, runs: int) -> dict[str, Any]:
    """The real presenter's figures when it exists, else the imitation's."""
    return measure_real(deck, runs) if has_presenter() else measure_equivalent(deck, runs)
