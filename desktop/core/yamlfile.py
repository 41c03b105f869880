"""Read YAML files safely into nodes that remember where each value came from.

Only plain YAML data is accepted: mappings with string keys, sequences and the
safe scalar types. Python tags, duplicate keys, oversized files, runaway alias
expansion (of values or of text) and deep nesting are refused with a located
problem, never an exception.
"""

from __future__ import annotations

import codecs
import copy
import datetime as dt
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final, NoReturn

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from desktop.core.problems import Location, Problem

MAX_FILE_BYTES: Final = 2 * 1024 * 1024
"""Largest deck file we read; a slide file is a few kilobytes."""
MAX_NODES: Final = 100_000
"""Largest number of values a file may expand to (alias expansion included)."""
MAX_FILE_TEXT: Final = 1_000_000
"""Most characters of text (keys and scalars) a file may expand to, alias expansion included:
an alias repeats its anchor's text but costs one value, so the value limit alone lets a 600 KB
file hold 200 million characters."""
MAX_DECK_VALUES: Final = 200_000
"""Most values the files of one deck may expand to together."""
MAX_DECK_TEXT: Final = 2_000_000
"""Most characters of text the files of one deck may expand to together (the bundled deck
holds about 30,000)."""
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


@dataclass(slots=True)
class DeckBudget:
    """What the files of one deck have expanded to so far, against the deck-wide limits.

    Pass one to :func:`read_yaml` for each file of a deck; a file that would take the deck
    past :data:`MAX_DECK_VALUES` or :data:`MAX_DECK_TEXT` is refused, and ``exhausted`` says
    so (the loader then reads no more files).
    """

    values: int = 0
    chars: int = 0
    exhausted: bool = False


class _Budget:
    def __init__(self, deck: DeckBudget, aliases: frozenset[int]) -> None:
        self.nodes = 0
        self.chars = 0
        self.deck = deck
        self.aliases = aliases
        """``id`` of every node that stands for an alias (see :class:`_LimitedComposer`)."""
        # One constructor per file: PyYAML's caches every object it builds (and, through
        # the node marks, the whole file text), so a shared one grows with every reload.
        self.constructor = yaml.SafeLoader("")

    def spend(self, where: Location, alias: Location | None, nodes: int, chars: int) -> None:
        """Count *nodes* values and *chars* characters; refuse the file past a limit.

        The problem is located at *alias*, the outermost alias being expanded, when there is
        one: that is what repeats the text.
        """
        self.nodes += nodes
        self.chars += chars
        if self.nodes > MAX_NODES:
            self._refuse(where, alias, "file", f"{MAX_NODES:,} values")
        if self.chars > MAX_FILE_TEXT:
            self._refuse(where, alias, "file", f"{MAX_FILE_TEXT:,} characters of text")
        deck = self.deck
        if deck.values + self.nodes > MAX_DECK_VALUES:
            deck.exhausted = True
            self._refuse(where, alias, "deck", f"{MAX_DECK_VALUES:,} values")
        if deck.chars + self.chars > MAX_DECK_TEXT:
            deck.exhausted = True
            self._refuse(where, alias, "deck", f"{MAX_DECK_TEXT:,} characters of text")

    @staticmethod
    def _refuse(where: Location, alias: Location | None, scope: str, limit: str) -> NoReturn:
        if scope == "file":
            message = (
                f"file expands to more than {limit} through aliases;"
                " remove the aliases or split the file"
                if alias is not None
                else f"file holds more than {limit}; shorten the text or split the file"
            )
        else:
            message = (
                f"the deck's files expand to more than {limit} in all through aliases;"
                " remove the aliases (later section files are not read)"
                if alias is not None
                else f"the deck's files hold more than {limit} in all; shorten the deck or"
                " split it into several decks (later section files are not read)"
            )
        raise _RefusedError(Problem(alias or where, message))

    def commit(self) -> None:
        """The file is read: charge what it holds to the deck."""
        self.deck.values += self.nodes
        self.deck.chars += self.chars


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


def read_yaml(path: Path, deck: DeckBudget | None = None) -> tuple[Node | None, list[Problem]]:
    """Read one YAML file into a :class:`Node`, collecting problems instead of raising.

    Only regular files are read, and at most :data:`MAX_FILE_BYTES` of them: a named pipe,
    a device (a link to ``/dev/zero``) or a folder named ``x.yaml`` is a problem, not a hang.
    *deck* counts what the files of one deck expand to together (a fresh budget without it).
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
    return parse_yaml(text, path, deck)


def parse_yaml(
    text: str, path: Path, deck: DeckBudget | None = None
) -> tuple[Node | None, list[Problem]]:
    """Parse YAML *text* (as if read from *path*) into a :class:`Node`."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        return None, [Problem(Location(path, 1, 1), "file is empty; it needs YAML content")]
    try:
        documents, aliases = _compose(text)
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
    budget = _Budget(deck or DeckBudget(), aliases)
    try:
        node = _convert(documents[0], path, budget, 0, None, problems)
    except _RefusedError as refused:
        return None, [refused.problem]
    budget.commit()
    return node, problems


_PYYAML_ONLY: Final = ("\t", "\ufeff", "\x85", "\u2028", "\u2029")
"""Text holding one of these goes to PyYAML alone: differential fuzzing found libyaml accepting
(tabs) or reading differently (BOM, odd line breaks) what PyYAML rejects."""


class _LimitError(Exception):
    """Internal: composing stopped at a limit."""

    def __init__(self, event: yaml.Event, message: str) -> None:
        super().__init__(message)
        mark = event.start_mark
        self.line, self.column = (mark.line, mark.column) if mark is not None else (0, 0)
        self.message = message


class _LimitedComposer(Composer):
    """PyYAML's composer, stopping at :data:`MAX_NODES` values or :data:`MAX_DEPTH` levels, and
    giving every alias a node of its own that starts where the alias is written.

    Without the limits a 2 MB file of ``[a, a, a, …`` takes tens of seconds, and deep nesting
    recurses to Python's stack limit. PyYAML's own composer returns the anchor's node for an
    alias, so whatever an alias expands to would be located at the anchor: the copy (same
    value, the alias's marks) lets a problem point at the alias that repeats the text.

    A mixin: the loader combines it with a parser (PyYAML's or libyaml's), which gives the
    events.
    """

    if TYPE_CHECKING:  # provided by the parser the loader combines this with

        def peek_event(self) -> yaml.Event: ...
        def dispose(self) -> None: ...

    def __init__(self) -> None:
        Composer.__init__(self)  # not super(): in a loader's MRO that is the parser
        self.composed = 0
        self.depth = 0
        self.alias_nodes: list[yaml.Node] = []
        """Every node made for an alias (kept alive, so their ``id`` stays theirs)."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        # *index*: None for a mapping key, the key node for its value, an int in a list.
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            anchored = super().compose_node(parent, index)  # type: ignore[arg-type]  # see above
            assert anchored is not None  # an undefined alias raises instead
            alias = copy.copy(anchored)
            alias.start_mark, alias.end_mark = event.start_mark, event.end_mark
            self.alias_nodes.append(alias)
            return alias
        if not (isinstance(parent, yaml.MappingNode) and index is None):  # keys are not values
            self.composed += 1
        if self.composed > MAX_NODES:
            raise _LimitError(event, f"file holds more than {MAX_NODES:,} values; split it")
        if self.depth > MAX_DEPTH:
            raise _LimitError(event, f"nesting is too deep (limit {MAX_DEPTH} levels)")
        self.depth += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[arg-type]  # see above
        finally:
            self.depth -= 1


class _LimitedLoader(_LimitedComposer, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader under the limited composer."""

    def __init__(self, stream: str) -> None:
        yaml.SafeLoader.__init__(self, stream)
        _LimitedComposer.__init__(self)


_LOADERS: list[type[_LimitedComposer]] = [_LimitedLoader]
"""The loaders to try in turn: libyaml's parser first when PyYAML was built with it."""

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML without libyaml: the pure-Python loader alone
    pass
else:

    class _FastLimitedLoader(_LimitedComposer, CParser, SafeConstructor, Resolver):
        """libyaml's parser (three times faster on big decks) under the limited composer."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            _LimitedComposer.__init__(self)

    _LOADERS.insert(0, _FastLimitedLoader)


def _compose(text: str) -> tuple[list[yaml.Node], frozenset[int]]:
    """Parse *text* into node trees, fast; return them and the ``id`` of every alias node.

    A file with an error is parsed again by the pure-Python parser, whose messages (and their
    positions) the problems quote.
    """
    loaders = _LOADERS if not any(c in text for c in _PYYAML_ONLY) else _LOADERS[-1:]
    for loader_class in loaders:
        loader = loader_class(text)  # type: ignore[call-arg]  # every loader takes the text
        try:
            documents: list[yaml.Node] = []
            while loader.check_node():
                node = loader.get_node()
                assert node is not None  # check_node said there is one
                documents.append(node)
        except yaml.YAMLError:
            if loader_class is not _LimitedLoader:
                continue  # parsed again below, for the message
            raise
        finally:
            loader.dispose()
        return documents, frozenset(id(alias) for alias in loader.alias_nodes)
    raise AssertionError("the pure-Python loader is always last")


_NUMBER_TAGS: Final = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})


def _location(node: yaml.Node, path: Path) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


def _convert(
    node: yaml.Node,
    path: Path,
    budget: _Budget,
    depth: int,
    alias: Location | None,
    problems: list[Problem],
) -> Node:
    """*node* as a :class:`Node`; *alias* is where the outermost alias being expanded is."""
    where = _location(node, path)
    if alias is None and id(node) in budget.aliases:
        alias = where
    chars = len(node.value) if isinstance(node, yaml.ScalarNode) else 0
    budget.spend(where, alias, 1, chars)
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
            budget.spend(key_where, alias, 0, len(key))
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
            mapping[key] = _convert(value_node, path, budget, depth + 1, alias, problems)
        return Node(mapping, where, keys)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(item, path, budget, depth + 1, alias, problems) for item in node.value]
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
