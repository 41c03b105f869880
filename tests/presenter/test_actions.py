"""The presenter's action table and the keys its sentences name."""

from __future__ import annotations

import pytest

from desktop.core.actions import ActionSpec
from desktop.core.presenter.actions import CONSOLE_ACTIONS, key, key_name, typed_go_to


def test_key_names_come_from_the_table() -> None:
    assert [key(name) for name in ("show", "end", "black", "white", "freeze")] == [
        "Enter",  # "Return" is the key Qt names; the key says Enter
        "Esc",
        "B",
        "W",
        "F",
    ]
    assert key("toggle_console") == "Tab"
    assert key_name(ActionSpec("x", "X", ("Ctrl+L", "L"))) == "Ctrl+L"
    with pytest.raises(ValueError, match="no key"):
        key_name(ActionSpec("x", "X"))


def test_names_are_unique() -> None:
    names = [spec.name for spec in CONSOLE_ACTIONS]
    assert len(set(names)) == len(names)


def test_typed_go_to_names_the_show_key() -> None:
    assert typed_go_to() == (("Navigate", "Preview slide N", "type the number (Enter shows it)"),)
