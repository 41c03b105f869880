"""Fixtures of the interface-language tests: a language for one test, then English again."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop.core.i18n import set_ui_language

UiLanguage = Callable[[str], str]


@pytest.fixture
def ui_language() -> Iterator[UiLanguage]:
    """``ui_language("zh_CN")`` puts the interface in that language until the test ends."""
    yield set_ui_language
    set_ui_language("en")
