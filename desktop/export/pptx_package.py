"""The deck-wide parts of a PowerPoint file: theme, sections and document properties; and
finished slides kept as bytes (:func:`freeze_slide`).

python-pptx has no API for sections or for the theme, so both are written as XML: the
sections as PowerPoint 2010's ``p14:sectionLst`` extension of ``presentation.xml``, the
theme's colour scheme and fonts into the slide master's ``theme1.xml``.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part, XmlPart, _Relationship, _Relationships
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.slide import SlidePart
from pptx.presentation import Presentation
from pptx.slide import Slide, SlideLayout

from desktop.core.theme import Theme
from desktop.export.pptx_text import THEME_SLOTS, Style

SECTIONS_URI: Final = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
P14: Final = "http://schemas.microsoft.com/office/powerpoint/2010/main"
A: Final = "http://schemas.openxmlformats.org/drawingml/2006/main"
PROPERTY_LIMIT: Final = 255
"""Characters a core property may hold (python-pptx refuses more)."""
_SECTION_IDS: Final = uuid.UUID("6f1b6d2e-3c55-4d4c-9a43-0d1c5e0b7a11")
"""Namespace of the sections' ids: the same deck gets the same ids in every export."""


@dataclass(frozen=True)
class Properties:
    """The document properties (File → Info in PowerPoint)."""

    title: str
    author: str
    subject: str
    keywords: str


def set_properties(presentation: Presentation, properties: Properties, creator: str) -> None:
    core = presentation.core_properties
    core.title = fit_property(properties.title)
    core.author = fit_property(properties.author)
    core.subject = fit_property(properties.subject)
    core.keywords = fit_property(properties.keywords)
    core.comments = f"Written by {creator}"
    core.last_modified_by = properties.author or creator
    core.revision = 1
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    core.created = core.modified = now


def fit_property(text: str) -> str:
    """*text* cut to what a core property holds (255 characters), at a comma or word end."""
    if len(text) <= PROPERTY_LIMIT:
        return text
    cut = text[: PROPERTY_LIMIT - 1]
    for mark in (", ", " "):
        if mark in cut:
            return cut[: cut.rindex(mark)].rstrip(", ") + "…"
    return cut + "…"


def write_sections(
    presentation: Presentation, sections: Sequence[tuple[str, Sequence[int]]], key: str
) -> None:
    """Group the slides into *sections*: (name, the slides' ids in presentation.xml).

    *key* (the deck's title, say) makes the section ids stable from one export to the next.
    """
    root = presentation.part._element  # python-pptx has no API for sections
    ext_list = root.find(qn("p:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(root, qn("p:extLst"))
    for old in ext_list.findall(f"{qn('p:ext')}[@uri='{SECTIONS_URI}']"):
        ext_list.remove(old)
    ext = etree.SubElement(ext_list, qn("p:ext"), uri=SECTIONS_URI)
    listing = etree.SubElement(ext, f"{{{P14}}}sectionLst", nsmap={"p14": P14})
    for number, (name, slide_ids) in enumerate(sections):
        guid = uuid.uuid5(_SECTION_IDS, f"{key}\n{number}\n{name}")
        section = etree.SubElement(
            listing, f"{{{P14}}}section", name=name, id="{" + str(guid).upper() + "}"
        )
        ids = etree.SubElement(section, f"{{{P14}}}sldIdLst")
        for slide_id in slide_ids:
            etree.SubElement(ids, f"{{{P14}}}sldId", id=str(slide_id))


def write_theme(presentation: Presentation, theme: Theme, style: Style) -> None:
    """Our theme's colours and fonts as the PowerPoint theme's colour and font schemes."""
    part = presentation.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    elements = root.find(f"{{{A}}}themeElements")
    assert elements is not None
    root.set("name", theme.name)
    colours = elements.find(f"{{{A}}}clrScheme")
    assert colours is not None
    colours.set("name", theme.name)
    for name, _, element in THEME_SLOTS:
        slot = colours.find(f"{{{A}}}{element}")
        assert slot is not None
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, f"{{{A}}}srgbClr", val=theme.color(name).lstrip("#").upper())
    fonts = elements.find(f"{{{A}}}fontScheme")
    assert fonts is not None
    fonts.set("name", theme.name)
    for which in ("majorFont", "minorFont"):
        scheme = fonts.find(f"{{{A}}}{which}")
        assert scheme is not None
        for tag, face in (("latin", style.latin), ("ea", style.east_asian)):
            found = scheme.find(f"{{{A}}}{tag}")
            if found is not None:
                found.set("typeface", face)
        for script in scheme.findall(f"{{{A}}}font"):
            if script.get("script") in {"Hans", "Hant"}:
                script.set("typeface", style.east_asian)
    # A theme part is a plain python-pptx Part: its bytes are what is written.
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


FROZEN_TYPES: Final = (CT.PML_NOTES_SLIDE, CT.DML_CHART)
"""The parts of one slide alone that are frozen with it (a layout, a master or an image is
shared by many slides)."""


def freeze_slide(presentation: Presentation, slide: Part, rid: str) -> Part:
    """Keep a finished slide, its notes and charts as their XML bytes, not as XML trees.

    python-pptx holds every part's XML tree until the file is saved: 150–200 KiB a slide, the
    most of a long export's memory. A slide is not changed once written, so its parts are
    serialized (9 KiB a slide) and put in the package in place of the trees; their
    relationships stay as they are. *rid* is the presentation's relationship to the slide
    (looking it up among a long deck's thousand was quadratic). Returns the slide's part as
    the package now holds it.
    """
    for rel in list(slide.rels.values()):
        target = rel.target_part if not rel.is_external else None
        if isinstance(target, XmlPart) and target.content_type in FROZEN_TYPES:
            _replace(target, [slide])
    frozen = _replace(slide, _frozen_targets(slide))
    _repoint(presentation.part.rels, rid, frozen)
    return frozen


class SlideMaker:
    """Adds slides to a presentation as python-pptx's ``slides.add_slide`` does, in constant
    time a slide.

    python-pptx clones a layout's placeholders into each new slide and walks every
    relationship and slide id of the presentation to add one (quadratic: 3 ms a slide at
    1,000). A new slide of a layout is always the same XML, so the first of each layout is
    made by python-pptx and the later ones are copies of it, related and numbered as
    python-pptx would (the next part name, rId and slide id).
    """

    def __init__(self, presentation: Presentation) -> None:
        self.presentation = presentation
        self._fresh: dict[str, BaseOxmlElement] = {}
        self._last_id = 0

    def add(self, layout: SlideLayout) -> tuple[Slide, str]:
        """A new slide of *layout* at the end, and the presentation's relationship to it."""
        slides = self.presentation.slides
        ids = slides._sldIdLst
        key = str(layout.part.partname)
        fresh = self._fresh.get(key)
        if fresh is None:
            slide = slides.add_slide(layout)
            self._fresh[key] = copy.deepcopy(slide._element)
        else:
            part = self.presentation.part
            name = PackURI(f"/ppt/slides/slide{len(ids) + 1}.xml")
            slide_part = SlidePart(name, CT.PML_SLIDE, part.package, copy.deepcopy(fresh))
            slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
            rid = part.rels._add_relationship(RT.SLIDE, slide_part)  # a new part: no match
            ids._add_sldId(id=self._last_id + 1, rId=rid)
            slide = slide_part.slide
        added = ids[-1]
        self._last_id = added.id
        return slide, added.rId


def _frozen_targets(part: Part) -> list[Part]:
    return [
        rel.target_part
        for rel in part.rels.values()
        if not rel.is_external and rel.target_part.content_type in FROZEN_TYPES
    ]


def _replace(part: Part, referrers: list[Part]) -> Part:
    """A plain part of *part*'s bytes and relationships, in its place for *referrers*."""
    frozen = Part(part.partname, part.content_type, part.package, part.blob)
    frozen.__dict__["_rels"] = part.rels  # the relationships, as python-pptx caches them
    for referrer in referrers:
        rels = referrer.rels
        for rid, rel in list(rels.items()):
            if not rel.is_external and rel.target_part is part:
                _repoint(rels, rid, frozen)
    return frozen


def _repoint(rels: _Relationships, rid: str, target: Part) -> None:
    """Make the relationship *rid* of *rels* point at *target*."""
    rel = rels[rid]
    # python-pptx has no API to re-point a relationship (nor to replace a part)
    rels._rels[rid] = _Relationship(rel._base_uri, rid, rel.reltype, rel._target_mode, target)
