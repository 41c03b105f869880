"""The loader's state and the helpers every part of it reads values with.

:class:`LoaderBase` holds what one load collects (problems, files, budgets) and reads the
texts, dates and durations of YAML nodes, cleaning control characters out of texts. The
parts of the loader (:mod:`~desktop.core.loader_paths`, :mod:`~desktop.core.loader_build`,
:mod:`~desktop.core.loader_checks`) build on it; :mod:`~desktop.core.loader` joins them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Final

from desktop.core.images import DeckImages
from desktop.core.model import parse_duration
from desktop.core.problems import Location, Problem, Severity
from desktop.core.schema import scalar_text
from desktop.core.yaml_limits import DeckBudget
from desktop.core.yaml_nodes import Node

DECK_FILE: Final = "deck.yaml"
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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

    def clean(self, text: str, where: Location, field: str) -> str:
        """*text* without control characters, with a warning when it had some."""
        if _CONTROL.search(text):
            self.warning(where, f"`{field}` contains control characters; they are not shown", field)
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
    return f"line {where.line}, column {where.column}"


def get_node(node: Node | None, key: str) -> Node | None:
    if node is None or not isinstance(node.value, dict):
        return None
    value = node.value.get(key)
    return None if value is None or value.value is None else value


def list_items(node: Node | None) -> list[Node]:
    if node is None or not isinstance(node.value, list):
        return []
    return node.value
