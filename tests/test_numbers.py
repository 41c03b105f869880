"""Numbers on slides: formatting per language, decimals as written, round axis ticks."""

from __future__ import annotations

import math

import pytest

from desktop.core.numbers import MINUS, decimals_of, format_number, nice_ticks


@pytest.mark.parametrize(
    ("value", "decimals", "language", "shown"),
    [
        (22.18, 2, "en", "22.18"),
        (21, 0, "en", "21"),
        (2027, 0, "en", "2027"),  # a year-sized number is not grouped
        (21000, 0, "en", "21,000"),
        (1234567.5, 1, "zh", "1,234,567.5"),
        (1234567.5, 1, "zh-Hant", "1,234,567.5"),
        (22.18, 2, "de", "22,18"),
        (21000, 0, "de", "21.000"),
        (12345.6, 1, "fr", "12\u00a0345,6"),
        (-0.5, 1, "en", f"{MINUS}0.5"),
        (-0.04, 1, "en", "0.0"),  # rounds to zero: no sign
        (40, 1, "en", "40.0"),  # the decimals as written are kept
        (3.14159, 2, "xx", "3.14"),  # an unlisted language writes as English
    ],
)
def test_a_number_is_written_as_its_language_writes_it(
    value: float, decimals: int, language: str, shown: str
) -> None:
    assert format_number(value, decimals, language) == shown


@pytest.mark.parametrize(
    ("written", "decimals"), [("22.18", 2), ("21", 0), ("40.0", 1), ("-0.5", 1), ("1e3", 0)]
)
def test_decimals_are_counted_as_written(written: str, decimals: int) -> None:
    assert decimals_of(written) == decimals


@pytest.mark.parametrize(
    ("low", "high", "values"),
    [
        (0, 27, [0, 10, 20, 30]),
        (0, 22.18, [0, 5, 10, 15, 20, 25]),
        (13, 96, [0, 20, 40, 60, 80, 100]),
        (0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0, 0.37, [0, 0.1, 0.2, 0.3, 0.4]),
        (-5, 12, [-5, 0, 5, 10, 15]),
        (0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (0, 2700, [0, 1000, 2000, 3000]),
        (0, 12.5, [0, 2.5, 5, 7.5, 10, 12.5]),
    ],
)
def test_ticks_are_round_and_cover_the_values(low: float, high: float, values: list[float]) -> None:
    ticks = nice_ticks(low, high)
    assert ticks.values == pytest.approx(values)
    assert ticks.low <= min(low, 0) and ticks.high >= high


def test_a_line_axis_need_not_start_at_zero() -> None:
    assert nice_ticks(35, 96, zero=False).values == [20, 40, 60, 80, 100]
    assert nice_ticks(35, 37, zero=False).values == pytest.approx([35, 35.5, 36, 36.5, 37])


def test_ticks_have_the_decimals_their_step_needs() -> None:
    assert nice_ticks(0, 27).decimals == 0
    assert nice_ticks(0, 1).decimals == 1
    assert nice_ticks(0, 0.05).decimals == 2
    assert nice_ticks(0, 12.5).decimals == 1
    assert nice_ticks(0, 125).decimals == 0


@pytest.mark.parametrize("most", [2, 4, 6, 10])
def test_ticks_never_exceed_the_most_marks(most: int) -> None:
    for high in (0.7, 3, 9.9, 27, 96, 123.4, 5000, 1e7):
        ticks = nice_ticks(0, high, most)
        assert 2 <= len(ticks.values) <= most, (high, ticks)
        mantissa = ticks.step / 10 ** math.floor(math.log10(ticks.step))
        assert round(mantissa, 6) in (1, 2, 2.5, 5), ticks.step


def test_an_axis_of_infinite_values_is_refused() -> None:
    with pytest.raises(ValueError, match="finite"):
        nice_ticks(0, math.inf)
