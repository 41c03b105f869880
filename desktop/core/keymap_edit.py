"""Editing the key map file: the keys each action has, conflicts, and the file rewritten. Qt-free.

The Keyboard Shortcuts dialog (``desktop/ui/keymap_dialog.py``) works on a :class:`KeyTable`:
one window's actions (the main window's, or the presenter's), the keys of each as the user is
choosing them, and the keys another action of the same window already has. Saving rewrites
``keys.ini`` with :func:`edit_keymap_text`, which changes only the lines of the actions whose
keys changed: the user's comments, blank lines and the lines of other actions stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from desktop.core.actions import ActionSpec
from desktop.core.keymap import key_sequence

_LINE: Final = re.compile(r"^\s*(?P<name>[^=#\s][^=#]*?)\s*=")

HEADER: Final = (
    "# Keyboard shortcuts of Tianjin Briefing, one action a line: `action = Key, Key`.\n"
    "# Written by the app's Keyboard Shortcuts dialog; you may edit it too (see the README).\n"
)


def written(keys: Iterable[str]) -> str:
    """Keys as a key map line writes them (``Right, PgDown``; ``,`` as ``Comma``)."""
    return ", ".join("Comma" if key == "," else key for key in keys)


def parse_keys(text: str) -> tuple[tuple[str, ...], str | None]:
    """The keys of a typed list (``Right, PgDown``), and the first part that names no key."""
    keys: list[str] = []
    for part in text.split(",") if text.strip() else []:
        key = key_sequence(part)
        if key is None:
            return tuple(keys), part.strip()
        if key not in keys:
            keys.append(key)
    return tuple(keys), None


@dataclass
class KeyTable:
    """One window's actions and the keys being chosen for them.

    Args:
        specs: The window's action table (its default keys).
        current: The keys in force now, by action (from the key map); defaults elsewhere.
    """

    specs: Sequence[ActionSpec]
    current: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    keys: dict[str, tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        self.keys = {s.name: tuple(self.current.get(s.name, s.shortcuts)) for s in self.specs}

    def spec(self, name: str) -> ActionSpec:
        """The action called *name*."""
        return next(spec for spec in self.specs if spec.name == name)

    def default(self, name: str) -> tuple[str, ...]:
        """The keys of the action table for *name*."""
        return self.spec(name).shortcuts

    def set(self, name: str, keys: Sequence[str]) -> None:
        self.keys[name] = tuple(keys)

    def reset(self, name: str | None = None) -> None:
        """Give *name* (None: every action) its default keys again."""
        for spec in self.specs:
            if name is None or spec.name == name:
                self.keys[spec.name] = spec.shortcuts

    def owners(self, key: str) -> list[str]:
        """The actions that have *key* (compared as the key map compares: case aside)."""
        lowered = key.lower()
        return [name for name, keys in self.keys.items() if lowered in (k.lower() for k in keys)]

    def conflicts(self) -> dict[str, list[str]]:
        """Each key two or more actions have, and those actions (in table order)."""
        found: dict[str, list[str]] = {}
        for keys in self.keys.values():
            for key in keys:
                who = self.owners(key)
                if len(who) > 1 and key.lower() not in {k.lower() for k in found}:
                    found[key] = who
        return found

    def changed(self) -> dict[str, tuple[str, ...] | None]:
        """What differs from what is in force: new keys by action, None for back to default."""
        out: dict[str, tuple[str, ...] | None] = {}
        for spec in self.specs:
            now = self.keys[spec.name]
            before = tuple(self.current.get(spec.name, spec.shortcuts))
            if now == before:
                continue
            out[spec.name] = None if now == spec.shortcuts else now
        return out


def edit_keymap_text(text: str, changes: Mapping[str, tuple[str, ...] | None]) -> str:
    """*text* (a key map file, "" for none) with the lines of *changes* rewritten.

    An action given keys gets its line replaced in place (or a line added at the end); an
    action given None loses its line, so it has its default keys again. Every other line is
    kept as it was.
    """
    lines = text.splitlines(keepends=True) if text else [HEADER]
    out: list[str] = []
    done: set[str] = set()
    for line in lines:
        match = _LINE.match(line)
        name = match["name"].strip() if match else ""
        if name in changes:
            if name not in done and changes[name] is not None:
                comment = line[line.index("#") :].rstrip("\n") if "#" in line else ""
                line_keys = written(changes[name] or ())
                out.append(f"{name} = {line_keys}" + (f"  {comment}" if comment else "") + "\n")
            done.add(name)
            continue
        out.append(line if line.endswith("\n") else line + "\n")
    for name, new in changes.items():
        if name not in done and new is not None:
            out.append(f"{name} = {written(new)}\n")
    return "".join(out)
