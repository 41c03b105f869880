"""Measurements that run inside a fresh benchmark subprocess, one task per process.

Usage: ``python -m bench.worker TASK 'JSON-ARGUMENTS'``; the last line written to stdout is the
task's result as JSON. Each task runs in its own process so that its peak RSS (VmHWM) is its
own and no cache survives from one figure to the next. Times are milliseconds unless a key
says otherwise. Tasks:

- ``load``: load and validate a deck *runs* times (Qt-free).
- ``render``: per slide, render at 1920×1080 uncached (layout + paint into a new image, as
  :meth:`SlideRenderer.image` does), repaint with the layout cached (into an existing
  1920×1080 surface, as a widget repaints its backing store), and a cached slide change (image
  cache hit + blit onto that surface).
- ``presenter``: the presenter console's update per advance (see :mod:`bench.presenter`).
- ``presenter_tools``: the pointer, the ink and the zoom (see :mod:`bench.presenter_tools`).
- ``export``: export a PDF in one layout *runs* times.
- ``open``: build the main window and open a deck in it *runs* times.
- ``window``: the main window on a deck: peak RSS, advance and jump times, RSS over repeated
  navigation.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.stats import peak_rss_mib, rss_mib

Result = dict[str, Any]
RENDER_SIZE = (1920, 1080)


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


def _deck(path: str) -> Any:
    from desktop.core.loader import load_deck

    result = load_deck(Path(path))
    if result.deck is None:
        raise SystemExit(f"deck {path} does not load: {[p.format() for p in result.errors]}")
    return result.deck


def _gui(widgets: bool = False) -> Any:
    """The application object (offscreen unless a platform is set), fonts registered."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.render.fonts import register_fonts

    if widgets:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv[:1])
    else:
        from desktop.render.qtapp import ensure_gui_app

        app = ensure_gui_app()
    register_fonts()
    return app


def _warm_up() -> None:
    """Render the bundled deck once so that one-off costs (font loading) are not charged."""
    from PySide6.QtCore import QSize

    from desktop.core.resources import bundled_deck
    from desktop.render.renderer import SlideRenderer

    renderer = SlideRenderer(_deck(str(bundled_deck())))
    for index in range(renderer.slide_count):
        renderer.image(index, QSize(*RENDER_SIZE))


def task_load(deck: str, runs: int) -> Result:
    from desktop.core.loader import load_deck

    times = []
    slides = 0
    for _ in range(runs):
        start = time.perf_counter()
        result = load_deck(Path(deck))
        times.append(_ms(start))
        assert result.deck is not None
        slides = result.deck.slide_count
    return {"times": times, "slides": slides, "peak_rss_mib": peak_rss_mib()}


def task_render(deck: str, runs: int) -> Result:
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop.render.renderer import SlideRenderer

    _gui()
    _warm_up()
    loaded = _deck(deck)
    size = QSize(*RENDER_SIZE)
    count = loaded.slide_count
    uncached: list[list[float]] = [[] for _ in range(count)]
    repaint: list[list[float]] = [[] for _ in range(count)]
    cached: list[list[float]] = [[] for _ in range(count)]
    surface = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    for _ in range(runs):
        renderer = SlideRenderer(loaded)
        background = QColor(renderer.theme.color("background"))
        for index in range(count):
            start = time.perf_counter()
            renderer.image(index, size)
            uncached[index].append(_ms(start))

            start = time.perf_counter()
            image = renderer.image(index, size)
            painter = QPainter(surface)
            painter.drawImage(0, 0, image)
            painter.end()
            cached[index].append(_ms(start))

            start = time.perf_counter()
            surface.fill(background)
            painter = QPainter(surface)
            renderer.paint(painter, index, QRectF(0, 0, size.width(), size.height()))
            painter.end()
            repaint[index].append(_ms(start))
    layouts = [loaded.refs[i].slide.layout.value for i in range(count)]
    return {
        "uncached": uncached,
        "repaint": repaint,
        "cached": cached,
        "layouts": layouts,
        "peak_rss_mib": peak_rss_mib(),
    }


def task_presenter(deck: str, runs: int) -> Result:
    from bench.presenter import measure_presenter

    _gui(widgets=True)
    _warm_up()
    result = measure_presenter(_deck(deck), runs)
    result["peak_rss_mib"] = peak_rss_mib()
    return result


def task_presenter_tools(deck: str, runs: int) -> Result:
    from bench.presenter_tools import measure_tools

    _gui(widgets=True)
    _warm_up()
    result = measure_tools(_deck(deck), runs)
    result["peak_rss_mib"] = peak_rss_mib()
    return result


def task_export(deck: str, layout: str, runs: int, lang: str = "") -> Result:
    """Export *deck* *runs* times (in display language *lang*, as ``--lang``; ``""``: its
    primary)."""
    from desktop.core.problems import UserError
    from desktop.core.resources import bundled_deck
    from desktop.export import registry
    from desktop.export.command import deck_in
    from desktop.export.pdf import PdfOptions
    from desktop.export.plan import ExportLayout

    _gui()
    pdf = registry.get("pdf")
    options = PdfOptions(layout=ExportLayout(layout))
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        # A few pages first, in the language measured: the fonts a process loads once (the
        # Chinese ones for zh or en+zh) are not counted as the export's.
        warm = _deck(str(bundled_deck()))
        with contextlib.suppress(UserError):  # a language the bundled deck lacks: as it is
            warm = deck_in(warm, lang) if lang else warm
        pdf.export(
            warm, Path(folder) / "warm.pdf", PdfOptions(layout=options.layout, slides=(0, 1, 2))
        )
        loaded = deck_in(_deck(deck), lang) if lang else _deck(deck)
        baseline = rss_mib()
        times, pages, size = [], 0, 0
        for run in range(runs):
            start = time.perf_counter()
            result = pdf.export(loaded, Path(folder) / f"out-{run}.pdf", options)
            times.append(_ms(start))
            pages, size = result.pages, result.size
            (Path(folder) / f"out-{run}.pdf").unlink()
    return {
        "times": times,
        "pages": pages,
        "bytes": size,
        "slides": loaded.slide_count,
        "baseline_rss_mib": baseline,
        "peak_rss_mib": peak_rss_mib(),
    }


def task_export_languages(
    deck: str, layout: str, rounds: int, langs: list[str], modes: list[str]
) -> Result:
    """Export *deck* in each of the display languages *langs* in turn, *rounds* times (en,
    zh, en+zh, en, zh, en+zh…), in one process: a ratio of two languages' times is then
    measured in the same minutes (a machine shared with others drifts between processes).
    Each language is warmed up first (its fonts loaded).

    *modes*, each round in turn: ``cli`` exports as the command line does (a PDF of enough
    pages in two processes while a core is free, :mod:`desktop.export.pdf_split`); ``one``
    in one process, as the desktop app's Export dialog always does. Times by mode, then
    language."""
    from desktop.export import pdf_split, registry
    from desktop.export.command import deck_in
    from desktop.export.pdf import PdfOptions
    from desktop.export.plan import ExportLayout

    _gui()
    pdf = registry.get("pdf")
    options = PdfOptions(layout=ExportLayout(layout))
    decks = {lang: deck_in(_deck(deck), lang) for lang in langs}
    times: dict[str, dict[str, list[float]]] = {
        mode: {lang: [] for lang in langs} for mode in modes
    }
    split_pages = pdf_split.SPLIT_PAGES
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        target = Path(folder) / "out.pdf"
        for lang in langs:
            pdf.export(decks[lang], target, PdfOptions(layout=options.layout, slides=(0, 1, 2)))
        try:
            for _ in range(rounds):
                for mode in modes:
                    pdf_split.SPLIT_PAGES = split_pages if mode == "cli" else sys.maxsize
                    for lang in langs:
                        start = time.perf_counter()
                        pdf.export(decks[lang], target, options)
                        times[mode][lang].append(_ms(start))
        finally:
            pdf_split.SPLIT_PAGES = split_pages
    return {"times": times, "peak_rss_mib": peak_rss_mib()}


def _window(settings_dir: str) -> Any:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    return MainWindow(Settings(Path(settings_dir) / "settings.ini"))


def task_open(deck: str, runs: int) -> Result:
    app = _gui(widgets=True)
    times = []
    with tempfile.TemporaryDirectory(prefix="bench-open-") as folder:
        for _ in range(runs):
            window = _window(folder)
            start = time.perf_counter()
            window.open_deck(Path(deck))
            times.append(_ms(start))
            window.deleteLater()
            app.processEvents()
    return {"times": times, "peak_rss_mib": peak_rss_mib()}


def _settle(app: Any) -> None:
    """Let queued work run (the view renders the neighbours ahead on a zero timer)."""
    for _ in range(3):
        app.processEvents()


def task_window(
    deck: str, rounds: int, span: int, jumps: int, size: list[int], panels: bool
) -> Result:
    """Open *deck*, jump around, step through every slide, then go back and forth over *span*.

    The window is *size* pixels; without *panels* the sidebar and notes are hidden (a big
    slide, as when the window is maximised for showing the deck).
    """
    app = _gui(widgets=True)
    with tempfile.TemporaryDirectory(prefix="bench-window-") as folder:
        window = _window(folder)
        window.resize(*size)
        window.sidebar_dock.setVisible(panels)
        window.notes_dock.setVisible(panels)
        window.show()
        window.open_deck(Path(deck))
        _settle(app)
        view = window.view
        result: Result = {
            "view_size": [view.width(), view.height()],
            "rss_open_mib": rss_mib(),
            "peak_open_mib": peak_rss_mib(),
        }
        count = window.nav.count

        def step(action: Callable[[], None]) -> float:
            start = time.perf_counter()
            action()
            view.repaint()
            elapsed = _ms(start)
            _settle(app)
            return elapsed

        rng = random.Random(6)
        targets = rng.sample(range(1, count), min(jumps, count - 1))
        jump = [step(functools.partial(window.go_to, target)) for target in targets]
        window.go_to(0)
        _settle(app)
        advance = [step(window.next_slide) for _ in range(count - 1)]
        gc.collect()
        result["rss_after_pass_mib"] = rss_mib()
        window.go_to(0)
        _settle(app)
        span = min(span, count)
        per_round = []
        for _ in range(rounds):
            for _ in range(span - 1):
                step(window.next_slide)
            for _ in range(span - 1):
                step(window.previous_slide)
            gc.collect()
            per_round.append(rss_mib())
        result.update(
            advance=advance,
            jump=jump,
            rss_rounds_mib=per_round,
            span=span,
            peak_rss_mib=peak_rss_mib(),
        )
        window.close()
    return result


def task_switch(deck: str, jumps: int, size: list[int]) -> Result:
    """Open a deck in two languages; at *jumps* slides not shown yet: jump there (English),
    switch to Chinese, and back. Each is timed to the slide repainted (``*_settled``: and the
    queued work done, the panels' included)."""
    from desktop.core.languages import DisplayLanguage

    app = _gui(widgets=True)
    with tempfile.TemporaryDirectory(prefix="bench-switch-") as folder:
        window = _window(folder)
        window.resize(*size)
        window.show()
        window.open_deck(Path(deck))
        _settle(app)
        view, session = window.view, window.session
        loaded = session.deck
        assert loaded is not None and len(loaded.languages) > 1
        first, second = DisplayLanguage(loaded.languages[0]), DisplayLanguage(loaded.languages[1])
        times: dict[str, list[float]] = {}

        def step(name: str, action: Callable[[], None]) -> None:
            start = time.perf_counter()
            action()
            view.repaint()
            times.setdefault(name, []).append(_ms(start))
            _settle(app)
            times.setdefault(f"{name}_settled", []).append(_ms(start))

        rng = random.Random(6)
        for target in rng.sample(range(1, window.nav.count), min(jumps, window.nav.count - 1)):
            step("jump", functools.partial(window.go_to, target))
            step("switch", functools.partial(session.set_display, second))
            step("switch_back", functools.partial(session.set_display, first))
        window.close()
    return {**times, "view_size": [view.width(), view.height()], "peak_rss_mib": peak_rss_mib()}


TASKS: dict[str, Callable[..., Result]] = {
    "load": task_load,
    "render": task_render,
    "presenter": task_presenter,
    "presenter_tools": task_presenter_tools,
    "export": task_export,
    "export_languages": task_export_languages,
    "open": task_open,
    "window": task_window,
    "switch": task_switch,
}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in TASKS:
        print(f"usage: python -m bench.worker {{{','.join(TASKS)}}} JSON", file=sys.stderr)
        return 2
    result = TASKS[argv[0]](**json.loads(argv[1]))
    sys.stdout.write("\n" + json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
