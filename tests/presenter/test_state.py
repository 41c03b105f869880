"""The show state: previews, freezing, blanking, typed numbers, the banner and the badges."""

from __future__ import annotations

from desktop.core.navigation import Navigator
from desktop.core.presenter.modes import SUMMARY, Mode, ModeState
from desktop.core.presenter.state import ShowState, badges, banner


def test_preview_is_private_until_committed() -> None:
    state = ShowState(Navigator(10, 2))
    state.show_preview(7)
    assert (state.console, state.audience, state.private) == (7, 2, True)
    assert state.step(1) and state.preview == 8  # arrows move the preview
    state.show_preview(99)
    assert state.preview == 9  # clamped
    assert not state.step(1)
    assert state.commit()
    assert (state.console, state.audience) == (9, 9)
    assert not state.private
    assert state.nav.can_go_back  # a jump enters the history


def test_cancel_drops_the_preview() -> None:
    state = ShowState(Navigator(10, 2))
    assert not state.cancel()
    state.show_preview(5)
    assert state.cancel()
    assert (state.console, state.audience) == (2, 2)


def test_freeze_keeps_the_projector_while_browsing() -> None:
    state = ShowState(Navigator(10, 2))
    state.toggle_freeze()
    state.step(1)
    state.step(1)
    assert (state.console, state.audience, state.frozen) == (4, 2, 2)
    state.toggle_freeze()
    assert state.audience == 4
    state.toggle_freeze()
    state.step(1)
    assert state.commit()  # Enter unfreezes
    assert state.audience == 5


def test_blank_toggles_and_enter_does_not_lift_it() -> None:
    state = ShowState(Navigator(10))
    blanks = []
    for change in (
        lambda: state.toggle_blank("black"),
        lambda: state.toggle_blank("white"),
        state.commit,
        lambda: state.toggle_blank("white"),
    ):
        change()
        blanks.append(state.blank)
    assert blanks == ["black", "white", "white", None]


def test_typed_numbers_preview_as_they_are_typed() -> None:
    state = ShowState(Navigator(40, 2))
    state.start_typing()
    assert (state.typed, state.preview) == ("", None)
    state.type_digit("1")
    state.type_digit("7")
    assert (state.typed, state.preview, state.audience) == ("17", 16, 2)
    state.type_digit("x")  # not a digit: ignored
    assert state.erase_digit()
    assert (state.typed, state.preview) == ("1", 0)
    assert state.erase_digit()
    assert (state.typed, state.preview) == ("", None)
    for digit in "999999":
        state.type_digit(digit)
    assert (state.typed, state.preview) == ("99999", 39)  # five digits at most; clamped
    assert state.commit()
    assert (state.typed, state.audience) == (None, 39)
    assert not state.erase_digit()


def test_typed_number_zero_previews_nothing_and_esc_drops_it() -> None:
    state = ShowState(Navigator(10, 3))
    state.type_digit("0")
    assert (state.typed, state.preview) == ("0", None)
    assert state.cancel()
    assert (state.typed, state.preview) == (None, None)
    assert not state.cancel()


def test_banner_and_badges_say_what_is_private() -> None:
    state = ShowState(Navigator(10, 2))
    assert banner(state) == (None, "")
    assert badges(state, rehearsal=False, paused=False) == set()
    state.toggle_freeze()
    state.step(1)
    assert banner(state) == ("frozen", "Projector frozen on slide 3 · F or Enter shows this one")
    state.toggle_blank("black")
    assert banner(state)[0] == "black"  # the blank matters more than the freeze
    state.show_preview(7)
    kind, text = banner(state)
    assert kind == "preview" and "slide 8" in text and "the projector is black" in text
    assert badges(state, rehearsal=True, paused=True) == {
        "rehearsal",
        "paused",
        "preview",
        "frozen",
        "black",
    }
    state.start_typing()
    assert banner(state) == (
        "typing",
        "Go to slide: type its number · Enter shows it · Esc cancels",
    )


def test_remap_follows_slides_and_clamps_the_rest() -> None:
    state = ShowState(Navigator(10, 6), preview=8, frozen=3)
    state.remap(5, {6: 1, 3: 4})
    assert (state.nav.current, state.frozen, state.preview) == (1, 4, 4)


def test_jump_moves_the_preview_when_there_is_one() -> None:
    state = ShowState(Navigator(10, 2))
    state.start_typing()
    state.jump(6)
    assert (state.nav.current, state.typed, state.preview) == (6, None, None)
    state.show_preview(1)
    state.jump(9)
    assert (state.nav.current, state.preview) == (6, 9)


def test_history_drops_the_preview_and_enables_back_and_forward() -> None:
    state = ShowState(Navigator(10, 2))
    assert not state.enabled("back") and not state.enabled("forward")
    state.jump(7)
    assert state.enabled("back") and not state.enabled("forward")
    state.show_preview(4)
    assert state.pending
    state.history(forward=False)
    assert (state.nav.current, state.preview, state.pending) == (2, None, False)
    assert state.enabled("forward")
    state.history(forward=True)
    assert state.nav.current == 7


def test_enabled_follows_the_mode() -> None:
    state = ShowState(Navigator(10, 2), modes=ModeState(Mode.OVERVIEW, "overview"))
    assert not state.enabled("next") and state.enabled("show")
    state.modes = SUMMARY
    assert not state.enabled("pause_timer") and not state.enabled("marker", tool=True)
    assert state.enabled("end")
