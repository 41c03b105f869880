"""docs/deck-format.md agrees with the format's definition. No Qt.

The layout table and the example deck are generated (``python tools/deck_format_doc.py``);
the field tables are written by hand around what the definition fixes, and checked here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

import pytest

from desktop.core import format as fmt
from desktop.core.format_data import Count, Value
from desktop.core.format_doc import (
    check_part,
    generated_parts,
    layout_table,
    replace_parts,
    run_example_check,
)
from desktop.core.layouts import Layout
from desktop.core.loader import load_deck
from desktop.core.schema import Choice, Date, Either, Flag, Kind, ListOf, Record, Text
from desktop.core.schema_flag import FlagOr
from desktop.core.schema_localized import Localized

ROOT: Final = Path(__file__).resolve().parents[1]
PAGE: Final = ROOT / "docs" / "deck-format.md"
REGENERATE: Final = "run `python tools/deck_format_doc.py`"


def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def test_generated_parts_are_current() -> None:
    text = page()
    assert replace_parts(text, generated_parts(ROOT)) == text, REGENERATE


def test_the_example_check_output_is_what_check_prints() -> None:
    output = run_example_check(ROOT)
    assert output.endswith(" 0 problems\n")
    text = page()
    assert replace_parts(text, {"example-check": check_part(output)}) == text, REGENERATE


def test_the_example_deck_uses_every_layout() -> None:
    deck = load_deck(ROOT / "docs" / "example-deck").deck
    assert deck is not None
    used = {ref.slide.layout for ref in deck.refs}
    assert [layout.value for layout in Layout if layout not in used] == []


def test_the_layout_table_has_a_row_per_layout_with_what_it_needs() -> None:
    rows = {row[0]: row for row in _table(layout_table())}
    assert list(rows) == [f"`{layout.value}`" for layout in Layout]
    assert rows["`two-column`"][2:] == [
        "`left`, `right`",
        "`title`, `subtitle`, `left_title`, `right_title`",
        "`bullets`, `figures`, `quote`, `image`, `table`, `chart`",
        "yes",
    ]
    assert rows["`agenda`"][1].endswith('Title defaults to "Agenda".')
    assert rows["`agenda`"][2] == "–"
    assert rows["`agenda`"][5] == "no"
    assert rows["`bullets`"][1].endswith("The default layout.")


def test_replace_parts_needs_the_markers() -> None:
    marked = "a\n<!-- generated:one by hand -->\nold\n<!-- /generated:one -->\nb\n"
    assert replace_parts(marked, {"one": "new\n"}) == marked.replace("old", "new")
    assert replace_parts(marked, {}) == marked
    with pytest.raises(ValueError, match="generated:two"):
        replace_parts(marked, {"two": "x\n"})


# -- the field tables -------------------------------------------------------------------------

TABLES: Final = (
    ("## 4. deck.yaml", "### Fields", fmt.DECK),
    ("## 4. deck.yaml", "### Sources", fmt.SOURCE),
    ("## 5. Section files", "", fmt.SECTION),
    ("## 6. Slides", "", fmt.SLIDE),
    ("## 6. Slides", "### Bullet lists", fmt.BULLET.record),
    ("## 6. Slides", "### Figures", fmt.FIGURE),
    ("## 6. Slides", "### Quote", fmt.QUOTE),
    ("## 6. Slides", "### Image", fmt.IMAGE),
    ("## 6. Slides", "### Table", fmt.TABLE),
    ("## 6. Slides", "### Chart", fmt.CHART),
)
"""Where each record's field table is: its section, its subsection (or none), the record."""


def kind_text(kind: Kind) -> str:
    """How the docs write the type of a field of *kind*."""
    if isinstance(kind, Localized):
        return "translatable " + kind_text(kind.text)
    if isinstance(kind, Text):
        if kind.pattern == fmt.SLUG:
            return "slug"
        if kind.pattern == fmt.DURATION:
            return "duration"
        if kind.pattern == fmt.LANGUAGE_CODE:
            return "language code"
        limit = f", ≤ {kind.max_length:,} chars" if kind.max_length is not None else ""
        return "text" + limit + (", Markdown" if kind.markdown else "")
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, FlagOr):
        return "`true`, `false` or " + " or ".join(f"`{word}`" for word in kind.words)
    if isinstance(kind, Flag):
        return "`true` or `false`"
    if isinstance(kind, Choice):
        if kind.values == fmt.LAYOUTS:
            return "one of the [layouts](#7-layouts)"
        return " or ".join(f"`{value}`" for value in kind.values)
    if isinstance(kind, Record):
        return kind.name
    if isinstance(kind, Value):
        return "number, translatable text or `null`" if kind.cell else "number or `null`"
    if isinstance(kind, Count):
        return "whole number from 1"
    assert isinstance(kind, ListOf), kind
    if kind is fmt.BULLETS:
        return "bullet list"
    if kind.min_items and kind.max_items is not None:
        count = f"{kind.min_items} to {kind.max_items:,} "
    else:
        count = f"at most {kind.max_items:,} " if kind.max_items is not None else ""
    item = kind_text(kind.item)
    assert not isinstance(kind.item, Either)
    if isinstance(kind.item, Value | ListOf | Choice):
        return f"list of {count}({item})"
    if item.startswith(("text, ", "translatable text, ")):
        word, _, limit = item.partition("text, ")
        item = f"{word}texts (each {limit})"
    else:
        item += "" if item.endswith("s") else "s"
    return f"list of {count}{item}"


def _table(text: str) -> list[list[str]]:
    """The rows of the first Markdown table in *text* (the header row first), as cells."""
    lines = text[text.index("\n|") + 1 :].splitlines()
    rows = []
    for line in lines:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if not all(set(cell) <= {"-", " "} for cell in cells):
            rows.append(cells)
    return rows


def _part(text: str, heading: str) -> str:
    level = heading.split(" ")[0]
    start = text.index(f"\n{heading}\n")
    assert text.count(f"\n{heading}\n") == 1, heading
    rest = text[start + len(heading) + 2 :]
    end = re.search(rf"^#{{1,{len(level)}}} ", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest


@pytest.mark.parametrize(("section", "sub", "record"), TABLES, ids=[t[2].name for t in TABLES])
def test_a_field_table_matches_its_record(section: str, sub: str, record: Record) -> None:
    text = _part(page(), section)
    if sub:
        text = _part(text, sub)
    header, *rows = _table(text)
    assert [row[0] for row in rows] == [f"`{name}`" for name in record.field_names()]
    for field, row in zip(record.fields, rows, strict=True):
        cells = dict(zip(header, row, strict=True))
        assert cells["Type"] == kind_text(field.kind), field.name
        if "Required" in cells:
            assert cells["Required"] == ("**yes**" if field.required else "no"), field.name
        else:
            assert not field.required, field.name
        if field.default is not None and " " not in field.default:
            assert cells["Default"] == f"`{field.default}`", field.name
        elif field.default is not None:
            assert cells["Default"], field.name
