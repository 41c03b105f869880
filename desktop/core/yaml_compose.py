"""Compose YAML text into PyYAML node trees, fast and within the limits.

:func:`compose` parses with libyaml's parser when PyYAML has it (three times faster on big
decks) and again with the pure-Python one for a file with an error, whose messages the
problems quote. :class:`_LimitedComposer` stops at :data:`~desktop.core.yaml_limits.MAX_NODES`
values or :data:`~desktop.core.yaml_limits.MAX_DEPTH` levels and gives every alias a node of
its own, so that a problem can point at the alias that repeats the text.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Final

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from desktop.core.i18n import _
from desktop.core.yaml_limits import MAX_DEPTH, MAX_NODES

_PYYAML_ONLY: Final = ("\t", "\ufeff", "\x85", "\u2028", "\u2029")
"""Text holding one of these goes to PyYAML alone: differential fuzzing found libyaml accepting
(tabs) or reading differently (BOM, odd line breaks) what PyYAML rejects."""


class LimitError(Exception):
    """Composing stopped at a limit (caught by :func:`~desktop.core.yamlfile.parse_yaml`)."""

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
            raise LimitError(
                event,
                _("file holds more than {limit} values; split it").format(limit=f"{MAX_NODES:,}"),
            )
        if self.depth > MAX_DEPTH:
            raise LimitError(
                event, _("nesting is too deep (limit {limit} levels)").format(limit=MAX_DEPTH)
            )
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

FAST_TEXT_CHARS: Final = MAX_NODES // 2 - 1
"""Text of at most this many characters (and no alias) is composed by libyaml alone.

Every value but the first takes at least one character of the text (``?`` alone makes a key
and its value), so such a text holds at most :data:`MAX_NODES` values: the composer's count
cannot be reached, and libyaml refuses nesting past its own limit (1,000 levels) before its
composer recurses deeper. The conversion (:func:`~desktop.core.yaml_nodes.convert`) then
counts every value and level against the limits as it does after the limited composer. A
section file is 3 to 10 KB. A text that may define an anchor (:data:`_MAYBE_ANCHOR`) goes to
the limited composer, which gives each alias of the anchor a node of its own."""

_MAYBE_ANCHOR: Final = re.compile(r"(?:^|[\s\[\]{},:])&", re.MULTILINE)
"""Where an anchor (``&name``) could start: a ``&`` that begins a token. It finds more than
anchors (``a & b`` in a plain text), never fewer; ``R&D`` is not one. No anchor, no alias."""

_C_COMPOSER: type[yaml.CSafeLoader] | None = None
"""PyYAML's libyaml loader (parser and composer in C), when PyYAML was built with it."""

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML without libyaml: the pure-Python loader alone
    pass
else:
    _C_COMPOSER = yaml.CSafeLoader

    class _FastLimitedLoader(_LimitedComposer, CParser, SafeConstructor, Resolver):
        """libyaml's parser (three times faster on big decks) under the limited composer."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            _LimitedComposer.__init__(self)

    _LOADERS.insert(0, _FastLimitedLoader)


def compose(text: str) -> tuple[list[yaml.Node], frozenset[int]]:
    """Parse *text* into node trees, fast; return them and the ``id`` of every alias node.

    A file with an error is parsed again by the pure-Python parser, whose messages (and their
    positions) the problems quote.
    """
    libyaml_reads_it = not any(c in text for c in _PYYAML_ONLY)
    if (
        _C_COMPOSER is not None
        and libyaml_reads_it
        and len(text) <= FAST_TEXT_CHARS
        and ("&" not in text or not _MAYBE_ANCHOR.search(text))
    ):
        try:
            return list(yaml.compose_all(text, Loader=_C_COMPOSER)), frozenset()
        except yaml.YAMLError:
            pass  # parsed again by the pure-Python parser below, for the message
    loaders = _LOADERS if libyaml_reads_it else _LOADERS[-1:]
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
