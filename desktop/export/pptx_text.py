"""PowerPoint text: a laid-out :class:`~desktop.render.text.TextBox` as native paragraphs.

The box's paragraphs keep what the slide shows: size (at the scale the box was fitted to),
colour (a theme colour where it is one), bold and italic runs, bullets with their level, line
spacing, space after and alignment. Every run names its Latin font, and a run holding Chinese
(or any CJK) text also its East Asian font (``a:ea``) and language, so PowerPoint draws it with
a CJK font on a PC that lacks the bundled one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from lxml import etree
from pptx.dml.color import ColorFormat, RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame, _Paragraph, _Run
from pptx.util import Emu, Pt
from PySide6.QtCore import Qt

from desktop.core.markup import parse_inline
from desktop.core.theme import Theme
from desktop.render.text import Para, TextBox, VAlign

CJK: Final = re.compile(
    "[\u2e80-\u2fff\u3000-\u30ff\u3100-\u312f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
"""Characters PowerPoint draws with the East Asian font: CJK ideographs, kana, fullwidth forms
and CJK punctuation."""

OFFICE_FONTS: Final = {"Briefing Sans": "Arial", "Briefing Sans SC": "Microsoft YaHei"}
"""What the PPTX names instead of the bundled families, which it cannot embed: fonts every PC
with Office has. Arial is narrower than Noto Sans, so text fitted to our boxes still fits."""
DEFAULT_EA: Final = "Microsoft YaHei"
"""The East Asian font when the theme lists no CJK family."""

THEME_SLOTS: Final = (
    ("text", MSO_THEME_COLOR.TEXT_1, "dk1"),
    ("background", MSO_THEME_COLOR.BACKGROUND_1, "lt1"),
    ("band", MSO_THEME_COLOR.TEXT_2, "dk2"),
    ("panel", MSO_THEME_COLOR.BACKGROUND_2, "lt2"),
    ("accent", MSO_THEME_COLOR.ACCENT_1, "accent1"),
    ("figure", MSO_THEME_COLOR.ACCENT_2, "accent2"),
    ("muted", MSO_THEME_COLOR.ACCENT_3, "accent3"),
    ("rule", MSO_THEME_COLOR.ACCENT_4, "accent4"),
    ("band_text", MSO_THEME_COLOR.ACCENT_5, "accent5"),
    ("accent_text", MSO_THEME_COLOR.ACCENT_6, "accent6"),
)
"""Our theme's colours in the PowerPoint colour scheme: (our name, as a run refers to it, the
scheme's element)."""

_ALIGN: Final = {
    Qt.AlignmentFlag.AlignHCenter: PP_ALIGN.CENTER,
    Qt.AlignmentFlag.AlignRight: PP_ALIGN.RIGHT,
}
_ANCHOR: Final = {VAlign.TOP: MSO_ANCHOR.TOP, VAlign.CENTER: MSO_ANCHOR.MIDDLE}


@dataclass(frozen=True)
class Style:
    """How text is written for one theme and canvas.

    Attributes:
        emu_per_px: EMU for one canvas pixel (6350 on both canvases: half a point).
        latin: The Latin font runs name.
        east_asian: The East Asian font CJK runs name.
        schemes: ``#rrggbb`` (lower case) -> the theme colour of that value.
    """

    emu_per_px: float
    latin: str
    east_asian: str
    schemes: dict[str, MSO_THEME_COLOR]

    @classmethod
    def of(cls, theme: Theme, emu_per_px: float) -> Style:
        fonts = [OFFICE_FONTS.get(family, family) for family in theme.fonts]
        cjk = [f for f, family in zip(fonts, theme.fonts, strict=True) if family.endswith("SC")]
        schemes: dict[str, MSO_THEME_COLOR] = {}
        for name, slot, _ in THEME_SLOTS:
            schemes.setdefault(theme.color(name).lower(), slot)
        return cls(emu_per_px, fonts[0] if fonts else "Arial", (cjk or [DEFAULT_EA])[0], schemes)

    def emu(self, px: float) -> Emu:
        return Emu(round(px * self.emu_per_px))

    def points(self, px: float) -> Pt:
        """A font size of *px* canvas pixels, in PowerPoint's hundredths of a point."""
        return Pt(round(px * self.emu_per_px / 12700 * 100) / 100)


def fill_frame(frame: TextFrame, box: TextBox, style: Style, paras: list[Para]) -> None:
    """Write *paras* (of *box*, at its fitted scale) into *frame*, replacing its text."""
    frame.clear()  # type: ignore[no-untyped-call]
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Emu(0)
    frame.word_wrap = box.wrap
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = _ANCHOR.get(box.valign, MSO_ANCHOR.BOTTOM)
    for number, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
        _paragraph(paragraph, para, box.scale, style, last=number == len(paras) - 1)


def _paragraph(paragraph: _Paragraph, para: Para, scale: float, style: Style, last: bool) -> None:
    size = max(1.0, para.size * scale)
    paragraph.alignment = next(
        (value for flag, value in _ALIGN.items() if para.align & flag), PP_ALIGN.LEFT
    )
    paragraph.line_spacing = para.line_height / 100
    paragraph.space_after = Pt(0) if last else style.points(size * para.space_after)
    paragraph.space_before = Pt(0)
    p_pr = paragraph._p.get_or_add_pPr()  # python-pptx has no API for bullets
    if para.level:
        indent = size * (1.1 if para.level == 1 else 1.0)
        offset = (para.level - 1) * size * 1.3
        paragraph.level = para.level - 1
        p_pr.set("marL", str(style.emu(offset + indent)))
        p_pr.set("indent", str(-style.emu(indent)))
        colour = etree.SubElement(p_pr, qn("a:buClr"))
        colour_element(colour, para.bullet_color or para.color, style)
        etree.SubElement(p_pr, qn("a:buFont"), typeface=style.latin)
        etree.SubElement(p_pr, qn("a:buChar"), char="•" if para.level == 1 else "–")
    else:
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        etree.SubElement(p_pr, qn("a:buNone"))
    runs = parse_inline(para.text) if para.markup else ()
    pieces = [(r.text, para.bold or r.bold, para.italic != r.italic) for r in runs]
    if not para.markup:
        pieces = [(para.text, para.bold, para.italic)]
    for text, bold, italic in pieces:
        if text:
            write_run(paragraph.add_run(), text, size, para.color, style, bold, italic)


def write_run(
    run: _Run, text: str, size: float, colour: str, style: Style, bold: bool, italic: bool
) -> None:
    """One run of *text* at *size* canvas pixels, its fonts named (see the module)."""
    run.text = text
    font = run.font
    font.size = style.points(size)
    font.bold = bold
    font.italic = italic
    set_colour(font.color, colour, style)
    font.name = style.latin
    run._r.get_or_add_rPr().set("cap", "none")  # the template's section title says all caps
    if CJK.search(text):
        mark_east_asian(run, style.east_asian)


def set_colour(target: ColorFormat, colour: str, style: Style) -> None:
    """Give *target* the theme colour *colour* is, else *colour* itself."""
    slot = style.schemes.get(colour.lower())
    if slot is not None:
        target.theme_color = slot
    else:
        target.rgb = RGBColor.from_string(colour.lstrip("#"))  # type: ignore[no-untyped-call]


def mark_east_asian(run: _Run, typeface: str) -> None:
    """Name *typeface* as the run's East Asian font and mark the run as Chinese."""
    r_pr = run._r.get_or_add_rPr()
    r_pr.set("lang", "zh-CN")
    r_pr.set("altLang", "en-US")
    latin = r_pr.find(qn("a:latin"))
    ea = etree.Element(qn("a:ea"), typeface=typeface)
    if latin is not None:
        latin.addnext(ea)
    else:
        r_pr.append(ea)


def colour_element(parent: etree._Element, colour: str, style: Style) -> None:
    """Add *colour* to *parent* (a fill, a bullet's colour): its theme colour where it is one."""
    slot = style.schemes.get(colour.lower())
    if slot is not None:
        name = next(element for _, s, element in THEME_SLOTS if s == slot)
        etree.SubElement(parent, qn("a:schemeClr"), val=_SCHEME_REF.get(name, name))
    else:
        etree.SubElement(parent, qn("a:srgbClr"), val=colour.lstrip("#").upper())


_SCHEME_REF: Final = {"dk1": "tx1", "lt1": "bg1", "dk2": "tx2", "lt2": "bg2"}
"""How a colour refers to the first four scheme colours (through the master's colour map)."""
