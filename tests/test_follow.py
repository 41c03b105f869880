"""Where a viewer goes when the deck changes under it (desktop.core.follow): a reload, or a
display language whose slides are in other parts. No Qt."""

from __future__ import annotations

from desktop.core.follow import follow, follow_map
from desktop.core.languages import DisplayLanguage, localize
from desktop.core.model import Deck
from tests.conftest import FilesLoader, section_yaml
from tests.test_paging_content import DECK_YAML, EN, EN_ZH, ZH, _bullets


def _deck(load_files: FilesLoader) -> Deck:
    """A cover, a bullets slide too full for two languages (``full``), and a closing slide."""
    return load_files(
        {
            "deck.yaml": DECK_YAML,
            "a.yaml": section_yaml(
                "{en: A, zh: 甲}",
                "{id: cover, layout: title}",
                _bullets(8),
                "{id: end, layout: bullets, title: {en: End, zh: 完}, bullets: [x],"
                " sources: [src]}",
            ),
        }
    )


def _ids(deck: Deck) -> list[str]:
    return [ref.slide.id for ref in deck.refs]


def test_a_part_the_new_display_lacks_goes_to_its_slide_not_a_neighbour(
    load_files: FilesLoader,
) -> None:
    one = _deck(load_files)
    both = localize(one, EN_ZH)
    assert _ids(one) == ["cover", "full", "end"]
    assert _ids(both) == ["cover", "full", "full~2", "end"]
    # Two languages -> one: the second part is the slide itself (the nearest-survivor rule
    # would have gone on to the next slide, "end").
    assert follow_map(both, one) == (0, 1, 1, 2)
    assert follow(both, one, 2) == 1
    # One language -> two: a slide goes to its first part, the rest by id.
    assert follow_map(one, both) == (0, 1, 3)
    # Chinese alone is paged as English alone: the same slides.
    assert follow_map(both, localize(one, ZH)) == (0, 1, 1, 2)


def test_displays_paged_alike_have_the_same_slides(load_files: FilesLoader) -> None:
    one = _deck(load_files)
    pair = (EN_ZH, EN)
    room, console = localize(one, EN_ZH, pair), localize(one, EN, pair)
    assert _ids(room) == _ids(console) == _ids(localize(one, EN_ZH))
    assert follow_map(room, console) == tuple(range(4))
    assert localize(one, DisplayLanguage("zh"), (ZH, EN)) is localize(one, ZH, (EN,))
