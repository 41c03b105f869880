"""What a presenter tool is: its actions, its handlers, its mode and what it draws.

A tool is one module in :mod:`desktop.ui.presenter.tools` that sets ``TOOL`` to a subclass of
:class:`PresenterTool`. The presenter finds it there, adds its actions to the console's (keys,
the shortcuts overlay), binds its handlers, and tells it when the deck changes, when its mode
opens and closes and after every change of the talk. The tool draws its own view: a page of
the console (the overview) or an overlay over the slide on the console and the projector
(:meth:`desktop.ui.slide_view.SlideView.add_overlay`). Esc and Enter in its mode follow
:mod:`desktop.core.presenter.modes`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, ClassVar, Protocol

from desktop.core.actions import ActionSpec
from desktop.core.model import Deck
from desktop.core.presenter.modes import Mode, ModeState, toggled
from desktop.core.presenter.state import ShowState
from desktop.render.renderer import SlideRenderer

if TYPE_CHECKING:
    from desktop.ui.presenter.actions import PresenterActions
    from desktop.ui.presenter.audience import AudienceWindow
    from desktop.ui.presenter.console import ConsoleWindow


class ToolHost(Protocol):
    """What a tool may use of the presenter (:class:`PresenterController` is one)."""

    @property
    def state(self) -> ShowState: ...

    @property
    def console(self) -> ConsoleWindow: ...

    @property
    def audience(self) -> AudienceWindow: ...

    @property
    def actions(self) -> PresenterActions: ...

    def set_mode(self, modes: ModeState) -> None:
        """Change the console's mode (closing the view of the mode left, opening the new one)."""

    def show(self) -> None:
        """Enter: what the console shows goes on the projector (see ``on_enter``)."""

    def refresh(self) -> None:
        """Show the state everywhere (after the tool changed it)."""

    def bring_console_up(self) -> None:
        """Make sure the console can be seen (one screen: in front of the audience view)."""


class PresenterTool:
    """A presenter tool. Subclass it, set the class attributes, override what you need.

    Attributes:
        name: The tool's name; its mode's :attr:`ModeState.tool`.
        specs: Its actions (names unique among the presenter's; keys too).
        mode: The console's mode while it is in use: :attr:`Mode.TOOL` unless the tool is one
            of the console's own views (the overview).

    Args:
        host: The presenter.
    """

    name: ClassVar[str]
    specs: ClassVar[tuple[ActionSpec, ...]]
    mode: ClassVar[Mode] = Mode.TOOL

    def __init__(self, host: ToolHost) -> None:
        self.host = host

    @property
    def active(self) -> bool:
        """Whether the console is in this tool's mode."""
        return self.host.state.modes == ModeState(self.mode, self.name)

    def toggle(self) -> None:
        """Take the tool up, or put it away."""
        self.host.set_mode(toggled(self.host.state.modes, ModeState(self.mode, self.name)))
        self.host.refresh()

    def handlers(self) -> Mapping[str, Callable[[], object]]:
        """A handler for each of :attr:`specs`, by action name (default: the first toggles)."""
        return {self.specs[0].name: self.toggle}

    def set_deck(self, deck: Deck, renderer: SlideRenderer) -> None:
        """The deck presented (at the start, and after each reload)."""

    def opened(self) -> None:
        """The console entered the tool's mode: show its view."""

    def closed(self) -> None:
        """The console left the tool's mode: hide its view."""

    def refresh(self) -> None:
        """The talk's state changed (after every key): bring the view up to date."""

    def ended(self) -> None:
        """The presentation ended: keep what must outlive it (the ink)."""

    def take_step(self, delta: int) -> bool:
        """Next (+1) or previous (-1) while the tool is in use: True when the tool took it
        (the search picks a hit), False to move the talk as usual."""
        return False

    def selection(self) -> int | None:
        """The slide the tool's view has selected, which Enter shows (``SHOW_SELECTION``)."""
        return None
