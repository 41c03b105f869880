"""Texts in several languages: the format, its problems, and the deck in a display language.

No Qt. The loader's problems are checked as ``check`` prints them (``file:line:col``), the
projection (:func:`desktop.core.languages.localize`) on small decks written here.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Final

import pytest

from desktop.cli import main
from desktop.core.languages import DisplayLanguage, localize, missing_texts
from desktop.core.loader import load_deck
from desktop.core.model import Bullet, Figure, Image, Layout, Quote, Slide
from desktop.core.problems import Location
from tests.conftest import DeckFactory, FilesLoader

TWO: Final = """\
title: {en: Test deck, zh: 测试}
languages: [en, zh]
sources:
  - id: src
    title: {en: A source, zh: 来源}
    publisher: Publisher
"""

SECTION: Final = """\
title:
  en: First section
  zh: 第一节
slides:
  - layout: section
  - title: {en: Points, zh: 要点}
    subtitle: Only English
    bullets:
      - {en: one, zh: 一}
      - two
      - text: {en: parent, zh: 父}
        bullets: [{en: child, zh: 子}, child two]
    sources: [src]
    notes:
      en: |
        Hello **there**.
      zh: |
        你好。
"""


def problems(make_deck: DeckFactory, files: dict[str, str | bytes | None]) -> list[str]:
    """What ``load_deck`` reports, each as ``file:line:col: severity: message``."""
    root = make_deck(files)
    return [p.format(root) for p in load_deck(root).problems]


@pytest.fixture
def two(load_files: FilesLoader) -> object:
    return load_files({"deck.yaml": TWO, "a.yaml": SECTION})


# -- the format -------------------------------------------------------------------------------


def test_both_forms_load_with_the_primary_text_in_the_fields(load_files: FilesLoader) -> None:
    deck = load_files({"deck.yaml": TWO, "a.yaml": SECTION})
    assert deck.languages == ("en", "zh")
    assert (deck.title, deck.sources[0].title, deck.sources[0].publisher) == (
        "Test deck",
        "A source",
        "Publisher",
    )
    section = deck.sections[0]
    slide = section.slides[1]
    assert (section.title, section.title_zh) == ("First section", "第一节")
    assert slide.title == "Points"
    assert slide.bullets == (Bullet("one"), Bullet("two"), Bullet("parent", ("child", "child two")))
    assert slide.notes == "Hello **there**.\n"
    assert slide.translations["zh"] == {
        "title": "要点",
        "bullets[0]": "一",
        "bullets[2].text": "父",
        "bullets[2].bullets[0]": "子",
        "notes": "你好。\n",
    }
    assert deck.translations["zh"] == {"title": "测试", "sources[0].title": "来源"}


def test_texts_in_a_language_are_located_at_their_own_value(load_files: FilesLoader) -> None:
    slide = load_files({"deck.yaml": TWO, "a.yaml": SECTION}).sections[0].slides[1]
    file = slide.origin.file
    zh = [(t.field, t.text, t.location, t.language) for t in slide.texts("zh")]
    assert zh[:2] == [
        ("slides[1].title", "要点", Location(file, 6, 29), "zh"),
        ("slides[1].bullets[0]", "一", Location(file, 9, 23), "zh"),
    ]
    assert [t.field for t in slide.texts("en")] == [t.field for t in slide.texts()]
    assert [t.language for t in slide.texts()] == [""] * 8


def test_a_one_language_deck_is_as_before(load_files: FilesLoader) -> None:
    deck = load_files()  # no `languages`; its section has `title_zh`
    assert deck.languages == ("en",)
    section = deck.sections[0]
    assert section.title_zh == "第一节"
    assert section.translations == {} and section.slides[1].translations == {}
    assert missing_texts(deck) == {}
    assert localize(deck, DisplayLanguage("en")) is deck


def test_title_zh_is_the_zh_title_of_a_deck_that_declares_zh(load_files: FilesLoader) -> None:
    section = "title: Overview\ntitle_zh: 概览\nslides:\n  - layout: section\n"
    deck = load_files({"deck.yaml": TWO, "a.yaml": section})
    assert deck.sections[0].translations["zh"] == {"title": "概览"}
    assert localize(deck, DisplayLanguage("zh")).sections[0].title == "概览"


# -- problems -------------------------------------------------------------------------------

LANGUAGE_ERRORS: Final = [
    (
        "title: {en: Bad, fr: Mauvais, eng: x}",
        [
            "a.yaml:3:22: error: unknown language `fr` in `slides[0].title` (the deck's"
            " languages are en, zh); add `fr` to `languages` in deck.yaml, or remove this text",
            "a.yaml:3:35: error: unknown language `eng` in `slides[0].title` (the deck's"
            " languages are en, zh); did you mean `en`?",
        ],
    ),
    (
        "title: {ZH: 坏, en: Bad}",
        [
            "a.yaml:3:13: error: `slides[0].title.ZH`: 'ZH' is not a language code; write a"
            " lower-case code such as `en`, `zh` or `zh-Hant`",
        ],
    ),
    (
        'title: {zh: 只有中文, en: ""}',
        [
            "a.yaml:3:12: error: `slides[0].title` has no en text, and en is the deck's primary"
            " language (the first of `languages`); add `en: …`",
        ],
    ),
    (
        "bullets: [{en: a, text: b}]",
        [
            "a.yaml:3:15: error: `slides[0].bullets[0].bullets` is required; add it",
            "a.yaml:3:16: error: `slides[0].bullets[0]` mixes language codes (`en`) with the keys"
            " of a bullet (`text`); write the languages inside `text`: `text: {en: …}`",
        ],
    ),
]


@pytest.mark.parametrize(("slide", "expected"), LANGUAGE_ERRORS)
def test_language_errors_are_located(
    make_deck: DeckFactory, slide: str, expected: list[str]
) -> None:
    section = f"title: {{en: S, zh: 节}}\nslides:\n  - {slide}\n    layout: section\n"
    errors = [line for line in problems(make_deck, {"deck.yaml": TWO, "a.yaml": section})]
    assert [line for line in errors if ": error: " in line] == expected


def test_a_code_the_deck_does_not_declare_names_the_default(make_deck: DeckFactory) -> None:
    section = "title: {en: S, zh: 节}\nslides:\n  - layout: section\n"
    assert problems(make_deck, {"a.yaml": section}) == [
        "a.yaml:1:16: error: unknown language `zh` in `title` (the deck's languages are en);"
        " add `zh` to `languages` in deck.yaml, or remove this text"
    ]


def test_languages_must_be_codes_each_once(make_deck: DeckFactory) -> None:
    deck = "title: {en: T, zh: 题}\nlanguages: [en, zh, EN, zh]\n"
    found = problems(make_deck, {"deck.yaml": deck})
    assert [line for line in found if line.startswith("deck.yaml")] == [
        "deck.yaml:2:21: error: `languages[2]` is 'EN': write a lower-case language code such"
        " as `en`, `zh` or `zh-Hant`",
        "deck.yaml:2:25: error: `languages[3]` is 'zh' again (as `languages[1]`); remove one"
        " of them",
    ]


def test_title_zh_beside_a_zh_title_is_an_error_naming_both(make_deck: DeckFactory) -> None:
    section = "title: {en: S, zh: 节}\ntitle_zh: 节\nslides:\n  - layout: section\n"
    found = problems(make_deck, {"deck.yaml": TWO, "a.yaml": section})
    assert [line for line in found if ": error: " in line] == [
        "a.yaml:2:11: error: `title_zh` and `title` (line 1, column 20) both give the section's"
        " zh title; remove `title_zh` and keep `title: {…, zh: …}`, the preferred form"
    ]


def test_a_missing_text_is_a_warning_at_the_field(make_deck: DeckFactory) -> None:
    assert problems(make_deck, {"deck.yaml": TWO, "a.yaml": SECTION}) == [
        "deck.yaml:6:16: warning: no zh text for sources[0].publisher; write it as"
        " `{en: …, zh: …}`",
        "a.yaml:7:15: warning: no zh text for slides[1].subtitle; write it as `{en: …, zh: …}`",
        "a.yaml:10:9: warning: no zh text for slides[1].bullets[1]; write it as `{en: …, zh: …}`",
        "a.yaml:12:39: warning: no zh text for slides[1].bullets[2].bullets[1]; write it as"
        " `{en: …, zh: …}`",
    ]


def test_check_counts_missing_texts_and_strict_fails_on_them(
    make_deck: DeckFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_deck({"deck.yaml": TWO, "a.yaml": SECTION})
    assert main(["check", "--no-render", str(root)]) == 0
    summary = capsys.readouterr().out.splitlines()[-1]
    assert summary == "1 section, 2 slides, 4 problems (4 warnings); texts missing: zh 4"
    assert main(["check", "--no-render", "--strict", str(root)]) == 1


def test_check_says_when_no_text_is_missing(
    make_deck: DeckFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    section = "title: {en: S, zh: 节}\nslides:\n  - layout: section\n"
    deck = "title: {en: T, zh: 题}\nlanguages: [en, zh]\n"
    assert (
        main(
            [
                "check",
                "--no-render",
                "--strict",
                str(make_deck({"deck.yaml": deck, "a.yaml": section})),
            ]
        )
        == 0
    )
    assert capsys.readouterr().out == "1 section, 1 slide, 0 problems; texts missing: zh 0\n"


# -- the projection -----------------------------------------------------------------------------


def test_display_languages_parse_against_the_deck() -> None:
    languages = ("en", "zh")
    assert DisplayLanguage.parse("en+zh", languages) == DisplayLanguage("en", "zh")
    assert str(DisplayLanguage.parse(" zh ", languages)) == "zh"
    for text, message in [
        ("fr", "`fr` is not one of the deck's languages (en, zh)"),
        ("eng", "did you mean `en`?"),
        ("en+zh+fr", "two of them joined by `+`"),
        ("zh+", "two of them joined by `+`"),
        ("zh+zh", "names one language twice"),
    ]:
        with pytest.raises(ValueError, match=re.escape(message)):
            DisplayLanguage.parse(text, languages)


def test_localize_shows_a_language_and_records_the_fallbacks(load_files: FilesLoader) -> None:
    deck = load_files({"deck.yaml": TWO, "a.yaml": SECTION})
    shown = localize(deck, DisplayLanguage("zh"))
    section = shown.sections[0]
    slide = section.slides[1]
    assert (shown.title, shown.sources[0].title, shown.sources[0].publisher) == (
        "测试",
        "来源",
        "Publisher",
    )
    assert shown.fallback == {"sources[0].publisher"}
    assert (section.title, section.title_zh) == ("第一节", "")  # no Chinese name beside it
    assert slide.title == "要点" and slide.subtitle == "Only English"
    assert slide.bullets == (Bullet("一"), Bullet("two"), Bullet("父", ("子", "child two")))
    assert slide.fallback == {"subtitle", "bullets[1]", "bullets[2].bullets[1]"}
    assert slide.secondary == {}
    assert shown.refs[1].slide is slide and shown.display == "zh"
    assert shown.shown_language == "zh"


def test_localize_in_two_languages_gives_the_second_per_field(load_files: FilesLoader) -> None:
    deck = load_files({"deck.yaml": TWO, "a.yaml": SECTION})
    shown = localize(deck, DisplayLanguage("en", "zh"))
    slide = shown.sections[0].slides[1]
    assert slide.title == "Points" and slide.fallback == frozenset()
    assert slide.secondary == {
        "title": "要点",
        "bullets[0]": "一",
        "bullets[2].text": "父",
        "bullets[2].bullets[0]": "子",
        "notes": "你好。\n",
    }
    assert shown.sections[0].secondary == {"title": "第一节"}
    assert shown.secondary == {"title": "测试", "sources[0].title": "来源"}
    assert shown.shown_language == "en"


def test_localize_is_cached_and_goes_back(load_files: FilesLoader) -> None:
    deck = load_files({"deck.yaml": TWO, "a.yaml": SECTION})
    zh = localize(deck, DisplayLanguage("zh"))
    both = localize(zh, DisplayLanguage("en", "zh"))
    assert localize(deck, DisplayLanguage("zh")) is zh
    assert localize(both, DisplayLanguage("zh")) is zh
    assert localize(zh, DisplayLanguage("en")) is deck
    assert localize(both, DisplayLanguage("zh", "en")).sections[0].slides[1].secondary == {
        "title": "Points",
        "bullets[0]": "one",
        "bullets[2].text": "parent",
        "bullets[2].bullets[0]": "child",
        "notes": "Hello **there**.\n",
    }
    with pytest.raises(ValueError, match="not one of the deck's languages"):
        localize(deck, DisplayLanguage("fr"))


def test_with_texts_visits_the_paths_of_texts() -> None:
    """Every text field is projected: the walk of ``with_texts`` is the one of ``texts``."""
    slide = Slide(
        "s",
        Layout.BULLETS,
        Location(Path("a.yaml"), 1, 1),
        title="t",
        subtitle="s",
        bullets=(Bullet("b"), Bullet("p", ("c",))),
        figures=(Figure("1", "l"),),
        quote=Quote("q", "by"),
        left=(Bullet("l"),),
        right=(Bullet("r", ("rc",)),),
        left_title="lt",
        right_title="rt",
        image=Image(Path("i.png"), "cap"),
        notes="n",
    )
    every = {field.name for field in dataclasses.fields(Slide)}
    assert len(list(slide.texts())) == 16, "a text field of Slide is missing from this test"
    assert every >= {"title", "notes"}
    renamed = slide.with_texts(lambda path, text: f"<{path}>")
    assert [t.text for t in renamed.texts()] == [f"<{t.field}>" for t in slide.texts()]
    assert (renamed.id, renamed.sources, renamed.layout) == (slide.id, slide.sources, slide.layout)


def test_a_copy_of_a_deck_localizes_itself_not_the_original(load_files: FilesLoader) -> None:
    deck = load_files(
        {
            "deck.yaml": "title: {en: T, zh: 题}\nlanguages: [en, zh]\n",
            "a.yaml": "title: {en: S, zh: 节}\nslides: [{layout: section}]\n",
        }
    )
    wide = localize(deck, DisplayLanguage("zh"))
    narrow = localize(dataclasses.replace(deck, aspect="4:3"), DisplayLanguage("zh"))
    assert (wide.aspect, narrow.aspect) == ("16:9", "4:3")
    assert narrow.title == "题" and narrow is not wide
    assert localize(deck, DisplayLanguage("zh")) is wide  # the original's cache is kept
