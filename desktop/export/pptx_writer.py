"""Write a PowerPoint deck: python-pptx builds the file from our renderer's layouts.

The slides are those of the PDF's slide pages (:func:`desktop.export.plan.plan_pages`: a
generated agenda and sources slide where the deck has none), so the PPTX and the PDF match
page by page. The file is written beside the target under a temporary name and moved into
place only when complete (:meth:`~desktop.export.exporter.ExportJob.atomic_file`).
"""

from __future__ import annotations

from typing import Final

import pptx
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation
from pptx.shapes.base import BaseShape
from pptx.util import Emu
from PySide6.QtCore import QSize

from desktop import __version__
from desktop.core.markup import plain
from desktop.core.model import Deck, Layout
from desktop.export.exporter import ExportJob, ExportResult
from desktop.export.plan import ExportLayout, Page, PageKind, plan_pages
from desktop.export.pptx import PptxOptions
from desktop.export.pptx_notes import NotesWriter
from desktop.export.pptx_package import (
    Properties,
    SlideMaker,
    freeze_slide,
    set_properties,
    write_sections,
    write_theme,
)
from desktop.export.pptx_shapes import SlideWriter, layout_for
from desktop.export.pptx_text import Style
from desktop.render.builder import SlideLayout
from desktop.render.renderer import SlideRenderer

SLIDE_HEIGHT_EMU: Final = 6858000
"""7.5 in, PowerPoint's usual slide height: 16:9 slides are 13.333 in wide, 4:3 ones 10 in."""


def write_pptx(job: ExportJob[PptxOptions]) -> ExportResult:
    """Write the PowerPoint deck of *job* atomically (see :meth:`PptxExporter.export
    <desktop.export.exporter.Exporter.export>`)."""
    deck = job.deck
    with job.atomic_file() as target:
        renderer = job.renderer or SlideRenderer(deck, job.options.theme)
        pages = plan_pages(deck, ExportLayout.SLIDES, job.slides)
        presentation = build(deck, renderer, pages, job)
        presentation.save(str(target.temp))
    return ExportResult(target.path, len(pages), target.path.stat().st_size)


def build(
    deck: Deck, renderer: SlideRenderer, pages: list[Page], job: ExportJob[PptxOptions]
) -> Presentation:
    """The presentation of *pages*, drawn with *renderer*; *job* is told of each slide."""
    width, height = deck.canvas_size
    emu_per_px = SLIDE_HEIGHT_EMU / height
    presentation = pptx.Presentation()
    _number_parts_in_order(presentation)
    presentation.slide_width = Emu(round(width * emu_per_px))
    presentation.slide_height = Emu(SLIDE_HEIGHT_EMU)
    style = Style.of(renderer.theme, emu_per_px)
    write_theme(presentation, renderer.theme, style)
    writer = SlideWriter(style, QSize(width, height), renderer.theme)
    notes = NotesWriter(style)
    maker = SlideMaker(presentation)
    sections: list[tuple[str, list[int]]] = []
    first_slide: dict[int, Part] = {}
    links = []
    names = section_names(deck, pages)
    for done, page in enumerate(pages, 1):
        laid_out, layout, index = _laid_out(deck, renderer, page)
        slide_layout, boxes = layout_for(presentation.slide_layouts, layout)
        slide, rid = maker.add(slide_layout)
        built = writer.write(slide, laid_out, boxes)
        links.extend(built.links)
        part: Part = slide.part
        if index is not None:
            notes.write(slide, deck.refs[index].slide.notes)
        if not built.links:  # an agenda's links are added at the end, to later slides
            part = freeze_slide(presentation, slide.part, rid)
        if index is not None:
            first_slide.setdefault(deck.refs[index].section_index, part)
        name = names[done - 1]
        if not sections or sections[-1][0] != name:
            sections.append((name, []))
        # The id of the slide just added: the last of the list (``slide.slide_id`` looks
        # it up in the whole list, which made a long export quadratic).
        sections[-1][1].append(presentation.slides._sldIdLst[-1].id)
        job.step(done, len(pages))
    for shape, section in links:
        target = first_slide.get(section)
        if target is not None:
            link_to(shape, target)
    write_sections(presentation, sections, plain(deck.title))
    set_properties(presentation, properties(deck), f"tianjin-briefing {__version__}")
    return presentation


def link_to(shape: BaseShape, slide: Part) -> None:
    """Make a click on *shape* go to *slide* (a part: the slide may be frozen, so python-pptx's
    ``target_slide``, which takes a slide, cannot be used)."""
    action = shape.click_action
    action.target_slide = None  # no other action
    hlink = action._element.get_or_add_hlinkClick()
    hlink.action = "ppaction://hlinksldjump"
    hlink.rId = shape.part.relate_to(slide, RT.SLIDE)


def properties(deck: Deck) -> Properties:
    """Title, author, subject and keywords: the same as the PDF's."""
    return Properties(
        title=plain(deck.title),
        author=deck.author,
        subject=plain(deck.subtitle) or plain(deck.title),
        keywords=", ".join(plain(s.title) for s in deck.sections),
    )


def _laid_out(
    deck: Deck, renderer: SlideRenderer, page: Page
) -> tuple[SlideLayout, Layout, int | None]:
    if page.kind is PageKind.SLIDE:
        index = page.slides[0]
        return renderer.layout(index), deck.refs[index].slide.layout, index
    layout = Layout.AGENDA if page.kind is PageKind.AGENDA else Layout.SOURCES
    return renderer.generated(layout, page.label, page.part), layout, None


def section_names(deck: Deck, pages: list[Page]) -> list[str]:
    """The section each page is in: a generated slide joins the section before it (the agenda
    at the start: the section after it)."""
    names: list[str | None] = [
        section_title(deck, deck.refs[page.slides[0]].section_index)
        if page.kind is PageKind.SLIDE
        else None
        for page in pages
    ]
    known = [name for name in names if name is not None]
    last = known[0] if known else plain(deck.title)
    filled: list[str] = []
    for name in names:
        last = name if name is not None else last
        filled.append(last)
    return filled


def section_title(deck: Deck, section_index: int) -> str:
    """A section as PowerPoint's section list names it: ``Title · 标题``."""
    section = deck.sections[section_index]
    title = plain(section.title)
    return f"{title} · {section.title_zh}" if section.title_zh else title


def _number_parts_in_order(presentation: Presentation) -> None:
    """Make the package's ``next_partname`` constant-time for the export's parts.

    python-pptx finds a new part's name (each slide's notes, each SVG) by walking every
    part of the package, which makes an export quadratic: 1,000 slides took 36 ms a slide
    against 19 at 300. The parts this export adds are only ever named through this method,
    so after one walk per name template the next free number is the one after the last.
    """
    package = presentation.part.package
    walk = package.next_partname
    last: dict[str, int] = {}

    def next_partname(tmpl: str) -> PackURI:
        if tmpl not in last:
            first = walk(tmpl)
            last[tmpl] = first.idx or 1
            return first
        last[tmpl] += 1
        return PackURI(tmpl % last[tmpl])

    package.next_partname = next_partname  # type: ignore[method-assign]
