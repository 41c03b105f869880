"""The console's modes, and what Esc and Enter do in each. Plain Python, no Qt.

The console is in one mode at a time (:class:`Mode`): the plain talk, the overview grid, the
private search, the summary of a finished rehearsal, or a presenter tool in use (a pointer, a
pen: :mod:`desktop.ui.presenter.tools`). Esc and Enter are pure functions of the mode
(:func:`on_escape`, :func:`on_enter`): each gives the next mode and one :class:`Effect` for the
presenter to carry out. Which actions a mode leaves enabled is a table (:data:`DISABLED`).

Usage::

    modes, effect = on_escape(state.modes, pending=state.pending, rehearsal=True)
    # effect is Effect.DROP while a preview is up, then Effect.FINISH (the summary), then END
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final


class Mode(enum.Enum):
    """What the console is doing; what Esc and Enter act on first."""

    NORMAL = "normal"
    """The talk: the keys move it; Esc drops a preview, then ends the talk."""
    OVERVIEW = "overview"
    """The overview grid: it has the arrows; Enter shows its selection, Esc closes it."""
    FIND = "find"
    """The private search: arrows pick a hit; Enter shows it, Esc closes the search."""
    SUMMARY = "summary"
    """A rehearsal is over and its summary is up: Esc or Enter ends the presentation."""
    TOOL = "tool"
    """A presenter tool is in use (:attr:`ModeState.tool` says which); Esc puts it away."""


class Effect(enum.Enum):
    """What the presenter does after a key changed the mode."""

    NONE = "none"
    DROP = "drop"
    """Drop the preview and any typed number (:meth:`ShowState.cancel`)."""
    FINISH = "finish"
    """Finish the rehearsal: stop the clock, save the timings, show the summary."""
    END = "end"
    """End the presentation."""
    SHOW = "show"
    """Show the preview (else the presenter's slide) on the projector (:meth:`ShowState.commit`)."""
    SHOW_SELECTION = "show_selection"
    """Preview the selection of the view just closed (the overview's), then :attr:`SHOW`."""


@dataclass(frozen=True, slots=True)
class ModeState:
    """The console's mode and the tool that owns it.

    Attributes:
        mode: The mode.
        tool: The name of the tool whose view the mode shows (the overview, a pointer), or
            None for the console's own modes.
    """

    mode: Mode = Mode.NORMAL
    tool: str | None = None


NORMAL: Final = ModeState()
SUMMARY: Final = ModeState(Mode.SUMMARY)

COVERS_TALK: Final = frozenset({Mode.OVERVIEW})
"""Modes whose view hides the talk page (a preview or a typed number closes them)."""

DISABLED: Final[Mapping[Mode, frozenset[str]]] = {
    Mode.NORMAL: frozenset(),
    Mode.OVERVIEW: frozenset({"next", "previous", "first", "last"}),
    Mode.FIND: frozenset(),
    Mode.SUMMARY: frozenset(
        {"pause_timer", "reset_timer", "go_to", "find", "find_next", "find_previous"}
    ),
    Mode.TOOL: frozenset(),
}
"""The actions each mode switches off: the overview moves its own selection with the arrows;
a finished rehearsal's time is final and nothing opens over its summary (nor do the tools'
actions, see :func:`enabled`)."""

ONLY_IN: Final[Mapping[str, str]] = {"zoom_reset": "zoom"}
"""Actions that work only while one tool is in use, by action name: the tool's name. The
zoom's ``0`` (the whole slide again) is a digit, which otherwise types a slide number."""

KEEPS_DIGITS: Final = frozenset(ONLY_IN.values())
"""Tools in whose mode a typed digit is the tool's key, not a slide number."""


def on_escape(state: ModeState, *, pending: bool, rehearsal: bool) -> tuple[ModeState, Effect]:
    """Esc: close what is open, else drop a preview, else finish a rehearsal, else end.

    Args:
        state: The console's mode.
        pending: A preview or a typed slide number is up (:attr:`ShowState.pending`).
        rehearsal: The talk is a rehearsal (its end shows the summary first).
    """
    mode = state.mode
    if mode in (Mode.OVERVIEW, Mode.TOOL):
        return NORMAL, Effect.NONE
    if mode is Mode.FIND:
        return NORMAL, Effect.DROP
    if pending:
        return state, Effect.DROP
    if mode is Mode.NORMAL and rehearsal:
        return SUMMARY, Effect.FINISH
    return state, Effect.END


def on_enter(state: ModeState) -> tuple[ModeState, Effect]:
    """Enter: show on the projector what the console shows (or end, after a summary)."""
    mode = state.mode
    if mode is Mode.SUMMARY:
        return state, Effect.END
    if mode is Mode.OVERVIEW:
        return NORMAL, Effect.SHOW_SELECTION
    if mode is Mode.FIND:
        return NORMAL, Effect.SHOW
    return state, Effect.SHOW


def opened(state: ModeState, target: ModeState) -> ModeState:
    """Open *target* (the search, a tool); nothing opens over a finished rehearsal's summary."""
    return state if state.mode is Mode.SUMMARY else target


def toggled(state: ModeState, target: ModeState) -> ModeState:
    """A tool's key: open *target*, or close it when it is the mode already."""
    return NORMAL if state == target else opened(state, target)


def revealed(state: ModeState) -> ModeState:
    """The mode once the talk page must be seen (a preview, a typed number): the overview
    closes, the search and the tools stay."""
    return NORMAL if state.mode in COVERS_TALK else state


def enabled(state: ModeState, name: str, *, tool: bool = False) -> bool:
    """Whether action *name* is enabled in *state* (*tool*: it is a tool's action)."""
    if tool and state.mode is Mode.SUMMARY:
        return False
    owner = ONLY_IN.get(name)
    if owner is not None and state != ModeState(Mode.TOOL, owner):
        return False
    return name not in DISABLED[state.mode]


def takes_digits(state: ModeState) -> bool:
    """Whether a typed digit starts or extends a slide number (not after a rehearsal, nor
    while a tool of :data:`KEEPS_DIGITS` is in use)."""
    if state.mode is Mode.TOOL and state.tool in KEEPS_DIGITS:
        return False
    return state.mode is not Mode.SUMMARY


def arrow(state: ModeState) -> ModeState:
    """Ctrl+A, back to the arrow: a tool in use is put away; any other mode stays."""
    return NORMAL if state.mode is Mode.TOOL else state
