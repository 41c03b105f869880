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
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Final

from desktop.core.svg_geometry import (
    FONT_SIZE,
    QT_PATH_ELEMENTS,
    Matrix,
    Shape,
    apply,
    ellipse_shape,
    length,
    multiply,
    numbers,
    parse_transform,
    path_shape,
    polygon_shape,
    scale,
    stretch,
    translate,
)

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

_SHAPES: Final = frozenset({"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"})
_TEXT: Final = frozenset({"text", "tspan", "textpath"})
_NOT_DRAWN: Final = frozenset(
    {
        "defs", "symbol", "pattern", "marker", "mask", "clippath", "filter", "title", "desc",
        "metadata", "style", "script", "lineargradient", "radialgradient", "solidcolor",
    }
)  # fmt: skip
INHERITED: Final = (
    "fill", "stroke", "stroke-width", "font-size", "marker-start", "marker-mid", "marker-end",
)  # fmt: skip
"""Properties the estimate inherits down the tree (``marker`` sets the three markers)."""
PROPERTIES: Final = frozenset(
    {
        *INHERITED, "marker", "clip-path", "mask", "filter", "transform", "x", "y", "width",
        "height", "cx", "cy", "r", "rx", "ry", "x1", "y1", "x2", "y2", "d", "points",
        "viewbox", "href", "markerwidth", "markerheight", "markerunits", "patternunits",
        "patterncontentunits", "patterntransform", "clippathunits", "maskunits",
        "maskcontentunits", "filterunits",
    }
)  # fmt: skip
"""The attributes (lower case, no namespace) and style properties the estimate reads."""

Box = tuple[float, float, float, float]
"""A device rectangle ``(left, top, right, bottom)``."""
_Task = Generator["_Task", "Box | None", "Box | None"]
"""Drawing one element: it yields the tasks of what it draws inside and gets their boxes."""


@dataclass(slots=True)
class Node:
    """One element as the SVG checks read it."""

    tag: str
    line: int = 0
    attrs: dict[str, str] = field(default_factory=dict)
    """The :data:`PROPERTIES` it sets (a ``style`` attribute's declarations win)."""
    refs: list[tuple[str, int]] = field(default_factory=list)
    """(id, multiplier): content this element draws again by reference."""
    children: list[int] = field(default_factory=list)
    points: int = 0


@dataclass(slots=True)
class Document:
    """A parsed SVG: its elements (the root first), ids and what its style sheets set."""

    nodes: list[Node]
    ids: dict[str, int]
    sheet: dict[str, str] = field(default_factory=dict)
    """Properties any ``<style>`` rule sets (the widest ``stroke-width``, the largest
    ``font-size``): assumed to apply to every element, whatever the selector."""
    sheet_refs: list[str] = field(default_factory=list)


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

    def where(self) -> str:
        """``<path> on line 3`` for the element that costs most, or ``""``."""
        return f"`<{self.worst_tag}>` on line {self.worst_line}" if self.worst_tag else ""


@dataclass(frozen=True, slots=True)
class _Style:
    fill: bool = True
    stroke: bool = False
    width: float = 1.0
    font: float = FONT_SIZE
    markers: tuple[str, ...] = ()


def estimate(doc: Document, box: tuple[float, float] = SLIDE_BOX) -> DrawCost:
    """How long drawing *doc* fitted into *box* (device pixels) on :data:`CANVAS` takes."""
    return _Estimate(doc, box).run()


class _Estimate:
    def __init__(self, doc: Document, box: tuple[float, float]) -> None:
        self.doc = doc
        self.nodes = doc.nodes
        self.shapes: dict[int, Shape] = {}
        self.seconds = 0.0
        self.by_node: dict[int, float] = {}
        self.effects = False
        self.instances = 0
        self.undrawn_line = 0
        root = doc.nodes[0].attrs
        self.view = _view_box(root.get("viewbox"))
        width = length(root.get("width"), 100.0)
        height = length(root.get("height"), 100.0)
        if self.view is not None:
            natural = (width or self.view[2], height or self.view[3])
            if root.get("width", "").strip().endswith("%") or width is None:
                natural = (self.view[2], natural[1])
            if root.get("height", "").strip().endswith("%") or height is None:
                natural = (natural[0], self.view[3])
        else:
            natural = (width or 100.0, height or 100.0)
        natural = (max(natural[0], 1e-9), max(natural[1], 1e-9))
        fit = min(box[0] / natural[0], box[1] / natural[1])
        drawn = (natural[0] * fit, natural[1] * fit)
        view = self.view or (0.0, 0.0, natural[0], natural[1])
        self.viewport = (max(view[2], 1e-9), max(view[3], 1e-9))
        self.view_box = (view[0], view[1], view[0] + view[2], view[1] + view[3])
        left, top = (CANVAS[0] - drawn[0]) / 2, (CANVAS[1] - drawn[1]) / 2
        self.root_ctm = multiply(
            translate(left, top),
            multiply(
                scale(drawn[0] / self.viewport[0], drawn[1] / self.viewport[1]),
                translate(-view[0], -view[1]),
            ),
        )
        sheet = doc.sheet
        self.sheet_stroke = sheet.get("stroke", "none").strip().lower() != "none"
        self.sheet_width = length(sheet.get("stroke-width"), self._diagonal()) or 0.0
        self.sheet_font = length(sheet.get("font-size"), FONT_SIZE) or 0.0

    def _diagonal(self) -> float:
        return math.hypot(*self.viewport) / math.sqrt(2)

    def run(self) -> DrawCost:
        stack = [self._visit(0, self.root_ctm, _Style())]
        result: Box | None = None
        while stack:
            try:
                child = stack[-1].send(result)
            except StopIteration as done:
                stack.pop()
                result = done.value
                continue
            stack.append(child)
            result = None
            self.instances += 1
            if self.instances > MAX_INSTANCES:
                return DrawCost(math.inf, self.effects)
        worst = max(self.by_node.items(), key=lambda item: item[1], default=(0, 0.0))
        node = self.nodes[worst[0]]
        return DrawCost(
            self.seconds,
            self.effects,
            node.tag if worst[1] > 0 else "",
            node.line,
            worst[1],
            self.undrawn_line,
        )

    def add(self, index: int, seconds: float) -> None:
        self.seconds += seconds
        self.by_node[index] = self.by_node.get(index, 0.0) + seconds

    # -- the tree --------------------------------------------------------------------------

    def _visit(self, index: int, ctm: Matrix, inherited: _Style, fill_only: bool = False) -> _Task:
        """Draw element *index* (as a generator: children are yielded, their boxes sent back)."""
        node = self.nodes[index]
        attrs = node.attrs
        style = self._style(attrs, inherited, fill_only)
        ctm = multiply(ctm, parse_transform(attrs.get("transform")))
        tag = node.tag
        box: Box | None = None
        if tag == "use":
            target = self._target(attrs.get("href", ""), node)
            ctm = multiply(ctm, translate(self._x(attrs.get("x")), self._y(attrs.get("y"))))
            if target is not None:
                inner = self.nodes[target]
                place = ctm
                if inner.tag in ("svg", "symbol"):
                    size = {k: v for k in ("width", "height") if (v := attrs.get(k)) is not None}
                    keep = inner.tag == "svg"
                    own = {k: v for k, v in inner.attrs.items() if keep or k not in ("x", "y")}
                    place = self._viewport(own | size, ctm)
                box = yield self._contents(target, place, style, fill_only)
        elif tag == "svg" and index != 0:
            box = yield self._contents(index, self._viewport(attrs, ctm), style, fill_only)
        elif tag in _SHAPES:
            box = yield from self._shape(index, ctm, style)
        elif tag in _TEXT:
            box = self._text(index, ctm, style)
        elif tag == "image":
            box = self._image(index, ctm)
        if (tag not in _SHAPES and tag not in ("use", "svg")) or index == 0:
            for child in node.children:
                if self.nodes[child].tag not in _NOT_DRAWN:
                    box = _union(box, (yield self._visit(child, ctm, style, fill_only)))
        yield from self._effects(index, ctm, style, box)
        return box

    def _contents(self, index: int, ctm: Matrix, style: _Style, fill_only: bool) -> _Task:
        """The children of *index* (a symbol, nested svg, pattern, mask, clip path, marker)."""
        node = self.nodes[index]
        box: Box | None = None
        if node.tag in _SHAPES or node.tag in _TEXT or node.tag in ("use", "image"):
            return (yield self._visit(index, ctm, style, fill_only))
        for child in node.children:
            if self.nodes[child].tag not in _NOT_DRAWN:
                box = _union(box, (yield self._visit(child, ctm, style, fill_only)))
        return box

    def _effects(
        self, index: int, ctm: Matrix, style: _Style, box: Box | None
    ) -> Generator[_Task, Box | None, None]:
        """Clip paths, masks, filters and patterns the element uses, once each use."""
        attrs = self.nodes[index].attrs
        area_box = box or _apply_box(ctm, self.view_box)
        targets = [
            attrs.get(prop, "") for prop in ("clip-path", "mask", "filter", "fill", "stroke")
        ]
        targets += [f"url(#{ref})" for ref in self.doc.sheet_refs]
        for value in targets:
            found = self._target(_url(value), self.nodes[index]) if "url" in value else None
            if found is None:
                continue
            target = self.nodes[found]
            if target.tag == "clippath":
                place = _content_units(target.attrs.get("clippathunits"), ctm, area_box)
                yield self._contents(found, place, _Style(), True)
            elif target.tag == "mask":
                self.effects = True
                self.add(index, K_EFFECT * _effect_pixels(area_box))
                place = _content_units(target.attrs.get("maskcontentunits"), ctm, area_box)
                yield self._contents(found, place, _Style(), False)
            elif target.tag == "filter":
                self.effects = True
                primitives = max(1, len(target.children))
                self.add(index, K_FILTER * primitives * _effect_pixels(_grow(area_box, 0.1)))
            elif target.tag == "pattern":
                self.effects = True
                self.add(index, K_EFFECT * _effect_pixels(area_box))
                place = multiply(ctm, parse_transform(target.attrs.get("patterntransform")))
                place = _content_units(target.attrs.get("patterncontentunits"), place, area_box)
                yield self._contents(found, place, _Style(), False)

    # -- what elements draw -----------------------------------------------------------------

    def _shape(self, index: int, ctm: Matrix, style: _Style) -> _Task:
        shape = self.shapes.get(index)
        if shape is None:
            shape = self.shapes[index] = self._geometry(self.nodes[index])
            if shape.elements > QT_PATH_ELEMENTS and self.nodes[index].tag == "path":
                self.undrawn_line = self.undrawn_line or self.nodes[index].line
        subpaths = [apply(ctm, sub) for sub in shape.subpaths]
        box = _points_box(subpaths)
        if box is None:
            return None
        seconds = K_ELEMENT
        if style.fill and self.nodes[index].tag != "line":
            seconds += _call_seconds(call_edges(subpaths, [True] * len(subpaths), 1.0, 0.0, 0.0))
            seconds += K_AREA * _clipped_pixels(box)
        width = style.width * stretch(ctm)
        if style.stroke and width > 0:
            cells = sum(
                _length(sub, closed) for sub, closed in zip(subpaths, shape.closed, strict=True)
            )
            if width <= 1.0:  # Qt's cosmetic stroker: one pass along the lines
                seconds += K_WALK * cells
            elif shape.lines_only:  # drawn one line at a time
                seconds += (K_WALK + K_AREA) * cells * width
            else:
                seconds += _call_seconds(call_edges(subpaths, shape.closed, 2.0, width / 2, width))
                seconds += K_AREA * cells * width + K_CURVE * shape.curves
            box = _grow_by(box, width / 2)
        self.add(index, seconds)
        for marker in style.markers:
            found = self._target(marker, self.nodes[index])
            if found is None or self.nodes[found].tag != "marker":
                continue
            attrs = self.nodes[found].attrs
            size = self._marker_scale(attrs, style.width)
            for sub in shape.subpaths:
                for n in range(0, len(sub) - 1, 2):
                    place = multiply(ctm, multiply(translate(sub[n], sub[n + 1]), size))
                    box = _union(box, (yield self._contents(found, place, _Style(), False)))
        return box

    def _geometry(self, node: Node) -> Shape:
        attrs, tag = node.attrs, node.tag
        if tag == "path":
            return path_shape(attrs.get("d", ""))
        if tag in ("polyline", "polygon"):
            return polygon_shape(numbers(attrs.get("points", "")), tag == "polygon")
        if tag == "line":
            flat = [self._x(attrs.get(k)) if k[0] == "x" else self._y(attrs.get(k)) for k in
                    ("x1", "y1", "x2", "y2")]  # fmt: skip
            return polygon_shape(flat, False)
        if tag == "rect":
            x, y = self._x(attrs.get("x")), self._y(attrs.get("y"))
            w, h = self._x(attrs.get("width")), self._y(attrs.get("height"))
            return polygon_shape([x, y, x + w, y, x + w, y + h, x, y + h], True)
        diagonal = self._diagonal()
        r = length(attrs.get("r"), diagonal) or 0.0
        rx = length(attrs.get("rx"), self.viewport[0]) if tag == "ellipse" else r
        ry = length(attrs.get("ry"), self.viewport[1]) if tag == "ellipse" else r
        return ellipse_shape(
            self._x(attrs.get("cx")), self._y(attrs.get("cy")), abs(rx or 0.0), abs(ry or 0.0)
        )

    def _text(self, index: int, ctm: Matrix, style: _Style) -> Box | None:
        node = self.nodes[index]
        if node.points <= 0:
            return None
        size = style.font * stretch(ctm)
        cells = 8 * size
        bands = min(max(cells / BAND_CELLS, 1.0), max(size, 1.0))
        glyph = K_WALK * cells * bands + K_LIST * cells * 4 + K_AREA * size * size / 2
        self.add(index, K_ELEMENT + node.points * (glyph + K_GLYPH))
        x = (numbers(node.attrs.get("x", "0")) or [0.0])[0]
        y = (numbers(node.attrs.get("y", "0")) or [0.0])[0]
        extent = style.font * node.points * 0.6
        return _apply_box(ctm, (x, y - style.font, x + extent, y + style.font / 3))

    def _image(self, index: int, ctm: Matrix) -> Box | None:
        attrs = self.nodes[index].attrs
        x, y = self._x(attrs.get("x")), self._y(attrs.get("y"))
        w, h = self._x(attrs.get("width")), self._y(attrs.get("height"))
        box = _apply_box(ctm, (x, y, x + w, y + h))
        self.add(index, K_ELEMENT + K_IMAGE * _clipped_pixels(box))
        return box

    # -- reading attributes -----------------------------------------------------------------

    def _style(self, attrs: dict[str, str], inherited: _Style, fill_only: bool) -> _Style:
        fill, stroke = inherited.fill, inherited.stroke
        value = attrs.get("fill")
        if value is not None and value.strip().lower() != "inherit":
            fill = value.strip().lower() != "none"
        value = attrs.get("stroke")
        if value is not None and value.strip().lower() != "inherit":
            stroke = value.strip().lower() != "none"
        font = length(attrs.get("font-size"), inherited.font, inherited.font)
        font = inherited.font if font is None else abs(font)
        width = length(attrs.get("stroke-width"), self._diagonal(), font)
        width = inherited.width if width is None else abs(width)
        markers = inherited.markers
        for prop in ("marker", "marker-start", "marker-mid", "marker-end"):
            value = attrs.get(prop)
            if value is not None and "url" in value and _url(value) not in markers:
                markers = (*markers, _url(value))
        stroke = stroke or self.sheet_stroke
        width = max(width, self.sheet_width)
        font = max(font, self.sheet_font)
        if fill_only:
            fill, stroke, markers = True, False, ()
        style = (fill, stroke, width, font, markers)
        if style == (
            inherited.fill,
            inherited.stroke,
            inherited.width,
            inherited.font,
            inherited.markers,
        ):
            return inherited
        return _Style(*style)

    def _target(self, reference: str, node: Node) -> int | None:
        target = reference.strip()
        if not target.startswith("#"):
            return None
        found = self.doc.ids.get(target[1:].strip())
        return found if found is not None and self.nodes[found] is not node else None

    def _x(self, text: str | None) -> float:
        return length(text, self.viewport[0]) or 0.0

    def _y(self, text: str | None) -> float:
        return length(text, self.viewport[1]) or 0.0

    def _viewport(self, attrs: dict[str, str], ctm: Matrix) -> Matrix:
        """Where a nested ``<svg>`` or a used ``<symbol>`` draws its content."""
        place = multiply(ctm, translate(self._x(attrs.get("x")), self._y(attrs.get("y"))))
        view = _view_box(attrs.get("viewbox"))
        if view is None:
            return place
        width = length(attrs.get("width"), self.viewport[0]) or self.viewport[0]
        height = length(attrs.get("height"), self.viewport[1]) or self.viewport[1]
        sx, sy = width / max(view[2], 1e-9), height / max(view[3], 1e-9)
        return multiply(place, multiply(scale(sx, sy), translate(-view[0], -view[1])))

    def _marker_scale(self, attrs: dict[str, str], stroke_width: float) -> Matrix:
        units = attrs.get("markerunits", "strokeWidth").strip().lower()
        factor = stroke_width if units != "userspaceonuse" else 1.0
        view = _view_box(attrs.get("viewbox"))
        if view is not None:
            width = length(attrs.get("markerwidth"), self.viewport[0]) or 3.0
            height = length(attrs.get("markerheight"), self.viewport[1]) or 3.0
            return scale(factor * width / max(view[2], 1e-9), factor * height / max(view[3], 1e-9))
        return scale(factor, factor)


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


def _call_seconds(edges: CallEdges) -> float:
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


# -- small helpers ------------------------------------------------------------------------------


def _view_box(text: str | None) -> tuple[float, float, float, float] | None:
    values = numbers(text or "")
    if len(values) != 4 or values[2] <= 0 or values[3] <= 0:
        return None
    return (values[0], values[1], values[2], values[3])


def _url(value: str) -> str:
    """``#id`` from ``url(#id)`` (what the SVG rules allow)."""
    inner = value.split("(", 1)[-1].split(")", 1)[0]
    return inner.strip().strip("'\"").strip()


def _content_units(units: str | None, ctm: Matrix, box: Box) -> Matrix:
    """Where effect content is drawn: in user space, or in the element's bounding box."""
    if (units or "").strip().lower() != "objectboundingbox":
        return ctm
    return multiply(translate(box[0], box[1]), scale(box[2] - box[0], box[3] - box[1]))


def _length(sub: list[float], closed: bool) -> float:
    xs, ys = sub[0::2], sub[1::2]
    if closed and len(xs) > 1:
        xs, ys = [*xs, xs[0]], [*ys, ys[0]]
    return sum(
        abs(x1 - x0) + abs(y1 - y0) + 1
        for x0, y0, x1, y1 in zip(xs, ys, xs[1:], ys[1:], strict=False)
    )


def _points_box(subpaths: list[list[float]]) -> Box | None:
    xs = [x for sub in subpaths for x in sub[0::2]]
    ys = [y for sub in subpaths for y in sub[1::2]]
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def _apply_box(ctm: Matrix, box: Box) -> Box:
    corners = apply(ctm, [box[0], box[1], box[2], box[1], box[2], box[3], box[0], box[3]])
    xs, ys = corners[0::2], corners[1::2]
    return (min(xs), min(ys), max(xs), max(ys))


def _union(box: Box | None, other: Box | None) -> Box | None:
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


def _grow(box: Box, share: float) -> Box:
    dx, dy = (box[2] - box[0]) * share, (box[3] - box[1]) * share
    return (box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy)


def _grow_by(box: Box, pixels: float) -> Box:
    return (box[0] - pixels, box[1] - pixels, box[2] + pixels, box[3] + pixels)


def _clipped_pixels(box: Box) -> float:
    width = min(box[2], CANVAS[0]) - max(box[0], 0.0)
    height = min(box[3], CANVAS[1]) - max(box[1], 0.0)
    return max(0.0, width) * max(0.0, height)


def _effect_pixels(box: Box) -> float:
    """Pixels of an effect's buffer (not clipped to the device; Qt skips one over 64 Mpx)."""
    pixels = max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])
    return min(pixels, float(EFFECT_MAX_PIXELS))
