"""Slides and notes pages made as copies are the parts python-pptx's own API makes."""

from __future__ import annotations

import pptx
from lxml import etree
from pptx.presentation import Presentation

from desktop.core.theme import load_theme
from desktop.export.pptx_notes import NotesWriter
from desktop.export.pptx_package import SlideMaker, freeze_slide
from desktop.export.pptx_text import Style
from desktop.render.qtapp import ensure_gui_app

NOTES = ["Say **this** first.\n\n- then that\n- and 第二", "", "One line."]
LAYOUTS = [0, 1, 1, 5, 1, 0]


def made(copies: bool) -> Presentation:
    """Six slides of three layouts, with notes, frozen as the export freezes them."""
    ensure_gui_app()
    presentation = pptx.Presentation()
    maker = SlideMaker(presentation)
    notes = NotesWriter(Style.of(load_theme("default"), 6350))
    for number, layout in enumerate(LAYOUTS):
        chosen = presentation.slide_layouts[layout]
        if copies:
            slide, rid = maker.add(chosen)
        else:
            slide = presentation.slides.add_slide(chosen)
            rid = presentation.slides._sldIdLst[-1].rId
        title = slide.shapes.title
        assert title is not None
        title.text = f"Slide {number + 1}"
        if copies:
            notes.write(slide, NOTES[number % 3])
        elif NOTES[number % 3]:  # python-pptx makes every notes page itself
            NotesWriter(notes.style).write(slide, NOTES[number % 3])
        freeze_slide(presentation, slide.part, rid)
    return presentation


def parts(presentation: Presentation) -> dict[str, bytes]:
    found = {}
    for part in presentation.part.package.iter_parts():
        found[str(part.partname)] = part.blob
        rels = sorted((r.rId, r.reltype, str(r.target_partname)) for r in part.rels.values())
        found[f"{part.partname} rels"] = repr(rels).encode()
    found["ids"] = etree.tostring(presentation.slides._sldIdLst)
    return found


def test_copied_slides_and_notes_pages_are_python_pptxs_own() -> None:
    ours, theirs = parts(made(copies=True)), parts(made(copies=False))
    assert ours.keys() == theirs.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == []
    assert sum(name.startswith("/ppt/notesSlides/") for name in ours) == 2 * 4  # part + rels
