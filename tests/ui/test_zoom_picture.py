"""The zoomed view: a step is drawn at once from what the view has, and the region is
rendered sharp (vectors at the view's resolution) when the steps stop."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from desktop.core.resources import bundled_deck
from desktop.render.builder import LayoutBuilder, SlideLayout
from desktop.render.renderer import SlideRenderer
from desktop.ui.presenter.audience import AudienceWindow
from desktop.ui.zoom_picture import COLUMN_PX
from tests.conftest import load

TEXT_SLIDE = 3
"""A slide of bullets in the bundled deck: text, which stretching blurs."""


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[AudienceWindow]:
    renderer = SlideRenderer(load(bundled_deck()))
    window = AudienceWindow()
    qtbot.addWidget(window)
    window.resize(960, 540)
    window.set_renderer(renderer)
    window.set_index(TEXT_SLIDE)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.set_region(None)


def vector_render(view: AudienceWindow, region: QRectF) -> QImage:
    """*region* drawn straight from the slide's vectors at the view's size."""
    renderer = view.renderer()
    assert renderer is not None
    image = QImage(view.width(), view.height(), QImage.Format.Format_RGB32)
    image.fill(QColor(renderer.theme.color("background")))
    painter = QPainter(image)
    renderer.paint_region(painter, TEXT_SLIDE, region, QRectF(image.rect()))
    painter.end()
    return image


def difference(a: QImage, b: QImage) -> float:
    """The mean difference of grey between two images of one size, 0 to 255."""
    grey_a = a.convertToFormat(QImage.Format.Format_Grayscale8)
    grey_b = b.convertToFormat(QImage.Format.Format_Grayscale8)
    total, count, width = 0, 0, a.width()
    for y in range(0, a.height(), 2):
        row_a = bytes(grey_a.constBits()[y * grey_a.bytesPerLine() :][:width])
        row_b = bytes(grey_b.constBits()[y * grey_b.bytesPerLine() :][:width])
        total += sum(abs(p - q) for p, q in zip(row_a, row_b, strict=True))
        count += width
    return total / count


def ink(image: QImage) -> int:
    """How many of every fourth pixel are dark (text, not the slide's light background)."""
    return sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 100
    )


def test_a_zoom_step_is_drawn_at_once_and_rendered_sharp_when_the_steps_stop(
    qtbot: QtBot, view: AudienceWindow
) -> None:
    region = QRectF(100, 60, 320, 180)  # the title's start, six times closer
    view.set_region(region)
    stretched = view.grab().toImage()
    assert not view.zoom_sharp()  # the slide's picture stretched, for now
    qtbot.waitUntil(view.zoom_sharp)  # the steps stopped: rendered
    sharp = view.grab().toImage()
    expected = vector_render(view, region)
    assert difference(sharp, expected) < 1.0
    assert difference(stretched, expected) > 3 * max(difference(sharp, expected), 0.5)
    # The same text, not less: the title's large glyphs are drawn, not skipped.
    assert ink(sharp) == pytest.approx(ink(stretched), rel=0.25)


def test_a_pan_inside_the_margin_is_copied_sharp_without_a_render(
    qtbot: QtBot, view: AudienceWindow
) -> None:
    region = QRectF(100, 60, 320, 180)
    view.set_region(region)
    view.settle_zoom()
    assert view.zoom_sharp() and view.zoom_pending()  # the region first; its margin next
    qtbot.waitUntil(lambda: not view.zoom_pending())  # rendered while idle, a part at a time
    panned = region.translated(50, 30)  # under the margin, a quarter of the region
    view.set_region(panned)
    assert view.zoom_sharp()  # before any render: the kept one covers it at its scale
    assert difference(view.grab().toImage(), vector_render(view, panned)) < 1.0
    view.set_region(region.translated(-50, -30))  # the margin left of and above the region
    assert view.zoom_sharp()
    assert difference(view.grab().toImage(), vector_render(view, region.translated(-50, -30))) < 1.0
    view.set_region(region.translated(200, 0))  # past the margin: stretched until rendered
    assert not view.zoom_sharp()
    qtbot.waitUntil(view.zoom_sharp)


def test_another_slide_or_the_end_of_the_zoom_forgets_the_render(view: AudienceWindow) -> None:
    region = QRectF(100, 60, 320, 180)
    view.set_region(region)
    view.settle_zoom()
    assert view.zoom_sharp()
    view.set_index(TEXT_SLIDE + 1)
    assert not view.zoom_sharp()
    view.settle_zoom()
    assert view.zoom_sharp()
    view.set_region(None)
    view.set_region(region)
    assert not view.zoom_sharp()


class ClipProbe:
    """A slide item that draws nothing and notes, in canvas units, where it may draw."""

    def __init__(self) -> None:
        self.seen: list[QRectF | None] = []

    def paint(self, painter: QPainter) -> None:
        self.seen.append(painter.clipBoundingRect() if painter.hasClipping() else None)


def test_the_settled_render_reuses_the_layout_and_draws_only_its_part_of_the_slide(
    view: AudienceWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    renderer = view.renderer()
    assert renderer is not None
    probe = ClipProbe()
    renderer.layout(TEXT_SLIDE).items.append(probe)
    builds: list[object] = []
    build = LayoutBuilder.build

    def counted(builder: LayoutBuilder) -> SlideLayout:
        builds.append(builder)
        return build(builder)

    monkeypatch.setattr(LayoutBuilder, "build", counted)
    region = QRectF(100, 60, 320, 180)
    view.set_region(region)
    probe.seen.clear()
    view.settle_zoom()
    assert view.zoom_sharp()
    assert builds == []  # the slide as laid out for the whole view, not laid out again
    pixel = region.width() / view.width()
    shown = region.adjusted(-pixel, -pixel, pixel, pixel)
    assert probe.seen and all(clip is not None and shown.contains(clip) for clip in probe.seen)
    # In columns (Qt rasterises many large glyphs on a row faster in narrow clips).
    widths = [clip.width() / pixel for clip in probe.seen if clip is not None]
    assert len(widths) == math.ceil(view.width() / COLUMN_PX)
    assert max(widths) <= COLUMN_PX + 1
