"""Read YAML files safely into nodes that remember where each value came from.

Only plain YAML data is accepted: mappings with string keys, sequences and the
safe scalar types. Python tags, duplicate keys, oversized files, runaway alias
expansion and deep nesting are refused with a located problem, never an
exception.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import yaml

from desktop.core.problems import Location, Problem

MAX_FILE_BYTES: Final = 2 * 1024 * 1024
"""Largest deck file we read; a slide file is a few kilobytes."""
MAX_NODES: Final = 100_000
"""Largest number of values a file may expand to (alias expansion included)."""
MAX_DEPTH: Final = 40
"""Deepest nesting of mappings and sequences."""
MAX_NUMBER_CHARS: Final = 100
"""Longer numbers are kept as written: computing ``1:00:00:…`` (base 60) takes minutes."""
SHOWN_CHARS: Final = 60
"""How much of a value a message quotes."""

_STANDARD_TAGS: Final = frozenset(
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
)

Scalar = str | int | float | bool | dt.date | None


@dataclass(slots=True)
class Node:
    """A YAML value and where it starts.

    ``value`` is a ``dict[str, Node]`` for mappings, a ``list[Node]`` for
    sequences, or a scalar. ``key_locations`` gives the position of each key of
    a mapping, so problems with a key can point at the key itself.
    """

    value: dict[str, Node] | list[Node] | Scalar
    location: Location
    key_locations: dict[str, Location] = field(default_factory=dict)
    raw: str | None = None
    """The scalar as written (``16:9`` stays ``16:9`` though YAML 1.1 reads a number)."""

    def plain(self) -> object:
        """Return the value as plain Python data, without locations."""
        if isinstance(self.value, dict):
            return {key: node.plain() for key, node in self.value.items()}
        if isinstance(self.value, list):
            return [node.plain() for node in self.value]
        return self.value


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """*text* cut to *limit* characters (with an ellipsis), for quoting in a message."""
    return text if len(text) <= limit else text[:limit] + "…"


def quoted(value: object, limit: int = SHOWN_CHARS) -> str:
    """``repr`` of the value's text, shortened: messages stay short whatever a file holds."""
    return repr(shorten(str(value), limit))


class _Budget:
    def __init__(self) -> None:
        self.nodes = 0
        # One constructor per file: PyYAML's caches every object it builds (and, through
        # the node marks, the whole file text), so a shared one grows with every reload.
        self.constructor = yaml.SafeLoader("")


class _RefusedError(Exception):
    """Internal: conversion stopped at a located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


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
            Location(path, 1, 1), "file is UTF-32; save it as UTF-8 (deck files must be UTF-8)"
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data):
        return None, Problem(
            Location(path, 1, 1), "file is UTF-16; save it as UTF-8 (deck files must be UTF-8)"
        )
    if b"\x00" in data[:8192]:
        return None, Problem(
            Location(path, 1, 1), "file is binary, not YAML text; check the file name"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, Problem(
            Location(path, line, column),
            f"file is not UTF-8 (byte 0x{data[exc.start]:02x}); save it as UTF-8",
        )
    return text, None


def read_yaml(path: Path) -> tuple[Node | None, list[Problem]]:
    """Read one YAML file into a :class:`Node`, collecting problems instead of raising.

    Only regular files are read, and at most :data:`MAX_FILE_BYTES` of them: a named pipe,
    a device (a link to ``/dev/zero``) or a folder named ``x.yaml`` is a problem, not a hang.
    """
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(handle, "rb") as stream:
            info = os.fstat(stream.fileno())
            if stat.S_ISDIR(info.st_mode):
                return None, [Problem(Location(path), "this is a folder, not a YAML file")]
            if not stat.S_ISREG(info.st_mode):
                return None, [
                    Problem(
                        Location(path),
                        "this is not a regular file (a pipe, socket or device);"
                        " deck files must be plain files",
                    )
                ]
            size = info.st_size
            data = b"" if size > MAX_FILE_BYTES else stream.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:  # Windows cannot open a folder
        return None, [Problem(Location(path), "this is a folder, not a YAML file")]
    except OSError as exc:
        return None, [Problem(Location(path), f"cannot read file: {exc.strerror or exc}")]
    except ValueError:  # a NUL character in the path
        return None, [Problem(Location(path), "cannot read file: its name has a NUL character")]
    if size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
        size = max(size, len(data))
        return None, [
            Problem(
                Location(path, 1, 1),
                f"file is too large ({size // 1024} KB, limit {MAX_FILE_BYTES // 1024} KB);"
                " split it or remove the bulk",
            )
        ]
    text, problem = decode(data, path)
    if text is None:
        assert problem is not None
        return None, [problem]
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> tuple[Node | None, list[Problem]]:
    """Parse YAML *text* (as if read from *path*) into a :class:`Node`."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem(Location(path, 1, 1), "file is empty; it needs YAML content")]
    try:
        documents = _compose(text)
    except _LimitError as exc:
        return None, [Problem(Location(path, exc.line + 1, exc.column + 1), exc.message)]
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else 0
        return None, [
            Problem(
                Location(path, line, column),
                f"file contains the character U+{code:04X}, which YAML does not allow;"
                " remove it (or write it as an escape in double quotes)",
            )
        ]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or exc.context or "invalid YAML"
        first = "; first occurrence"
        if exc.context and exc.context.endswith(first) and exc.context_mark is not None:
            # A duplicate anchor: PyYAML's own problem text is just "second occurrence".
            what = f"{exc.context.removesuffix(first)} (first at line {exc.context_mark.line + 1})"
        hint = ""
        if "\\t" in what or "tab" in what:
            hint = "; indent with spaces, not tabs"
        return None, [Problem(Location(path, line, column), f"YAML syntax error: {what}{hint}")]
    except yaml.YAMLError as exc:
        return None, [Problem(Location(path, 1, 1), f"YAML error: {exc}")]
    except RecursionError:
        return None, [
            Problem(Location(path, 1, 1), f"nesting is too deep (limit {MAX_DEPTH} levels)")
        ]
    if not documents:
        return None, [Problem(Location(path, 1, 1), "file is empty; it needs YAML content")]
    if len(documents) > 1:
        extra = documents[1].start_mark
        return None, [
            Problem(
                Location(path, extra.line + 1, extra.column + 1),
                "file holds more than one YAML document; keep one per file",
            )
        ]
    problems: list[Problem] = []
    try:
        node = _convert(documents[0], path, _Budget(), 0, problems)
    except _RefusedError as refused:
        return None, [refused.problem]
    return node, problems


_FAST_LOADER: Final[type[yaml.SafeLoader] | type[yaml.CSafeLoader]] = getattr(
    yaml, "CSafeLoader", yaml.SafeLoader
)
"""libyaml's parser when PyYAML was built with it: three times faster on big decks."""
_PYYAML_ONLY: Final = ("\t", "\ufeff", "\x85", "\u2028", "\u2029")
"""Text holding one of these goes to PyYAML alone: differential fuzzing found libyaml accepting
(tabs) or reading differently (BOM, odd line breaks) what PyYAML rejects."""


def _compose(text: str) -> list[yaml.Node]:
    """Parse *text* into node trees, fast; a file with an error is parsed again by the
    pure-Python parser, whose messages (and their positions) the problems quote."""
    if _FAST_LOADER is not yaml.SafeLoader and not any(c in text for c in _PYYAML_ONLY):
        try:
            return list(yaml.compose_all(text, Loader=_FAST_LOADER))
        except yaml.YAMLError:
            pass  # parsed again below, for the message
    return list(yaml.compose_all(text, Loader=_LimitedLoader))


class _LimitError(Exception):
    """Internal: the pure-Python parser stopped at a limit."""

    def __init__(self, event: yaml.Event, message: str) -> None:
        super().__init__(message)
        mark = event.start_mark
        self.line, self.column = (mark.line, mark.column) if mark is not None else (0, 0)
        self.message = message


class _LimitedLoader(yaml.SafeLoader):
    """PyYAML's safe loader, stopping at :data:`MAX_NODES` nodes or :data:`MAX_DEPTH` levels.

    Without the limits a 2 MB file of ``[a, a, a, …`` takes PyYAML tens of seconds, and deep
    nesting recurses to Python's stack limit.
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.composed = 0
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            return super().compose_node(parent, index)
        event: yaml.Event = self.current_event  # set by check_event
        self.composed += 1
        if self.composed > MAX_NODES:
            raise _LimitError(event, f"file holds more than {MAX_NODES:,} values; split it")
        if self.depth > MAX_DEPTH:
            raise _LimitError(event, f"nesting is too deep (limit {MAX_DEPTH} levels)")
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_NUMBER_TAGS: Final = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})


def _location(node: yaml.Node, path: Path) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(
    node: yaml.Node, path: Path, budget: _Budget, depth: int, problems: list[Problem]
) -> Node:
    budget.nodes += 1
    where = _location(node, path)
    if budget.nodes > MAX_NODES:
        raise _RefusedError(
            Problem(
                where,
                f"file expands to more than {MAX_NODES:,} values (runaway aliases?);"
                " remove the aliases or split the file",
            )
        )
    if depth > MAX_DEPTH:
        raise _RefusedError(Problem(where, f"nesting is too deep (limit {MAX_DEPTH} levels)"))
    if node.tag not in _STANDARD_TAGS:
        raise _RefusedError(
            Problem(where, f"tag {node.tag!r} is not allowed; deck files hold plain data only")
        )
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Node] = {}
        keys: dict[str, Location] = {}
        for key_node, value_node in node.value:
            key_where = _location(key_node, path)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _RefusedError(Problem(key_where, "merge keys (<<) are not supported"))
            if not isinstance(key_node, yaml.ScalarNode):
                raise _RefusedError(Problem(key_where, "mapping keys must be plain names"))
            key = str(key_node.value)
            if key in mapping:
                first = keys[key]
                problems.append(
                    Problem(
                        key_where,
                        f"duplicate key {quoted(key)} (first at line {first.line});"
                        " remove one of them",
                        field=key,
                    )
                )
                continue
            keys[key] = key_where
            mapping[key] = _convert(value_node, path, budget, depth + 1, problems)
        return Node(mapping, where, keys)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(item, path, budget, depth + 1, problems) for item in node.value]
        return Node(items, where)
    assert isinstance(node, yaml.ScalarNode)
    if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
        return Node(str(node.value), where, raw=str(node.value))
    try:
        value = budget.constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError, LookupError, AttributeError) as exc:
        # PyYAML's constructors fail in all these ways on tagged junk: `!!int ''`,
        # `!!bool maybe`, `!!timestamp x`, `!!map x`.
        if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
            detail = exc.problem
        elif isinstance(exc, ValueError) and str(exc):
            detail = str(exc)
        else:
            detail = f"not a valid {node.tag.rsplit(':', 1)[-1]}"
        raise _RefusedError(
            Problem(where, f"invalid value {quoted(node.value)}: {shorten(detail, 200)}")
        ) from exc
    if isinstance(value, dt.datetime):
        value = value.isoformat()
    if not isinstance(value, str | int | float | bool | dt.date | None):
        raise _RefusedError(Problem(where, f"unsupported value {quoted(node.value)}"))
    return Node(value, where, raw=str(node.value))
