"""A flag that may also be a word: ``build: true``, ``build: false`` or ``build: dim``. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.i18n import _
from desktop.core.problems import Problem
from desktop.core.schema import JSON, Flag, not_one_of, scalar_text
from desktop.core.yaml_nodes import Node


@dataclass(frozen=True)
class FlagOr(Flag):
    """``true``, ``false`` or one of :attr:`words` (a flag with more than two settings)."""

    words: tuple[str, ...] = ()

    def type_name(self) -> str:
        words = _(" or ").join(f"`{word}`" for word in self.words)
        return _("`true`, `false` or {words}").format(words=words)

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if isinstance(node.value, bool):
            return
        text = scalar_text(node)
        if text is not None and text in self.words:
            return
        words = (*self.words, "true", "false")
        problems.append(
            Problem(node.location, not_one_of(path, text, self.type_name(), words), field=path)
        )

    def json_schema(self) -> JSON:
        return {"oneOf": [{"type": "boolean"}, {"enum": list(self.words)}]}
