"""Presenter mode: the audience view on the projector, the console on the laptop.

:func:`attach_presenter` wires a main window to it: F5 / Shift+F5 (the window's
``present_requested``) start a :class:`~desktop.ui.presenter.controller.PresenterController`
on the window's deck; Esc returns to the window at the slide reached; the presenter subscribes
to the window's deck session, so a deck reloaded during the talk reaches it.

The presenter's plain logic (the show state, the console's modes, the screen choice, the
talk's time) is :mod:`desktop.core.presenter`; this package is its Qt side, and this file
imports it only when :func:`attach_presenter` is called. A presenter tool is one module of
:mod:`.tools` (see ``docs/architecture.md``).
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from desktop.core.timing import Clock

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.presenter.launcher import PresenterLauncher

__all__ = ["attach_presenter"]


def attach_presenter(
    window: MainWindow,
    *,
    screen_name: str | None = None,
    rehearse: bool = False,
    clock: Clock = time.monotonic,
) -> PresenterLauncher:
    """Let *window* present: its ``present_requested`` starts the presenter on its deck.

    Args:
        window: The main window; the launcher becomes its child.
        screen_name: The audience screen asked for (``--screen``), used by the first talk.
        rehearse: Present as a rehearsal (record, show and save the time per section).
        clock: Monotonic seconds (tests pass a fake).
    """
    from desktop.ui.presenter.launcher import PresenterLauncher

    return PresenterLauncher(window, screen_name=screen_name, rehearse=rehearse, clock=clock)
