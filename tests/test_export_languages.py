"""``export --lang``: every layout, the outline, the metadata and ``/Lang`` in one language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest
from pypdf import PdfReader

from desktop.cli import main
from tests.conftest import DeckFactory, section_yaml
from tests.test_paging_content import DECK_YAML as PAGED_DECK
from tests.test_paging_content import _bullets

DECK: Final = """\
title: {en: Harbour plan, zh: 港口规划}
subtitle: {en: Quayside works, zh: 码头工程}
languages: [en, zh]
sources:
  - id: src
    title: {en: Survey of berths, zh: 泊位调查}
    publisher: {en: Port office, zh: 港务局}
    date: 2024-03-04
"""

SECTION: Final = """\
title: {en: Berths and cranes, zh: 泊位和吊车}
slides:
  - layout: title
  - layout: agenda
    title: {en: Programme, zh: 议程}
  - layout: section
  - title: {en: Cranes ordered, zh: 订购的吊车}
    bullets:
      - {en: Twelve gantries, zh: 十二台门式吊车}
      - text: {en: Delivered yearly, zh: 每年交付}
        bullets: [{en: Spring batch, zh: 春季一批}]
    sources: [src]
    notes: {en: Mention the harbourmaster, zh: 提一下港务长}
  - layout: sources
    title: {en: Citations, zh: 引用来源}
"""

ENGLISH: Final = (
    "Harbour", "Quayside", "Berths", "cranes", "Programme", "Cranes", "Twelve", "Delivered",
    "Spring", "harbourmaster", "Citations", "Survey", "Port office",
)  # fmt: skip
"""Words of the deck's English texts, none of which the app's own page words contain."""
CHINESE: Final = ("港口规划", "泊位和吊车", "订购的吊车", "十二台门式吊车", "提一下港务长")


@pytest.fixture(scope="module")
def deck_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("harbour")
    (folder / "deck.yaml").write_text(DECK, encoding="utf-8")
    (folder / "a.yaml").write_text(SECTION, encoding="utf-8")
    return folder


def export(folder: Path, target: Path, *options: str) -> PdfReader:
    assert main(["export", str(folder), "-o", str(target), *options]) == 0
    return PdfReader(target)


def lang_of(reader: PdfReader) -> str | None:
    """The catalog's ``/Lang``."""
    lang = reader.root_object.get("/Lang")
    return None if lang is None else str(lang)


def outline_titles(entries: list[Any]) -> Iterator[str]:
    for entry in entries:
        if isinstance(entry, list):
            yield from outline_titles(entry)
        else:
            yield str(entry.title)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("layout", ["slides", "notes", "handout"])
def test_export_in_chinese_has_chinese_text_on_every_page(
    deck_folder: Path, tmp_path: Path, layout: str
) -> None:
    reader = export(deck_folder, tmp_path / "zh.pdf", "--lang", "zh", "--layout", layout)
    assert lang_of(reader) == "zh"
    everything = ""
    for number, page in enumerate(reader.pages, start=1):
        text = _words(page.extract_text())
        assert re.search(r"[\u4e00-\u9fff]", text), f"page {number} has no Chinese: {text!r}"
        assert [word for word in ENGLISH if word in text] == [], f"page {number}: {text!r}"
        everything += text
    shown = CHINESE if layout == "notes" else CHINESE[:-1]  # the last is the speaker notes
    solid = re.sub(r"\s", "", everything)  # a line of Chinese breaks anywhere
    assert [words for words in shown if words not in solid] == []
    titles = list(outline_titles(reader.outline))
    assert "泊位和吊车" in titles and "4. 订购的吊车" in titles
    assert not any(word in title for title in titles for word in ENGLISH)
    assert reader.metadata is not None
    assert (reader.metadata.title, reader.metadata.subject) == ("港口规划", "码头工程")
    assert reader.metadata.get("/Keywords") == "泊位和吊车"


def test_export_defaults_to_the_primary_language(deck_folder: Path, tmp_path: Path) -> None:
    reader = export(deck_folder, tmp_path / "en.pdf")
    assert lang_of(reader) == "en"
    text = _words(" ".join(page.extract_text() for page in reader.pages))
    assert "Twelve gantries" in text and "十二台" not in text
    assert "Berths and cranes" in list(outline_titles(reader.outline))[1]


@pytest.mark.parametrize("layout", ["slides", "notes", "handout"])
def test_export_in_two_languages_has_both_on_every_page(
    deck_folder: Path, tmp_path: Path, layout: str
) -> None:
    reader = export(deck_folder, tmp_path / "both.pdf", "--lang", "en+zh", "--layout", layout)
    assert lang_of(reader) == "en"
    for number, page in enumerate(reader.pages, start=1):
        text = _words(page.extract_text())
        assert re.search(r"[\u4e00-\u9fff]", text), f"page {number} has no Chinese: {text!r}"
        assert re.search(r"[A-Za-z]{4}", text), f"page {number} has no English: {text!r}"
    solid = re.sub(r"\s", "", " ".join(page.extract_text() for page in reader.pages))
    assert "十二台门式吊车" in solid and "每年交付" in solid and "春季一批" in solid
    assert "Twelvegantries" in solid
    assert "Berths and cranes" in list(outline_titles(reader.outline))[1]


def test_export_refuses_a_language_the_deck_lacks(
    deck_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "fr.pdf"
    assert main(["export", str(deck_folder), "-o", str(target), "--lang", "fr"]) == 1
    assert capsys.readouterr().err == (
        "tianjin-briefing: error: --lang fr: `fr` is not one of the deck's languages (en, zh)\n"
    )
    assert not target.exists()


def test_a_one_language_deck_exports_with_its_language(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    reader = export(make_deck(), tmp_path / "one.pdf")
    assert lang_of(reader) == "en"


def test_export_in_two_languages_continues_a_full_slide_on_parts(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    folder = make_deck(
        {"deck.yaml": PAGED_DECK, "a.yaml": section_yaml("{en: A, zh: 甲}", _bullets(8))}
    )
    one = export(folder, tmp_path / "en.pdf")
    both = export(folder, tmp_path / "both.pdf", "--lang", "en+zh")
    assert len(both.pages) == len(one.pages) + 1  # the slide in two parts
    titles = list(outline_titles(both.outline))
    assert [t for t in titles if "Full" in t] == ["1. Full (1/2)", "2. Full (2/2)"], titles
    notes = export(folder, tmp_path / "notes.pdf", "--lang", "en+zh", "--layout", "notes")
    texts = [_words(page.extract_text()) for page in notes.pages]
    first, second = (text for text in texts if "Full (" in text)
    assert "Said once." in first and "Said once." not in second  # said with the first part
    assert "说一次" in re.sub(r"\s", "", first) and "说一次" not in re.sub(r"\s", "", second)


def test_an_export_is_split_for_the_theme_it_is_drawn_in(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    folder = make_deck(
        {"deck.yaml": PAGED_DECK, "a.yaml": section_yaml("{en: A, zh: 甲}", _bullets(6))}
    )
    one = export(folder, tmp_path / "en.pdf")
    both = export(folder, tmp_path / "both.pdf", "--lang", "en+zh")
    assert len(both.pages) == len(one.pages)  # the default theme fits it whole
    larger = export(folder, tmp_path / "hc.pdf", "--lang", "en+zh", "--theme", "high-contrast")
    assert len(larger.pages) == len(one.pages) + 1  # its larger text: two parts
