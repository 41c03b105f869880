"""A second export format for tests: the seam that PNG, PPTX and print will use.

It writes the slides' labels as text, one line per slide, through the same interface as the
PDF exporter: its own options dataclass (a whole-number option the PDF has not), the atomic
write, progress and cancelling of :class:`~desktop.export.exporter.ExportJob`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import ClassVar

from desktop.core.model import slide_label
from desktop.core.targets import FileFormat
from desktop.core.text import plural
from desktop.export import registry
from desktop.export.exporter import Exporter, ExportJob, ExportOptions, ExportResult, option

SLIDE_LIST = FileFormat("slide list", ".txt", (b"# slides\n",))


@dataclass(frozen=True)
class ListOptions(ExportOptions):
    line_width: int = option(72, "Line width", "characters per line", minimum=20, maximum=200)


class ListExporter(Exporter[ListOptions]):
    name: ClassVar[str] = "list"
    title: ClassVar[str] = "Slide list"
    description: ClassVar[str] = "Or a list of the slides."
    file_format: ClassVar[FileFormat] = SLIDE_LIST
    options_type = ListOptions

    def write(self, job: ExportJob[ListOptions]) -> ExportResult:
        lines = ["# slides"]
        with job.atomic_file() as target:
            for done, index in enumerate(job.slides, 1):
                label = f"{index + 1}. {slide_label(job.deck, job.deck.refs[index])}"
                lines.append(textwrap.shorten(label, job.options.line_width, placeholder="…"))
                job.step(done, len(job.slides))
            target.temp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return ExportResult(target.path, len(lines) - 1, target.path.stat().st_size)

    def summary(self, result: ExportResult) -> str:
        return plural(result.pages, "{n} slide", "{n} slides")


@contextmanager
def slide_list_format() -> Iterator[ListExporter]:
    """The slide list registered for the block, then removed."""
    exporter = ListExporter()
    registry.register(exporter)
    try:
        yield exporter
    finally:
        registry.unregister(exporter.name)
