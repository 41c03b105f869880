"""PowerPoint paragraphs: the copies of shared looks are the XML python-pptx's own API makes."""

from __future__ import annotations

import pptx
from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame
from pptx.util import Emu, Pt
from PySide6.QtCore import QRectF, Qt

from desktop.core.markup import parse_inline
from desktop.core.theme import load_theme
from desktop.export.pptx_text import CJK, Style, colour_element, fill_frame, mark_east_asian
from desktop.render.text import Para, TextBox

THEME = load_theme("default")
PARAS = [
    Para("A **bold** and *italic* title", 60, THEME.color("text"), bold=True),
    Para("First point, 第一点", 36, THEME.color("text"), level=1, bullet_color="#b0262d"),
    Para("A sub-point", 30, "#123456", level=2, align=Qt.AlignmentFlag.AlignHCenter),
    Para("First point, 第一点", 36, THEME.color("text"), level=1, bullet_color="#b0262d"),
    Para("raw *stars*\x07 and a tab\there", 24, THEME.color("muted"), markup=False),
    Para("Right", 24, THEME.color("accent"), italic=True, align=Qt.AlignmentFlag.AlignRight),
]


def reference(frame: TextFrame, box: TextBox, style: Style) -> None:
    """The paragraphs as python-pptx's object API writes them, one property at a time."""
    frame.clear()
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Emu(0)
    frame.word_wrap = box.wrap
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    for number, para in enumerate(box.paras):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        size = max(1.0, para.size * box.scale)
        align = Qt.AlignmentFlag
        paragraph.alignment = (
            PP_ALIGN.CENTER
            if para.align & align.AlignHCenter
            else PP_ALIGN.RIGHT
            if para.align & align.AlignRight
            else PP_ALIGN.LEFT
        )
        paragraph.line_spacing = para.line_height / 100
        last = number == len(box.paras) - 1
        paragraph.space_after = Pt(0) if last else style.points(size * para.space_after)
        paragraph.space_before = Pt(0)
        p_pr = paragraph._p.get_or_add_pPr()
        if para.level:
            indent = size * (1.1 if para.level == 1 else 1.0)
            paragraph.level = para.level - 1
            p_pr.set("marL", str(style.emu((para.level - 1) * size * 1.3 + indent)))
            p_pr.set("indent", str(-style.emu(indent)))
            bullet = para.bullet_color or para.color
            colour_element(etree.SubElement(p_pr, qn("a:buClr")), bullet, style)
            etree.SubElement(p_pr, qn("a:buFont"), typeface=style.latin)
            etree.SubElement(p_pr, qn("a:buChar"), char="•" if para.level == 1 else "–")
        else:
            p_pr.set("marL", "0")
            p_pr.set("indent", "0")
            etree.SubElement(p_pr, qn("a:buNone"))
        runs = parse_inline(para.text) if para.markup else ()
        pieces = [(r.text, para.bold or r.bold, para.italic != r.italic) for r in runs]
        for text, bold, italic in pieces if para.markup else [(para.text, para.bold, para.italic)]:
            run = paragraph.add_run()
            run.text = text
            run.font.size = style.points(size)
            run.font.bold, run.font.italic = bold, italic
            slot = style.schemes.get(para.color.lower())
            if slot is not None:
                run.font.color.theme_color = slot
            else:
                run.font.color.rgb = RGBColor.from_string(para.color[1:])
            run.font.name = style.latin
            run._r.get_or_add_rPr().set("cap", "none")
            if CJK.search(text):
                mark_east_asian(run, style.east_asian)


def test_shared_looks_write_what_python_pptxs_api_writes() -> None:
    presentation = pptx.Presentation()
    style = Style.of(THEME, 6350)
    box = TextBox(QRectF(0, 0, 800, 400), PARAS, THEME.fonts, scale=0.8)
    written: dict[str, list[bytes]] = {"ours": [], "python-pptx": []}
    for _ in range(2):  # the second time, every look is a copy
        for who, frames in written.items():
            slide = presentation.slides.add_slide(presentation.slide_layouts[1])
            text_box = slide.shapes.add_textbox(Emu(0), Emu(0), Emu(9), Emu(9)).text_frame
            placeholder = slide.placeholders[1].text_frame  # a paragraph of the template's
            for frame in (text_box, placeholder):
                if who == "ours":
                    fill_frame(frame, box, style, box.paras)
                else:
                    reference(frame, box, style)
                frames.append(etree.tostring(frame._txBody))
    assert written["ours"] == written["python-pptx"]
    assert b"_x0007_" in written["ours"][0]  # a control character escaped
    assert b"a tab\there" in written["ours"][0]
    assert len(style.looks) == 5 + 6  # paragraph looks (one used twice), run looks
