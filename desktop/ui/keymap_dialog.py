"""Edit → Keyboard Shortcuts…: every action's keys, changed in place and saved to ``keys.ini``.

Two pages, the main window's actions and the presenter's, grouped by task as F1 lists them.
Pick an action, then type its keys (``Right, PgDown``) or press one with Record; a key another
action of the same window has is shown as a conflict, and Save stays off until none is left.
Save rewrites only the changed lines of the key map (:mod:`desktop.core.keymap_edit`),
atomically; the open window takes the new keys at once, the presenter when it next starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.actions import ActionSpec, action_description, action_text, group_title
from desktop.core.atomic import write_text
from desktop.core.i18n import _
from desktop.core.keymap import KeyMap
from desktop.core.keymap_edit import KeyTable, edit_keymap_text, parse_keys, written
from desktop.core.os_reasons import os_reason
from desktop.core.paths import keymap_file
from desktop.ui.actions import ActionRegistry, key_text, user_keymap

NAME_ROLE = Qt.ItemDataRole.UserRole


def native(keys: Sequence[str]) -> str:
    """Keys as the app writes them (``Ctrl+Shift+N``, ``PgDown``; macOS: its symbols),
    comma-separated."""
    return _(", ").join(key_text(key) or key for key in keys)


def in_force(keymap: KeyMap, specs: Sequence[ActionSpec]) -> dict[str, tuple[str, ...]]:
    """The keys each action of one window has now: the key map's, less its lines that
    clash in that window (those actions keep their defaults, as the window does)."""
    return {spec.name: spec.shortcuts for spec in keymap.apply(specs)[0]}


class KeyPage(QWidget):
    """One window's actions: a tree by group, the chosen action's keys below it.

    Args:
        table: The window's actions and the keys being chosen.
        changed: Called after every change (the dialog checks conflicts).
    """

    def __init__(self, table: KeyTable, changed: Callable[[], None]) -> None:
        super().__init__()
        self.table = table
        self._changed = changed
        self.bad: str | None = None
        """A typed part that names no key (the field keeps it until corrected)."""
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("Action"), _("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(_("Actions and their keys"))
        self.items: dict[str, QTreeWidgetItem] = {}
        groups: dict[str, QTreeWidgetItem] = {}
        for spec in table.specs:
            group = groups.get(spec.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [group_title(spec.group)])
                group.setFirstColumnSpanned(True)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                groups[spec.group] = group
            item = QTreeWidgetItem(group, [action_text(spec).replace("&", ""), ""])
            item.setData(0, NAME_ROLE, spec.name)
            item.setToolTip(0, action_description(spec))
            self.items[spec.name] = item
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.currentItemChanged.connect(lambda *_args: self._picked())

        self.keys = QLineEdit()
        self.keys.setPlaceholderText(_("No keys (type them, e.g. Ctrl+G, PgDown)"))
        self.keys.setAccessibleName(_("Keys of the chosen action"))
        self.keys.textEdited.connect(self._typed)
        self.record = QKeySequenceEdit()
        self.record.setMaximumSequenceLength(1)
        self.record.setToolTip(_("Press a key to add it to the chosen action"))
        self.record.editingFinished.connect(self._recorded)
        self.reset = QPushButton(_("Default"))
        self.reset.setToolTip(_("Give the chosen action its default keys"))
        self.reset.clicked.connect(self._reset)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Keys:")))
        row.addWidget(self.keys, 3)
        row.addWidget(QLabel(_("Add a key:")))
        row.addWidget(self.record, 1)
        row.addWidget(self.reset)
        column = QVBoxLayout(self)
        column.addWidget(self.tree, 1)
        column.addLayout(row)
        self.refresh()
        self._picked()

    def chosen(self) -> str | None:
        item = self.tree.currentItem()
        name = item.data(0, NAME_ROLE) if item is not None else None
        return str(name) if name else None

    def choose(self, name: str) -> None:
        self.tree.setCurrentItem(self.items[name])

    def refresh(self) -> None:
        """Show every action's keys, conflicts marked."""
        clashing = {name for names in self.table.conflicts().values() for name in names}
        for name, item in self.items.items():
            item.setText(1, native(self.table.keys[name]))
            mark = Qt.GlobalColor.red if name in clashing else None
            item.setForeground(1, mark if mark is not None else self.palette().text())
            changed = self.table.keys[name] != self.table.default(name)
            font = item.font(1)
            font.setBold(changed)
            item.setFont(1, font)

    def _picked(self) -> None:
        name = self.chosen()
        for widget in (self.keys, self.record, self.reset):
            widget.setEnabled(name is not None)
        self.keys.setText(written(self.table.keys[name]) if name else "")

    def _typed(self, text: str) -> None:
        name = self.chosen()
        if name is None:
            return
        keys, bad = parse_keys(text)
        if bad is None:
            self.table.set(name, keys)
        self._after(bad)

    def _recorded(self) -> None:
        name, sequence = self.chosen(), self.record.keySequence()
        self.record.clear()
        if name is None or sequence.isEmpty():
            return
        key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        if key and key not in self.table.keys[name]:
            self.table.set(name, (*self.table.keys[name], key))
        self.keys.setText(written(self.table.keys[name]))
        self._after(None)

    def _reset(self) -> None:
        name = self.chosen()
        if name is not None:
            self.table.reset(name)
            self.keys.setText(written(self.table.keys[name]))
            self._after(None)

    def _after(self, bad: str | None) -> None:
        self.refresh()
        self.bad = bad
        self._changed()


class KeymapDialog(QDialog):
    """The Keyboard Shortcuts dialog.

    Args:
        path: The key map file (``keys.ini``; it may not exist yet).
        keymap: The key map in force (its bindings are the keys shown first).
        pages: (title, action table) of each window, the main window's first.
    """

    def __init__(
        self,
        path: Path,
        keymap: KeyMap,
        pages: Sequence[tuple[str, Sequence[ActionSpec]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Keyboard Shortcuts"))
        self.path = path
        self.pages = [
            KeyPage(KeyTable(specs, in_force(keymap, specs)), self._check) for _t, specs in pages
        ]
        self.tabs = QTabWidget()
        for (title, _specs), page in zip(pages, self.pages, strict=True):
            self.tabs.addTab(page, title)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.setToolTip(_("Give every action of this page its default keys"))
        restore.clicked.connect(self._reset_page)
        column = QVBoxLayout(self)
        note = QLabel(
            _("Saved in {file}. The presenter takes new keys when it next starts.").format(
                file=path
            )
        )
        note.setWordWrap(True)
        column.addWidget(note)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.status)
        column.addWidget(self.buttons)
        self.resize(760, 620)
        self._check()

    def problems(self) -> list[str]:
        """What stops a save: keys that name no key, keys two actions share."""
        found: list[str] = []
        for index, page in enumerate(self.pages):
            title = self.tabs.tabText(index)
            if page.bad is not None:
                found.append(
                    _(
                        "{page}: “{text}” is no key name; write one like Ctrl+G, PgDown or F5"
                    ).format(page=title, text=page.bad)
                )
            for key, names in page.table.conflicts().items():
                actions = _(", ").join(
                    action_text(page.table.spec(name)).replace("&", "") for name in names
                )
                found.append(
                    _("{page}: {key} is the key of {actions}; give one of them another key").format(
                        page=title, key=native((key,)), actions=actions
                    )
                )
        return found

    def _check(self) -> None:
        problems = self.problems()
        self.status.setText("\n".join(problems))
        self.status.setStyleSheet("color: #b00020;" if problems else "")
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not problems)

    def _reset_page(self) -> None:
        page = self.pages[self.tabs.currentIndex()]
        page.table.reset()
        page._picked()
        page._after(None)

    def changes(self) -> dict[str, tuple[str, ...] | None]:
        """Every action whose keys the user changed (None: back to its default)."""
        out: dict[str, tuple[str, ...] | None] = {}
        for page in self.pages:
            out.update(page.table.changed())
        return out

    def save(self) -> None:
        """Write the changed lines into the key map, atomically, and close."""
        if self.problems():
            return
        changes = self.changes()
        if changes:
            try:
                text = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
            except OSError as exc:
                self.status.setText(self._refused(_("Cannot read {file}: {reason}."), exc))
                return
            except UnicodeDecodeError:
                self.status.setText(
                    _("{file} is not UTF-8 text; fix or remove it, then save again.").format(
                        file=self.path
                    )
                )
                return
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                write_text(self.path, edit_keymap_text(text, changes))
            except OSError as exc:
                self.status.setText(self._refused(_("Cannot write {file}: {reason}."), exc))
                return
        self.accept()

    def _refused(self, message: str, error: OSError) -> str:
        """*message* about the key map file, with the system's reason and what to do."""
        what = message.format(file=self.path, reason=os_reason(error))
        return _(
            "{message} Nothing was changed; fix the file or its folder, then save again."
        ).format(message=what)


def edit_keys(parent: QWidget, registry: ActionRegistry) -> bool:
    """Show the dialog over *parent*; on Save, *registry*'s actions take the new keys.

    Returns whether the key map was saved.
    """
    from desktop.ui.presenter.actions import PRESENTER_ACTIONS

    keymap = user_keymap()
    dialog = KeymapDialog(
        keymap_file(),
        keymap,
        [(_("Main window"), registry.defaults()), (_("Presenter"), PRESENTER_ACTIONS)],
        parent,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    user_keymap.cache_clear()
    registry.apply_keymap(user_keymap())
    return True
