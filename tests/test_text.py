"""User-visible text: a count picks one of two whole sentences."""

from __future__ import annotations

from desktop.core.text import plural


def test_plural_picks_a_whole_string() -> None:
    assert plural(1, "{n} slide", "{n} slides") == "1 slide"
    assert plural(0, "{n} slide", "{n} slides") == "0 slides"
    assert plural(3, "{n} slide", "{n} slides") == "3 slides"


def test_plural_fills_other_fields() -> None:
    one, many = "{n} hit · {show} shows it", "{n} hits · {show} shows it"
    assert plural(1, one, many, show="Enter") == "1 hit · Enter shows it"
    assert plural(3, one, many, show="Enter") == "3 hits · Enter shows it"
