"""The presenter's actions, as data: the main window's navigation keys plus the console's own.

Navigation (next, previous, first, last, go to, back, forward, the sections, find) keeps the
names and keys of :data:`desktop.core.actions.ACTIONS`, so a presenter's fingers work the same
in both windows; go to also answers to a plain ``G``. The rest exist only while presenting.
A presenter tool (:mod:`desktop.ui.presenter.tools`) brings its own actions besides these.

Sentences that name a key take it from here (:func:`key`), so a changed shortcut changes the
text too, and a translation gets the key as a field of a whole sentence.
"""

from __future__ import annotations

import dataclasses
from typing import Final

from desktop.core.actions import BY_NAME, NAVIGATION, SECTION_ACTIONS, ActionSpec

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
            description="Preview a slide privately; Enter shows it. Or type its number.",
        )
    if name == "find":
        return dataclasses.replace(spec, description="Search privately; Enter shows the hit")
    return spec


CONSOLE_ACTIONS: Final[tuple[ActionSpec, ...]] = (
    *(_shared(name) for name in SHARED),
    ActionSpec(
        "show",
        "Show on the projector",
        ("Return", "Enter"),
        group="Projector",
        description="Show the previewed slide, or unfreeze",
    ),
    ActionSpec("black", "Black screen", ("B", "."), group="Projector", checkable=True),
    ActionSpec("white", "White screen", ("W", ","), group="Projector", checkable=True),
    ActionSpec(
        "freeze",
        "Freeze the projector",
        ("F",),
        group="Projector",
        description="Keep the audience's slide while you browse ahead",
        checkable=True,
    ),
    ActionSpec(
        "toggle_console",
        "Console / audience view",
        ("Tab",),
        group="Console",
        description="One screen: switch between the console and the audience view",
    ),
    ActionSpec(
        "windowed",
        "Side by side (windowed)",
        ("Ctrl+Shift+W",),
        group="Console",
        description="Console and audience view as two windows on one screen",
        checkable=True,
    ),
    ActionSpec("swap_screens", "Swap screens", ("S",), group="Console"),
    ActionSpec("notes_down", "Scroll notes down", ("Ctrl+Down", "Ctrl+PgDown"), group="Console"),
    ActionSpec("notes_up", "Scroll notes up", ("Ctrl+Up", "Ctrl+PgUp"), group="Console"),
    ActionSpec(
        "audience_language",
        "Audience language: next",
        ("Alt+L",),
        group="Languages",
        description="What the room reads: one language, the next, or both (the console stays)",
    ),
    ActionSpec(
        "console_language",
        "Console language: next",
        ("Alt+Shift+L",),
        group="Languages",
        description="Your notes and slides on the console (the audience's stay)",
    ),
    ActionSpec("pause_timer", "Pause or resume the timer", ("T", "Pause"), group="Timer"),
    ActionSpec(
        "reset_timer",
        "Reset the timer",
        ("Ctrl+Shift+T",),
        group="Timer",
        description="Back to 0:00; it starts again at the next slide",
    ),
    ActionSpec(
        "end",
        "End the presentation",
        ("Esc",),
        group="Present",
        description="Esc first closes a preview, the overview or the search",
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
    ("Navigate", "Preview slide N", "type the number ({show} shows it)".format(show=key("show"))),
)
"""The shortcuts overlay's extra row for typed numbers (not an action)."""
