"""The presenter in Chinese: every label, tooltip, badge, banner, clock and key of the console.

Under ``zh_CN`` the console is walked in each of its modes (the talk, each tool, the overview,
go-to, the search, black, white and frozen, a paused timer, a rehearsal's summary, the F1 list)
and every text it shows must be free of untranslated English (:func:`english_words`); what
the deck says (its titles, notes, slides, search hits) stays the deck's. The pacing words are
checked without a window, with fake clocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.i18n import _
from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.pacing import MIN_ELAPSED, judge, pace_label
from desktop.core.presenter.screens import ScreenInfo, choose_screens
from desktop.core.rehearsal import Rehearsal
from desktop.core.resources import bundled_deck
from desktop.core.talk import Talk
from desktop.core.timing import PaceTracker
from desktop.ui.presenter.console import END_OF_BRIEFING
from desktop.ui.presenter.controller import PresenterController
from desktop.ui.presenter.summary_chart import time_chart
from desktop.ui.presenter.timebar import time_texts
from desktop.ui.settings import Settings
from desktop.ui.shortcuts import ShortcutsOverlay
from tests.conftest import FakeClock, load
from tests.i18n.conftest import UiLanguage
from tests.i18n.english import english_words
from tests.ui.conftest import NOW, finish, make_controller, press, wait_active

Start = Callable[..., PresenterController]


@pytest.fixture
def deck() -> Deck:
    return load(bundled_deck())


@pytest.fixture
def start(
    qtbot: QtBot, settings: Settings, clock: FakeClock, ui_language: UiLanguage
) -> Iterator[Start]:
    """Start a presentation of the bundled deck with the interface in Chinese."""
    ui_language("zh_CN")
    started: list[PresenterController] = []

    def factory(deck: Deck, start: int = 0, rehearse: bool = False) -> PresenterController:
        controller = make_controller(deck, settings, clock, start, rehearse=rehearse)
        started.append(controller)
        wait_active(
            qtbot, controller.console if controller.console.isVisible() else controller.audience
        )
        return controller

    yield factory
    for controller in started:
        finish(controller)


def _deck_content(controller: PresenterController) -> list[QWidget]:
    """The console's widgets that show the deck's own words (not the interface's)."""
    console = controller.console
    return [
        console.section_label,
        console.next_title,
        console.notes,  # the notes pane: the deck's notes under a heading of the main window's
        console.finder.results,  # the hits: the deck's titles and words
        console.current,
        console.next,
    ]


def shown_texts(controller: PresenterController) -> list[tuple[str, str]]:
    """Every text the console shows now, as (where, text): each visible widget's text,
    placeholder, tooltip, accessible name and description, table headings, the window title
    (without the deck's title), the strip's tooltips (without the sections' names), and the
    presenter's actions (their menu texts, tooltips and status tips)."""
    console = controller.console
    skip = _deck_content(controller)
    found: list[tuple[str, str]] = []
    title = plain(controller.deck.title)
    found.append(("console title", console.windowTitle().replace(title, "")))
    found.append(("audience title", controller.audience.windowTitle().replace(title, "")))
    found.append(("audience name", controller.audience.accessibleName()))
    for widget in [console, *console.findChildren(QWidget)]:
        if widget is not console and not widget.isVisibleTo(console):
            continue
        if any(widget is s or s.isAncestorOf(widget) for s in skip):
            continue
        name = widget.objectName() or type(widget).__name__
        texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(column)
                texts.append(item.text() if item is not None else "")
            last = widget.rowCount() - 1
            if last >= 0 and (total := widget.item(last, 1)) is not None:
                texts.append(total.text())  # the total row (the others name the sections)
        found.extend((name, text) for text in texts if text)
    strip = console.strip
    for index in range(len(controller.deck.sections)):
        lines = strip.tooltip_for(index).split("\n")
        found.append((f"strip tooltip {index}", "\n".join(lines[1:])))  # after "3. <title>"
    for action in controller.actions.all():
        for text in (action.text(), action.toolTip(), action.statusTip(), action.iconText()):
            found.append((action.objectName(), text))
    return found


def untranslated(controller: PresenterController) -> list[tuple[str, str, list[str]]]:
    return [
        (where, text, words)
        for where, text in shown_texts(controller)
        if (words := english_words(text))
    ]


def test_the_console_speaks_chinese_in_every_mode(
    qtbot: QtBot, start: Start, clock: FakeClock, deck: Deck
) -> None:
    controller = start(deck)
    console = controller.console
    left: list[tuple[str, str, str, list[str]]] = []

    def look(mode: str) -> None:
        QApplication.processEvents()
        left.extend((mode, *found) for found in untranslated(controller))

    look("before the timer starts")
    assert console.time_bar.texts() is not None
    assert console.time_bar.texts().pace == "就绪"  # type: ignore[union-attr]
    press(qtbot, controller, Qt.Key.Key_Right)
    clock.advance(400)
    controller.refresh()
    look("talking, behind the plan")
    assert "分钟" in console.time_bar.pace.value.text()
    press(qtbot, controller, Qt.Key.Key_T)
    look("paused")
    assert console.time_bar.texts().paused  # type: ignore[union-attr]
    press(qtbot, controller, Qt.Key.Key_T)
    for tool in ("pointer", "spotlight", "zoom_in", "pen", "highlighter", "eraser"):
        controller.actions[tool].trigger()
        look(tool)
        assert console.tool_row.active.text() or tool == "zoom_in"
        controller.escape()
    controller.actions["overview"].trigger()
    look("overview")
    controller.escape()
    press(qtbot, controller, Qt.Key.Key_G)
    look("go to: G")
    press(qtbot, controller, "1")
    press(qtbot, controller, "2")
    look("go to: 12")
    controller.escape()
    controller.actions["find"].trigger()
    look("search: empty")
    console.finder.box.setText("Tianjin")
    look("search: hits")
    console.finder.box.setText("qqqzzz")
    look("search: nothing")
    controller.escape()
    for name in ("black", "white", "freeze"):
        controller.actions[name].trigger()
        look(name)
        controller.preview(7)
        look(f"{name} with a preview")
        controller.escape()
        controller.actions[name].trigger()
    controller.actions["swap_screens"].trigger()  # one screen: the console says so
    look("one screen: nothing to swap")
    assert console.message.text()
    controller.actions["reset_timer"].trigger()
    look("timer reset")
    controller.set_deck(None, None)
    look("the deck did not reload")
    press(qtbot, controller, Qt.Key.Key_End)
    look("the last slide")
    assert left == []


def test_the_f1_list_of_the_console_is_chinese(qtbot: QtBot, start: Start, deck: Deck) -> None:
    controller = start(deck)
    overlay = controller.show_shortcuts()
    assert isinstance(overlay, ShortcutsOverlay)
    lines = [(group.title, row.text, row.typed) for group in overlay.groups for row in group.rows]
    overlay.close()
    assert len(lines) > 30  # the keys themselves are Qt's names (Ctrl, Pause, PgDown): not words
    assert [line for line in lines if english_words(" ".join(line))] == []
    assert ("导航", "预览第 N 张幻灯片", "输入编号（按 Enter 放映）") in lines


def test_a_rehearsal_summary_is_chinese(
    qtbot: QtBot, start: Start, clock: FakeClock, deck: Deck
) -> None:
    controller = start(deck, rehearse=True)
    assert controller.console.badges["rehearsal"].text() == "排练"
    for seconds in (90, 200, 40):
        press(qtbot, controller, Qt.Key.Key_Right)
        clock.advance(seconds)
    controller.escape()
    assert controller.console.page() == "summary"
    QApplication.processEvents()
    assert untranslated(controller) == []
    summary = controller.console.summary
    assert summary.title.text() == "排练结束" and summary.rows()[-1].title == "合计"
    chart = summary.chart.chart
    assert chart is not None
    assert [s.name for s in chart.series] == ["计划", "本次"] and chart.unit == "各章节分钟数"


def test_painted_words_and_messages_are_chinese(ui_language: UiLanguage, deck: Deck) -> None:
    ui_language("zh_CN")
    assert _(END_OF_BRIEFING) == "放映结束"
    chart = time_chart(deck, _rehearsal(deck))
    assert english_words(" ".join((*(s.name for s in chart.series), chart.unit))) == []
    talk = Talk(end=1, hidden=frozenset({0}), numbers=(0, 1), count=0, backup_count=1, steps=(1, 1))
    assert (talk.mark(0), talk.mark(1)) == ("隐藏", "备用")  # the main window's lists say so
    laptop = ScreenInfo("eDP-1", 0, 0, 1920, 1200, primary=True)
    note = choose_screens([laptop], requested="HDMI-9", remembered={}).note
    assert note == "没有名为“HDMI-9”的屏幕（现有屏幕：eDP-1）。"


def _rehearsal(deck: Deck) -> Rehearsal:
    return Rehearsal(
        deck_key="k",
        recorded_at=NOW.isoformat(),
        slide_seconds={},
        section_seconds={section.id: 60.0 for section in deck.sections},
        total=60.0 * len(deck.sections),
    )


def test_pacing_words_are_chinese(ui_language: UiLanguage, deck: Deck, clock: FakeClock) -> None:
    ui_language("zh_CN")
    assert pace_label(0.0) == "准时"
    assert judge(561.0, 200.0, 500.0).label == "落后 1 分钟"
    assert judge(MIN_ELAPSED, 300.0, 330.0).label == "提前 3 分钟"
    tracker = PaceTracker(deck, clock)
    tracker.on_slide(0)
    captions = [time_texts(tracker.pacing(0), tracker.timer, NOW, 0)]
    tracker.start()
    clock.advance(30)
    captions.append(time_texts(tracker.pacing(0), tracker.timer, NOW, 0))  # too early to judge
    clock.advance(900)
    captions.append(time_texts(tracker.pacing(1), tracker.timer, NOW, 1))
    tracker.pause()
    captions.append(time_texts(tracker.pacing(1), tracker.timer, NOW, 1, finished=True))
    texts = [
        text
        for t in captions
        for text in (t.elapsed_caption, t.left_caption, t.pace, t.pace_caption)
    ]
    assert [text for text in texts if english_words(text)] == []
    assert captions[0].elapsed_caption == "切换到下一张时开始" and captions[0].pace == "就绪"
    assert captions[2].pace == "落后 15 分钟"
