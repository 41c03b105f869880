"""Chinese typography as plain functions over text. No Qt.

What a Chinese typesetter does that a Latin line breaker does not, each a function the text
layer (:mod:`desktop.render.text`) applies to a paragraph before laying it out:

- :func:`kinsoku`: the line-breaking rules over a text's break opportunities: no opening
  bracket or quotation mark at the end of a line, no closing punctuation (``、。，`` and the
  closing marks) at the start of one, no line break inside ``——`` or ``……``;
- :func:`fullwidth_punctuation`: ASCII punctuation written inside Chinese text becomes its
  full-width form (``中文,中文`` → ``中文，中文``);
- :func:`space_mixed`: a quarter-em space between Chinese and Latin letters or digits where
  the text has none (``共3个`` → ``共\u20053\u2005个``);
- :func:`wide_marks`: which quotation marks and dashes stand in Chinese text, to be drawn in
  the Chinese font (full width) rather than the Latin one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

QUARTER_EM: Final = "\u2005"
"""FOUR-PER-EM SPACE: what :func:`space_mixed` puts between Chinese and Latin text."""

NO_LINE_START: Final = frozenset(
    "、。，．：；！？）］｝》」』】〕〉〗〙”’％‰·・…ー～"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    ",.:;!?)]}%"
)
"""Characters that may not begin a line (closing punctuation, 、。，, small kana)."""
NO_LINE_END: Final = frozenset("（［｛《「『【〔〈〖〘“‘([{")
"""Characters that may not end a line (opening brackets and quotation marks)."""
UNBREAKABLE_PAIRS: Final = ("——", "……", "⋯⋯")
"""Marks written doubled that a line break may not split."""

_CJK_RANGES: Final = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3040, 0x30FF),  # kana
    (0x3100, 0x312F),  # bopomofo
    (0x3190, 0x31FF),
    (0x3400, 0x4DBF),  # extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x3134F),  # extensions B-G
)
_CJK_PUNCTUATION: Final = ((0x3000, 0x303F), (0xFF00, 0xFF60), (0xFE30, 0xFE4F))


def is_han(char: str) -> bool:
    """Whether *char* is a Chinese character (or kana, bopomofo): a letter of CJK text."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def is_cjk(char: str) -> bool:
    """Whether *char* belongs to CJK text: a Chinese character or CJK punctuation."""
    code = ord(char)
    return is_han(char) or any(low <= code <= high for low, high in _CJK_PUNCTUATION)


def has_cjk(text: str) -> bool:
    """Whether *text* has any Chinese character (the functions below change nothing else)."""
    return _HAN_SEARCH.search(text) is not None


def kinsoku(text: str, breaks: Iterable[int]) -> list[int]:
    """The line break opportunities of *breaks* that Chinese rules allow, in order.

    Args:
        text: The paragraph.
        breaks: Positions a line may start at (``0 < position < len(text)``), from any line
            breaker: a break at *p* puts ``text[p]`` first on the next line.
    """
    allowed: list[int] = []
    for position in sorted(set(breaks)):
        if not 0 < position < len(text):
            continue
        before, after = text[position - 1], text[position]
        if after in NO_LINE_START or before in NO_LINE_END:
            continue
        if text[position - 1 : position + 1] in UNBREAKABLE_PAIRS:
            continue
        allowed.append(position)
    return allowed


_TO_WIDE: Final = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", ".": "。"}
_WIDE_BRACKETS: Final = {"(": "（", ")": "）"}


def fullwidth_punctuation(text: str) -> str:
    """*text* with ASCII punctuation inside Chinese text in its full-width form.

    ``, : ; ! ? .`` between Chinese characters (a space after the mark looked past) or after
    one at the end become ``，：；！？。``, and the space goes (the full-width mark has its
    own): an English sentence naming a Chinese term (``began 十项行动, first``), ``3.5`` and
    ``e.g.`` keep theirs; ``(`` before a Chinese character
    with Chinese (or nothing) before it becomes ``（``, and its ``)`` ``）``. Latin text
    quoting a Chinese word (``Binhai (滨海), the port``) keeps its punctuation.
    """
    if not has_cjk(text):
        return text
    out = list(text)
    open_wide: list[bool] = []
    for index, char in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char in _TO_WIDE:
            # What follows (past one space) is Chinese, or nothing: a Chinese sentence's mark.
            following = text[index + 2] if after == " " and index + 2 < len(text) else after
            chinese_next = not following.strip() or is_cjk(following)
            if before and is_cjk(before) and chinese_next and not (char == "." and after == "."):
                out[index] = _TO_WIDE[char]
                if after == " ":  # the full-width mark has its own space
                    out[index + 1] = ""
        elif char == "(":
            wide = bool(after) and is_han(after) and (not before or is_cjk(before))
            open_wide.append(wide)
            if wide:
                out[index] = _WIDE_BRACKETS[char]
        elif char == ")" and open_wide and open_wide.pop():
            out[index] = _WIDE_BRACKETS[char]
    return "".join(out)


_LATIN: Final = r"[A-Za-z0-9\u00C0-\u024F]"
_HAN: Final = (
    r"[\u2E80-\u2FDF\u3040-\u30FF\u3100-\u312F\u3190-\u31FF\u3400-\u4DBF\u4E00-\u9FFF"
    r"\uF900-\uFAFF\U00020000-\U0003134F]"
)
_HAN_SEARCH: Final = re.compile(_HAN)
_HAN_THEN_LATIN: Final = re.compile(rf"({_HAN})(\**)(?={_LATIN})")
_LATIN_THEN_HAN: Final = re.compile(rf"({_LATIN}[%‰]?)(\**)(?={_HAN})")


def space_mixed(text: str) -> str:
    """*text* with a quarter-em space between a Chinese character and a Latin letter or digit
    that touch (emphasis markers ``*`` between them are looked through); text already spaced
    keeps its spaces."""
    if not has_cjk(text):
        return text
    text = _HAN_THEN_LATIN.sub(lambda m: m.group(1) + QUARTER_EM + m.group(2), text)
    return _LATIN_THEN_HAN.sub(lambda m: m.group(1) + m.group(2) + QUARTER_EM, text)


_WIDE_MARKS: Final = frozenset("“”‘’—…")


def wide_marks(text: str) -> list[bool]:
    """For each character of *text*, whether it is a quotation mark, dash or ellipsis standing
    in Chinese text (a Chinese character on either side, looking through other such marks):
    the Chinese font draws those full width, as Chinese text sets them."""
    flags = [False] * len(text)
    if not has_cjk(text):
        return flags
    index = 0
    while index < len(text):
        if text[index] not in _WIDE_MARKS:
            index += 1
            continue
        end = index
        while end < len(text) and text[end] in _WIDE_MARKS:
            end += 1
        before = text[index - 1] if index else ""
        after = text[end] if end < len(text) else ""
        if (before and is_cjk(before)) or (after and is_cjk(after)):
            for position in range(index, end):
                flags[position] = True
        index = end
    return flags


@lru_cache(maxsize=4096)
def typeset(text: str) -> str:
    """*text* as a Chinese typesetter sets it: :func:`fullwidth_punctuation`, then
    :func:`space_mixed` (text without Chinese characters comes back unchanged)."""
    if not has_cjk(text):
        return text
    return space_mixed(fullwidth_punctuation(text))
