"""Read YAML files safely into nodes that remember where each value came from.

Only plain YAML data is accepted: mappings with string keys, sequences and the
safe scalar types. Python tags, duplicate keys, oversized files, runaway alias
expansion (of values or of text) and deep nesting are refused with a located
problem, never an exception.

Reading and decoding a file and the problems of a parse are here; the limits and budgets are
in :mod:`~desktop.core.yaml_limits`, composing in :mod:`~desktop.core.yaml_compose`, and the
located :class:`~desktop.core.yaml_nodes.Node` with its conversion in
:mod:`~desktop.core.yaml_nodes`.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import yaml

from desktop.core.i18n import _
from desktop.core.os_reasons import os_reason
from desktop.core.problems import Location, Problem
from desktop.core.yaml_compose import LimitError, compose
from desktop.core.yaml_limits import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    DeckBudget,
    FileBudget,
    RefusedError,
)
from desktop.core.yaml_messages import syntax_reason
from desktop.core.yaml_nodes import Node, convert


def _utf16_without_bom(data: bytes) -> bool:
    """ASCII text saved as UTF-16 without a BOM: every other byte of the start is NUL."""
    head = data[: min(len(data), 512) & ~1]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return even.count(0) == len(even) or odd.count(0) == len(odd)


def decode(data: bytes, path: Path) -> tuple[str | None, Problem | None]:
    """Decode a file's bytes as UTF-8 (a UTF-8 BOM is allowed)."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None, Problem(
            Location(path, 1, 1), _("file is UTF-32; save it as UTF-8 (deck files must be UTF-8)")
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data):
        return None, Problem(
            Location(path, 1, 1), _("file is UTF-16; save it as UTF-8 (deck files must be UTF-8)")
        )
    if b"\x00" in data[:8192]:
        return None, Problem(
            Location(path, 1, 1), _("file is binary, not YAML text; check the file name")
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, Problem(
            Location(path, line, column),
            _("file is not UTF-8 (byte {byte}); save it as UTF-8").format(
                byte=f"0x{data[exc.start]:02x}"
            ),
        )
    return text, None


def read_text_file(
    path: Path, limit: int = MAX_FILE_BYTES, kind: str = "YAML"
) -> tuple[str | None, list[Problem]]:
    """The text of a deck file (YAML, CSV), decoded as UTF-8 (:func:`decode`), or its problem.

    Only regular files are read, and at most *limit* bytes of them: a named pipe, a device (a
    link to ``/dev/zero``) or a folder named ``x.yaml`` is a problem, not a hang. *kind* names
    the file in the problem of a folder (``this is a folder, not a CSV file``).
    """
    folder = _("this is a folder, not a {kind} file").format(kind=kind)
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISDIR(info.st_mode):
                return None, [Problem(Location(path), folder)]
            if not stat.S_ISREG(info.st_mode):
                return None, [
                    Problem(
                        Location(path),
                        _(
                            "this is not a regular file (a pipe, socket or device);"
                            " deck files must be plain files"
                        ),
                    )
                ]
            size = info.st_size
            data = b"" if size > limit else stream.read(limit + 1)
    except IsADirectoryError:  # Windows cannot open a folder
        return None, [Problem(Location(path), folder)]
    except OSError as exc:
        return None, [
            Problem(Location(path), _("cannot read file: {reason}").format(reason=os_reason(exc)))
        ]
    except ValueError:  # a NUL character in the path
        return None, [Problem(Location(path), _("cannot read file: its name has a NUL character"))]
    if size > limit or len(data) > limit:
        size = max(size, len(data))
        return None, [
            Problem(
                Location(path, 1, 1),
                _(
                    "file is too large ({size} KB, limit {limit} KB); split it or remove the bulk"
                ).format(size=size // 1024, limit=limit // 1024),
            )
        ]
    text, problem = decode(data, path)
    if text is None:
        assert problem is not None
        return None, [problem]
    return text, []


def read_yaml(path: Path, deck: DeckBudget | None = None) -> tuple[Node | None, list[Problem]]:
    """Read one YAML file into a :class:`Node`, collecting problems instead of raising.

    The file is read by :func:`read_text_file`; *deck* counts what the files of one deck
    expand to together (a fresh budget without it).
    """
    text, problems = read_text_file(path)
    if text is None:
        return None, problems
    return parse_yaml(text, path, deck)


def parse_yaml(
    text: str, path: Path, deck: DeckBudget | None = None
) -> tuple[Node | None, list[Problem]]:
    """Parse YAML *text* (as if read from *path*) into a :class:`Node`."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem(Location(path, 1, 1), _("file is empty; it needs YAML content"))]
    try:
        documents, aliases = compose(text)
    except LimitError as exc:
        return None, [Problem(Location(path, exc.line + 1, exc.column + 1), exc.message)]
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else 0
        return None, [
            Problem(
                Location(path, line, column),
                _(
                    "file contains the character {character}, which YAML does not allow;"
                    " remove it (or write it as an escape in double quotes)"
                ).format(character=f"U+{code:04X}"),
            )
        ]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(Location(path, line, column), _syntax_error(exc))]
    except yaml.YAMLError as exc:
        return None, [Problem(Location(path, 1, 1), _("YAML error: {reason}").format(reason=exc))]
    except RecursionError:
        return None, [
            Problem(
                Location(path, 1, 1),
                _("nesting is too deep (limit {limit} levels)").format(limit=MAX_DEPTH),
            )
        ]
    if not documents:
        return None, [Problem(Location(path, 1, 1), _("file is empty; it needs YAML content"))]
    if len(documents) > 1:
        extra = documents[1].start_mark
        return None, [
            Problem(
                Location(path, extra.line + 1, extra.column + 1),
                _("file holds more than one YAML document; keep one per file"),
            )
        ]
    problems: list[Problem] = []
    budget = FileBudget(deck or DeckBudget(), aliases)
    try:
        node = convert(documents[0], path, budget, 0, None, problems)
    except RefusedError as refused:
        return None, [refused.problem]
    budget.commit()
    return node, problems


def _syntax_error(exc: yaml.MarkedYAMLError) -> str:
    """The problem of a YAML syntax error: PyYAML's reason, translated, and a hint for tabs."""
    first = "; first occurrence"
    if exc.context and exc.context.endswith(first) and exc.context_mark is not None:
        # A duplicate anchor: PyYAML's own problem text is just "second occurrence".
        anchor = exc.context.removesuffix(first).removeprefix("found duplicate anchor ")
        return _(
            "YAML syntax error: found duplicate anchor {anchor} (first at line {line})"
        ).format(anchor=anchor, line=exc.context_mark.line + 1)
    what = exc.problem or exc.context
    if what is None:
        return _("YAML syntax error: invalid YAML")
    if "\\t" in what or "tab" in what:
        return _("YAML syntax error: {reason}; indent with spaces, not tabs").format(
            reason=syntax_reason(what)
        )
    return _("YAML syntax error: {reason}").format(reason=syntax_reason(what))
