"""The PowerPoint export's tables and charts: native PowerPoint tables and charts with their
data, read back with python-pptx."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn

from desktop.core.data import Chart, Number, Table
from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.markup import plain
from desktop.core.model import Deck, Layout, slide_label
from desktop.core.numbers import format_number
from desktop.core.resources import bundled_deck
from desktop.export import registry
from desktop.render.qtapp import ensure_gui_app
from tests.conftest import DeckFactory, load, section_yaml

EXPORTER = registry.get("pptx")
EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "example-deck"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"

CHARTS = section_yaml(
    "Charts",
    "{layout: section}",
    "{id: lines, layout: chart, title: Lines, sources: [src], chart: {type: line,"
    " categories: ['2021', '2022', '2023', '2030'], targets: ['2030'],"
    " series: [{name: North, values: [1.5, 2, null, 4]}]}}",
    "{id: grouped, layout: chart, title: Grouped, sources: [src], chart: {type: bar,"
    " categories: [A, B], unit: tonnes,"
    " series: [{name: Old, values: [3, 5]}, {name: New, values: [4, 6.25]}]}}",
)


def _export(deck: Deck, path: Path) -> Any:
    EXPORTER.export(deck, path)
    return Presentation(str(path))


def _slides_of(deck: Deck, layout: Layout, presentation: Any) -> list[tuple[Any, Any]]:
    """(our slide, its PowerPoint slide) for every exported slide of *layout*."""
    titles = {
        shape.text_frame.text.split("\n")[0]: slide
        for slide in presentation.slides
        for shape in slide.placeholders
        if shape.placeholder_format.idx == 0
    }
    return [
        (ref.slide, titles[slide_label(deck, ref)])  # a part's title says which: "T (1/3)"
        for ref in deck.refs
        if ref.slide.layout is layout and not ref.slide.hidden
    ]


def _graphic(slide: Any, kind: str) -> list[Any]:
    return [shape for shape in slide.shapes if getattr(shape, f"has_{kind}")]


def _cell_texts(table: Table, language: str = "en") -> list[list[str]]:
    def shown(cell: object) -> str:
        if isinstance(cell, Number):
            return format_number(cell.value, cell.decimals, language)
        return "–" if cell is None else plain(str(cell))

    return [[plain(c) for c in table.columns]] + [[shown(c) for c in row] for row in table.rows]


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Deck, Any]]:
    ensure_gui_app()
    out = []
    for folder in (bundled_deck(), EXAMPLE):
        deck = load_deck(folder).deck
        assert deck is not None
        out.append((deck, _export(deck, tmp_path_factory.mktemp("data") / "deck.pptx")))
    return out


def _each(decks: list[tuple[Deck, Any]], layout: Layout) -> Iterator[tuple[Any, Any, Any]]:
    """(our slide, its PowerPoint slide, the one table or chart on it) of every deck."""
    kind = "table" if layout is Layout.TABLE else "chart"
    for deck, presentation in decks:
        for ours, slide in _slides_of(deck, layout, presentation):
            (frame,) = _graphic(slide, kind)
            yield ours, slide, getattr(frame, kind)


def test_a_table_is_a_powerpoint_table_of_its_cells(decks: list[tuple[Deck, Any]]) -> None:
    seen = 0
    for ours, slide, native in _each(decks, Layout.TABLE):
        table: Table = ours.table
        cells = [[cell.text for cell in row.cells] for row in native.rows]
        assert cells == _cell_texts(table)
        assert native.first_row  # the header row is one to PowerPoint
        # none of the cells is a text box of its own any more
        assert not [s for s in slide.shapes if s.name.startswith(("table-cell", "table-header"))]
        highlight = table.highlight_row
        for r, row in enumerate(native.rows):
            for c, cell in enumerate(row.cells):
                lit = (r - 1 == highlight) or c == table.highlight_column
                assert (cell._tc.tcPr.find(qn("a:solidFill")) is not None) == lit, (r, c)
        header_rule = native.cell(0, 0)._tc.tcPr.find(qn("a:lnB"))
        assert header_rule.find(qn("a:solidFill")) is not None
        seen += 1
    assert seen == 2


def test_a_chart_is_a_powerpoint_chart_of_its_data(decks: list[tuple[Deck, Any]]) -> None:
    seen = 0
    for ours, slide, native in _each(decks, Layout.CHART):
        chart: Chart = ours.chart
        assert not [s for s in slide.shapes if s.shape_type == 13]  # no picture
        plot = native.plots[0]
        assert list(plot.categories) == [plain(c) for c in chart.categories]
        series = list(plot.series)[: len(chart.series)]
        assert [s.name for s in series] == [plain(s.name) for s in chart.series]
        for mine, theirs in zip(chart.series, series, strict=True):
            assert list(theirs.values) == [None if v is None else v.value for v in mine.values]
        expected = (
            XL_CHART_TYPE.BAR_CLUSTERED if chart.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
        )
        assert native.chart_type == expected
        assert native.value_axis.minimum_scale == 0
        assert native.value_axis.maximum_scale >= chart.extent()[1]
        seen += 1
    assert seen == 3


def test_line_and_grouped_charts_keep_targets_gaps_and_decimals(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    ensure_gui_app()
    deck = load(make_deck({"a.yaml": CHARTS}))
    presentation = _export(deck, tmp_path / "charts.pptx")
    by_title = {s.shapes.title.text_frame.text: s for s in presentation.slides}
    (lines,) = _graphic(by_title["Lines"], "chart")
    native = lines.chart
    assert native.chart_type == XL_CHART_TYPE.LINE_MARKERS
    north, target = native.plots[0].series
    assert list(north.values) == [1.5, 2.0, None, 4.0]  # the gap stays a gap
    # the target's legend entry is a series of no values, the one series' own entry hidden
    assert target.name == "Target" and set(target.values) == {None}
    legend = native._chartSpace.find(f"{C}chart/{C}legend")
    assert legend.find(f"{C}legendEntry/{C}delete").get("val") == "1"
    xml = etree.tostring(north._element).decode()
    assert 'prstDash val="dash"' in xml  # the line into the target is dashed
    # each value labelled with its own decimals: 1.5 and 2 (and 4) as on our slide
    formats = {
        int(d.find(f"{C}idx").get("val")): d.find(f"{C}numFmt").get("formatCode")
        for d in north._element.iter(f"{C}dLbl")
    }
    assert formats == {1: "0", 3: "0"}
    assert north._element.find(f"{C}dLbls/{C}numFmt").get("formatCode") == "0.0"
    (grouped,) = _graphic(by_title["Grouped"], "chart")
    assert [s.name for s in grouped.chart.plots[0].series] == ["Old", "New"]
    assert grouped.chart.has_legend
    # the unit stays a text box above the chart, as on our slide
    assert [s for s in by_title["Grouped"].shapes if s.has_text_frame and s.text == "tonnes"]


def test_both_languages_in_the_cells_and_the_shown_language_in_the_chart(
    tmp_path: Path,
) -> None:
    ensure_gui_app()
    deck = load_deck(bundled_deck()).deck
    assert deck is not None
    both = localize(deck, DisplayLanguage.parse("en+zh", deck.languages))
    presentation = _export(both, tmp_path / "both.pptx")
    tables = _slides_of(both, Layout.TABLE, presentation)
    assert [ours.part for ours, _ in tables] == list(range(tables[0][0].parts))  # in parts
    assert len(tables) > 1
    (ours, slide), *_ = tables
    (frame,) = _graphic(slide, "table")
    header = frame.table.cell(0, 0).text_frame
    assert header.text == "Indicator\n指标"
    chinese = header.paragraphs[1].runs[0]._r
    assert chinese.find(f"{qn('a:rPr')}/{qn('a:ea')}") is not None
    (ours, slide), *_ = _slides_of(both, Layout.CHART, presentation)
    (chart,) = _graphic(slide, "chart")
    # the chart's texts as the slide shows them: the second language on a line of its own
    assert list(chart.chart.plots[0].categories) == ["2022", "2023", "2027 aim\n2027年目标"]
    chinese_only = localize(deck, DisplayLanguage.parse("zh", deck.languages))
    presentation = _export(chinese_only, tmp_path / "zh.pptx")
    (ours, slide), *_ = _slides_of(chinese_only, Layout.CHART, presentation)
    (chart,) = _graphic(slide, "chart")
    categories = list(chart.chart.plots[0].categories)
    assert categories == [plain(c) for c in ours.chart.categories]
    assert any("目标" in c for c in categories)
    font = chart.chart._chartSpace.find(f"{C}txPr").find(f".//{qn('a:ea')}")
    assert font is not None and font.get("typeface")
