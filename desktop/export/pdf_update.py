"""Add objects to a finished PDF by an incremental update (ISO 32000-1, 7.5.6). Qt-free.

The PDF Qt writes stays as it is; new and replaced objects, a cross-reference section for
them and a trailer pointing back at the previous one (``/Prev``) are appended. Only the
cross-reference table, the trailer and the objects asked for are read (the catalog and page
tree to find the pages, say), never the page contents or fonts, so the cost does not grow
with what the pages draw.

Usage::

    with open(path, "r+b") as stream:
        update = IncrementalUpdate(stream)
        pages = update.pages()
        number = update.add({"Type": Name("Annot"), ...})
        update.write()
"""

from __future__ import annotations

import itertools
import mmap
import re
from dataclasses import dataclass
from typing import BinaryIO, Final

from desktop.export.pdf_objects import (
    PdfSyntaxError,
    Ref,
    Value,
    parse,
    parse_indirect,
    serialize,
    skip_space,
)

TAIL: Final = 1024
"""Bytes at the end of the file searched for ``startxref`` (the format asks for the last 1024)."""
_STARTXREF: Final = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
_SUBSECTION: Final = re.compile(rb"\s*(\d+)\s+(\d+)\s*")
_ENTRY: Final = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
ENTRY_SIZE: Final = 20
_NODE_TYPE: Final = re.compile(rb"/Type\s*/(Pages?)(?=[\x00\t\n\x0c\r ()<>\[\]{}/%])")


@dataclass(frozen=True)
class PageObject:
    """A page of the document: its reference and the media box its ancestors give it."""

    ref: Ref
    inherited_box: Value = None


class IncrementalUpdate:
    """Objects to append to the PDF open in *stream* (readable, writable, seekable).

    Raises:
        PdfSyntaxError: the file has no cross-reference table this class can read (a
            cross-reference stream, a truncated file).
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._map = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            self._start = self._startxref()
            self._offsets, self.trailer = self._read_xref(self._start)
        except Exception:
            self._map.close()
            raise
        size = self.trailer.get("Size")
        if not isinstance(size, int) or size < 1:
            self._map.close()
            raise PdfSyntaxError("the trailer has no /Size")
        self._next = size
        self._objects: dict[int, bytes] = {}

    def _startxref(self) -> int:
        data = self._map
        tail = data[max(0, len(data) - TAIL) :]
        found = list(_STARTXREF.finditer(tail))
        if not found:
            raise PdfSyntaxError("the file does not end with startxref and %%EOF")
        return int(found[-1][1])

    def _read_xref(self, start: int) -> tuple[dict[int, int], dict[str, Value]]:
        """Offsets of the objects in use and the newest trailer, following ``/Prev``."""
        offsets: dict[int, int] = {}
        newest: dict[str, Value] | None = None
        seen: set[int] = set()
        position: int | None = start
        while position is not None and position not in seen:
            seen.add(position)
            trailer = self._xref_section(position, offsets)
            newest = trailer if newest is None else newest
            prev = trailer.get("Prev")
            position = prev if isinstance(prev, int) else None
        assert newest is not None
        return offsets, newest

    def _xref_section(self, position: int, offsets: dict[int, int]) -> dict[str, Value]:
        data = self._map
        pos = skip_space(data, position)
        if data[pos : pos + 4] != b"xref":
            raise PdfSyntaxError(f"byte {position}: no cross-reference table (a stream?)")
        pos += 4
        while True:
            subsection = _SUBSECTION.match(data, pos)
            if subsection is None:
                break
            first, count = int(subsection[1]), int(subsection[2])
            pos = subsection.end()
            for index in range(count):
                entry = _ENTRY.match(data, pos + index * ENTRY_SIZE)
                if entry is None:
                    raise PdfSyntaxError(f"byte {pos + index * ENTRY_SIZE}: a broken xref entry")
                if entry[3] == b"n":
                    offsets.setdefault(first + index, int(entry[1]))
            pos += count * ENTRY_SIZE
        pos = skip_space(data, pos)
        if data[pos : pos + 7] != b"trailer":
            raise PdfSyntaxError(f"byte {pos}: the cross-reference table has no trailer")
        trailer, _end = parse(data, pos + 7)
        if not isinstance(trailer, dict):
            raise PdfSyntaxError(f"byte {pos}: the trailer is not a dictionary")
        return trailer

    @property
    def data(self) -> mmap.mmap:
        """The file's bytes, mapped (until :meth:`write` or :meth:`close`)."""
        return self._map

    def offset(self, number: int) -> int:
        """Where object *number* (its ``N G obj``) starts in the file.

        Raises:
            PdfSyntaxError: the object is not in the file.
        """
        offset = self._offsets.get(number)
        if offset is None:
            raise PdfSyntaxError(f"object {number} is not in the file")
        return offset

    def object_ends(self) -> dict[int, int]:
        """Where each object in use ends, by its offset: where the next object (or the
        cross-reference table) begins."""
        starts = sorted(set(self._offsets.values()))
        ends = dict(itertools.pairwise(starts))
        if starts:
            ends[starts[-1]] = max(self._start, starts[-1])
        return ends

    def get(self, ref: Value) -> Value:
        """The object *ref* refers to (a direct value is returned as it is).

        Raises:
            PdfSyntaxError: the object is not in the file.
        """
        if not isinstance(ref, Ref):
            return ref
        return parse_indirect(self._map, self.offset(ref.number), ref.number)

    def dictionary(self, ref: Value) -> dict[str, Value]:
        """The dictionary *ref* refers to.

        Raises:
            PdfSyntaxError: it is not one.
        """
        value = self.get(ref)
        if not isinstance(value, dict):
            raise PdfSyntaxError(f"{ref!r} is not a dictionary")
        return value

    def pages(self) -> list[PageObject]:
        """The document's pages in order, from the page tree.

        Only the tree's inner nodes are parsed; of a page, only its ``/Type`` is looked at
        (:meth:`page_entries` parses one).
        """
        catalog = self.dictionary(self.trailer.get("Root"))
        found: list[PageObject] = []
        visited: set[Ref] = set()
        stack: list[tuple[Value, Value]] = [(catalog.get("Pages"), None)]
        while stack:
            ref, inherited = stack.pop()
            if not isinstance(ref, Ref) or ref in visited:
                raise PdfSyntaxError(f"the page tree refers to {ref!r} twice or not by reference")
            visited.add(ref)
            if self._type(ref) != b"Pages":
                found.append(PageObject(ref, inherited))
                continue
            node = self.dictionary(ref)
            box = node.get("MediaBox", inherited)
            kids = self.get(node.get("Kids"))
            if not isinstance(kids, list):
                raise PdfSyntaxError(f"{ref} has no /Kids")
            stack.extend((kid, box) for kid in reversed(kids))
        return found

    def _type(self, ref: Ref) -> bytes:
        """The ``/Type`` of the page tree node *ref*: ``Page`` or ``Pages``."""
        offset = self.offset(ref.number)
        end = self._map.find(b"endobj", offset)
        found = _NODE_TYPE.search(self._map, offset, end if end >= 0 else len(self._map))
        if found is None:
            raise PdfSyntaxError(f"{ref} is neither a page nor a page tree node")
        return found[1]

    def page_entries(self, page: PageObject) -> dict[str, Value]:
        """The dictionary of *page*."""
        return self.dictionary(page.ref)

    def media_box(self, page: PageObject, entries: dict[str, Value]) -> tuple[float, ...]:
        """The media box of *page*, whose dictionary is *entries*: x0, y0, x1, y1."""
        value = self.get(entries.get("MediaBox", page.inherited_box))
        if isinstance(value, list) and len(value) == 4:
            numbers = [v for v in value if isinstance(v, int | float) and not isinstance(v, bool)]
            if len(numbers) == 4:
                return tuple(float(v) for v in numbers)
        raise PdfSyntaxError(f"page {page.ref} has no /MediaBox")

    def replace(self, ref: Ref, value: Value) -> None:
        """Give object *ref* a new value in the update."""
        self._objects[ref.number] = serialize(value)

    def replace_raw(self, ref: Ref, body: bytes) -> None:
        """Give object *ref* the bytes *body* in the update: what goes between its ``obj``
        and ``endobj``, as written (a dictionary and its stream, say)."""
        self._objects[ref.number] = body

    def reserve(self) -> Ref:
        """A new object number, for an object :meth:`replace` gives later."""
        self._next += 1
        return Ref(self._next - 1)

    def add(self, value: Value) -> Ref:
        """A new object holding *value*."""
        ref = self.reserve()
        self.replace(ref, value)
        return ref

    def write(self, trailer: dict[str, Value]) -> None:
        """Append the objects, their cross-reference section and a trailer with *trailer*.

        The trailer keeps the previous one's ``/Root``, ``/Info`` and ``/ID`` unless
        *trailer* gives them.
        """
        self._map.close()
        stream = self._stream
        end = stream.seek(0, 2)
        chunks = [b"\n"]
        position = end + 1
        offsets: dict[int, int] = {}
        for number in sorted(self._objects):
            offsets[number] = position
            chunk = b"%d 0 obj\n%s\nendobj\n" % (number, self._objects[number])
            chunks.append(chunk)
            position += len(chunk)
        chunks.append(b"xref\n")
        for first, run in _runs(sorted(offsets)):
            chunks.append(b"%d %d\n" % (first, len(run)))
            chunks.extend(b"%010d 00000 n\r\n" % offsets[number] for number in run)
        entries: dict[str, Value] = {
            key: self.trailer[key] for key in ("Root", "Info", "ID") if key in self.trailer
        }
        entries.update(trailer)
        entries["Size"], entries["Prev"] = self._next, self._start
        chunks.append(b"trailer\n%s\nstartxref\n%d\n%%%%EOF\n" % (serialize(entries), position))
        stream.write(b"".join(chunks))

    def close(self) -> None:
        """Stop reading the file (after :meth:`write`, or to give up)."""
        if not self._map.closed:
            self._map.close()


def _runs(numbers: list[int]) -> list[tuple[int, list[int]]]:
    """Sorted *numbers* as runs of consecutive ones: (first, run)."""
    runs: list[tuple[int, list[int]]] = []
    for number in numbers:
        if runs and runs[-1][1][-1] + 1 == number:
            runs[-1][1].append(number)
        else:
            runs.append((number, [number]))
    return runs
