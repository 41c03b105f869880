"""Translatable text: a text, or a mapping of language code to text (see :class:`Localized`).

The deck format (:mod:`desktop.core.format`) declares its text fields with it; the loader
(:mod:`desktop.core.loader_base`) reads the languages' texts and checks them against the deck's
``languages``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.i18n import _
from desktop.core.problems import Problem
from desktop.core.schema import JSON, Kind, Text, scalar_text
from desktop.core.yaml_nodes import Node, quoted, shorten


@dataclass(frozen=True)
class Localized(Kind):
    """A text in the deck's primary language, or a mapping of language code to text.

    ``title: One base`` or ``title: {en: One base, zh: 一基地}``. Here only the shape is
    checked: each key a language code matching *code*, each text as *text* says; an empty or
    missing text in a mapping is no error here. Which codes the deck declares and whether the
    primary one is there are the loader's to check, once it has read ``languages``.
    """

    text: Text
    code: str
    """The pattern of a language code."""
    description: str = ""

    def type_name(self) -> str:
        return _("text, or a mapping of language code to text")

    def is_markdown(self) -> bool:
        return self.text.is_markdown()

    def takes_key(self, key: str) -> bool:
        """A key shaped like a language code: a mapping of only such keys is a text (so a
        bullet ``{en: …, zh: …}`` is a text, and ``{text: …, bullets: …}`` a bullet record)."""
        return re.fullmatch(self.code, key) is not None

    def check(self, node: Node, path: str, problems: list[Problem]) -> None:
        if not isinstance(node.value, dict):
            self.text.check(node, path, problems)
            return
        if not node.value:
            problems.append(
                Problem(
                    node.location,
                    _(
                        "`{field}` is an empty mapping; write its text, or its text in each"
                        " language (`{{en: …, zh: …}}`)"
                    ).format(field=path),
                    field=path,
                )
            )
        for code, value in node.value.items():
            where = node.key_locations.get(code, value.location)
            if not self.takes_key(code):
                problems.append(
                    Problem(
                        where,
                        _(
                            "`{field}`: {code} is not a language code; write a lower-case code"
                            " such as `en`, `zh` or `zh-Hant`"
                        ).format(field=f"{path}.{shorten(code)}", code=quoted(code)),
                        field=f"{path}.{code}",
                    )
                )
            elif value.value is not None and scalar_text(value) != "":
                self.text.check(value, f"{path}.{code}", problems)

    def json_schema(self) -> JSON:
        text = self.text.json_schema()
        written = {key: value for key, value in text.items() if key != "minLength"}
        by_language: JSON = {
            "type": "object",
            "description": "The text in each language, by language code (`en`, `zh`).",
            "minProperties": 1,
            "propertyNames": {"pattern": f"^(?:{self.code})$"},
            "additionalProperties": {"anyOf": [written, {"type": "null"}]},
        }
        return {"anyOf": [text, by_language]}
