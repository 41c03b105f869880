"""Speaker notes on a PowerPoint notes page: the Markdown as plain paragraphs and lists.

The notes are parsed by :func:`desktop.render.notes.notes_document`, the one safe Markdown
reader every surface uses: raw HTML stays text, images become ``[image: alt]``, and only
``http``/``https``/``mailto`` links stay links. Each block of that document becomes a
paragraph (a list item with its bullet or number and level, a heading in bold), each run of
it a run keeping bold, italic and a safe link.
"""

from __future__ import annotations

import copy
from typing import Final, cast

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.slide import NotesSlidePart
from pptx.slide import NotesSlide, Slide
from pptx.text.text import _Paragraph
from pptx.util import Pt
from PySide6.QtGui import QTextBlock, QTextList, QTextListFormat

from desktop.export.pptx_text import CJK, Style, mark_east_asian
from desktop.render.notes import notes_document

NOTES_POINTS: Final = 12
LIST_INDENT_EMU: Final = 228600
"""A list level's indent on the notes page: 0.25 in."""
_NUMBERED: Final = {
    QTextListFormat.Style.ListDecimal: "arabicPeriod",
    QTextListFormat.Style.ListLowerAlpha: "alphaLcPeriod",
    QTextListFormat.Style.ListUpperAlpha: "alphaUcPeriod",
    QTextListFormat.Style.ListLowerRoman: "romanLcPeriod",
    QTextListFormat.Style.ListUpperRoman: "romanUcPeriod",
}
_BULLETS: Final = {
    QTextListFormat.Style.ListCircle: "◦",
    QTextListFormat.Style.ListSquare: "▪",
}


class NotesWriter:
    """Writes the speaker notes of each slide onto its notes page, with one style.

    python-pptx makes a notes page by cloning the notes master's placeholders, a millisecond
    a slide; every fresh page is the same, so the first is made so and the later ones are
    copies of it, related to the master and their slide as python-pptx relates them.
    """

    def __init__(self, style: Style) -> None:
        self.style = style
        self._fresh: BaseOxmlElement | None = None

    def write(self, slide: Slide, markdown: str) -> int:
        """Put *markdown* on *slide*'s notes page; return the paragraphs written (0: no notes,
        and no notes page)."""
        if not markdown.strip():
            return 0
        document = notes_document(markdown)
        frame = self._page(slide).notes_text_frame
        if frame is None:
            raise LookupError("the notes page has no notes placeholder")
        frame.clear()  # type: ignore[no-untyped-call]
        written = 0
        block = document.begin()
        while block.isValid():
            paragraph = frame.paragraphs[0] if written == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
            _block(paragraph, block, self.style)
            written += 1
            block = block.next()
        return written

    def _page(self, slide: Slide) -> NotesSlide:
        """*slide*'s new notes page, as python-pptx's ``slide.notes_slide`` makes it."""
        if self._fresh is None:
            page = slide.notes_slide
            self._fresh = copy.deepcopy(page._element)
            return page
        part = slide.part
        package = part.package
        master = package.presentation_part.notes_master_part
        name = package.next_partname("/ppt/notesSlides/notesSlide%d.xml")
        notes = NotesSlidePart(name, CT.PML_NOTES_SLIDE, package, copy.deepcopy(self._fresh))
        notes.relate_to(master, RT.NOTES_MASTER)
        notes.relate_to(part, RT.SLIDE)
        part.relate_to(notes, RT.NOTES_SLIDE)
        return slide.notes_slide  # the page just related


def _block(paragraph: _Paragraph, block: QTextBlock, style: Style) -> None:
    heading = block.blockFormat().headingLevel()
    listed = cast("QTextList | None", block.textList())  # None outside a list
    p_pr = paragraph._p.get_or_add_pPr()  # python-pptx has no API for bullets
    if listed is not None:
        fmt = listed.format()
        level = max(1, fmt.indent())
        paragraph.level = min(level - 1, 8)
        p_pr.set("marL", str(LIST_INDENT_EMU * level))
        p_pr.set("indent", str(-LIST_INDENT_EMU))
        numbered = _NUMBERED.get(fmt.style())
        if numbered is not None:
            etree.SubElement(p_pr, qn("a:buAutoNum"), type=numbered)
        else:
            etree.SubElement(p_pr, qn("a:buChar"), char=_BULLETS.get(fmt.style(), "•"))
    else:
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        etree.SubElement(p_pr, qn("a:buNone"))
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        fragments += 1
        if not fragment.isValid() or not fragment.text():
            continue
        char_format = fragment.charFormat()
        run = paragraph.add_run()
        run.text = fragment.text().replace("\u2028", "\n")
        run.font.size = Pt(NOTES_POINTS + (2 if heading else 0))
        run.font.bold = heading > 0 or char_format.font().bold()
        run.font.italic = char_format.fontItalic()
        run.font.name = style.latin
        if CJK.search(run.text):
            mark_east_asian(run, style.east_asian)
        if char_format.isAnchor() and char_format.anchorHref():
            run.hyperlink.address = char_format.anchorHref()  # notes_document checked it
