"""Write files atomically: a temporary file beside the target, then a rename.

The temporary file is named ``.<target name>.<host>.pid<PID>.<random>.part``. A writer
killed before the rename (SIGKILL, power cut) leaves it behind; the next write to the same
target removes such leftovers, but only this machine's and only when their process is gone,
so two exports to one target never delete each other's files.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)


def host_tag() -> str:
    """This machine's name as it appears in temporary file names."""
    name = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return re.sub(r"[^A-Za-z0-9-]", "", name)[:40] or "host"


def _prefix(target: Path) -> str:
    return f".{target.name}.{host_tag()}.pid{os.getpid()}."


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


def remove_stale_parts(target: Path) -> list[Path]:
    """Remove temporary files that killed writers left beside *target*; return them."""
    head = f".{target.name}.{host_tag()}.pid"
    removed: list[Path] = []
    try:
        entries = [entry for entry in target.parent.iterdir() if entry.name.startswith(head)]
    except OSError:
        return removed
    for entry in entries:
        pid, dot, rest = entry.name[len(head) :].partition(".")
        if not (pid.isdigit() and dot and ".part" in rest) or _running(int(pid)):
            continue
        try:
            entry.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:  # a folder of that name, or no permission: leave it
            log.warning("could not remove %s: %s", entry, exc)
            continue
        log.info("removed %s, left by an interrupted write", entry)
        removed.append(entry)
    return removed


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside *target*; on success move it into place.

    On any exception the temporary file is removed and *target* is untouched.
    """
    folder = target.parent
    remove_stale_parts(target)
    handle, name = tempfile.mkstemp(prefix=_prefix(target), suffix=".part", dir=folder)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        with temp.open("rb+") as stream:
            os.fsync(stream.fileno())
        if target.exists():
            temp.chmod(target.stat().st_mode & 0o777)
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
