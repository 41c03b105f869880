"""What a zoom step draws from: a kept render copied one for one, or stretched until the
region is rendered sharp."""

from __future__ import annotations

import pytest

from desktop.core.presenter.mapping import Box, Size
from desktop.core.presenter.zoom_plan import MARGIN, margin_parts, render_box, shown_scale

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


@pytest.mark.parametrize(
    "region", [Box(480, 270, 960, 540), Box(0, 0, 640, 360), Box(1600.3, 900.1, 319.7, 179.83)]
)
def test_the_margin_comes_in_parts_that_keep_what_is_rendered_one_rectangle(region: Box) -> None:
    scale = shown_scale(region, 1920)
    render = render_box(region, WIDE, scale)
    done = region
    for part in margin_parts(render, region):
        assert part.width > 0 and part.height > 0
        united = Box(
            min(done.x, part.x),
            min(done.y, part.y),
            max(done.right, part.right) - min(done.x, part.x),
            max(done.bottom, part.bottom) - min(done.y, part.y),
        )
        # The part and what was there before tile the bounding box: no gap, no overlap.
        assert united.width * united.height == pytest.approx(
            done.width * done.height + part.width * part.height
        )
        done = united
    box = render.box  # all of it, to under a device pixel
    assert (done.x, done.y, done.right, done.bottom) == pytest.approx(
        (box.x, box.y, box.right, box.bottom), abs=1 / scale
    )


def test_a_render_at_the_canvas_corner_has_margin_parts_only_where_there_is_room() -> None:
    corner = Box(0, 0, 640, 360)
    render = render_box(corner, WIDE, shown_scale(corner, 1920))
    parts = margin_parts(render, corner)
    assert parts == [Box(640, 0, 160, 360), Box(0, 360, 800, 90)]  # right, then below
