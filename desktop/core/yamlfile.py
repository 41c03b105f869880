"""Read YAML files safely into nodes that remember where each value came from.

Only plain YAML data is accepted: mappings with string keys, sequences and the
safe scalar types. Python tags, duplicate keys, oversized files, runaway alias
expansion and deep nesting are refused with a located problem, never an
exception.
"""

from __future__ import annotations

import codecs
import datetime as dt
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


class _Budget:
    def __init__(self) -> None:
        self.nodes = 0


class _RefusedError(Exception):
    """Internal: conversion stopped at a located problem."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def decode(data: bytes, path: Path) -> tuple[str | None, Problem | None]:
    """Decode a file's bytes as UTF-8 (a UTF-8 BOM is allowed)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
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
    """Read one YAML file into a :class:`Node`, collecting problems instead of raising."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [
                Problem(
                    Location(path, 1, 1),
                    f"file is too large ({size // 1024} KB, limit {MAX_FILE_BYTES // 1024} KB);"
                    " split it or remove the bulk",
                )
            ]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(Location(path), f"cannot read file: {exc.strerror or exc}")]
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
        documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = exc.problem or exc.context or "invalid YAML"
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


_CONSTRUCTOR: Final = yaml.SafeLoader("")


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
                        f"duplicate key {key!r} (first at line {first.line}); remove one of them",
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
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        raise _RefusedError(Problem(where, f"invalid value {node.value!r}: {exc}")) from exc
    if isinstance(value, dt.datetime):
        value = value.isoformat()
    if not isinstance(value, str | int | float | bool | dt.date | None):
        raise _RefusedError(Problem(where, f"unsupported value {node.value!r}"))
    return Node(value, where, raw=str(node.value))
