"""Tables and charts as drawn: one size that fits, decimals aligned, round ticks, targets
hatched, and in the PDF vector paths with real text."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from desktop.core.builds import BuildItem, build_items, step_count
from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.model import Deck, SlideRef
from desktop.core.theme import load_theme
from desktop.export import registry
from desktop.export.pdf import PdfOptions
from desktop.render.builder import SlideLayout
from desktop.render.chart_items import Shape
from desktop.render.checks import render_problems
from desktop.render.fonts import make_font
from desktop.render.items import Text
from desktop.render.renderer import SlideRenderer
from desktop.render.table_fit import first_fitting
from tests.conftest import DeckFactory, chart_section

ONE = "        - {name: Containers, values: [21, 22.18, 27]}"
TWO = ONE + "\n        - {name: Other, values: [9, null, 12]}"


def _table(rows: list[str]) -> str:
    return (
        "title: S\nslides:\n  - layout: table\n    title: T\n    sources: [src]\n    table:\n"
        '      columns: [Indicator, "2022", "2023"]\n      rows:\n'
        + "".join(f"        - {row}\n" for row in rows)
    )


def _laid(deck: Deck, theme: str = "default") -> tuple[SlideRenderer, SlideLayout]:
    renderer = SlideRenderer(deck, load_theme(theme))
    return renderer, renderer.layout(0)


def _deck(make_deck: DeckFactory, section: str, name: str = "deck") -> Deck:
    result = load_deck(make_deck({"a.yaml": section}, name=name))
    assert result.deck is not None, [p.format() for p in result.problems]
    return result.deck


def _texts(layout: SlideLayout, role: str) -> list[str]:
    return [t.box.paras[0].text for t in layout.texts() if t.role == role]


def test_a_table_is_set_at_one_size_that_fits(make_deck: DeckFactory) -> None:
    short = _laid(_deck(make_deck, _table(["[Port, 21, 22.18]", "[PM2.5, 37, null]"])))[1]
    rows = [f"[Indicator number {n} {'with words ' * 6}, {n}, {n}.5]" for n in range(10)]
    renderer, long = _laid(_deck(make_deck, _table(rows), "long"))
    theme = load_theme("default")
    for layout, largest in ((short, True), (long, False)):
        sizes = {round(t.size, 2) for t in layout.texts() if t.role.startswith("table-")}
        assert len(sizes) == 1, sizes
        (size,) = sizes
        assert (size == theme.size("sub_body")) is largest
        assert size >= theme.size("min_text")
        assert not layout.overflowing()
    assert not render_problems(renderer)


@pytest.mark.parametrize("count", range(10))
def test_the_first_size_that_fits_is_found_in_a_few_plans(count: int) -> None:
    for first in [*range(count), None]:  # fits from *first* on (None: nowhere)
        for start in range(count):  # the guess where to start
            asked: list[int] = []

            def fits(index: int, first: int | None = first, asked: list[int] = asked) -> bool:
                asked.append(index)
                return first is not None and index >= first

            assert first_fitting(count, fits, start) == first
            assert len(asked) == len(set(asked))  # nothing planned twice
            # A right guess settles it with one more plan (the size above); else the
            # steps away from it and a bisection.
            ends = start == first == 0 or (first is None and start == count - 1)
            right = ends or start == first
            most = (1 if ends else 2) if right else 2 + 2 * count.bit_length()
            assert len(asked) <= min(most, count), (first, start, asked)


def test_a_table_past_the_minimum_size_overflows_and_check_says_so(
    make_deck: DeckFactory,
) -> None:
    rows = [f"[Indicator number {n} {'with words ' * 8}, {n}, {n}.5]" for n in range(40)]
    renderer, layout = _laid(_deck(make_deck, _table(rows)))
    assert layout.overflowing()
    assert any(
        "text overflows at the minimum size (table-cell" in p.message
        for p in render_problems(renderer)
    )


def test_numbers_line_up_on_their_decimal_point(make_deck: DeckFactory) -> None:
    layout = _laid(_deck(make_deck, _table(["[Port, 21, 22.18]", "[PM2.5, 37, 8.5]"])))[1]
    cells = {t.box.paras[0].text: t for t in layout.texts() if t.role == "table-cell"}
    size = cells["22.18"].size
    metrics = QFontMetricsF(make_font(load_theme("default").fonts, size))
    point = {
        text: cells[text].rect.right() - metrics.horizontalAdvance(text[text.find(".") :])
        for text in ("22.18", "8.5")
    }
    assert point["22.18"] == pytest.approx(point["8.5"], abs=0.5)
    assert cells["21"].rect.right() == pytest.approx(cells["37"].rect.right(), abs=0.5)  # right
    assert cells["Port"].rect.left() < cells["21"].rect.left()


def test_a_missing_value_shows_a_dash(make_deck: DeckFactory) -> None:
    layout = _laid(_deck(make_deck, _table(["[Port, 21, null]"])))[1]
    assert _texts(layout, "table-cell") == ["Port", "21", "–"]


def test_a_chart_has_round_ticks_value_labels_and_the_unit_once(make_deck: DeckFactory) -> None:
    layout = _laid(_deck(make_deck, chart_section(type="bar", series=ONE)))[1]
    assert _texts(layout, "chart-tick") == ["0", "10", "20", "30"]
    assert _texts(layout, "chart-value") == ["21", "22.18", "27"]
    assert _texts(layout, "chart-unit") == ["million TEU"]
    assert _texts(layout, "chart-category") == ["2022", "2023", "2027 target"]
    assert _texts(layout, "chart-legend") == ["Target"]  # one series: the targets only


def test_several_series_get_a_legend_and_a_gap_for_null(make_deck: DeckFactory) -> None:
    layout = _laid(_deck(make_deck, chart_section(type="bar", series=TWO)))[1]
    assert _texts(layout, "chart-legend") == ["Containers", "Other", "Target"]
    assert _texts(layout, "chart-gap") == ["–"]
    theme = load_theme("default")
    fills = {s.fill for s in layout.items if isinstance(s, Shape) and s.fill}
    assert {theme.palette[0], theme.palette[1]} <= fills


def test_no_gridline_runs_through_a_bars_value(make_deck: DeckFactory) -> None:
    """Each bar's value is drawn on the slide's background over the gridlines: drawn after
    them, a fill of the background under its digits and a little either side."""
    layout = _laid(_deck(make_deck, chart_section(type="bar", series=ONE)), "high-contrast")[1]
    background = load_theme("high-contrast").color("background")
    rule = load_theme("high-contrast").color("rule")
    items = layout.items
    gridlines = [n for n, s in enumerate(items) if isinstance(s, Shape) and s.line == rule]
    assert gridlines
    values = [
        (n, item.box)
        for n, item in enumerate(items)
        if isinstance(item, Text) and item.box.name.startswith("chart-value-")
    ]
    assert len(values) == 3
    for n, label in values:
        behind = items[n - 1]
        assert isinstance(behind, Shape) and behind.fill == background and not behind.line
        assert n - 1 > max(gridlines)
        drawn = label.drawn_rect()
        cover = behind.path.boundingRect()
        assert cover.contains(drawn) and cover.width() > drawn.width()


@pytest.mark.parametrize("kind", ["bar", "line"])
def test_targets_are_drawn_apart_from_results(make_deck: DeckFactory, kind: str) -> None:
    layout = _laid(_deck(make_deck, chart_section(type=kind, series=ONE)))[1]
    colour = load_theme("default").palette[0]
    shapes = [s for s in layout.items if isinstance(s, Shape) and colour in (s.fill, s.line)]
    outlined = [s for s in shapes if s.line == colour and s.fill != colour]
    assert outlined  # the target: outlined (and hatched, or a hollow dot), not filled
    if kind == "bar":
        hatching = [s for s in outlined if not s.fill]
        assert hatching and hatching[0].path.elementCount() > 8
    else:
        assert any(s.dashed for s in shapes)  # the line into the target is dashed


def test_the_palettes_of_both_themes_are_distinct_from_their_ground() -> None:
    for name in ("default", "high-contrast"):
        theme = load_theme(name)
        assert len(set(theme.palette)) == len(theme.palette) == 5
        assert theme.color("background") not in theme.palette


def test_a_chart_in_the_pdf_is_vector_with_real_text(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    deck = _deck(make_deck, chart_section(type="bar", series=TWO))
    target = tmp_path / "chart.pdf"
    registry.get("pdf").export(deck, target, PdfOptions())
    reader = PdfReader(target)
    # No raster image anywhere in the file (Qt writes no object streams, so every object's
    # dictionary is plain): bars, hatching and lines are paths.
    assert b"/Subtype /Image" not in target.read_bytes()
    assert all(len(list(page.images)) == 0 for page in reader.pages)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    for label in ("22.18", "million TEU", "2027 target", "Containers", "Other", "30"):
        assert label in text, label


def test_a_bilingual_table_sets_each_text_cell_s_second_language_below_it(
    make_deck: DeckFactory,
) -> None:
    from desktop.core.languages import DisplayLanguage, localize

    section = (
        "title: {en: S, zh: 节}\nslides:\n  - layout: table\n    title: {en: T, zh: 表}\n"
        "    sources: [src]\n    table:\n"
        '      columns: [{en: Indicator, zh: 指标}, "2022"]\n'
        "      rows:\n        - [{en: Port containers, zh: 港口集装箱}, 21]\n"
        "      note: {en: Million TEU, zh: 百万标准箱}\n"
    )
    folder = make_deck({"a.yaml": section})
    deck_yaml = (folder / "deck.yaml").read_text(encoding="utf-8")
    (folder / "deck.yaml").write_text("languages: [en, zh]\n" + deck_yaml, encoding="utf-8")
    result = load_deck(folder)
    assert result.deck is not None, [p.format() for p in result.problems]
    one = _laid(result.deck)[1]
    both = _laid(localize(result.deck, DisplayLanguage("en", "zh")))[1]

    def paras(layout: SlideLayout, role: str) -> list[list[str]]:
        return [[p.text for p in t.box.paras] for t in layout.texts() if t.role == role]

    assert paras(one, "table-header")[0] == ["Indicator"]
    assert paras(both, "table-header")[0] == ["Indicator", "指标"]
    assert ["Port containers", "港口集装箱"] in paras(both, "table-cell")
    assert ["21"] in paras(both, "table-cell")  # numbers are not texts: no second line
    assert paras(both, "table-note") == [["Million TEU", "百万标准箱"]]
    cell = next(t for t in both.texts() if t.box.paras[0].text == "Port containers")
    primary, second = cell.box.paras
    assert second.size < primary.size  # smaller, below
    assert not both.overflowing()


def test_a_bilingual_table_too_tall_for_both_continues_with_every_row(
    make_deck: DeckFactory,
) -> None:
    from desktop.core.languages import DisplayLanguage, localize

    rows = "".join(
        f"        - [{{en: Indicator number {n} with a longer name,"
        f" zh: 第{n}项较长名称的指标}}, {n}]\n"
        for n in range(8)
    )
    section = (
        "title: S\nslides:\n  - layout: table\n    title: T\n    sources: [src]\n"
        '    table:\n      columns: [{en: Indicator, zh: 指标}, "2022"]\n      rows:\n' + rows
    )
    folder = make_deck({"a.yaml": section})
    deck_yaml = (folder / "deck.yaml").read_text(encoding="utf-8")
    (folder / "deck.yaml").write_text("languages: [en, zh]\n" + deck_yaml, encoding="utf-8")
    result = load_deck(folder)
    assert result.deck is not None, [p.format() for p in result.problems]
    shown = localize(result.deck, DisplayLanguage("en", "zh"))
    renderer = SlideRenderer(shown, load_theme("default"))
    layouts = [renderer.layout(ref.index) for ref in shown.refs]
    assert len(layouts) > 1  # it continues on further slides, the header on each
    cells = [t for layout in layouts for t in layout.texts() if t.role == "table-cell"]
    assert len(cells) == 8 * 2 and not any(layout.overflowing() for layout in layouts)
    names = [cell for cell in cells if cell.box.paras[0].text.startswith("Indicator")]
    assert len(names) == 8 and all(len(name.box.paras) == 2 for name in names)  # both
    for layout in layouts:
        header = next(t for t in layout.texts() if t.role == "table-header")
        assert [p.text for p in header.box.paras] == ["Indicator", "指标"]


def test_a_table_builds_row_by_row_and_keeps_its_room(make_deck: DeckFactory) -> None:
    section = _table(["[Port, 21, 22.18]", "[PM2.5, 37, null]", "[Green, 1, 2]"]).replace(
        "    title: T\n", "    title: T\n    build: true\n"
    )
    renderer = SlideRenderer(_deck(make_deck, section), load_theme("default"))

    def shown(step: int | None) -> list[str]:
        return [
            t.box.paras[0].text for t in renderer.layout(0, step).texts() if t.role == "table-cell"
        ]

    def header_rect(step: int | None) -> tuple[float, float]:
        header = next(t for t in renderer.layout(0, step).texts() if t.role == "table-header")
        return (header.rect.top(), header.rect.left())

    assert shown(0) == ["Port", "21", "22.18"]  # the first row; the header is always there
    assert shown(1) == ["Port", "21", "22.18", "PM2.5", "37", "–"]
    assert len(shown(None)) == 9
    assert header_rect(0) == header_rect(None)  # nothing moves as rows appear


def _built_chart(
    make_deck: DeckFactory, series: str, build: str = "true", type: str = "bar"
) -> tuple[Deck, SlideRenderer]:
    section = chart_section(type=type, series=series).replace(
        "    title: Port\n", f"    title: Port\n    build: {build}\n"
    )
    deck = _deck(make_deck, section, name=f"{build}-{type}-{series.count('name')}")
    return deck, SlideRenderer(deck, load_theme("default"))


def _named(layout: SlideLayout, name: str) -> list[str]:
    return [t.box.paras[0].text for t in layout.texts() if t.box.name == name]


def _fills(layout: SlideLayout) -> list[str]:
    return [item.fill for item in layout.items if isinstance(item, Shape) and item.fill]


def test_a_chart_builds_series_by_series_and_keeps_its_room(make_deck: DeckFactory) -> None:
    deck, renderer = _built_chart(make_deck, TWO)
    slide = deck.refs[0].slide
    assert build_items(slide) == (BuildItem("chart.series", 0), BuildItem("chart.series", 1))
    assert step_count(slide) == 2
    first, complete = renderer.layout(0, 0), renderer.layout(0, None)
    palette = renderer.theme.palette
    assert _fills(first).count(palette[1]) == 1  # the legend's swatch: the series is to come
    assert _fills(complete).count(palette[1]) == 1 + 1  # and its bar (a gap, then a target)
    assert _named(first, "chart-value-0") == ["21"]
    assert _named(first, "chart-value-3") == [] and _named(complete, "chart-value-3") == ["9"]
    assert _named(first, "chart-gap-4") == [] and _named(complete, "chart-gap-4") == ["–"]
    # The axis, the categories and the legend are there from the first step, where they stay.
    for name in ("chart-category-0", "chart-tick-0", "chart-legend-1", "chart-unit"):
        (before,) = [t.rect for t in first.texts() if t.box.name == name]
        (after,) = [t.rect for t in complete.texts() if t.box.name == name]
        assert before == after, name


def test_a_one_series_chart_builds_bar_by_bar_and_dim_draws_those_to_come_faintly(
    make_deck: DeckFactory,
) -> None:
    deck, renderer = _built_chart(make_deck, ONE)
    assert [item.field for item in build_items(deck.refs[0].slide)] == ["chart.categories"] * 3
    values = [_named(renderer.layout(0, step), "chart-value-1") for step in (0, 1, None)]
    assert values == [[], ["22.18"], ["22.18"]]
    _, dim = _built_chart(make_deck, ONE, build="dim", type="line")
    faint = [s for s in dim.layout(0, 0).items if isinstance(s, Shape) and s.line.startswith("#38")]
    assert len(faint) >= 2  # the two segments (and the target's dot) to come, at 22% opacity
    assert [
        t.box.paras[0].color[:3] for t in dim.layout(0, 0).texts() if t.box.name == "chart-value-2"
    ] == ["#38"]


def test_a_built_chart_exports_complete_or_a_page_per_step(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    deck, _ = _built_chart(make_deck, TWO)
    pages = []
    for builds in (False, True):
        target = tmp_path / f"builds-{builds}.pdf"
        registry.get("pdf").export(deck, target, PdfOptions(builds=builds))
        pages.append([" ".join(p.extract_text().split()) for p in PdfReader(target).pages])
    complete, steps = pages
    assert len(steps) == len(complete) + 1  # the chart's two steps
    chart = next(n for n, text in enumerate(complete) if "Other" in text)
    assert "9" in complete[chart].split() and "12" in complete[chart].split()
    first = steps[chart].split()
    assert "21" in first and "9" not in first  # the first step: the first series only
    assert "9" in steps[chart + 1].split()  # the second: both, as the complete page


def _table_parts() -> tuple[SlideRenderer, list[SlideRef]]:
    """A renderer of the bundled deck in ``en+zh`` (default theme) and the parts of its
    targets table."""
    from desktop.core.resources import bundled_deck

    loaded = load_deck(bundled_deck()).deck
    assert loaded is not None
    theme = load_theme("default")
    shown = localize(loaded, DisplayLanguage("en", "zh"), theme=theme)
    parts = [ref for ref in shown.refs if ref.slide.id.partition("~")[0] == "targets-table"]
    return SlideRenderer(shown, theme), parts


def test_a_table_in_parts_has_one_text_size_on_every_part() -> None:
    renderer, parts = _table_parts()
    assert (
        len(parts) > 1 and len({len(ref.slide.table.rows) for ref in parts if ref.slide.table}) > 1
    )
    sizes = {
        round(text.largest, 2)
        for ref in parts
        for text in renderer.layout(ref.index).texts()
        if text.role in ("table-cell", "table-header")
    }
    assert len(sizes) == 1  # the rows look alike paging through, the fuller part's size


def test_the_size_of_a_table_in_parts_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every part of a table works out the same size, planning every part's table at sizes
    from the largest: the later parts take the first's, and plan only their own table."""
    from desktop.render import table_plan

    renderer, parts = _table_parts()
    planned: list[object] = []
    plan = table_plan.plan_table

    def counted(*args: object, **kwargs: object) -> object:
        planned.append(args[2])  # the table planned
        return plan(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(table_plan, "plan_table", counted)
    counts = []
    for ref in parts:
        planned.clear()
        renderer.layout(ref.index)
        counts.append({id(t) for t in planned})
    assert len(counts[0]) == len(parts)  # the first plans every part's table
    assert all(len(tables) == 1 for tables in counts[1:])  # the others their own


def test_a_table_in_parts_is_planned_once_a_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first part plans each table at each size once in a room (the search's rounds and
    the part drawn ask again), and once its subtitle gave way, at no size above the one
    it found (the part keeps that size)."""
    from desktop.render import table_plan

    renderer, parts = _table_parts()
    planned: list[tuple[int, float, float, float]] = []
    plan = table_plan.plan_table

    def counted(*args: object, **kwargs: object) -> object:
        area, size = args[1], args[4]
        assert isinstance(area, QRectF) and isinstance(size, float)
        planned.append((id(args[2]), area.width(), area.height(), size))
        return plan(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(table_plan, "plan_table", counted)
    layout = renderer.layout(parts[0].index)
    assert len(planned) == len(set(planned))
    drawn = {t.largest for t in layout.texts() if t.role == "table-cell"}
    first_room = planned[0][1:3]
    later = [size for _, width, height, size in planned if (width, height) != first_room]
    assert len(drawn) == 1 and later  # the bundled table's subtitle gives way to it
    assert max(later) <= drawn.pop() + 1e-9
