"""Check image files without decoding them: kind, pixel size, completeness, SVG safety.

Every image a deck shows (slide images and theme logos) passes :func:`sniff` first. It reads
the whole file (at most :data:`MAX_IMAGE_BYTES`) and reports, as a sentence for a located
problem:

* a type other than PNG, JPEG or SVG, or content that does not match the extension;
* a size over the limits (:data:`MAX_PIXELS_SIDE` a side, :data:`MAX_PIXELS` in all),
  read from the PNG header or from the JPEG frame header wherever it is (the segments
  before it are walked one by one, however large);
* a PNG or JPEG that is cut short (no PNG end chunk, no JPEG end marker);
* an SVG that is not valid XML, reaches outside itself or costs too much to draw
  (:mod:`desktop.core.svg`; its estimated drawing time depends on the box it is drawn in:
  the slide for slide images, the logo box for theme logos).

The renderer then decodes the image (``desktop/render/pictures.py``), and ``check`` reports
what Qt still cannot decode. Results are cached by path, size and modification time (and the
interface language of their sentences), so a reload does not read unchanged images again.
"""

from __future__ import annotations

import contextlib
import functools
import struct
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop.core.i18n import _, ui_language
from desktop.core.os_reasons import os_reason
from desktop.core.svg_cost import SLIDE_BOX

if TYPE_CHECKING:  # imported where an SVG is checked: start-up needs no SVG parser
    from desktop.core.svg import SvgCheck

MAX_PIXELS_SIDE: Final = 10_000
"""Largest width or height of an image a slide may show."""
MAX_PIXELS: Final = 40_000_000
"""Most pixels (width × height) an image may have: 40 megapixels decode in 160 MB."""
MAX_IMAGE_BYTES: Final = 20 * 1024 * 1024
MAX_DECK_SVG_POINTS: Final = 1_000_000
"""Most points the distinct SVG images of one deck may draw together (each counted as
:data:`desktop.core.svg.MAX_SVG_POINTS` counts): checking and estimating them takes about
2 s a million."""
MAX_DECK_IMAGE_BYTES: Final = 200 * 1024 * 1024
"""Most bytes the distinct image files of one deck may hold together (each is read whole)."""
MAX_DECK_MEGAPIXELS: Final = 500
"""Most megapixels the distinct PNG and JPEG images of one deck may hold together, a PNG
counting double: decoding takes about 9 ns a pixel for JPEG and 20 for PNG here, so the
limit keeps decoding every image of a deck (as ``check`` does) to about five seconds."""
PNG_WEIGHT: Final = 2
EXTENSIONS: Final = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}

_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_PNG_END: Final = b"\x00\x00\x00\x00IEND"
_JPEG_STANDALONE: Final = frozenset({0x01, *range(0xD0, 0xD8)})
_JPEG_FRAMES: Final = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


@dataclass(frozen=True, slots=True)
class ImageInfo:
    kind: str
    width: int = 0
    height: int = 0
    draw_seconds: float = 0.0
    """An SVG's estimated drawing time at its largest size (:mod:`desktop.core.svg_cost`)."""
    measure: bool = False
    """An SVG to draw once in a separate process before the app draws it (see
    :attr:`desktop.core.svg.SvgCheck.measure`)."""
    points: int = 0
    """The points an SVG draws, every reference counted (for the deck-wide limit)."""


def sniff(
    path: Path, name: str | None = None, box: tuple[float, float] = SLIDE_BOX
) -> ImageInfo | str:
    """Return what the file is, or a sentence saying why it is not a usable image.

    *name* is how the file is named in messages (default: its file name); *box* is the
    largest size it is drawn at, in pixels (what an SVG's drawing cost is estimated for).
    """
    shown = name or path.name
    expected = EXTENSIONS.get(path.suffix.lower())
    if expected is None:
        return _("unsupported image type {suffix!r}; use PNG, JPEG or SVG").format(
            suffix=path.suffix
        )
    try:
        stat = path.stat()
    except OSError as exc:
        return _cannot_read(exc)
    if stat.st_size > MAX_IMAGE_BYTES:
        return _too_many_bytes(stat.st_size)
    key = (stat.st_mtime_ns, stat.st_size, ui_language())
    return _sniff(str(path), key, shown, expected, box)


@functools.lru_cache(maxsize=256)
def _sniff(
    path: str, key: tuple[int, int, str], shown: str, expected: str, box: tuple[float, float]
) -> ImageInfo | str:
    del key  # modification time, size, language: only the key (an edited file is read again)
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
    except OSError as exc:
        return _cannot_read(exc)
    if len(data) > MAX_IMAGE_BYTES:  # it grew since it was measured
        return _too_many_bytes(len(data))
    return inspect(data, shown, expected, box)


def inspect(
    data: bytes, name: str, expected: str, box: tuple[float, float] = SLIDE_BOX
) -> ImageInfo | str:
    """What the image *data* is (see :func:`sniff`), *name* naming it in messages."""
    info = _png(data) or _jpeg(data) or _svg(data)
    if info is None:
        return _("{name} is not a {kind} image (its content is not an image)").format(
            name=name, kind=expected.upper()
        )
    if info.kind != expected:
        return _("{name} holds a {kind} image; rename it to match").format(
            name=name, kind=info.kind.upper()
        )
    too_large = pixel_limit(info)
    if too_large is not None:
        return too_large
    if info.kind == "svg":
        checked = _svg_check(data, name, box)
        if isinstance(checked, str):
            return checked
        return ImageInfo(
            "svg", draw_seconds=checked.cost.seconds, measure=checked.measure, points=checked.points
        )
    problem = _broken(info.kind, data)
    return info if problem is None else cannot_draw(name, problem)


def cannot_draw(name: str, reason: str) -> str:
    """``map.svg cannot be drawn: reason``: why the image *name* is not drawn, *reason* a
    clause of its own (:func:`desktop.render.pictures.short_reason` takes it back out)."""
    return _("{name} cannot be drawn: {reason}").format(name=name, reason=reason)


def pixel_limit(info: ImageInfo) -> str | None:
    """Why an image of *info*'s size is over the limits, or None."""
    if max(info.width, info.height) > MAX_PIXELS_SIDE:
        return _(
            "image is too large ({width}×{height} px, limit {limit}×{limit}); scale it down"
        ).format(width=info.width, height=info.height, limit=MAX_PIXELS_SIDE)
    if info.width * info.height > MAX_PIXELS:
        return _(
            "image is too large ({width}×{height} px = {megapixels} megapixels, limit {limit});"
            " scale it down"
        ).format(
            width=info.width,
            height=info.height,
            megapixels=f"{info.width * info.height / 1e6:.1f}",
            limit=MAX_PIXELS // 1_000_000,
        )
    return None


def _cannot_read(exc: OSError) -> str:
    return _("cannot read image: {reason}").format(reason=os_reason(exc))


def _too_many_bytes(size: int) -> str:
    return _("image file is too large ({size} MB, limit {limit} MB)").format(
        size=size // (1024 * 1024), limit=MAX_IMAGE_BYTES // (1024 * 1024)
    )


def _png(data: bytes) -> ImageInfo | None:
    if data[:8] != _PNG_SIGNATURE:
        return None
    if len(data) < 24 or data[12:16] != b"IHDR":
        return ImageInfo("png")
    width, height = struct.unpack(">II", data[16:24])
    return ImageInfo("png", width, height)


def _jpeg(data: bytes) -> ImageInfo | None:
    if data[:3] != b"\xff\xd8\xff":
        return None
    walk = _jpeg_walk(data)
    return ImageInfo("jpeg", *walk.frame) if walk.frame is not None else ImageInfo("jpeg")


@dataclass(frozen=True, slots=True)
class _JpegWalk:
    frame: tuple[int, int] | None = None
    """Width and height from the first frame header."""
    scan: int | None = None
    """Where the data of the first scan starts."""
    cut: bool = False
    """The file ended inside a segment."""


def _jpeg_walk(data: bytes) -> _JpegWalk:
    """Walk the JPEG's segments, one by one however large, up to its first scan."""
    frame: tuple[int, int] | None = None
    pos = 2
    while True:
        if pos >= len(data):
            return _JpegWalk(frame, cut=True)
        if data[pos] != 0xFF:
            return _JpegWalk(frame)
        while pos < len(data) and data[pos] == 0xFF:  # fill bytes before a marker
            pos += 1
        if pos + 2 >= len(data):
            return _JpegWalk(frame, cut=True)
        marker = data[pos]
        pos += 1
        if marker in _JPEG_STANDALONE:
            continue
        if marker in (0xD8, 0xD9):
            return _JpegWalk(frame)
        (length,) = struct.unpack(">H", data[pos : pos + 2])
        if length < 2:
            return _JpegWalk(frame)
        if pos + length > len(data):
            return _JpegWalk(frame, cut=True)
        if marker in _JPEG_FRAMES and frame is None and length >= 7:
            height, width = struct.unpack(">HH", data[pos + 3 : pos + 7])
            frame = (width, height)
        if marker == 0xDA:
            return _JpegWalk(frame, pos + length)
        pos += length


def _svg(data: bytes) -> ImageInfo | None:
    text = data[: 64 * 1024].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("<") and "<svg" in text:
        return ImageInfo("svg")
    return None


def _broken(kind: str, data: bytes) -> str | None:
    """Why a PNG or JPEG whose header looked right still cannot be drawn, or None."""
    if kind == "png":
        if len(data) < 33 or data[8:16] != b"\x00\x00\x00\x0dIHDR":
            return _("the PNG header is broken")
        if 0 in struct.unpack(">II", data[16:24]):
            return _("the PNG header gives no size")
        if data.rfind(_PNG_END, 33) < 0:
            return _("the file is cut short (the PNG has no end chunk)")
        return None
    walk = _jpeg_walk(data)
    if walk.frame is None:
        return (
            _("the file is cut short (before the JPEG frame header)")
            if walk.cut
            else _("the JPEG has no frame header")
        )
    if 0 in walk.frame:
        return _("the JPEG frame header gives no size")
    if walk.scan is None:
        return (
            _("the file is cut short (before the JPEG image data)")
            if walk.cut
            else _("the JPEG segments are broken")
        )
    if data.find(b"\xff\xd9", walk.scan) < 0:
        return _("the file is cut short (the JPEG has no end marker)")
    return None


def _svg_check(data: bytes, name: str, box: tuple[float, float]) -> SvgCheck | str:
    """The checked SVG, or why it cannot be drawn (its rules, its embedded pictures).

    Kept by content, name, box and language: the loader and the renderer check the same bytes, and
    a reload checks unchanged SVGs, without parsing and estimating them again.
    """
    import hashlib  # here, not for the command line's parser

    return _svg_check_kept(hashlib.sha256(data).digest(), data, name, box)


_KEPT: Final = 64


def _svg_check_kept(
    digest: bytes, data: bytes, name: str, box: tuple[float, float]
) -> SvgCheck | str:
    from desktop.core.svg import SvgCheck

    key = (digest, name, box, ui_language())
    kept = _SVG_CHECKS.get(key)
    if kept is not None:
        _SVG_CHECKS.move_to_end(key)
        return kept
    checked = _svg_check_now(data, name, box)
    if isinstance(checked, SvgCheck):
        checked = SvgCheck((), checked.cost, checked.points)  # the pictures were checked
    _SVG_CHECKS[key] = checked
    while len(_SVG_CHECKS) > _KEPT:
        _SVG_CHECKS.popitem(last=False)
    return checked


_SVG_CHECKS: OrderedDict[tuple[bytes, str, tuple[float, float], str], SvgCheck | str] = (
    OrderedDict()
)


def _svg_check_now(data: bytes, name: str, box: tuple[float, float]) -> SvgCheck | str:
    from desktop.core.svg import SvgRefused, check_svg

    try:
        checked = check_svg(data, name, box)
    except SvgRefused as exc:
        return str(exc)
    pixels = 0
    for picture in checked.embedded:
        info = _png(picture.data) if picture.kind == "png" else _jpeg(picture.data)
        reason = (
            _("it is not a {kind} image").format(kind=picture.kind.upper())
            if info is None
            else _embedded_limit(info) or _broken(picture.kind, picture.data)
        )
        if reason is not None:
            return _("{name} embeds a picture that cannot be drawn: {reason}").format(
                name=name, reason=reason
            )
        assert info is not None
        pixels += info.width * info.height
    if pixels > MAX_PIXELS:
        return _(
            "{name} embeds pictures of {megapixels} megapixels in all, limit {limit};"
            " scale them down"
        ).format(name=name, megapixels=f"{pixels / 1e6:.1f}", limit=MAX_PIXELS // 1_000_000)
    return checked


def _embedded_limit(info: ImageInfo) -> str | None:
    if max(info.width, info.height) > MAX_PIXELS_SIDE or info.width * info.height > MAX_PIXELS:
        return _("it is too large ({width}×{height} px)").format(
            width=info.width, height=info.height
        )
    return None


class DeckImages:
    """What the distinct images of one deck cost together, against the deck-wide limits.

    Each file is counted once, however many slides show it.
    """

    def __init__(self) -> None:
        self.bytes = 0
        self.pixels = 0
        self.svg_points = 0
        self._seen: set[Path] = set()

    def svgs_spent(self, path: Path) -> str | None:
        """Why an SVG not counted yet is refused unread (the deck's SVGs already draw all the
        points they may), or None: checking an SVG costs time by its points."""
        if path in self._seen or path.suffix.lower() != ".svg":
            return None
        if self.svg_points < MAX_DECK_SVG_POINTS:
            return None
        return self._svgs_over()

    @staticmethod
    def _svgs_over() -> str:
        return _(
            "the deck's SVG images draw more than {limit:,} points together; simplify them or"
            " use PNGs (this one takes the deck over)"
        ).format(limit=MAX_DECK_SVG_POINTS)

    def spend(self, path: Path, info: ImageInfo) -> str | None:
        """Count the image at *path*; a sentence saying which deck limit it crosses, or None."""
        if path in self._seen:
            return None
        self._seen.add(path)
        with contextlib.suppress(OSError):  # gone since it was sniffed: the watcher reloads
            self.bytes += path.stat().st_size
        self.pixels += info.width * info.height * (PNG_WEIGHT if info.kind == "png" else 1)
        self.svg_points += info.points
        if self.svg_points > MAX_DECK_SVG_POINTS:
            return self._svgs_over()
        if self.bytes > MAX_DECK_IMAGE_BYTES:
            return _(
                "the deck's images hold more than {limit} MB together; scale images down or use"
                " fewer (this one takes the deck over)"
            ).format(limit=MAX_DECK_IMAGE_BYTES // (1024 * 1024))
        if self.pixels > MAX_DECK_MEGAPIXELS * 1_000_000:
            return _(
                "the deck's images hold more than {limit} megapixels together (a PNG counts"
                " double); scale images down to what a slide shows (1920×1080 is a full slide)"
            ).format(limit=MAX_DECK_MEGAPIXELS)
        return None
