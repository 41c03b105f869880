"""The presenter's actions, as data: the main window's navigation keys plus the console's own.

Navigation (next, previous, first, last, go to, back, forward, the sections, find) keeps the
names and keys of :data:`desktop.core.actions.ACTIONS`, so a presenter's fingers work the same
in both windows; go to also answers to a plain ``G``. The rest exist only while presenting.
A presenter tool (:mod:`desktop.ui.presenter.tools`) brings its own actions besides these.

Sentences that name a key take it from here (:func:`key`), so a changed shortcut changes the
text too, and a translation gets the key as a field of a whole sentence. The table's texts are
marked with ``N_`` (:mod:`desktop.core.i18n`): the menus, tooltips and overlay that show them
translate them.
"""

from __future__ import annotations

import dataclasses
from typing import Final

from desktop.core.actions import BY_NAME, NAVIGATION, SECTION_ACTIONS, ActionSpec
from desktop.core.i18n import N_

SHARED: Final = (
    *NAVIGATION,
    *SECTION_ACTIONS,
    "notes_bigger",
    "notes_smaller",
    "shortcuts",
)
"""Actions of the main window's table that the presenter uses unchanged (except go to's G)."""


def _shared(name: str) -> ActionSpec:
    spec = BY_NAME[name]
    if name == "go_to":
        return dataclasses.replace(
            spec,
            shortcuts=("G", *spec.shortcuts),
            description=N_("Preview a slide privately; Enter shows it. Or type its number."),
        )
    if name == "find":
        return dataclasses.replace(spec, description=N_("Search privately; Enter shows the hit"))
    return spec


CONSOLE_ACTIONS: Final[tuple[ActionSpec, ...]] = (
    *(_shared(name) for name in SHARED),
    ActionSpec(
        "show",
        N_("Show on the projector"),
        ("Return", "Enter"),
        group=N_("Projector"),
        description=N_("Show the previewed slide, or unfreeze"),
    ),
    ActionSpec("black", N_("Black screen"), ("B", "."), group=N_("Projector"), checkable=True),
    ActionSpec("white", N_("White screen"), ("W", ","), group=N_("Projector"), checkable=True),
    ActionSpec(
        "freeze",
        N_("Freeze the projector"),
        ("F",),
        group=N_("Projector"),
        description=N_("Keep the audience's slide while you browse ahead"),
        checkable=True,
    ),
    ActionSpec(
        "toggle_console",
        N_("Console / audience view"),
        ("Tab",),
        group=N_("Console"),
        description=N_("One screen: switch between the console and the audience view"),
    ),
    ActionSpec(
        "windowed",
        N_("Side by side (windowed)"),
        ("Ctrl+Shift+W",),
        group=N_("Console"),
        description=N_("Console and audience view as two windows on one screen"),
        checkable=True,
    ),
    ActionSpec("swap_screens", N_("Swap screens"), ("S",), group=N_("Console")),
    ActionSpec(
        "notes_down", N_("Scroll notes down"), ("Ctrl+Down", "Ctrl+PgDown"), group=N_("Console")
    ),
    ActionSpec("notes_up", N_("Scroll notes up"), ("Ctrl+Up", "Ctrl+PgUp"), group=N_("Console")),
    ActionSpec(
        "audience_language",
        N_("Audience language: next"),
        ("Alt+L",),
        group=N_("Languages"),
        description=N_("What the room reads: one language, the next, or both (the console stays)"),
    ),
    ActionSpec(
        "console_language",
        N_("Console language: next"),
        ("Alt+Shift+L",),
        group=N_("Languages"),
        description=N_("Your notes and slides on the console (the audience's stay)"),
    ),
    ActionSpec("pause_timer", N_("Pause or resume the timer"), ("T", "Pause"), group=N_("Timer")),
    ActionSpec(
        "reset_timer",
        N_("Reset the timer"),
        ("Ctrl+Shift+T",),
        group=N_("Timer"),
        description=N_("Back to 0:00; it starts again at the next slide"),
    ),
    ActionSpec(
        "end",
        N_("End the presentation"),
        ("Esc",),
        group=N_("Present"),
        description=N_("Esc first closes a preview, the overview or the search"),
    ),
)
"""The console's own actions; the tools' come on top (see ``desktop.ui.presenter.actions``)."""

CONSOLE_BY_NAME: Final = {spec.name: spec for spec in CONSOLE_ACTIONS}

KEYCAPS: Final = {"Return": "Enter"}
"""Key names as printed on the key, where Qt's portable name differs."""


def key_name(spec: ActionSpec) -> str:
    """The key a sentence names for *spec*: its first shortcut, as printed on the key."""
    if not spec.shortcuts:
        raise ValueError(f"action {spec.name!r} has no key to name")
    first = spec.shortcuts[0]
    return KEYCAPS.get(first, first)


def key(name: str) -> str:
    """The key a sentence names for the console's action *name* (``key("show") == "Enter"``)."""
    return key_name(CONSOLE_BY_NAME[name])


TYPED_GO_TO: Final = (
    (N_("Navigate"), N_("Preview slide N"), N_("type the number ({key} shows it)")),
)
"""The shortcuts overlay's extra row for typed numbers (not an action), in the catalogue's
English: :func:`desktop.core.actions.cheat_sheet` translates it and fills ``{key}`` in (the key
that confirms a typed number, :data:`desktop.core.actions.CONFIRM_KEY`)."""
