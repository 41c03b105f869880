"""The PowerPoint exporter: its options and its entry in the registry. Qt-free.

Each slide becomes a PowerPoint slide of native, editable content, placed where our renderer
lays it out (:mod:`desktop.export.pptx_shapes`); the file is built with python-pptx by
:mod:`desktop.export.pptx_writer`, which this module loads only when it exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Final

from desktop.core.i18n import N_, _
from desktop.core.targets import FileFormat
from desktop.core.text import plural
from desktop.export.exporter import (
    Exporter,
    ExportJob,
    ExportOptions,
    ExportResult,
    human_size,
)

ZIP_HEADER: Final = b"PK\x03\x04"
_NAME_AT: Final = 30
"""Where a ZIP's first file name starts (after the fixed part of its local header)."""


class OfficeFormat(FileFormat):
    """An Office Open XML package: a ZIP whose first member is ``[Content_Types].xml``.

    A plain ZIP archive is not one, so an export never replaces it unasked; what the head
    of a file cannot tell is which Office format it holds (a ``.docx`` starts the same way).
    """

    __slots__ = ()

    def matches(self, head: bytes) -> bool:
        return head.startswith(ZIP_HEADER) and head[_NAME_AT:].startswith(b"[Content_Types].xml")


PPTX: Final = OfficeFormat(N_("PowerPoint file"), ".pptx", (ZIP_HEADER,))


@dataclass(frozen=True)
class PptxOptions(ExportOptions):
    """What a PowerPoint export writes: the slides and theme every format has."""


class PptxExporter(Exporter[PptxOptions]):
    """An editable PowerPoint deck: placeholders, bullets, pictures, notes, sections."""

    name: ClassVar[str] = "pptx"
    title: ClassVar[str] = "PowerPoint"
    description: ClassVar[str] = N_(
        "Export an editable PowerPoint deck: native text, pictures, notes, sections."
    )
    file_format: ClassVar[FileFormat] = PPTX
    options_type = PptxOptions

    def write(self, job: ExportJob[PptxOptions]) -> ExportResult:
        from desktop.export.pptx_writer import write_pptx  # python-pptx and Qt, when used

        return write_pptx(job)

    def progress_text(self, done: int, total: int) -> str:
        return _("Exporting slide {done}/{total}").format(done=done, total=total)

    def summary(self, result: ExportResult) -> str:
        return plural(
            result.pages, "{n} slide, {size}", "{n} slides, {size}", size=human_size(result.size)
        )
