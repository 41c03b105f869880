"""Sniff image files without decoding them: kind and pixel size from the header."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Final

MAX_PIXELS_SIDE: Final = 10_000
"""Largest width or height of an image a slide may show."""
MAX_IMAGE_BYTES: Final = 20 * 1024 * 1024
EXTENSIONS: Final = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg"}


@dataclass(frozen=True, slots=True)
class ImageInfo:
    kind: str
    width: int = 0
    height: int = 0


def sniff(path: Path) -> ImageInfo | str:
    """Return what the file is, or a sentence saying why it is not a usable image."""
    expected = EXTENSIONS.get(path.suffix.lower())
    if expected is None:
        return f"unsupported image type {path.suffix!r}; use PNG, JPEG or SVG"
    try:
        size = path.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return f"image file is too large ({size // (1024 * 1024)} MB, limit 20 MB)"
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError as exc:
        return f"cannot read image: {exc.strerror or exc}"
    info = _png(head) or _jpeg(head) or _svg(head)
    if info is None:
        return f"{path.name} is not a {expected.upper()} image (its content is not an image)"
    if info.kind != expected:
        return f"{path.name} holds a {info.kind.upper()} image; rename it to match"
    if max(info.width, info.height) > MAX_PIXELS_SIDE:
        return (
            f"image is too large ({info.width}×{info.height} px, limit"
            f" {MAX_PIXELS_SIDE}×{MAX_PIXELS_SIDE}); scale it down"
        )
    return info


def _png(head: bytes) -> ImageInfo | None:
    if head[:8] != b"\x89PNG\r\n\x1a\n" or len(head) < 24 or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return ImageInfo("png", width, height)


def _jpeg(head: bytes) -> ImageInfo | None:
    if head[:2] != b"\xff\xd8":
        return None
    pos = 2
    while pos + 9 < len(head):
        if head[pos] != 0xFF:
            return ImageInfo("jpeg")
        marker = head[pos + 1]
        length = struct.unpack(">H", head[pos + 2 : pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", head[pos + 5 : pos + 9])
            return ImageInfo("jpeg", width, height)
        pos += 2 + length
    return ImageInfo("jpeg")


def _svg(head: bytes) -> ImageInfo | None:
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("<") and "<svg" in text:
        return ImageInfo("svg")
    return None
