"""The presenter's action table and the keys its sentences name."""

from __future__ import annotations

import pytest

from desktop.core.actions import ActionSpec, cheat_sheet
from desktop.core.presenter.actions import CONSOLE_ACTIONS, TYPED_GO_TO, key, key_name


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


def test_typed_go_to_names_the_key_that_confirms_a_number() -> None:
    (group,) = cheat_sheet((), TYPED_GO_TO)
    assert group.title == "Navigate"
    assert [(row.text, row.typed) for row in group.rows] == [
        ("Preview slide N", "type the number (Enter shows it)")
    ]
