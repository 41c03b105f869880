"""Planned pages onto any paged device: the PDF writer's and the printer's one drawing loop.

The PDF export (:mod:`desktop.export.pdf_writer`) and File → Print (:mod:`desktop.ui.printing`)
both call :func:`draw_pages`, so a printed deck and its PDF have the same pages.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPagedPaintDevice, QPainter

from desktop.export.pages import A4_RESOLUTION, PageDrawer, a4_layout, slide_page_layout
from desktop.export.plan import ExportLayout, Page
from desktop.render.renderer import SlideRenderer

Step = Callable[[int, int], None]
"""Told (pages done, pages planned) after each page; raises to stop."""


def prepare(device: QPagedPaintDevice, renderer: SlideRenderer, layout: ExportLayout) -> bool:
    """Give *device* the page size and resolution of *layout*; return whether pages are A4."""
    a4 = layout is not ExportLayout.SLIDES
    if a4:
        device.setPageLayout(a4_layout())
        _resolution(device, A4_RESOLUTION)
    else:
        page_layout, resolution = slide_page_layout(renderer.deck)
        device.setPageLayout(page_layout)
        _resolution(device, resolution)
    return a4


def _resolution(device: QPagedPaintDevice, dots: int) -> None:
    set_resolution = getattr(device, "setResolution", None)  # QPdfWriter and QPrinter have it
    if set_resolution is not None:
        set_resolution(dots)


def draw_pages(
    device: QPagedPaintDevice,
    painter: QPainter,
    renderer: SlideRenderer,
    a4: bool,
    pages: list[Page],
    step: Step,
    *,
    with_ink: bool = False,
) -> list[int]:
    """Draw *pages* with *painter* (begun on *device*); return each page's first physical
    page, and one more entry: the number of pages drawn. *with_ink*: the presenter's saved
    ink over the slides (``export --with-ink``)."""
    drawer = PageDrawer(device, painter, renderer, a4, with_ink=with_ink)
    starts: list[int] = []
    for done, page in enumerate(pages):
        starts.append(drawer.page_number)
        drawer.draw(page)
        step(done + 1, len(pages))
    starts.append(drawer.page_number)
    return starts
