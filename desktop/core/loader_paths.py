"""Where a deck's files are: the deck folder, paths written in it, and its section files.

:func:`resolve_deck_path` accepts a deck folder or its ``deck.yaml`` before anything is read;
:class:`DeckPaths` resolves each path a deck names (it must stay inside the deck folder) and
finds the section files, listed in ``sections`` or in the default order.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from desktop.core import format as fmt
from desktop.core.loader_base import DECK_FILE, LoaderBase, get_node, list_items, place
from desktop.core.problems import Location, Problem
from desktop.core.schema import scalar_text
from desktop.core.yaml_nodes import Node, shorten

_URL: Final = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")

_SPECIAL: Final = {
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
}


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
        return None, Problem(Location(path), f"cannot open: {_why(exc)}")
    linked_deck_file = path.is_symlink() and path.name == DECK_FILE  # the loader refuses it
    if mode and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or linked_deck_file):
        kind = _SPECIAL.get(stat.S_IFMT(mode), "a special file")
        return None, Problem(
            Location(path),
            f"{path.name or path} ({kind}) is not a deck; open the deck folder or its deck.yaml",
        )
    if path.is_file() or linked_deck_file:
        if path.name != DECK_FILE:
            return None, Problem(
                Location(path), f"{path.name} is not a deck; open the deck folder or its deck.yaml"
            )
        return _outside(path.parent)
    if path.is_dir():
        folder, problem = _outside(path)
        if folder is None:
            return None, problem
        if (path / DECK_FILE).is_dir():
            return None, Problem(
                Location(path / DECK_FILE),
                "deck.yaml is a folder here; a deck needs a deck.yaml file",
            )
        if not (path / DECK_FILE).is_file():
            return None, Problem(
                Location(path / DECK_FILE),
                "this folder has no deck.yaml; a deck folder needs one (see docs/deck-format.md)",
            )
        return path, None
    return None, Problem(Location(path), "no such file or folder")


def _outside(folder: Path) -> tuple[Path | None, Problem | None]:
    """*folder*, or a problem when its deck.yaml is a link that leads out of it."""
    deck_file = folder / DECK_FILE
    if not deck_file.is_symlink():
        return folder, None
    try:
        target = deck_file.resolve()
        inside = target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop (Python < 3.13)
        return None, Problem(Location(deck_file), f"cannot open {DECK_FILE}: {_why(exc)}")
    if not inside:
        return None, Problem(
            Location(deck_file),
            f"{DECK_FILE} links to a file outside the deck folder; copy the file into the deck",
        )
    return folder, None


class DeckPaths(LoaderBase):
    """Paths written in a deck, resolved inside its folder, and its section files in order."""

    def inside(self, relative: str, where: Location, field: str) -> Path | None:
        """Resolve a path written in the deck; it must stay inside the deck folder."""
        if _URL.match(relative):
            self.error(where, f"`{field}` is a URL; only files inside the deck folder", field)
            return None
        if "\x00" in relative:
            self.error(where, f"`{field}` contains a NUL character", field)
            return None
        if Path(relative).is_absolute():
            self.error(
                where, f"`{field}` is an absolute path; write it relative to the deck folder", field
            )
            return None
        target = self._resolve(self.root / relative, where, field, relative)
        if target is None:
            return None
        if not target.is_relative_to(self.root):
            self.error(
                where, f"`{field}` points outside the deck folder: {shorten(relative)}", field
            )
            return None
        try:
            target.stat()
        except (FileNotFoundError, NotADirectoryError):
            pass  # missing: the caller says so
        except OSError as exc:
            self.error(
                where, f"`{field}` cannot be opened ({_why(exc)}): {shorten(relative)}", field
            )
            return None
        return target

    def _resolve(self, path: Path, where: Location, field: str, written: str) -> Path | None:
        try:
            return path.resolve()
        except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop (Python < 3.13)
            self.error(
                where, f"`{field}` cannot be opened ({_why(exc)}): {shorten(written)}", field
            )
            return None

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
                self.error(item.location, "`sections` lists deck.yaml itself; list section files")
                continue
            name = shorten(name)
            if target in seen:
                self.error(
                    item.location,
                    f"`sections` lists {name} twice (first at {place(seen[target])})",
                    "sections",
                )
                continue
            seen[target] = item.location
            if target.suffix not in (".yaml", ".yml"):
                self.error(item.location, f"section file {name} must be a .yaml file", "sections")
                continue
            if target.is_dir():
                self.error(
                    item.location, f"section file {name} is a folder, not a file", "sections"
                )
                continue
            if not target.exists():
                self.files.append(target)
                hint = f"; files here: {self.nearby()}" if self.nearby() else ""
                self.error(item.location, f"section file {name} does not exist{hint}", "sections")
                continue
            yield target, item.location

    def nearby(self) -> str:
        """The section files in the deck folder, for a hint (listed once per load)."""
        if self._nearby is None:
            listing = _listing(self.root)
            names = [p.name for p in listing if p.name != DECK_FILE] if listing else []
            self._nearby = shorten(", ".join(names), 200)
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
                "cannot list the deck folder to find its section files; list them in `sections`",
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
                self.error(Location(path), f"cannot open {shorten(path.name)}: {_why(exc)}")
                continue
            if not found.is_relative_to(self.root):
                self.error(
                    Location(path),
                    f"{shorten(path.name)} links to a file outside the deck folder;"
                    " copy the file into the deck",
                )
                continue
            if found in (self.deck_file, theme):
                continue
            found_count += 1
            if found_count > fmt.MAX_SECTIONS:
                self.error(
                    Location(self.root / DECK_FILE, 1, 1),
                    f"the deck folder holds more than {fmt.MAX_SECTIONS:,} section files"
                    f" (limit {fmt.MAX_SECTIONS:,}); split the deck",
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
    if isinstance(exc, RuntimeError):  # pathlib's "Symlink loop" before Python 3.13
        return os.strerror(errno.ELOOP)
    if isinstance(exc, ValueError):
        return "the name has a NUL character"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
