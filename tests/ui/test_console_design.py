"""The presenter console's design rules, measured on the widgets as laid out and painted.

At a laptop's 1366×768 and at 1920×1080: the notes' share of the height and their whole last
line, the section chips' labels and contrast, a banner that moves nothing, and clocks that
agree (driven by the fake clock).
"""

from __future__ import annotations

import itertools
from typing import Final

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.model import Deck
from desktop.core.numbering import action_number
from desktop.core.resources import bundled_deck
from desktop.core.settings import PRESENTER_NOTES_FONT_SIZE
from desktop.ui.presenter import style
from desktop.ui.presenter.console import ConsoleWindow
from desktop.ui.presenter.controller import PresenterController
from desktop.ui.presenter.notes import TOP_GAP, line_spans
from desktop.ui.presenter.strip import LEGEND, MIN_LETTERS, chip_look
from desktop.ui.presenter.timebar import URGENCY_COLOURS
from desktop.ui.settings import Settings
from tests.conftest import DeckFactory, FakeClock, load, section_yaml
from tests.ui.conftest import Present, press

SIZES: Final = ((1366, 768), (1920, 1080))
AA: Final = 4.5
_BUNDLED: Final = load(bundled_deck())
LONG_NOTES: Final = max(
    range(_BUNDLED.slide_count), key=lambda i: len(_BUNDLED.refs[i].slide.notes)
)
"""The bundled deck's slide with the longest notes."""
SHORT_NOTES: Final = min(
    (i for i in range(_BUNDLED.slide_count) if _BUNDLED.refs[i].slide.notes),
    key=lambda i: len(_BUNDLED.refs[i].slide.notes),
)
"""The bundled deck's slide with the shortest notes (not none)."""


def contrast(a: str, b: str) -> float:
    """The WCAG 2 contrast ratio of two colours."""

    def luminance(colour: str) -> float:
        rgb = QColor(colour)
        channels = []
        for value in (rgb.redF(), rgb.greenF(), rgb.blueF()):
            low = value <= 0.03928
            channels.append(value / 12.92 if low else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def laid_out(controller: PresenterController, size: tuple[int, int]) -> ConsoleWindow:
    """The console as a window of *size*, laid out."""
    controller.placement.windowed = True
    controller.placement.place()
    console = controller.console
    console.showNormal()
    console.resize(*size)
    QApplication.processEvents()
    assert (console.width(), console.height()) == size
    return console


def geometries(console: ConsoleWindow, skip: QWidget) -> dict[str, QRect]:
    """Where every visible widget of *console* is, except *skip* and what is inside it."""
    found: dict[str, QRect] = {}
    for n, widget in enumerate(console.findChildren(QWidget)):
        if not widget.isVisible() or widget is skip or skip.isAncestorOf(widget):
            continue
        name = f"{n}:{type(widget).__name__}:{widget.objectName()}"
        found[name] = QRect(widget.mapTo(console, QPoint(0, 0)), widget.size())
    return found


# -- the notes --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_notes_get_forty_percent_of_the_height_at_their_font_size(
    present: Present, settings: Settings, size: tuple[int, int]
) -> None:
    settings.set(PRESENTER_NOTES_FONT_SIZE, 20)
    controller = present(start=LONG_NOTES)
    console = laid_out(controller, size)
    for points in (20, 40):  # the largest size too: the next slide gives way
        console.notes.set_font_size(points)
        QApplication.processEvents()
        shown = console.notes_cover.shown_bottom()  # the text shown, above any cover or cue
        assert shown >= 0.4 * size[1], (points, shown, size)
    console.notes.set_font_size(20)
    assert console.notes.font_size() == 20
    assert console.notes.browser.font().pointSize() == 20


@pytest.mark.parametrize("size", SIZES)
def test_long_notes_end_on_a_whole_line_with_a_more_cue(
    present: Present, size: tuple[int, int]
) -> None:
    controller = present(start=LONG_NOTES)
    console = laid_out(controller, size)
    console.notes.set_font_size(26)
    QApplication.processEvents()
    cover = console.notes_cover
    browser = console.notes.browser
    for _ in range(10):
        top = browser.verticalScrollBar().value()
        bottom = top + cover.shown_bottom()
        spans = line_spans(browser.document())
        assert cover.more() and "more" in cover.cue()
        cut = [(t, b) for t, b in spans if t < bottom - 1 and b > bottom + 1]
        assert not cut, f"a line is cut in two at {bottom}: {cut}"
        hidden = next(t for t, b in spans if b > bottom)
        console.scroll_notes(1)  # the first line hidden comes to the top (or the end shows)
        bar = browser.verticalScrollBar()
        assert bar.value() == min(bar.maximum(), round(hidden) - TOP_GAP)
        if not cover.more():
            break
    assert not cover.more() and not cover.isVisible()  # the end: every line shown whole
    console.scroll_notes(-1)
    assert 0 < browser.verticalScrollBar().value() < bar.maximum()


def test_short_notes_have_no_cue(present: Present) -> None:
    controller = present(start=SHORT_NOTES)
    console = laid_out(controller, SIZES[0])
    assert not console.notes_cover.more() and console.notes_cover.cue() == ""
    assert not console.notes_cover.isVisible()


# -- the section strip ------------------------------------------------------------------------


def many_sections(make_deck: DeckFactory, count: int) -> Deck:
    names = [f"s{n:02}.yaml" for n in range(count)]
    files: dict[str, str | bytes | None] = {
        "deck.yaml": "title: Many\nsections: [" + ", ".join(names) + "]\n"
    }
    for n, name in enumerate(names):
        title = f"Wide Waterfront Warehouses {n}" if n % 2 else f"Short {n}"
        files[name] = section_yaml(title, f"{{id: x{n}, layout: section}}", duration="1m")
    return load(make_deck(files))


@pytest.mark.parametrize(("size", "sections"), [(SIZES[0], 0), (SIZES[1], 0), (SIZES[0], 60)])
def test_every_chip_shows_its_number_and_a_short_name(
    present: Present, make_deck: DeckFactory, size: tuple[int, int], sections: int
) -> None:
    deck = many_sections(make_deck, sections) if sections else load(bundled_deck())
    controller = present(deck, start=deck.section_start(len(deck.sections) // 2))
    strip = laid_out(controller, size).strip
    first, end = strip.shown_range()
    assert end - first >= 8
    before, after = strip.more_rects()
    assert (before is not None, after is not None) == (first > 0, end < len(deck.sections))
    for index, rect in enumerate(strip.segment_rects()):
        if not first <= index < end:
            assert rect.isEmpty()
            continue
        number, name = strip.chip_label(index)
        action = action_number(deck, index)  # the overview and closing have none
        assert number == ("" if action is None else str(action))
        title = deck.sections[index].title
        assert name == title or (name.endswith("…") and title.startswith(name[:-1]))
        assert len(name.rstrip("…")) >= min(len(title), MIN_LETTERS - 1), name
        assert rect.width() >= strip.min_chip_width() - 0.5


def test_chip_text_reads_at_aa_contrast_in_every_state() -> None:
    states = ("upcoming", "current", "done")
    for state, over, hovered, previewed in itertools.product(states, *[(False, True)] * 3):
        look = chip_look(state, over, hovered, previewed)  # type: ignore[arg-type]
        for ground in (look.base, look.fill):
            ratio = contrast(look.text, ground)
            assert ratio >= AA, (state, over, hovered, previewed, ground, ratio)


def test_chips_are_painted_in_their_colours_and_explained(
    qtbot: QtBot, present: Present, clock: FakeClock
) -> None:
    controller = present(start=0)
    press(qtbot, controller, Qt.Key.Key_Right)
    clock.advance(90)  # half of section 1's three minutes
    controller.refresh_time()
    strip = laid_out(controller, SIZES[0]).strip
    image = strip.grab().toImage()
    rect = strip.segment_rects()[0]
    look = strip.look_of(0)
    assert strip.fill_fraction(0) == pytest.approx(0.5)
    y = int(rect.bottom()) - 4
    assert image.pixelColor(int(rect.left() + rect.width() * 0.25), y).name() == look.fill
    assert image.pixelColor(int(rect.left() + rect.width() * 0.75), y).name() == look.base
    assert LEGEND in strip.tooltip_for(0)
    assert "Fill" in strip.accessibleDescription()


# -- the banner --------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_black_white_and_freeze_move_nothing_else(
    qtbot: QtBot, present: Present, size: tuple[int, int]
) -> None:
    controller = present(start=4)
    console = laid_out(controller, size)
    before = geometries(console, console.state_row)
    # black, white, white and frozen, frozen
    for action in ("black", "white", "freeze", "white"):
        controller.actions[action].trigger()
        QApplication.processEvents()
        assert console.banner_text()
        assert geometries(console, console.state_row) == before, action
    controller.actions["freeze"].trigger()
    QApplication.processEvents()
    assert console.banner_text() == ""
    assert geometries(console, console.state_row) == before


# -- the clocks ---------------------------------------------------------------------------------


def test_clocks_agree_one_second_into_a_talk_started_mid_deck(
    qtbot: QtBot, present: Present, clock: FakeClock
) -> None:
    controller = present(start=7)  # the plan puts slide 9 at 4:30
    press(qtbot, controller, Qt.Key.Key_Right)
    clock.advance(1.5)
    controller.refresh_time()
    texts = controller.console.time_bar.texts()
    assert texts is not None
    assert (texts.elapsed, texts.left, texts.pace) == ("0:01", "19:59", "")
    clock.advance(1200 - 1.5 - 100)  # 100 s left of 20:00
    controller.refresh_time()
    texts = controller.console.time_bar.texts()
    assert texts is not None
    assert (texts.elapsed, texts.left, texts.left_colour) == (
        "18:20",
        "1:40",
        URGENCY_COLOURS["near"],
    )
    clock.advance(101)
    controller.refresh_time()
    texts = controller.console.time_bar.texts()
    assert texts is not None
    assert (texts.left, texts.left_colour) == ("\u22120:01", style.OVER)
