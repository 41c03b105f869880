"""Presenter mode on one screen, driven like a presenter would: keys, clicks, a fake clock.

Two-screen behaviour (placement, swap, unplug and plug) is in test_presenter_screens.py; it
needs its own QApplication on a two-screen offscreen platform, so it runs in a subprocess.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.actions import BY_NAME, SECTION_ACTIONS
from desktop.core.model import Deck
from desktop.core.presenter.modes import ONLY_IN, Mode, ModeState
from desktop.core.rehearsal import load_rehearsal, rehearsal_path
from desktop.core.resources import bundled_deck
from desktop.render.renderer import SlideRenderer
from desktop.ui.presenter import attach_presenter, style
from desktop.ui.presenter.actions import PRESENTER_ACTIONS, SHARED
from desktop.ui.presenter.controller import PresenterController
from desktop.ui.presenter.timebar import time_texts
from desktop.ui.presenter.tools.overview import OverviewGrid, OverviewTool
from desktop.ui.settings import Settings
from desktop.ui.shortcuts import ShortcutsOverlay
from tests.conftest import DeckFactory, FakeClock, load, section_yaml
from tests.ui.conftest import NOW, Present, press, wait_active


def press_sequence(qtbot: QtBot, controller: PresenterController, sequence: str) -> None:
    """Press a key sequence written as in the action table (``"Ctrl+Shift+T"``)."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no presenter window is active"
    qtbot.keySequence(target, QKeySequence(sequence))


# The controller's state read through functions: mypy would otherwise keep a property's value
# narrowed from one assert to the next, across the keys that change it.


def mode(controller: PresenterController) -> str:
    return controller.mode


def typed(controller: PresenterController) -> str | None:
    return controller.typed


def running(controller: PresenterController) -> bool:
    return controller.running


def overview_open(controller: PresenterController) -> bool:
    return controller.overview_open


def overview_grid(controller: PresenterController) -> OverviewGrid:
    tool = controller.tools["overview"]
    assert isinstance(tool, OverviewTool)
    return tool.grid


def planned_section(title: str, duration: str, prefix: str) -> str:
    return section_yaml(
        title,
        f"{{id: {prefix}1, layout: section}}",
        f"{{id: {prefix}2, title: Points, bullets: [one port], sources: [src],"
        ' notes: "Say **this**."}',
        f"{{id: {prefix}3, title: More, bullets: [three]}}",
        duration=duration,
    )


@pytest.fixture
def planned_deck(make_deck: DeckFactory) -> Deck:
    """Three sections of three slides, planned 1 min, 2 min and 3 min; 6 min in all."""
    files: dict[str, str | bytes | None] = {
        "deck.yaml": "title: Planned\nduration: 6m\nsources:\n  - {id: src, title: S}\n"
        "sections: [a.yaml, b.yaml, c.yaml]\n",
        "a.yaml": planned_section(title="Alpha", duration="1m", prefix="a"),
        "b.yaml": planned_section(title="Beta", duration="2m", prefix="b"),
        "c.yaml": planned_section(title="Gamma", duration="3m", prefix="c"),
    }
    return load(make_deck(files))


# -- one screen ------------------------------------------------------------------------------


def test_one_screen_audience_full_screen_console_one_key_away(
    qtbot: QtBot, present: Present
) -> None:
    controller = present(start=3)
    screen = QApplication.primaryScreen()
    assert mode(controller) == "single"
    assert controller.audience.isFullScreen()
    assert controller.audience.geometry() == screen.geometry()
    assert controller.audience.slide_index() == 3
    assert not controller.console.isVisible()
    press(qtbot, controller, Qt.Key.Key_Tab)
    assert controller.console_up
    qtbot.waitUntil(controller.console.isFullScreen)
    assert controller.console.geometry() == screen.geometry()
    wait_active(qtbot, controller.console)
    press(qtbot, controller, Qt.Key.Key_Right)  # keys work in either window
    assert controller.audience.slide_index() == 4
    press(qtbot, controller, Qt.Key.Key_Tab)
    assert not controller.console.isVisible()
    assert controller.audience.isVisible()


def test_rehearsal_on_one_screen_is_windowed_side_by_side(qtbot: QtBot, present: Present) -> None:
    controller = present(rehearse=True)
    console, audience = controller.console.geometry(), controller.audience.geometry()
    assert mode(controller) == "windowed"
    assert controller.actions["windowed"].isChecked()
    assert controller.console.isVisible() and controller.audience.isVisible()
    assert not controller.console.isFullScreen() and not controller.audience.isFullScreen()
    assert console.left() < audience.left()  # the exact split: test_presenter_screens.py
    press_sequence(qtbot, controller, "Ctrl+Shift+W")
    assert mode(controller) == "single"
    assert controller.audience.isFullScreen()


def test_audience_window_hides_the_pointer(present: Present) -> None:
    controller = present()
    assert controller.audience.cursor_hidden()


def test_swap_on_one_screen_explains_itself(qtbot: QtBot, present: Present) -> None:
    controller = present()
    press(qtbot, controller, Qt.Key.Key_Tab)
    wait_active(qtbot, controller.console)
    press(qtbot, controller, Qt.Key.Key_S)
    assert "nothing to swap" in controller.console.message.text()
    assert mode(controller) == "single"


# -- keys ------------------------------------------------------------------------------------


def test_navigation_keeps_the_main_windows_names_and_keys() -> None:
    by_name = {spec.name: spec for spec in PRESENTER_ACTIONS}
    for name in SHARED:
        keys = by_name[name].shortcuts
        if name == "go_to":
            assert keys == ("G", *BY_NAME[name].shortcuts)
        else:
            assert keys == BY_NAME[name].shortcuts, name
    every = [key for spec in PRESENTER_ACTIONS for key in spec.shortcuts]
    normalised = [QKeySequence(key).toString() for key in every]
    assert len(set(normalised)) == len(normalised), "two actions share a key"


ALL_KEYS = [(spec.name, key) for spec in PRESENTER_ACTIONS for key in spec.shortcuts]


@pytest.mark.parametrize(("name", "key"), ALL_KEYS, ids=[f"{n}:{k}" for n, k in ALL_KEYS])
def test_every_presenter_key_triggers_its_action(
    qtbot: QtBot, present: Present, name: str, key: str
) -> None:
    controller = present(start=5)
    controller.jump(8)
    controller.jump(11)
    controller.history(forward=False)  # back and forward both possible now
    if name in ONLY_IN:  # a key of one tool's only (the zoom's 0): in that tool's mode
        controller.set_mode(ModeState(Mode.TOOL, ONLY_IN[name]))
    action = controller.actions[name]
    assert action.isEnabled(), name
    with qtbot.waitSignal(action.triggered, timeout=1000):
        press_sequence(qtbot, controller, key)


def test_shortcuts_overlay_lists_every_presenter_action(qtbot: QtBot, present: Present) -> None:
    controller = present()
    press(qtbot, controller, Qt.Key.Key_F1)
    overlays = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsOverlay)]
    assert len(overlays) == 1 and overlays[0].isVisible()
    listed = {text for _, text, _ in overlays[0].rows()}
    keyed = {spec.text for spec in PRESENTER_ACTIONS if spec.name not in SECTION_ACTIONS}
    assert keyed <= listed
    assert "Preview slide N" in listed and "Section 1 … 10" in listed  # the ten keys, one line
    overlays[0].close()


def test_navigation_keys_move_the_talk(qtbot: QtBot, present: Present) -> None:
    controller = present(start=4)
    deck = controller.deck
    press(qtbot, controller, Qt.Key.Key_Space)
    press(qtbot, controller, Qt.Key.Key_N)
    assert controller.audience.slide_index() == 6
    press(qtbot, controller, Qt.Key.Key_P)
    press(qtbot, controller, Qt.Key.Key_Backspace)
    assert controller.audience.slide_index() == 4
    press(qtbot, controller, Qt.Key.Key_End)
    assert controller.audience.slide_index() == deck.slide_count - 1
    press(qtbot, controller, Qt.Key.Key_Right)  # stays at the end
    assert controller.audience.slide_index() == deck.slide_count - 1
    press(qtbot, controller, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # back
    assert controller.audience.slide_index() == 4
    press(qtbot, controller, Qt.Key.Key_Home)
    assert controller.audience.slide_index() == 0
    press(qtbot, controller, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert controller.audience.slide_index() == deck.section_start(2)


def test_console_shows_position_next_slide_notes_and_sources(
    qtbot: QtBot, present: Present, planned_deck: Deck
) -> None:
    controller = present(planned_deck, start=4)
    console = controller.console
    assert console.position_text() == "action 2 / 3 · slide 5 / 9"
    assert console.section_label.text() == "Beta"
    assert console.current.index() == 4 and console.next.index() == 5
    assert not console.showing_end_marker()
    notes = console.notes.browser.toPlainText()
    assert "Say this." in notes and "Sources" in notes and "S" in notes
    press(qtbot, controller, Qt.Key.Key_End)
    assert console.showing_end_marker()
    assert console.next_caption.text() == "NEXT · NOTHING MORE"


def test_notes_font_and_scrolling_keys(qtbot: QtBot, present: Present) -> None:
    controller = present(start=5)
    notes = controller.console.notes
    size = notes.font_size()
    press_sequence(qtbot, controller, "Ctrl++")
    press_sequence(qtbot, controller, "Ctrl+=")
    assert notes.font_size() == size + 2
    press_sequence(qtbot, controller, "Ctrl+-")
    assert notes.font_size() == size + 1
    controller.actions["toggle_console"].trigger()
    wait_active(qtbot, controller.console)
    notes.set_font_size(40)
    bar = notes.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    press_sequence(qtbot, controller, "Ctrl+Down")
    assert bar.value() > 0
    assert controller.state.console == 5  # the slide stayed
    press_sequence(qtbot, controller, "Ctrl+Up")
    assert bar.value() == 0


# -- the projector ---------------------------------------------------------------------------


def test_black_and_white_screens(qtbot: QtBot, present: Present) -> None:
    controller = present(start=2)
    console = controller.console
    press(qtbot, controller, Qt.Key.Key_B)
    assert controller.audience.blank() == "black"
    assert console.visible_badges() == ["black"]
    assert "Projector is black" in console.banner_text()
    assert controller.actions["black"].isChecked()
    press(qtbot, controller, Qt.Key.Key_W)
    assert controller.audience.blank() == "white"
    assert console.visible_badges() == ["white"]
    press(qtbot, controller, Qt.Key.Key_Right)  # the talk goes on under the blank
    press(qtbot, controller, Qt.Key.Key_Return)  # Enter does not lift it
    assert controller.audience.blank() == "white"
    press(qtbot, controller, Qt.Key.Key_W)
    assert controller.audience.blank() is None
    assert controller.audience.slide_index() == 3
    assert console.visible_badges() == [] and console.banner_text() == ""
    press(qtbot, controller, Qt.Key.Key_Period)
    assert controller.audience.blank() == "black"
    grab = controller.audience.grab().toImage()
    assert grab.pixelColor(grab.width() // 2, grab.height() // 2).name() == "#000000"


def test_freeze_while_browsing_ahead(qtbot: QtBot, present: Present) -> None:
    controller = present(start=2)
    console = controller.console
    press(qtbot, controller, Qt.Key.Key_F)
    press(qtbot, controller, Qt.Key.Key_Right)
    press(qtbot, controller, Qt.Key.Key_Right)
    assert controller.audience.slide_index() == 2
    assert console.current.index() == 4
    assert console.visible_badges() == ["frozen"]
    assert "frozen on slide 3" in console.banner_text()
    press(qtbot, controller, Qt.Key.Key_F)  # F again shows the presenter's slide
    assert controller.audience.slide_index() == 4
    press(qtbot, controller, Qt.Key.Key_F)
    press(qtbot, controller, Qt.Key.Key_Right)
    press(qtbot, controller, Qt.Key.Key_Enter)  # and so does Enter
    assert controller.audience.slide_index() == 5
    assert console.visible_badges() == []


# -- private go-to, search, sections, overview ------------------------------------------------


def test_typed_number_previews_privately_and_enter_shows_it(qtbot: QtBot, present: Present) -> None:
    controller = present(start=2)
    console = controller.console
    press(qtbot, controller, "1")
    press(qtbot, controller, "7")
    assert typed(controller) == "17"
    assert console.current.index() == 16
    assert controller.audience.slide_index() == 2
    assert console.visible_badges() == ["preview"]
    assert "Go to slide 17" in console.banner_text()
    press(qtbot, controller, Qt.Key.Key_Backspace)  # edits the number, not the talk
    assert typed(controller) == "1" and console.current.index() == 0
    press(qtbot, controller, "9")
    press(qtbot, controller, Qt.Key.Key_Return)
    assert controller.audience.slide_index() == 18
    assert typed(controller) is None and console.visible_badges() == []


def test_g_then_number_and_esc_cancels(qtbot: QtBot, present: Present) -> None:
    controller = present(start=2)
    press(qtbot, controller, Qt.Key.Key_G)
    assert typed(controller) == ""
    assert "type its number" in controller.console.banner_text()
    press(qtbot, controller, "9")
    press(qtbot, controller, "9")
    assert controller.console.current.index() == controller.deck.slide_count - 1  # clamped
    press(qtbot, controller, Qt.Key.Key_Escape)
    assert running(controller)
    assert typed(controller) is None
    assert controller.console.current.index() == 2
    assert controller.audience.slide_index() == 2


def test_preview_arrows_browse_privately(qtbot: QtBot, present: Present) -> None:
    controller = present(start=2)
    controller.preview(10)
    press(qtbot, controller, Qt.Key.Key_Right)
    assert controller.console.current.index() == 11
    assert controller.audience.slide_index() == 2
    assert "the projector shows slide 3" in controller.console.banner_text()
    press(qtbot, controller, Qt.Key.Key_Escape)
    assert running(controller) and controller.console.current.index() == 2


def test_private_search(qtbot: QtBot, present: Present, planned_deck: Deck) -> None:
    controller = present(planned_deck, start=0)
    console = controller.console
    press_sequence(qtbot, controller, "Ctrl+F")
    assert controller.console_up and console.find_open()
    wait_active(qtbot, console)
    assert QApplication.focusWidget() is console.finder.box
    qtbot.keyClicks(console.finder.box, "port")  # letters type, they do not act
    hits = console.finder.hits()
    assert [hit.index for hit in hits] == [1, 4, 7]
    assert console.current.index() == 1
    assert controller.audience.slide_index() == 0
    press(qtbot, controller, Qt.Key.Key_Down)
    assert console.current.index() == 4
    assert controller.audience.slide_index() == 0
    press(qtbot, controller, Qt.Key.Key_F3)
    assert console.current.index() == 7
    press(qtbot, controller, Qt.Key.Key_Return)
    assert controller.audience.slide_index() == 7
    assert not console.find_open()
    press_sequence(qtbot, controller, "Ctrl+F")
    press(qtbot, controller, Qt.Key.Key_Up)
    assert console.current.index() == 4
    press(qtbot, controller, Qt.Key.Key_Escape)
    assert not console.find_open() and running(controller)
    assert console.current.index() == 7 and controller.audience.slide_index() == 7


def test_section_strip_click_previews_privately(
    qtbot: QtBot, present: Present, planned_deck: Deck
) -> None:
    controller = present(planned_deck)
    controller.actions["toggle_console"].trigger()
    strip = controller.console.strip
    qtbot.waitUntil(lambda: strip.width() > 100)
    rects = strip.segment_rects()
    assert len(rects) == 3
    # Widths follow the plan: 1, 2 and 3 minutes.
    assert rects[2].width() == pytest.approx(3 * rects[0].width(), rel=0.02)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=rects[2].center().toPoint())
    assert controller.console.current.index() == 6
    assert controller.audience.slide_index() == 0
    assert "Click to preview" in strip.tooltip_for(2)
    press(qtbot, controller, Qt.Key.Key_Return)
    assert controller.audience.slide_index() == 6
    # From the overview too: the strip closes it to show the preview.
    controller.actions["overview"].trigger()
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=rects[1].center().toPoint())
    assert not overview_open(controller) and controller.console.page() == "talk"
    assert controller.console.current.index() == 3


def test_overview_grid_arrows_and_enter(qtbot: QtBot, present: Present) -> None:
    controller = present(start=2)
    console = controller.console
    press(qtbot, controller, Qt.Key.Key_O)
    assert overview_open(controller) and console.page() == "overview"
    assert controller.console_up
    grid = overview_grid(controller)
    assert len(grid.cells()) == controller.deck.slide_count
    assert grid.selected() == 2
    wait_active(qtbot, console)
    assert not controller.actions["next"].isEnabled()  # arrows belong to the grid now
    press(qtbot, controller, Qt.Key.Key_Right)
    assert grid.selected() == 3
    below = grid.cells()[3].rect.center().y()
    press(qtbot, controller, Qt.Key.Key_Down)
    assert grid.cells()[grid.selected()].rect.center().y() > below
    chosen = grid.selected()
    assert controller.audience.slide_index() == 2  # nothing shown yet
    press(qtbot, controller, Qt.Key.Key_Return)
    assert controller.audience.slide_index() == chosen
    assert not overview_open(controller) and console.page() == "talk"
    assert controller.actions["next"].isEnabled()
    press(qtbot, controller, Qt.Key.Key_O)
    press(qtbot, controller, Qt.Key.Key_Right)
    press(qtbot, controller, Qt.Key.Key_Escape)
    assert not overview_open(controller) and running(controller)
    assert controller.audience.slide_index() == chosen
    # The mouse: a click selects, a double-click shows.
    press(qtbot, controller, Qt.Key.Key_O)
    canvas = grid.widget()
    target = grid.cells()[1].rect.center().toPoint()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=target)
    assert grid.selected() == 1 and controller.audience.slide_index() == chosen
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=target)
    assert controller.audience.slide_index() == 1
    assert not overview_open(controller)


def test_overview_sections_are_grouped(present: Present) -> None:
    controller = present()
    controller.actions["overview"].trigger()
    grid = overview_grid(controller)
    deck = controller.deck
    cells = grid.cells()
    for section_index, section in enumerate(deck.sections):
        start = deck.section_start(section_index)
        tops = {cells[start + n].rect.top() for n in range(len(section.slides))}
        lefts = [cells[start + n].rect.left() for n in range(len(section.slides))]
        assert lefts == sorted(lefts) or len(tops) > 1
    assert grid.thumb_size().width() >= 160


# -- time --------------------------------------------------------------------------------------


def test_timer_starts_at_the_first_advance(
    qtbot: QtBot, present: Present, clock: FakeClock, planned_deck: Deck
) -> None:
    controller = present(planned_deck)
    bar = controller.console.time_bar
    clock.advance(120)  # people sit down: not counted
    controller.refresh_time()
    texts = bar.texts()
    assert texts is not None
    assert texts.elapsed == "0:00" and texts.elapsed_caption.startswith("starts at the next")
    assert texts.clock == "14:05"
    assert texts.left == "6:00" and texts.left_caption == "left of 6:00"
    press(qtbot, controller, Qt.Key.Key_Right)
    clock.advance(90)
    controller.refresh_time()
    texts = bar.texts()
    assert texts is not None
    assert (texts.elapsed, texts.elapsed_caption, texts.left) == ("1:30", "elapsed", "4:30")
    assert controller.tracker.spent_slide(0) == 0
    assert controller.tracker.spent_slide(1) == pytest.approx(90)


def test_pause_resume_and_reset(
    qtbot: QtBot, present: Present, clock: FakeClock, planned_deck: Deck
) -> None:
    controller = present(planned_deck)
    press(qtbot, controller, Qt.Key.Key_Right)
    clock.advance(30)
    press(qtbot, controller, Qt.Key.Key_T)
    clock.advance(600)
    controller.refresh_time()
    texts = controller.console.time_bar.texts()
    assert texts is not None and texts.elapsed == "0:30"
    assert texts.elapsed_caption.startswith("paused")
    assert "paused" in controller.console.visible_badges()
    press(qtbot, controller, Qt.Key.Key_Pause)
    clock.advance(15)
    controller.refresh_time()
    texts = controller.console.time_bar.texts()
    assert texts is not None and texts.elapsed == "0:45"
    press_sequence(qtbot, controller, "Ctrl+Shift+T")
    assert not controller.tracker.timer.started
    assert "Timer reset" in controller.console.message.text()
    clock.advance(100)
    press(qtbot, controller, Qt.Key.Key_Right)  # starts again at the next advance
    clock.advance(5)
    assert controller.tracker.timer.elapsed == pytest.approx(5)


def test_pacing_waits_two_minutes_then_is_coloured_when_a_minute_off(
    qtbot: QtBot, present: Present, clock: FakeClock, planned_deck: Deck
) -> None:
    controller = present(planned_deck)
    bar = controller.console.time_bar

    def pace() -> tuple[str, str]:
        controller.refresh_time()
        texts = bar.texts()
        assert texts is not None
        return texts.pace, texts.pace_colour

    press(qtbot, controller, Qt.Key.Key_Right)  # slide 2 of section 1 (planned 0:20-0:40)
    clock.advance(50)
    assert pace() == ("", style.MUTED)  # no verdict in the first two minutes
    clock.advance(140)  # 3:10 in, the slide's plan ended at 0:40 → 2 min 30 s behind
    assert pace() == ("3 min behind", style.BEHIND)
    assert controller.console.strip.paces()[0].over
    press_sequence(qtbot, controller, "Ctrl+3")  # section 3 is planned from 3:00
    assert pace() == ("on time", style.ON_TIME)
    press(qtbot, controller, Qt.Key.Key_End)  # planned at 5:00; 3:10 in → ahead
    assert pace() == ("2 min ahead", style.AHEAD)
    clock.advance(110)
    controller.refresh_time()
    texts = bar.texts()
    assert texts is not None
    assert (texts.left, texts.left_colour) == ("1:00", style.BEHIND)  # amber near the end
    clock.advance(130)
    controller.refresh_time()
    texts = bar.texts()
    assert texts is not None
    assert (texts.left, texts.left_caption, texts.left_colour) == (
        "\u22121:10",
        "over 6:00",
        style.OVER,
    )
    states = [p.state for p in controller.console.strip.paces()]
    assert states == ["done", "done", "current"]


def test_time_texts_without_a_plan(make_deck: DeckFactory, clock: FakeClock) -> None:
    from desktop.core.timing import PaceTracker

    files: dict[str, str | bytes | None] = {
        "deck.yaml": "title: No plan\nsections: [a.yaml]\n",
        "a.yaml": "title: A\nslides:\n  - {layout: section}\n",
    }
    deck = load(make_deck(files))
    tracker = PaceTracker(deck, clock)
    tracker.on_slide(0)
    texts = time_texts(tracker.pacing(0), tracker.timer, NOW, 0)
    assert (texts.left, texts.left_caption) == ("—", "no planned length")
    assert (texts.pace, texts.pace_caption) == ("", "no section has a plan")


def test_no_pace_before_the_talk_starts(clock: FakeClock) -> None:
    from desktop.core.timing import PaceTracker

    deck = load(bundled_deck())
    tracker = PaceTracker(deck, clock)
    # presenting from slide 10 (the agenda takes two): the plan puts it at 4:30
    tracker.on_slide(9)
    texts = time_texts(tracker.pacing(9), tracker.timer, NOW, 9)
    assert (texts.pace, texts.pace_colour) == ("ready", style.MUTED)
    assert texts.pace_caption == "the plan reaches slide 10 at 4:30"
    tracker.start()
    clock.advance(1)  # one second in, nobody is ahead yet
    texts = time_texts(tracker.pacing(9), tracker.timer, NOW, 9)
    assert (texts.pace, texts.pace_colour) == ("", style.MUTED)
    assert texts.pace_caption == "pace from 2:00 on · slide 10 at 4:30"
    clock.advance(119)
    assert time_texts(tracker.pacing(9), tracker.timer, NOW, 9).pace == "3 min ahead"


# -- rehearsal ---------------------------------------------------------------------------------


def test_rehearsal_is_saved_read_back_and_summarised(
    qtbot: QtBot, present: Present, clock: FakeClock, planned_deck: Deck, app_home: Path
) -> None:
    controller = present(planned_deck, rehearse=True)
    assert "rehearsal" in controller.console.visible_badges()
    for seconds in (20, 40, 30, 50, 60, 10, 70, 80):
        press(qtbot, controller, Qt.Key.Key_Right)
        clock.advance(seconds)
    press(qtbot, controller, Qt.Key.Key_Escape)  # ends the run, shows the summary
    assert running(controller)
    assert controller.console.page() == "summary"
    path = controller.saved_rehearsal
    assert path is not None and path == rehearsal_path(planned_deck) and path.is_file()
    assert app_home in path.parents and planned_deck.root not in path.parents
    saved = load_rehearsal(planned_deck)
    assert saved is not None
    assert saved.total == pytest.approx(360)
    assert saved.slide_seconds["a2"] == pytest.approx(20)
    assert saved.section_seconds == pytest.approx({"a": 60, "b": 140, "c": 160})
    rows = controller.console.summary.rows()
    assert [(r.title, r.planned, r.spent, r.difference) for r in rows] == [
        ("Alpha", "1:00", "1:00", "+0:00"),
        ("Beta", "2:00", "2:20", "+0:20"),
        ("Gamma", "3:00", "2:40", "\u22120:20"),
        ("Total", "6:00", "6:00", "+0:00"),
    ]
    chart = controller.console.summary.chart  # the same times, drawn by the slides' chart code
    assert chart.chart is not None
    assert [s.name for s in chart.chart.series] == ["Planned", "This run"]
    assert [[v.value if v else None for v in s.values] for s in chart.chart.series] == [
        [1.0, 2.0, 3.0],
        [1.0, 2.3, 2.7],
    ]
    laid = chart.layout_of(QSizeF(900, 240))
    assert laid is not None and not laid.overflowing()
    labels = [box.paras[0].text for box in laid.boxes]
    assert {"1", "2", "3", "Planned", "This run", "2.3", "minutes per section"} <= set(labels)
    with qtbot.waitSignal(controller.ended) as ended:
        press(qtbot, controller, Qt.Key.Key_Escape)
    assert ended.args == [8]


def test_finished_rehearsal_time_is_final(
    qtbot: QtBot, present: Present, clock: FakeClock, planned_deck: Deck
) -> None:
    controller = present(planned_deck, rehearse=True)
    controller.step(1)
    clock.advance(12)
    controller.finish_rehearsal()
    assert not controller.actions["pause_timer"].isEnabled()
    clock.advance(100)
    controller.refresh_time()
    texts = controller.console.time_bar.texts()
    assert texts is not None
    assert (texts.elapsed, texts.elapsed_caption) == ("0:12", "rehearsal finished")


def test_second_rehearsal_compares_with_the_first(
    qtbot: QtBot, present: Present, clock: FakeClock, planned_deck: Deck
) -> None:
    first = present(planned_deck, rehearse=True)
    first.step(1)
    clock.advance(100)
    first.finish_rehearsal()
    first.end()
    second = present(planned_deck, rehearse=True)
    assert "last rehearsal 1:40" in second.console.strip.tooltip_for(0)
    second.step(1)
    clock.advance(50)
    second.finish_rehearsal()
    rows = second.console.summary.rows()
    assert rows[0].previous == "1:40" and rows[0].spent == "0:50"
    assert rows[-1].previous == "1:40"


def test_rehearsal_is_saved_even_when_ended_directly(
    present: Present, clock: FakeClock, planned_deck: Deck
) -> None:
    controller = present(planned_deck, rehearse=True)
    controller.step(1)
    clock.advance(42)
    controller.end()
    saved = load_rehearsal(planned_deck)
    assert saved is not None and saved.total == pytest.approx(42)


# -- a deck reloaded mid-talk -------------------------------------------------------------------


def test_reload_mid_talk_keeps_slide_and_time(
    qtbot: QtBot, present: Present, clock: FakeClock, planned_deck: Deck
) -> None:
    controller = present(planned_deck)
    for _ in range(4):
        press(qtbot, controller, Qt.Key.Key_Right)
        clock.advance(30)
    assert controller.audience.slide_index() == 4  # b2
    elapsed = controller.tracker.timer.elapsed
    section_b = controller.tracker.spent_section(1)
    # Someone inserts a slide at the start of section A and saves.
    text = (planned_deck.root / "a.yaml").read_text(encoding="utf-8")
    text = text.replace("slides:\n", "slides:\n  - {id: a0, title: New, bullets: [n]}\n")
    (planned_deck.root / "a.yaml").write_text(text, encoding="utf-8")
    reloaded = load(planned_deck.root)
    controller.set_deck(reloaded, SlideRenderer(reloaded))
    assert controller.deck is reloaded
    assert controller.audience.slide_index() == 5  # still b2
    assert reloaded.refs[5].slide.id == "b2"
    assert controller.console.position_text() == "action 2 / 3 · slide 6 / 10"
    assert controller.tracker.timer.elapsed == pytest.approx(elapsed)
    assert controller.tracker.spent_section(1) == pytest.approx(section_b)
    assert controller.console.message.text() == "Deck reloaded."
    clock.advance(10)
    assert controller.tracker.timer.elapsed == pytest.approx(elapsed + 10)
    # A reload that failed (the main window keeps its last good deck) changes nothing.
    controller.set_deck(None, None)
    assert controller.deck is reloaded
    assert controller.audience.slide_index() == 5
    assert "still presenting the last good one" in controller.console.message.text()
    press(qtbot, controller, Qt.Key.Key_Right)
    assert controller.audience.slide_index() == 6


# -- ending --------------------------------------------------------------------------------------


def test_esc_ends_at_the_slide_reached(qtbot: QtBot, present: Present) -> None:
    controller = present(start=3)
    press(qtbot, controller, Qt.Key.Key_Right)
    controller.preview(20)  # a preview is not where the talk is
    press(qtbot, controller, Qt.Key.Key_Escape)  # first Esc drops the preview
    assert running(controller)
    with qtbot.waitSignal(controller.ended) as ended:
        press(qtbot, controller, Qt.Key.Key_Escape)
    assert ended.args == [4]
    assert not running(controller)
    assert not controller.audience.isVisible() and not controller.console.isVisible()


def test_closing_a_window_ends_the_talk(qtbot: QtBot, present: Present) -> None:
    controller = present(start=1)
    with qtbot.waitSignal(controller.ended) as ended:
        controller.audience.close()
    assert ended.args == [1]


def test_an_empty_deck_cannot_be_presented(settings: Settings, make_deck: DeckFactory) -> None:
    deck = load(make_deck())
    empty = Deck(title="Empty", root=deck.root, sections=())
    with pytest.raises(ValueError, match="without slides"):
        PresenterController(empty, SlideRenderer(deck), settings, 0)


# -- the main window -------------------------------------------------------------------------------


def test_attach_presenter_to_the_main_window(
    qtbot: QtBot, settings: Settings, clock: FakeClock, planned_deck: Deck
) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.open_deck(planned_deck.root)
    window.show()
    qtbot.waitExposed(window)
    launcher = attach_presenter(window, clock=clock)
    window.present_requested.emit(2)
    controller = launcher.controller
    assert controller is not None and running(controller)
    assert not window.isVisible()
    assert controller.audience.slide_index() == 2
    assert launcher.present(0) is controller  # one talk at a time
    # The window reloads the deck during the talk: the presenter follows.
    window.reload()
    assert controller.deck is window.deck
    controller.step(1)
    with qtbot.waitSignal(controller.ended):
        controller.escape()
    assert launcher.controller is None
    assert window.isVisible()
    assert window.current_index() == 3
    # A rehearsal from the window (e.g. a "Rehearse" action calling the launcher).
    rehearsal = launcher.present(0, rehearse=True)
    assert rehearsal is not None and rehearsal.rehearse and rehearsal is not controller
    rehearsal.end()


def test_attach_presenter_without_a_deck(qtbot: QtBot, settings: Settings) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    launcher = attach_presenter(window)
    assert launcher.present(0) is None
    assert "Open a valid deck" in window.statusBar().currentMessage()
