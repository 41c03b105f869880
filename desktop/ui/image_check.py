"""The window's image check: every image of a deck decoded a few per event-loop turn.

Decoding is bounded (each image, and a deck's images together: see
:mod:`desktop.core.images`), but a deck's worth of large PNGs still takes seconds; done in
one go on the UI thread it would freeze the window. Here each turn of the event loop decodes
images for at most :data:`SLICE` seconds (at least one: what
:func:`desktop.render.checks.image_checks` yields), so the window answers between them, and a
new deck cancels the check of the last one. What is decoded stays in the picture cache, so
the slides then draw at once.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.model import Deck
from desktop.core.problems import Problem
from desktop.core.theme import Theme
from desktop.render.checks import image_checks

SLICE: Final = 0.03
"""Seconds of decoding per turn of the event loop (then the window handles its events)."""


class ImageCheck(QObject):
    """Checks a deck's images in steps.

    Signals:
        finished(tuple): Every image is decoded; carries the problems found (a tuple of
            :class:`Problem`, empty when every image draws).
    """

    finished = Signal(tuple)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: Iterator[Problem | None] | None = None
        self._found: list[Problem] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def running(self) -> bool:
        return self._steps is not None

    def start(self, deck: Deck, theme: Theme) -> None:
        """Check *deck*'s images (and *theme*'s logo), dropping a check still running."""
        self._steps = image_checks(deck, theme)
        self._found = []
        self._step()  # a deck of few, small or already decoded images finishes at once
        if self._steps is not None:
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._steps = None

    def _step(self) -> None:
        end = time.monotonic() + SLICE
        while self._steps is not None:
            try:
                problem = next(self._steps)
            except StopIteration:
                self.stop()
                self.finished.emit(tuple(self._found))
                return
            if problem is not None:
                self._found.append(problem)
            if time.monotonic() >= end:
                return
        self._timer.stop()
