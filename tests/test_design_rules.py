"""The renderer's design rules, measured on what the builders lay out.

Every slide of the bundled deck, the example deck and a generated stress deck (long titles,
many bullets, six figures, long sources, many sections), in both bundled themes and both
aspects: text sizes and positions come from :meth:`SlideLayout.texts`.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor

from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.model import Deck, Layout, SlideRef
from desktop.core.numbering import action_count, action_number
from desktop.core.paging import TEXT_PX, talk_sections
from desktop.core.resources import bundled_deck, bundled_themes
from desktop.core.theme import Theme, load_theme
from desktop.render.builder import FOOTER_ROLES, TITLE_LEADING, LaidText, SlideLayout
from desktop.render.items import ChartArea, Fill, Rule
from desktop.render.qtapp import ensure_gui_app
from desktop.render.renderer import SlideRenderer

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "example-deck"
LONG = (
    "A very long title that goes on and on about the coordinated development of the region"
    " and its many industrial, scientific and social programmes until 2035"
)


def _stress_files() -> dict[str, str]:
    sources = [
        {
            "id": f"s{n}",
            "title": f"Report number {n} on the {'very ' * (n % 5)}long programme of works"
            f" in the district, with its annexes and tables ({n})",
            "publisher": f"Publisher of record {n}",
            "date": "2024-03-04",
            "url": f"https://example.org/{'path/' * (n % 7)}report-{n}.pdf",
        }
        for n in range(24)
    ]
    files = {
        "deck.yaml": json.dumps(
            {"title": LONG, "subtitle": "Stress deck", "author": "Tests", "sources": sources}
        )
    }
    cite = [f"s{n}" for n in range(24)]
    first = [
        {"layout": "title"},
        {"layout": "agenda", "subtitle": "Every section of the deck"},
        {
            "layout": "bullets",
            "title": LONG,
            "subtitle": "A subtitle long enough to take two lines on a narrow slide, and then"
            " some more words",
            "bullets": [f"Bullet {n}: {'words ' * 10}" for n in range(6)],
            "sources": cite[:8],
        },
        {
            "layout": "figures",
            "title": "Six figures",
            "figures": [
                {"value": v, "label": f"label {n} that runs over a few words of text"}
                for n, v in enumerate(["¥3 tn+", "12", "+3.7%", "27 m TEU", "US$7 bn+", "1"])
            ],
            "sources": cite[8:],
        },
        {
            "layout": "quote",
            "quote": {"text": 'It\'s the "long" view that counts. ' * 3, "by": "Someone"},
            "sources": ["s1"],
        },
        {
            "layout": "table",
            "title": "The most a table fits readably, some of it in Chinese",
            "subtitle": "Five rows of five columns",
            "table": {
                "columns": ["Indicator", *(f"{2020 + n} result" for n in range(3)), "Target"],
                "rows": [
                    [
                        f"{LONG[: 12 + 3 * n]}" if n % 3 else "京津冀协同发展纵深推进行动指标",
                        *(round(1234.5678 / (n + 1) * m, m % 3) for m in range(1, 4)),
                        None if n == 4 else n * 1000.25,
                    ]
                    for n in range(5)
                ],
                "highlight_row": 2,
                "highlight_column": 5,
                "note": "A note under the table. " * 4,
            },
            "sources": ["s2"],
        },
        {
            "layout": "chart",
            "title": "Five series over four categories",
            "chart": {
                "categories": [f"Category {n} with a long name" for n in range(4)],
                "series": [
                    {"name": f"Series {s} {'named at length ' * (s % 3)}", "values": values}
                    for s, values in enumerate(
                        [
                            [1.25, 2, None, 4000],
                            [5, 6, 7, 8],
                            [9, 1, 2, 3],
                            [4, 5, 6, 7],
                            [-8, 9, 1, 2],
                        ]
                    )
                ],
                "unit": "thousand units of something measured",
                "targets": ["Category 3 with a long name"],
                "note": "A note under the chart.",
            },
            "sources": ["s3"],
        },
        {
            "layout": "chart",
            "title": "A line of 24 points",
            "chart": {
                "type": "line",
                "categories": [str(2000 + n) for n in range(24)],
                "series": [{"name": "One", "values": [96 - 2.5 * n for n in range(24)]}],
                "unit": "µg/m³",
                "targets": ["2023"],
            },
            "sources": ["s4"],
        },
        {
            "layout": "chart",
            "title": "Horizontal bars",
            "chart": {
                "horizontal": True,
                "categories": ["京津冀协同发展", *(f"Place {n}" for n in range(7))],
                "series": [{"name": "One", "values": [n * 1.5 for n in range(8)]}],
            },
            "sources": ["s5"],
        },
    ]
    for n in range(14):
        slides = [{"layout": "section"}, {"layout": "bullets", "bullets": ["a"], "sources": ["s0"]}]
        if n == 0:
            slides = first + slides
        if n == 13:
            slides = [{"layout": "sources", "subtitle": "All of them"}]
        section = {"title": f"Section {n}: {LONG if n % 3 == 0 else 'short'}", "slides": slides}
        if n % 2:
            section["title_zh"] = "京津冀协同发展纵深推进行动"
        files[f"{n:02d}.yaml"] = json.dumps(section)
    return files


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Deck]:
    ensure_gui_app()
    folder = tmp_path_factory.mktemp("stress")
    for name, text in _stress_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    out = {}
    for name, path in (("bundled", bundled_deck()), ("example", EXAMPLE), ("stress", folder)):
        result = load_deck(path)
        assert result.deck is not None, [p.format() for p in result.problems]
        out[name] = result.deck
    return out


Variant = tuple[Deck, Theme, list[SlideLayout]]
"""A deck in a theme, an aspect and a display language, and the layout of each slide."""
DISPLAYS = {"bundled": ("en", "zh", "en+zh", "zh+en"), "example": ("en",), "stress": ("en",)}
"""The display languages each deck is measured in (the bundled deck declares en and zh)."""
VARIANTS = [
    (deck, theme, aspect, display)
    for deck in ("bundled", "example", "stress")
    for theme in ("default", "high-contrast")
    for aspect in ("16:9", "4:3")
    for display in DISPLAYS[deck]
]


@pytest.fixture(scope="module")
def laid_out() -> dict[tuple[str, str, str, str], Variant]:
    return {}


@pytest.fixture(params=VARIANTS, ids=["-".join(v) for v in VARIANTS])
def variant(
    request: pytest.FixtureRequest,
    decks: dict[str, Deck],
    laid_out: dict[tuple[str, str, str, str], Variant],
) -> Variant:
    return _variant(request.param, decks, laid_out)


def _variant(
    key: tuple[str, str, str, str],
    decks: dict[str, Deck],
    laid_out: dict[tuple[str, str, str, str], Variant],
) -> Variant:
    """The deck, theme, aspect and display language *key* names, laid out once."""
    if key not in laid_out:
        name, theme_name, aspect, display = key
        loaded = dataclasses.replace(decks[name], aspect=aspect)  # a cache of its own
        theme = load_theme(theme_name)
        deck = localize(loaded, DisplayLanguage.parse(display, loaded.languages), theme=theme)
        renderer = SlideRenderer(deck, theme)
        laid_out[key] = (deck, theme, [renderer.layout(ref.index) for ref in deck.refs])
    return laid_out[key]


def _slides(
    variant: Variant,
) -> Iterator[tuple[SlideRef, list[LaidText], SlideLayout]]:
    deck, _, layouts = variant
    for ref, layout in zip(deck.refs, layouts, strict=True):
        yield ref, layout.texts(), layout


def _where(ref: SlideRef) -> str:
    return f"slide {ref.index + 1} ({ref.slide.layout.value})"


def test_nothing_but_the_footer_line_is_below_the_minimum(variant: Variant) -> None:
    minimum = variant[1].size("min_text")
    for ref, texts, layout in _slides(variant):
        assert not layout.overflowing(), (_where(ref), [b.name for b in layout.overflowing()])
        for text in texts:
            if text.role not in FOOTER_ROLES:
                assert text.size >= minimum - 0.01, (_where(ref), text.name, text.size)


def test_no_text_is_drawn_without_its_second_language(variant: Variant) -> None:
    """In two languages every text keeps its second one: a table that cannot fit both at its
    smallest size drops them from its cells (:attr:`TableArea.left_out`) rather than rows,
    a chart from its note and categories (:attr:`ChartArea.left_out`) rather than its plot;
    its slide must take more parts (or fewer rows), its note be set beside, instead."""
    for ref, texts, layout in _slides(variant):
        lost = [path for area in layout.areas for path in area.left_out]
        assert not lost, (_where(ref), lost)
        if "+" not in variant[0].display:
            continue
        if ref.slide.table is not None:
            columns = len(ref.slide.table.columns)
            cells = {t.name: t for t in texts if t.role == "table-cell"}
            for r in range(len(ref.slide.table.rows)):
                for c in range(columns):
                    if ref.slide.secondary.get(f"table.rows[{r}][{c}]"):
                        cell = cells[f"table-cell-{r * columns + c}"]
                        assert len(cell.box.paras) == 2, (_where(ref), r, c)
        if ref.slide.chart is not None:
            named = {t.name: t for t in texts}
            paths = {"chart.note": "chart-note"} if ref.slide.chart.note else {}
            for n in range(len(ref.slide.chart.categories)):
                paths[f"chart.categories[{n}]"] = f"chart-category-{n}"
            for path, name in paths.items():
                if ref.slide.secondary.get(path):
                    assert len(named[name].box.paras) == 2, (_where(ref), path)


def test_a_chart_keeps_most_of_its_plot_in_two_languages(
    request: pytest.FixtureRequest,
    variant: Variant,
    decks: dict[str, Deck],
    laid_out: dict[tuple[str, str, str, str], Variant],
) -> None:
    """A chart in two languages keeps at least 60 % of its plot's height in its first
    language alone (a note that does not fit below is set smaller or beside the plot)."""
    deck = variant[0]
    if "+" not in deck.display:
        return
    name, theme, aspect, _ = request.node.callspec.params["variant"]
    one = _variant((name, theme, aspect, deck.display.partition("+")[0]), decks, laid_out)
    alone = {
        ref.slide.id: area.plot.height()
        for ref, _, layout in _slides(one)
        for area in layout.areas
        if isinstance(area, ChartArea) and ref.slide.id
    }
    seen = 0
    for ref, _, layout in _slides(variant):
        for area in layout.areas:
            if isinstance(area, ChartArea) and ref.slide.id in alone:
                seen += 1
                share = area.plot.height() / alone[ref.slide.id]
                assert share >= 0.6, (_where(ref), round(share, 2))
    assert seen or name != "bundled"


def test_table_headers_break_only_between_words(variant: Variant) -> None:
    """A header's line ends where a word does (a space, or between Latin and Chinese text):
    never inside 实绩 or 目标 (the numbers columns are as wide as their headers need)."""
    for ref, texts, _ in _slides(variant):
        for text in texts:
            if text.role != "table-header":
                continue
            document = text.box.document
            assert document is not None
            block = document.begin()
            while block.isValid():
                line_text, lines = block.text(), block.layout()
                for n in range(1, lines.lineCount()):
                    start = lines.lineAt(n).textStart()
                    assert line_text[start - 1].isspace(), (_where(ref), text.name, line_text)
                block = block.next()


def test_body_text_is_never_smaller_than_the_subtitle(variant: Variant) -> None:
    for ref, texts, _ in _slides(variant):
        subtitle = [t.largest for t in texts if t.role == "subtitle"]
        body = [t.largest for t in texts if t.body]
        if subtitle and body:
            assert min(body) >= subtitle[0] - 0.5, (_where(ref), min(body), subtitle[0])


def test_titles_of_two_lines_have_tight_leading(variant: Variant) -> None:
    seen = 0
    for ref, texts, _ in _slides(variant):
        for text in texts:
            if text.role not in ("title", "section-title"):
                continue
            tops = text.box.line_tops()
            first_block = text.box.font_sizes()[0]
            pitches = [b[0] - a[0] for a, b in itertools.pairwise(tops)]
            if len(tops) > 1 and text.box.document.blockCount() == 1:  # type: ignore[union-attr]
                seen += 1
                for pitch in pitches:
                    assert pitch / first_block == pytest.approx(TITLE_LEADING, abs=0.05), _where(
                        ref
                    )
    deck = variant[0]
    if "very long title" in deck.title:
        assert seen


def test_figure_siblings_match_and_cards_fit_their_content(variant: Variant) -> None:
    gaps = set()
    for ref, texts, layout in _slides(variant):
        if ref.slide.layout is not Layout.FIGURES:
            continue
        values = [t for t in texts if t.role == "figure-value"]
        labels = [t for t in texts if t.role == "figure-label"]
        assert len({round(t.size, 2) for t in values}) == 1, _where(ref)
        assert len({round(t.size, 2) for t in labels}) == 1, _where(ref)
        panel = variant[1].color("panel")
        cards = [
            item.rect for item in layout.items if isinstance(item, Fill) and item.color == panel
        ]
        assert len(cards) == len(values)
        rows: dict[float, list[float]] = {}
        for card, label in zip(cards, labels, strict=False):
            rows.setdefault(round(card.top(), 1), []).append(label.rect.bottom() - card.top())
        widest = max(value.rect.width() for value in values)
        # In two languages the cards may take their columns' whole width (fewer label lines).
        right = variant[0].canvas_size[0] - variant[1].size("margin_x")
        whole_width = "+" in variant[0].display and abs(max(c.right() for c in cards) - right) < 1
        one_height = len({round(card.height(), 1) for card in cards}) == 1
        tallest = max(max(row) for row in rows.values())
        for card, label, value in zip(cards, labels, values, strict=True):
            assert card.contains(value.rect) and value.rect.left() < label.rect.right()
            # as tall as the tallest label needs, and its padding (of its row, where the rows
            # share the room unequally)
            needed = tallest if one_height else max(rows[round(card.top(), 1)])
            assert card.height() - needed <= 30 + 1, _where(ref)
            assert card.width() <= max(440, widest + 60) + 1 or whole_width, _where(ref)
        header = max(t.rect.bottom() for t in texts if t.role in ("title", "subtitle"))
        has_subtitle = any(t.role == "subtitle" for t in texts)
        gaps.add((has_subtitle, round(min(c.top() for c in cards) - header, 1)))
    assert len({has for has, _ in gaps}) == len(gaps), gaps  # one gap with, one without


def test_the_cover_title_is_the_largest_text_and_has_the_section_accent(variant: Variant) -> None:
    deck, theme, layouts = variant
    cover = next(i for i, ref in enumerate(deck.refs) if ref.slide.layout is Layout.TITLE)
    title = next(t for t in layouts[cover].texts() if t.role == "title")
    others = [
        t.largest
        for i, layout in enumerate(layouts)
        if i != cover
        for t in layout.texts()
        if t.role != "quote-mark"
    ]
    assert title.largest >= 1.1 * max(others)

    def accents(layout: SlideLayout) -> list[QRectF]:
        return [
            i.rect for i in layout.items if isinstance(i, Fill) and i.color == theme.color("accent")
        ]

    sections = [i for i, ref in enumerate(deck.refs) if ref.slide.layout is Layout.SECTION]
    assert accents(layouts[cover]) == accents(layouts[sections[0]])


def test_agenda_rows_align_without_a_rule_above_the_footer(variant: Variant) -> None:
    deck = variant[0]
    listed: list[int] = []
    for ref, texts, layout in _slides(variant):
        if ref.slide.layout is not Layout.AGENDA:
            continue
        rules = [item for item in layout.items if isinstance(item, Rule)]
        footer_rule = max(rule.start.y() for rule in rules)
        others = [rule.start.y() for rule in rules if rule.start.y() != footer_rule]
        assert all(y < footer_rule - 40 for y in others), _where(ref)
        entries = [t for t in texts if t.role == "agenda-entry"]
        assert len({round(t.rect.left(), 1) for t in entries}) <= 2  # one per column
        numbers = {t.name.rsplit("-", 1)[1]: t for t in texts if t.role == "agenda-number"}
        for entry in entries:
            index = int(entry.name.rsplit("-", 1)[1])
            listed.append(index)
            number = numbers.get(str(index))
            assert (number is not None) == (action_number(deck, index) is not None)
            if number is not None:
                assert abs(number.rect.top() - entry.rect.top()) < 2
                expected = f"{action_number(deck, index):02d}"
                assert number.box.paras[0].text == expected
    assert listed == list(range(talk_sections(deck.sections)))  # the backup is not listed


def test_generated_slides_split_rather_than_shrink(decks: dict[str, Deck]) -> None:
    stress = decks["stress"]
    layouts = [ref.slide.layout for ref in stress.refs]
    assert layouts.count(Layout.AGENDA) > 1 and layouts.count(Layout.SOURCES) > 1
    for theme in bundled_themes():
        sizes = load_theme(theme).sizes
        assert max(sizes["min_text"], sizes["sub_body"] * 0.8) <= TEXT_PX


def test_sources_list_every_source_once(variant: Variant) -> None:
    deck = variant[0]
    shown = [
        para.text
        for ref, texts, _ in _slides(variant)
        if ref.slide.layout is Layout.SOURCES
        for t in texts
        if t.role == "sources"
        for para in t.box.paras
    ]
    assert len(shown) == len(deck.listed_sources())


def test_section_slides_number_the_actions(variant: Variant) -> None:
    """In the deck's languages: ``ACTION 3 / 10``, ``行动 3 / 10``, or both."""
    deck = variant[0]
    for ref, texts, _ in _slides(variant):
        if ref.slide.layout is not Layout.SECTION:
            continue
        shown = f"{action_number(deck, ref.section_index)} / {action_count(deck)}"
        english, chinese = f"ACTION {shown}", f"行动 {shown}"
        expected = {
            "en": english,
            "zh": chinese,
            "en+zh": f"{english} · {chinese}",
            "zh+en": f"{chinese} · {english}",
        }[deck.display or deck.languages[0]]
        label = [t.box.paras[0].text for t in texts if t.role == "section-number"]
        assert label == [expected]


def test_the_quote_hangs_its_mark_and_aligns_its_attribution(variant: Variant) -> None:
    for ref, texts, _ in _slides(variant):
        if ref.slide.layout is not Layout.QUOTE:
            continue
        mark = next(t for t in texts if t.role == "quote-mark")
        quote = next(t for t in texts if t.role == "quote")
        assert mark.rect.right() <= quote.rect.left() + mark.size * 0.2
        assert abs(mark.rect.top() + mark.size * 0.28 - quote.rect.top()) < mark.size * 0.3
        assert {p.align for p in quote.box.paras} == {quote.box.paras[0].align}


def test_source_lines_stay_above_the_footer(variant: Variant) -> None:
    for ref, texts, layout in _slides(variant):
        line = [t for t in texts if t.role == "source-line"]
        if not line:
            continue
        footer_rule = max(i.start.y() for i in layout.items if isinstance(i, Rule))
        assert line[0].rect.bottom() < footer_rule, _where(ref)
        assert len(line[0].box.line_tops()) <= 2, _where(ref)


def test_bundled_deck_numbers_its_ten_actions(decks: dict[str, Deck]) -> None:
    deck = decks["bundled"]
    numbers = [action_number(deck, i) for i in range(len(deck.sections))]
    assert numbers == [None, *range(1, 11), None]
    assert action_number(deck, deck.sections[3]) == 3
    example = decks["example"]
    assert [action_number(example, s) for s in example.sections] == [1, 2, None]  # backup


@pytest.mark.parametrize("size", [QSize(301, 170), QSize(333, 251), QSize(640, 361)])
def test_coloured_slides_have_no_seam(decks: dict[str, Deck], size: QSize) -> None:
    deck = decks["bundled"]
    renderer = SlideRenderer(deck)
    index = next(r.index for r in deck.refs if r.slide.layout is Layout.SECTION)
    for ratio in (1.0, 1.25):
        image = renderer.image(index, size, ratio)
        darkest = [QColor(renderer.theme.color(name)) for name in ("band", "accent")]
        limit = (
            max(c.red() for c in darkest),
            max(c.green() for c in darkest),
            max(c.blue() for c in darkest),
        )
        background = QColor(renderer.theme.color("background")).rgb()
        w, h = image.width(), image.height()
        rows = [[image.pixel(x, y) for x in range(w)] for y in (0, 1, h - 2, h - 1)]
        columns = [[image.pixel(x, y) for y in range(h)] for x in (0, 1, w - 2, w - 1)]
        for line in rows + columns:
            # the letterbox (background) or the slide's colours, never a blend of the two
            for pixel in set(line) - {background}:
                colour = QColor(pixel)
                seen = (colour.red(), colour.green(), colour.blue())
                assert all(a <= b + 1 for a, b in zip(seen, limit, strict=True)), (
                    size.width(),
                    ratio,
                    colour.name(),
                )
