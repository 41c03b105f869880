"""The loader's state and the helpers every part of it reads values with.

:class:`LoaderBase` holds what one load collects (problems, files, budgets) and reads the
texts, dates and durations of YAML nodes, cleaning control characters out of texts. The
parts of the loader (:mod:`~desktop.core.loader_paths`, :mod:`~desktop.core.loader_build`,
:mod:`~desktop.core.loader_checks`) build on it; :mod:`~desktop.core.loader` joins them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from desktop.core.format import DEFAULT_LANGUAGES, LANGUAGE_CODE
from desktop.core.i18n import _
from desktop.core.images import DeckImages
from desktop.core.model import parse_duration
from desktop.core.problems import Location, Problem, Severity
from desktop.core.schema import did_you_mean, scalar_text
from desktop.core.yaml_limits import DeckBudget
from desktop.core.yaml_nodes import Node

DECK_FILE: Final = "deck.yaml"
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class Written:
    """What is read of one deck object (deck.yaml, a section, a slide): where each value is
    written, and its texts in each language (kept only when the deck declares several).

    Attributes:
        prefix: The object's field path in its file, for messages (``slides[2].``).
    """

    prefix: str = ""
    locations: dict[str, Location] = field(default_factory=dict)
    translations: dict[str, dict[str, str]] = field(default_factory=dict)


class LoaderBase:
    """One load's state (problems, files, budgets) and how it reads values."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.deck_file = (root / DECK_FILE).resolve()
        """deck.yaml, links followed (a link to a file inside the deck is allowed)."""
        self.problems: list[Problem] = []
        self.files: list[Path] = [root / DECK_FILE]
        self.budget = DeckBudget()
        """What the deck's files have expanded to so far (text and values, all files)."""
        self.images = DeckImages()
        """What the deck's distinct images hold together (bytes, megapixels)."""
        self.slide_count = 0
        self.languages: tuple[str, ...] = DEFAULT_LANGUAGES
        """The deck's languages, once deck.yaml is read; the primary first."""
        self._nearby: str | None = None

    def error(self, where: Location, message: str, field: str = "") -> None:
        self.problems.append(Problem(where, message, Severity.ERROR, field))

    def warning(self, where: Location, message: str, field: str = "") -> None:
        self.problems.append(Problem(where, message, Severity.WARNING, field))

    def text(
        self,
        node: Node,
        key: str,
        default: str = "",
        where: dict[str, Location] | None = None,
        path: str = "",
    ) -> str:
        """The text at *key* of *node*; its location goes into *where* under *path* + *key*."""
        value = get_node(node, key)
        if value is None:
            return default
        text = scalar_text(value)
        if text is None:
            return default
        if where is not None:
            where[path + key] = value.location
        return self.clean(text, value.location, key)

    def localized(self, node: Node | None, key: str, where: Written, path: str = "") -> str:
        """The primary text of the text field *key* of *node*, its languages into *where*.

        The field is text (the primary language) or a mapping of language code to text;
        see :meth:`read_text`.
        """
        value = get_node(node, key)
        if value is None:
            return ""
        return self.read_text(value, path + key, where, key)

    def read_text(self, value: Node, field_path: str, where: Written, name: str) -> str:
        """The primary text of the text field *value* at *field_path* (below the object).

        A mapping's codes must be declared in ``languages`` (a code of the wrong shape is the
        schema's to report) and the primary's text must be there; an empty text counts as
        missing. Each text is located at ``field_path.code`` in *where*, and the field at
        *field_path*. *name* is the field's name, for the control-character warning.
        """
        where.locations[field_path] = value.location
        several = len(self.languages) > 1
        if not isinstance(value.value, dict):
            text = scalar_text(value)
            if text is None:
                return ""
            text = self.clean(text, value.location, name)
            if several:
                where.translations.setdefault(self.languages[0], {})[field_path] = text
            return text
        primary = self.languages[0]
        found = ""
        for code, child in value.value.items():
            if code not in self.languages:
                if re.fullmatch(LANGUAGE_CODE, code):
                    self._unknown_language(code, value, where.prefix + field_path)
                continue
            text = scalar_text(child)
            if not text:
                continue
            text = self.clean(text, child.location, name)
            where.locations[f"{field_path}.{code}"] = child.location
            if several:
                where.translations.setdefault(code, {})[field_path] = text
            if code == primary:
                found = text
        written = value.value.get(primary)
        if not found and (written is None or not isinstance(written.value, dict | list)):
            self.error(
                value.location,
                _(
                    "`{field}` has no {language} text, and {language} is the deck's primary"
                    " language (the first of `languages`); add `{example}`"
                ).format(
                    field=where.prefix + field_path, language=primary, example=f"{primary}: …"
                ),
                where.prefix + field_path,
            )
        return found

    def _unknown_language(self, code: str, value: Node, field_path: str) -> None:
        declared = _(", ").join(self.languages)
        close = did_you_mean(code, self.languages)
        message = (
            _(
                "unknown language `{code}` in `{field}` (the deck's languages are {declared});"
                " did you mean `{close}`?"
            )
            if close
            else _(
                "unknown language `{code}` in `{field}` (the deck's languages are {declared});"
                " add `{code}` to `languages` in deck.yaml, or remove this text"
            )
        )
        self.error(
            value.key_locations.get(code, value.location),
            message.format(code=code, field=field_path, declared=declared, close=close),
            f"{field_path}.{code}",
        )

    def clean(self, text: str, where: Location, field: str) -> str:
        """*text* without control characters, with a warning when it had some."""
        if _CONTROL.search(text):
            self.warning(
                where,
                _("`{field}` contains control characters; they are not shown").format(field=field),
                field,
            )
            text = _CONTROL.sub("", text)
        return text

    def date(self, node: Node, key: str) -> str:
        value = get_node(node, key)
        if value is not None and isinstance(value.value, dt.date):
            return value.value.isoformat()
        return self.text(node, key)

    def flag(self, node: Node, key: str) -> bool | None:
        """The true/false at *key*, or None when it is absent (or not a flag: reported by the
        schema check)."""
        value = get_node(node, key)
        return value.value if value is not None and isinstance(value.value, bool) else None

    def duration(self, node: Node, key: str) -> int | None:
        text = self.text(node, key)
        try:
            return parse_duration(text) if text else None
        except ValueError:
            return None  # reported by the schema check


def place(where: Location) -> str:
    """``line 3, column 20``: where a first occurrence is, for a message."""
    return _("line {line}, column {column}").format(line=where.line, column=where.column)


def get_node(node: Node | None, key: str) -> Node | None:
    if node is None or not isinstance(node.value, dict):
        return None
    value = node.value.get(key)
    return None if value is None or value.value is None else value


def list_items(node: Node | None) -> list[Node]:
    if node is None or not isinstance(node.value, list):
        return []
    return node.value
