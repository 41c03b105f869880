"""Write slide images: each slide drawn by the renderer into an opaque sRGB image.

Every image is written under a temporary name beside its final one (``atomic_path``); they
are moved into place together once all are complete, so a failure, a cancel or a kill leaves
the folder as it was (a folder the export made is removed again if it is still empty).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Final

from PySide6.QtCore import QSize
from PySide6.QtGui import QColorSpace, QImage

from desktop.core import targets
from desktop.core.atomic import atomic_path, remove_stale_parts
from desktop.core.problems import UserError
from desktop.export.exporter import ExportJob, ExportResult, cannot_write, disk_full
from desktop.export.png import PNG, PngOptions, image_names
from desktop.export.png_encode import encode_png
from desktop.render.renderer import SlideRenderer

ENCODERS: Final = 2
"""Threads encoding images while the next slide is drawn: a slide takes about twice as long
to encode as to draw, so two keep up with the drawing (and use both cores of a small PC)."""


def slide_image(
    renderer: SlideRenderer,
    index: int,
    width: int,
    fmt: QImage.Format = QImage.Format.Format_RGB32,
) -> QImage:
    """Slide *index* as an opaque sRGB image *width* pixels wide (the deck's aspect ratio), in
    the opaque format *fmt* (the export's: ``RGB888``, the bytes a PNG holds)."""
    canvas = renderer.canvas
    size = QSize(width, round(width * canvas.height() / canvas.width()))
    # Drawn for this once, not kept in the renderer's cache of the slides on screen.
    image = renderer.draw_image(index, size).convertToFormat(fmt)
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
            _draw_and_encode(job, renderer, folder, names, stack)
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


def _draw_and_encode(
    job: ExportJob[PngOptions],
    renderer: SlideRenderer,
    folder: Path,
    names: list[str],
    stack: contextlib.ExitStack,
) -> None:
    """Draw each slide of *job* and hand it to an encoder thread, which writes it under the
    temporary name of *names*' file in *folder* (entered into *stack*: moved into place when
    it closes); *job* is told as each image is written."""
    rule = _TargetRule(job, folder)
    paths = [folder / name for name in names]
    remove_stale_parts(*paths)  # one listing of the folder, not one an image
    pool = ThreadPoolExecutor(ENCODERS, "png-encoder")
    writing: deque[Future[None]] = deque()
    done = 0
    try:
        for drawn, (index, path) in enumerate(zip(job.slides, paths, strict=True), 1):
            rule.check(path)
            temp = stack.enter_context(atomic_path(path, rule.recheck(path), clean=False))
            image = slide_image(renderer, index, job.options.width, QImage.Format.Format_RGB888)
            writing.append(pool.submit(_write_png, temp, image))
            while len(writing) > ENCODERS or (writing and drawn == len(names)):
                writing.popleft().result()  # the next slide is drawn while these encode
                done += 1
                job.step(done, len(names))
    finally:
        # Before *stack* removes a temporary file: no encoder still writes one.
        pool.shutdown(wait=True, cancel_futures=True)


def _write_png(temp: Path, image: QImage) -> None:
    """Encode *image* into *temp* and flush it to the disk (in an encoder thread)."""
    with temp.open("wb") as stream:
        stream.write(encode_png(image))
        stream.flush()
        os.fsync(stream.fileno())


class _TargetRule:
    """The target rule for each image of *job* in its (resolved) *folder*.

    :func:`~desktop.core.targets.check_target` resolves every deck file it protects at each
    call: for each image of a long deck, that made an export quadratic (5 ms an image at
    1,000 slides). A name in the folder that is no link resolves to itself, so only the
    deck's files in that folder can be it: those, resolved once, are what it is checked
    against (the whole list for a link, which may point anywhere).
    """

    def __init__(self, job: ExportJob[PngOptions], folder: Path) -> None:
        self.force = job.force
        self.files = job.deck.files
        self.here = [path for path in map(_resolved, self.files) if path.parent == folder]

    def check(self, path: Path) -> None:
        protected = self.files if path.is_symlink() else self.here
        targets.check_target(path, PNG, force=self.force, protected=protected)

    def recheck(self, path: Path) -> Callable[[], object]:
        """The rule for *path* again, to run just before its image is moved into place."""
        return lambda: self.check(path)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # unresolvable: the target rule skips it as well
        return path


def _remove_if_empty(folder: Path, made: bool) -> None:
    if made:
        with contextlib.suppress(OSError):
            folder.rmdir()


def clipboard_image(renderer: SlideRenderer, index: int) -> QImage:
    """The slide at full resolution (the canvas' own size: 1920 or 1440 pixels wide)."""
    return slide_image(renderer, index, round(renderer.canvas.width()))
