"""Write slide images: each slide drawn by the renderer into an opaque sRGB image.

Every image is written under a temporary name beside its final one (``atomic_path``); they
are moved into place together once all are complete, so a failure, a cancel or a kill leaves
the folder as it was (a folder the export made is removed again if it is still empty).
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColorSpace, QImage, QImageWriter

from desktop.core import targets
from desktop.core.atomic import atomic_path
from desktop.core.problems import UserError
from desktop.export.exporter import ExportJob, ExportResult, cannot_write, disk_full
from desktop.export.png import PNG, PngOptions, image_names
from desktop.render.renderer import SlideRenderer


def slide_image(renderer: SlideRenderer, index: int, width: int) -> QImage:
    """Slide *index* as an opaque sRGB image *width* pixels wide (the deck's aspect ratio)."""
    canvas = renderer.canvas
    size = QSize(width, round(width * canvas.height() / canvas.width()))
    image = renderer.image(index, size).convertToFormat(QImage.Format.Format_RGB32)
    image.setColorSpace(QColorSpace(QColorSpace.NamedColorSpace.SRgb))
    return image


def write_images(job: ExportJob[PngOptions]) -> ExportResult:
    """Write the slide images of *job* into its folder (see the module)."""
    deck = job.deck
    folder = job.check_target().path
    made = not folder.exists()
    try:
        if made:
            folder.mkdir()
        renderer = job.renderer or SlideRenderer(deck, job.options.theme)
        names = image_names(deck, job.slides)
        with contextlib.ExitStack() as stack:
            for done, (index, name) in enumerate(zip(job.slides, names, strict=True), 1):
                path = folder / name
                targets.check_target(path, PNG, force=job.force, protected=deck.files)
                temp = stack.enter_context(atomic_path(path, _recheck(path, job)))
                temp.write_bytes(png_bytes(slide_image(renderer, index, job.options.width)))
                job.step(done, len(names))
    except OSError as exc:
        _remove_if_empty(folder, made)
        if exc.errno == errno.ENOSPC:
            raise UserError(disk_full(job.target)) from exc
        raise UserError(cannot_write(job.target, exc)) from exc
    except BaseException:
        _remove_if_empty(folder, made)
        raise
    size = sum((folder / name).stat().st_size for name in names)
    return ExportResult(folder, len(names), size)


def _recheck(path: Path, job: ExportJob[PngOptions]) -> Callable[[], object]:
    """The target rule for *path* again, just before its image is moved into place."""
    return lambda: targets.check_target(path, PNG, force=job.force, protected=job.deck.files)


def png_bytes(image: QImage) -> bytes:
    """*image* as PNG bytes (Python writes them: Qt would encode a file name as UTF-8 whatever
    the locale)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(errno.EIO, "the image could not be encoded as PNG")
    return bytes(buffer.data().data())


def _remove_if_empty(folder: Path, made: bool) -> None:
    if made:
        with contextlib.suppress(OSError):
            folder.rmdir()


def clipboard_image(renderer: SlideRenderer, index: int) -> QImage:
    """The slide at full resolution (the canvas' own size: 1920 or 1440 pixels wide)."""
    return slide_image(renderer, index, round(renderer.canvas.width()))
