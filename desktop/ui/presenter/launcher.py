"""Starts presentations for a main window and hands the slide reached back to it."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.core.timing import Clock
from desktop.ui.presenter.controller import PresenterController

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class PresenterLauncher(QObject):
    """Starts presentations for one main window; a child of the window.

    Args:
        window: The main window.
        screen_name: The audience screen asked for on the command line, if any.
        rehearse: Present as a rehearsal (record and save the time per section).
        clock: Monotonic seconds (tests pass a fake).
    """

    def __init__(
        self,
        window: MainWindow,
        screen_name: str | None = None,
        rehearse: bool = False,
        clock: Clock = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.setObjectName("presenterLauncher")
        self._window = window
        self._screen_name = screen_name
        self._rehearse = rehearse
        self._clock = clock
        self._controller: PresenterController | None = None
        window.present_requested.connect(self.present)
        window.rehearse_requested.connect(lambda index: self.present(index, rehearse=True))
        window.deck_loaded.connect(self._deck_loaded)

    @property
    def controller(self) -> PresenterController | None:
        """The presentation running, if any."""
        return self._controller

    def present(self, index: int, rehearse: bool | None = None) -> PresenterController | None:
        """Start presenting the window's deck at slide *index* (if a deck is loaded).

        Args:
            index: The first slide shown.
            rehearse: Record a rehearsal; None: as given to the launcher.
        """
        window = self._window
        if self._controller is not None:
            self._controller.console.activateWindow()
            return self._controller
        deck, renderer = window.deck, window.renderer
        if deck is None or renderer is None or deck.slide_count == 0:
            window.statusBar().showMessage("Open a valid deck to present it.", 5000)
            return None
        controller = PresenterController(
            deck,
            renderer,
            window.settings,
            index,
            clock=self._clock,
            screen_name=self._screen_name,
            rehearse=self._rehearse if rehearse is None else rehearse,
            parent=self,
        )
        controller.ended.connect(self._ended)
        self._controller = controller
        log.info("presenting %s from slide %d", deck.root, index + 1)
        self._screen_name = None  # asked for once; later talks use the remembered choice
        window.hide()
        controller.start()
        return controller

    def _deck_loaded(self) -> None:
        if self._controller is not None:
            self._controller.set_deck(self._window.deck, self._window.renderer)

    def _ended(self, index: int) -> None:
        controller = self._controller
        self._controller = None
        window = self._window
        window.show()
        window.go_to(index)
        window.activateWindow()
        if controller is not None:
            controller.deleteLater()
