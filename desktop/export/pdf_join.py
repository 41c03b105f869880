"""Join two PDFs Qt wrote into one: the second's pages appended to the first's. Qt-free.

A large export is drawn by two processes (:mod:`desktop.export.pdf_split`), each writing
its own PDF. :func:`join` appends to the first file, as an incremental update
(:mod:`desktop.export.pdf_update`), every object the second file's pages use, renumbered
past the first file's objects, and replaces the first file's page tree root by one holding
both sets of pages. The second file's catalog, document information and metadata are not
copied (nothing its pages use refers to them), so the structure added afterwards
(:mod:`desktop.export.structure`) sees one document.

Only the objects' dictionaries and arrays are read, to find and renumber their references;
stream data (page contents, fonts) is copied as the bytes it is, never decoded, so the
cost is one pass over the second file.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from typing import BinaryIO, Final

from desktop.export.pdf_objects import Data, PdfSyntaxError, Ref, Value, parse
from desktop.export.pdf_update import IncrementalUpdate

_HEAD: Final = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj")
_TOKEN: Final = re.compile(
    rb"(?<![\w.+-])(\d+)\s+(\d+)\s+R(?![\w.])|[(<%]|(?<=[\s>])stream(?:\r\n|\n)"
)
"""A reference; where a string or comment (which may hold anything) begins; or a stream."""
_REF: Final = re.compile(rb"(?<![\w.+-])(\d+)\s+(\d+)\s+R(?![\w.])")
_STREAM: Final = re.compile(rb"(?<=[\s>])stream(?:\r\n|\n)")
_LINE_END: Final = re.compile(rb"[\r\n]")

Renumber = Callable[[Ref], Ref]
"""A reference of the second file in, its number in the joined file out."""


def join(first: BinaryIO, second: BinaryIO) -> int:
    """Append the pages of the PDF *second* to the PDF *first*; return the page count.

    Both are PDFs as Qt writes them (a cross-reference table, one page tree). *first* is
    open for reading and writing, *second* for reading; *second* is left as it is.

    Raises:
        PdfSyntaxError: a file is not a PDF as Qt writes them (a bug, not a user error).
        OSError: *first* could not be written (a full disk, say).
    """
    target = IncrementalUpdate(first)
    try:
        source = IncrementalUpdate(second)
        try:
            return _join(target, source)
        finally:
            source.close()
    except BaseException:
        target.close()
        raise


def _join(target: IncrementalUpdate, source: IncrementalUpdate) -> int:
    root_ref = _page_root(target)
    root = target.dictionary(root_ref)
    other_ref = _page_root(source)
    other = source.dictionary(other_ref)
    kids, other_kids = target.get(root.get("Kids")), source.get(other.get("Kids"))
    count, other_count = target.get(root.get("Count")), source.get(other.get("Count"))
    if not (isinstance(kids, list) and isinstance(other_kids, list)):
        raise PdfSyntaxError("a page tree root has no /Kids")
    if not (isinstance(count, int) and isinstance(other_count, int)):
        raise PdfSyntaxError("a page tree root has no /Count")
    # The second root becomes the first: its kids' /Parent points at the joined root.
    numbers: dict[int, int] = {other_ref.number: root_ref.number}
    queue: deque[int] = deque()

    def renumber(ref: Ref) -> Ref:
        new = numbers.get(ref.number)
        if new is None:
            new = numbers[ref.number] = target.reserve().number
            queue.append(ref.number)
        return Ref(new)

    joined_kids: list[Value] = list(kids)
    for kid in other_kids:
        if not isinstance(kid, Ref):
            raise PdfSyntaxError(f"the page tree holds {kid!r}, not a reference")
        joined_kids.append(renumber(kid))
    bounds = source.object_ends()
    while queue:
        number = queue.popleft()
        target.replace_raw(Ref(numbers[number]), _copied(source, number, bounds, renumber))
    root["Kids"], root["Count"] = joined_kids, count + other_count
    target.replace(root_ref, root)
    target.write({})
    return count + other_count


def _page_root(update: IncrementalUpdate) -> Ref:
    catalog = update.dictionary(update.trailer.get("Root"))
    ref = catalog.get("Pages")
    if not isinstance(ref, Ref):
        raise PdfSyntaxError("the catalog has no page tree")
    return ref


def _copied(
    source: IncrementalUpdate, number: int, bounds: dict[int, int], renumber: Renumber
) -> bytes:
    """Object *number* of *source* as written, the references of its dictionary renumbered,
    its stream (if any) copied as it is up to the object's end (before the next object)."""
    data = source.data
    offset = source.offset(number)
    head = _HEAD.match(data, offset)
    if head is None or int(head[1]) != number:
        raise PdfSyntaxError(f"byte {offset}: object {number} is not there")
    chunk = data[head.end() : bounds[offset]]
    stream = _STREAM.search(chunk)
    head_end = stream.start() if stream else len(chunk)
    if b"(" in chunk[:head_end] or b"%" in chunk[:head_end]:
        body = _renumbered(chunk, 0, len(chunk), renumber).rstrip()  # strings: skip them
    else:

        def new(found: re.Match[bytes]) -> bytes:
            return b"%d 0 R" % renumber(Ref(int(found[1]), int(found[2]))).number

        body = (_REF.sub(new, chunk[:head_end]) + chunk[head_end:]).rstrip()
    if not body.endswith(b"endobj"):
        raise PdfSyntaxError(f"byte {offset}: object {number} does not end with endobj")
    return body[: -len(b"endobj")]


def _renumbered(data: Data, start: int, end: int, renumber: Renumber) -> bytes:
    """The bytes *data[start:end]* with every reference renumbered up to a stream's data
    (strings and the stream's data kept as they are)."""
    chunks: list[bytes] = []
    pos = start
    while True:
        found = _TOKEN.search(data, pos, end)
        if found is None:
            break
        if found[0].startswith(b"stream"):
            break
        if found[1] is not None:
            chunks.append(data[pos : found.start()])
            chunks.append(b"%d 0 R" % renumber(Ref(int(found[1]), int(found[2]))).number)
            pos = found.end()
            continue
        chunks.append(data[pos : found.start()])
        skip = _skipped(data, found.start(), end)
        chunks.append(data[found.start() : skip])
        pos = skip
    chunks.append(data[pos:end])
    return b"".join(chunks)


def _skipped(data: Data, pos: int, end: int) -> int:
    """The position after the string, comment or ``<<`` at *pos*."""
    byte = data[pos]
    if byte == 0x3C:  # <
        if data[pos + 1 : pos + 2] == b"<":
            return pos + 2
        close = data.find(b">", pos, end)
        if close < 0:
            raise PdfSyntaxError(f"byte {pos}: a hex string is not closed")
        return close + 1
    if byte == 0x25:  # % comment, to the end of the line
        found = _LINE_END.search(data, pos, end)
        return found.start() if found else end
    _value, after = parse(data, pos)  # a literal string: nested brackets, escapes
    return after
