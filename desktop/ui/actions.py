"""QActions built once from the action table, shared by every window.

The keys are the table's, or the user's key map's (:mod:`desktop.core.keymap`): every window's
registry applies the map in :func:`user_keymap`, so menus, tooltips and the shortcuts overlay
(F1) show the keys in force.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.core.actions import (
    ACTIONS,
    SECTION_ACTIONS,
    ActionSpec,
    action_description,
    action_short,
    action_text,
)
from desktop.core.i18n import _
from desktop.core.keymap import KeyMap, read_keymap
from desktop.core.paths import keymap_file
from desktop.core.problems import Problem
from desktop.core.text import plural
from desktop.ui.icons import themed_icon

log = logging.getLogger(__name__)


@functools.cache
def user_keymap() -> KeyMap:
    """The user's key map (read once; none when there is no file), for every action name of
    the main window and the presenter."""
    path = keymap_file()
    if not path.exists():
        # No file, no keys to check: the presenter's actions (and its tools, which declare
        # them) are not imported while the main window starts.
        return KeyMap()
    from desktop.ui.presenter.actions import PRESENTER_ACTIONS  # it builds on this module

    known = {spec.name for spec in (*ACTIONS, *PRESENTER_ACTIONS)}
    keymap = read_keymap(path, known)
    for problem in keymap.problems:
        log.warning("%s", problem.format())
    return keymap


class ActionRegistry(QObject):
    """One QAction per :data:`desktop.core.actions.ACTIONS` entry (or per *specs*), with the
    keys of *keymap* (default: :func:`user_keymap`).

    Handlers are bound by name; an action without a handler stays disabled, so
    nothing offers what is not there. An action's icon and toolbar word come from its
    :class:`ActionSpec` too.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        specs: tuple[ActionSpec, ...] = ACTIONS,
        prefix: str = "action",
        keymap: KeyMap | None = None,
    ) -> None:
        super().__init__(parent)
        self._defaults = specs
        self._actions: dict[str, QAction] = {}
        for spec in specs:
            text = action_text(spec)
            action = QAction(text, self)
            action.setObjectName(f"{prefix}_{spec.name}")
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            if spec.icon:
                action.setIcon(themed_icon(spec.icon))  # drawn when first painted
            if spec.short:
                action.setIconText(action_short(spec))
            action.setStatusTip(action_description(spec))
            action.setEnabled(False)
            self._actions[spec.name] = action
        self.keymap_problems: tuple[Problem, ...] = ()
        """What is wrong in the key map (its lines ignored: their actions keep the defaults)."""
        self._specs = specs
        self.apply_keymap(user_keymap() if keymap is None else keymap)

    def apply_keymap(self, keymap: KeyMap) -> None:
        """Give every action the keys of *keymap* (its defaults where it has none): menus,
        tooltips and the F1 list show them from now on."""
        specs, conflicts = keymap.apply(self._defaults)
        for problem in conflicts:
            log.warning("%s", problem.format())
        self.keymap_problems = tuple(sorted((*keymap.problems, *conflicts), key=Problem.sort_key))
        self._specs = specs
        for spec in specs:
            action = self._actions[spec.name]
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            text = action_text(spec)
            tip = text
            if spec.shortcuts:
                tip = _("{action} ({key})").format(action=text, key=key_text(spec.shortcuts[0]))
            action.setToolTip(tip)

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def specs(self) -> tuple[ActionSpec, ...]:
        """The actions with the keys in force."""
        return self._specs

    def defaults(self) -> tuple[ActionSpec, ...]:
        """The actions with the action table's keys."""
        return self._defaults

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


def key_text(sequence: str) -> str:
    """A key sequence as the app writes it (``Ctrl+Right``), in every interface language.

    Key names stay as they are (docs/translation.md), as the key map and the texts that name a
    key (:data:`~desktop.core.actions.CONFIRM_KEY`) write them; Qt's native names are
    translated ("右方向"), so they are used only on macOS, for its symbols (⌘→).
    """
    native = QKeySequence.SequenceFormat.NativeText
    portable = QKeySequence.SequenceFormat.PortableText
    return QKeySequence(sequence).toString(native if sys.platform == "darwin" else portable)


def keymap_notice(problems: tuple[Problem, ...]) -> str:
    """One sentence about the key map's problems for a status line (``""``: none)."""
    if not problems:
        return ""
    first = problems[0].format()
    if len(problems) == 1:
        return _("Key map: {problem}. That line is ignored; its action keeps its keys.").format(
            problem=first
        )
    return plural(
        len(problems) - 1,
        "Key map: {problem} (and {n} more; see the log). Those lines are ignored; their "
        "actions keep their keys.",
        "Key map: {problem} (and {n} more; see the log). Those lines are ignored; their "
        "actions keep their keys.",
        problem=first,
    )
