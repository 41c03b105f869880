"""Starts presentations for a main window and hands the slide reached back to it.

The presenter shows the window's :class:`~desktop.ui.session.DeckSession` and subscribes to it,
so a deck reloaded during the talk reaches it directly (not through the window).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.core.i18n import _
from desktop.core.loader import LoadResult
from desktop.core.timing import Clock

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.presenter.controller import PresenterController
    from desktop.ui.session import DeckChange

log = logging.getLogger(__name__)


class PresenterLauncher(QObject):
    """Starts presentations for one main window; a child of the window.

    Args:
        window: The main window; its session is the deck presented.
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
        self._session = window.session
        self._session.deck_changed.connect(self._deck_changed)
        self._session.loaded.connect(self._loaded)
        self._screen_name = screen_name
        self._rehearse = rehearse
        self._clock = clock
        self._controller: PresenterController | None = None
        window.present_requested.connect(self.present)
        window.rehearse_requested.connect(lambda index: self.present(index, rehearse=True))

    @property
    def controller(self) -> PresenterController | None:
        """The presentation running, if any."""
        return self._controller

    def present(self, index: int, rehearse: bool | None = None) -> PresenterController | None:
        """Start presenting the session's deck at slide *index* (if a deck is loaded).

        Args:
            index: The first slide shown.
            rehearse: Record a rehearsal; None: as given to the launcher.
        """
        window = self._window
        if self._controller is not None:
            self._controller.console.activateWindow()
            return self._controller
        deck, renderer = self._session.shown, self._session.renderer
        if deck is None or renderer is None or deck.slide_count == 0:
            window.statusBar().showMessage(_("Open a valid deck to present it."), 5000)
            return None
        from desktop.ui.presenter.controller import PresenterController

        controller = PresenterController(
            deck,
            renderer,
            window.settings,
            index,
            clock=self._clock,
            screen_name=self._screen_name,
            rehearse=self._rehearse if rehearse is None else rehearse,
            parent=self,
            renderers=self._session.renderer_for,
        )
        controller.ended.connect(self._ended)
        self._controller = controller
        log.info("presenting %s from slide %d", deck.root, index + 1)
        self._screen_name = None  # asked for once; later talks use the remembered choice
        window.hide()
        controller.start()
        return controller

    def _deck_changed(self, change: DeckChange) -> None:
        if self._controller is not None:
            self._controller.set_deck(
                change.deck, change.renderer, self._session.renderer_for, change.note
            )

    def _loaded(self, result: LoadResult) -> None:
        if self._controller is not None and result.deck is None:
            self._controller.set_deck(None, None)  # says so; the last good deck stays

    def _ended(self, index: int) -> None:
        controller = self._controller
        self._controller = None
        window = self._window
        window.show()
        window.go_to(index)
        window.activateWindow()
        if controller is not None:
            controller.deleteLater()
