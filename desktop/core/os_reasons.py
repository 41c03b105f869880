"""The system's reason for a failed file operation, in the interface language. No Qt.

Python gives an :class:`OSError` the C library's English text (``Permission denied``), whatever
the interface language. :func:`os_reason` looks that text up in the app's catalogue, which
holds the reasons a deck, a theme or an export can meet (:data:`REASONS`, the GNU C library's
words); a reason it lacks stays as the system wrote it.
"""

from __future__ import annotations

import errno
import os
from typing import Final

from desktop.core.i18n import N_, _

REASONS: Final = (
    N_("No such file or directory"),
    N_("Permission denied"),
    N_("Operation not permitted"),
    N_("Too many levels of symbolic links"),
    N_("File name too long"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("Input/output error"),
    N_("No such device or address"),
    N_("No such device"),
    N_("Device or resource busy"),
    N_("Too many open files"),
    N_("Too many open files in system"),
    N_("Invalid argument"),
    N_("No space left on device"),
    N_("Read-only file system"),
    N_("Resource temporarily unavailable"),
    N_("File too large"),
    N_("Text file busy"),
    N_("Disk quota exceeded"),
    N_("Stale file handle"),
)
"""The reasons the catalogue translates, as the GNU C library writes them (``os.strerror``)."""


def os_reason(exc: BaseException) -> str:
    """Why *exc* (an OSError, or pathlib's link-loop RuntimeError) failed, for a message.

    A link loop is named as the system names it (pathlib raised RuntimeError for one before
    Python 3.13); any other exception gives its own text.
    """
    if isinstance(exc, RuntimeError):
        loop = os.strerror(errno.ELOOP)
        return _(loop)
    if isinstance(exc, OSError) and exc.strerror:
        return _(exc.strerror)
    return str(exc)
