"""Write a PDF briefing: Qt draws the pages, :mod:`desktop.export.structure` appends the rest.

The PDF exporter (:mod:`desktop.export.pdf`) calls :func:`write_pdf` with its job; the file is
written beside the target under a temporary name and moved into place only when complete, so a
failure or a kill leaves the previous file. Qt writes that temporary file; the outline, links,
page labels, metadata and language are then appended to it as an incremental update.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from PySide6.QtCore import QFile, QFileDevice, QIODeviceBase
from PySide6.QtGui import QPainter, QPdfWriter

from desktop import __version__
from desktop.core.i18n import _
from desktop.core.markup import plain
from desktop.core.model import Deck, Layout, slide_label
from desktop.core.problems import UserError
from desktop.core.slide_words import both
from desktop.export.exporter import ExportJob, ExportResult
from desktop.export.paged import Step, draw_pages, prepare
from desktop.export.pdf import PdfOptions
from desktop.export.pdf_split import can_split, draw_here, draw_in_two, split_at
from desktop.export.plan import (
    ExportLayout,
    Page,
    PageKind,
    plan_pages,
    section_first_pages,
    slide_number,
)
from desktop.export.structure import LinkArea, OutlineEntry, Structure, apply_structure
from desktop.render.renderer import SlideRenderer

BACKUP_TITLE = "Backup"
"""The outline entry of the backup sections' slides."""


def write_pdf(job: ExportJob[PdfOptions]) -> ExportResult:
    """Write the PDF briefing of *job* atomically (see :meth:`PdfExporter.export
    <desktop.export.exporter.Exporter.export>`)."""
    deck, options = job.deck, job.options
    with job.atomic_file() as target:
        renderer = job.renderer or SlideRenderer(deck, options.theme)
        pages = plan_pages(deck, options.layout, job.slides, options.per_page, options.builds)
        starts = _draw(deck, renderer, target.temp, options.layout, pages, job)
        count = apply_structure(target.temp, _structure(deck, pages, starts))
    return ExportResult(target.path, count, target.path.stat().st_size)


def _draw(
    deck: Deck,
    renderer: SlideRenderer,
    path: Path,
    layout: ExportLayout,
    pages: list[Page],
    job: ExportJob[PdfOptions],
) -> list[int]:
    """Draw every page into *path*; return the physical index of each planned page's first
    page, and one more entry: the number of pages drawn.

    Many pages are drawn in two processes where that is safe (:mod:`desktop.export.pdf_split`).

    Raises:
        OSError: the file could not be written (disk full, file size limit).
    """
    with_ink = job.options.with_ink

    def draw(handle: int, mine: list[Page], after: list[Page], step: Step) -> list[int]:
        return _draw_into(handle, path, deck, renderer, layout, mine, after, step, with_ink)

    if can_split(len(pages), with_ink):
        return draw_in_two(path, pages, split_at(pages), draw, job.step)
    return draw_here(path, pages, draw, job.step)


def _draw_into(
    handle: int,
    path: Path,
    deck: Deck,
    renderer: SlideRenderer,
    layout: ExportLayout,
    pages: list[Page],
    after: list[Page],
    step: Step,
    with_ink: bool,
) -> list[int]:
    """Draw *pages*, numbered after *after*, as a PDF into the file open as *handle*
    (*path* names the target's folder in messages); return their starts.

    Raises:
        OSError: the file could not be written (disk full, file size limit): Qt reports
            that only on the device, so it is checked here rather than found later as a
            truncated PDF.
    """
    device = QFile()
    if not device.open(
        handle, QIODeviceBase.OpenModeFlag.WriteOnly, QFileDevice.FileHandleFlag.DontCloseHandle
    ):
        raise _device_error(device)
    try:
        starts = _draw_pages(deck, renderer, device, path, layout, pages, after, step, with_ink)
        device.flush()  # close() would flush too, but without saying why it failed
        if device.error() != QFileDevice.FileError.NoError:
            raise _device_error(device)
    finally:
        device.close()
    if device.error() != QFileDevice.FileError.NoError:
        raise _device_error(device)
    # Qt does not always notice a failed write (a full disk): the file must end the PDF.
    size = os.fstat(handle).st_size
    if b"%%EOF" not in os.pread(handle, 1024, max(0, size - 1024)):
        raise OSError(errno.EIO, _INCOMPLETE)
    return starts


_INCOMPLETE = "the PDF could not be written completely (is the disk full?)"


def _device_error(device: QFile) -> OSError:
    message = device.errorString()
    if not message or message == "Unknown error":
        return OSError(errno.EIO, _INCOMPLETE)
    known = (errno.ENOSPC, errno.EFBIG, errno.EROFS, errno.EACCES)
    code = next((code for code in known if os.strerror(code) == message), errno.EIO)
    return OSError(code, message)


def _draw_pages(
    deck: Deck,
    renderer: SlideRenderer,
    device: QFile,
    path: Path,
    layout: ExportLayout,
    pages: list[Page],
    after: list[Page],
    report: Step,
    with_ink: bool,
) -> list[int]:
    writer = QPdfWriter(device)
    writer.setCreator(f"tianjin-briefing {__version__}")
    writer.setTitle(plain(deck.title))
    a4 = prepare(writer, renderer, layout)
    painter = QPainter()
    if not painter.begin(writer):
        raise UserError(
            _("cannot write {path}: the PDF could not be started").format(path=path.parent)
        )

    def step(done: int, total: int) -> None:
        if device.error() != QFileDevice.FileError.NoError:
            raise _device_error(device)  # the disk filled up: stop now, not 300 pages later
        report(done, total)

    try:
        return draw_pages(
            writer, painter, renderer, a4, pages, step, with_ink=with_ink, after=after
        )
    finally:
        painter.end()


def _structure(deck: Deck, pages: list[Page], starts: list[int]) -> Structure:
    # Continuation pages (long notes) follow their planned page: "7", "7+".
    labels: list[str] = []
    for number, page in enumerate(pages):
        labels.append(page.label)
        labels.extend(f"{page.label}+" for _ in range(starts[number + 1] - starts[number] - 1))
    first_of_section = section_first_pages(deck, pages)
    display = deck.display or deck.languages[0]  # the outline's own words in the deck's
    agenda = _first_page(deck, pages, PageKind.AGENDA, Layout.AGENDA)
    sources = _first_page(deck, pages, PageKind.SOURCES, Layout.SOURCES)
    outline: list[OutlineEntry] = []
    if agenda is not None:
        outline.append(OutlineEntry(both(Layout.AGENDA.default_title, display), starts[agenda]))
    # Each section's slides in page order (a build's first page), in one pass over the pages.
    slides: dict[int, list[OutlineEntry]] = {}
    seen: set[int] = set()
    for number, page in enumerate(pages):
        for index in page.slides:
            if index in seen:
                continue
            seen.add(index)
            ref = deck.refs[index]
            label = f"{slide_number(deck, index)}. {slide_label(deck, ref)}"
            slides.setdefault(ref.section_index, []).append(OutlineEntry(label, starts[number]))
    backup: list[OutlineEntry] = []
    for section_index, section in enumerate(deck.sections):
        if section_index not in first_of_section:
            continue
        children = slides[section_index]
        title = plain(section.title)
        if section.title_zh:
            title = f"{title} · {section.title_zh}"
        if section.backup:  # the backup's slides, under one entry after the talk's
            backup.extend(children)
            continue
        outline.append(
            OutlineEntry(title, starts[first_of_section[section_index]], tuple(children))
        )
    if sources is not None:
        outline.append(OutlineEntry(both(Layout.SOURCES.default_title, display), starts[sources]))
    if backup:
        outline.append(OutlineEntry(both(BACKUP_TITLE, display), backup[0].page, tuple(backup)))
    links = tuple(
        LinkArea(starts[number], rect, starts[first_of_section[section]])
        for number, page in enumerate(pages)
        for rect, section in page.links
        if section in first_of_section
    )
    return Structure(
        title=plain(deck.title),
        author=deck.author,
        subject=plain(deck.subtitle) or plain(deck.title),
        keywords=", ".join(plain(s.title) for s in deck.sections),
        outline=tuple(outline),
        links=links,
        labels=tuple(labels),
        language=deck.shown_language,
    )


def _first_page(deck: Deck, pages: list[Page], kind: PageKind, layout: Layout) -> int | None:
    """The first planned page of *kind*, or showing a slide of *layout*."""
    for number, page in enumerate(pages):
        if page.kind is kind or any(deck.refs[i].slide.layout is layout for i in page.slides):
            return number
    return None
