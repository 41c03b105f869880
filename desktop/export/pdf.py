"""The PDF exporter: its options and its entry in the registry. Qt-free.

The pages are planned by :mod:`desktop.export.plan`, drawn by :mod:`desktop.export.pages` and
written by :mod:`desktop.export.pdf_writer`, which this module loads only when it exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Final

from desktop.core.i18n import N_
from desktop.core.targets import PDF, FileFormat
from desktop.export.exporter import Exporter, ExportJob, ExportOptions, ExportResult, option
from desktop.export.plan import HANDOUT_PER_PAGE, ExportLayout

LAYOUTS: Final = (
    (ExportLayout.SLIDES, "slides", N_("Slides (one page per slide)")),
    (ExportLayout.NOTES, "notes", N_("Notes pages (A4: slide, speaker notes, sources)")),
    (ExportLayout.HANDOUT, "handout", N_("Handout (A4: several slides with lines for notes)")),
)
"""Each layout: its value, its command line word and its label in the Export dialog."""


@dataclass(frozen=True)
class PdfOptions(ExportOptions):
    """What a PDF export writes, besides the slides and theme of every format.

    Attributes:
        layout: A page per slide, notes pages or handouts.
        per_page: Slides on each handout page: one of :data:`HANDOUT_PER_PAGE`.
        with_ink: Draw the ink saved while presenting (the pen's and highlighter's strokes,
            :mod:`desktop.core.presenter.ink_store`) on the slides, as vector paths.
        builds: A page per step of each build (slides layout); else each slide complete.
    """

    layout: ExportLayout = option(
        ExportLayout.SLIDES,
        N_("Layout"),
        N_(
            "slides: a page per slide; notes: A4 with speaker notes;"
            " handout: A4 with several slides per page"
        ),
        choices=LAYOUTS,
    )
    per_page: int = option(
        3,
        N_("Slides per page (handout)"),
        N_("slides per handout page (with --layout handout)"),
        choices=((n, n, str(n)) for n in HANDOUT_PER_PAGE),
        only_with=("layout", (ExportLayout.HANDOUT,)),
    )
    with_ink: bool = option(
        False,
        N_("Draw the presenter's ink"),
        N_("draw the ink saved while presenting on the slides, as vector strokes"),
    )

    builds: bool = option(
        False,
        N_("A page per build step"),
        N_("a page for each step of a slide's build (pages 5a, 5b, …); else slides complete"),
        only_with=("layout", (ExportLayout.SLIDES,)),
    )

    def __post_init__(self) -> None:
        if self.per_page not in HANDOUT_PER_PAGE:
            allowed = ", ".join(map(str, HANDOUT_PER_PAGE))
            raise ValueError(f"a handout page holds {allowed} slides, not {self.per_page}")


class PdfExporter(Exporter[PdfOptions]):
    """A PDF briefing: vector text, bookmarks, a clickable agenda, page labels, sources."""

    name: ClassVar[str] = "pdf"
    title: ClassVar[str] = "PDF"
    description: ClassVar[str] = N_(
        "Export a PDF: vector text, bookmarks, clickable agenda, sources."
    )
    file_format: ClassVar[FileFormat] = PDF
    options_type = PdfOptions

    def write(self, job: ExportJob[PdfOptions]) -> ExportResult:
        from desktop.export.pdf_writer import write_pdf  # Qt, loaded on the first export

        return write_pdf(job)
