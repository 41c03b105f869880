"""The published JSON Schema and the runtime validator come from one definition."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from desktop.core.format import json_schema
from desktop.core.resources import bundled_deck


def _yaml(path: Path) -> object:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return json.loads(json.dumps(data, default=str))  # dates as text, as editors see them


def test_bundled_deck_matches_the_published_schema() -> None:
    deck = bundled_deck()
    jsonschema.validate(_yaml(deck / "deck.yaml"), json_schema("deck"))
    section_schema = json_schema("section")
    files = sorted(p for p in deck.glob("*.yaml") if p.name != "deck.yaml")
    assert len(files) == 12
    for path in files:
        jsonschema.validate(_yaml(path), section_schema)


@pytest.mark.parametrize(
    "section",
    [
        {"slides": [{"layout": "section"}]},  # title missing
        {"title": "S", "slides": []},  # empty slides
        {"title": "S", "slides": [{"layout": "figures"}]},  # layout needs figures
        {"title": "S", "slides": [{"bullets": ["a"], "bulets": ["b"]}]},  # unknown key
        {"title": "S", "duration": "2 minutes", "slides": [{"layout": "section"}]},
    ],
)
def test_schema_rejects_what_the_loader_rejects(section: dict[str, object]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(section, json_schema("section"))


BILINGUAL_SLIDE = {
    "title": {"en": "One base", "zh": "一基地"},
    "subtitle": "Primary only",
    "bullets": [
        {"en": "A bullet", "zh": "要点"},
        {"text": {"en": "Parent", "zh-Hant": "上層"}, "bullets": ["child", {"en": "c", "zh": ""}]},
    ],
    "sources": ["src"],
    "notes": {"en": "Notes\n", "zh": None},
}


def test_schema_accepts_texts_in_languages() -> None:
    section = {"title": {"en": "S", "zh": "节"}, "slides": [BILINGUAL_SLIDE]}
    jsonschema.validate(section, json_schema("section"))
    deck = {"title": {"en": "T", "zh": "题"}, "languages": ["en", "zh", "zh-Hant"]}
    jsonschema.validate(deck, json_schema("deck"))
    notes = json_schema("section")["properties"]["slides"]["items"]["properties"]["notes"]
    assert notes["markdownDescription"] == notes["description"]


@pytest.mark.parametrize(
    "slide",
    [
        {"layout": "section", "title": {"ZH": "节"}},  # not a language code
        {"layout": "section", "title": {"en_GB": "x"}},
        {"layout": "section", "title": {}},
        {"bullets": [{"en": "a", "text": "b"}]},  # a bullet mixing the two forms
        {"bullets": [{"tetx": "a"}]},
    ],
)
def test_schema_rejects_what_is_no_text_in_languages(slide: dict[str, object]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "S", "slides": [slide]}, json_schema("section"))


@pytest.mark.parametrize("languages", [["en", "en"], ["EN"], [], ["en", "zh_Hant"]])
def test_schema_rejects_bad_languages(languages: list[str]) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "T", "languages": languages}, json_schema("deck"))
