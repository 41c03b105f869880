"""Editing the key map: the keys being chosen, conflicts, and the file rewritten. No Qt."""

from __future__ import annotations

from pathlib import Path

from desktop.core.actions import ACTIONS, ActionSpec
from desktop.core.keymap import parse_keymap
from desktop.core.keymap_edit import HEADER, KeyTable, edit_keymap_text, parse_keys, written

SPECS = (
    ActionSpec("next", "Next", ("Right", "N")),
    ActionSpec("previous", "Previous", ("Left", "P")),
    ActionSpec("black", "Black", ("B", ".")),
)


def test_typed_keys_are_read_as_the_key_map_reads_them() -> None:
    assert parse_keys("right, ctrl+pagedown, comma") == (("Right", "Ctrl+PgDown", ","), None)
    assert parse_keys("Right, Right") == (("Right",), None)
    assert parse_keys("") == ((), None)
    assert parse_keys("Right, Hyper+Q") == (("Right",), "Hyper+Q")
    assert written(("Right", ",", "Ctrl+G")) == "Right, Comma, Ctrl+G"


def test_a_key_two_actions_share_is_a_conflict_until_one_lets_it_go() -> None:
    table = KeyTable(SPECS)
    assert table.conflicts() == {}
    table.set("black", ("B", "n"))
    assert table.conflicts() == {"N": ["next", "black"]}
    assert table.owners("n") == ["next", "black"]
    table.reset("black")
    assert table.conflicts() == {}


def test_changes_are_what_differs_from_the_keys_in_force() -> None:
    table = KeyTable(SPECS, {"black": ("W",)})
    assert table.keys["black"] == ("W",) and table.changed() == {}
    table.set("next", ("Space",))
    table.reset("black")  # back to the table's keys: its line goes
    table.set("previous", ())
    assert table.changed() == {"next": ("Space",), "black": None, "previous": ()}
    table.reset()
    assert table.changed() == {"black": None}


def test_rewriting_changes_only_the_changed_lines(tmp_path: Path) -> None:
    text = (
        "# my clicker\nnext = Right, PgDown   # the clicker's forward\n\nblack = W\nwhite = Comma\n"
    )
    new = edit_keymap_text(text, {"next": ("Space",), "black": None, "go_to": ("Ctrl+G", ",")})
    assert new == (
        "# my clicker\n"
        "next = Space  # the clicker's forward\n"
        "\n"
        "white = Comma\n"
        "go_to = Ctrl+G, Comma\n"
    )
    keymap = parse_keymap(new, tmp_path / "keys.ini", [spec.name for spec in ACTIONS] + ["white"])
    assert keymap.problems == ()
    assert {n: b.keys for n, b in keymap.bindings.items()} == {
        "next": ("Space",),
        "white": (",",),
        "go_to": ("Ctrl+G", ","),
    }


def test_a_new_key_map_starts_with_a_note_and_an_action_without_keys_is_kept_so() -> None:
    new = edit_keymap_text("", {"black": (), "next": None})
    assert new == HEADER + "black = \n"
    keymap = parse_keymap(new, Path("keys.ini"), ["black", "next"])
    assert keymap.problems == () and keymap.bindings["black"].keys == ()
