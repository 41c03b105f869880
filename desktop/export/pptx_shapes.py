"""One PowerPoint slide from one laid-out slide: the same boxes, as native shapes.

The renderer's :class:`~desktop.render.builder.SlideLayout` is walked in paint order: the
full-slide fill becomes the slide's background, other fills rectangles, rules lines, pictures
pictures (SVG with a PNG fallback) and text boxes native text; a table and a chart become a
PowerPoint table and chart (:mod:`desktop.export.pptx_data`). The title goes into the
layout's title placeholder (the title slide's subtitle into its subtitle placeholder), bullets
into the body placeholder, two columns into the two content placeholders, so PowerPoint's
outline, its layouts and its accessibility checker see the deck's structure.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Final, cast

from lxml import etree
from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.slide import Slide, SlideLayouts
from pptx.slide import SlideLayout as PptxLayout
from pptx.util import Emu
from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.core.model import Layout
from desktop.core.theme import Theme
from desktop.export.png_encode import encode_png
from desktop.export.pptx_data import Areas
from desktop.export.pptx_text import Style, fill_frame, set_colour
from desktop.render.builder import SlideLayout
from desktop.render.items import Fill, Picture, Rule, Text
from desktop.render.text import Para, TextBox

SVG_EXTENSION: Final = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NAMESPACE: Final = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
FALLBACK_SCALE: Final = 2.0
"""The PNG beside an SVG has twice the pixels of its box on the canvas (a 4K slide's)."""

LAYOUTS: Final = {
    Layout.TITLE: ("Title Slide", {"title": 0}),
    Layout.SECTION: ("Section Header", {"section-title": 0}),
    Layout.BULLETS: ("Title and Content", {"title": 0, "bullets": 1}),
    Layout.TWO_COLUMN: ("Two Content", {"title": 0, "column-0": 1, "column-1": 2}),
}
"""Each layout's PowerPoint layout and which of our boxes fills which placeholder (by idx);
other layouts are "Title Only", with the title in its placeholder."""
TITLE_ONLY: Final = ("Title Only", {"title": 0})
SUBTITLE_IDX: Final = 1
"""The title slide's subtitle placeholder: its title box's paragraphs after the first."""


@dataclass
class Built:
    """What building a slide left for the deck-wide pass.

    Attributes:
        links: Shapes of agenda entries and the section each goes to.
        svgs: SVG images embedded (each a part of its own).
    """

    links: list[tuple[BaseShape, int]] = field(default_factory=list)
    svgs: int = 0


def layout_for(layouts: SlideLayouts, layout: Layout) -> tuple[PptxLayout, dict[str, int]]:
    """The PowerPoint slide layout for our *layout*, and its placeholder map."""
    name, boxes = LAYOUTS.get(layout, TITLE_ONLY)
    found = layouts.get_by_name(name)
    if found is None:
        raise LookupError(f"the PowerPoint template has no layout {name!r}")
    return found, boxes


class SlideWriter:
    """Writes laid-out slides onto PowerPoint slides with one style."""

    def __init__(self, style: Style, canvas: QSize, theme: Theme) -> None:
        self.style = style
        self.theme = theme
        self.canvas = canvas
        self.svg_count = 0

    def write(self, slide: Slide, laid_out: SlideLayout, boxes: dict[str, int]) -> Built:
        built = Built()
        placeholders = {ph.placeholder_format.idx: ph for ph in slide.placeholders}
        used: set[int] = set()
        tree = slide.shapes._spTree  # python-pptx has no API for the z-order
        full = QRectF(0, 0, self.canvas.width(), self.canvas.height())
        areas = Areas(laid_out)
        for item in laid_out.items:
            area = areas.owner(item)
            if area is not None:
                areas.write(slide, area, self.theme, self.style)
            elif isinstance(item, Fill):
                if item.rect.contains(full):
                    slide.background.fill.solid()
                    set_colour(slide.background.fill.fore_color, item.color, self.style)
                else:
                    self.rectangle(slide, item)
            elif isinstance(item, Rule):
                self.line(slide, item)
            elif isinstance(item, Picture):
                self.picture(slide, item, built)
            elif isinstance(item, Text):
                box = item.box
                idx = boxes.get(box.name)
                if idx is not None and idx in placeholders:
                    shapes = self.placeholder_text(placeholders, idx, box, used)
                    for shape in shapes:
                        tree.remove(shape._element)
                        tree.append(shape._element)  # in paint order, over what is under it
                else:
                    shape = self.text_box(slide, box, box.rect, box.paras)
                    section = _linked(laid_out, box)
                    if section is not None:
                        built.links.append((shape, section))
        for idx, placeholder in placeholders.items():
            if idx not in used:
                tree.remove(placeholder._element)
        return built

    # -- shapes -----------------------------------------------------------------------

    def place(self, shape: BaseShape, rect: QRectF) -> None:
        emu = self.style.emu
        shape.left, shape.top = emu(rect.left()), emu(rect.top())
        shape.width, shape.height = emu(rect.width()), emu(rect.height())

    def rectangle(self, slide: Slide, item: Fill) -> None:
        emu = self.style.emu
        rect = item.rect
        shape: Shape = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE,
            emu(rect.left()),
            emu(rect.top()),
            emu(rect.width()),
            emu(rect.height()),
        )
        shape.fill.solid()
        set_colour(shape.fill.fore_color, item.color, self.style)
        shape.line.fill.background()
        shape.shadow.inherit = False
        _no_style(shape)

    def line(self, slide: Slide, item: Rule) -> None:
        emu = self.style.emu
        connector = slide.shapes.add_connector(
            MSO_CONNECTOR.STRAIGHT,
            emu(item.start.x()),
            emu(item.start.y()),
            emu(item.end.x()),
            emu(item.end.y()),
        )
        set_colour(connector.line.color, item.color, self.style)
        connector.line.width = emu(item.width)
        _no_style(connector)

    def text_box(self, slide: Slide, box: TextBox, rect: QRectF, paras: list[Para]) -> Shape:
        shape: Shape = slide.shapes.add_textbox(Emu(0), Emu(0), Emu(1), Emu(1))
        self.place(shape, rect)
        shape.name = f"{box.name or 'text'} {len(slide.shapes)}"
        fill_frame(shape.text_frame, box, self.style, paras)
        return shape

    def placeholder_text(
        self, placeholders: dict[int, BaseShape], idx: int, box: TextBox, used: set[int]
    ) -> list[BaseShape]:
        """Fill placeholder *idx* with *box*; the title slide's subtitle goes to its own."""
        paras = list(box.paras)
        shapes: list[BaseShape] = []
        subtitle = placeholders.get(SUBTITLE_IDX)
        split = box.name == "title" and idx == 0 and subtitle is not None and len(paras) > 1
        if split and subtitle is not None and box.document is not None:
            layout = box.document.documentLayout()
            second = layout.blockBoundingRect(box.document.findBlockByNumber(1))
            top = _text_top(box)
            title_rect = QRectF(box.rect.left(), top, box.rect.width(), second.top())
            rest = QRectF(
                box.rect.left(), top + second.top(), box.rect.width(), box.rect.bottom() - top
            )
            rest.setBottom(min(rest.bottom(), top + box.document.size().height() + 1))
            self._fill(subtitle, box, rest, paras[1:])
            used.add(SUBTITLE_IDX)
            shapes.append(subtitle)
            paras, rect = paras[:1], title_rect
        else:
            rect = box.rect
        placeholder = placeholders[idx]
        self._fill(placeholder, box, rect, paras)
        used.add(idx)
        shapes.insert(0, placeholder)
        return shapes

    def _fill(self, shape: BaseShape, box: TextBox, rect: QRectF, paras: list[Para]) -> None:
        self.place(shape, rect)
        frame = shape.text_frame  # type: ignore[attr-defined]
        fill_frame(frame, box, self.style, paras)

    def picture(self, slide: Slide, item: Picture, built: Built) -> None:
        source = item.source
        rect = item.drawn
        emu = self.style.emu
        where = (emu(rect.left()), emu(rect.top()), emu(rect.width()), emu(rect.height()))
        if source is not None and source[0] != "svg":
            shape = slide.shapes.add_picture(io.BytesIO(source[1]), *where)
        else:
            png = self.fallback(item)
            shape = slide.shapes.add_picture(io.BytesIO(png), *where)
            if source is not None:
                self.attach_svg(slide, shape, source[1])
                built.svgs += 1
        shape.name = f"{item.name or item.path.name}"
        description = item.name or item.path.name
        _element(shape).find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}").set(  # type: ignore[union-attr]
            "descr", description
        )

    def fallback(self, item: Picture) -> bytes:
        """The picture as our renderer draws it (an SVG, or the placeholder), as PNG bytes."""
        rect = item.drawn
        size = QSize(
            max(1, round(rect.width() * FALLBACK_SCALE)),
            max(1, round(rect.height() * FALLBACK_SCALE)),
        )
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(0, 0, 0, 0))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(FALLBACK_SCALE, FALLBACK_SCALE)
        painter.translate(QPointF(-rect.left(), -rect.top()))
        item.paint(painter)
        painter.end()
        return encode_png(image)

    def attach_svg(self, slide: Slide, shape: BaseShape, svg: bytes) -> None:
        """Add the SVG beside the picture's PNG, as PowerPoint 2016 and later read it."""
        self.svg_count += 1
        package = slide.part.package
        partname = package.next_partname("/ppt/media/image-svg%d.svg")
        part = Part(PackURI(str(partname)), "image/svg+xml", package, svg)
        rid = slide.part.relate_to(part, RT.IMAGE)
        blip = _element(shape).find(f"{qn('p:blipFill')}/{qn('a:blip')}")
        assert blip is not None
        ext_list = blip.find(qn("a:extLst"))
        if ext_list is None:
            ext_list = blip.makeelement(qn("a:extLst"), {})
            blip.append(ext_list)
        ext = ext_list.makeelement(qn("a:ext"), {"uri": SVG_EXTENSION})
        ext_list.append(ext)
        svg_blip = ext.makeelement(f"{{{SVG_NAMESPACE}}}svgBlip", {qn("r:embed"): rid})
        ext.append(svg_blip)


def _text_top(box: TextBox) -> float:
    """Where the box's text starts, its vertical alignment applied (as it paints)."""
    assert box.document is not None
    height = box.document.size().height()
    spare = box.rect.height() - height
    top = box.rect.top()
    if box.valign.value == "center":
        top += spare / 2
    elif box.valign.value == "bottom":
        top += spare
    return max(box.rect.top(), top)


def _linked(laid_out: SlideLayout, box: TextBox) -> int | None:
    """The section the box links to: an agenda entry's link area holds the box's centre."""
    centre = box.rect.center()
    return next((section for rect, section in laid_out.links if rect.contains(centre)), None)


def _element(shape: BaseShape) -> etree._Element:
    return cast(etree._Element, shape._element)


def _no_style(shape: BaseShape) -> None:
    """Drop the shape's style reference: the template's theme would add a border and shadow."""
    style = shape._element.find(qn("p:style"))
    if style is not None:
        shape._element.remove(style)
