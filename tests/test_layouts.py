"""The layouts: each declared once (desktop.core.layouts), drawn by one builder (render)."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
from PySide6.QtCore import QRectF

from desktop.core import format as fmt
from desktop.core.layouts import LAYOUT_NAMES, Layout
from desktop.core.loader import load_deck
from desktop.core.model import Deck, Section, Slide, slide_label
from desktop.core.problems import Location
from desktop.render import figures, layouts
from desktop.render.layouts import BUILDERS, LayoutBuilder, builds
from desktop.render.renderer import SlideRenderer
from tests.conftest import DeckFactory, FilesLoader, section_yaml

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "example-deck"

EVERY_CONTENT_FIELD = """\
title: S
slides:
  - layout: {layout}
    sources: [src]
    title: A title
    subtitle: A subtitle
    bullets: [a bullet]
    figures: [{{value: "1", label: one}}]
    quote: {{text: A quotation}}
    left: [left]
    right: [right]
    left_title: Left
    right_title: Right
    image: {{path: dot.svg}}
    table: {{columns: [a], rows: [[1]]}}
    chart: {{categories: [a], series: [{{values: [1]}}]}}
"""
DOT_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


def test_every_layout_has_exactly_one_builder() -> None:
    assert set(BUILDERS) == set(Layout)
    assert len({builder.draw for builder in BUILDERS.values()}) == len(Layout)


def test_a_second_builder_for_a_layout_is_refused() -> None:
    before = dict(BUILDERS)
    with pytest.raises(ValueError, match="layout `quote` already has a builder"):
        builds(Layout.QUOTE)(layouts.bullets)
    assert before == BUILDERS


def test_a_layout_is_found_by_its_name() -> None:
    assert [Layout.named(name) for name in LAYOUT_NAMES] == list(Layout)
    assert len(set(LAYOUT_NAMES)) == len(Layout)
    assert fmt.LAYOUTS == LAYOUT_NAMES
    assert Layout.named("figure") is None
    assert Layout.named("") is None


def test_layouts_name_only_content_fields_each_once() -> None:
    content = set(fmt.SLIDE.field_names()) - set(fmt.SLIDE_COMMON)
    for layout in Layout:
        assert set(layout.uses) <= content, layout
        assert len(set(layout.uses)) == len(layout.uses), layout
    assert set(fmt.SLIDE_COMMON) <= set(fmt.SLIDE.field_names())


def test_the_bullet_lists_are_the_fields_of_bullets() -> None:
    assert fmt.BULLET_LISTS == ("bullets", "left", "right")


@pytest.mark.parametrize("layout", [x for x in Layout if x.needs], ids=lambda x: x.value)
def test_the_loader_and_the_schema_require_what_a_layout_needs(
    layout: Layout, make_deck: DeckFactory
) -> None:
    folder = make_deck({"a.yaml": f"title: S\nslides:\n  - layout: {layout.value}\n"})
    errors = [p.message for p in load_deck(folder).problems if p.is_error]
    assert errors == [
        f"layout `{layout.value}` needs `{need}`; add it or choose another layout"
        for need in layout.needs
    ]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {"title": "S", "slides": [{"layout": layout.value}]}, fmt.json_schema("section")
        )


@pytest.mark.parametrize("layout", list(Layout), ids=lambda x: x.value)
def test_fields_a_layout_does_not_show_are_warned_about(
    layout: Layout, make_deck: DeckFactory
) -> None:
    folder = make_deck(
        {"a.yaml": EVERY_CONTENT_FIELD.format(layout=layout.value), "dot.svg": DOT_SVG}
    )
    result = load_deck(folder)
    assert result.deck is not None, result.problems
    ignored = [p.field for p in result.problems if "is not shown by layout" in p.message]
    content = [name for name in fmt.SLIDE.field_names() if name not in fmt.SLIDE_COMMON]
    assert ignored == [f"slides[0].{name}" for name in content if name not in layout.uses]
    assert result.deck.refs[0].slide.layout is layout


def test_only_content_slides_must_cite_sources(make_deck: DeckFactory) -> None:
    slides = "".join(
        f"  - layout: {layout.value}\n    title: T\n    bullets: [b]\n    figures:"
        ' [{value: "1", label: l}]\n    quote: {text: q}\n    left: [l]\n    right: [r]\n'
        "    image: {path: dot.svg}\n    table: {columns: [a], rows: [[1]]}\n"
        "    chart: {categories: [a], series: [{values: [1]}]}\n"
        for layout in Layout
    )
    folder = make_deck({"a.yaml": f"title: S\nslides:\n{slides}", "dot.svg": DOT_SVG})
    result = load_deck(folder)
    assert result.deck is not None
    uncited = {p.message.split("`")[1] for p in result.problems if "no `sources`" in p.message}
    assert uncited == {f"a-{n + 1}" for n, layout in enumerate(Layout) if layout.is_content}


def _model_deck(*layouts: Layout) -> Deck:
    origin = Location(Path("deck/a.yaml"), 1, 1)
    slides = tuple(Slide(f"s{n}", layout, origin) for n, layout in enumerate(layouts))
    return Deck("Deck", Path("deck"), (Section("a", "Section", Path("a.yaml"), slides),))


@pytest.mark.parametrize("layout", [x for x in Layout if x.default_title], ids=lambda x: x.value)
def test_a_slide_without_a_title_shows_its_layouts_default_title(layout: Layout) -> None:
    deck = _model_deck(layout)
    ref = deck.refs[0]
    built = LayoutBuilder(deck, SlideRenderer(deck).theme, ref).build()
    [title] = [box for box in built.boxes if box.name == "title"]
    assert [para.text for para in title.paras] == [layout.default_title]
    assert slide_label(deck, ref) == layout.default_title


def test_framed_builders_get_the_footer_and_the_others_the_whole_canvas() -> None:
    deck = load_deck(EXAMPLE).deck
    assert deck is not None
    renderer = SlideRenderer(deck)
    for ref in deck.refs:
        names = {box.name for box in renderer.layout(ref.index).boxes}
        assert ("footer" in names) is BUILDERS[ref.slide.layout].framed, ref.slide.layout


def test_slides_of_layouts_without_default_titles_are_numbered() -> None:
    deck = _model_deck(Layout.BULLETS, Layout.QUOTE)
    assert [slide_label(deck, ref) for ref in deck.refs] == ["Slide 1", "Slide 2"]


FIGURES_SECTION = """\
title: S
slides:
  - layout: figures
    sources: [src]
    title: Figures
    figures:
      - {{value: "1", label: "{long}"}}
      - {{value: "2", label: two}}
      - {{value: "3", label: three}}
      - {{value: "4", label: four}}
"""


def test_a_figures_try_is_given_up_at_its_first_overflowing_label(
    make_deck: DeckFactory,
) -> None:
    section = FIGURES_SECTION.format(long="a label far too long for any card " * 25)
    deck = load_deck(make_deck({"a.yaml": section})).deck
    assert deck is not None
    theme, ref = SlideRenderer(deck).theme, deck.refs[0]
    body = QRectF(120, 260, 1680, 640)
    given_up = LayoutBuilder(deck, theme, ref)
    assert figures._Slide(given_up, body).arrange(figures.Try(2, 1.0), whole=False) is None
    whole = LayoutBuilder(deck, theme, ref)
    cards = figures._Slide(whole, body).arrange(figures.Try(2, 1.0))
    assert cards is not None and not cards.fits and len(cards.cards) == 4
    # The other labels were never laid out: fewer documents than the whole try made.
    assert len(given_up.laid_out) < len(whole.laid_out)
    # Nothing fits, so the slide draws its last try whole: every card, the first overflowing.
    built = SlideRenderer(deck).layout(0)
    labels = [box for box in built.boxes if box.name.startswith("figure-label-")]
    assert [box.overflow for box in labels] == [True, False, False, False]


def test_the_parts_of_a_bullets_slide_share_one_text_size(load_files: FilesLoader) -> None:
    import dataclasses

    from desktop.core.languages import DisplayLanguage, localize
    from desktop.core.theme import load_theme
    from tests.test_paging_content import DECK_YAML, _bullets

    files = {"deck.yaml": DECK_YAML, "a.yaml": section_yaml("{en: A, zh: 甲}", _bullets(7))}
    deck = dataclasses.replace(load_files(files), aspect="4:3")
    theme = load_theme("default")
    shown = localize(deck, DisplayLanguage("en", "zh"), theme=theme)
    renderer = SlideRenderer(shown, theme)
    assert shown.slide_count == 2  # four bullets, then three
    scales = {
        round(box.scale, 3)
        for ref in shown.refs
        for box in renderer.layout(ref.index).boxes
        if box.name == "bullets"
    }
    assert len(scales) == 1  # the fuller part's: the parts look alike


def test_the_scale_of_bullets_in_parts_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every part of a bullets slide finds the same scale, measuring every part's bullets: the
    first part laid out does, the later ones take its scale and measure only their own."""
    from desktop.core.languages import DisplayLanguage, localize
    from desktop.core.resources import bundled_deck
    from desktop.core.theme import load_theme

    loaded = load_deck(bundled_deck()).deck
    assert loaded is not None
    theme = load_theme("high-contrast")
    shown = localize(loaded, DisplayLanguage("en", "zh"), theme=theme)
    renderer = SlideRenderer(shown, theme)
    (first, *later) = next(
        [ref for ref in shown.refs if ref.slide.whole is r.slide.whole]
        for r in shown.refs
        if r.slide.layout is Layout.BULLETS and r.slide.parts > 1
    )
    measure = LayoutBuilder.measure
    measured: list[str] = []

    def counted(self: LayoutBuilder, *args: object, **kwargs: object) -> object:
        if args[2] == "bullets":
            measured.append(self.ref.slide.id)
        return measure(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(LayoutBuilder, "measure", counted)
    renderer.layout(first.index)
    assert {ref.slide.id for ref in [first, *later]} <= set(measured)
    for ref in later:
        measured.clear()
        renderer.layout(ref.index)
        assert set(measured) == {ref.slide.id}
