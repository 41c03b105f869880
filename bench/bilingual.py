"""A generated deck in English and Chinese: every text of a section as ``{en: …, zh: …}``.

:func:`bench.generate.generate_deck` calls :func:`bilingual_section` on each section when asked
for ``languages=("en", "zh")``; the Chinese is made of :data:`bench.generate.ZH_CHARS`, about
as long on the slide as the English (two characters for each word), deterministic in the text.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Final

TEXT_KEYS: Final = frozenset(
    {"title", "subtitle", "left_title", "right_title", "value", "label", "text", "by"}
    | {"caption", "notes"}
)
"""The keys whose value is one text."""
LIST_KEYS: Final = frozenset({"bullets", "left", "right"})
"""The keys whose value is a list of texts (or of mappings holding texts)."""
NESTED_KEYS: Final = frozenset({"figures", "quote", "image"})
"""The keys whose value is a mapping, or list of mappings, holding texts."""


def chinese(text: str, chars: Sequence[str]) -> str:
    """Chinese-looking text for *text*: two characters a word, a 。 for each line."""
    rng = random.Random(text)
    lines = [line.split() for line in text.split("\n")]
    return "\n".join(
        "".join(rng.choice(chars) for _ in range(2 * len(words))) + ("。" if words else "")
        for words in lines
    )


def _texts(value: object, chars: Sequence[str]) -> object:
    if isinstance(value, str):
        return {"en": value, "zh": chinese(value, chars)}
    if isinstance(value, list):
        return [_texts(item, chars) for item in value]
    if isinstance(value, dict):
        return _mapping(value, chars)
    return value


def _mapping(data: dict[str, object], chars: Sequence[str]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in data.items():
        if key in TEXT_KEYS and isinstance(value, str):
            out[key] = _texts(value, chars)
        elif key in LIST_KEYS | NESTED_KEYS:
            out[key] = _texts(value, chars) if key in LIST_KEYS else _nested(value, chars)
        else:
            out[key] = value
    return out


def _nested(value: object, chars: Sequence[str]) -> object:
    if isinstance(value, list):
        return [_mapping(item, chars) if isinstance(item, dict) else item for item in value]
    return _mapping(value, chars) if isinstance(value, dict) else value


def bilingual_section(section: dict[str, object], chars: Sequence[str]) -> dict[str, object]:
    """*section* (as :func:`bench.generate.make_section` makes it) with every text in English
    and Chinese; its ``title_zh`` becomes the title's Chinese."""
    zh = section.get("title_zh")
    out = _mapping({k: v for k, v in section.items() if k != "title_zh"}, chars)
    slides = section["slides"]
    assert isinstance(slides, list)
    out["slides"] = [_mapping(slide, chars) for slide in slides]
    if isinstance(zh, str) and isinstance(section.get("title"), str):
        out["title"] = {"en": section["title"], "zh": zh}
    return out


def bilingual_deck(deck: dict[str, object], chars: Sequence[str]) -> dict[str, object]:
    """*deck* (deck.yaml's mapping) with its title, subtitle, author and its sources' titles
    and publishers in English and Chinese."""
    out = dict(deck)
    for key in ("title", "subtitle", "author"):
        out[key] = _texts(deck[key], chars)
    sources = deck["sources"]
    assert isinstance(sources, list)
    out["sources"] = [
        {k: _texts(v, chars) if k in ("title", "publisher") else v for k, v in source.items()}
        for source in sources
    ]
    return out
