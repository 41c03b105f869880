"""Deck loads on worker threads, each result handed back on the UI thread.

A load runs the Qt-free :func:`~desktop.core.watch.run_load` on a daemon thread, so the window
keeps painting and answering keys while a large deck loads. One relay object, made on the UI
thread, carries each outcome back as a queued signal; a receiver that was deleted meanwhile gets
nothing.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from typing import Protocol

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop.core.watch import Loader, LoadJob, LoadOutcome, run_load


class LoadReceiver(Protocol):
    """What a finished load is handed to (a :class:`~desktop.ui.session.DeckSession`)."""

    def load_finished(self, outcome: LoadOutcome) -> None: ...


class _Relay(QObject):
    """Carries finished loads from worker threads to the UI thread (lives as long as the app)."""

    done = Signal(object)


_relay: _Relay | None = None


def prepare() -> None:
    """Make the relay now, on the UI thread (the first session does)."""
    global _relay
    if _relay is None:
        _relay = _Relay()
        _relay.done.connect(_deliver)


def start_load(receiver: LoadReceiver, loader: Loader, job: LoadJob) -> None:
    """Run *job* with *loader* on a worker thread; *receiver* gets the outcome on the UI thread
    (if it still exists then)."""
    prepare()
    assert _relay is not None
    threading.Thread(
        target=_work,
        args=(weakref.ref(receiver), _relay, loader, job),
        name="deck-load",
        daemon=True,
    ).start()


def _deliver(item: tuple[weakref.ref[LoadReceiver], LoadOutcome]) -> None:
    owner, outcome = item
    receiver = owner()
    if receiver is not None and shiboken6.isValid(receiver):
        receiver.load_finished(outcome)


def _work(owner: weakref.ref[LoadReceiver], relay: _Relay, loader: Loader, job: LoadJob) -> None:
    outcome = run_load(loader, job)
    with contextlib.suppress(RuntimeError):  # the application is gone (the process exits)
        relay.done.emit((owner, outcome))
