"""Decode the images slides show: once, from checked bytes, at a bounded size.

Every picture the renderer draws (slide images, theme logos) comes from :func:`decode`:

* the file is read once and checked again by :func:`desktop.core.images.inspect` (so what
  Qt decodes is exactly what passed the checks, even if the file changed since loading):
  an SVG that reaches outside itself or costs too much never reaches Qt;
* an SVG whose drawing time the estimate cannot vouch for is measured first, in a separate
  process with a deadline (:mod:`desktop.render.probe`); one that takes too long is not
  drawn;
* Qt decodes from those bytes in memory (an SVG has no base folder to resolve anything in);
* a PNG or JPEG is decoded at most :data:`DRAW_MAX_SIDE` pixels a side (JPEG decodes
  scaled; a larger PNG is decoded whole, then scaled), with Qt's allocation limit raised
  on purpose to what an image at the deck format's limits needs, so an image at the
  documented maximum draws;
* what Qt or libpng say meanwhile goes to the log, never to the terminal.

The result, or the sentence saying why the image cannot be drawn, is cached by path, size,
modification time, the box it is drawn in and the interface language. ``check`` reports that
sentence at the image's line (:mod:`desktop.render.checks`), and the slide shows a placeholder
saying it (:class:`desktop.render.items.Picture`).
"""

from __future__ import annotations

import logging
import math
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from desktop.core.i18n import _, ui_language
from desktop.core.images import (
    EXTENSIONS,
    MAX_IMAGE_BYTES,
    MAX_PIXELS,
    ImageInfo,
    cannot_draw,
    inspect,
)
from desktop.core.os_reasons import os_reason
from desktop.core.svg_cost import SLIDE_BOX
from desktop.logsetup import stderr_to_log

if TYPE_CHECKING:  # Qt's SVG module is loaded with the first SVG (an export without one: 18 ms)
    from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

DRAW_MAX_SIDE: Final = 4096
"""Decoded images are at most this many pixels a side (a 4K screen, or 300 dpi on A4)."""
ALLOCATION_LIMIT_MB: Final = math.ceil(MAX_PIXELS * 8 / (1024 * 1024)) + 16
"""Qt's decoding allocation limit (default 256 MB), raised so a 40-megapixel PNG of 16 bits
per channel (8 bytes a pixel, 305 MB) decodes."""
CACHE_BYTES: Final = 512 * 1024 * 1024
CACHE_COUNT: Final = 64


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded image: pixels, or checked SVG bytes, or why it cannot be drawn."""

    image: QImage | None = None
    svg: QSvgRenderer | None = None
    problem: str | None = None
    data: bytes = b""
    """The checked file's bytes (PNG, JPEG or SVG), for formats that embed the image itself."""
    retry: bool = False
    """Not measured for lack of time: the next check measures it (see :mod:`.probe`)."""

    @property
    def natural_size(self) -> QSize:
        if self.svg is not None:
            return self.svg.defaultSize()
        return self.image.size() if self.image is not None else QSize()

    @property
    def cost(self) -> int:
        pixels = self.image.sizeInBytes() if self.image is not None else 64 * 1024
        return pixels + len(self.data)


_CLAUSE_END: Final = re.compile(r"; |；| \(|（")
"""Where the first clause of a problem ends, in English and in Chinese."""


def short_reason(problem: str, name: str) -> str:
    """A problem in a few words, for the placeholder: ``not valid SVG``, ``references `x.png```
    (its first clause, without the image's name and "cannot be drawn", in any language)."""
    text = problem
    if name:
        prefix = cannot_draw(name, "")
        text = text[len(prefix) :] if text.startswith(prefix) else text.removeprefix(f"{name} ")
    return _CLAUSE_END.split(text, maxsplit=1)[0]


_CACHE: OrderedDict[tuple[str, int, int, str, tuple[float, float], str], Decoded] = OrderedDict()


def decode(path: Path, name: str = "", box: tuple[float, float] = SLIDE_BOX) -> Decoded:
    """The image at *path*, decoded (see the module); *name* names it in problems, *box* is
    the largest size it is drawn at (pixels on a 4K slide)."""
    shown = name or path.name
    try:
        stat = path.stat()
    except OSError as exc:
        return Decoded(problem=cannot_draw(shown, os_reason(exc)))
    key = (str(path), stat.st_mtime_ns, stat.st_size, shown, box, ui_language())
    cached = _CACHE.get(key)
    if cached is not None and not (cached.retry and _measuring()):
        _CACHE.move_to_end(key)
        return cached
    decoded = _decode(path, shown, box)
    _CACHE[key] = decoded
    total = sum(d.cost for d in _CACHE.values())
    while len(_CACHE) > 1 and (len(_CACHE) > CACHE_COUNT or total > CACHE_BYTES):
        total -= _CACHE.popitem(last=False)[1].cost
    return decoded


def _decode(path: Path, name: str, box: tuple[float, float]) -> Decoded:
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        return Decoded(problem=cannot_draw(name, _("use PNG, JPEG or SVG")))
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
    except OSError as exc:
        return Decoded(problem=cannot_draw(name, os_reason(exc)))
    if len(data) > MAX_IMAGE_BYTES:
        over = _("the file is over {limit} MB").format(limit=MAX_IMAGE_BYTES // (1024 * 1024))
        return Decoded(problem=cannot_draw(name, over))
    info = inspect(data, name, kind, box)
    if isinstance(info, str):
        return Decoded(problem=info)
    if info.measure:
        problem = _measured(data, info, name, box)
        if problem is not None:
            return problem
    with stderr_to_log():
        return _svg(data, name) if info.kind == "svg" else _raster(data, info, name)


def _measuring() -> bool:
    """Whether a check is measuring SVGs (see :mod:`.probe`, imported only once an SVG needs it)."""
    from desktop.render import probe

    return probe.in_budget()


def _measured(data: bytes, info: ImageInfo, name: str, box: tuple[float, float]) -> Decoded | None:
    """Why the SVG cannot be drawn after measuring it (see :mod:`.probe`), or None."""
    from desktop.core.svg_time import DRAW_LIMIT, slow_message
    from desktop.render import probe

    verdict = probe.measure(data, box)
    if verdict is probe.Verdict.UNMEASURED:
        message = _(
            "{name} cannot be drawn yet: measuring how long it takes to draw ran out of time"
            " (the deck's SVGs may take {limit} s to measure in all); check the deck again"
        )
        return Decoded(problem=message.format(name=name, limit=f"{probe.BUDGET:g}"), retry=True)
    if verdict is probe.Verdict.BROKEN:
        return Decoded(problem=cannot_draw(name, _("Qt fails while drawing it")))
    slow = verdict is probe.Verdict.SLOW
    if slow or (verdict is probe.Verdict.FAILED and info.draw_seconds > DRAW_LIMIT):
        return Decoded(problem=slow_message(name))
    return None


def _svg(data: bytes, name: str) -> Decoded:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        return Decoded(problem=cannot_draw(name, _("not valid SVG")))
    return Decoded(svg=renderer, data=data)


def _raster(data: bytes, info: ImageInfo, name: str) -> Decoded:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, b"png" if info.kind == "png" else b"jpeg")
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > DRAW_MAX_SIDE:
        reader.setScaledSize(
            size.scaled(DRAW_MAX_SIDE, DRAW_MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio)
        )
    previous = QImageReader.allocationLimit()
    QImageReader.setAllocationLimit(max(previous, ALLOCATION_LIMIT_MB))
    try:
        image = reader.read()
    finally:
        QImageReader.setAllocationLimit(previous)
    if image.isNull():
        why = reader.errorString() or _("unknown error")
        log.info("cannot decode %s: %s", name, why)
        return Decoded(problem=cannot_draw(name, f"{why[:1].lower()}{why[1:]}"))
    return Decoded(image=image, data=data)
