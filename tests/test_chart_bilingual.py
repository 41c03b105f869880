"""Charts in two languages: every text with its second language (below or beside it) and a
plot kept readable, the note set smaller or beside the plot where it does not fit below."""

from __future__ import annotations

import pytest

from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.model import Deck
from desktop.core.theme import load_theme
from desktop.render.builder import SlideLayout
from desktop.render.items import ChartArea
from desktop.render.renderer import SlideRenderer
from tests.conftest import DeckFactory, chart_section


def _laid(deck: Deck) -> SlideLayout:
    return SlideRenderer(deck, load_theme("default")).layout(0)


BILINGUAL_SERIES = (
    "        - {name: {en: Containers, zh: 集装箱}, values: [21, 22.18, 27]}\n"
    "        - {name: {en: Other, zh: 其他}, values: [9, 10, 12]}"
)


def _bilingual_chart(
    make_deck: DeckFactory,
    type: str = "bar",
    horizontal: str = "false",
    note: str = "A note.",
    head: str = "",
    aspect: str = "16:9",
) -> SlideLayout:
    section = (
        chart_section(type=type, series=BILINGUAL_SERIES)
        .replace('"2027 target"]', "{en: 2027 target, zh: 2027年目标}]", 1)
        .replace("    title: Port\n", "    title: Port\n" + head)
        .replace(
            "      unit: million TEU\n",
            "      unit: {en: million TEU, zh: 百万标准箱}\n"
            f"      horizontal: {horizontal}\n"
            f"      note: {{en: {note}, zh: 2022年：中国日报}}\n",
        )
    )
    folder = make_deck({"a.yaml": section}, name=f"bi-{type}-{horizontal}-{len(note)}-{aspect[0]}")
    deck_yaml = (folder / "deck.yaml").read_text(encoding="utf-8")
    deck_yaml = f"languages: [en, zh]\naspect: '{aspect}'\n" + deck_yaml
    (folder / "deck.yaml").write_text(deck_yaml, encoding="utf-8")
    result = load_deck(folder)
    assert result.deck is not None, [p.format() for p in result.problems]
    return _laid(localize(result.deck, DisplayLanguage("en", "zh")))


@pytest.mark.parametrize(
    ("type", "horizontal"), [("bar", "false"), ("line", "false"), ("bar", "true")]
)
def test_a_charts_labels_show_both_languages_without_overlapping(
    make_deck: DeckFactory, type: str, horizontal: str
) -> None:
    layout = _bilingual_chart(make_deck, type, horizontal)
    chart = [t for t in layout.texts() if t.role.startswith("chart-")]
    texts = [[p.text for p in t.box.paras] for t in chart]
    assert ["2027 target", "2027年目标"] in texts  # a category: the second language below
    assert ["A note.", "2022年：中国日报"] in texts
    for primary, second in (
        ("million TEU", "百万标准箱"),
        ("Containers", "集装箱"),
        ("Target", "目标"),
    ):
        (first,) = [t.rect for t in chart if t.box.paras[0].text == primary]
        (beside,) = [t for t in chart if t.box.paras[0].text == second]
        assert beside.rect.left() > first.left()  # beside it, on its row
        assert beside.box.paras[0].color == load_theme("default").color("secondary")
    drawn = [t.box.drawn_rect() for t in chart]
    for n, a in enumerate(drawn):
        for b in drawn[n + 1 :]:
            assert not a.adjusted(1, 1, -1, -1).intersects(b.adjusted(1, 1, -1, -1)), (a, b)
    assert not layout.overflowing()


def test_a_long_bilingual_note_is_set_beside_the_plot_whole(make_deck: DeckFactory) -> None:
    """On a 16:9 slide the plot keeps the left 62 % and the note, in both languages, is set
    to its right, top-aligned with the plot: the plot keeps its room and nothing is left out."""
    long = " ".join(["A note that goes on for a good while"] * 3)
    head = "    subtitle: {en: Results against the aim, zh: 实绩与目标}\n"
    layout = _bilingual_chart(make_deck, note=long, head=head)
    (note,) = [t for t in layout.texts() if t.role == "chart-note"]
    assert [p.text for p in note.box.paras] == [long, "2022年：中国日报"]
    (area,) = [a for a in layout.areas if isinstance(a, ChartArea)]
    assert area.left_out == ()
    chart = note.box.rect.united(area.rect)  # the chart's body: the plot's and the note's
    assert area.plot.right() < note.rect.left()
    assert area.rect.width() / chart.width() == pytest.approx(0.62, abs=0.01)
    assert note.box.rect.top() == pytest.approx(area.plot.top(), abs=0.5)
    assert area.plot.height() >= 0.4 * chart.height()
    assert not layout.overflowing()


def test_a_long_bilingual_note_on_a_narrow_slide_keeps_its_chinese(
    make_deck: DeckFactory,
) -> None:
    """At 4:3 the note is set at the theme's minimum below the plot where that leaves the
    plot its room, else beside it: never without its second language."""
    long = " ".join(["A note that goes on for a good while"] * 3)
    head = "    subtitle: {en: Results against the aim, zh: 实绩与目标}\n"
    layout = _bilingual_chart(make_deck, note=long, head=head, aspect="4:3")
    (note,) = [t for t in layout.texts() if t.role == "chart-note"]
    assert [p.text for p in note.box.paras] == [long, "2022年：中国日报"]
    assert ["2027 target", "2027年目标"] in [[p.text for p in t.box.paras] for t in layout.texts()]
    (area,) = [a for a in layout.areas if isinstance(a, ChartArea)]
    assert area.left_out == ()
    assert note.size >= load_theme("default").size("min_text") - 0.01
    assert not layout.overflowing()


def test_an_arrangement_whose_plot_is_too_short_is_not_laid_out_whole(
    make_deck: DeckFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note tried below a plot that leaves it too short: the layout stops once the
    categories say so (no ticks, values or bars for it); the note beside is laid out whole."""
    from desktop.render import chart_canvas

    made: list[str] = []
    box = chart_canvas.ChartCanvas.box

    def counting(self: chart_canvas.ChartCanvas, *args: object, **kwargs: object) -> object:
        made.append(str(args[3]) if len(args) > 3 else str(kwargs.get("name")))
        return box(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(chart_canvas.ChartCanvas, "box", counting)
    long = " ".join(["A note that goes on for a good while"] * 3)
    head = "    subtitle: {en: Results against the aim, zh: 实绩与目标}\n"
    layout = _bilingual_chart(make_deck, note=long, head=head)
    (area,) = [a for a in layout.areas if isinstance(a, ChartArea)]
    assert area.rect.width() < layout.size.width() * 0.6  # the note went beside
    drawn_ticks = [b for b in layout.boxes if b.name.startswith("chart-tick-")]
    assert len([name for name in made if name.startswith("chart-tick-")]) == len(drawn_ticks)
    assert made.count("chart-category-0") == 2  # below (stopped there), then beside
