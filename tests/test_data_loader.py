"""Tables and charts in the deck format: what the loader reads and every located problem."""

from __future__ import annotations

import pytest

from desktop.core.data import Align, ChartType, Number
from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.search import search_deck
from tests.conftest import CONTAINERS, DeckFactory, chart_section

TABLE = """\
title: S
slides:
  - layout: table
    title: Targets
    sources: [src]
    table:
      columns: [Indicator, "2022", "2023", "2027 target"]
      rows:
        - [Port containers (million TEU), 21, 22.18, 27]
        - [PM2.5 (µg/m³), 37, null, 35]
      highlight_column: 4
      note: Results and targets
"""


def _chart(type: str = "bar", values: str = "[21, 22.18, 27]", target: str = "2027 target") -> str:
    return chart_section(type, CONTAINERS.format(values=values), target)


def _problems(make_deck: DeckFactory, files: dict[str, str | bytes | None]) -> list[str]:
    folder = make_deck(files)
    return [p.format(folder) for p in load_deck(folder).problems]


def test_a_table_is_read_with_numbers_as_numbers(make_deck: DeckFactory) -> None:
    deck = load_deck(make_deck({"a.yaml": TABLE})).deck
    assert deck is not None
    table = deck.refs[0].slide.table
    assert table is not None
    assert table.columns == ("Indicator", "2022", "2023", "2027 target")
    assert table.rows[0] == (
        "Port containers (million TEU)",
        Number(21),
        Number(22.18, 2),
        Number(27),
    )
    assert table.rows[1][2] is None
    assert table.align == (Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT)
    assert (table.highlight_column, table.highlight_row, table.note) == (
        3,
        None,
        "Results and targets",
    )
    assert table.items() == ("table.rows[0]", "table.rows[1]")


def test_a_chart_is_read_with_its_targets(make_deck: DeckFactory) -> None:
    deck = load_deck(make_deck({"a.yaml": _chart()})).deck
    assert deck is not None
    chart = deck.refs[0].slide.chart
    assert chart is not None
    assert chart.type is ChartType.BAR
    assert chart.series[0].values == (Number(21), Number(22.18, 2), Number(27))
    assert chart.targets == {2} and chart.unit == "million TEU" and chart.labels
    assert chart.items() == ("chart.categories[0]", "chart.categories[1]", "chart.categories[2]")


def test_cells_and_labels_are_slide_texts_that_search_finds(make_deck: DeckFactory) -> None:
    deck = load_deck(make_deck({"a.yaml": TABLE, "b.yaml": _chart()})).deck
    assert deck is not None
    texts = {t.field: t for ref in deck.refs for t in ref.slide.texts()}
    assert texts["slides[0].table.rows[1][0]"].text == "PM2.5 (µg/m³)"
    assert texts["slides[0].table.rows[1][0]"].location.line == 10
    assert texts["slides[0].table.columns[3]"].part == "table"
    assert texts["slides[0].chart.unit"].text == "million TEU"
    assert "slides[0].table.rows[0][1]" not in texts  # a number is not a text
    assert [hit.index for hit in search_deck(deck, "µg/m")] == [0]
    assert [hit.index for hit in search_deck(deck, "million TEU")] == [0, 1]


def test_cells_take_a_text_per_language(make_deck: DeckFactory) -> None:
    deck_yaml = (
        "title: {en: T, zh: 题}\nlanguages: [en, zh]\n"
        "sources: [{id: src, title: {en: S, zh: 源}}]\n"
    )
    section = """\
title: {en: S, zh: 节}
slides:
  - layout: table
    title: {en: Targets, zh: 目标}
    sources: [src]
    table:
      columns: [{en: Indicator, zh: 指标}, "2022"]
      rows: [[{en: Port, zh: 港口}, 21]]
"""
    result = load_deck(make_deck({"deck.yaml": deck_yaml, "a.yaml": section}))
    assert result.deck is not None
    assert not [p for p in result.problems if "no zh text" in p.message]  # "2022" is in both
    shown = localize(result.deck, DisplayLanguage.parse("zh", result.deck.languages))
    table = shown.refs[0].slide.table
    assert table is not None
    assert table.columns == ("指标", "2022") and table.rows == (("港口", Number(21)),)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"a.yaml": TABLE.replace("[PM2.5 (µg/m³), 37, null, 35]", "[PM2.5, 37]")},
            "a.yaml:10:11: error: `slides[0].table.rows[1]` has 2 cells but the table has 4"
            " columns (`columns`); give every row 4 cells (`null` for no value)",
        ),
        (
            {"a.yaml": _chart(values='[21, "22.18", 27]')},
            "a.yaml:11:24: error: `slides[0].chart.series[0].values[1]` must be a number or"
            " `null` (no value), not text ('22.18'); a chart draws numbers only",
        ),
        (
            {"a.yaml": _chart(values="[21, 22.18]")},
            "a.yaml:11:19: error: `slides[0].chart.series[0].values` has 2 values but the chart"
            " has 3 categories; give one value per category (`null` for a gap)",
        ),
        (
            {"a.yaml": _chart(type="bars")},
            "a.yaml:7:13: error: `slides[0].chart.type` is 'bars', but must be one of `bar`,"
            " `line`; did you mean `bar`?",
        ),
        (
            {"a.yaml": _chart(target="2027 targt")},
            "a.yaml:13:17: error: `slides[0].chart.targets[0]` is '2027 targt', which is not one"
            " of the categories; did you mean '2027 target'?",
        ),
        (
            {
                "a.yaml": TABLE.replace("      rows:\n", "      rows: []\n").split(
                    "        - [Port"
                )[0]
            },
            "a.yaml:8:13: error: `slides[0].table.rows` needs at least one item",
        ),
        (
            {"a.yaml": TABLE.replace("highlight_column: 4", "highlight_column: 5")},
            "a.yaml:11:25: error: `slides[0].table.highlight_column` is 5, but the table has 4"
            " columns; write 1 to 4",
        ),
        (
            {"a.yaml": _chart() + "      axis: {min: 30, max: 0}\n"},
            "a.yaml:14:13: error: `slides[0].chart.axis` runs from 30 to 0; its `min` must be"
            " below its `max`",
        ),
        (
            {"a.yaml": TABLE.replace("      columns:", "      csv: data/t.csv\n      columns:")},
            "a.yaml:8:7: error: `slides[0].table` has both `csv` and `columns`; keep one: the"
            " data inline or in the CSV file",
        ),
    ],
    ids=[
        "row-length",
        "not-a-number",
        "series-length",
        "unknown-type",
        "unknown-target",
        "empty-table",
        "highlight-past-the-end",
        "axis-upside-down",
        "csv-and-inline",
    ],
)
def test_each_problem_is_located(
    make_deck: DeckFactory, files: dict[str, str | bytes | None], expected: str
) -> None:
    assert expected in _problems(make_deck, files)


def test_more_rows_than_fit_readably_is_a_warning_with_the_limit(make_deck: DeckFactory) -> None:
    rows = "".join(f"        - [Row {n}, {n}, {n}, {n}]\n" for n in range(9))
    section = TABLE.split("      rows:\n")[0] + "      rows:\n" + rows
    found = _problems(make_deck, {"a.yaml": section})
    assert found == [
        "a.yaml:7:7: warning: `slides[0].table` has 9 rows; more than 8 do not fit readably"
        " on a 16:9 slide (limit 8); split it over several slides"
    ]


CSV_CHART = """\
title: S
slides:
  - layout: chart
    sources: [src]
    chart: {csv: data/pm.csv, type: line}
"""


def test_a_chart_reads_its_csv_file(make_deck: DeckFactory) -> None:
    files: dict[str, str | bytes | None] = {
        "a.yaml": CSV_CHART,
        "data/pm.csv": 'Year,PM2.5,"Target, 2027"\n2013,96,\n2022,37.0,\n2027,,35\n',
    }
    deck = load_deck(make_deck(files)).deck
    assert deck is not None
    chart = deck.refs[0].slide.chart
    assert chart is not None
    assert chart.categories == ("2013", "2022", "2027")
    assert [s.name for s in chart.series] == ["PM2.5", "Target, 2027"]
    assert chart.series[0].values == (Number(96), Number(37, 1), None)
    assert deck.refs[0].slide.location("chart.series[1].name").column == 12
    assert any(path.name == "pm.csv" for path in deck.files)  # watched for live reload


@pytest.mark.parametrize(
    ("csv", "expected"),
    [
        (b"Year,PM\n2013,96\n2022,abc\n", "data/pm.csv:3:6: error: 'abc' is not a number"),
        (b"Year,PM\n2013,\xff96\n", "data/pm.csv:2:6: error: file is not UTF-8 (byte 0xff)"),
        (b'Year,PM\n"2013,96\n', "data/pm.csv:2:1: error: a quoted cell is not closed"),
        (b"Year,PM\n" + b"1,2\n" * 70, "data/pm.csv:62:1: error: the file has more than 61 lines"),
        (b"x" * (300 * 1024), "data/pm.csv:1:1: error: file is too large (300 KB, limit 256 KB)"),
        (b"", "data/pm.csv:1:1: error: the CSV file is empty"),
    ],
    ids=["not-a-number", "not-utf8", "unclosed-quote", "too-many-lines", "too-large", "empty"],
)
def test_a_problem_in_a_csv_file_is_located_in_it(
    make_deck: DeckFactory, csv: bytes, expected: str
) -> None:
    found = _problems(make_deck, {"a.yaml": CSV_CHART, "data/pm.csv": csv})
    assert any(line.startswith(expected) for line in found), found


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("../pm.csv", "`slides[0].chart.csv` points outside the deck folder: ../pm.csv"),
        ("/etc/passwd", "`slides[0].chart.csv` is an absolute path"),
        ("https://example.org/pm.csv", "`slides[0].chart.csv` is a URL"),
        ("data/none.csv", "CSV file data/none.csv does not exist"),
        ("a.yaml", "a.yaml is not a .csv file"),
    ],
)
def test_a_csv_file_must_be_inside_the_deck(
    make_deck: DeckFactory, path: str, expected: str
) -> None:
    found = _problems(make_deck, {"a.yaml": CSV_CHART.replace("data/pm.csv", path)})
    assert [line for line in found if expected in line], found


def test_a_table_reads_its_csv_file_with_the_header_first(make_deck: DeckFactory) -> None:
    section = TABLE.split("    table:\n")[0] + "    table: {csv: t.csv}\n"
    deck = load_deck(make_deck({"a.yaml": section, "t.csv": "Name,V\nAlpha,1.50\nB,\n"})).deck
    assert deck is not None
    table = deck.refs[0].slide.table
    assert table is not None
    assert table.columns == ("Name", "V") and table.csv == "t.csv"
    assert table.rows == (("Alpha", Number(1.5, 2)), ("B", None))
