"""Slide ranges as people type them: ``1-5,8,12-`` (1-based, inclusive)."""

from __future__ import annotations

import re

from desktop.core.i18n import _
from desktop.core.problems import UserError

_PART = re.compile(r"^\s*(\d*)\s*(-?)\s*(\d*)\s*$")


def parse_range(text: str, count: int, label: str = "--slides") -> list[int]:
    """Zero-based slide indexes named by *text*, in order, without repeats.

    Args:
        text: What was typed: numbers and ranges, comma-separated.
        count: How many slides the deck has.
        label: What the messages start with (the flag; ``""`` for none, as the Export dialog
            shows them under its field).

    Raises:
        UserError: the text is not a range or names slides outside 1..count.
    """

    def error(message: str, part: str) -> UserError:
        text = message.format(part=part.strip(), count=count)
        return UserError(f"{label}: {text}" if label else text)

    chosen: list[int] = []
    for part in text.split(","):
        match = _PART.match(part)
        if match is None or not part.strip() or (not match[1] and not match[3]):
            raise error(_("{part!r} is not a slide number or range (e.g. 1-5,8,12-)"), part)
        start = int(match[1]) if match[1] else 1
        end = (int(match[3]) if match[3] else count) if match[2] else start
        if not 1 <= start <= count or not 1 <= end <= count:
            raise error(_("{part} is outside 1-{count}"), part)
        if end < start:
            raise error(_("{part} runs backwards"), part)
        for number in range(start, end + 1):
            if number - 1 not in chosen:
                chosen.append(number - 1)
    return chosen
