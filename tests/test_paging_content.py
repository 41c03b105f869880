"""Slides too full for two languages split into parts when the deck is paged for two
(desktop.core.paging_content, desktop.core.paging).

No Qt: the estimate and the split are the core's. That the parts then fit, in every theme,
aspect and display language of the bundled deck, is measured in tests/test_design_rules.py.
"""

from __future__ import annotations

import dataclasses

from desktop.core.languages import DisplayLanguage, localize, missing_texts
from desktop.core.model import Deck, Layout, slide_label
from desktop.core.paging import (
    deck_source_parts,
    paged_sources,
    paging_key,
    source_lines,
    source_parts,
)
from desktop.core.paging_content import SIZES, content_parts
from desktop.core.paging_runs import balanced_runs, even_runs
from desktop.core.resources import bundled_themes
from desktop.core.theme import load_theme
from tests.conftest import FilesLoader, section_yaml

LONG_EN = "A bullet that runs over many words of English text, long enough to take two lines"
LONG_ZH = "一条足够长的中文要点，写满了一行还要再写一些字，让它在幻灯片上占两行的位置才算完"
EN, ZH, EN_ZH, ZH_EN = (
    DisplayLanguage("en"),
    DisplayLanguage("zh"),
    DisplayLanguage("en", "zh"),
    DisplayLanguage("zh", "en"),
)
DECK_YAML = (
    "title: {en: Deck, zh: 演示}\nlanguages: [en, zh]\nsources:\n"
    "  - {id: src, title: A source, publisher: P, date: 2024-03-04}\n"
)


def _bullets(count: int, notes: str = "Said once.") -> str:
    items = ", ".join(f"{{en: '{n} {LONG_EN}', zh: '{n} {LONG_ZH}'}}" for n in range(count))
    return (
        f"{{id: full, layout: bullets, title: {{en: Full, zh: 满}}, bullets: [{items}],"
        f" sources: [src], notes: {{en: '{notes}', zh: 说一次。}}}}"
    )


def _deck(load_files: FilesLoader, count: int) -> Deck:
    return load_files(
        {"deck.yaml": DECK_YAML, "a.yaml": section_yaml("{en: A, zh: 甲}", _bullets(count))},
        name=f"deck-{count}",
    )


def _rows(deck: Deck, slide_id: str) -> list[int]:
    """How many rows each part of the table slide *slide_id* shows."""
    tables = [r.slide.table for r in deck.refs if r.slide.id.partition("~")[0] == slide_id]
    return [len(table.rows) for table in tables if table is not None]


def _ids(deck: Deck) -> list[str]:
    return [ref.slide.id for ref in deck.refs]


def test_a_slide_too_full_for_two_languages_splits_only_when_both_are_shown(
    load_files: FilesLoader,
) -> None:
    deck = _deck(load_files, 8)
    # One language at a time: one slide, its text set smaller if it must be.
    assert _ids(deck) == ["full"]
    assert _ids(localize(deck, ZH)) == ["full"]
    both = localize(deck, EN_ZH)
    parts = [ref.slide for ref in both.refs]
    assert _ids(both) == ["full", "full~2"]
    assert [(s.part, s.parts) for s in parts] == [(0, 2), (1, 2)]
    # Every bullet once, in order, on the parts; the notes on the first part only.
    assert [b.text[0] for s in parts for b in s.bullets] == list("01234567")
    assert [s.notes for s in parts] == ["Said once.", ""]
    assert [s.secondary.get("notes") for s in parts] == ["说一次。", None]  # in both languages
    assert [slide_label(both, ref) for ref in both.refs] == ["Full (1/2)", "Full (2/2)"]
    # The second part's texts are its own: its bullets' second language and locations.
    second = parts[1]
    first_bullet = second.bullets[0].text
    assert first_bullet.startswith(f"{len(parts[0].bullets)} ")
    assert second.secondary["bullets[0]"] == LONG_ZH.join(first_bullet.split(LONG_EN))
    assert second.location("bullets[0]") == parts[0].whole.location(  # type: ignore[union-attr]
        f"bullets[{len(parts[0].bullets)}]"
    )
    # Back to one language: the slide as written again.
    assert _ids(localize(both, EN)) == ["full"]
    assert len(localize(both, EN).refs[0].slide.bullets) == 8


def test_a_display_paged_as_another_has_its_parts(load_files: FilesLoader) -> None:
    deck = _deck(load_files, 8)
    both = localize(deck, EN_ZH)
    console = localize(deck, EN, paged_as=(EN_ZH, EN))
    assert _ids(console) == _ids(both) and console.display == "en"
    assert [b.text for b in console.refs[1].slide.bullets] == [
        b.text for b in both.refs[1].slide.bullets
    ]
    assert not console.refs[1].slide.secondary  # one language shown
    # Cached under its own key; the two-language display paged as itself is the same deck.
    assert localize(deck, EN, paged_as=(EN_ZH,)) is console
    assert localize(deck, EN) is deck
    assert localize(deck, EN_ZH, paged_as=(EN,)) is both
    assert localize(console, ZH) is localize(deck, ZH)


def test_the_sources_slide_splits_for_the_wider_language_of_the_paging(
    load_files: FilesLoader,
) -> None:
    long_title = " ".join(["A very long English title of a report"] * 3)
    sources = "".join(
        f"  - {{id: s{n}, title: {{en: '{n} {long_title}', zh: 报告{n}}}, publisher: P,"
        " date: 2024-03-04}\n"
        for n in range(12)
    )
    cites = ", ".join(f"s{n}" for n in range(12))
    deck = load_files(
        {
            "deck.yaml": "title: {en: Deck, zh: 演示}\nlanguages: [en, zh]\nsources:\n" + sources,
            "a.yaml": section_yaml(
                "{en: A, zh: 甲}",
                f"{{id: a, layout: bullets, title: {{en: A, zh: 甲}}, bullets: [x],"
                f" sources: [{cites}]}}",
                "{id: refs, layout: sources}",
            ),
        }
    )
    chinese = localize(deck, ZH)
    assert len(deck.refs) > len(chinese.refs)  # the English references take more lines
    # The presenter's room in Chinese and console in English: both paged for both.
    room = localize(deck, ZH, paged_as=(ZH, EN))
    console = localize(deck, EN, paged_as=(ZH, EN))
    assert _ids(room) == _ids(console) == _ids(deck)


def test_paging_keys_name_each_display_once() -> None:
    assert paging_key(["en"]) == "en"
    assert paging_key(["en+zh", "en", "en+zh"]) == "en+zh"  # en alone is in en+zh's parts
    assert paging_key(["zh", "en"]) == "en,zh"
    assert paging_key(["zh+en", "en+zh"]) == "en+zh,zh+en"


def test_a_split_slide_is_checked_once_as_written(load_files: FilesLoader) -> None:
    bullets = _bullets(8).replace(f"{{en: '5 {LONG_EN}', zh: '5 {LONG_ZH}'}}", f"'5 {LONG_EN}'")
    deck = load_files({"deck.yaml": DECK_YAML, "a.yaml": section_yaml("{en: A, zh: 甲}", bullets)})
    both = localize(deck, EN_ZH)
    assert len(both.refs) > 1
    missing = [m.field for m in missing_texts(both)["zh"] if m.field.startswith("slides")]
    assert missing == ["slides[0].bullets[5]"]  # its field as written, once


def test_another_aspect_splits_anew(load_files: FilesLoader) -> None:
    both = localize(_deck(load_files, 5), EN_ZH, theme=load_theme("high-contrast"))
    narrow = dataclasses.replace(both, aspect="4:3")
    assert len(narrow.refs) > len(both.refs)
    assert [b.text[0] for r in narrow.refs for b in r.slide.bullets] == list("01234")


def test_a_table_splits_by_rows_and_keeps_its_note_for_the_last_part(
    load_files: FilesLoader,
) -> None:
    rows = ", ".join(f"[{{en: 'Row {n} {LONG_EN}', zh: '{LONG_ZH}'}}, {n}]" for n in range(8))
    table = (
        "{id: t, layout: table, title: T, sources: [src], table: {columns: [Name, Value],"
        f" rows: [{rows}], highlight_row: 5, note: {{en: The note, zh: 注}}}}}}"
    )
    deck = load_files({"deck.yaml": DECK_YAML, "a.yaml": section_yaml("{en: A, zh: 甲}", table)})
    assert len(deck.refs) == 1
    tables = [ref.slide.table for ref in localize(deck, ZH_EN).refs]
    assert len(tables) > 1 and all(t is not None for t in tables)
    shown = [row[1] for t in tables if t is not None for row in t.rows]
    assert [getattr(n, "value", n) for n in shown] == list(range(8))
    assert [t.note for t in tables if t is not None][-1] == "注"
    assert all(t.note == "" for t in tables[:-1] if t is not None)
    highlighted = [t.highlight_row for t in tables if t is not None]
    assert sum(h is not None for h in highlighted) == 1


def test_even_runs_fill_the_earlier_parts_first() -> None:
    assert even_runs(6, 3) == [range(0, 2), range(2, 4), range(4, 6)]
    assert even_runs(7, 3) == [range(0, 3), range(3, 5), range(5, 7)]
    assert even_runs(1, 2) == [range(0, 1), range(1, 1)]


def test_runs_are_balanced_and_consecutive() -> None:
    assert balanced_runs([1, 1, 1, 1], 2) == [range(0, 2), range(2, 4)]
    assert balanced_runs([3, 1, 1, 1], 2) == [range(0, 1), range(1, 4)]
    assert balanced_runs([1, 1, 1], 2, tail=2) == [range(0, 2), range(2, 3)]
    assert balanced_runs([1], 2) == [range(0, 1), range(1, 1)]
    # Evened out: not one item on the first part and the others full.
    assert balanced_runs([1] * 7, 3) == [range(0, 2), range(2, 4), range(4, 7)]
    # Linear in the items: a slide of as many as a hostile deck may hold splits at once.
    assert balanced_runs([1.0] * 10_000, 4) == [range(n, n + 2500) for n in range(0, 10_000, 2500)]


def test_other_layouts_and_one_language_never_split(load_files: FilesLoader) -> None:
    slide = _deck(load_files, 12).refs[0].slide
    assert content_parts(slide, "16:9", [("en", "zh")]) is not None
    assert content_parts(slide, "16:9", []) is None
    for layout in (Layout.QUOTE, Layout.FIGURES):
        assert (
            content_parts(dataclasses.replace(slide, layout=layout), "16:9", [("en", "zh")]) is None
        )


def test_the_estimate_is_for_the_largest_text_a_bundled_theme_sets() -> None:
    for theme in bundled_themes():
        sizes = load_theme(theme).sizes
        for name, size in SIZES.items():
            assert sizes[name] <= size, (theme, name)


def test_each_theme_splits_what_its_own_sizes_need() -> None:
    from desktop.core.loader import load_deck
    from desktop.core.resources import bundled_deck

    loaded = load_deck(bundled_deck()).deck
    assert loaded is not None
    default, high = load_theme("default"), load_theme("high-contrast")
    for display in (EN_ZH, ZH_EN):
        shown = localize(loaded, display)  # the deck's own theme: the default
        assert localize(loaded, display, theme=default) is shown
        ids = _ids(shown)
        # They fit the default theme whole: "A decision to build …", "One base and three zones".
        assert {"overview-4", "overview-5"} <= set(ids)
        assert not {"overview-4~2", "overview-5~2"} & set(ids)
        # The high-contrast theme's larger text needs parts for them, and more for the table.
        larger = localize(loaded, display, theme=high)
        tables = [_rows(shown, "targets-table"), _rows(larger, "targets-table")]
        assert [sum(rows) for rows in tables] == [6, 6] and len(tables[0]) < len(tables[1])
        assert {"overview-4~2", "overview-5~2"} <= set(_ids(larger))
        assert larger.paging_sizes["body"] == high.sizes["body"]
    assert localize(loaded, EN, theme=high) is loaded  # one language: no theme's parts


def _cited_deck(load_files: FilesLoader, count: int, words: str = "") -> Deck:
    """A deck in en and zh citing *count* sources ("Report n" and *words*) on one slide,
    and listing them on a sources slide."""
    sources = "".join(
        f"  - {{id: s{n}, title: {{en: 'Report {n}{words}', zh: 报告{n}}}, publisher: P,"
        " date: 2024-03-04}\n"
        for n in range(count)
    )
    cites = ", ".join(f"s{n}" for n in range(count))
    return load_files(
        {
            "deck.yaml": "title: {en: Deck, zh: 演示}\nlanguages: [en, zh]\nsources:\n" + sources,
            "a.yaml": section_yaml(
                "{en: A, zh: 甲}",
                "{id: a, layout: bullets, title: {en: A, zh: 甲}, bullets: [x],"
                f" sources: [{cites}]}}",
                "{id: refs, layout: sources}",
            ),
        }
    )


def test_a_sources_reference_is_counted_once(load_files: FilesLoader) -> None:
    """The sources slide's parts are worked out again and again (for each part, for the part
    count): each reference's lines are counted once."""
    deck = _cited_deck(load_files, 6)
    shown = localize(deck, EN_ZH)
    source_lines.cache_clear()
    first = paged_sources(shown)
    counted = source_lines.cache_info().misses
    assert paged_sources(shown) == first
    assert source_lines.cache_info().misses == counted <= 3 * len(deck.sources)


def test_a_decks_source_parts_are_worked_out_once_for_it(load_files: FilesLoader) -> None:
    """The sources slide's parts, asked for each part and each layout of it, are those of its
    references as paged, worked out again only for another deck."""
    deck = _cited_deck(load_files, 14, " on the port" * 6)
    both, chinese = localize(deck, EN_ZH), localize(deck, ZH)
    expected = source_parts(paged_sources(both), both.aspect)
    assert len(expected) > 1  # a slide of several parts
    first = deck_source_parts(both)
    assert first == expected and deck_source_parts(both) is first  # kept
    other = deck_source_parts(chinese)
    assert other == source_parts(paged_sources(chinese), chinese.aspect) and other is not first
    assert deck_source_parts(both) == expected
