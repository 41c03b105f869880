"""The translation catalogues: extract the marked texts, write ``.po``, compile ``.mo``. Qt-free.

Used by ``tools/i18n.py`` (``update``, ``compile``, ``check``) and by the tests; the app itself
only reads the compiled ``.mo`` through the standard library's :mod:`gettext`.

Extraction reads the code's syntax tree, so it finds exactly the calls :mod:`desktop.core.i18n`
defines (``_``, ``N_``, ``ngettext``, ``pgettext``) and :func:`desktop.core.text.plural`, with
their literal arguments. ``_(value)`` of a name or attribute looks up a text marked with ``N_``
where it is kept; any other call whose text is not a literal (an f-string, a formatted or joined
string) cannot be looked up and is reported, with its place.

A ``.po`` file here is what ``msgfmt`` reads (GNU gettext's format), written in one fixed order
(by the first file that uses a text, then by line) with file names but no line numbers, so that
an edit elsewhere in a file does not move its entries and two changes to different files merge.
"""

from __future__ import annotations

import ast
import re
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

CALLS: Final = {"_": (0,), "N_": (0,), "ngettext": (0, 1), "pgettext": (1,), "plural": (1, 2)}
"""Marking functions and the positions of their texts (``pgettext``'s context is argument 0)."""

_PLACEHOLDER: Final = re.compile(
    r"\{(\w*)(?:[:!][^{}]*)?\}|%(?:\([\w]+\))?[-#0 +]*\d*(?:\.\d+)?[sdrfi%]"
)

Key = tuple[str, str]
"""(context, msgid); the context is "" for most texts."""


@dataclass(slots=True)
class Message:
    """One text of the code.

    Attributes:
        msgid: The English text (the singular when there is a plural).
        plural: The English plural ("" for none).
        context: The ``pgettext`` context ("" for none).
        files: The files that use it, in order of first use.
        line: The line of its first use in ``files[0]`` (for ordering only).
        comments: ``# TRANSLATORS:`` comments found on the lines just above a use.
    """

    msgid: str
    plural: str = ""
    context: str = ""
    files: list[str] = field(default_factory=list)
    line: int = 0
    comments: list[str] = field(default_factory=list)

    @property
    def key(self) -> Key:
        return (self.context, self.msgid)


@dataclass(frozen=True, slots=True)
class Unmarkable:
    """A marking call whose text is not a literal, so no catalogue can hold it."""

    file: str
    line: int
    column: int
    call: str

    def format(self) -> str:
        return (
            f"{self.file}:{self.line}:{self.column}: error: {self.call}() needs a literal text;"
            " put values in with .format(name=…)"
        )


def callee(node: ast.Call) -> str:
    """The bare name a call is made through (``_`` for ``_(…)`` and ``i18n._(…)``)."""
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def extract(root: Path, files: Iterable[Path]) -> tuple[dict[Key, Message], list[Unmarkable]]:
    """The texts marked in *files* (paths under *root*), and the calls that cannot be marked."""
    messages: dict[Key, Message] = {}
    bad: list[Unmarkable] = []
    for path in files:
        relative = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source, relative)
        wrappers = {  # the marking functions' own bodies pass their arguments on
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.name in CALLS
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or id(node) in wrappers:
                continue
            name = callee(node)
            positions = CALLS.get(name)
            if positions is None or (name == "plural" and len(node.args) < 3):
                continue
            if not isinstance(node.func, ast.Name):
                continue  # an object's own method (the catalogue's are called by bare name)
            if (
                name == "_"
                and node.args
                and isinstance(node.args[0], (ast.Name, ast.Attribute, ast.Subscript))
            ):
                continue  # a lookup of a text marked where it is kept (with N_)
            texts = [_literal(node.args[i]) if i < len(node.args) else None for i in positions]
            context = ""
            if name == "pgettext":
                context = (_literal(node.args[0]) if node.args else None) or ""
            if any(t is None for t in texts) or (name == "pgettext" and not context):
                bad.append(Unmarkable(relative, node.lineno, node.col_offset + 1, name))
                continue
            msgid = texts[0] or ""
            plural_text = texts[1] if len(texts) > 1 else ""
            message = messages.setdefault(
                (context, msgid), Message(msgid, plural_text or "", context, line=node.lineno)
            )
            if relative not in message.files:
                message.files.append(relative)
            message.comments.extend(
                c for c in _translator_comments(lines, node.lineno) if c not in message.comments
            )
    return messages, bad


def _translator_comments(lines: list[str], lineno: int) -> Iterator[str]:
    """``# TRANSLATORS: …`` comments on the lines right above *lineno* (1-based)."""
    found: list[str] = []
    index = lineno - 2
    while index >= 0 and lines[index].strip().startswith("#"):
        text = lines[index].strip().lstrip("#").strip()
        if text.startswith("TRANSLATORS:"):
            found.append(text)
        index -= 1
    return reversed(found)


def placeholders(text: str) -> set[str]:
    """The values a text takes (``{name}``, ``%(name)s``, ``%s``), for comparing a translation."""
    return {m.group(0).split(":")[0].split("!")[0].rstrip("}") for m in _PLACEHOLDER.finditer(text)}


# ---- .po files ---------------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """One entry of a ``.po`` file: the English text and its translation(s)."""

    msgid: str
    plural: str = ""
    context: str = ""
    strings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def key(self) -> Key:
        return (self.context, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.strings) and all(self.strings) and not self.fuzzy


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return '"' + escaped.replace("\n", "\\n") + '"'


def _po_string(keyword: str, text: str) -> str:
    """``keyword "text"``, split after each newline as msgmerge does."""
    if "\n" not in text.rstrip("\n"):
        return f"{keyword} {_quote(text)}\n"
    parts = text.splitlines(keepends=True)
    return f'{keyword} ""\n' + "".join(_quote(part) + "\n" for part in parts)


_UNESCAPE: Final = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str, where: str) -> str:
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"{where}: expected a quoted string")
    body, out, i = text[1:-1], [], 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            out.append(_UNESCAPE.get(body[i + 1], body[i + 1]))
            i += 2
            continue
        out.append(char)
        i += 1
    return "".join(out)


def read_po(path: Path) -> tuple[str, list[Entry]]:
    """The header text and the entries of a ``.po`` file.

    Raises:
        ValueError: the file is not in the format :func:`write_po` writes (with its line).
    """
    header = ""
    entries: list[Entry] = []
    current: Entry | None = None
    target = ""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        where = f"{path}:{number}"
        if not line:
            continue
        if line.startswith("#"):
            if current is not None and target:  # a comment starts the next entry
                entries.append(current)
                current, target = None, ""
            current = current or Entry("")
            if line.startswith("#:"):
                current.files.extend(line[2:].split())
            elif line.startswith("#,"):
                current.fuzzy = "fuzzy" in line
            elif line.startswith("#."):
                current.comments.append(line[2:].strip())
            continue
        keyword, _, rest = line.partition(" ")
        if keyword.startswith('"'):
            if current is None or not target:
                raise ValueError(f"{where}: a continued string outside an entry")
            _append(current, target, _unquote(line, where))
            continue
        if keyword in ("msgctxt", "msgid") and current is not None and target.startswith("msgstr"):
            entries.append(current)
            current = None
        current = current or Entry("")
        if keyword not in ("msgctxt", "msgid", "msgid_plural", "msgstr") and not re.fullmatch(
            r"msgstr\[\d+\]", keyword
        ):
            raise ValueError(f"{where}: unknown keyword {keyword!r}")
        target = keyword
        if keyword.startswith("msgstr"):
            current.strings.append("")
        _append(current, target, _unquote(rest, where))
    if current is not None:
        entries.append(current)
    if entries and entries[0].msgid == "" and not entries[0].context:
        header = entries.pop(0).strings[0] if entries[0].strings else ""
    return header, entries


def _append(entry: Entry, target: str, text: str) -> None:
    if target == "msgctxt":
        entry.context += text
    elif target == "msgid":
        entry.msgid += text
    elif target == "msgid_plural":
        entry.plural += text
    else:
        entry.strings[-1] += text


def write_po(header: str, entries: Iterable[Entry]) -> str:
    """The text of a ``.po`` file (see the module's note on its order)."""
    out = [_po_string("msgid", ""), _po_string("msgstr", header)]
    for entry in entries:
        out.append("\n")
        out.extend(f"#. {comment}\n" for comment in entry.comments)
        if entry.files:
            out.append("#: " + " ".join(entry.files) + "\n")
        if entry.fuzzy:
            out.append("#, fuzzy\n")
        if entry.context:
            out.append(_po_string("msgctxt", entry.context))
        out.append(_po_string("msgid", entry.msgid))
        if entry.plural:
            out.append(_po_string("msgid_plural", entry.plural))
            strings = entry.strings or [""]
            out.extend(_po_string(f"msgstr[{i}]", s) for i, s in enumerate(strings))
        else:
            out.append(_po_string("msgstr", entry.strings[0] if entry.strings else ""))
    return "".join(out)


def merge(messages: dict[Key, Message], old: Iterable[Entry]) -> tuple[list[Entry], list[Entry]]:
    """The entries for *messages*, keeping old translations; and the old entries now unused.

    An old translation is kept only for the same English text (and plural): a changed text
    must be translated again, so nothing shows a translation of words no longer there.
    """
    previous = {entry.key: entry for entry in old}
    entries: list[Entry] = []
    for message in sorted(messages.values(), key=lambda m: (m.files[0], m.line, m.msgid)):
        before = previous.pop(message.key, None)
        strings: list[str] = []
        if before is not None and before.plural == message.plural:
            strings = list(before.strings)
        entries.append(
            Entry(
                message.msgid,
                message.plural,
                message.context,
                strings,
                list(message.files),
                list(message.comments),
            )
        )
    return entries, list(previous.values())


def compile_mo(header: str, entries: Iterable[Entry]) -> bytes:
    """The ``.mo`` file of a catalogue (GNU format, little-endian, no hash table).

    Untranslated and fuzzy entries are left out, so gettext falls back to the English text.
    """
    pairs: list[tuple[bytes, bytes]] = [(b"", header.encode("utf-8"))]
    for entry in entries:
        if not entry.translated:
            continue
        key = entry.msgid if not entry.context else f"{entry.context}\x04{entry.msgid}"
        if entry.plural:
            key += "\x00" + entry.plural
        pairs.append((key.encode("utf-8"), "\x00".join(entry.strings).encode("utf-8")))
    pairs.sort()
    count = len(pairs)
    ids_at, strs_at = 28, 28 + 8 * count
    data_at = strs_at + 8 * count
    id_table, str_table, blob = [], [], bytearray()
    for original, _translation in pairs:
        id_table.append((len(original), data_at + len(blob)))
        blob += original + b"\x00"
    for _original, translated in pairs:
        str_table.append((len(translated), data_at + len(blob)))
        blob += translated + b"\x00"
    head = struct.pack("<7I", 0x950412DE, 0, count, ids_at, strs_at, 0, data_at)
    tables = b"".join(struct.pack("<2I", *pair) for pair in id_table + str_table)
    return head + tables + bytes(blob)
