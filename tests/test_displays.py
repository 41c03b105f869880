"""The display languages a window offers: names, choices, the key's round, reloads, marks.

No Qt; the decks are written here.
"""

from __future__ import annotations

from desktop.core.displays import (
    choices,
    cycled,
    kept,
    label,
    parsed,
    untranslated,
    untranslated_text,
)
from desktop.core.languages import DisplayLanguage, localize
from tests.conftest import TWO_LANGUAGE_DECK, TWO_LANGUAGE_SECTION, FilesLoader

EN, ZH, FR = DisplayLanguage("en"), DisplayLanguage("zh"), DisplayLanguage("fr")
EN_ZH, ZH_EN = DisplayLanguage("en", "zh"), DisplayLanguage("zh", "en")


def test_each_language_then_each_ordered_pair() -> None:
    assert choices(("en", "zh")) == (EN, ZH, EN_ZH, ZH_EN)
    assert choices(("en",)) == (EN,)
    assert len(choices(("en", "zh", "fr"))) == 3 + 6


def test_names_from_the_table_and_the_code_for_others() -> None:
    assert label(EN_ZH) == "English + 中文"
    assert label(ZH) == "中文"
    assert label(DisplayLanguage("xx")) == "xx"


def test_the_key_goes_round_primary_secondary_both() -> None:
    languages = ("en", "zh")
    assert [cycled(d, languages) for d in (EN, ZH, EN_ZH)] == [ZH, EN_ZH, EN]
    assert cycled(ZH_EN, languages) == EN  # chosen in the menu: off the round
    assert cycled(EN, ("en",)) == EN
    assert cycled(DisplayLanguage("fr"), ("en", "zh", "fr")) == EN_ZH


def test_a_reload_keeps_the_display_while_the_deck_has_its_languages() -> None:
    assert kept(EN_ZH, ("en", "zh")) == EN_ZH
    assert kept(EN_ZH, ("en",)) == EN
    assert kept(ZH, ("fr", "en")) == FR


def test_a_remembered_choice_is_read_for_the_deck_it_is_for() -> None:
    assert parsed("zh+en", ("en", "zh")) == ZH_EN
    assert parsed("", ("zh", "en")) == ZH
    assert parsed("fr", ("en", "zh")) == EN
    assert parsed("en+en", ("en", "zh")) == EN


def test_what_a_shown_slide_lacks_in_each_language_shown(load_files: FilesLoader) -> None:
    deck = load_files({"deck.yaml": TWO_LANGUAGE_DECK, "a.yaml": TWO_LANGUAGE_SECTION})
    points, complete = (ref.slide for ref in deck.refs)
    assert untranslated(points, deck) == {}  # the primary lacks nothing
    zh = localize(deck, ZH)
    missing = untranslated(zh.refs[0].slide, zh)
    assert missing == {"zh": ("subtitle", "bullets[1]")}
    assert untranslated_text(missing) == "no zh text: subtitle, bullets[1]"
    both = localize(deck, EN_ZH)
    assert untranslated(both.refs[0].slide, both) == {"zh": ("subtitle", "bullets[1]")}
    assert untranslated(zh.refs[1].slide, zh) == {}
    assert untranslated(complete, deck) == {}
