"""The figures layout: the arrangements tried, best first, and what a crowded slide in two
languages gives up (the secondary labels, never a value) rather than run off the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF

from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.model import Deck
from desktop.core.theme import load_theme
from desktop.render.builder import same_scale
from desktop.render.figures import FIGURE_SHRINKS, Try, _fit_labels, _fit_taller, tries
from desktop.render.fonts import register_fonts
from desktop.render.qtapp import ensure_gui_app
from desktop.render.renderer import SlideRenderer
from desktop.render.text import Para, TextBox
from desktop.render.text_shared import LaidOut
from tests.conftest import MINIMAL_DECK, DeckFactory


def test_one_language_tries_three_a_row_before_two_at_every_size() -> None:
    found = tries(6, bilingual=False)
    assert found[:2] == [Try(2, 1.0), Try(3, 1.0)]  # 3×2 before 2×3
    assert all(t.second and not t.full for t in found)


def test_two_languages_keep_both_labels_before_the_primary_alone() -> None:
    found = tries(4, bilingual=True)
    seconds = [t.second for t in found]
    assert seconds.index(False) == seconds.count(True)  # every try with both first
    at_full_size = [t for t in found if t.shrink == FIGURE_SHRINKS[0] and t.second]
    # content-wide cards, then as wide as their columns, then four in one row
    assert at_full_size == [Try(2, 1.0), Try(2, 1.0, full=True), Try(1, 1.0, full=True)]


def _six_figures(make_deck: DeckFactory, label_zh: str) -> Deck:
    figures = "".join(
        f"      - value: {{en: '{value}', zh: '{value}'}}\n"
        f"        label: {{en: the figure's label of a few words {n}, zh: {label_zh}{n}}}\n"
        for n, value in enumerate(["~¥3 tn", "3.7%", "27 m TEU", "15%", "¥1 tn+", "US$7 bn+"])
    )
    section = (
        "title: {en: S, zh: 节}\nslides:\n  - layout: figures\n"
        "    title: {en: Six figures, zh: 六个数字}\n"
        "    subtitle: {en: A subtitle, zh: 副标题}\n"
        "    sources: [src]\n    figures:\n" + figures
    )
    result = load_deck(
        make_deck({"deck.yaml": "languages: [en, zh]\n" + MINIMAL_DECK, "a.yaml": section})
    )
    assert result.deck is not None, [p.format() for p in result.problems]
    return localize(result.deck, DisplayLanguage("en", "zh"))


def _labels(deck: Deck) -> tuple[list[list[str]], list[int], bool]:
    layout = SlideRenderer(deck, load_theme("high-contrast")).layout(0)
    texts = layout.texts()
    labels = [[p.text for p in t.box.paras] for t in texts if t.role == "figure-label"]
    lefts = sorted({round(t.rect.left()) for t in texts if t.role == "figure-value"})
    return labels, lefts, bool(layout.overflowing())


def test_six_figures_in_two_languages_fit_three_a_row(make_deck: DeckFactory) -> None:
    labels, lefts, overflowing = _labels(_six_figures(make_deck, "标签"))
    assert not overflowing and len(lefts) == 3
    assert labels[0] == ["the figure's label of a few words 0", "标签0"]


def test_too_long_a_secondary_label_is_left_out_but_never_a_value(
    make_deck: DeckFactory,
) -> None:
    deck = _six_figures(make_deck, "一个很长很长的中文标签，" * 6)
    labels, lefts, overflowing = _labels(deck)
    assert not overflowing and len(lefts) == 3
    assert labels == [[f"the figure's label of a few words {n}"] for n in range(6)]
    layout = SlideRenderer(deck, load_theme("high-contrast")).layout(0)
    values = [t.box.paras[0].text for t in layout.texts() if t.role == "figure-value"]
    assert values == ["~¥3 tn", "3.7%", "27 m TEU", "15%", "¥1 tn+", "US$7 bn+"]


def _labels_at(heights: list[float], shared: LaidOut) -> list[TextBox]:
    """Figure labels in two languages (a label and its smaller secondary text) in cards of
    *heights*, not fitted yet."""
    ensure_gui_app()
    register_fonts()
    text = "the share of the port's container traffic moved by rail"
    return [
        TextBox(
            QRectF(0, 0, 420, height),
            [
                Para(text, 32.0, "#333333"),
                Para("集装箱海铁联运占港口集装箱吞吐量的比例", 26.0, "#666"),
            ],
            ("Briefing Sans", "Briefing Sans SC"),
            min_size=26.0,
            shared=shared,
        )
        for height in heights
    ]


def test_labels_beside_an_overflowing_one_are_set_at_its_floor_without_a_search() -> None:
    """One label overflows its card: the others end at its floor once set to one scale, so
    they are fitted to it at once, as fitting each and then all to the smallest would."""
    heights = [120.0, 200.0, 400.0]  # overflowing; searched, at 0.92; at full size
    reference = _labels_at(heights, LaidOut())
    for label in reference:
        label.fit()
    same_scale(reference)
    shared = LaidOut()
    labels = _labels_at(heights, shared)
    overflowing = [label.overflows() for label in labels]
    assert overflowing == [True, False, False] == [label.overflow for label in reference]
    _fit_labels(labels, overflowing)
    assert [(b.scale, b.overflow, b.content_size()) for b in labels] == [
        (b.scale, b.overflow, b.content_size()) for b in reference
    ]
    assert len(shared) <= 3  # full size and the floor: no label searched for its own scale


def test_labels_given_more_room_are_set_at_the_other_rows_scale_without_a_search() -> None:
    """A row's labels re-measured in the room the others leave end at the others' scale
    when they could not be set smaller: fitted to it at once, as fitting each and then all
    to the smallest would."""
    heights = [200.0, 400.0]  # one searched (0.92) alone, one at full size
    kept = _labels_at([120.0], LaidOut())[0].floor_scale()  # an overflowing row's floor
    reference = _labels_at(heights, LaidOut())
    for label in reference:
        label.fit()
        if label.scale > kept:
            label.fit(max_scale=kept)
    shared = LaidOut()
    taller = _labels_at(heights, shared)
    _fit_taller(taller, kept)
    assert [(b.scale, b.overflow, b.content_size()) for b in taller] == [
        (b.scale, b.overflow, b.content_size()) for b in reference
    ]
    assert all(b.scale == kept for b in taller) and len(shared) == 1  # only at that scale


def _bundled_figures(display: str, theme: str, aspect: str) -> list[list[object]]:
    """Every box of the bundled deck's figures slides shown in *display*, as laid out."""
    import dataclasses

    from desktop.core.model import Layout
    from desktop.core.resources import bundled_deck

    loaded = load_deck(bundled_deck()).deck
    assert loaded is not None
    shown = localize(
        dataclasses.replace(loaded, aspect=aspect),
        DisplayLanguage.parse(display, loaded.languages),
        theme=load_theme(theme),
    )
    renderer = SlideRenderer(shown, load_theme(theme))
    return [
        [
            (box.name, box.scale, box.overflow, box.rect.getRect(), box.document.toPlainText())
            for box in renderer.layout(ref.index).boxes
            if box.document is not None
        ]
        for ref in shown.refs
        if ref.slide.layout is Layout.FIGURES
    ]


VARIANTS = [
    ("en+zh", "default", "16:9"),
    ("zh+en", "high-contrast", "4:3"),
    ("en", "default", "4:3"),
]


@pytest.mark.parametrize(("display", "theme", "aspect"), VARIANTS)
def test_what_the_tries_share_lays_the_cards_out_as_each_try_alone(
    display: str, theme: str, aspect: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The values kept by rows and size, the labels' paragraphs and where they overflow: the
    same boxes as every try measuring its own."""
    from desktop.render import figures

    shared = _bundled_figures(display, theme, aspect)
    arrange = figures._Slide.arrange

    def alone(self: figures._Slide, arrangement: Try, whole: bool = True) -> object:
        return arrange(figures._Slide(self.b, self.body), arrangement, whole)

    monkeypatch.setattr(figures._Slide, "arrange", alone)
    assert _bundled_figures(display, theme, aspect) == shared


def test_the_values_are_measured_once_for_every_try_with_their_rows_and_size(
    make_deck: DeckFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collections import Counter

    from desktop.render import builder, figures

    deck = _six_figures(make_deck, "一个很长很长的中文标签，" * 6)  # every try with both fails
    values: Counter[int] = Counter()
    tried: dict[int, list[tuple[int, float]]] = {}
    measure, arrange = builder.LayoutBuilder.measure, figures._Slide.arrange

    def measured(self: builder.LayoutBuilder, *args: object, **kwargs: object) -> TextBox:
        values[id(self)] += str(args[2]).startswith("figure-value-")
        return measure(self, *args, **kwargs)  # type: ignore[arg-type]

    def arranged(self: figures._Slide, arrangement: Try, whole: bool = True) -> object:
        tried.setdefault(id(self.b), []).append((arrangement.rows, arrangement.shrink))
        return arrange(self, arrangement, whole)

    monkeypatch.setattr(builder.LayoutBuilder, "measure", measured)
    monkeypatch.setattr(figures._Slide, "arrange", arranged)
    SlideRenderer(deck, load_theme("high-contrast")).layout(0)
    for b, made in tried.items():
        assert len(made) > len(set(made))  # tries with the same values
        assert values[b] == 6 * len(set(made))


def test_a_try_whose_rows_all_need_more_room_is_given_up_before_its_labels_are_fitted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bundled four-card slides in two languages: the first try (two rows of cards as
    wide as their values) has a label overflowing at its floor in each row, so no row has
    room to give; it is given up before any label is fitted, and only the try taken (the
    cards as wide as their columns) fits its labels."""
    from desktop.core.resources import bundled_deck
    from desktop.render import figures

    loaded = load_deck(bundled_deck()).deck
    assert loaded is not None
    shown = localize(loaded, DisplayLanguage.parse("en+zh", loaded.languages))
    fitted: list[int] = []
    fit_labels = figures._fit_labels

    def counted(labels: list[TextBox], overflowing: list[bool]) -> None:
        fitted.append(len(labels))
        fit_labels(labels, overflowing)

    monkeypatch.setattr(figures, "_fit_labels", counted)
    renderer = SlideRenderer(shown, load_theme("default"))
    for slide in ("binhai-new-area-3", "green-low-carbon-3"):
        fitted.clear()
        index = shown.index_of(slide)
        assert index is not None
        layout = renderer.layout(index)
        assert fitted == [4]
        assert not layout.overflowing()
