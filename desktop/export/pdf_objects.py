"""PDF objects as Python values: read one object from a file's bytes, write objects. Qt-free.

Enough of the PDF syntax (ISO 32000-1, 7.2–7.3) to read the dictionaries and arrays of the
file Qt writes (its trailer, catalog, page tree and pages) and to write new objects beside
them. The values:

- ``None``, ``bool``, ``int``, ``float``: null, booleans, numbers;
- :class:`Name`: a name (``Name("Fit")`` is written ``/Fit``), kept as the file spells it;
- ``str``: a text string, written as PDFDocEncoding-safe ASCII or as UTF-16BE with a BOM;
- ``bytes``: a string read from a file, kept as written (with its delimiters) and written
  back unchanged;
- :class:`Ref`: an indirect reference ``12 0 R``;
- ``list`` and ``dict`` (keys are names without the slash): arrays and dictionaries.

Streams are not read: nothing the structure needs is one.
"""

from __future__ import annotations

import mmap
import re
from typing import Final, NamedTuple, TypeAlias

WHITESPACE: Final = b"\x00\t\n\x0c\r "
DELIMITERS: Final = b"()<>[]{}/%"


class PdfSyntaxError(ValueError):
    """The bytes are not the PDF object expected; the message says where."""


class Name(str):
    """A PDF name, without its slash."""


class Ref(NamedTuple):
    """An indirect reference: object number and generation."""

    number: int
    generation: int = 0


Value: TypeAlias = (
    "bool | int | float | Name | str | bytes | Ref | list[Value] | dict[str, Value] | None"
)

Data: TypeAlias = bytes | mmap.mmap
"""What objects are read from: a file's bytes, or the file mapped."""

_NUMBER: Final = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_REF: Final = re.compile(rb"\s*(\d+)\s+(\d+)\s+R(?=[\x00\t\n\x0c\r ()<>\[\]{}/%]|$)")
_TOKEN_END: Final = re.compile(rb"[\x00\t\n\x0c\r ()<>\[\]{}/%]")
_OBJ: Final = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj")


def skip_space(data: Data, pos: int) -> int:
    """The position of the next token at or after *pos* (whitespace and comments skipped)."""
    size = len(data)
    while pos < size:
        byte = data[pos]
        if byte in WHITESPACE:
            pos += 1
        elif byte == 0x25:  # % comment, to the end of the line
            while pos < size and data[pos] not in b"\r\n":
                pos += 1
        else:
            break
    return pos


def parse(data: Data, pos: int) -> tuple[Value, int]:
    """Read the object at *pos*; return it and the position after it.

    Raises:
        PdfSyntaxError: no object starts there.
    """
    pos = skip_space(data, pos)
    if pos >= len(data):
        raise PdfSyntaxError(f"byte {pos}: the file ends where an object was expected")
    head = data[pos : pos + 2]
    if head == b"<<":
        return _dictionary(data, pos + 2)
    first = data[pos]
    if first == 0x5B:  # [
        items: list[Value] = []
        pos += 1
        while True:
            pos = skip_space(data, pos)
            if data[pos : pos + 1] == b"]":
                return items, pos + 1
            item, pos = parse(data, pos)
            items.append(item)
    if first == 0x2F:  # /Name
        end = _token_end(data, pos + 1)
        return Name(data[pos + 1 : end].decode("latin-1")), end
    if first == 0x28:  # (literal string)
        end = _literal_end(data, pos)
        return data[pos:end], end
    if first == 0x3C:  # <hex string>
        end = data.find(b">", pos)
        if end < 0:
            raise PdfSyntaxError(f"byte {pos}: a hex string is not closed")
        return data[pos : end + 1], end + 1
    ref = _REF.match(data, pos)
    if ref:
        return Ref(int(ref[1]), int(ref[2])), ref.end()
    number = _NUMBER.match(data, pos)
    if number:
        text = number[0]
        return (float(text) if b"." in text else int(text)), number.end()
    end = _token_end(data, pos)
    word = data[pos:end]
    keywords: dict[bytes, Value] = {b"true": True, b"false": False, b"null": None}
    if word in keywords:
        return keywords[word], end
    raise PdfSyntaxError(f"byte {pos}: {word[:20]!r} is not a PDF object")


def _dictionary(data: Data, pos: int) -> tuple[dict[str, Value], int]:
    entries: dict[str, Value] = {}
    while True:
        pos = skip_space(data, pos)
        if data[pos : pos + 2] == b">>":
            return entries, pos + 2
        key, pos = parse(data, pos)
        if not isinstance(key, Name):
            raise PdfSyntaxError(f"byte {pos}: a dictionary key is not a name")
        entries[str(key)], pos = parse(data, pos)


def _token_end(data: Data, pos: int) -> int:
    match = _TOKEN_END.search(data, pos)
    return match.start() if match else len(data)


def _literal_end(data: Data, pos: int) -> int:
    """The position after the literal string opening at *pos* (nested brackets, escapes)."""
    depth = 0
    index = pos
    size = len(data)
    while index < size:
        byte = data[index]
        if byte == 0x5C:  # backslash: the next byte is escaped
            index += 2
            continue
        if byte == 0x28:
            depth += 1
        elif byte == 0x29:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    raise PdfSyntaxError(f"byte {pos}: a string is not closed")


def parse_indirect(data: Data, offset: int, number: int) -> Value:
    """Object *number*, whose ``N G obj`` starts at *offset*.

    Raises:
        PdfSyntaxError: another object, or no object, is there.
    """
    head = _OBJ.match(data, offset)
    if head is None or int(head[1]) != number:
        raise PdfSyntaxError(f"byte {offset}: object {number} is not there")
    value, _end = parse(data, head.end())
    return value


def serialize(value: Value) -> bytes:
    """*value* in PDF syntax."""
    if value is None:
        return b"null"
    if value is True:
        return b"true"
    if value is False:
        return b"false"
    if isinstance(value, Ref):
        return b"%d %d R" % value
    if isinstance(value, Name):
        return b"/" + value.encode("latin-1")
    if isinstance(value, str):
        return text_string(value)
    if isinstance(value, bytes):
        return value
    if isinstance(value, int):
        return b"%d" % value
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return (text if text not in ("-0", "") else "0").encode("ascii")
    if isinstance(value, list):
        return b"[" + b" ".join(serialize(item) for item in value) + b"]"
    return (
        b"<<"
        + b"".join(b"/" + key.encode("latin-1") + b" " + serialize(v) for key, v in value.items())
        + b">>"
    )


_LITERAL_SAFE: Final = re.compile(r"[\x20-\x7e]*")


def text_string(text: str) -> bytes:
    """A PDF text string: a literal string for printable ASCII, else UTF-16BE with a BOM."""
    if _LITERAL_SAFE.fullmatch(text):
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"
