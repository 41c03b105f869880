"""Chinese typography rules (desktop.core.cjk) on crafted strings: no Qt."""

from __future__ import annotations

import pytest

from desktop.core.cjk import (
    QUARTER_EM,
    fullwidth_punctuation,
    kinsoku,
    space_mixed,
    typeset,
    wide_marks,
)


def _everywhere(text: str) -> list[int]:
    return list(range(1, len(text)))


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("甲、乙", 1),  # 、 may not start a line
        ("甲。乙", 1),
        ("甲，乙", 1),
        ("甲）乙", 1),
        ("甲”乙", 1),
        ("甲》乙", 1),
        ("甲·乙", 1),
        ("甲（乙", 2),  # （ may not end a line
        ("甲“乙", 2),
        ("甲《乙", 2),
        ("甲「乙", 2),
        ("甲——乙", 2),  # nor may —— be split
        ("甲……乙", 2),
    ],
)
def test_kinsoku_drops_the_forbidden_breaks(text: str, forbidden: int) -> None:
    allowed = kinsoku(text, _everywhere(text))
    assert forbidden not in allowed
    assert allowed  # and keeps the others


def test_kinsoku_keeps_breaks_between_characters() -> None:
    text = "天津港口"
    assert kinsoku(text, _everywhere(text)) == [1, 2, 3]
    # out-of-range and repeated opportunities are dropped, the rest come back in order
    assert kinsoku(text, [3, 0, 1, 1, 4, 9]) == [1, 3]


def test_kinsoku_on_a_sentence() -> None:
    text = "天津港“智慧港口”建设（一期）完成，吞吐量增长。"
    allowed = kinsoku(text, _everywhere(text))
    for position in allowed:
        assert text[position] not in "，。”）"
        assert text[position - 1] not in "“（"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("天津,北京", "天津，北京"),
        ("天津, 北京", "天津，北京"),
        ("the plan 十项行动, first set out", "the plan 十项行动, first set out"),
        ("中国日报, 2024-03-04", "中国日报, 2024-03-04"),
        ("增长了:百分之十;很好!对吗?", "增长了：百分之十；很好！对吗？"),
        ("天津港.", "天津港。"),
        ("增长3.5%", "增长3.5%"),  # a decimal point stays
        ("滨海(新区)建设", "滨海（新区）建设"),
        ("Binhai (滨海), the port", "Binhai (滨海), the port"),  # Latin text keeps its own
        ("No Chinese, here.", "No Chinese, here."),
        ("共计……", "共计……"),
    ],
)
def test_fullwidth_punctuation(text: str, expected: str) -> None:
    assert fullwidth_punctuation(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共3个", f"共{QUARTER_EM}3{QUARTER_EM}个"),
        ("天津GDP增长", f"天津{QUARTER_EM}GDP{QUARTER_EM}增长"),
        ("增长5%以上", f"增长{QUARTER_EM}5%{QUARTER_EM}以上"),
        ("天津 GDP 增长", "天津 GDP 增长"),  # already spaced
        ("天津**GDP**增长", f"天津{QUARTER_EM}**GDP**{QUARTER_EM}增长"),
        ("2023年", f"2023{QUARTER_EM}年"),
        ("English only", "English only"),
        ("一基地三区", "一基地三区"),
    ],
)
def test_space_mixed(text: str, expected: str) -> None:
    assert space_mixed(text) == expected
    assert space_mixed(expected) == expected  # once is enough


def test_typeset_leaves_latin_text_alone() -> None:
    text = 'It\'s "fine", e.g. 3.5 (really).'
    assert typeset(text) == text
    assert typeset("共3个,好") == f"共{QUARTER_EM}3{QUARTER_EM}个，好"


def test_wide_marks_are_the_marks_in_chinese_text() -> None:
    text = "他说“你好”——再见。He said “hi”."
    flags = wide_marks(text)
    wide = {text[i] for i, flag in enumerate(flags) if flag}
    assert wide == {"“", "”", "—"}
    assert [i for i, flag in enumerate(flags) if flag] == [2, 5, 6, 7]
    assert not any(wide_marks("He said “hi”—bye."))
