"""Give the PDF Qt wrote its structure: outline, links, labels, metadata, language. Qt-free.

The structure is appended to Qt's file as an incremental update
(:mod:`desktop.export.pdf_update`): a new catalog and document information dictionary, the
outline items, the link annotations and the pages' new annotation arrays. Only the
cross-reference table, the page tree and the pages that get links are read, so adding the
structure to 1,000 pages takes milliseconds, not a re-reading and re-writing of the document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from desktop import __version__
from desktop.export.pdf_objects import Name, PdfSyntaxError, Ref, Value
from desktop.export.pdf_update import IncrementalUpdate, PageObject


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


def apply_structure(path: Path, structure: Structure) -> int:
    """Append *structure* to the PDF Qt wrote at *path*; return the page count.

    Raises:
        OSError: the file could not be read or written (a full disk, say).
        PdfSyntaxError: the file is not a PDF as Qt writes them (a bug, not a user error).
    """
    with path.open("r+b") as stream:
        update = IncrementalUpdate(stream)
        try:
            pages = update.pages()
            if len(structure.labels) != len(pages):
                raise PdfSyntaxError(
                    f"the PDF has {len(pages)} pages, the structure {len(structure.labels)}"
                )
            catalog = update.dictionary(update.trailer.get("Root"))
            root = update.trailer["Root"]
            assert isinstance(root, Ref)
            outline = _outline(update, pages, structure.outline)
            if outline is not None:
                catalog["Outlines"] = outline
            catalog["PageMode"] = Name("UseOutlines")
            if structure.language:
                catalog["Lang"] = structure.language
            catalog["PageLabels"] = {"Nums": _labels(structure.labels)}
            update.replace(root, catalog)
            _links(update, pages, structure.links)
            update.write({"Info": _info(update, structure)})
        finally:
            update.close()
    return len(pages)


def _info(update: IncrementalUpdate, structure: Structure) -> Ref:
    """The document information dictionary: Qt's (its producer), with the deck's metadata."""
    ref = update.trailer.get("Info")
    info = update.dictionary(ref) if isinstance(ref, Ref) else {}
    now = dt.datetime.now(dt.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
    info |= {
        "Title": structure.title,
        "Author": structure.author,
        "Subject": structure.subject,
        "Keywords": structure.keywords,
        "Creator": f"tianjin-briefing {__version__}",
        "CreationDate": now,
        "ModDate": now,
    }
    if not isinstance(ref, Ref):
        return update.add(info)
    update.replace(ref, info)
    return ref


def _destination(pages: list[PageObject], page: int) -> list[Value]:
    return [pages[page].ref, Name("Fit")]


def _outline(
    update: IncrementalUpdate, pages: list[PageObject], entries: tuple[OutlineEntry, ...]
) -> Ref | None:
    """The outline's root (every item open), or None without entries."""
    if not entries:
        return None
    root = update.reserve()
    first, last, count = _items(update, pages, entries, root)
    update.replace(root, {"Type": Name("Outlines"), "First": first, "Last": last, "Count": count})
    return root


def _items(
    update: IncrementalUpdate,
    pages: list[PageObject],
    entries: tuple[OutlineEntry, ...],
    parent: Ref,
) -> tuple[Ref, Ref, int]:
    """Write the items *entries* under *parent*: (first, last, items shown when open)."""
    refs = [update.reserve() for _ in entries]
    shown = len(entries)
    for index, (entry, ref) in enumerate(zip(entries, refs, strict=True)):
        item: dict[str, Value] = {
            "Title": entry.title,
            "Parent": parent,
            "Dest": _destination(pages, entry.page),
        }
        if index > 0:
            item["Prev"] = refs[index - 1]
        if index + 1 < len(refs):
            item["Next"] = refs[index + 1]
        if entry.children:
            item["First"], item["Last"], count = _items(update, pages, entry.children, ref)
            item["Count"] = count
            shown += count
        update.replace(ref, item)
    return refs[0], refs[-1], shown


def _links(update: IncrementalUpdate, pages: list[PageObject], links: tuple[LinkArea, ...]) -> None:
    """Link annotations, added to the annotations of their pages."""
    by_page: dict[int, list[Ref]] = {}
    entries: dict[int, dict[str, Value]] = {}
    for link in links:
        page = pages[link.page]
        if link.page not in entries:
            entries[link.page] = update.page_entries(page)
        top = update.media_box(page, entries[link.page])[3]
        x0, y0, x1, y1 = link.rect
        annotation = update.add(
            {
                "Type": Name("Annot"),
                "Subtype": Name("Link"),
                "Rect": [x0, top - y1, x1, top - y0],
                "Border": [0, 0, 0],
                "P": page.ref,
                "Dest": _destination(pages, link.target),
            }
        )
        by_page.setdefault(link.page, []).append(annotation)
    for number, added in by_page.items():
        page = pages[number]
        annots = entries[number].get("Annots")
        existing = update.get(annots) if annots is not None else []
        if not isinstance(existing, list):
            raise PdfSyntaxError(f"page {number + 1}: /Annots is not an array")
        if isinstance(annots, Ref):  # Qt's pages refer to their own array: replace that alone
            update.replace(annots, [*existing, *added])
        else:
            update.replace(page.ref, {**entries[number], "Annots": [*existing, *added]})


def _labels(labels: tuple[str, ...]) -> list[Value]:
    """The page labels' number tree: runs of consecutive numbers share one decimal range."""
    nums: list[Value] = []
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
            nums += [index, {"S": Name("D"), "St": int(label)}]
            index = end + 1
        else:
            nums += [index, {"P": label}]
            index += 1
    return nums
