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
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from desktop.core.follow import follow
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

log = logging.getLogger(__name__)

RELOAD_DELAY_MS: Final = 300
"""Edits are debounced: editors write several times per save."""
POLL_MS: Final = 1500
"""The backstop: how often the deck's files are compared with what was loaded."""
BUSY_DELAY_MS: Final = 200
"""A load that takes longer than this shows as "loading…"."""
MAX_RETRIES: Final = 3
"""Loads dropped in a row because a file changed while it was read; the next one is shown."""


@dataclass(frozen=True, eq=False)
class DeckChange:
    """A new good deck for the subscribers of a :class:`DeckSession`.

    Attributes:
        deck: The deck now current.
        renderer: Its renderer (shared by every window: one cache).
        previous: The deck it replaces when it is a reload of the same deck (or the same deck
            with another theme); None when another deck was opened.
    """

    deck: Deck
    renderer: SlideRenderer
    previous: Deck | None

    def follow(self, index: int, wanted: str | None = None) -> int:
        """Where a window that showed slide *index* of :attr:`previous` goes now.

        The same slide by id, else the nearest that survived (see
        :func:`desktop.core.follow.follow`, also for *wanted*); 0 when another deck was opened.
        """
        if self.previous is None:
            return 0
        return follow(self.previous, self.deck, index, wanted)


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
        parent: The owning object.

    Signals:
        deck_changed(DeckChange): a new good deck (or the same deck with another theme) is
            current; emitted before :attr:`loaded`.
        loaded(LoadResult): a load finished and is current, good or not: its problems are
            :attr:`problems`. A failed reload of the same deck keeps :attr:`deck`.
        busy_changed(bool): a load has taken longer than :data:`BUSY_DELAY_MS` (True); no load
            runs any more (False, after :attr:`loaded`).
    """

    deck_changed = Signal(object)
    loaded = Signal(object)
    busy_changed = Signal(bool)

    def __init__(
        self,
        theme: str = "",
        loader: Loader = load_deck,
        debounce_ms: int = RELOAD_DELAY_MS,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._theme = theme
        self._loader = loader
        load_thread.prepare()
        self._path: Path | None = None
        self._deck: Deck | None = None
        self._renderer: SlideRenderer | None = None
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
        """The last good deck of :attr:`path`, or None."""
        return self._deck

    @property
    def renderer(self) -> SlideRenderer | None:
        return self._renderer

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
        if self._deck is not None:
            self._renderer = SlideRenderer(self._deck, self._load_theme(self._deck))
            self.deck_changed.emit(DeckChange(self._deck, self._renderer, self._deck))

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
            previous = self._deck if same else None
            self._deck = deck
            self._renderer = SlideRenderer(deck, self._load_theme(deck))
            self.deck_changed.emit(DeckChange(deck, self._renderer, previous))
        elif not same:
            self._deck = None  # another deck was asked for: the old one is not it
            self._renderer = None
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
