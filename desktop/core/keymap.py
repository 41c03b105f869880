"""The user's key map: shortcuts of their own over the action table's. Qt-free.

A key map is a text file, ``keys.ini`` in the config folder (:func:`desktop.core.paths.
keymap_file`), one action a line::

    # the clicker's "next" also pages the notes down; B alone blanks the projector
    next = Right, PgDown, Space
    black = B
    white = Comma          # `,` itself separates keys: write Comma

A line gives an action (its name in the action tables: ``desktop.core.actions``,
``desktop.core.presenter.actions`` and the presenter's tools) all its keys, in place of its
defaults; an empty list leaves it without keys. Key names are Qt's portable ones
(``Ctrl+Shift+T``, ``PgDown``, ``F5``, ``Esc``, a single character), case aside.

Nothing in the file can leave the app without keys: a line with an unknown action or key name,
or giving a key that another action of the same window has, is reported with its line and
column and ignored, so that action keeps its default keys.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from desktop.core.actions import ActionSpec
from desktop.core.i18n import _
from desktop.core.os_reasons import os_reason
from desktop.core.problems import Location, Problem, Severity
from desktop.core.schema import did_you_mean

MAX_BYTES: Final = 64 * 1024
"""A key map longer than this is not read (a few hundred lines is plenty)."""

MODIFIERS: Final = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Meta"}
_NAMED: Final = (
    "Esc Tab Backtab Backspace Return Enter Ins Del Pause Print SysReq Home End Left Up Right"
    " Down PgUp PgDown Space Menu Help Back Forward Stop Refresh"
)
NAMED_KEYS: Final = {
    name.lower(): name for name in [*_NAMED.split(" "), *(f"F{n}" for n in range(1, 36))]
}
"""Qt's portable names of the keys that are not one character."""
ALIASES: Final = {
    "escape": "Esc",
    "pageup": "PgUp",
    "pagedown": "PgDown",
    "delete": "Del",
    "insert": "Ins",
    "comma": ",",
    "plus": "+",
}
"""Other names people write for them (and ``Comma``, since a comma separates keys)."""


def key_sequence(text: str) -> str | None:
    """*text* as Qt's portable key name (``ctrl+pagedown`` → ``Ctrl+PgDown``), or None when
    it names no key."""
    text = text.strip()
    if text == "+" or text.endswith("++"):  # the + key itself, last
        mods, last = [p.strip() for p in text[:-2].split("+")] if text != "+" else [], "+"
    else:
        *mods, last = [part.strip() for part in text.split("+")]
    shown: list[str] = []
    for mod in mods:
        name = MODIFIERS.get(mod.lower())
        if name is None or name in shown:
            return None
        shown.append(name)
    lowered = last.lower()
    if lowered in NAMED_KEYS:
        key = NAMED_KEYS[lowered]
    elif lowered in ALIASES:
        key = ALIASES[lowered]
    elif len(last) == 1 and last.isprintable() and not last.isspace():
        key = last.upper()
    else:
        return None
    return "+".join([*shown, key])


@dataclass(frozen=True)
class Binding:
    """One line of a key map: an action and its keys, and where the line is."""

    action: str
    keys: tuple[str, ...]
    location: Location


@dataclass(frozen=True)
class KeyMap:
    """A key map as read: its good lines, by action, and what was wrong with the others."""

    bindings: Mapping[str, Binding] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def apply(self, specs: Sequence[ActionSpec]) -> tuple[tuple[ActionSpec, ...], list[Problem]]:
        """*specs* (one window's actions) with the key map's keys, and the conflicts found.

        A binding that gives a key another action of *specs* keeps is a conflict: reported
        at its line, and dropped (its action keeps its default keys) until none is left.
        """
        names = {spec.name for spec in specs}
        live = {name: b for name, b in self.bindings.items() if name in names}
        problems: list[Problem] = []
        while True:
            owners: dict[str, list[str]] = {}
            for spec in specs:
                keys = live[spec.name].keys if spec.name in live else spec.shortcuts
                for key in keys:
                    owners.setdefault(key.lower(), []).append(spec.name)
            clash = next(
                (
                    (key, who)
                    for key, who in owners.items()
                    if len(who) > 1 and set(who) & set(live)
                ),
                None,
            )
            if clash is None:
                break
            key, who = clash
            dropped = next(name for name in reversed(who) if name in live)
            # TRANSLATORS: joins the names of actions that have one key: `next`, `down`
            others = _(", ").join(f"`{name}`" for name in who if name != dropped)
            binding = live.pop(dropped)
            message = _(
                "`{key}` is already the key of {actions}; give `{action}` another key (it keeps"
                " its default keys meanwhile)"
            )
            shown = _shown_key(binding.keys, key)
            problems.append(
                Problem(
                    binding.location,
                    message.format(key=shown, actions=others, action=dropped),
                    Severity.ERROR,
                    dropped,
                )
            )
        out = tuple(
            dataclasses.replace(spec, shortcuts=live[spec.name].keys) if spec.name in live else spec
            for spec in specs
        )
        return out, problems


def _shown_key(keys: Iterable[str], lowered: str) -> str:
    return next(key for key in keys if key.lower() == lowered)


_LINE: Final = re.compile(r"^(?P<name>[^=#]*?)\s*=\s*(?P<keys>[^#]*?)\s*(?:#.*)?$")


def parse_keymap(text: str, path: Path, known: Iterable[str]) -> KeyMap:
    """Read the key map *text* (of the file *path*), for the actions named *known*."""
    names = sorted(set(known))
    bindings: dict[str, Binding] = {}
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        column = len(line) - len(line.lstrip()) + 1
        match = _LINE.match(stripped)
        if match is None or not match["name"]:
            problems.append(
                Problem(
                    Location(path, number, column),
                    _("write `action = key, key` (for example `next = Right, PgDown`)"),
                )
            )
            continue
        name = match["name"]
        where = Location(path, number, column)
        if name not in names:
            close = did_you_mean(name, names)
            message = (
                _("unknown action `{name}`; did you mean `{close}`?")
                if close
                else _("unknown action `{name}`")
            )
            problems.append(Problem(where, message.format(name=name, close=close), field=name))
            continue
        if name in bindings:
            message = _("`{name}` is given keys twice (first on line {line})")
            line_of_first = bindings[name].location.line
            problems.append(
                Problem(where, message.format(name=name, line=line_of_first), field=name)
            )
            continue
        keys, bad = _keys(match["keys"], line, number, path)
        if bad is not None:
            problems.append(bad)
            continue
        bindings[name] = Binding(name, keys, where)
    return KeyMap(bindings, tuple(problems))


def _keys(text: str, line: str, number: int, path: Path) -> tuple[tuple[str, ...], Problem | None]:
    """The keys of one line, or the first one that names no key (located in *line*)."""
    keys: list[str] = []
    start = line.index("=") + 1
    for written in text.split(",") if text else []:
        at = line.index(written, start) if written in line[start:] else start
        start = at + len(written)
        if not written.strip():
            where = Location(path, number, at + 1)
            return (), Problem(where, _("an empty key between commas (write `Comma` for `,`)"))
        key = key_sequence(written)
        if key is None:
            where = Location(path, number, at + len(written) - len(written.lstrip()) + 1)
            message = _(
                "`{key}` is no key name; write one like `Ctrl+G`, `PgDown`, `F5` or a single"
                " character"
            )
            return (), Problem(where, message.format(key=written.strip()))
        if key not in keys:
            keys.append(key)
    return tuple(keys), None


def read_keymap(path: Path, known: Iterable[str]) -> KeyMap:
    """The key map in *path* (none when the file does not exist); a file that cannot be read
    is one problem, and the defaults stay."""
    try:
        if path.stat().st_size > MAX_BYTES:
            message = _("the key map is too long")
            return KeyMap(problems=(Problem(Location(path, 1, 1), message),))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return KeyMap()
    except (OSError, UnicodeDecodeError) as exc:
        message = _("cannot read the key map: {reason}").format(reason=os_reason(exc))
        return KeyMap(problems=(Problem(Location(path, 1, 1), message),))
    return parse_keymap(text, path, known)
