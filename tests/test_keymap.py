"""The user's key map: reading it, located problems, conflicts, and the defaults kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.actions import ACTIONS, BY_NAME
from desktop.core.keymap import key_sequence, parse_keymap, read_keymap
from desktop.core.presenter.actions import CONSOLE_ACTIONS

KNOWN = {spec.name for spec in (*ACTIONS, *CONSOLE_ACTIONS)}
FILE = Path("/config/keys.ini")


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("ctrl+pagedown", "Ctrl+PgDown"),
        ("Shift+F5", "Shift+F5"),
        ("b", "B"),
        (".", "."),
        ("Comma", ","),
        ("Ctrl++", "Ctrl++"),
        ("escape", "Esc"),
        ("Ctrl+Ctrl+A", None),
        ("Hyper+A", None),
        ("Enterr", None),
        ("", None),
    ],
)
def test_key_names_are_read_as_qt_writes_them(written: str, key: str | None) -> None:
    assert key_sequence(written) == key


def test_a_line_gives_an_action_all_its_keys() -> None:
    keymap = parse_keymap(
        "# my clicker\nnext = Right, pagedown  # and nothing else\n\nblack = b\nwhite =\n",
        FILE,
        KNOWN,
    )
    assert keymap.problems == ()
    specs, conflicts = keymap.apply(CONSOLE_ACTIONS)
    by_name = {spec.name: spec for spec in specs}
    assert by_name["next"].shortcuts == ("Right", "PgDown")
    assert by_name["black"].shortcuts == ("B",)
    assert by_name["white"].shortcuts == ()  # an empty list: no keys
    assert by_name["previous"].shortcuts == BY_NAME["previous"].shortcuts
    assert conflicts == []


def test_unknown_actions_and_keys_are_located_and_ignored() -> None:
    text = "nxt = Right\nnext = Right, Hyper+X\n  garbage\nprevious = Left\nprevious = Up\n"
    keymap = parse_keymap(text, FILE, KNOWN)
    found = [(p.location.line, p.location.column, p.message) for p in keymap.problems]
    assert found == [
        (1, 1, "unknown action `nxt`; did you mean `next`?"),
        (
            2,
            15,
            "`Hyper+X` is no key name; write one like `Ctrl+G`, `PgDown`, `F5` or a single"
            " character",
        ),
        (3, 3, "write `action = key, key` (for example `next = Right, PgDown`)"),
        (5, 1, "`previous` is given keys twice (first on line 4)"),
    ]
    assert (
        keymap.problems[0].format() == "/config/keys.ini:1:1: error: unknown action `nxt`;"
        " did you mean `next`?"
    )
    specs, _ = keymap.apply(ACTIONS)
    assert {s.name: s for s in specs}["next"].shortcuts == BY_NAME["next"].shortcuts  # default


def test_a_key_another_action_has_is_a_conflict_and_the_defaults_stay() -> None:
    keymap = parse_keymap("find = F1\nfirst = Ctrl+H\nlast = ctrl+h\n", FILE, KNOWN)
    specs, conflicts = keymap.apply(ACTIONS)
    by_name = {spec.name: spec for spec in specs}
    messages = [(p.location.line, p.message) for p in conflicts]
    assert (
        1,
        "`F1` is already the key of `shortcuts`; give `find` another key (it keeps its"
        " default keys meanwhile)",
    ) in messages
    assert (
        3,
        "`Ctrl+H` is already the key of `first`; give `last` another key (it keeps its"
        " default keys meanwhile)",
    ) in messages
    assert by_name["find"].shortcuts == BY_NAME["find"].shortcuts
    assert by_name["first"].shortcuts == ("Ctrl+H",)
    assert by_name["last"].shortcuts == BY_NAME["last"].shortcuts
    every = [key.lower() for spec in specs for key in spec.shortcuts]
    assert len(every) == len(set(every))  # no key left to two actions


def test_a_console_only_action_leaves_the_main_window_alone() -> None:
    keymap = parse_keymap("freeze = N\n", FILE, KNOWN)  # N is the main window's next too
    main, main_conflicts = keymap.apply(ACTIONS)
    assert main == ACTIONS and main_conflicts == []
    _, console_conflicts = keymap.apply(CONSOLE_ACTIONS)
    assert [p.location.line for p in console_conflicts] == [1]


def test_reading_the_file(tmp_path: Path) -> None:
    assert read_keymap(tmp_path / "keys.ini", KNOWN).bindings == {}  # no file: no change
    path = tmp_path / "keys.ini"
    path.write_bytes(b"next = \xff\n")
    problem = read_keymap(path, KNOWN).problems[0]
    assert problem.location.line == 1 and problem.message.startswith("cannot read the key map")
    path.write_text("next = Space\n", encoding="utf-8")
    assert read_keymap(path, KNOWN).bindings["next"].keys == ("Space",)
