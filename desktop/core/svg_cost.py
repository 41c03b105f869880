"""How long Qt will take to draw an SVG, estimated from its geometry before Qt sees it.

Counting elements and points does not bound drawing time: one ``<path>`` of 1,000 long
random segments, stroked 3 px wide, keeps Qt busy for seconds, and PySide6 holds the GIL
while Qt draws, so nothing in the process can interrupt it. What drives the time was
measured (PySide6 6.11, raster engine, antialiased; the figures are in
``docs/deck-format.md``) and follows from how Qt's scan converter (``qgrayraster``) works:

* Every fill, and every stroke wider than a pixel (as its outline), is one call. The
  converter works in horizontal bands of at most about :data:`BAND_CELLS` cells (the
  pixels that edges touch), and each band walks every edge crossing it from end to end:
  so one path whose edges are long is walked once per band, and that grows with
  (its cells) × (its bands).
* The cells of a scanline are kept in a sorted list: a row that many edges cross costs
  (cells in the row) × (distinct cells in it) / 2 steps.
* Each band looks at every edge of the outline, if only to skip it: a path of many short
  edges (a map) costs (its edges) × (its bands).
* Filling costs per pixel; masks, patterns and filters per pixel of their buffers.

Each call is estimated from the geometry transformed to the *reference* size (the SVG as
large as the slide on a 4K screen, or the logo box at 4K) as
``K_WALK × Σ cells × bands crossed + K_LIST × Σ row cells × distinct / 2 + K_VISIT × outline
edges × bands``, plus per-pixel and per-element terms. The constants were fitted to 72 fills
and strokes measured from 7 ms to 42 s (random long segments, map-like random walks of 3 px
steps, zigzags, rings of short segments; 400 to 2,160 px; ``tools/svg_cost_calibration.py``
measures them again): the estimate is within a factor of 3 of the measured time, typically
1.5. Filters, masks and patterns are modelled only roughly: :attr:`DrawCost.effects` says an
SVG uses them, so the renderer measures it instead of trusting the estimate.

Qt-free, like the rest of :mod:`desktop.core`.

The element traversal that applies this model to a document (transforms, styles, references,
effects) is :mod:`desktop.core.svg_walk`; the geometry it reads (paths, transforms, lengths)
is :mod:`desktop.core.svg_geometry`; the parsed document it walks is
:mod:`desktop.core.svg_document`. Here: the reference sizes, the fitted constants, the result
(:class:`DrawCost`), one scan-converter call, and the device boxes the terms are taken over.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from typing import Final

from desktop.core.svg_geometry import Matrix, apply

CANVAS: Final = (3840.0, 2160.0)
"""The reference device: a slide on a 4K screen (the canvas is 1,080 units high)."""
SLIDE_BOX: Final = CANVAS
"""The largest box a slide image is drawn in (the whole slide, at 4K)."""
LOGO_BOX: Final = (340.0, 140.0)
"""The box a theme logo is drawn in, at 4K (``LOGO_SIZE`` in desktop/render/layouts.py)."""

BAND_CELLS: Final = 256.0
"""Cells one band of Qt's scan converter holds (fitted; its pool starts at 8 KB)."""
K_WALK: Final = 5e-9
"""Seconds per cell an edge walks through, once per band it crosses (fitted)."""
K_LIST: Final = 0.7e-9
"""Seconds per step along a scanline's sorted list of cells (fitted)."""
K_VISIT: Final = 3e-9
"""Seconds per edge of an outline, once per band (fitted)."""
K_AREA: Final = 0.6e-9
"""Seconds per pixel filled (a gradient; a solid colour takes a quarter of it)."""
K_EFFECT: Final = 8e-9
"""Seconds per pixel of a mask's or pattern's buffer (measured 6 and 5 ns at 4K)."""
K_FILTER: Final = 50e-9
"""Seconds per pixel of a filter's buffer, for each of its primitives (a blur: 48 ns)."""
K_IMAGE: Final = 3e-9
"""Seconds per pixel of an embedded picture drawn scaled."""
K_GLYPH: Final = 2e-6
"""Seconds per character of text, besides its outline."""
K_ELEMENT: Final = 3e-6
"""Seconds per element drawn, besides its pixels (Qt's state, pen and path set-up)."""
K_CURVE: Final = 20e-6
"""Seconds per curve piece stroked wider than a pixel (its outline is offset piece by piece;
an icon set of 48 symbols used 240 times measured 0.12 s)."""
EFFECT_MAX_PIXELS: Final = 64_000_000
"""Qt ignores a mask, pattern or filter whose buffer would exceed 256 MB (64 Mpx)."""
MAX_INSTANCES: Final = 100_000
"""A guard: the element limits already keep what is drawn far below this."""
Box = tuple[float, float, float, float]
"""A device rectangle ``(left, top, right, bottom)``."""


@dataclass(frozen=True, slots=True)
class DrawCost:
    """The estimated time to draw an SVG at the reference size, and what costs most."""

    seconds: float
    effects: bool = False
    """It uses filters, masks or patterns (estimated only roughly)."""
    worst_tag: str = ""
    worst_line: int = 0
    worst_seconds: float = 0.0
    undrawn_line: int = 0
    """The line of a drawn ``<path>`` too long for Qt to draw at all (0: none)."""


# -- one call of the scan converter -----------------------------------------------------------


@dataclass(slots=True)
class CallEdges:
    """The edges of one scan-converter call: cells, top row and bottom row of each."""

    cells: list[float] = field(default_factory=list)
    tops: list[float] = field(default_factory=list)
    bottoms: list[float] = field(default_factory=list)
    width: float = 0.0
    """How wide they span (a row has at most this many distinct cells)."""
    outline: float = 0.0
    """How many edges Qt's outline has (a stroke's has both sides and its joins)."""


def call_edges(
    subpaths: list[list[float]], closed: list[bool], weight: float, pad: float, join: float
) -> CallEdges:
    """The edges of a fill (``weight`` 1) or of a stroke's outline (both sides: ``weight``
    2, rows grown by ``pad``, a join of ``join`` pixels at each vertex)."""
    edges = CallEdges()
    cells, tops, bottoms = edges.cells, edges.tops, edges.bottoms
    left, right = math.inf, -math.inf
    for sub, close in zip(subpaths, closed, strict=True):
        xs, ys = sub[0::2], sub[1::2]
        if close and len(xs) > 1:
            xs.append(xs[0])
            ys.append(ys[0])
        left, right = min(left, min(xs)), max(right, max(xs))
        pairs = list(itertools.pairwise(ys))
        cells += [
            weight * ((x1 - x0 if x1 > x0 else x0 - x1) + (y1 - y0 if y1 > y0 else y0 - y1) + 1)
            for x0, x1, (y0, y1) in zip(xs, xs[1:], pairs, strict=False)
        ]
        tops += [(y0 if y0 < y1 else y1) - pad for y0, y1 in pairs]
        bottoms += [(y1 if y0 < y1 else y0) + pad for y0, y1 in pairs]
        if join:
            cells += [2 * join] * len(ys)
            tops += [y - join / 2 for y in ys]
            bottoms += [y + join / 2 for y in ys]
    edges.width = right - left + 1 + 2 * pad
    edges.outline = weight * len(cells)
    return edges


def call_seconds(edges: CallEdges) -> float:
    """Seconds one scan-converter call takes over *edges* (see the module)."""
    walked, steps, visits = call_terms(edges)
    return K_WALK * walked + K_LIST * steps + K_VISIT * visits


def call_terms(edges: CallEdges) -> tuple[float, float, float]:
    """What one scan-converter call does: cells walked (each edge once per band it crosses),
    steps along the rows' sorted cell lists, and edges visited (every edge of the outline
    is looked at once per band)."""
    cells, tops, bottoms = edges.cells, edges.tops, edges.bottoms
    if not cells:
        return 0.0, 0.0, 0.0
    width = min(edges.width, CANVAS[0])
    low = max(0.0, min(tops))
    high = min(CANVAS[1], max(bottoms))
    if high < low:
        return 0.0, 0.0, edges.outline
    rows = high - low + 1
    total = sum(cells)
    if total <= BAND_CELLS:  # one band: each edge walked once
        return total, total * min(total / rows, width) / 2, edges.outline
    bins = int(min(math.ceil(rows), 2 * len(cells) + 16))
    height = rows / bins
    per_bin = 1 / height
    last_bin = bins - 1
    spread = [0.0] * (bins + 1)
    spans: list[tuple[float, int, int]] = []
    keep = spans.append
    for count, top, bottom in zip(cells, tops, bottoms, strict=True):
        if bottom < low or top > high:
            continue  # wholly above or below the device: skipped
        inside_top = top if top > low else low
        inside_bottom = bottom if bottom < high else high
        first = int((inside_top - low) * per_bin)
        last = int((inside_bottom - low) * per_bin)
        first = first if first < last_bin else last_bin
        last = last if last < last_bin else last_bin
        share = count * (inside_bottom - inside_top + 1) / (bottom - top + 1) / (last - first + 1)
        spread[first] += share
        spread[last + 1] -= share
        keep((count, first, last))
    running = 0.0
    bands = [0.0]
    steps = 0.0
    for n in range(bins):
        running += spread[n]
        density = running / height
        steps += height * density * min(density, width) / 2
        bands.append(bands[-1] + min(running / BAND_CELLS, height))
    walked = sum(count * (bands[last + 1] - bands[first] + 1) for count, first, last in spans)
    return walked, steps, edges.outline * max(1.0, bands[-1])


# -- device boxes -----------------------------------------------------------------------------


def subpath_cells(sub: list[float], closed: bool) -> float:
    xs, ys = sub[0::2], sub[1::2]
    if closed and len(xs) > 1:
        xs, ys = [*xs, xs[0]], [*ys, ys[0]]
    return sum(
        abs(x1 - x0) + abs(y1 - y0) + 1
        for x0, y0, x1, y1 in zip(xs, ys, xs[1:], ys[1:], strict=False)
    )


def points_box(subpaths: list[list[float]]) -> Box | None:
    xs = [x for sub in subpaths for x in sub[0::2]]
    ys = [y for sub in subpaths for y in sub[1::2]]
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def apply_box(ctm: Matrix, box: Box) -> Box:
    corners = apply(ctm, [box[0], box[1], box[2], box[1], box[2], box[3], box[0], box[3]])
    xs, ys = corners[0::2], corners[1::2]
    return (min(xs), min(ys), max(xs), max(ys))


def union(box: Box | None, other: Box | None) -> Box | None:
    if box is None:
        return other
    if other is None:
        return box
    return (
        min(box[0], other[0]),
        min(box[1], other[1]),
        max(box[2], other[2]),
        max(box[3], other[3]),
    )


def grow(box: Box, share: float) -> Box:
    dx, dy = (box[2] - box[0]) * share, (box[3] - box[1]) * share
    return (box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy)


def grow_by(box: Box, pixels: float) -> Box:
    return (box[0] - pixels, box[1] - pixels, box[2] + pixels, box[3] + pixels)


def clipped_pixels(box: Box) -> float:
    width = min(box[2], CANVAS[0]) - max(box[0], 0.0)
    height = min(box[3], CANVAS[1]) - max(box[1], 0.0)
    return max(0.0, width) * max(0.0, height)


def effect_pixels(box: Box) -> float:
    """Pixels of an effect's buffer (not clipped to the device; Qt skips one over 64 Mpx)."""
    pixels = max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])
    return min(pixels, float(EFFECT_MAX_PIXELS))
