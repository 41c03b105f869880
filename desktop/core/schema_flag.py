"""A flag that may also be a word: ``build: true``, ``build: false`` or ``build: dim``. No Qt."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.problems import Problem
from desktop.core.schema import JSON, Flag, did_you_mean, scalar_text
from desktop.core.yaml_nodes import Node, quoted


@dataclass(frozen=True)
class FlagOr(Flag):
    """``true``, ``false`` or one of :attr:`words` (a flag with more than two settings)."""

    words: tuple[str, ...] = ()

    def type_name(self) -> str:
        return "`true`, `false` or " + " or ".join(f"`{word}`" for word in self.words)

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if isinstance(node.value, bool):
            return
        text = scalar_text(node)
        if text is not None and text in self.words:
            return
        close = did_you_mean(text, (*self.words, "true", "false")) if text else None
        hint = f"; did you mean `{close}`?" if close else ""
        written = quoted(text) if text is not None else "empty"
        problems.append(
            Problem(
                node.location,
                f"`{path}` is {written}, but must be {self.type_name()}{hint}",
                field=path,
            )
        )

    def json_schema(self) -> JSON:
        return {"oneOf": [{"type": "boolean"}, {"enum": list(self.words)}]}
