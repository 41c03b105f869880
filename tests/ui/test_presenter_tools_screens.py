"""The presenter's tools on two screens, driven by real mouse events on the console.

The console is on the 1920×1080 "Laptop", the audience window on the 1280×720 "Projector"
(``screens_two.json``; see :mod:`tests.ui.two_screens` for how the module runs there). Each
tool must change the audience window's pixels at the place of the slide the mouse points at on
the console, through the two windows' different sizes; the zoom must re-render, not scale up.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QInputDevice,
    QPointingDevice,
    QTabletEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.model import Deck
from desktop.core.presenter.ink_store import clear_saved_ink, ink_path, load_ink
from desktop.core.presenter.mapping import Point
from desktop.core.presenter.modes import Mode
from desktop.core.resources import bundled_deck
from desktop.ui.presenter.controller import PresenterController
from desktop.ui.presenter.tools.ink import ERASER_RADIUS, InkTool
from desktop.ui.slide_view import SlideView
from tests.conftest import load
from tests.ui.conftest import Present, press
from tests.ui.two_screens import ChildRun, on_two_screens, qapp_arguments, run_child

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return qapp_arguments()


@pytest.fixture(scope="module")
def two_screen_run(tmp_path_factory: pytest.TempPathFactory) -> ChildRun:
    return run_child(Path(__file__), tmp_path_factory)


@pytest.fixture
def deck() -> Iterator[Deck]:
    """The bundled deck, its saved ink wiped after the test."""
    loaded = load(bundled_deck())
    yield loaded
    clear_saved_ink(loaded)


def on_screens(qtbot: QtBot, present: Present, deck: Deck) -> PresenterController:
    controller = present(deck, start=3)
    assert controller.mode == "dual"
    assert controller.audience.screen().name() == "Projector"
    qtbot.waitUntil(lambda: controller.audience.width() == 1280)
    return controller


def where(view: SlideView, spot: Point) -> QPoint:
    """The window pixel of *view* that shows canvas point *spot*."""
    viewport = view.viewport()
    assert viewport is not None
    x, y = viewport.to_window(spot)
    return QPoint(round(x), round(y))


def grab(widget: QWidget) -> QImage:
    widget.repaint()
    return widget.grab().toImage()


def pixel(image: QImage, at: QPoint) -> QColor:
    return image.pixelColor(at)


def reddish(colour: QColor) -> bool:
    return colour.red() > 180 and colour.green() < 110 and colour.blue() < 110


def red_near(widget: QWidget, view: SlideView, spot: Point) -> bool:
    """Whether the pointer's red shows within a few pixels of where *view* shows *spot*."""
    image, at = grab(widget), where(view, spot)
    return any(
        reddish(image.pixelColor(at.x() + dx, at.y() + dy))
        for dx in range(-6, 7, 2)
        for dy in range(-6, 7, 2)
    )


def drag(qtbot: QtBot, view: SlideView, spots: list[Point]) -> None:
    qtbot.mousePress(view, LEFT, NONE, where(view, spots[0]))
    for spot in spots[1:]:
        qtbot.mouseMove(view, where(view, spot))
    qtbot.mouseRelease(view, LEFT, NONE, where(view, spots[-1]))


@on_two_screens
def test_the_laser_pointer_follows_the_mouse_onto_the_projector(
    qtbot: QtBot, present: Present, deck: Deck
) -> None:
    controller = on_screens(qtbot, present, deck)
    console, audience = controller.console.current, controller.audience
    spot = (600.0, 820.0)  # canvas units: below the bullets, on white
    assert not red_near(audience, audience, spot)
    press(qtbot, controller, Qt.Key.Key_L, CTRL)
    assert controller.actions["pointer"].isChecked()
    assert controller.console.tool_row.active.text() == "In use: Laser pointer"
    qtbot.mouseMove(console, where(console, spot))
    assert red_near(audience, audience, spot)
    assert red_near(console, console, spot)
    assert audience.cursor_hidden()
    # The mouse over the audience window works too (one screen, mirrored screens).
    other = (1500.0, 200.0)
    qtbot.mouseMove(audience, where(audience, other))
    assert red_near(console, console, other) and red_near(audience, audience, other)
    assert not red_near(audience, audience, spot)  # the dot moved
    assert audience.cursor_hidden()
    press(qtbot, controller, Qt.Key.Key_Escape)
    assert controller.running and controller.state.modes.mode is Mode.NORMAL
    assert not red_near(audience, audience, other)


@on_two_screens
def test_the_spotlight_dims_all_but_the_mouse_and_the_wheel_sizes_it(
    qtbot: QtBot, present: Present, deck: Deck
) -> None:
    controller = on_screens(qtbot, present, deck)
    console, audience = controller.console.current, controller.audience
    centre, near, far = (960.0, 860.0), (960.0 + 240, 860.0), (200.0, 100.0)
    lit = grab(audience)
    controller.actions["spotlight"].trigger()
    qtbot.mouseMove(console, where(console, centre))
    dimmed = grab(audience)
    assert pixel(dimmed, where(audience, centre)) == pixel(lit, where(audience, centre))
    assert (
        pixel(dimmed, where(audience, far)).lightness()
        < 0.5 * pixel(lit, where(audience, far)).lightness()
    )
    assert (
        pixel(dimmed, where(audience, near)).lightness()
        < pixel(lit, where(audience, near)).lightness()
    )
    slide = controller.audience.slide_index()
    for _ in range(4):  # four turns away: a larger circle, and the talk stays
        qtbot.wait(1)
        wheel(console, where(console, centre), 120)
    grown = grab(audience)
    assert pixel(grown, where(audience, near)) == pixel(lit, where(audience, near))
    assert controller.audience.slide_index() == slide


def wheel(view: QWidget, at: QPoint, delta: int) -> None:
    """Turn the wheel over *view* at *at* (120: a step away from the user)."""
    event = QWheelEvent(
        QPointF(at),
        QPointF(view.mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        NONE,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)


def sharp_edges(image: QImage) -> int:
    """How many neighbouring pixel pairs differ by more than half the scale (hard edges)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    count = 0
    width = grey.width()
    for y in range(0, grey.height(), 3):
        line = grey.constBits()[y * grey.bytesPerLine() : y * grey.bytesPerLine() + width]
        row = bytes(line)
        count += sum(1 for a, b in itertools.pairwise(row) if abs(a - b) > 128)
    return count


@on_two_screens
def test_a_dragged_box_zooms_the_projector_sharp_and_0_ends_it(
    qtbot: QtBot, present: Present, deck: Deck
) -> None:
    controller = on_screens(qtbot, present, deck)
    console, audience = controller.console.current, controller.audience
    whole, unzoomed = grab(audience), audience.viewport()
    assert unzoomed is not None
    drag(qtbot, console, [(80.0, 80.0), (300.0, 200.0), (560.0, 320.0)])  # the title's start
    region = audience.region()
    assert region is not None and controller.state.modes.tool == "zoom"
    assert controller.console.tool_row.active.text() == "In use: Zoom"  # as its button says
    assert region.width() / region.height() == pytest.approx(16 / 9)
    assert region.center().x() == pytest.approx(320, abs=2)
    qtbot.waitUntil(audience.zoom_sharp)  # the step stretched the slide; now rendered
    zoomed = grab(audience)
    assert zoomed != whole
    # Sharp: drawn by the renderer at the projector's resolution, not the slide scaled up.
    left, top = unzoomed.to_window((region.x(), region.y()))
    right, bottom = unzoomed.to_window((region.right(), region.bottom()))
    crop = whole.copy(round(left), round(top), round(right - left), round(bottom - top))
    scaled = crop.scaled(
        zoomed.size(),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    assert sharp_edges(zoomed) > 3 * sharp_edges(scaled)
    # The console frames the region on its whole slide.
    frame = grab(console)
    corner = where(console, (region.x(), region.y() + region.height() / 2))
    assert frame.pixelColor(corner) != whole.pixelColor(0, 0)
    # Dragging pans; 0 shows the whole slide again.
    drag(qtbot, console, [(320.0, 180.0), (520.0, 380.0)])
    panned = audience.region()
    assert panned is not None and panned.center().x() == pytest.approx(
        region.center().x() + 200, abs=2
    )
    press(qtbot, controller, "0")
    assert audience.region() is None and controller.state.modes.mode is Mode.NORMAL
    assert controller.state.typed is None  # the 0 was the zoom's, not a slide number
    press(qtbot, controller, "+")
    assert audience.region() is not None
    press(qtbot, controller, Qt.Key.Key_Escape)
    assert audience.region() is None and controller.running


@on_two_screens
def test_the_pen_draws_on_the_projector_and_the_ink_is_kept(
    qtbot: QtBot, present: Present, deck: Deck
) -> None:
    controller = on_screens(qtbot, present, deck)
    console, audience = controller.console.current, controller.audience
    line = [(300.0 + 20 * i, 900.0) for i in range(40)]
    middle = line[20]
    assert not reddish(pixel(grab(audience), where(audience, middle)))
    press(qtbot, controller, Qt.Key.Key_P, CTRL)
    assert controller.console.tool_row.active.text() == "In use: Pen"
    drag(qtbot, console, line)
    assert reddish(pixel(grab(audience), where(audience, middle)))
    assert reddish(pixel(grab(console), where(console, middle)))
    press(qtbot, controller, Qt.Key.Key_E, CTRL)  # the eraser: a ring as wide as its reach
    assert console.cursor().shape() is Qt.CursorShape.BitmapCursor
    assert console.cursor().pixmap().width() == int(2 * ERASER_RADIUS) + 5
    press(qtbot, controller, Qt.Key.Key_P, CTRL)
    assert console.cursor().shape() is Qt.CursorShape.CrossCursor
    press(qtbot, controller, Qt.Key.Key_Z, CTRL)  # undo
    assert not reddish(pixel(grab(audience), where(audience, middle)))
    drag(qtbot, console, line)
    # The ink belongs to its slide: gone on the next, back on return.
    controller.step(1)
    assert not reddish(pixel(grab(audience), where(audience, middle)))
    controller.step(-1)
    assert reddish(pixel(grab(audience), where(audience, middle)))
    press(qtbot, controller, Qt.Key.Key_E)  # erase the slide
    assert not reddish(pixel(grab(audience), where(audience, middle)))
    press(qtbot, controller, Qt.Key.Key_Z, CTRL)
    assert reddish(pixel(grab(audience), where(audience, middle)))
    press(qtbot, controller, Qt.Key.Key_A, CTRL)  # the arrow: drawing stops, the ink stays
    assert controller.state.modes.mode is Mode.NORMAL
    drag(qtbot, console, [(300.0, 300.0), (900.0, 300.0)])
    assert audience.region() is not None  # that drag was a box zoom, not ink
    press(qtbot, controller, Qt.Key.Key_Escape)
    controller.end()
    assert ink_path(deck).is_file()
    saved = load_ink(deck).book.slides()
    assert list(saved) == [deck.refs[3].slide.id] and len(saved[deck.refs[3].slide.id]) == 1


STYLUS = QPointingDevice(
    "test stylus",
    1,
    QInputDevice.DeviceType.Stylus,
    QPointingDevice.PointerType.Pen,
    QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
    1,
    2,
)


def tablet(view: SlideView, kind: QEvent.Type, spot: Point, pressure: float) -> bool:
    """Send a tablet's pen event at canvas point *spot* of *view*; whether it was taken (Qt
    makes a mouse event of a tablet event no widget accepts: the pen would draw twice)."""
    at = QPointF(where(view, spot))
    down = kind != QEvent.Type.TabletRelease
    event = QTabletEvent(
        kind,
        STYLUS,
        at,
        QPointF(view.mapToGlobal(at)),
        pressure,
        0.0,
        0.0,
        0.0,
        0.0,
        0.0,
        NONE,
        LEFT,
        LEFT if down else Qt.MouseButton.NoButton,
    )
    event.setAccepted(False)  # as the window system delivers it
    QApplication.sendEvent(view, event)
    return event.isAccepted()


def ink_across(image: QImage, at: QPoint, background: QColor) -> float:
    """How wide the ink is, in pixels, across the column through *at* (20 above and below):
    the red pen takes the green out of the slide's background, partly at its soft edges."""
    taken = sum(
        max(0, background.green() - image.pixelColor(at.x(), at.y() + dy).green())
        for dy in range(-20, 21)
    )
    return taken / max(1, background.green())


@on_two_screens
def test_a_tablets_pressure_sets_the_pens_width_on_the_projector(
    qtbot: QtBot, present: Present, deck: Deck
) -> None:
    controller = on_screens(qtbot, present, deck)
    console, audience = controller.console.current, controller.audience
    line = [(300.0 + 20 * i, 900.0) for i in range(41)]
    pressures = [0.25 + 0.75 * i / 40 for i in range(41)]
    background = pixel(grab(audience), where(audience, line[20]))
    press(qtbot, controller, Qt.Key.Key_P, CTRL)
    taken = [tablet(console, QEvent.Type.TabletPress, line[0], pressures[0])]
    for spot, pressure in zip(line[1:], pressures[1:], strict=True):
        taken.append(tablet(console, QEvent.Type.TabletMove, spot, pressure))
    taken.append(tablet(console, QEvent.Type.TabletRelease, line[-1], pressures[-1]))
    assert all(taken)
    ink = controller.tools["ink"]
    assert isinstance(ink, InkTool)
    key = ink.slide_key(audience)
    assert key is not None
    (stroke,) = ink.book.strokes(key)
    assert [round(p[2], 3) for p in stroke.points] == [round(p, 3) for p in pressures]
    drawn = grab(audience)
    light, heavy = (ink_across(drawn, where(audience, line[i]), background) for i in (4, 36))
    # 0.33 and 0.93 of the pen's 8 units (5.3 pixels on the projector at full pressure).
    assert light == pytest.approx(8 * 0.325 * 2 / 3, abs=0.6)
    assert heavy == pytest.approx(8 * 0.925 * 2 / 3, abs=0.6)
    controller.end()  # the pressure is kept with the ink
    (saved,) = load_ink(deck).book.strokes(key)
    assert [p[2] for p in saved.points] == pytest.approx(pressures, abs=0.006)
