"""Give a PDF written by Qt its structure with pypdf: outline, links, labels, metadata."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import __version__

if TYPE_CHECKING:
    from pypdf import PdfWriter


@dataclass(frozen=True)
class OutlineEntry:
    title: str
    page: int
    children: tuple[OutlineEntry, ...] = ()


@dataclass(frozen=True)
class LinkArea:
    page: int
    rect: tuple[float, float, float, float]
    """x0, y0, x1, y1 in points from the page's top left."""
    target: int


@dataclass(frozen=True)
class Structure:
    title: str
    author: str
    subject: str
    keywords: str
    outline: tuple[OutlineEntry, ...]
    links: tuple[LinkArea, ...]
    labels: tuple[str, ...]
    """One label per page: digits are numbered pages, anything else a named page."""
    language: str = ""
    """The document's language code (the catalog's ``/Lang``): the language the texts are
    shown in; none when empty."""


def apply_structure(source: Path, target: Path, structure: Structure) -> int:
    """Read Qt's PDF at *source*, add the structure, write *target*; return the page count."""
    # pypdf is imported here, not at the top: it takes ~50 ms, and the GUI imports this
    # module at start-up but only needs pypdf once the user exports.
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import Fit, NameObject, TextStringObject

    reader = PdfReader(source)
    writer = PdfWriter(clone_from=reader)
    now = dt.datetime.now(dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
    writer.add_metadata(
        {
            "/Title": structure.title,
            "/Author": structure.author,
            "/Subject": structure.subject,
            "/Keywords": structure.keywords,
            "/Creator": f"tianjin-briefing {__version__}",
            "/CreationDate": now,
            "/ModDate": now,
        }
    )
    for entry in structure.outline:
        parent = writer.add_outline_item(title=entry.title, page_number=entry.page, fit=Fit.fit())
        for child in entry.children:
            writer.add_outline_item(
                title=child.title, page_number=child.page, parent=parent, fit=Fit.fit()
            )
    writer.page_mode = "/UseOutlines"
    if structure.language:
        writer.root_object[NameObject("/Lang")] = TextStringObject(structure.language)
    for link in structure.links:
        height = float(writer.pages[link.page].mediabox.height)
        x0, y0, x1, y1 = link.rect
        writer.add_annotation(
            link.page,
            Link(rect=(x0, height - y1, x1, height - y0), target_page_index=link.target),
        )
    _labels(writer, structure.labels)
    with target.open("wb") as stream:
        writer.write(stream)
    return len(writer.pages)


def _labels(writer: PdfWriter, labels: tuple[str, ...]) -> None:
    """Page labels: runs of consecutive numbers share one decimal range."""
    from pypdf.constants import PageLabelStyle

    index = 0
    while index < len(labels):
        label = labels[index]
        if label.isdigit():
            end = index
            while (
                end + 1 < len(labels)
                and labels[end + 1].isdigit()
                and int(labels[end + 1]) == int(labels[end]) + 1
            ):
                end += 1
            writer.set_page_label(index, end, style=PageLabelStyle.DECIMAL, start=int(label))
            index = end + 1
        else:
            writer.set_page_label(index, index, prefix=label)
            index += 1
