"""The presenter's QActions and what each one does.

The console's actions are the table :data:`desktop.core.presenter.actions.CONSOLE_ACTIONS`;
each tool of :mod:`desktop.ui.presenter.tools` adds its own (:data:`PRESENTER_ACTIONS` is all
of them). :data:`HANDLERS` says what each console action does, by name; a tool's handlers come
from the tool. Which are enabled follows the console's mode
(:data:`desktop.core.presenter.modes.DISABLED`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Final, TypeAlias

from PySide6.QtCore import QObject

from desktop.core.actions import SECTION_ACTIONS, ActionSpec
from desktop.core.i18n import _
from desktop.core.keymap import KeyMap
from desktop.core.presenter.actions import CONSOLE_ACTIONS, SHARED, TYPED_GO_TO
from desktop.ui.actions import ActionRegistry
from desktop.ui.presenter.tool import PresenterTool
from desktop.ui.presenter.tools import tool_classes

if TYPE_CHECKING:
    from desktop.ui.presenter.controller import PresenterController

__all__ = ["HANDLERS", "PRESENTER_ACTIONS", "SHARED", "TYPED_GO_TO", "PresenterActions"]

Handler: TypeAlias = Callable[["PresenterController"], object]


def presenter_specs(tools: Iterable[type[PresenterTool]]) -> tuple[ActionSpec, ...]:
    """The console's actions, then each of *tools*' own."""
    return (*CONSOLE_ACTIONS, *(spec for tool in tools for spec in tool.specs))


PRESENTER_ACTIONS: Final = presenter_specs(tool_classes())
"""Every action of the presenter: the console's, then each tool's."""


def _section(index: int) -> Handler:
    return lambda c: c.go_to_section(index)


HANDLERS: Final[Mapping[str, Handler]] = {
    "next": lambda c: c.step(1),
    "previous": lambda c: c.step(-1),
    "first": lambda c: c.jump(0),
    "last": lambda c: c.jump(c.deck.talk.last()),  # the talk's end, not the backup's
    "go_to": lambda c: c.start_typing(),
    "back": lambda c: c.history(forward=False),
    "forward": lambda c: c.history(forward=True),
    **{name: _section(index) for index, name in enumerate(SECTION_ACTIONS)},
    "notes_bigger": lambda c: c.console.notes.zoom(1),
    "notes_smaller": lambda c: c.console.notes.zoom(-1),
    "shortcuts": lambda c: c.show_shortcuts(),
    "show": lambda c: c.show(),
    "black": lambda c: c.change(lambda: c.state.toggle_blank("black")),
    "white": lambda c: c.change(lambda: c.state.toggle_blank("white")),
    "freeze": lambda c: c.change(c.state.toggle_freeze),
    "toggle_console": lambda c: c.placement.toggle_console(),
    "windowed": lambda c: c.change(c.placement.toggle_windowed),
    "swap_screens": lambda c: c.change(c.placement.swap),
    "notes_down": lambda c: c.console.scroll_notes(1),
    "notes_up": lambda c: c.console.scroll_notes(-1),
    "audience_language": lambda c: c.switch_language(audience=True),
    "console_language": lambda c: c.switch_language(audience=False),
    "pause_timer": lambda c: c.change(c.tracker.toggle_pause),
    "reset_timer": lambda c: c.change(
        c.tracker.reset, _("Timer reset: it starts again at the next slide.")
    ),
    "end": lambda c: c.escape(),
}
"""What each of the console's actions does to the presenter, by action name (the find actions
belong to the search tool, :mod:`desktop.ui.presenter.tools.find`)."""


class PresenterActions(ActionRegistry):
    """One QAction per action of the console and of *tools*, bound by name, shared by both
    windows.

    An action without a handler stays disabled. Add :meth:`all` to every presenter window so the
    keys work whichever of them is active.

    Args:
        parent: The owning object.
        tools: The presenter's tools (their actions come after the console's).
    """

    def __init__(
        self,
        parent: QObject | None = None,
        tools: Iterable[type[PresenterTool]] = (),
        keymap: KeyMap | None = None,
    ) -> None:
        super().__init__(parent, presenter_specs(tools), prefix="presenter", keymap=keymap)
        self._tool_actions: frozenset[str] = frozenset()

    def bind_all(self, controller: PresenterController, tools: Iterable[PresenterTool]) -> None:
        """Bind :data:`HANDLERS` to *controller* and each tool's handlers to the tool."""
        for name, handler in HANDLERS.items():
            self.bind(name, functools.partial(handler, controller))
        names: set[str] = set()
        for tool in tools:
            for name, tool_handler in tool.handlers().items():
                self.bind(name, tool_handler)
                names.add(name)
        self._tool_actions = frozenset(names)

    def is_tool_action(self, name: str) -> bool:
        return name in self._tool_actions
