"""Where a deck's files are: the deck folder, paths written in it, and its section files.

:func:`resolve_deck_path` accepts a deck folder or its ``deck.yaml`` before anything is read;
:class:`DeckPaths` resolves each path a deck names (it must stay inside the deck folder) and
finds the section files, listed in ``sections`` or in the default order.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from desktop.core import format as fmt
from desktop.core.i18n import N_, _
from desktop.core.loader_base import DECK_FILE, LoaderBase, get_node, list_items, place
from desktop.core.os_reasons import os_reason
from desktop.core.problems import Location, Problem
from desktop.core.schema import scalar_text
from desktop.core.yaml_nodes import Node, shorten

_URL: Final = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")

_SPECIAL: Final = {
    stat.S_IFCHR: N_("{name} (a device) is not a deck; open the deck folder or its deck.yaml"),
    stat.S_IFBLK: N_("{name} (a device) is not a deck; open the deck folder or its deck.yaml"),
    stat.S_IFIFO: N_("{name} (a named pipe) is not a deck; open the deck folder or its deck.yaml"),
    stat.S_IFSOCK: N_("{name} (a socket) is not a deck; open the deck folder or its deck.yaml"),
}
"""The problem of a special file opened as a deck, by its type."""
_SPECIAL_FILE: Final = N_(
    "{name} (a special file) is not a deck; open the deck folder or its deck.yaml"
)


def resolve_deck_path(path: Path) -> tuple[Path | None, Problem | None]:
    """Accept a deck folder or its ``deck.yaml``; return the folder.

    The folder may itself be a link (the folder the user opened is the deck), but its
    ``deck.yaml`` must be a file inside it: a link to a file elsewhere is refused before a
    byte of it is read, as a section file's is. Nothing is opened here: a device or a named
    pipe (``check /dev/null``) is refused by its type, so it cannot block.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = 0
    except (OSError, ValueError) as exc:  # too long a name, a link loop, a NUL character
        return None, Problem(Location(path), _("cannot open: {reason}").format(reason=_why(exc)))
    linked_deck_file = path.is_symlink() and path.name == DECK_FILE  # the loader refuses it
    if mode and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or linked_deck_file):
        message = _SPECIAL.get(stat.S_IFMT(mode), _SPECIAL_FILE)
        return None, Problem(Location(path), _(message).format(name=path.name or path))
    if path.is_file() or linked_deck_file:
        if path.name != DECK_FILE:
            return None, Problem(
                Location(path),
                _("{name} is not a deck; open the deck folder or its deck.yaml").format(
                    name=path.name
                ),
            )
        return _outside(path.parent)
    if path.is_dir():
        folder, problem = _outside(path)
        if folder is None:
            return None, problem
        if (path / DECK_FILE).is_dir():
            return None, Problem(
                Location(path / DECK_FILE),
                _("deck.yaml is a folder here; a deck needs a deck.yaml file"),
            )
        if not (path / DECK_FILE).is_file():
            return None, Problem(
                Location(path / DECK_FILE),
                _(
                    "this folder has no deck.yaml; a deck folder needs one"
                    " (see docs/deck-format.md)"
                ),
            )
        return path, None
    return None, Problem(Location(path), _("no such file or folder"))


def _outside(folder: Path) -> tuple[Path | None, Problem | None]:
    """*folder*, or a problem when its deck.yaml is a link that leads out of it."""
    deck_file = folder / DECK_FILE
    if not deck_file.is_symlink():
        return folder, None
    try:
        target = deck_file.resolve()
        inside = target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop (Python < 3.13)
        return None, Problem(
            Location(deck_file),
            _("cannot open {file}: {reason}").format(file=DECK_FILE, reason=_why(exc)),
        )
    if not inside:
        return None, Problem(
            Location(deck_file),
            _("{file} links to a file outside the deck folder; copy the file into the deck").format(
                file=DECK_FILE
            ),
        )
    return folder, None


class DeckPaths(LoaderBase):
    """Paths written in a deck, resolved inside its folder, and its section files in order."""

    def inside(self, relative: str, where: Location, field: str) -> Path | None:
        """Resolve a path written in the deck; it must stay inside the deck folder."""
        if _URL.match(relative):
            self.error(
                where,
                _("`{field}` is a URL; only files inside the deck folder").format(field=field),
                field,
            )
            return None
        if "\x00" in relative:
            self.error(where, _("`{field}` contains a NUL character").format(field=field), field)
            return None
        if Path(relative).is_absolute():
            self.error(
                where,
                _("`{field}` is an absolute path; write it relative to the deck folder").format(
                    field=field
                ),
                field,
            )
            return None
        target = self._resolve(self.root / relative, where, field, relative)
        if target is None:
            return None
        if not target.is_relative_to(self.root):
            self.error(
                where,
                _("`{field}` points outside the deck folder: {path}").format(
                    field=field, path=shorten(relative)
                ),
                field,
            )
            return None
        try:
            target.stat()
        except (FileNotFoundError, NotADirectoryError):
            pass  # missing: the caller says so
        except OSError as exc:
            self._unopened(where, field, exc, relative)
            return None
        return target

    def _resolve(self, path: Path, where: Location, field: str, written: str) -> Path | None:
        try:
            return path.resolve()
        except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop (Python < 3.13)
            self._unopened(where, field, exc, written)
            return None

    def _unopened(self, where: Location, field: str, exc: BaseException, written: str) -> None:
        self.error(
            where,
            _("`{field}` cannot be opened ({reason}): {path}").format(
                field=field, reason=_why(exc), path=shorten(written)
            ),
            field,
        )

    def section_files(self, node: Node) -> Iterator[tuple[Path, Location | None]]:
        """The section files in deck order, each with the `sections` item naming it (None
        when found by the default order)."""
        listed = get_node(node, "sections")
        if listed is None:
            yield from self.found_sections(node)
            return
        seen: dict[Path, Location] = {}
        for item in list_items(listed)[: fmt.MAX_SECTIONS]:
            name = scalar_text(item)
            if name is None:
                continue
            target = self.inside(name, item.location, "sections")
            if target is None:
                continue
            if target == self.deck_file:
                self.error(
                    item.location, _("`sections` lists deck.yaml itself; list section files")
                )
                continue
            name = shorten(name)
            if target in seen:
                self.error(
                    item.location,
                    _("`sections` lists {name} twice (first at {place})").format(
                        name=name, place=place(seen[target])
                    ),
                    "sections",
                )
                continue
            seen[target] = item.location
            if target.suffix not in (".yaml", ".yml"):
                self.error(
                    item.location,
                    _("section file {name} must be a .yaml file").format(name=name),
                    "sections",
                )
                continue
            if target.is_dir():
                self.error(
                    item.location,
                    _("section file {name} is a folder, not a file").format(name=name),
                    "sections",
                )
                continue
            if not target.exists():
                self.files.append(target)
                message = (
                    _("section file {name} does not exist; files here: {files}")
                    if self.nearby()
                    else _("section file {name} does not exist")
                )
                self.error(
                    item.location, message.format(name=name, files=self.nearby()), "sections"
                )
                continue
            yield target, item.location

    def nearby(self) -> str:
        """The section files in the deck folder, for a hint (listed once per load)."""
        if self._nearby is None:
            listing = _listing(self.root)
            names = [p.name for p in listing if p.name != DECK_FILE] if listing else []
            self._nearby = shorten(_(", ").join(names), 200)
        return self._nearby

    def found_sections(self, node: Node) -> Iterator[tuple[Path, Location | None]]:
        """The default order: see :func:`_discoverable` and docs/deck-format.md, section 1."""
        try:
            theme: Path | None = (self.root / self.text(node, "theme", "default")).resolve()
        except (OSError, RuntimeError, ValueError):  # a link loop, a NUL: check_theme says so
            theme = None
        listing = _listing(self.root)
        if listing is None:
            self.error(
                Location(self.root / DECK_FILE, 1, 1),
                _("cannot list the deck folder to find its section files; list them in `sections`"),
                "sections",
            )
            return
        found_count = 0
        for path in listing:
            if path.name == DECK_FILE:
                continue
            # Found, not written: a link in the folder must still stay inside it.
            try:
                found = path.resolve()
            except (OSError, RuntimeError) as exc:  # a link loop
                self.error(
                    Location(path),
                    _("cannot open {file}: {reason}").format(
                        file=shorten(path.name), reason=_why(exc)
                    ),
                )
                continue
            if not found.is_relative_to(self.root):
                self.error(
                    Location(path),
                    _(
                        "{file} links to a file outside the deck folder; copy the file into the"
                        " deck"
                    ).format(file=shorten(path.name)),
                )
                continue
            if found in (self.deck_file, theme):
                continue
            found_count += 1
            if found_count > fmt.MAX_SECTIONS:
                self.error(
                    Location(self.root / DECK_FILE, 1, 1),
                    _(
                        "the deck folder holds more than {limit} section files (limit {limit});"
                        " split the deck"
                    ).format(limit=f"{fmt.MAX_SECTIONS:,}"),
                    "sections",
                )
                return
            yield path, None


def _listing(folder: Path) -> list[Path] | None:
    """The files of *folder* that :func:`_discoverable` takes, sorted; None if it cannot be
    listed (no read permission)."""
    try:
        return sorted(path for path in folder.iterdir() if _discoverable(path.name))
    except OSError:
        return None


def _discoverable(name: str) -> bool:
    """Whether a file named *name*, directly in the deck folder, is read as a section when
    deck.yaml has no `sections`: a lower-case ``.yaml`` or ``.yml`` extension, and no dot at
    the start (editors' and systems' hidden files: ``.#a.yaml``, ``._a.yaml``)."""
    return name.endswith((".yaml", ".yml")) and not name.startswith(".")


def _why(exc: BaseException) -> str:
    """Why a path could not be opened, in the interface language."""
    if isinstance(exc, ValueError):
        return _("the name has a NUL character")
    return os_reason(exc)  # a RuntimeError: pathlib's "Symlink loop" before Python 3.13
