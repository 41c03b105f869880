"""Numbers on slides: how a language writes them, and round axis ticks. No Qt.

:func:`format_number` writes a table cell's or a chart value's number the way the deck's
shown language does (``1,234.5`` in English and Chinese, ``1.234,5`` in German, ``1 234,5``
in French), with a minus sign (``−``) rather than a hyphen. :func:`nice_ticks` picks the
round values an axis is marked at (0, 5, 10, …; 0, 0.2, 0.4, …).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

MINUS: Final = "\u2212"
"""The minus sign numbers are written with (a hyphen is too short beside the digits)."""


@dataclass(frozen=True, slots=True)
class Separators:
    """How a language writes the decimal point and groups thousands."""

    decimal: str
    group: str
    group_from: int = 10_000
    """The smallest whole part that is grouped: ``2027`` stays ``2027``, ``21,000`` not."""


_POINT: Final = Separators(".", ",")
_COMMA_DOT: Final = Separators(",", ".")
_COMMA_SPACE: Final = Separators(",", "\u00a0")
SEPARATORS: Final = {
    **dict.fromkeys(("en", "zh", "ja", "ko", "th", "he"), _POINT),
    **dict.fromkeys(("de", "es", "it", "pt", "nl", "id", "tr", "da", "el", "ro"), _COMMA_DOT),
    **dict.fromkeys(("fr", "ru", "pl", "cs", "sv", "nb", "fi", "uk", "hu", "sk"), _COMMA_SPACE),
}
"""Each language's separators, by its base code (``zh-Hant`` writes as ``zh``); a language not
listed writes numbers as English does."""


def separators(language: str) -> Separators:
    """The separators of *language* (a code such as ``en``, ``zh-Hant``, ``pt-BR``)."""
    return SEPARATORS.get(language.split("-")[0].lower(), _POINT)


def format_number(value: float, decimals: int, language: str = "en") -> str:
    """*value* with *decimals* digits after the point, as *language* writes it.

    >>> format_number(22.18, 2), format_number(21000, 0), format_number(-0.5, 1, "de")
    ('22.18', '21,000', '−0,5')
    """
    marks = separators(language)
    text = f"{abs(value):.{max(0, decimals)}f}"
    whole, _, fraction = text.partition(".")
    if int(whole) >= marks.group_from:
        whole = f"{int(whole):,}".replace(",", marks.group)
    sign = MINUS if value < 0 and float(text) != 0 else ""
    return sign + whole + (marks.decimal + fraction if fraction else "")


def decimals_of(written: str) -> int:
    """How many digits a number is written with after its point: ``22.18`` → 2, ``21`` → 0,
    ``1e3`` → 0."""
    mantissa = written.lower().split("e")[0]
    _, point, fraction = mantissa.partition(".")
    return len(fraction) if point else 0


_STEPS: Final = (1.0, 2.0, 2.5, 5.0, 10.0)
"""The round steps an axis counts in, times a power of ten (2.5 only where it stays round)."""


@dataclass(frozen=True, slots=True)
class Ticks:
    """The marks of an axis: round values from :attr:`low` to :attr:`high` by :attr:`step`."""

    low: float
    high: float
    step: float
    decimals: int
    """Digits after the point every tick needs (0 for 0, 5, 10; 1 for 0, 0.5, 1.0)."""

    @property
    def values(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [round(self.low + n * self.step, self.decimals) for n in range(count + 1)]


def nice_ticks(low: float, high: float, most: int = 6, zero: bool = True) -> Ticks:
    """Round ticks that cover *low* to *high* with at most *most* marks.

    Args:
        low: The smallest value to show.
        high: The largest value to show.
        most: The most marks the axis may have (at least 2).
        zero: Whether the axis must include 0 (bars grow from it).

    The step is 1, 2, 2.5 or 5 times a power of ten, the smallest of them that needs no more
    than *most* marks; the ends are the multiples of the step just outside the values.
    """
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError("the values of an axis must be finite")
    low, high = min(low, high), max(low, high)
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        spread = abs(high) or 1.0
        low, high = (low, low + spread) if low >= 0 or not zero else (low - spread, high)
    most = max(2, most)
    magnitude = 10.0 ** math.floor(math.log10((high - low) / (most - 1)))
    for factor in (*_STEPS, 20.0):
        step = factor * magnitude
        start = math.floor(low / step + 1e-9) * step
        end = math.ceil(high / step - 1e-9) * step
        if round((end - start) / step) + 1 <= most:
            break
    decimals = next(d for d in range(16) if abs(round(step, d) - step) <= step * 1e-9)
    return Ticks(round(start, decimals) + 0.0, round(end, decimals) + 0.0, step, decimals)
