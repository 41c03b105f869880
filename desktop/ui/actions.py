"""QActions built once from the action table, shared by every window."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.core.actions import ACTIONS, SECTION_ACTIONS, ActionSpec
from desktop.ui.icons import themed_icon


class ActionRegistry(QObject):
    """One QAction per :data:`desktop.core.actions.ACTIONS` entry.

    Handlers are bound by name; an action without a handler stays disabled, so
    nothing offers what is not there. An action's icon and toolbar word come from its
    :class:`ActionSpec` too.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        specs: tuple[ActionSpec, ...] = ACTIONS,
        prefix: str = "action",
    ) -> None:
        super().__init__(parent)
        self._specs = specs
        self._actions: dict[str, QAction] = {}
        for spec in specs:
            action = QAction(spec.text, self)
            action.setObjectName(f"{prefix}_{spec.name}")
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            if spec.icon:
                action.setIcon(themed_icon(spec.icon))  # drawn when first painted
            if spec.short:
                action.setIconText(spec.short)
            tip = spec.text
            if spec.shortcuts:
                native = QKeySequence(spec.shortcuts[0]).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
                tip += f" ({native})"
            action.setToolTip(tip)
            action.setStatusTip(spec.description or spec.text)
            action.setEnabled(False)
            self._actions[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def specs(self) -> tuple[ActionSpec, ...]:
        return self._specs

    def all(self) -> list[QAction]:
        return list(self._actions.values())

    def bind(self, name: str, handler: Callable[[], object]) -> QAction:
        """Connect *handler* to the action's trigger and enable it."""
        action = self._actions[name]
        action.triggered.connect(lambda _checked=False: handler())
        action.setEnabled(True)
        return action

    def bind_sections(self, handler: Callable[[int], object]) -> None:
        """Bind the section shortcuts: ``section_N`` calls *handler* with N − 1."""
        for index, name in enumerate(SECTION_ACTIONS):
            self.bind(name, functools.partial(handler, index))
