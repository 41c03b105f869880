"""User-visible text: a count picks one of two whole sentences."""

from __future__ import annotations

from desktop.core.text import plural


def test_plural_picks_a_whole_string() -> None:
    assert plural(1, "{n} slide", "{n} slides") == "1 slide"
    assert plural(0, "{n} slide", "{n} slides") == "0 slides"
    assert plural(3, "{n} slide", "{n} slides") == "3 slides"
