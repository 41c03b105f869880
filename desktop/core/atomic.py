"""Write files atomically: a temporary file beside the target, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside *target*; on success move it into place.

    On any exception the temporary file is removed and *target* is untouched.
    """
    folder = target.parent
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
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
