"""One deck's life on screen: loading, watching, debouncing, the last good deck, its problems.

The main window and the presenter both subscribe to one :class:`DeckSession`: each new good
deck reaches both with its renderer, and each window finds its slide again by id
(:meth:`DeckChange.follow`). A load runs the Qt-free :func:`~desktop.core.loader.load_deck` on
a worker thread (:mod:`desktop.ui.load_thread`), so the window keeps painting and answering keys
while a large deck loads; its result is applied on the UI thread, and a result that a newer
request superseded is dropped.

The session never goes stale (see :mod:`desktop.core.watch`): it re-arms its watcher after
every event and every load, watches the deck's folders and the deck folder's parent, watches a
missing path through its nearest existing ancestor, checks the files' signatures every
:data:`POLL_MS` as a backstop for lost events, and loads again when a file changed while it
was being read.

The session also knows the **display language** (:mod:`desktop.core.displays`): the deck stays
as loaded (:attr:`DeckSession.deck`), and the subscribers get it localized
(:func:`~desktop.core.languages.localize`) with a renderer for it, one renderer per display
language, cached until the next load (:meth:`DeckSession.renderer_for`; the presenter asks it
for the audience's and the console's). The display is kept across reloads (the primary when a
reloaded deck no longer declares its language) and remembered per deck in the settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desktop.core.displays import kept, parsed
from desktop.core.i18n import N_, _
from desktop.core.languages import DisplayLanguage
from desktop.core.loader import LoadResult, load_deck
from desktop.core.model import Deck
from desktop.core.problems import DeckError, Problem
from desktop.core.theme import Theme, load_theme
from desktop.core.watch import (
    Loader,
    LoadJob,
    LoadOutcome,
    Signature,
    Signatures,
    deck_root,
    run_load,
    signature,
    signatures,
    watch_targets,
)
from desktop.render.renderer import SlideRenderer
from desktop.ui import load_thread
from desktop.ui.renderers import DeckChange, DisplayRenderers
from desktop.ui.settings import Settings

__all__ = ["DeckChange", "DeckSession"]

log = logging.getLogger(__name__)

RELOAD_DELAY_MS: Final = 300
"""Edits are debounced: editors write several times per save."""
POLL_MS: Final = 1500
"""The backstop: how often the deck's files are compared with what was loaded."""
BUSY_DELAY_MS: Final = 200
"""A load that takes longer than this shows as "loading…"."""
MAX_RETRIES: Final = 3
"""Loads dropped in a row because a file changed while it was read; the next one is shown."""


def _inode(seen: Signature) -> int | None:
    return seen[0] if seen is not None else None


class DeckSession(QObject):
    """The deck both windows show: its path, its last good deck and renderer, its problems.

    Args:
        theme: The theme to draw with (``""``: the deck's own).
        loader: Loads a deck (default :func:`~desktop.core.loader.load_deck`; tests pass a slow
            or counting one). It runs on a worker thread and must not touch Qt.
        debounce_ms: Quiet time after a file event before the deck is loaded again.
        poll_ms: The backstop's period (0: none).
        settings: Where the display language chosen for each deck is remembered (None: it
            is not).
        parent: The owning object.

    Signals:
        deck_changed(DeckChange): a new good deck (or the same deck with another theme) is
            current; emitted before :attr:`loaded`.
        display_changed(DeckChange): the same deck is shown in another display language
            (:meth:`set_display`): the same slides, other texts; ``previous`` is the deck as
            it was shown.
        loaded(LoadResult): a load finished and is current, good or not: its problems are
            :attr:`problems`. A failed reload of the same deck keeps :attr:`deck`.
        busy_changed(bool): a load has taken longer than :data:`BUSY_DELAY_MS` (True); no load
            runs any more (False, after :attr:`loaded`).
    """

    deck_changed = Signal(object)
    display_changed = Signal(object)
    loaded = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        theme: str = "",
        loader: Loader = load_deck,
        debounce_ms: int = RELOAD_DELAY_MS,
        poll_ms: int = POLL_MS,
        settings: Settings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self.settings = settings
        self._loader = loader
        load_thread.prepare()
        self._path: Path | None = None
        self._deck: Deck | None = None
        self._display: DisplayLanguage | None = None
        self._renderers: DisplayRenderers | None = None
        """The renderers of :attr:`deck`, one per display language, made when asked for."""
        self._result: LoadResult | None = None
        self._watched: tuple[Path, ...] = ()
        self._recorded: Signatures = {}
        self._armed: dict[str, Signature] = {}
        """Each path watched, as it was when its watch was added."""
        self._generation = 0
        self._running: LoadJob | None = None
        self._pending: LoadJob | None = None
        self._retries = 0
        self._busy = False
        self._closed = False
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._event)
        self.watcher.directoryChanged.connect(self._event)
        self.debounce = self._timer(debounce_ms, self.reload)
        self._busy_timer = self._timer(BUSY_DELAY_MS, self._show_busy)
        self._poll = self._timer(poll_ms, self._check, single=False)

    def _timer(self, ms: int, slot: Callable[[], None], single: bool = True) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    # -- reading ---------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The deck folder, once a deck was opened (it may have gone since)."""
        return self._path

    @property
    def deck(self) -> Deck | None:
        """The last good deck of :attr:`path` as loaded, or None."""
        return self._deck

    @property
    def display(self) -> DisplayLanguage | None:
        """The language the deck is shown in (None while no deck is loaded)."""
        return self._display

    @property
    def shown(self) -> Deck | None:
        """:attr:`deck` in :attr:`display`: the deck the windows show."""
        renderer = self.renderer
        return renderer.deck if renderer is not None else None

    @property
    def renderer(self) -> SlideRenderer | None:
        """The renderer of :attr:`shown`."""
        if self._display is None:
            return None
        return self.renderer_for(self._display)

    def renderer_for(
        self, display: DisplayLanguage, paged_as: Sequence[DisplayLanguage] = ()
    ) -> SlideRenderer:
        """The renderer of the deck in *display*, paged as *paged_as* too (one per display and
        paging, made on first use; a slide is laid out when first drawn; see
        :meth:`DisplayRenderers.get`). A language the deck lacks gives its primary.

        Raises:
            ValueError: no deck is loaded.
        """
        if self._deck is None:
            raise ValueError("no deck is loaded")
        if self._renderers is None:
            self._renderers = DisplayRenderers(self._deck, self._load_theme(self._deck))
        return self._renderers.get(display, paged_as)

    def set_display(self, display: DisplayLanguage) -> None:
        """Show the deck in *display* from now on (remembered for this deck); emits
        :attr:`display_changed`. Nothing happens without a deck or when it is shown so."""
        deck, before = self._deck, self.shown
        if deck is None or before is None:
            return
        display = kept(display, deck.languages)
        if display == self._display:
            return
        self._display = display
        if self.settings is not None:
            self.settings.set_language_for(deck.root, str(display))
        renderer = self.renderer_for(display)
        self.display_changed.emit(DeckChange(renderer.deck, renderer, before))

    @property
    def result(self) -> LoadResult | None:
        """The latest load applied (its problems are the deck's current problems)."""
        return self._result

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The problems of the latest load (a kept deck's problems are its reload's)."""
        return self._result.problems if self._result is not None else ()

    @property
    def loading(self) -> bool:
        """A load runs on the worker thread."""
        return self._running is not None

    @property
    def theme(self) -> str:
        return self._theme

    # -- loading ---------------------------------------------------------------------------

    def open(self, path: Path, *, wait: bool = False) -> LoadResult | None:
        """Show the deck at *path* (a folder or its deck.yaml), replacing any other deck.

        Args:
            path: The deck.
            wait: Load on this thread and return the result (start-up: faster than a thread);
                else load in the background and return None.
        """
        self._closed = False
        self._path = deck_root(path)
        self._generation += 1
        self._retries = 0
        job = LoadJob(self._generation, path, ())
        if not wait:
            self._request(job)
            return None
        outcome = run_load(self._loader, job)
        self._apply(outcome)
        return outcome.result

    def reload(self) -> None:
        """Load the deck again in the background; a load still running is superseded."""
        if self._path is None or self._closed:
            return
        self.debounce.stop()
        self._generation += 1
        self._request(LoadJob(self._generation, self._path, tuple(self._recorded)))

    def set_theme(self, name: str) -> None:
        """Draw with theme *name* (``""``: the deck's own): a new renderer for the same deck."""
        self._theme = name
        before = self.shown
        self._renderers = None
        renderer = self.renderer
        if renderer is not None:
            note = _("Theme changed to “{theme}”.").format(theme=theme_label(renderer.theme))
            self.deck_changed.emit(DeckChange(renderer.deck, renderer, before, note))

    def close(self) -> None:
        """Stop watching and loading; a load still running is dropped."""
        self._closed = True
        self._generation += 1
        for timer in (self.debounce, self._busy_timer, self._poll):
            timer.stop()
        self._unwatch()
        self._end_busy()

    # -- the worker ------------------------------------------------------------------------

    def _request(self, job: LoadJob) -> None:
        if self._running is not None:
            self._pending = job  # started when the running load ends (and its result dropped)
            return
        self._running = job
        if not self._busy_timer.isActive() and not self._busy:
            self._busy_timer.start()
        load_thread.start_load(self, self._loader, job)

    def load_finished(self, outcome: LoadOutcome) -> None:
        """A load ended (UI thread; :mod:`~desktop.ui.load_thread` calls it): apply it, or drop
        it and load what is wanted now."""
        self._running = None
        if self._closed:
            return
        job = outcome.job
        if job.generation != self._generation:
            log.debug("load of %s superseded", job.path)
            pending, self._pending = self._pending, None
            if pending is not None and pending.generation == self._generation:
                self._request(pending)
            else:
                self._end_busy()
            return
        if outcome.changed and self._retries < MAX_RETRIES:
            log.debug("%s changed while it loaded; loading again", job.path)
            self._retries += 1
            self._watched, self._recorded = outcome.watched, outcome.recorded
            self.reload()
            return
        self._retries = 0
        self._apply(outcome)

    def _apply(self, outcome: LoadOutcome) -> None:
        if outcome.error is not None:
            self._end_busy()
            raise outcome.error
        result = outcome.result
        assert result is not None
        self._path = outcome.root
        self._result = result
        self._watched = outcome.watched
        self._recorded = outcome.recorded
        self._arm()
        if self._poll.interval() > 0 and not self._poll.isActive():
            self._poll.start()
        same = self._deck is not None and self._deck.root == outcome.root
        deck = result.deck
        if deck is not None:
            previous = self.shown if same else None
            self._display = self._display_for(deck, same)
            self._deck = deck
            self._renderers = None
            renderer = self.renderer_for(self._display)
            self.deck_changed.emit(DeckChange(renderer.deck, renderer, previous))
        elif not same:
            self._deck = None  # another deck was asked for: the old one is not it
            self._display = None
            self._renderers = None
        if self._running is None:
            self._end_busy()
        self.loaded.emit(result)

    def _show_busy(self) -> None:
        if self._running is not None and not self._busy:
            self._busy = True
            self.busy_changed.emit(True)

    def _end_busy(self) -> None:
        self._busy_timer.stop()
        if self._busy:
            self._busy = False
            self.busy_changed.emit(False)

    def _display_for(self, deck: Deck, same: bool) -> DisplayLanguage:
        """A reload keeps the display; another deck starts in the one remembered for it."""
        if same and self._display is not None:
            return kept(self._display, deck.languages)
        remembered = self.settings.language_for(deck.root) if self.settings is not None else ""
        return parsed(remembered, deck.languages)

    def _load_theme(self, deck: Deck) -> Theme | None:
        if not self._theme:
            return None
        try:
            return load_theme(self._theme, deck.root)
        except DeckError:
            return None

    # -- watching --------------------------------------------------------------------------

    def _event(self, path: str) -> None:
        """A watched path changed: re-arm (the watcher may have dropped it), then debounce."""
        if self._closed:
            return
        self._arm()
        root = self._path
        # The deck folder's parent (or, while it is missing, an ancestor): only a neighbour
        # changed, unless the deck folder itself went, came back or was replaced.
        neighbour = root is not None and not Path(path).is_relative_to(root)
        if neighbour and root is not None and signature(root) == self._recorded.get(root):
            return
        self.debounce.start()

    def _check(self) -> None:
        """The backstop: load again if anything watched differs from what was loaded."""
        if self._closed or self._running is not None or self.debounce.isActive():
            return
        if signatures(self._recorded) != self._recorded:
            log.debug("%s changed without a watcher event", self._path)
            self.reload()
        else:
            self._arm()  # the watcher may have dropped a path without a word

    def _watching(self) -> list[str]:
        return self.watcher.files() + self.watcher.directories()

    def _unwatch(self) -> None:
        watching = self._watching()
        if watching:
            self.watcher.removePaths(watching)
        self._armed.clear()

    def _arm(self) -> None:
        """Watch what is to be watched: add what the watcher dropped (a deleted or replaced
        file), watch again a path that is another file or folder now (a watch follows the
        inode), drop what is no longer wanted. Watches still good are kept: removing one would
        lose the events it has queued."""
        now = watch_targets(self._watched)
        watching = set(self._watching())
        stale = [
            path
            for path in watching
            if path not in now or _inode(now[path]) != _inode(self._armed.get(path))
        ]
        if stale:
            self.watcher.removePaths(stale)
            for path in stale:
                self._armed.pop(path, None)
        wanted = [target for target in now if target not in watching or target in stale]
        if wanted:
            failed = set(self.watcher.addPaths(wanted))
            self._armed.update({path: now[path] for path in wanted if path not in failed})


THEME_NAMES: Final = {"default": N_("Default theme"), "high-contrast": N_("High-contrast theme")}
"""The bundled themes' names as the View menu gives them."""


def theme_label(theme: Theme) -> str:
    """*theme*'s name in the interface language (a deck's own theme: as its file names it)."""
    name = THEME_NAMES.get(theme.key)
    return _(name) if name is not None else theme.name
