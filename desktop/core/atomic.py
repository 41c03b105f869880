"""Write files atomically: a temporary file beside the target, then a rename.

The temporary file is named ``.<target name>.<host>.pid<PID>.<random>.part`` (a long target
name is shortened there, so the temporary name always fits the file system). A writer
killed before the rename (SIGKILL, power cut) leaves it behind; the next write to the same
target removes such leftovers, but only this machine's and only when their process is gone,
so two exports to one target never delete each other's files.

A file replaced keeps its mode and, where the OS allows (root, or a group of the user's),
its owner and group.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

log = logging.getLogger(__name__)

NAME_BYTES: Final = 100
"""Target names longer than this (in bytes) are shortened in temporary names."""


def host_tag() -> str:
    """This machine's name as it appears in temporary file names."""
    name = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return re.sub(r"[^A-Za-z0-9-]", "", name)[:40] or "host"


def _name_part(target: Path) -> str:
    """The target's name as temporary names carry it: a long one cut, with a hash of it."""
    name = target.name
    if len(os.fsencode(name)) <= NAME_BYTES:
        return name
    digest = hashlib.sha1(os.fsencode(name)).hexdigest()[:10]
    cut = os.fsencode(name)[: NAME_BYTES // 2]
    return f"{os.fsdecode(cut.decode('utf-8', 'ignore').encode('utf-8'))}~{digest}"


def _head(target: Path) -> str:
    return f".{_name_part(target)}.{host_tag()}.pid"


def _prefix(target: Path) -> str:
    return f"{_head(target)}{os.getpid()}."


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":
        return True  # Windows: os.kill(pid, 0) would end the process; never guess there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: another user's process, so it is running
        return True
    return True


def remove_stale_parts(*targets: Path) -> list[Path]:
    """Remove temporary files that killed writers left beside *targets*; return them.

    Each folder is listed once, whatever the number of targets in it (an export of a
    thousand slide images would otherwise list its folder a thousand times).
    """
    heads: dict[Path, set[str]] = {}
    for target in targets:
        heads.setdefault(target.parent, set()).add(_head(target))
    marker = f".{host_tag()}.pid"
    removed: list[Path] = []
    for folder, names in heads.items():
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            # The head ends at the last marker: what follows it (pid, random, suffix) has none.
            end = entry.name.rfind(marker) + len(marker)
            if end < len(marker) or entry.name[:end] not in names:
                continue
            pid, dot, rest = entry.name[end:].partition(".")
            if not (pid.isdigit() and dot and ".part" in rest) or _running(int(pid)):
                continue
            if _remove(entry):
                removed.append(entry)
    return removed


def _remove(entry: Path) -> bool:
    try:
        entry.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:  # a folder of that name, or no permission: leave it
        log.warning("could not remove %s: %s", entry, exc)
        return False
    log.info("removed %s, left by an interrupted write", entry)
    return True


def _keep_owner(temp: Path, old: os.stat_result) -> None:
    """Give *temp* the owner and group of the file it replaces, as far as allowed."""
    if not hasattr(os, "chown"):
        return
    for uid, gid in ((old.st_uid, old.st_gid), (-1, old.st_gid)):
        try:
            os.chown(temp, uid, gid)
        except OSError:  # not root: another user's file cannot be given away
            continue
        return
    log.info("%s gets a new owner: the old one cannot be kept", temp)


@contextlib.contextmanager
def atomic_path(
    target: Path, verify: Callable[[], object] | None = None, *, clean: bool = True
) -> Iterator[Path]:
    """Yield a temporary path beside *target*; on success move it into place.

    Args:
        target: The file to write (its folder exists).
        verify: Called just before the rename; it raises to stop the write (the target may
            have changed since it was checked, a long export ago).
        clean: Remove what killed writers left beside *target* first; False when the caller
            has (:func:`remove_stale_parts` of all the files it writes, at once).

    On any exception the temporary file is removed and *target* is untouched.
    """
    folder = target.parent
    if clean:
        remove_stale_parts(target)
    handle, name = tempfile.mkstemp(prefix=_prefix(target), suffix=".part", dir=folder)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        with temp.open("rb+") as stream:
            os.fsync(stream.fileno())
        if verify is not None:
            verify()
        try:
            old: os.stat_result | None = target.stat()
        except FileNotFoundError:
            old = None
        if old is not None:
            _keep_owner(temp, old)
            temp.chmod(old.st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            temp.chmod(0o666 & ~umask)
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_bytes(target: Path, data: bytes) -> None:
    """Write *data* to *target* atomically."""
    with atomic_path(target) as temp:
        temp.write_bytes(data)


def write_text(target: Path, text: str) -> None:
    """Write UTF-8 *text* to *target* atomically."""
    write_bytes(target, text.encode("utf-8"))
