"""The untranslated-English detector the zh_CN tests use finds English and only English."""

from __future__ import annotations

import pytest

from tests.i18n.english import english_words


@pytest.mark.parametrize(
    "text",
    [
        "打开…  Ctrl+O",
        "导出 PDF",
        "`slides[2].bullets` 不是列表",
        "deck.yaml:3:5: 无法读取 resources/x.svg",
        "用 --ui-lang zh_CN 选择",
        "按 F5 开始放映，Esc 结束",
        "{n} 张幻灯片",
        "PowerPoint（PPTX）与 PNG",
        "未知的键 'titel'，是不是 “title”？",
    ],
)
def test_chinese_with_kept_names_has_no_english(text: str) -> None:
    assert english_words(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Next slide", ["Next", "slide"]),
        ("下一张 (next)", ["next"]),
        ("cannot read deck.yaml", ["cannot", "read"]),
        ("2 min behind", ["min", "behind"]),
    ],
)
def test_english_words_are_found(text: str, words: list[str]) -> None:
    assert english_words(text) == words
