"""The console's modes: Esc and Enter in every mode, what opens where, which actions work."""

from __future__ import annotations

import itertools

import pytest

from desktop.core.presenter.actions import CONSOLE_ACTIONS
from desktop.core.presenter.modes import (
    DISABLED,
    NORMAL,
    SUMMARY,
    Effect,
    Mode,
    ModeState,
    arrow,
    enabled,
    on_enter,
    on_escape,
    opened,
    revealed,
    takes_digits,
    toggled,
)

OVERVIEW = ModeState(Mode.OVERVIEW, "overview")
FIND = ModeState(Mode.FIND, "find")
POINTER = ModeState(Mode.TOOL, "pointer")
STATES = {
    Mode.NORMAL: NORMAL,
    Mode.OVERVIEW: OVERVIEW,
    Mode.FIND: FIND,
    Mode.SUMMARY: SUMMARY,
    Mode.TOOL: POINTER,
}

# (mode, pending, rehearsal) → (mode after, effect). Every combination is listed.
ESCAPE = {
    (Mode.NORMAL, False, False): (NORMAL, Effect.END),
    (Mode.NORMAL, False, True): (SUMMARY, Effect.FINISH),
    (Mode.NORMAL, True, False): (NORMAL, Effect.DROP),
    (Mode.NORMAL, True, True): (NORMAL, Effect.DROP),
    (Mode.OVERVIEW, False, False): (NORMAL, Effect.NONE),
    (Mode.OVERVIEW, False, True): (NORMAL, Effect.NONE),
    (Mode.OVERVIEW, True, False): (NORMAL, Effect.NONE),  # the preview stays for the next Esc
    (Mode.OVERVIEW, True, True): (NORMAL, Effect.NONE),
    (Mode.FIND, False, False): (NORMAL, Effect.DROP),
    (Mode.FIND, False, True): (NORMAL, Effect.DROP),
    (Mode.FIND, True, False): (NORMAL, Effect.DROP),
    (Mode.FIND, True, True): (NORMAL, Effect.DROP),
    (Mode.SUMMARY, False, False): (SUMMARY, Effect.END),
    (Mode.SUMMARY, False, True): (SUMMARY, Effect.END),
    (Mode.SUMMARY, True, False): (SUMMARY, Effect.DROP),
    (Mode.SUMMARY, True, True): (SUMMARY, Effect.DROP),
    (Mode.TOOL, False, False): (NORMAL, Effect.NONE),
    (Mode.TOOL, False, True): (NORMAL, Effect.NONE),
    (Mode.TOOL, True, False): (NORMAL, Effect.NONE),
    (Mode.TOOL, True, True): (NORMAL, Effect.NONE),
}

ENTER = {
    Mode.NORMAL: (NORMAL, Effect.SHOW),
    Mode.OVERVIEW: (NORMAL, Effect.SHOW_SELECTION),
    Mode.FIND: (NORMAL, Effect.SHOW),
    Mode.SUMMARY: (SUMMARY, Effect.END),
    Mode.TOOL: (POINTER, Effect.SHOW),  # the tool stays in use
}


def test_the_tables_cover_every_mode() -> None:
    combinations = set(itertools.product(Mode, (False, True), (False, True)))
    assert set(ESCAPE) == combinations
    assert set(ENTER) == set(Mode) == set(STATES) == set(DISABLED)


@pytest.mark.parametrize(("mode", "pending", "rehearsal"), sorted(ESCAPE, key=str))
def test_escape(mode: Mode, pending: bool, rehearsal: bool) -> None:
    state = STATES[mode]
    assert (
        on_escape(state, pending=pending, rehearsal=rehearsal) == ESCAPE[mode, pending, rehearsal]
    )


@pytest.mark.parametrize("mode", list(Mode))
def test_enter(mode: Mode) -> None:
    assert on_enter(STATES[mode]) == ENTER[mode]


def test_esc_walks_a_rehearsal_to_its_end() -> None:
    state, effects = OVERVIEW, []
    for pending in (True, True, False, False):
        state, effect = on_escape(state, pending=pending, rehearsal=True)
        effects.append(effect)
    assert effects == [Effect.NONE, Effect.DROP, Effect.FINISH, Effect.END]
    assert state == SUMMARY


@pytest.mark.parametrize("mode", list(Mode))
def test_a_tool_key_opens_and_closes_its_mode(mode: Mode) -> None:
    state = STATES[mode]
    for target in (OVERVIEW, FIND, POINTER):
        if mode is Mode.SUMMARY:
            assert toggled(state, target) == SUMMARY  # nothing opens over the summary
            assert opened(state, target) == SUMMARY
        elif state == target:
            assert toggled(state, target) == NORMAL
        else:
            assert toggled(state, target) == target
            assert opened(state, target) == target


@pytest.mark.parametrize("mode", list(Mode))
def test_only_the_overview_hides_the_talk(mode: Mode) -> None:
    state = STATES[mode]
    assert revealed(state) == (NORMAL if mode is Mode.OVERVIEW else state)


@pytest.mark.parametrize("mode", list(Mode))
def test_digits_type_a_number_except_after_a_rehearsal(mode: Mode) -> None:
    assert takes_digits(STATES[mode]) == (mode is not Mode.SUMMARY)


def test_enabled_actions_by_mode() -> None:
    names = [spec.name for spec in CONSOLE_ACTIONS]
    assert all(disabled <= set(names) for disabled in DISABLED.values())

    def off(state: ModeState, tool: bool = False) -> set[str]:
        return {name for name in names if not enabled(state, name, tool=tool)}

    assert off(NORMAL) == off(FIND) == off(POINTER) == set()
    assert off(OVERVIEW) == {"next", "previous", "first", "last"}
    assert off(SUMMARY) == {
        "pause_timer",
        "reset_timer",
        "go_to",
        "find",
        "find_next",
        "find_previous",
    }
    assert "end" not in off(SUMMARY) and "show" not in off(SUMMARY)
    # A tool's actions work in every mode but the summary.
    assert [enabled(STATES[mode], "pointer", tool=True) for mode in Mode] == [
        mode is not Mode.SUMMARY for mode in Mode
    ]


ZOOM = ModeState(Mode.TOOL, "zoom")
PEN = ModeState(Mode.TOOL, "ink")


@pytest.mark.parametrize("state", [*STATES.values(), ZOOM, PEN], ids=str)
def test_zoom_reset_only_while_zoomed_and_then_digits_are_the_zooms(state: ModeState) -> None:
    assert enabled(state, "zoom_reset", tool=True) == (state == ZOOM)
    assert takes_digits(state) == (state.mode is not Mode.SUMMARY and state != ZOOM)


@pytest.mark.parametrize("state", [*STATES.values(), ZOOM, PEN], ids=str)
def test_arrow_puts_any_tool_away_and_nothing_else(state: ModeState) -> None:
    assert arrow(state) == (NORMAL if state.mode is Mode.TOOL else state)


@pytest.mark.parametrize("tool", [POINTER, ZOOM, PEN], ids=str)
def test_esc_leaves_a_tool_before_a_preview_or_the_talk(tool: ModeState) -> None:
    state, effect = on_escape(tool, pending=True, rehearsal=False)
    assert (state, effect) == (NORMAL, Effect.NONE)  # the preview waits for the next Esc
    assert on_escape(state, pending=True, rehearsal=False) == (NORMAL, Effect.DROP)
    # B, W, F and the overview work while a tool is in use; the overview replaces it.
    assert all(enabled(tool, name) for name in ("black", "white", "freeze", "next"))
    assert toggled(tool, OVERVIEW) == OVERVIEW
    assert toggled(tool, PEN) == (NORMAL if tool == PEN else PEN)  # one tool after another
