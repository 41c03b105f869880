"""What a zoom step draws from: a kept render copied one for one, or stretched until the
region is rendered sharp."""

from __future__ import annotations

import pytest

from desktop.core.presenter.mapping import Box, Size
from desktop.core.presenter.zoom_plan import MARGIN, render_box, shown_scale

WIDE = Size(1920, 1080)


def test_a_render_reaches_a_margin_beyond_the_region_inside_the_canvas() -> None:
    region = Box(480, 270, 960, 540)
    render = render_box(region, WIDE, shown_scale(region, 1920))
    assert render.scale == 2
    assert render.box == Box(240, 135, 1440, 810)  # a quarter of the region on each side
    assert render.pixels() == (2880, 1620)
    corner = Box(0, 0, 640, 360)  # at the canvas' corner: the margin only where there is room
    kept = render_box(corner, WIDE, shown_scale(corner, 1920))
    assert kept.box == Box(0, 0, 640 * (1 + MARGIN), 360 * (1 + MARGIN))


@pytest.mark.parametrize("x", [333.3, 100.07, 17.5])
def test_a_render_starts_whole_pixels_from_the_regions_corner(x: float) -> None:
    region = Box(x, 200.1, 700.0, 393.75)
    scale = shown_scale(region, 1920)
    render = render_box(region, WIDE, scale)
    source = render.source(region)
    assert source.x == pytest.approx(round(source.x), abs=1e-6)
    assert source.y == pytest.approx(round(source.y), abs=1e-6)
    assert source.width == pytest.approx(1920)
    width, height = render.pixels()
    assert render.box.width * scale == pytest.approx(width, abs=1e-6)
    assert render.box.height * scale == pytest.approx(height, abs=1e-6)
    assert render.covers(region)


def test_a_pan_inside_the_margin_is_sharp_a_new_scale_or_a_far_pan_is_not() -> None:
    region = Box(480, 270, 960, 540)
    scale = shown_scale(region, 1920)
    render = render_box(region, WIDE, scale)
    assert render.sharp_for(region, scale)
    panned = Box(600, 330, 960, 540)  # 120 right, 60 down: inside the 240 × 135 margin
    assert render.sharp_for(panned, scale)
    assert render.source(panned) == Box(720, 390, 1920, 1080)
    assert not render.sharp_for(Box(800, 270, 960, 540), scale)  # past the margin
    closer = Box(600, 337.5, 720, 405)
    assert render.covers(closer) and not render.sharp_for(closer, shown_scale(closer, 1920))
