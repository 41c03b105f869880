"""Start the GUI: the application object, logging of Qt messages, crash reports, the window."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from desktop import __version__
from desktop.core.problems import UserError
from desktop.logsetup import route_qt_messages, setup_logging

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

    Raises:
        UserError: there is no display to open a window on.
    """
    from PySide6.QtWidgets import QApplication

    check_display()

    from desktop.render.fonts import register_fonts
    from desktop.ui.main_window import MainWindow
    from desktop.ui.presenter import attach_presenter

    log_file = setup_logging()
    route_qt_messages()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QApplication.setApplicationName("tianjin-briefing")
    QApplication.setApplicationDisplayName("Tianjin Ten Actions Briefing")
    QApplication.setApplicationVersion(__version__)
    install_crash_handler(log_file)
    register_fonts()
    window = MainWindow()
    window.open_deck(deck, None if slide is None else slide - 1)
    attach_presenter(window, screen_name=screen, rehearse=rehearse)
    window.show()
    if present:
        window.present_requested.emit(window.current_index())
    return app.exec()
