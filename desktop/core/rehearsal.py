"""Rehearsal timings: what a run-through spent per slide and section, kept per deck. No Qt.

Files live in the app's data folder (``data_dir() / "rehearsals"``), never in the deck folder,
one JSON file per deck named by :func:`deck_key`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.core.atomic import write_text
from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.paths import data_dir
from desktop.core.timing import PaceTracker

log = logging.getLogger(__name__)

FORMAT_VERSION: Final = 1


@dataclass(frozen=True)
class Rehearsal:
    """One recorded run-through of a deck.

    Attributes:
        deck_key: :func:`deck_key` of the deck it was recorded for.
        recorded_at: When it was saved, ISO 8601 with a UTC offset.
        slide_seconds: Seconds spent per slide id.
        section_seconds: Seconds spent per section id.
        total: Seconds of talk time (pauses excluded).
    """

    deck_key: str
    recorded_at: str
    slide_seconds: dict[str, float]
    section_seconds: dict[str, float]
    total: float


class InvalidRehearsal(ValueError):
    """A rehearsal file's content is not a rehearsal (internal; load returns None)."""


def deck_key(deck: Deck) -> str:
    """A stable key for *deck*: its resolved folder and title, hashed (16 hex digits)."""
    text = f"{deck.root.resolve()}\0{deck.title}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def rehearsal_path(deck: Deck) -> Path:
    """Where *deck*'s rehearsal is kept, under the app's data folder."""
    return data_dir() / "rehearsals" / f"{deck_key(deck)}.json"


def save_rehearsal(
    deck: Deck, tracker: PaceTracker, recorded_at: dt.datetime | None = None
) -> Path:
    """Write the time *tracker* recorded on *deck* atomically; return the file's path.

    Args:
        deck: The deck rehearsed.
        tracker: The tracker that timed it (its time so far, the visit in progress included).
        recorded_at: The save time; now (UTC) by default.

    Raises:
        ValueError: *tracker* timed a different deck.
        OSError: the file could not be written.
    """
    if tracker.deck != deck:
        raise ValueError("the tracker timed a different deck")
    when = recorded_at if recorded_at is not None else dt.datetime.now(dt.UTC)
    slides: dict[str, float] = {}
    for ref in deck.refs:
        slides[ref.slide.id] = slides.get(ref.slide.id, 0.0) + tracker.spent_slide(ref.index)
    sections: dict[str, float] = {}
    for index, section in enumerate(deck.sections):
        sections[section.id] = sections.get(section.id, 0.0) + tracker.spent_section(index)
    payload = {
        "version": FORMAT_VERSION,
        "deck_key": deck_key(deck),
        "deck_title": deck.title,
        "recorded_at": when.isoformat(),
        "total": tracker.timer.elapsed,
        "section_seconds": sections,
        "slide_seconds": slides,
    }
    path = rehearsal_path(deck)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return path


def load_rehearsal(deck: Deck) -> Rehearsal | None:
    """*deck*'s saved rehearsal; None when there is none or it cannot be read (logged)."""
    path = rehearsal_path(deck)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        log.warning("cannot read rehearsal %s: %s", path, error)
        return None
    try:
        data = json.loads(text)
    # ValueError covers JSONDecodeError and integers too long to convert; RecursionError,
    # absurdly deep nesting.
    except (ValueError, RecursionError) as error:
        log.warning("rehearsal %s is not valid JSON (%s); ignoring it", path, error)
        return None
    try:
        rehearsal = _parse(data)
    except InvalidRehearsal as error:
        log.warning("rehearsal %s is invalid (%s); ignoring it", path, error)
        return None
    if rehearsal.deck_key != deck_key(deck):
        log.warning("rehearsal %s belongs to another deck; ignoring it", path)
        return None
    return rehearsal


def breakdown(deck: Deck, rehearsal: Rehearsal) -> list[tuple[str, int | None, float]]:
    """Rows of (section title, planned seconds, rehearsed seconds), in deck order.

    Sections the rehearsal does not know (added since) show 0 rehearsed seconds.
    """
    return [
        (plain(section.title), section.duration, rehearsal.section_seconds.get(section.id, 0.0))
        for section in deck.sections
    ]


def _parse(data: object) -> Rehearsal:
    if not isinstance(data, dict):
        raise InvalidRehearsal("not a JSON object")
    version = data.get("version")
    if version != FORMAT_VERSION:
        raise InvalidRehearsal(f"unknown version {version!r}")
    key = data.get("deck_key")
    recorded_at = data.get("recorded_at")
    if not isinstance(key, str) or not isinstance(recorded_at, str):
        raise InvalidRehearsal("`deck_key` and `recorded_at` must be strings")
    try:
        dt.datetime.fromisoformat(recorded_at)
    except ValueError as error:
        raise InvalidRehearsal(f"`recorded_at` is not an ISO time: {recorded_at!r}") from error
    return Rehearsal(
        deck_key=key,
        recorded_at=recorded_at,
        slide_seconds=_seconds_map(data.get("slide_seconds"), "slide_seconds"),
        section_seconds=_seconds_map(data.get("section_seconds"), "section_seconds"),
        total=_seconds(data.get("total"), "total"),
    )


def _seconds_map(value: object, field: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise InvalidRehearsal(f"`{field}` must be an object")
    result: dict[str, float] = {}
    for key, seconds in value.items():
        if not isinstance(key, str):
            raise InvalidRehearsal(f"`{field}` has a non-string key")
        result[key] = _seconds(seconds, f"{field}.{key}")
    return result


def _seconds(value: object, field: str) -> float:
    # bool is an int subclass; true/false is not a number of seconds.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidRehearsal(f"`{field}` must be a number")
    try:
        seconds = float(value)
    except OverflowError as error:  # an integer too large for a float
        raise InvalidRehearsal(f"`{field}` is out of range") from error
    if not math.isfinite(seconds) or seconds < 0:
        raise InvalidRehearsal(f"`{field}` must be a finite, non-negative number")
    return seconds
