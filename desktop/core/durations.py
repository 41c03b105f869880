"""Durations as a deck writes them (``90s``, ``2m``, ``1m30s``, ``1h15m``) and in seconds. No Qt.

:mod:`desktop.core.model` re-exports them, where the rest of the app finds them.
"""

from __future__ import annotations

import re
from typing import Final

from desktop.core.i18n import _

DURATION_PATTERN: Final = r"(?=[0-9])(?:[0-9]+h)?(?:[0-9]+m)?(?:[0-9]+s)?"
"""A duration as written: ASCII digits (``[0-9]``, not ``\\d``, which takes ``٣`` and ``３``)
and the units h, m, s in that order. The one definition: the loader, the JSON Schema and
:func:`parse_duration` all use it."""
MAX_DURATION: Final = 24 * 3600
"""The longest duration, in seconds: a talk of more than a day is a typing mistake."""

_DURATION_PART: Final = re.compile(r"([0-9]+)([hms])")
_FACTOR: Final = {"h": 3600, "m": 60, "s": 1}


def parse_duration(text: str) -> int:
    """Seconds in a duration like ``90s``, ``2m``, ``1m30s`` or ``1h15m``, at most a day.

    Raises:
        ValueError: the text is not a duration, or is longer than :data:`MAX_DURATION`; the
            message says which, in words fit for a problem report.
    """
    if not text or not re.fullmatch(DURATION_PATTERN, text):
        raise ValueError(_("not a duration: {text!r}").format(text=text))
    seconds = 0
    for number, unit in _DURATION_PART.findall(text):
        digits = number.lstrip("0")
        # A number longer than any day's worth is over the limit; int() is never asked to
        # convert thousands of digits.
        if len(digits) > len(str(MAX_DURATION)):
            seconds = MAX_DURATION + 1
            break
        seconds += int(digits or "0") * _FACTOR[unit]
    if seconds > MAX_DURATION:
        # TRANSLATORS: said of a deck field, after its name: "`duration` is longer than a day"
        limit = format_duration(MAX_DURATION)
        raise ValueError(_("is longer than a day (at most {limit})").format(limit=limit))
    return seconds


def format_duration(seconds: int) -> str:
    """``1h15m``, ``2m30s``, ``45s``: the inverse of :func:`parse_duration`."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        f"{hours}h" if hours else "",
        f"{minutes}m" if minutes else "",
        f"{secs}s" if secs else "",
    ]
    return sign + ("".join(parts) or "0s")
