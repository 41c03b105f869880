"""A small schema language: one definition validates YAML nodes and emits JSON Schema.

The deck format (:mod:`desktop.core.format`) is written once in these terms;
the loader validates against it and ``resources/*.schema.json`` is generated
from it, so the runtime rules and the published schema cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.i18n import _
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

    def takes(self, node: Node) -> bool:
        """Whether a mapping *node* is a value of this kind rather than of a record (see
        :class:`Either`): only a :class:`~desktop.core.schema_localized.Localized` text takes
        mappings, those whose every key it :meth:`takes_key`."""
        return (
            isinstance(node.value, dict)
            and bool(node.value)
            and all(map(self.takes_key, node.value))
        )

    def takes_key(self, key: str) -> bool:
        """Whether this kind, as a mapping, may have the key *key* (a language code)."""
        return False

    def is_markdown(self) -> bool:
        """Whether the value is Markdown (its JSON Schema has a ``markdownDescription``)."""
        return False


def _type_of(node: Node) -> str:
    """What *node* holds, for a message (``a list``), in the interface language."""
    value = node.value
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    if value is None:
        return _("empty")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, dt.date):
        return _("a date")
    return _("text")


def did_you_mean(word: str, known: Sequence[str]) -> str | None:
    """The known word *word* is most likely a misspelling of, or None: for ``did you mean``."""
    import difflib  # only for a did-you-mean: not on the start-up path

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return close[0] if close else None


def _wrong_type(node: Node, path: str, kind: Kind, problems: list[Problem]) -> None:
    message = (
        _("`{field}` must be {kind}, not {actual}")
        if path
        else _("the file must be {kind}, not {actual}")
    )
    problems.append(
        Problem(
            node.location,
            message.format(field=path, kind=kind.type_name(), actual=_type_of(node)),
            field=path,
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
    value_check: Callable[[str, str], str | None] | None = field(default=None, compare=False)
    """A further check of text that matches *pattern*, given the text and its field path: the
    problem's message (``duration is longer than a day``), or None."""

    def type_name(self) -> str:
        return _("text")

    def is_markdown(self) -> bool:
        return self.markdown

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        text = scalar_text(node)
        if text is None:
            _wrong_type(node, path, self, problems)
            return
        if not text.strip():
            problems.append(
                Problem(node.location, _("`{field}` is empty").format(field=path), field=path)
            )
            return
        if self.max_length is not None and len(text) > self.max_length:
            problems.append(
                Problem(
                    node.location,
                    _("`{field}` is {n} characters long (limit {limit}); shorten it").format(
                        field=path, n=f"{len(text):,}", limit=f"{self.max_length:,}"
                    ),
                    field=path,
                )
            )
        if self.pattern is not None and not re.fullmatch(self.pattern, text):
            problems.append(
                Problem(
                    node.location,
                    _("`{field}` is {value}: {hint}").format(
                        field=path,
                        value=quoted(text),
                        hint=_(self.pattern_hint) if self.pattern_hint else _("wrong format"),
                    ),
                    field=path,
                )
            )
        elif self.value_check is not None and (why := self.value_check(text, path)) is not None:
            problems.append(Problem(node.location, why, field=path))

    def json_schema(self) -> JSON:
        schema: JSON = {"type": ["string", "number", "boolean"], "minLength": 1}
        if self.pattern is not None:
            schema = {"type": "string", "minLength": 1, "pattern": f"^(?:{self.pattern})$"}
        if self.max_length is not None:
            schema["maxLength"] = self.max_length
        return schema


@dataclass(frozen=True)
class Date(Kind):
    """A calendar date, YYYY-MM-DD; with ``month``, a month alone (YYYY-MM) is one too."""

    description: str = ""
    month: bool = False
    """Whether a month alone is a date: a source published "October 2024" has no day."""

    def type_name(self) -> str:
        return _("a date (YYYY-MM-DD or YYYY-MM)") if self.month else _("a date (YYYY-MM-DD)")

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if isinstance(node.value, dt.date):
            return
        if isinstance(node.value, str):
            day = node.value
            if self.month and re.fullmatch(r"\d{4}-\d{2}", day):
                day += "-01"
            try:
                dt.date.fromisoformat(day)
            except ValueError:
                pass
            else:
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
                    return
        text = scalar_text(node)
        shown = quoted(text) if text is not None else _type_of(node)
        message = (
            _("`{field}` must be a date written YYYY-MM-DD or YYYY-MM, not {actual}")
            if self.month
            else _("`{field}` must be a date written YYYY-MM-DD, not {actual}")
        )
        problems.append(
            Problem(node.location, message.format(field=path, actual=shown), field=path)
        )

    def json_schema(self) -> JSON:
        if self.month:
            return {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$"}
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}


@dataclass(frozen=True)
class Choice(Kind):
    """One of a fixed set of words."""

    values: tuple[str, ...] = ()
    description: str = ""

    def type_name(self) -> str:
        return _("one of {values}").format(values=_(", ").join(f"`{v}`" for v in self.values))

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        text = scalar_text(node)
        if text is None:
            _wrong_type(node, path, self, problems)
            return
        if text not in self.values:
            problems.append(
                Problem(
                    node.location,
                    not_one_of(path, text, self.type_name(), self.values),
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
        return _("`true` or `false`")

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
    unique: bool = False
    """No item may be written twice (the second is an error, at itself)."""

    def type_name(self) -> str:
        return _("a list")

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if not isinstance(node.value, list):
            _wrong_type(node, path, self, problems)
            return
        count = len(node.value)
        if count < self.min_items:
            message = (
                _("`{field}` needs at least one item")
                if self.min_items == 1
                else _("`{field}` needs {n}+ items")
            )
            problems.append(
                Problem(node.location, message.format(field=path, n=self.min_items), field=path)
            )
        if self.max_items is not None and count > self.max_items:
            problems.append(
                Problem(
                    node.value[self.max_items].location,
                    _("`{field}` has {n} items (limit {limit}); remove some").format(
                        field=path, n=f"{count:,}", limit=f"{self.max_items:,}"
                    ),
                    field=path,
                )
            )
            return
        seen: dict[str, int] = {}
        for index, item in enumerate(node.value):
            self.item.check(item, f"{path}[{index}]", problems)
            text = scalar_text(item)
            if not self.unique or text is None:
                continue
            if text in seen:
                problems.append(
                    Problem(
                        item.location,
                        _("`{field}` is {value} again (as `{first}`); remove one of them").format(
                            field=f"{path}[{index}]",
                            value=quoted(text),
                            first=f"{path}[{seen[text]}]",
                        ),
                        field=f"{path}[{index}]",
                    )
                )
            seen.setdefault(text, index)

    def json_schema(self) -> JSON:
        schema: JSON = {"type": "array", "items": self.item.json_schema()}
        if self.unique:
            schema["uniqueItems"] = True
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
    label: str = ""
    """The record's name in a sentence (marked with ``N_``: shown translated); *name* if
    empty. *name* is the JSON Schema's ``title``, in English."""
    extra_checks: tuple[Callable[[Node, str, list[Problem]], None], ...] = field(default=())

    def type_name(self) -> str:
        return _("a mapping ({record})").format(record=self.noun())

    def noun(self) -> str:
        """The record's name in a message, in the interface language (``bullet``)."""
        return _(self.label) if self.label else self.name

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
                close = did_you_mean(key, list(known))
                field_path = prefix + shorten(key)
                message = (
                    _("unknown key `{field}`; did you mean `{close}`?").format(
                        field=field_path, close=close
                    )
                    if close
                    else _("unknown key `{field}`; known keys: {keys}").format(
                        field=field_path, keys=_(", ").join(f"`{k}`" for k in known)
                    )
                )
                problems.append(Problem(where, message, field=prefix + key))
                continue
            if value.value is None and not spec.required:
                continue
            spec.kind.check(value, prefix + key, problems)
        for spec in self.fields:
            if spec.required and node.value.get(spec.name) is None:
                problems.append(
                    Problem(
                        node.location,
                        _("`{field}` is required; add it").format(field=prefix + spec.name),
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
            if spec.kind.is_markdown():
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

    text: Kind
    """A :class:`Text`, or a :class:`~desktop.core.schema_localized.Localized` text (which
    takes the mappings it :meth:`~Kind.takes`)."""
    record: Record
    description: str = ""

    def type_name(self) -> str:
        return _("text or a mapping ({record})").format(record=self.record.noun())

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if isinstance(node.value, dict) and not self.text.takes(node):
            self._check_record(node, path, problems)
        elif isinstance(node.value, list) or node.value is None:
            _wrong_type(node, path, self, problems)
        else:
            self.text.check(node, path, problems)

    def _check_record(self, node: Node, path: str, problems: list[Problem]) -> None:
        """Check *node* as the record; a key the text takes (a language code) among the
        record's own is one problem, not an unknown key."""
        assert isinstance(node.value, dict)
        fields = self.record.field_names()
        strays = [key for key in node.value if key not in fields and self.text.takes_key(key)]
        found: list[Problem] = []
        self.record.check(node, path, found)
        if strays:
            prefix = f"{path}." if path else ""
            stray_fields = {prefix + key for key in strays}
            found = [p for p in found if p.field not in stray_fields]
            own = _(", ").join(f"`{key}`" for key in node.value if key in fields)
            first = strays[0]
            problems.append(
                Problem(
                    node.key_locations.get(first, node.location),
                    _(
                        "`{field}` mixes language codes ({codes}) with the keys of a {record}"
                        " ({keys}); write the languages inside `{key}`: `{example}`"
                    ).format(
                        field=path,
                        codes=_(", ").join(f"`{k}`" for k in strays),
                        record=self.record.noun(),
                        keys=own,
                        key=fields[0],
                        example=f"{fields[0]}: {{{first}: …}}",
                    ),
                    field=prefix + first,
                )
            )
        problems.extend(found)

    def json_schema(self) -> JSON:
        text = self.text.json_schema()
        return {"anyOf": [*text.get("anyOf", [text]), self.record.json_schema()]}


def not_one_of(path: str, text: str | None, kinds: str, words: Sequence[str]) -> str:
    """The message of the value *text* (None: empty) at *path* that is none of *kinds* (a
    type name), with a did-you-mean from *words* when one is close."""
    written = quoted(text) if text is not None else _("empty")
    close = did_you_mean(text, words) if text else None
    if close:
        return _("`{field}` is {value}, but must be {kinds}; did you mean `{close}`?").format(
            field=path, value=written, kinds=kinds, close=close
        )
    return _("`{field}` is {value}, but must be {kinds}").format(
        field=path, value=written, kinds=kinds
    )


def warn(node: Node, message: str, path: str) -> Problem:
    """A warning at *node*."""
    return Problem(node.location, message, Severity.WARNING, path)
