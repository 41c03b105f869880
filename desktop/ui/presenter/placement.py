"""Putting the audience view and the console on screens, and keeping them there.

:class:`Placement` asks :func:`~desktop.core.presenter.screens.choose_screens` where the two
windows go, remembers the choice per arrangement of screens in the settings, and moves the
windows when a screen comes or goes (:meth:`Placement.watch`), when the presenter swaps them,
or toggles the console (one screen) or the windowed side-by-side mode.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import Final, Literal, TypeAlias

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from desktop.core.i18n import _
from desktop.core.presenter.actions import key
from desktop.core.presenter.screens import (
    ScreenChoice,
    ScreenInfo,
    arrangement_key,
    choose_screens,
    screen_labels,
)
from desktop.core.settings import PRESENTER_SCREENS
from desktop.ui.settings import Settings

log = logging.getLogger(__name__)

Mode: TypeAlias = Literal["dual", "single", "windowed"]

WINDOWED_SPLIT: Final = 0.6
"""Windowed: the console takes this share of the screen's width, the audience view the rest."""
MIN_AUDIENCE_WIDTH: Final = 320


class Placement:
    """Where the two presenter windows are.

    Modes: ``dual`` (each window full screen on its own screen), ``single`` (one screen: the
    audience view full screen, the console in front of it on request) and ``windowed`` (both
    as windows side by side on the console's screen).

    Args:
        audience: The audience window.
        console: The console window.
        settings: Keeps the audience screen chosen for each arrangement of screens.
        requested: The audience screen asked for by name, if any.
        notify: Tells the presenter something (a screen asked for is not there).
    """

    def __init__(
        self,
        audience: QWidget,
        console: QWidget,
        settings: Settings,
        requested: str | None,
        notify: Callable[[str], None],
    ) -> None:
        self.audience = audience
        self.console = console
        self.settings = settings
        self.requested = requested
        self._notify = notify
        self._gone: list[QScreen] = []
        self._choice: ScreenChoice | None = None
        self._mode: Mode = "dual"
        self.windowed = False
        self._console_up = False
        self._last_note = ""
        self._changed: Callable[[], None] | None = None

    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def choice(self) -> ScreenChoice | None:
        return self._choice

    @property
    def console_up(self) -> bool:
        """One screen: whether the console is in front of the audience view."""
        return self._console_up

    def screens(self) -> list[QScreen]:
        """The screens present (a screen reported removed no longer counts)."""
        return [s for s in QGuiApplication.screens() if not any(s == g for g in self._gone)]

    def watch(self, changed: Callable[[], None]) -> None:
        """Follow screens plugged in and unplugged until :meth:`unwatch`.

        Args:
            changed: Called after the windows moved for a screen that came or went.
        """
        self._changed = changed
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.on_screen_added)
            app.screenRemoved.connect(self.on_screen_removed)

    def unwatch(self) -> None:
        if self._changed is None:
            return
        self._changed = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.disconnect(self.on_screen_added)
            app.screenRemoved.disconnect(self.on_screen_removed)

    def on_screen_added(self, screen: QScreen) -> None:
        """A screen was plugged in: the audience view moves there (unless a choice says not)."""
        self._follow(screen, self.added, _("Screen {name} connected."))

    def on_screen_removed(self, screen: QScreen) -> None:
        """A screen was unplugged: the windows move to what is left; the talk goes on."""
        self._follow(screen, self.removed, _("Screen {name} disconnected."))

    def _follow(self, screen: QScreen, move: Callable[[QScreen], None], note: str) -> None:
        changed = self._changed
        if changed is None:
            return  # not watching: the talk has not started or is over
        move(screen)
        self._notify(note.format(name=screen.name()))
        changed()

    def added(self, screen: QScreen) -> None:
        """*screen* was plugged in: the audience view goes there unless a choice says not."""
        self._gone = [g for g in self._gone if g != screen]
        labels = screen_labels(self.screens())
        self.place(preferred=next((k for k, s in labels.items() if s == screen), None))

    def removed(self, screen: QScreen) -> None:
        """*screen* was unplugged: the windows move to the screens left."""
        self._gone.append(screen)
        self.place()

    def place(self, preferred: str | None = None) -> None:
        """Choose the screens and put the windows there, for the current mode."""
        screens = self.screens()
        if not screens:
            log.warning("no screen left to present on")
            return
        primary = QGuiApplication.primaryScreen()
        by_name = screen_labels(screens)
        infos = [
            dataclasses.replace(describe(s, s == primary), name=label)
            for label, s in by_name.items()
        ]
        remembered = self.settings.get(PRESENTER_SCREENS)
        choice = choose_screens(infos, self.requested, remembered, preferred)
        if choice.note and choice.note != self._last_note:
            self._notify(choice.note)
        self._last_note = choice.note
        if not choice.single:
            key = arrangement_key(infos)
            if remembered.get(key) != choice.audience:
                remembered[key] = choice.audience
                self.settings.set(PRESENTER_SCREENS, remembered)
        self._choice = choice
        if self.windowed:
            self._mode = "windowed"
            self._show_windowed(by_name[choice.console])
        elif choice.single:
            if self._mode != "single":
                self._console_up = False  # the audience view comes first on one screen
            self._mode = "single"
            self._show_single()
        else:
            self._mode = "dual"
            self._console_up = False
            full_screen(self.audience, by_name[choice.audience])
            full_screen(self.console, by_name[choice.console])
            self.console.activateWindow()

    def swap(self) -> bool:
        """S: exchange the screens of the two windows (remembered).

        False when there is only one screen (the presenter is told so).
        """
        choice = self._choice
        if choice is None or choice.single:
            text = _("One screen only: nothing to swap. {toggle_console} shows the console.")
            self._notify(text.format(toggle_console=key("toggle_console")))
            return False
        self.requested = choice.console
        self.place()
        return True

    def toggle_console(self) -> bool:
        """Tab: one screen, bring the console or the audience view to the front.

        Windowed, activate the other window. False with two screens (the presenter is told so).
        """
        if self._mode == "dual":
            self._notify(_("The console has its own screen."))
            return False
        if self._mode == "windowed":
            other = self.audience if self.console.isActiveWindow() else self.console
            other.activateWindow()
            return True
        self._console_up = not self._console_up
        self._show_single()
        return True

    def toggle_windowed(self) -> None:
        """Console and audience view as two windows side by side, or back to full screen."""
        self.windowed = not self.windowed
        self.place()

    def bring_console_up(self) -> None:
        """Make sure the console can be seen (it shows something the presenter asked for)."""
        if self._mode == "single" and not self._console_up:
            self._console_up = True
            self._show_single()

    def _show_single(self) -> None:
        screens = self.screens()
        if not screens or self._choice is None:
            return
        screen = screen_labels(screens).get(self._choice.audience, screens[0])
        full_screen(self.audience, screen)
        if self._console_up:
            full_screen(self.console, screen)
            self.console.activateWindow()
        else:
            self.console.hide()
            self.audience.activateWindow()

    def _show_windowed(self, screen: QScreen) -> None:
        area = screen.availableGeometry()
        split = max(
            round(area.width() * WINDOWED_SPLIT),
            min(self.console.minimumSizeHint().width(), area.width() - MIN_AUDIENCE_WIDTH),
        )
        console_rect = QRect(area.x(), area.y(), split, area.height())
        width = area.width() - split
        height = min(area.height(), round(width * 9 / 16))
        audience_rect = QRect(area.x() + split, area.y(), width, height)
        for window, rect in ((self.console, console_rect), (self.audience, audience_rect)):
            if window.isFullScreen():
                window.showNormal()
            window.setScreen(screen)
            window.setGeometry(rect)
            window.show()
        self.console.activateWindow()


def full_screen(window: QWidget, screen: QScreen) -> None:
    """Put *window* full screen on *screen* (moving it there first if it is elsewhere)."""
    if (
        window.isVisible()
        and window.isFullScreen()
        and window.screen() is screen
        and window.geometry() == screen.geometry()
    ):
        return
    moving = window.isVisible() and window.screen() is not screen
    if window.isFullScreen():
        window.showNormal()
    if moving and QGuiApplication.platformName() == "wayland":
        # A Wayland compositor ignores positions and puts a surface on an output only when it
        # is mapped: map it anew, on its new screen, to go full screen there.
        window.hide()
    window.setScreen(screen)
    window.setGeometry(screen.geometry())
    window.showFullScreen()


def describe(screen: QScreen, primary: bool) -> ScreenInfo:
    """A :class:`~desktop.core.presenter.screens.ScreenInfo` for a Qt screen."""
    geometry = screen.geometry()
    return ScreenInfo(
        screen.name(), geometry.x(), geometry.y(), geometry.width(), geometry.height(), primary
    )
