"""Planned pages onto any paged device: the PDF writer's and the printer's one drawing loop.

The PDF export (:mod:`desktop.export.pdf_writer`) and File → Print (:mod:`desktop.ui.printing`)
both call :func:`draw_pages`, so a printed deck and its PDF have the same pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from PySide6.QtGui import QPagedPaintDevice, QPainter

from desktop.export.pages import A4_RESOLUTION, PageDrawer, a4_layout, slide_page_layout
from desktop.export.plan import HANDOUT_PER_PAGE, ExportLayout, Page, PageKind
from desktop.render.renderer import SlideRenderer

Step = Callable[[int, int], None]
"""Told (pages done, pages planned) after each page; raises to stop."""

LAID_OUT_AHEAD: Final = 32
"""Slides laid out before the pages showing them are drawn, a run at a time. Laying out one
slide, then drawing its page (Qt compressing it), then the next, each part finds the caches
of the processor filled by the other: about 0.1 ms a page more than laying out a run of
slides and drawing their pages (1,000 plain slides: 750 → 640 ms). At most
:attr:`SlideRenderer.LAYOUT_CACHE_LIMIT` (it keeps them until drawn)."""


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
    after: Sequence[Page] = (),
) -> list[int]:
    """Draw *pages* with *painter* (begun on *device*); return each page's first physical
    page, and one more entry: the number of pages drawn. *with_ink*: the presenter's saved
    ink over the slides (``export --with-ink``). *after*: pages drawn before these by
    another process (:mod:`desktop.export.pdf_split`): these are numbered after them, and
    their physical indexes count them."""
    drawer = PageDrawer(device, painter, renderer, a4, with_ink=with_ink)
    drawer.page_number = drawer.page_count(after)
    starts: list[int] = []
    ahead = 0
    """The first page whose slides are not laid out yet."""
    for done, page in enumerate(pages):
        if done == ahead:
            ahead = lay_out(renderer, pages, done, LAID_OUT_AHEAD)
        starts.append(drawer.page_number)
        drawer.draw(page)
        step(done + 1, len(pages))
    starts.append(drawer.page_number)
    return starts


def lay_out(renderer: SlideRenderer, pages: list[Page], start: int, count: int) -> int:
    """Lay out the slides shown by *pages* from *start* on, at least *count* of them when
    there are (*renderer* keeps them for the pages that draw them); return the index of the
    first page whose slides are not laid out."""
    count = min(count, renderer.LAYOUT_CACHE_LIMIT - max(HANDOUT_PER_PAGE))
    laid_out, end = 0, start
    while end < len(pages) and laid_out < count:
        page = pages[end]
        step = page.step if page.kind is PageKind.SLIDE else None
        for index in page.slides:
            renderer.layout(index, step)
        laid_out += len(page.slides)
        end += 1
    return end
