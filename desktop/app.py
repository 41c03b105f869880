"""Start the GUI: the application object, logging of Qt messages, crash reports, the window."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.core.problems import UserError
from desktop.logsetup import route_qt_messages, setup_logging

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen

log = logging.getLogger(__name__)


def install_crash_handler(log_file: Path) -> None:
    """Unexpected exceptions in the GUI: log them, show a copyable report, keep running."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        report = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", report)
        try:
            from desktop.ui.crash import show_crash_dialog

            show_crash_dialog(report, log_file)
        except Exception:
            log.exception("could not show the crash dialog")

    sys.excepthook = hook


def check_display() -> None:
    """Fail with a clear message, not a Qt abort, when no display is reachable (Linux)."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise UserError(
            "no display found (DISPLAY and WAYLAND_DISPLAY are unset); run the app in a desktop"
            " session, or use `tianjin-briefing check` / `export`, which need no display"
        )


def run_app(
    deck: Path | None = None,
    slide: int | None = None,
    present: bool = False,
    screen: str | None = None,
    rehearse: bool = False,
) -> int:
    """Open the main window on *deck* (default: the last deck or the bundled one).

    A deck that cannot be shown opens with its problems in the window and printed on
    stderr; ``present`` on it prints them and returns 1 without opening a window.

    Raises:
        UserError: there is no display to open a window on, Qt's platform plugin cannot load,
            or *slide* / *screen* name no slide or screen there is.
    """
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from desktop.render.qtapp import check_platform

    check_display()
    check_platform()

    from desktop.render.fonts import register_fonts
    from desktop.ui.icons import app_icon
    from desktop.ui.main_window import MainWindow
    from desktop.ui.presenter import attach_presenter
    from desktop.ui.window_chrome import APP_NAME

    log_file = setup_logging()
    route_qt_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setApplicationName("tianjin-briefing")
    QApplication.setApplicationDisplayName(APP_NAME)  # window titles end with it: said once
    QApplication.setWindowIcon(app_icon())
    QApplication.setApplicationVersion(__version__)
    install_crash_handler(log_file)
    register_fonts()
    window = MainWindow()
    window.open_deck(deck, None if slide is None else slide - 1)
    result = window.session.result
    if result is not None and result.deck is None:
        for problem in result.problems:
            print(problem.format(), file=sys.stderr)
        if present:
            return 1
    if window.deck is not None:
        if slide is not None:
            check_slide(slide, window.deck.slide_count)
        if present:
            if window.deck.slide_count == 0:
                raise UserError("the deck has no slides to present")
            if screen:
                check_screen(screen, QGuiApplication.screens(), QGuiApplication.primaryScreen())
    attach_presenter(window, screen_name=screen, rehearse=rehearse)
    window.show()
    if present:
        window.present_requested.emit(window.current_index())
    return app.exec()


def check_slide(slide: int, count: int) -> None:
    """Refuse a ``--slide`` number (1-based) that the deck does not have.

    Raises:
        UserError: the deck has no such slide.
    """
    if not 1 <= slide <= count:
        have = "no slides" if count == 0 else f"slides 1-{count}" if count > 1 else "one slide"
        raise UserError(f"--slide {slide}: there is no such slide; the deck has {have}")


def check_screen(name: str, screens: Sequence[QScreen], primary: QScreen | None) -> None:
    """Refuse a ``--screen`` that names none of the screens there are.

    Raises:
        UserError: no screen has that name (the message lists the screens).
    """
    from desktop.core.presenter.screens import find_screen
    from desktop.ui.presenter.placement import describe

    infos = [describe(screen, screen is primary) for screen in screens]
    if find_screen(infos, name) is None:
        names = ", ".join(info.name or "(one without a name)" for info in infos) or "none"
        raise UserError(f"--screen: there is no screen called '{name}'; the screens are: {names}")
