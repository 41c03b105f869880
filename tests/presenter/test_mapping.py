"""Console ↔ canvas ↔ audience: a point lands on the same spot of the slide in every window,
whatever their sizes and aspect ratios, letterboxed or zoomed."""

from __future__ import annotations

import pytest

from desktop.core.presenter.mapping import (
    MAX_ZOOM,
    Box,
    Size,
    Viewport,
    clamped,
    dragged_region,
    is_whole,
    letterbox,
    panned,
    zoomed,
)

WIDE = Size(1920, 1080)
FOUR_THREE = Size(1440, 1080)


def test_letterbox_bands_on_the_sides_or_above_and_below() -> None:
    assert letterbox(WIDE, Box(0, 0, 1280, 720)) == Box(0, 0, 1280, 720)
    assert letterbox(WIDE, Box(0, 0, 1280, 1024)) == Box(0, 152, 1280, 720)  # 5:4 projector
    assert letterbox(FOUR_THREE, Box(0, 0, 1920, 1080)) == Box(240, 0, 1440, 1080)
    assert letterbox(WIDE, Box(10, 20, 0, 100)) == Box(10, 20, 0, 0)


@pytest.mark.parametrize("canvas", [WIDE, FOUR_THREE], ids=["16:9", "4:3"])
@pytest.mark.parametrize(
    ("console_area", "audience_area"),
    [
        (Box(40, 90, 1100, 700), Box(0, 0, 1280, 720)),
        (Box(0, 0, 800, 800), Box(0, 0, 1024, 768)),
        (Box(12, 12, 1500, 500), Box(0, 0, 3840, 1600)),
    ],
)
def test_a_console_point_lands_on_the_same_canvas_spot_on_the_projector(
    canvas: Size, console_area: Box, audience_area: Box
) -> None:
    console = Viewport.of(canvas, letterbox(canvas, console_area))
    audience = Viewport.of(canvas, letterbox(canvas, audience_area))
    window = console.window
    mouse = (window.x + 0.25 * window.width, window.y + 0.75 * window.height)
    spot = console.to_canvas(mouse)
    assert spot is not None
    assert spot == pytest.approx((0.25 * canvas.width, 0.75 * canvas.height))
    on_projector = audience.to_window(spot)
    frame = audience.window
    assert on_projector == pytest.approx(
        (frame.x + 0.25 * frame.width, frame.y + 0.75 * frame.height)
    )
    assert audience.to_canvas(on_projector) == pytest.approx(spot)
    assert console.to_window(spot) == pytest.approx(mouse)


def test_the_bands_are_off_the_slide() -> None:
    view = Viewport.of(WIDE, letterbox(WIDE, Box(0, 0, 1280, 1024)))
    assert view.to_canvas((640, 100)) is None  # the band above
    assert view.to_canvas((640, 152)) == (960, 0)
    assert view.to_canvas_unbounded((640, 100)) == pytest.approx((960, -78))


def test_a_zoomed_view_maps_through_its_region() -> None:
    region = Box(480, 270, 960, 540)  # the middle quarter, twice as close
    view = Viewport.of(WIDE, Box(0, 0, 1280, 720), region)
    assert view.scale == pytest.approx(1280 / 960)
    assert view.to_canvas((0, 0)) == (480, 270)
    assert view.to_canvas((640, 360)) == (960, 540)
    assert view.to_window((480 + 96, 270 + 54)) == pytest.approx((128, 72))
    assert view.box_to_window(Box(480, 270, 480, 270)) == Box(0, 0, 640, 360)


def test_zoom_keeps_the_point_under_it_and_stays_inside_the_canvas() -> None:
    whole = Box.whole(WIDE)
    closer = zoomed(whole, WIDE, 2, at=(480, 270))
    assert closer == Box(240, 135, 960, 540)  # (480, 270) is still a quarter in
    assert zoomed(whole, WIDE, 2) == Box(480, 270, 960, 540)
    assert zoomed(closer, WIDE, 0.25) == whole  # never further than the whole slide
    assert zoomed(whole, WIDE, 100).width == pytest.approx(WIDE.width / MAX_ZOOM)
    corner = zoomed(whole, WIDE, 4, at=(1920, 1080))
    assert corner.right == pytest.approx(1920) and corner.bottom == pytest.approx(1080)
    assert is_whole(whole, WIDE) and not is_whole(closer, WIDE)


def test_a_dragged_box_grows_to_the_canvas_aspect_and_pans_inside_it() -> None:
    region = dragged_region((1000, 100), (800, 500), WIDE)  # tall box: widened around its centre
    assert region.centre == pytest.approx((900, 300))
    assert region.width / region.height == pytest.approx(16 / 9)
    assert region.height == pytest.approx(400)
    assert dragged_region((10, 10), (12, 11), WIDE).width == pytest.approx(1920 / MAX_ZOOM)
    assert panned(region, WIDE, -5000, 0).x == 0
    assert panned(region, WIDE, 100, 50).centre == pytest.approx((1000, 350))
    assert clamped(Box(-100, -100, 4000, 10), WIDE) == Box.whole(WIDE)
