"""PowerPoint text: a laid-out :class:`~desktop.render.text.TextBox` as native paragraphs.

The box's paragraphs keep what the slide shows: size (at the scale the box was fitted to),
colour (a theme colour where it is one), bold and italic runs, bullets with their level, line
spacing, space after and alignment. Every run names its Latin font, and a run holding Chinese
(or any CJK) text also its East Asian font (``a:ea``) and language, so PowerPoint draws it with
a CJK font on a PC that lacks the bundled one.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Final, NamedTuple

from lxml import etree
from pptx.dml.color import ColorFormat, RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.text.text import TextFrame, _Paragraph, _Run
from pptx.util import Emu, Length, Pt
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


class _Look(NamedTuple):
    """What a paragraph's properties (``a:pPr``) say: paragraphs alike share one."""

    align: PP_ALIGN
    line_spacing: float
    space_after: Length
    level: int
    margin: int
    """``marL``: the indent of the text (EMU)."""
    indent: int
    """``indent``: where the first line starts, from the margin (EMU; the bullet's room)."""
    bullet: str | None
    """The bullet's colour; None: no bullet."""


class _RunLook(NamedTuple):
    """What a run's properties (``a:rPr``) say: runs alike share one."""

    size: Length
    bold: bool
    italic: bool
    colour: str
    east_asian: bool


@dataclass(frozen=True)
class Style:
    """How text is written for one theme and canvas.

    Attributes:
        emu_per_px: EMU for one canvas pixel (6350 on both canvases: half a point).
        latin: The Latin font runs name.
        east_asian: The East Asian font CJK runs name.
        schemes: ``#rrggbb`` (lower case) -> the theme colour of that value.
        looks: The properties of each paragraph and run look written so far, built once
            (:func:`fill_frame`).
    """

    emu_per_px: float
    latin: str
    east_asian: str
    schemes: dict[str, MSO_THEME_COLOR]
    looks: dict[_Look | _RunLook, etree._Element] = field(
        default_factory=dict, compare=False, repr=False
    )

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


_P: Final = qn("a:p")
_P_PR: Final = qn("a:pPr")
_END: Final = qn("a:endParaRPr")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0B-\x1F]")
"""Characters XML cannot hold, written as python-pptx writes them (``_x0007_``)."""


def fill_frame(frame: TextFrame, box: TextBox, style: Style, paras: list[Para]) -> None:
    """Write *paras* (of *box*, at its fitted scale) into *frame*, replacing its text.

    python-pptx builds each paragraph, run and property through its own objects, 0.5 ms a
    paragraph: the most of a PowerPoint export's time. Paragraphs and runs that look alike
    have the same properties, so each look is built once by python-pptx (:class:`Style`
    keeps it) and copied: the same XML, a tenth of the time.
    """
    frame.clear()  # type: ignore[no-untyped-call]
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Emu(0)
    frame.word_wrap = box.wrap
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = _ANCHOR.get(box.valign, MSO_ANCHOR.BOTTOM)
    body = frame._txBody
    first = body.find(_P)  # the one paragraph clear() leaves
    for number, para in enumerate(paras):
        p = first if number == 0 and first is not None else etree.SubElement(body, _P)
        _paragraph(p, para, box.scale, style, last=number == len(paras) - 1)


def _paragraph(p: etree._Element, para: Para, scale: float, style: Style, last: bool) -> None:
    size = max(1.0, para.size * scale)
    look = _look(para, size, style, last)
    if p.find(_P_PR) is None:
        p.insert(0, copy.deepcopy(_shared(style, look)))
    else:  # properties a template left: changed as python-pptx changes them
        _set_look(_Paragraph(p, None), look, style)  # type: ignore[arg-type]
    runs = parse_inline(para.text) if para.markup else ()
    pieces = [(r.text, para.bold or r.bold, para.italic != r.italic) for r in runs]
    if not para.markup:
        pieces = [(para.text, para.bold, para.italic)]
    end = p.find(_END)
    for text, bold, italic in pieces:
        if not text:
            continue
        cjk = CJK.search(text) is not None
        run_look = _RunLook(style.points(size), bold, italic, para.color, cjk)
        run = copy.deepcopy(_shared(style, run_look))
        run[-1].text = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
        if end is None:
            p.append(run)
        else:
            end.addprevious(run)  # runs come before the paragraph's end properties


def _look(para: Para, size: float, style: Style, last: bool) -> _Look:
    align = next((value for flag, value in _ALIGN.items() if para.align & flag), PP_ALIGN.LEFT)
    after = Pt(0) if last else style.points(size * para.space_after)
    if not para.level:
        return _Look(align, para.line_height / 100, after, 0, 0, 0, None)
    indent = size * (1.1 if para.level == 1 else 1.0)
    offset = (para.level - 1) * size * 1.3
    margin, hang = style.emu(offset + indent), -style.emu(indent)
    return _Look(
        align,
        para.line_height / 100,
        after,
        para.level,
        margin,
        hang,
        para.bullet_color or para.color,
    )


def _shared(style: Style, look: _Look | _RunLook) -> etree._Element:
    """The ``a:pPr`` of a paragraph look or the ``a:r`` (empty text) of a run look, as
    python-pptx builds it, built once for *style*."""
    element = style.looks.get(look)
    if element is None:
        scratch = _Paragraph(parse_xml(f"<a:p {nsdecls('a')}/>"), None)  # type: ignore[arg-type]
        if isinstance(look, _Look):
            _set_look(scratch, look, style)
            element = scratch._p.get_or_add_pPr()
        else:
            run = scratch.add_run()
            font = run.font
            font.size = look.size
            font.bold = look.bold
            font.italic = look.italic
            set_colour(font.color, look.colour, style)
            font.name = style.latin
            run._r.get_or_add_rPr().set("cap", "none")  # the template's section title: caps
            if look.east_asian:
                mark_east_asian(run, style.east_asian)
            element = run._r
        style.looks[look] = element
    return element


def _set_look(paragraph: _Paragraph, look: _Look, style: Style) -> None:
    paragraph.alignment = look.align
    paragraph.line_spacing = look.line_spacing
    paragraph.space_after = look.space_after
    paragraph.space_before = Pt(0)
    p_pr = paragraph._p.get_or_add_pPr()  # python-pptx has no API for bullets
    if look.bullet is not None:
        paragraph.level = look.level - 1
        p_pr.set("marL", str(look.margin))
        p_pr.set("indent", str(look.indent))
        colour = etree.SubElement(p_pr, qn("a:buClr"))
        colour_element(colour, look.bullet, style)
        etree.SubElement(p_pr, qn("a:buFont"), typeface=style.latin)
        etree.SubElement(p_pr, qn("a:buChar"), char="•" if look.level == 1 else "–")
    else:
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        etree.SubElement(p_pr, qn("a:buNone"))


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
