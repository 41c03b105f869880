"""Start the GUI: the application object, logging of Qt messages, crash reports, the window."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.core.i18n import _, set_ui_language, ui_language
from desktop.core.problems import UserError
from desktop.core.text import plural
from desktop.logsetup import route_qt_messages, setup_logging

if TYPE_CHECKING:
    from PySide6.QtGui import QScreen

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

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
            _(
                "no display found (DISPLAY and WAYLAND_DISPLAY are unset); run the app in a"
                " desktop session, or use `tianjin-briefing check` / `export`, which need no"
                " display"
            )
        )


def run_app(
    deck: Path | None = None,
    slide: int | None = None,
    present: bool = False,
    screen: str | None = None,
    rehearse: bool = False,
    ui_lang_given: bool = False,
) -> int:
    """Open the main window on *deck* (default: the last deck or the bundled one).

    A deck that cannot be shown opens with its problems in the window and printed on
    stderr; ``present`` on it prints them and returns 1 without opening a window.

    The interface language is ``--ui-lang``'s when *ui_lang_given* (already set by the
    command line), else the app's setting, else the system locale's.

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
    from desktop.ui.settings import Settings
    from desktop.ui.ui_language import (
        chosen_ui_language,
        install_qt_translations,
        use_bundled_chinese_font,
    )
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
    use_bundled_chinese_font()
    settings = Settings()
    if not ui_lang_given:
        set_ui_language(chosen_ui_language(settings))
    install_qt_translations(app, ui_language())
    window = MainWindow(settings)
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
                raise UserError(_("the deck has no slides to present"))
            if screen:
                check_screen(screen, QGuiApplication.screens(), QGuiApplication.primaryScreen())
    attach_presenter(window, screen_name=screen, rehearse=rehearse)
    switch = LanguageSwitch(  # kept while the app runs: it holds the window shown
        window, settings, lambda w: attach_presenter(w, screen_name=screen, rehearse=rehearse)
    )
    window.show()
    if present:
        window.present_requested.emit(window.current_index())
    code = app.exec()
    del switch
    return code


class LanguageSwitch:
    """Reopen the main window in the interface language the user chose, on the same slide.

    The words of a window are made when it is built, so switching builds a new window (the
    deck, slide, geometry and settings carried over) and closes the old one.

    Args:
        window: The window shown now.
        settings: The app's settings (they hold the choice).
        attach: Give a new window what the first one was given (the presenter).
    """

    def __init__(
        self, window: MainWindow, settings: Settings, attach: Callable[[MainWindow], object]
    ) -> None:
        self.window = window
        self._settings = settings
        self._attach = attach
        self._watch(window)

    def _watch(self, window: MainWindow) -> None:
        from PySide6.QtCore import Qt

        window.interface_switch_requested.connect(self.switch, Qt.ConnectionType.QueuedConnection)

    def switch(self) -> MainWindow:
        """Build the window again in the chosen language; returns the new window."""
        from PySide6.QtCore import QCoreApplication

        from desktop.ui.main_window import MainWindow
        from desktop.ui.ui_language import chosen_ui_language, install_qt_translations

        old = self.window
        set_ui_language(chosen_ui_language(self._settings))
        app = QCoreApplication.instance()
        if app is not None:
            install_qt_translations(app, ui_language())
        new = MainWindow(self._settings)
        new.open_deck(old.session.path, old.current_index())
        self._attach(new)
        new.setGeometry(old.geometry())
        self._watch(new)
        new.show()
        self.window = new
        old.close()
        old.deleteLater()
        return new


def check_slide(slide: int, count: int) -> None:
    """Refuse a ``--slide`` number (1-based) that the deck does not have.

    Raises:
        UserError: the deck has no such slide.
    """
    if not 1 <= slide <= count:
        if count == 0:
            message = _("--slide {slide}: there is no such slide; the deck has no slides").format(
                slide=slide
            )
        else:
            message = plural(
                count,
                "--slide {slide}: there is no such slide; the deck has one slide",
                "--slide {slide}: there is no such slide; the deck has slides 1-{n}",
                slide=slide,
            )
        raise UserError(message)


def check_screen(name: str, screens: Sequence[QScreen], primary: QScreen | None) -> None:
    """Refuse a ``--screen`` that names none of the screens there are.

    Raises:
        UserError: no screen has that name (the message lists the screens).
    """
    from desktop.core.presenter.screens import find_screen
    from desktop.ui.presenter.placement import describe

    infos = [describe(screen, screen is primary) for screen in screens]
    if find_screen(infos, name) is None:
        names = _(", ").join(info.name or _("(one without a name)") for info in infos)
        raise UserError(
            _("--screen: there is no screen called '{name}'; the screens are: {names}").format(
                name=name, names=names or _("none")
            )
        )
