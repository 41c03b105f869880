"""Deck search: fields, English and Chinese, case folding, snippets, limits. No Qt."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.model import (
    Bullet,
    Deck,
    Figure,
    Image,
    Layout,
    Quote,
    Section,
    Slide,
    Source,
)
from desktop.core.problems import Location
from desktop.core.resources import bundled_deck
from desktop.core.search import (
    ELLIPSIS,
    FIELD_LABELS,
    MAX_HITS,
    SNIPPET_CHARS,
    Hit,
    SearchIndex,
    field_label,
    search_deck,
)
from tests.conftest import FilesLoader, QtFreeRun

ORIGIN = Location(Path("deck/a.yaml"), 1, 1)


@pytest.fixture(scope="module")
def bundled() -> Deck:
    deck = load_deck(bundled_deck()).deck
    assert deck is not None
    return deck


@pytest.fixture(scope="module")
def bundled_index(bundled: Deck) -> SearchIndex:
    return SearchIndex(bundled)


def slide(slide_id: str, layout: Layout = Layout.BULLETS, **fields: object) -> Slide:
    return Slide(id=slide_id, layout=layout, origin=ORIGIN, **fields)  # type: ignore[arg-type]


def make_model_deck(*sections: Section) -> Deck:
    return Deck(
        title="Model deck",
        root=Path("deck"),
        sections=sections,
        sources=(Source("src", "A source"),),
    )


def one_section(*slides: Slide, title: str = "S") -> Deck:
    """A model deck of one section (id ``s``, in ``a.yaml``) holding *slides*."""
    return make_model_deck(Section(id="s", title=title, file=Path("a.yaml"), slides=slides))


def every_field_deck() -> Deck:
    """One section of slides whose every searchable field holds a distinct marker word."""
    slides = (
        slide("intro", Layout.SECTION, notes="alpha in the notes"),
        slide(
            "points",
            title="Points about **bravo**",
            subtitle="charlie subtitle",
            bullets=(Bullet("delta bullet", ("echo child",)),),
        ),
        slide("numbers", Layout.FIGURES, figures=(Figure("foxtrot 42", "golf label"),)),
        slide("said", Layout.QUOTE, quote=Quote("hotel quote", "india speaker")),
        slide(
            "columns",
            Layout.TWO_COLUMN,
            left_title="juliet heading",
            left=(Bullet("kilo left"),),
            right_title="lima heading",
            right=(Bullet("mike right", ("november nested",)),),
        ),
        slide("picture", Layout.IMAGE, image=Image(Path("deck/x.png"), "oscar caption")),
    )
    first = Section(
        id="one", title="Papa section", title_zh="第一节 魁北克", file=Path("a.yaml"), slides=slides
    )
    second = Section(
        id="two",
        title="Papa again",
        file=Path("b.yaml"),
        slides=(slide("s2a", title="Romeo"), slide("s2b", title="Sierra")),
    )
    return make_model_deck(first, second)


def assert_well_formed(hit: Hit) -> None:
    assert hit.start >= 0
    assert hit.length > 0
    assert hit.start + hit.length <= len(hit.snippet)
    assert hit.field in FIELD_LABELS
    assert "  " not in hit.snippet
    assert "\n" not in hit.snippet
    assert hit.snippet == hit.snippet.strip()
    assert hit.match == hit.snippet[hit.start : hit.start + hit.length]


@pytest.mark.parametrize(
    ("query", "index", "field"),
    [
        ("alpha", 0, "notes"),
        ("bravo", 1, "title"),
        ("charlie", 1, "subtitle"),
        ("delta", 1, "bullet"),
        ("echo", 1, "bullet"),
        ("foxtrot", 2, "figure"),
        ("golf", 2, "figure"),
        ("hotel", 3, "quote"),
        ("india", 3, "quote"),
        ("juliet", 4, "left"),
        ("kilo", 4, "left"),
        ("lima", 4, "right"),
        ("november", 4, "right"),
        ("oscar", 5, "caption"),
        ("魁北克", 0, "section"),
        ("romeo", 6, "title"),
    ],
)
def test_every_field_is_searched(query: str, index: int, field: str) -> None:
    hits = search_deck(every_field_deck(), query)
    assert [(hit.index, hit.field) for hit in hits] == [(index, field)]
    assert hits[0].match.casefold() == query.casefold()
    assert_well_formed(hits[0])


def test_a_section_is_reported_once_on_its_first_slide() -> None:
    hits = search_deck(every_field_deck(), "papa")
    assert [(hit.index, hit.field, hit.match) for hit in hits] == [
        (0, "section", "Papa"),
        (6, "section", "Papa"),
    ]


def test_hits_come_in_slide_then_field_order() -> None:
    deck = one_section(
        slide("a", title="word one", notes="word two, word three"),
        slide("b", subtitle="a word", bullets=(Bullet("word"),)),
        title="Word",
    )
    hits = search_deck(deck, "WORD")
    assert [(hit.index, hit.field) for hit in hits] == [
        (0, "section"),
        (0, "title"),
        (0, "notes"),
        (0, "notes"),
        (1, "subtitle"),
        (1, "bullet"),
    ]
    assert [hit.start for hit in hits if hit.field == "notes"] == [0, 10]


def test_english_hits_in_the_bundled_deck(bundled: Deck, bundled_index: SearchIndex) -> None:
    hits = bundled_index.search("manufacturing")
    assert len(hits) > 3
    manufacturing = bundled.section_start(2)
    assert any(hit.index == manufacturing and hit.field == "section" for hit in hits)
    for hit in hits:
        assert hit.match.casefold() == "manufacturing"
        assert_well_formed(hit)
    assert [hit.index for hit in hits] == sorted(hit.index for hit in hits)


def test_chinese_hits_in_the_bundled_deck(bundled: Deck, bundled_index: SearchIndex) -> None:
    # The deck's Chinese texts mention 制造业 before its section does: search the whole name.
    hits = bundled_index.search("制造业高质量发展")
    assert hits
    first = hits[0]
    assert (first.index, first.field) == (bundled.section_start(2), "section")
    assert first.match == "制造业高质量发展"
    assert first.snippet == "制造业高质量发展行动"
    assert first.start == 0
    overview = bundled_index.search("十项行动")
    assert (overview[0].index, overview[0].field) == (0, "section")


def test_search_is_case_insensitive(bundled_index: SearchIndex) -> None:
    lower = bundled_index.search("tianjin")
    assert lower
    assert bundled_index.search("TIANJIN") == lower
    assert bundled_index.search("TiAnJiN") == lower
    assert {hit.match for hit in lower} >= {"Tianjin"}


def test_case_folding_that_changes_length_maps_back_to_the_text() -> None:
    deck = one_section(slide("a", title="Die Straße ist lang"))
    for query in ("STRASSE", "straße", "Strasse"):
        (hit,) = search_deck(deck, query)
        assert hit.match == "Straße"
        assert hit.snippet == "Die Straße ist lang"
    (hit,) = search_deck(deck, "e ist")
    assert hit.match == "e ist"


def test_emphasis_markers_and_whitespace_do_not_get_in_the_way() -> None:
    deck = one_section(
        slide(
            "a",
            bullets=(Bullet("a **bold** claim"),),
            notes="spread\nover   two\n\nlines",
        )
    )
    (bullet,) = search_deck(deck, "bold claim")
    assert bullet.snippet == "a bold claim"
    (notes,) = search_deck(deck, "  over two  lines ")
    assert notes.snippet == "spread over two lines"
    assert notes.match == "over two lines"
    assert search_deck(deck, "**") == []


@pytest.mark.parametrize("query", ["", " ", "   \t\n", "\u3000"])
def test_an_empty_query_finds_nothing(bundled_index: SearchIndex, query: str) -> None:
    assert bundled_index.search(query) == []


def test_snippets_are_short_and_marked_where_cut(bundled_index: SearchIndex) -> None:
    hits = bundled_index.search("the")
    assert len(hits) > 50
    cut_left = cut_right = 0
    for hit in hits:
        assert_well_formed(hit)
        body = hit.snippet.removeprefix(ELLIPSIS).removesuffix(ELLIPSIS)
        assert len(body) <= SNIPPET_CHARS
        left, right = hit.snippet.startswith(ELLIPSIS), hit.snippet.endswith(ELLIPSIS)
        if left or right:  # cut to about SNIPPET_CHARS, at a space where one is near
            assert len(body) >= SNIPPET_CHARS - 25
        if left:
            assert hit.start >= 2  # the ellipsis and at least one character of context
        cut_left += left
        cut_right += right
    assert cut_left and cut_right


def test_snippet_keeps_a_match_longer_than_the_snippet() -> None:
    text = " ".join(f"word{n}" for n in range(40))
    deck = make_model_deck(
        Section(id="s", title="S", file=Path("a.yaml"), slides=(slide("a", notes=text),))
    )
    query = text[50:150]
    (hit,) = search_deck(deck, query)
    assert hit.match == query
    assert hit.snippet.startswith(ELLIPSIS)
    assert hit.snippet.endswith(ELLIPSIS)


def test_hits_are_capped(bundled_index: SearchIndex) -> None:
    hits = bundled_index.search("e")
    assert len(hits) == MAX_HITS
    assert len(bundled_index.search("e", limit=7)) == 7
    assert hits[:7] == bundled_index.search("e", limit=7)


def test_one_hit_per_non_overlapping_occurrence() -> None:
    deck = make_model_deck(
        Section(id="s", title="S", file=Path("a.yaml"), slides=(slide("a", title="aaaa"),))
    )
    assert [hit.start for hit in search_deck(deck, "aa")] == [0, 2]


def test_an_index_over_a_thousand_slides_is_fast() -> None:
    slides = tuple(
        slide(
            f"s{n}",
            title=f"Slide number {n}",
            bullets=(Bullet("Port throughput and advanced manufacturing"), Bullet("港产城融合")),
            notes="Some speaker notes that go on for a while about the port. " * 4,
        )
        for n in range(1000)
    )
    deck = make_model_deck(Section(id="big", title="Big", file=Path("a.yaml"), slides=slides))
    started = time.perf_counter()
    index = SearchIndex(deck)
    for query in ("port", "港产城", "number 99", "zzz", "manufacturing"):
        index.search(query)
    assert time.perf_counter() - started < 2.0
    assert len(index.search("number 99")) == 11  # 99 and 990-999
    assert len(index.search("港产城")) == 500


def test_search_needs_no_qt(run_without_qt: QtFreeRun) -> None:
    code = """
from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.resources import bundled_deck
from desktop.core.search import search_deck
print(len(search_deck(load_deck(bundled_deck()).deck, "Tianjin")))
"""
    done = run_without_qt(code)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 0


def test_whole_words_come_first() -> None:
    deck = one_section(
        slide("a", title="The annual report", notes="Exports and imports"),
        slide("b", title="Port throughput", notes="The port, the report"),
        slide("c", title="Airport (port) links", notes="ports"),
    )
    hits = search_deck(deck, "port")
    whole = [(hit.index, hit.field, hit.snippet[hit.start - 1 : hit.start]) for hit in hits[:3]]
    assert whole == [(1, "title", ""), (1, "notes", " "), (2, "title", "(")]
    assert [(hit.index, hit.field) for hit in hits[3:]] == [
        (0, "title"),
        (0, "notes"),
        (0, "notes"),
        (1, "notes"),
        (2, "title"),
        (2, "notes"),
    ]
    assert SearchIndex(deck).search("port", limit=4) == hits[:4]
    chinese = one_section(
        slide("a", title="港产城融合"), slide("b", title="天津港 port")
    )  # no spaces between words: every match is whole
    assert [hit.index for hit in search_deck(chinese, "港")] == [0, 1]


def test_every_language_is_searched_and_named(load_files: FilesLoader) -> None:
    deck = load_files(
        {
            "deck.yaml": "title: T\nlanguages: [en, zh]\n"
            "sources: [{id: src, title: S, publisher: P}]\n",
            "a.yaml": "title: {en: Harbour, zh: 港口}\nslides:\n  - layout: section\n"
            "  - title: {en: Cranes, zh: 吊车}\n    sources: [src]\n"
            "    bullets: [{en: Twelve cranes, zh: 十二台吊车}, Same, {en: 2027, zh: 2027}]\n"
            "    notes: {en: Say it, zh: 说吊车}\n",
        }
    )
    index = SearchIndex(deck)
    found = [(h.index, h.field, h.language, h.snippet) for h in index.search("吊车")]
    assert found == [
        (1, "title", "zh", "吊车"),
        (1, "bullet", "zh", "十二台吊车"),
        (1, "notes", "zh", "说吊车"),
    ]
    assert [(h.field, h.language) for h in index.search("crane")] == [
        ("title", "en"),
        ("bullet", "en"),
    ]
    assert [(h.field, h.language) for h in index.search("港口")] == [("section", "zh")]
    assert [h.language for h in index.search("2027")] == ["en"]  # the same text, once
    shown = localize(deck, DisplayLanguage("zh"))
    assert SearchIndex(shown).search("crane") == index.search("crane")
    hit = index.search("说")[0]
    assert (field_label(hit, deck.languages), field_label(hit, ("zh",))) == ("Notes · zh", "Notes")
