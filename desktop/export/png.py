"""Slide images: one PNG per slide in a folder (``export --format png -o FOLDER``). Qt-free.

Each slide is written as ``NN-slide-id.png`` (its number, so the files sort in slide order),
``--width`` pixels wide, opaque and tagged sRGB, drawn by the one renderer. The folder rule
(see :func:`inspect_folder`): a new folder, an empty one or one holding only slide images is
written; a folder holding anything else is refused unless ``--force``, and then only the
``NN-*.png`` files are written beside what is there. Nothing is ever deleted, and no image is
replaced until every one is complete (each is written under a temporary name first).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Final

from desktop.core import targets
from desktop.core.i18n import N_, _
from desktop.core.model import Deck
from desktop.core.targets import FileFormat, Target, TargetError, shown
from desktop.core.text import plural
from desktop.export.exporter import Exporter, ExportJob, ExportOptions, ExportResult, option

PNG: Final = FileFormat(N_("PNG image"), ".png", (b"\x89PNG\r\n\x1a\n",))
SLIDE_IMAGE: Final = re.compile(r"^\d{2,}-[^/\\]*\.png$")
"""The names this format writes: a slide image of an earlier export, not a file of the user's."""
_SAFE: Final = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class PngOptions(ExportOptions):
    """What a slide-image export writes.

    Attributes:
        width: Image width in pixels; the height follows the deck's aspect ratio.
    """

    width: int = option(1920, N_("Width (pixels)"), N_("image width"), minimum=320, maximum=7680)


def image_names(deck: Deck, indexes: Iterable[int]) -> list[str]:
    """The file name of each slide of *indexes*: ``07-the-plan.png``."""
    digits = max(2, len(str(deck.slide_count)))
    names = []
    for index in indexes:
        slide_id = _SAFE.sub("-", deck.refs[index].slide.id).strip("-")[:80] or "slide"
        names.append(f"{index + 1:0{digits}d}-{slide_id}.png")
    return names


def inspect_folder(target: Path, protected: Iterable[Path] = ()) -> Target:
    """What writing slide images into the folder *target* would replace.

    Raises:
        TargetError: *target* is never written: a file (not a folder), a folder that cannot
            be written, a missing parent folder, or a deck's folder.
    """
    target = target.expanduser()
    if target.exists() and not target.is_dir():
        raise TargetError(
            _(
                "{path} is a file; slide images go into a folder: give a folder name"
                " (a new one is made)"
            ).format(path=shown(target))
        )
    resolved = target.resolve()
    if not target.exists():
        if not resolved.parent.is_dir():
            raise TargetError(
                _("cannot write {path}: the folder {folder} does not exist").format(
                    path=shown(target), folder=shown(resolved.parent)
                )
            )
        if not os.access(resolved.parent, os.W_OK | os.X_OK):
            raise TargetError(
                _("cannot write {path}: {reason}").format(
                    path=shown(target), reason=os.strerror(13)
                )
            )
        return Target(resolved)
    if any(_inside(path, resolved) for path in protected):
        raise TargetError(
            _("{path} holds the deck; choose another folder for the slide images").format(
                path=shown(target)
            )
        )
    if not os.access(resolved, os.W_OK | os.X_OK):
        raise TargetError(
            _("cannot write into {path}: {reason}").format(
                path=shown(target), reason=os.strerror(13)
            )
        )
    try:
        entries = sorted(entry.name for entry in resolved.iterdir())
    except OSError as exc:
        raise TargetError(
            _("cannot read {path}: {reason}").format(path=shown(target), reason=exc.strerror or exc)
        ) from exc
    others = [name for name in entries if not SLIDE_IMAGE.match(name)]
    if others:
        example = _(", ").join(others[:3]) + (_(", …") if len(others) > 3 else "")
        holding = plural(
            len(others),
            "a folder holding {n} file besides slide images ({example})",
            "a folder holding {n} files besides slide images ({example})",
            example=example,
        )
        return Target(resolved, holding, False)
    if entries:
        return Target(
            resolved,
            plural(len(entries), "a folder of {n} slide image", "a folder of {n} slide images"),
        )
    return Target(resolved)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().parent == folder
    except (OSError, RuntimeError):
        return False


class PngExporter(Exporter[PngOptions]):
    """A folder of slide images: one opaque sRGB PNG per slide."""

    name: ClassVar[str] = "png"
    title: ClassVar[str] = N_("Slide images (PNG)")
    description: ClassVar[str] = N_("Export one PNG image per slide into a folder.")
    file_format: ClassVar[FileFormat] = PNG
    writes_folder: ClassVar[bool] = True
    options_type = PngOptions

    def inspect_target(self, target: Path, protected: Iterable[Path] = ()) -> Target:
        return inspect_folder(target, protected)

    def check_target(
        self, target: Path, *, force: bool = False, protected: Iterable[Path] = ()
    ) -> Target:
        found = inspect_folder(target, protected)
        if not found.same_format and not force:
            raise TargetError(
                _(
                    "{path} is {what}; choose an empty or new folder, or run again with --force"
                    " to write the slide images (NN-*.png) beside those files: nothing else is"
                    " changed or deleted"
                ).format(path=shown(target.expanduser()), what=found.replaces),
                replaceable=True,
            )
        return found

    def write(self, job: ExportJob[PngOptions]) -> ExportResult:
        from desktop.export.png_writer import write_images  # Qt, loaded on the first export

        return write_images(job)

    def progress_text(self, done: int, total: int) -> str:
        return _("Exporting slide image {done}/{total}").format(done=done, total=total)

    def summary(self, result: ExportResult) -> str:
        return plural(
            result.pages,
            "{n} slide image, {size}",
            "{n} slide images, {size}",
            size=targets.size_text(result.size),
        )
