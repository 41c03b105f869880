"""Which screen shows the audience view and which the console. Plain data, no windows.

The choice is a pure function of the screens present, an optional requested name (``--screen``
or chosen in the app), the choice remembered for this arrangement of screens, and a preferred
screen (one just plugged in). The Qt side turns ``QScreen`` objects into :class:`ScreenInfo`
(:func:`desktop.ui.presenter.placement.describe`) and places the windows on the screens named
by the result.

Usage::

    infos = [describe(s, s is app.primaryScreen()) for s in app.screens()]
    choice = choose_screens(infos, requested="HDMI-1", remembered=settings_dict)
    remembered[arrangement_key(infos)] = choice.audience
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeAlias, TypeVar

from desktop.core.i18n import _

log = logging.getLogger(__name__)

Reason: TypeAlias = Literal["single", "requested", "remembered", "preferred", "secondary"]


@dataclass(frozen=True, slots=True)
class ScreenInfo:
    """One screen as the choice sees it.

    Attributes:
        name: The platform's name for the screen (``HDMI-1``, ``DELL U2720Q``).
        x: Left edge in virtual desktop coordinates.
        y: Top edge.
        width: Width in device-independent pixels.
        height: Height in device-independent pixels.
        primary: Whether it is the primary screen (usually the laptop's own).
    """

    name: str
    x: int
    y: int
    width: int
    height: int
    primary: bool = False

    @property
    def token(self) -> str:
        """``name@WxH+X+Y``: the screen's part of an arrangement key."""
        return f"{self.name}@{self.width}x{self.height}+{self.x}+{self.y}"


@dataclass(frozen=True, slots=True)
class ScreenChoice:
    """Where the two presenter windows go.

    Attributes:
        audience: Name of the screen for the audience view.
        console: Name of the screen for the console; the same as *audience* with one screen.
        reason: Why *audience* was chosen.
        note: A sentence for the presenter when the request could not be honoured, else "".
    """

    audience: str
    console: str
    reason: Reason
    note: str = ""

    @property
    def single(self) -> bool:
        """One screen for both: the console is one key away (or side by side, windowed)."""
        return self.audience == self.console


def arrangement_key(screens: Sequence[ScreenInfo]) -> str:
    """A stable key for a set of screens: their names and geometries, sorted, joined by ``|``.

    The same monitors in the same places give the same key whatever order the platform lists
    them in; moving or resizing one gives a new arrangement (and a new remembered choice).
    """
    return "|".join(sorted(screen.token for screen in screens))


def find_screen(screens: Sequence[ScreenInfo], name: str | None) -> ScreenInfo | None:
    """The screen called *name*: exact match first, then ignoring case."""
    if not name:
        return None
    for screen in screens:
        if screen.name == name:
            return screen
    folded = name.casefold()
    for screen in screens:
        if screen.name.casefold() == folded:
            return screen
    return None


def choose_screens(
    screens: Sequence[ScreenInfo],
    requested: str | None = None,
    remembered: Mapping[str, str] | None = None,
    preferred: str | None = None,
) -> ScreenChoice:
    """Pick the audience and console screens.

    The audience screen is, in order: the *requested* one; the one remembered for this
    arrangement; the *preferred* one (a screen just plugged in); the first screen that is not
    the primary; else the first screen. The console gets the primary screen unless the
    audience has it, then the first other screen. With one screen, both get it.

    Args:
        screens: The screens present, in the platform's order.
        requested: A screen name asked for (``--screen`` or chosen in the app); case-insensitive.
        remembered: Audience screen names by :func:`arrangement_key`.
        preferred: A screen name to favour over the default, e.g. one just plugged in.

    Raises:
        ValueError: *screens* is empty.
    """
    if not screens:
        raise ValueError("no screens to present on")
    note = ""
    wanted = find_screen(screens, requested)
    if requested and wanted is None:
        names = ", ".join(screen.name for screen in screens)
        note = _("No screen called “{name}” (screens: {names}).").format(
            name=requested, names=_(", ").join(screen.name for screen in screens)
        )
        log.warning("requested screen %r not found among %s", requested, names)
    if len(screens) == 1:
        only = screens[0].name
        return ScreenChoice(only, only, "single", note)

    audience: ScreenInfo | None = None
    reason: Reason = "secondary"
    if wanted is not None:
        audience, reason = wanted, "requested"
    if audience is None and remembered:
        audience = find_screen(screens, remembered.get(arrangement_key(screens)))
        reason = "remembered"
    if audience is None and preferred:
        audience = find_screen(screens, preferred)
        reason = "preferred"
    if audience is None:
        audience = next((screen for screen in screens if not screen.primary), screens[0])
        reason = "secondary"
    console = next((s for s in screens if s.primary and s is not audience), None)
    if console is None:
        console = next(s for s in screens if s is not audience)
    return ScreenChoice(audience.name, console.name, reason, note)


def swapped(choice: ScreenChoice) -> ScreenChoice:
    """The console and audience screens exchanged (as requested by the presenter)."""
    if choice.single:
        return choice
    return ScreenChoice(choice.console, choice.audience, "requested")


class _Named(Protocol):
    def name(self) -> str: ...


NamedT = TypeVar("NamedT", bound=_Named)


def screen_labels(screens: Sequence[NamedT]) -> dict[str, NamedT]:
    """The screens by a name unique among them: their own, or ``name #2`` for a twin.

    Two monitors of the same model may report the same name; the labels keep them apart.
    """
    labels: dict[str, NamedT] = {}
    for screen in screens:
        label, n = screen.name(), 1
        while label in labels:
            n += 1
            label = f"{screen.name()} #{n}"
        labels[label] = screen
    return labels
