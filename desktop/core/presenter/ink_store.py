"""Keeping the presenter's ink: the deck's per-user state, never the deck folder. Plain Python.

A deck's ink is one JSON file in the app's data folder (``data_dir() / "ink"``, named by
:func:`deck_key`), written atomically (:mod:`desktop.core.atomic`). Each
slide's strokes are kept under the slide's key (:func:`slide_key`) with its position in the
deck, so ink finds its slide again after a reload or a restart; a slide whose id changed gets
the ink saved at its position when no other slide claims it (:func:`matched`).

The file is read with bounds (:data:`MAX_STROKES`, :data:`MAX_POINTS`); a file that cannot be
read, or is not ink, is set aside as empty ink with a sentence saying why, never an exception.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.core.atomic import write_text
from desktop.core.model import Deck, SlideRef
from desktop.core.paths import data_dir
from desktop.core.presenter.ink import KINDS, InkBook, InkPoint, Kind, Stroke

log = logging.getLogger(__name__)

FORMAT_VERSION: Final = 1
MAX_STROKES: Final = 20_000
"""Strokes read from one file at most (the rest are left out, with a warning)."""
MAX_POINTS: Final = 2_000_000
"""Points read from one file at most, all strokes together."""
MAX_BYTES: Final = 64 * 1024 * 1024
"""A larger file is not read at all."""


def slide_key(ref: SlideRef) -> str:
    """The key a slide's ink is kept under: its id, and its part for a slide split in parts."""
    slide = ref.slide
    return slide.id if slide.parts <= 1 else f"{slide.id}#{slide.part + 1}"


def deck_keys(deck: Deck) -> list[str]:
    """Every slide's key (:func:`slide_key`), in deck order."""
    return [slide_key(ref) for ref in deck.refs]


def deck_key(deck: Deck) -> str:
    """The key of *deck*'s ink: its resolved folder, hashed (16 hex digits). Not its title,
    so the deck shown in another language (:mod:`desktop.core.languages`) keeps its ink."""
    return hashlib.sha256(str(deck.root.resolve()).encode("utf-8")).hexdigest()[:16]


def ink_path(deck: Deck) -> Path:
    """Where *deck*'s ink is kept, under the app's data folder."""
    return data_dir() / "ink" / f"{deck_key(deck)}.json"


def matched(saved: Sequence[tuple[str, int]], keys: Sequence[str]) -> dict[str, str]:
    """Which slide each saved slide's ink goes to: ``saved`` key → key now.

    Args:
        saved: Each slide with ink as saved (or before a reload): its key and its index.
        keys: The deck's slide keys now, in order.

    A key still in the deck keeps its ink. A key that is gone gives its ink to the slide now
    at its old index, when that slide's own key was not saved (it is a renamed slide, not an
    old one that moved) and no other ink claims it; else the ink is left out.
    """
    now = set(keys)
    old = {key for key, _ in saved}
    result: dict[str, str] = {key: key for key, _ in saved if key in now}
    taken = set(result.values())
    for key, index in saved:
        if key in now or not 0 <= index < len(keys):
            continue
        target = keys[index]
        if target not in old and target not in taken:
            result[key] = target
            taken.add(target)
    return result


def save_ink(deck: Deck, book: InkBook) -> Path:
    """Write *book* as *deck*'s ink, atomically; return the file's path.

    Raises:
        OSError: the file could not be written.
    """
    keys = deck_keys(deck)
    index = {key: position for position, key in reversed(list(enumerate(keys)))}
    slides = [
        {
            "key": key,
            "index": index.get(key, -1),
            "strokes": [
                {
                    "kind": s.kind,
                    "colour": s.colour,
                    "width": s.width,
                    "points": [[round(v, 2) for v in p] for p in s.points],
                }
                for s in strokes
            ],
        }
        for key, strokes in book.slides().items()
    ]
    payload = {"version": FORMAT_VERSION, "deck_key": deck_key(deck), "slides": slides}
    path = ink_path(deck)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, json.dumps(payload, separators=(",", ":"), ensure_ascii=False) + "\n")
    return path


def clear_saved_ink(deck: Deck) -> bool:
    """Delete *deck*'s saved ink; False when there was none."""
    try:
        ink_path(deck).unlink()
    except FileNotFoundError:
        return False
    return True


@dataclass(frozen=True)
class LoadedInk:
    """What :func:`load_ink` read: the ink, and a sentence when some or all was set aside."""

    book: InkBook
    problem: str = ""


def load_ink(deck: Deck) -> LoadedInk:
    """*deck*'s saved ink, matched to its slides now (see :func:`matched`)."""
    path = ink_path(deck)
    try:
        if path.stat().st_size > MAX_BYTES:
            return _refused(path, f"it is larger than {MAX_BYTES // (1024 * 1024)} MB")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedInk(InkBook())
    except (OSError, UnicodeDecodeError) as error:
        return _refused(path, f"it cannot be read ({error})")
    try:
        data = json.loads(text)
    # ValueError covers JSONDecodeError and integers too long to convert; RecursionError,
    # absurdly deep nesting.
    except (ValueError, RecursionError) as error:
        return _refused(path, f"it is not valid JSON ({error})")
    try:
        saved, cut = _parse(data)
    except _NotInk as error:
        return _refused(path, str(error))
    if data.get("deck_key") != deck_key(deck):
        return _refused(path, "it belongs to another deck")
    keys = deck_keys(deck)
    moves = matched([(key, index) for key, index, _ in saved], keys)
    book = InkBook({moves[key]: strokes for key, _, strokes in saved if key in moves})
    problem = f"{path}: warning: only the first {cut} of its strokes were read" if cut else ""
    if problem:
        log.warning(problem)
    return LoadedInk(book, problem)


class _NotInk(ValueError):
    """An ink file's content is not ink (internal; :func:`load_ink` reports it)."""


def _refused(path: Path, why: str) -> LoadedInk:
    problem = f"{path}: warning: the saved ink is set aside because {why}; drawing starts afresh"
    log.warning(problem)
    return LoadedInk(InkBook(), problem)


def _parse(data: object) -> tuple[list[tuple[str, int, list[Stroke]]], int]:
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise _NotInk(f"it is not ink of version {FORMAT_VERSION}")
    slides = data.get("slides")
    if not isinstance(slides, list):
        raise _NotInk("`slides` is not a list")
    result: list[tuple[str, int, list[Stroke]]] = []
    strokes_left, points_left = MAX_STROKES, MAX_POINTS
    for entry in slides:
        if not isinstance(entry, Mapping):
            raise _NotInk("a slide's entry is not an object")
        key, index, raw = entry.get("key"), entry.get("index"), entry.get("strokes")
        if not isinstance(key, str) or type(index) is not int or not isinstance(raw, list):
            raise _NotInk("a slide's entry needs `key`, `index` and `strokes`")
        strokes: list[Stroke] = []
        for item in raw:
            if strokes_left == 0 or points_left <= 0:
                break
            stroke = _stroke(item)
            strokes_left -= 1
            points_left -= len(stroke.points)
            strokes.append(stroke)
        result.append((key, index, strokes))
    cut = MAX_STROKES - strokes_left if strokes_left == 0 or points_left <= 0 else 0
    return result, cut


def _stroke(item: object) -> Stroke:
    if not isinstance(item, Mapping):
        raise _NotInk("a stroke is not an object")
    kind, colour, points = item.get("kind"), item.get("colour"), item.get("points")
    if kind not in KINDS or not isinstance(colour, str) or not _colour(colour):
        raise _NotInk("a stroke's `kind` or `colour` is not one of a pen or highlighter")
    width = _number(item.get("width"))
    if not 0 < width <= 500 or not isinstance(points, list):
        raise _NotInk("a stroke's `width` or `points` is wrong")
    read: list[InkPoint] = []
    for point in points[:MAX_POINTS]:
        if not (isinstance(point, list) and len(point) == 3):
            raise _NotInk("a stroke's point is not [x, y, pressure]")
        x, y, pressure = (_number(value) for value in point)
        read.append((x, y, min(1.0, max(0.0, pressure))))
    shape: Kind = "pen" if kind == "pen" else "highlighter"
    return Stroke(shape, colour, width, tuple(read))


def _number(value: object) -> float:
    """*value* as a float: a finite JSON number of sensible size, else :class:`_NotInk`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _NotInk(f"{value!r} is not a number")
    if isinstance(value, int) and abs(value) >= 10**6:
        raise _NotInk(f"{value} is out of range")
    number = float(value)
    if not math.isfinite(number) or abs(number) >= 1e6:
        raise _NotInk(f"{value!r} is out of range")
    return number


def _colour(text: str) -> bool:
    return (
        len(text) == 7 and text[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in text[1:])
    )
