"""What to watch for a deck, and cheap signatures that tell whether any of it changed. No Qt.

A file system watcher (inotify, FSEvents, ReadDirectoryChangesW) forgets a file that is deleted
or replaced by a rename (the usual "atomic save"), cannot watch what does not exist yet, and
can drop events. So a deck is watched by its files *and* the folders that hold them, up to and
including the deck folder and its parent (where a renamed or deleted deck folder shows); a
path that does not exist is watched through its nearest existing ancestor. Signatures (inode,
size, modification and change time) of the same paths tell, before and after a load or on a
periodic check, whether anything changed; :func:`run_load` takes them around a load.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from desktop.core.loader import LoadResult
from desktop.core.loader_base import DECK_FILE

Signature: TypeAlias = tuple[int, int, int, int] | None
"""``(inode, size, mtime_ns, ctime_ns)`` of a path, or None when it cannot be read."""

Signatures: TypeAlias = dict[Path, Signature]

Loader: TypeAlias = Callable[[Path], LoadResult]
"""Loads a deck: :func:`desktop.core.loader.load_deck`, or a test's slow or counting one."""

FRESH_NS = 20_000_000
"""A file modified less than this before a load started may have been written during it
(file times come from a coarse clock that runs a few milliseconds behind)."""


def watch_paths(files: Iterable[Path], root: Path) -> tuple[Path, ...]:
    """*files*, every folder between each of them and *root*, *root* and *root*'s parent.

    Folders are listed so that a deleted and recreated file is seen (its folder changes) and so
    that a deck folder renamed away and back, or deleted and restored, is seen from its parent.
    A file outside *root* adds only its own folder. Sorted, without duplicates.
    """
    paths: set[Path] = {root, root.parent}
    folders: set[Path] = {root}
    for file in files:
        paths.add(file)
        folder = file.parent
        if not inside(folder, root):
            paths.add(folder)
            continue
        while folder not in folders:  # a folder seen before has its ancestors listed
            folders.add(folder)
            folder = folder.parent
    paths |= folders
    return tuple(sorted(paths, key=str))


def inside(path: Path, root: Path) -> bool:
    """Whether *path* is *root* or lies beneath it (by name, as :meth:`Path.is_relative_to`)."""
    text, top = str(path), str(root)
    return text == top or text.startswith(top.rstrip(os.sep) + os.sep)


def signature(path: Path) -> Signature:
    """The path's ``(inode, size, mtime_ns, ctime_ns)``, following links; None when missing."""
    try:
        stat = path.stat()
    except (OSError, ValueError):
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def signatures(paths: Iterable[Path]) -> Signatures:
    return {path: signature(path) for path in paths}


def changed_during(
    before: Mapping[Path, Signature], after: Mapping[Path, Signature], started_ns: int
) -> bool:
    """Whether a load that started at *started_ns* may have read a file in mid-change.

    Args:
        before: Signatures taken just before the load (of what the previous load watched).
        after: Signatures taken just after it (of what this load watches, and of *before*'s
            paths).
        started_ns: When the load started, by ``time.time_ns()`` (the clock file times use).

    A path in both that differs changed; a path seen for the first time changed if it was
    modified after the load started (within :data:`FRESH_NS`). A path only in *before* is
    not compared.
    """
    for path, now in after.items():
        if path in before:
            if before[path] != now:
                return True
        elif now is not None and now[2] >= started_ns - FRESH_NS:
            return True
    return False


def watch_targets(paths: Iterable[Path]) -> dict[str, Signature]:
    """What a watcher can watch for *paths*, with each target's signature: each path that
    exists, else its nearest existing ancestor. Sorted, without duplicates."""
    targets: dict[str, Signature] = {}
    for path in paths:
        seen = signature(path)
        if seen is None:
            ancestor = nearest_existing(path.parent)
            if ancestor is None:
                continue
            path, seen = ancestor, signature(ancestor)
        targets[str(path)] = seen
    return dict(sorted(targets.items()))


def nearest_existing(path: Path) -> Path | None:
    """*path* if it exists, else its nearest existing ancestor (None if none can be read)."""
    for candidate in (path, *path.parents):
        try:
            if candidate.exists():
                return candidate
        except (OSError, ValueError):
            continue
    return None


# -- one load, signed before and after ----------------------------------------------------


@dataclass(frozen=True)
class LoadJob:
    """A load asked for.

    Attributes:
        generation: The request's number; a result whose number is not the newest is dropped.
        path: The deck (a folder or its deck.yaml).
        known: What the previous load of this deck signed: signed again just before this one.
    """

    generation: int
    path: Path
    known: tuple[Path, ...]


@dataclass(frozen=True)
class LoadOutcome:
    """A load done: the result, and what to watch and compare from now on.

    Attributes:
        job: The request.
        root: The deck folder (also when it is missing).
        result: The loader's result; None when it raised *error*.
        error: What the loader raised (a bug), to be raised again where it is seen.
        watched: What to watch (:func:`watch_paths`).
        recorded: The signatures, just after the load, of what is inside the deck folder.
        changed: A file changed while the loader read the deck.
    """

    job: LoadJob
    root: Path
    result: LoadResult | None
    error: Exception | None = None
    watched: tuple[Path, ...] = ()
    recorded: Signatures = field(default_factory=dict)
    changed: bool = False


def deck_root(path: Path) -> Path:
    """The deck folder *path* names (a folder, or its deck.yaml), whether or not it exists."""
    path = path.absolute()
    return path.parent if path.name == DECK_FILE or path.is_file() else path


def run_load(loader: Loader, job: LoadJob) -> LoadOutcome:
    """Load *job*'s deck with *loader* (on any thread), signing what it reads before and after.

    The deck folder's parent is watched but not signed: what else lives there is not the
    deck's business (the deck folder's own signature shows it leaving or coming back).
    """
    before = signatures(job.known)
    started = time.time_ns()
    try:
        result = loader(job.path)
    except Exception as error:  # noqa: BLE001  (re-raised on the UI thread: the crash handler)
        return LoadOutcome(job, deck_root(job.path), None, error)
    root = result.root or deck_root(job.path)
    if result.files:
        watched = watch_paths(result.files, root)
    else:  # the deck folder or its deck.yaml is missing: keep watching where it was
        watched = tuple(sorted({*job.known, *watch_paths((root / DECK_FILE,), root)}))
    signed = [path for path in watched if inside(path, root)]  # not the parent's
    after = signatures({*signed, *before})
    changed = bool(before) and changed_during(before, after, started)
    recorded = {path: after[path] for path in signed}
    return LoadOutcome(job, root, result, None, watched, recorded, changed)
