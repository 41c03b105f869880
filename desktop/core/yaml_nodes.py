"""Located YAML values: :class:`Node`, and the conversion of PyYAML's trees into them.

:func:`convert` turns a composed PyYAML node into a :class:`Node` that remembers where each
value (and each key) starts, refusing non-standard tags, merge keys, duplicate keys and
values PyYAML cannot construct with a located problem. :func:`shorten` and :func:`quoted`
keep what a message quotes of a value short.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import yaml

from desktop.core.i18n import _
from desktop.core.problems import Location, Problem
from desktop.core.yaml_limits import MAX_DEPTH, MAX_NUMBER_CHARS, FileBudget, RefusedError
from desktop.core.yaml_messages import value_reason

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


_NUMBER_TAGS: Final = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_STR_TAG: Final = "tag:yaml.org,2002:str"


def _location(node: yaml.Node, path: Path) -> Location:
    return Location(path, node.start_mark.line + 1, node.start_mark.column + 1)


def convert(
    node: yaml.Node,
    path: Path,
    budget: FileBudget,
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
        raise RefusedError(
            Problem(where, _("nesting is too deep (limit {limit} levels)").format(limit=MAX_DEPTH))
        )
    if node.tag not in _STANDARD_TAGS:
        raise RefusedError(
            Problem(
                where,
                _("tag {tag} is not allowed; deck files hold plain data only").format(
                    tag=repr(node.tag)
                ),
            )
        )
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Node] = {}
        keys: dict[str, Location] = {}
        for key_node, value_node in node.value:
            key_where = _location(key_node, path)
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise RefusedError(Problem(key_where, _("merge keys (<<) are not supported")))
            if not isinstance(key_node, yaml.ScalarNode):
                raise RefusedError(Problem(key_where, _("mapping keys must be plain names")))
            key = str(key_node.value)
            budget.spend(key_where, alias, 0, len(key))
            if key in mapping:
                first = keys[key]
                problems.append(
                    Problem(
                        key_where,
                        _("duplicate key {key} (first at line {line}); remove one of them").format(
                            key=quoted(key), line=first.line
                        ),
                        field=key,
                    )
                )
                continue
            keys[key] = key_where
            mapping[key] = convert(value_node, path, budget, depth + 1, alias, problems)
        return Node(mapping, where, keys)
    if isinstance(node, yaml.SequenceNode):
        items = [convert(item, path, budget, depth + 1, alias, problems) for item in node.value]
        return Node(items, where)
    assert isinstance(node, yaml.ScalarNode)
    if node.tag == _STR_TAG:  # most values: what PyYAML's constructor would return as is
        return Node(node.value, where, raw=node.value)
    if node.tag in _NUMBER_TAGS and len(node.value) > MAX_NUMBER_CHARS:
        return Node(str(node.value), where, raw=str(node.value))
    try:
        value = budget.constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, OverflowError, LookupError, AttributeError) as exc:
        # PyYAML's constructors fail in all these ways on tagged junk: `!!int ''`,
        # `!!bool maybe`, `!!timestamp x`, `!!map x`.
        if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
            detail = value_reason(exc.problem)
        elif isinstance(exc, ValueError) and str(exc):
            detail = value_reason(str(exc))
        else:
            detail = None
        if detail is None:  # a reason no table has, or none: the kind the tag asks for
            detail = _("not a valid {kind}").format(kind=node.tag.rsplit(":", 1)[-1])
        raise RefusedError(
            Problem(
                where,
                _("invalid value {value}: {reason}").format(
                    value=quoted(node.value), reason=shorten(detail, 200)
                ),
            )
        ) from exc
    if isinstance(value, dt.datetime):
        value = value.isoformat()
    if not isinstance(value, str | int | float | bool | dt.date | None):
        raise RefusedError(
            Problem(where, _("unsupported value {value}").format(value=quoted(node.value)))
        )
    return Node(value, where, raw=str(node.value))
