"""A small schema language: one definition validates YAML nodes and emits JSON Schema.

The deck format (:mod:`desktop.core.format`) is written once in these terms;
the loader validates against it and ``resources/*.schema.json`` is generated
from it, so the runtime rules and the published schema cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.core.problems import Problem, Severity
from desktop.core.yaml_nodes import Node, quoted, shorten

JSON = dict[str, Any]


class Kind:
    """Base of all value kinds."""

    description: str = ""

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        raise NotImplementedError

    def json_schema(self) -> JSON:
        raise NotImplementedError

    def type_name(self) -> str:
        raise NotImplementedError


def _type_of(node: Node) -> str:
    value = node.value
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    return "text"


def _wrong_type(node: Node, path: str, kind: Kind, problems: list[Problem]) -> None:
    what = f"`{path}`" if path else "the file"
    problems.append(
        Problem(
            node.location, f"{what} must be {kind.type_name()}, not {_type_of(node)}", field=path
        )
    )


def scalar_text(node: Node) -> str | None:
    """The text of a scalar node as written, or None for mappings, lists and nulls."""
    if isinstance(node.value, dict | list) or node.value is None:
        return None
    if isinstance(node.value, str):
        return node.value
    return node.raw if node.raw is not None else str(node.value)


@dataclass(frozen=True)
class Text(Kind):
    """A one-line or multi-line string. Numbers are accepted as written (``2027``)."""

    description: str = ""
    max_length: int | None = None
    pattern: str | None = None
    pattern_hint: str = ""
    markdown: bool = False
    value_check: Callable[[str], str | None] | None = field(default=None, compare=False)
    """A further check of text that matches *pattern*: a sentence saying what is wrong
    (``is longer than a day``), or None."""

    def type_name(self) -> str:
        return "text"

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        text = scalar_text(node)
        if text is None:
            _wrong_type(node, path, self, problems)
            return
        if not text.strip():
            problems.append(Problem(node.location, f"`{path}` is empty", field=path))
            return
        if self.max_length is not None and len(text) > self.max_length:
            problems.append(
                Problem(
                    node.location,
                    f"`{path}` is {len(text):,} characters long (limit {self.max_length:,});"
                    " shorten it",
                    field=path,
                )
            )
        if self.pattern is not None and not re.fullmatch(self.pattern, text):
            problems.append(
                Problem(
                    node.location,
                    f"`{path}` is {quoted(text)}: {self.pattern_hint or 'wrong format'}",
                    field=path,
                )
            )
        elif self.value_check is not None and (why := self.value_check(text)) is not None:
            problems.append(Problem(node.location, f"`{path}` {why}", field=path))

    def json_schema(self) -> JSON:
        schema: JSON = {"type": ["string", "number", "boolean"], "minLength": 1}
        if self.pattern is not None:
            schema = {"type": "string", "minLength": 1, "pattern": f"^(?:{self.pattern})$"}
        if self.max_length is not None:
            schema["maxLength"] = self.max_length
        return schema


@dataclass(frozen=True)
class Date(Kind):
    """A calendar date, YYYY-MM-DD."""

    description: str = ""

    def type_name(self) -> str:
        return "a date (YYYY-MM-DD)"

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if isinstance(node.value, dt.date):
            return
        if isinstance(node.value, str):
            try:
                dt.date.fromisoformat(node.value)
            except ValueError:
                pass
            else:
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", node.value):
                    return
        text = scalar_text(node)
        shown = quoted(text) if text is not None else _type_of(node)
        problems.append(
            Problem(
                node.location,
                f"`{path}` must be a date written YYYY-MM-DD, not {shown}",
                field=path,
            )
        )

    def json_schema(self) -> JSON:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


@dataclass(frozen=True)
class Choice(Kind):
    """One of a fixed set of words."""

    values: tuple[str, ...] = ()
    description: str = ""

    def type_name(self) -> str:
        return "one of " + ", ".join(f"`{v}`" for v in self.values)

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        text = scalar_text(node)
        if text is None:
            _wrong_type(node, path, self, problems)
            return
        if text not in self.values:
            import difflib  # only for a did-you-mean

            close = difflib.get_close_matches(text, self.values, n=1, cutoff=0.6)
            hint = f"; did you mean `{close[0]}`?" if close else ""
            problems.append(
                Problem(
                    node.location,
                    f"`{path}` is {quoted(text)}, but must be {self.type_name()}{hint}",
                    field=path,
                )
            )

    def json_schema(self) -> JSON:
        return {"type": "string", "enum": list(self.values)}


@dataclass(frozen=True)
class Flag(Kind):
    """``true`` or ``false``."""

    description: str = ""

    def type_name(self) -> str:
        return "`true` or `false`"

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if not isinstance(node.value, bool):
            _wrong_type(node, path, self, problems)

    def json_schema(self) -> JSON:
        return {"type": "boolean"}


@dataclass(frozen=True)
class ListOf(Kind):
    """A list of items of one kind."""

    item: Kind
    description: str = ""
    min_items: int = 0
    max_items: int | None = None

    def type_name(self) -> str:
        return "a list"

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if not isinstance(node.value, list):
            _wrong_type(node, path, self, problems)
            return
        count = len(node.value)
        if count < self.min_items:
            need = "at least one item" if self.min_items == 1 else f"{self.min_items}+ items"
            problems.append(Problem(node.location, f"`{path}` needs {need}", field=path))
        if self.max_items is not None and count > self.max_items:
            problems.append(
                Problem(
                    node.value[self.max_items].location,
                    f"`{path}` has {count:,} items (limit {self.max_items:,}); remove some",
                    field=path,
                )
            )
            return
        for index, item in enumerate(node.value):
            self.item.check(item, f"{path}[{index}]", problems)

    def json_schema(self) -> JSON:
        schema: JSON = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.max_items is not None:
            schema["maxItems"] = self.max_items
        return schema


@dataclass(frozen=True)
class Field:
    """A named field of a :class:`Record`."""

    name: str
    kind: Kind
    description: str
    required: bool = False
    default: str | None = None


@dataclass(frozen=True)
class Record(Kind):
    """A mapping with known fields; unknown keys are errors with a suggestion."""

    name: str
    fields: tuple[Field, ...]
    description: str = ""
    extra_checks: tuple[Callable[[Node, str, list[Problem]], None], ...] = field(default=())

    def type_name(self) -> str:
        return f"a mapping ({self.name})"

    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if not isinstance(node.value, dict):
            _wrong_type(node, path, self, problems)
            return
        known = {f.name: f for f in self.fields}
        prefix = f"{path}." if path else ""
        for key, value in node.value.items():
            spec = known.get(key)
            where = node.key_locations.get(key, value.location)
            if spec is None:
                import difflib  # only for a did-you-mean

                close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
                hint = f"did you mean `{close[0]}`?" if close else f"known keys: {', '.join(known)}"
                problems.append(
                    Problem(
                        where, f"unknown key `{prefix}{shorten(key)}`; {hint}", field=prefix + key
                    )
                )
                continue
            if value.value is None and not spec.required:
                continue
            spec.kind.check(value, prefix + key, problems)
        for spec in self.fields:
            if spec.required and node.value.get(spec.name) is None:
                problems.append(
                    Problem(
                        node.location,
                        f"`{prefix}{spec.name}` is required ({spec.description.rstrip('.')})",
                        field=prefix + spec.name,
                    )
                )
        for extra in self.extra_checks:
            extra(node, path, problems)

    def json_schema(self) -> JSON:
        properties: JSON = {}
        for spec in self.fields:
            prop = spec.kind.json_schema()
            prop["description"] = spec.description
            if isinstance(spec.kind, Text) and spec.kind.markdown:
                prop["markdownDescription"] = spec.description
            if spec.default is not None:
                prop["default"] = spec.default
            properties[spec.name] = prop
        schema: JSON = {
            "type": "object",
            "title": self.name,
            "properties": properties,
            "additionalProperties": False,
        }
        if self.description:
            schema["description"] = self.description
        required = [f.name for f in self.fields if f.required]
        if required:
            schema["required"] = required
        return schema


@dataclass(frozen=True)
class Either(Kind):
    """A value that may take one of several shapes: text, or a record."""

    text: Text
    record: Record
    description: str = ""

    def type_name(self) -> str:
        return f"text or {self.record.type_name()}"

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if isinstance(node.value, dict):
            self.record.check(node, path, problems)
        elif isinstance(node.value, list) or node.value is None:
            _wrong_type(node, path, self, problems)
        else:
            self.text.check(node, path, problems)

    def json_schema(self) -> JSON:
        return {"anyOf": [self.text.json_schema(), self.record.json_schema()]}


def warn(node: Node, message: str, path: str) -> Problem:
    """A warning at *node*."""
    return Problem(node.location, message, Severity.WARNING, path)
