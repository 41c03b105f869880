"""Cold-start launcher: a fresh process that stops once its first frame is painted.

Usage (the parent sets ``BENCH_T0`` to ``time.time()`` just before starting the process)::

    BENCH_T0=... python -m bench.launch app RESULT.json [DECK]
    BENCH_T0=... python -m bench.launch bare RESULT.json

``app`` starts the real GUI entry point (``tianjin-briefing open DECK`` through
:func:`desktop.cli.main`) and records when :class:`~desktop.ui.slide_view.SlideView`'s first
``paintEvent`` that draws a slide returns. ``bare`` shows a plain PySide6 window that paints one
text, timed the same way: the baseline. Times in RESULT.json are seconds after ``BENCH_T0``:

- ``python``: this module started running (interpreter and ``bench`` package loaded);
- ``painted``: the first slide (or text) was painted into the window's backing store;
- ``shown``: the event loop turned once more after that paint (the frame was flushed).

The process quits right after; the settings and log go to ``TIANJIN_BRIEFING_HOME``, which
the parent points at a temporary folder.
"""

from __future__ import annotations

import time

_STARTED = time.time()

import json  # noqa: E402  (after the first timestamp on purpose)
import os  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

WATCHDOG_MS = 30_000
"""Give up when nothing is painted within this time (a broken build must not hang the run)."""


class _Marks:
    def __init__(self, t0: float) -> None:
        self.t0 = t0
        self.times: dict[str, float] = {"python": _STARTED - t0}
        self.error = ""

    def mark(self, name: str) -> None:
        self.times.setdefault(name, time.time() - self.t0)


def _finish_after_paint(marks: _Marks) -> Callable[[], None]:
    """Mark ``painted`` now; mark ``shown`` and quit on the event loop's next turn."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def shown() -> None:
        marks.mark("shown")
        QApplication.quit()

    def painted() -> None:
        if "painted" in marks.times:
            return
        marks.mark("painted")
        QTimer.singleShot(0, shown)

    return painted


def _watchdog(marks: _Marks) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def expire() -> None:
        marks.error = f"nothing painted within {WATCHDOG_MS} ms"
        QApplication.exit(3)

    QTimer.singleShot(WATCHDOG_MS, expire)


def run_app(marks: _Marks, deck: str) -> int:
    """Start the real app on *deck*; stop when the slide view has painted a slide."""
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication

    from desktop.ui import slide_view

    painted = _finish_after_paint(marks)
    original = slide_view.SlideView.paintEvent

    def paint_event(view: slide_view.SlideView, event: QPaintEvent) -> None:
        original(view, event)
        renderer = view.renderer()
        if renderer is not None and 0 <= view.index() < renderer.slide_count:
            painted()

    # Instrumentation only: wrap the class' paintEvent before the window is built.
    slide_view.SlideView.paintEvent = paint_event  # type: ignore[method-assign,assignment]
    QApplication(sys.argv[:1])  # run_app reuses it; created here only to arm the watchdog
    _watchdog(marks)
    from desktop.cli import main

    return main(["open", deck])


def run_bare(marks: _Marks) -> int:
    """Show a bare PySide6 window that paints one text; stop when it has painted."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter, QPaintEvent
    from PySide6.QtWidgets import QApplication, QWidget

    painted = _finish_after_paint(marks)

    class Bare(QWidget):
        def paintEvent(self, event: QPaintEvent) -> None:
            painter = QPainter(self)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Tianjin's Ten Actions")
            painter.end()
            painted()

    app = QApplication(sys.argv[:1])
    _watchdog(marks)
    window = Bare()
    window.resize(1280, 800)
    window.show()
    return app.exec()


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("app", "bare") or (argv[0] == "app" and len(argv) != 3):
        print("usage: python -m bench.launch app|bare RESULT.json [DECK]", file=sys.stderr)
        return 2
    marks = _Marks(float(os.environ.get("BENCH_T0", str(_STARTED))))
    code = run_app(marks, argv[2]) if argv[0] == "app" else run_bare(marks)
    result = {"mode": argv[0], "exit": code, "error": marks.error, "times": marks.times}
    Path(argv[1]).write_text(json.dumps(result), encoding="utf-8")
    return 0 if code == 0 and not marks.error else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
