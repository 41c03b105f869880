"""The terminal: output that never fails on a character the locale cannot encode.

Under ``LC_ALL=C`` (without Python's UTF-8 mode) stdout is ASCII and a Chinese slide title in
a message would raise ``UnicodeEncodeError``. :func:`configure_streams` makes stdout and stderr
write such characters as ``\\uXXXX`` escapes, and file names that came from the command line
as the bytes they were typed in (Python keeps undecodable bytes as lone surrogates).
"""

from __future__ import annotations

import codecs
import io
import sys
from typing import Final

ERRORS: Final = "tianjin-briefing-escape"


def _escape(error: UnicodeError) -> tuple[str | bytes, int]:
    """Encoding error handler: lone surrogates back to their bytes, the rest ``\\uXXXX``."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    if all(0xDC80 <= ord(char) <= 0xDCFF for char in text):
        return bytes(ord(char) - 0xDC00 for char in text), error.end
    escaped = text.encode("ascii", "backslashreplace").decode("ascii")
    return escaped, error.end


def configure_streams() -> None:
    """Make ``sys.stdout`` and ``sys.stderr`` write any text (idempotent)."""
    try:
        codecs.lookup_error(ERRORS)
    except LookupError:
        codecs.register_error(ERRORS, _escape)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors != ERRORS:
            try:
                stream.reconfigure(errors=ERRORS)
            except (ValueError, OSError):  # closed, or not reconfigurable: leave it
                continue
