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
