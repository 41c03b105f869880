"""Walk an SVG's elements the way Qt draws them, adding up the drawing-cost model's terms.

:func:`estimate` visits the tree from the root with the current transform and inherited
style, follows ``<use>``, nested ``<svg>``, markers, clip paths, masks, filters and patterns
(once per use), and charges each fill and stroke as :mod:`desktop.core.svg_cost` models it.
The walk is a stack of generators, not recursion: a deep or self-multiplying document cannot
reach Python's stack limit, and :data:`~desktop.core.svg_cost.MAX_INSTANCES` bounds it.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass
from typing import Final

from desktop.core.svg_cost import (
    BAND_CELLS,
    CANVAS,
    K_AREA,
    K_CURVE,
    K_EFFECT,
    K_ELEMENT,
    K_FILTER,
    K_GLYPH,
    K_IMAGE,
    K_LIST,
    K_WALK,
    MAX_INSTANCES,
    SLIDE_BOX,
    Box,
    DrawCost,
    apply_box,
    call_edges,
    call_seconds,
    clipped_pixels,
    effect_pixels,
    grow,
    grow_by,
    points_box,
    subpath_cells,
    union,
)
from desktop.core.svg_document import Document, Node, content_units, url_target, view_box
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

_SHAPES: Final = frozenset({"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"})
_TEXT: Final = frozenset({"text", "tspan", "textpath"})
_NOT_DRAWN: Final = frozenset(
    {
        "defs", "symbol", "pattern", "marker", "mask", "clippath", "filter", "title", "desc",
        "metadata", "style", "script", "lineargradient", "radialgradient", "solidcolor",
    }
)  # fmt: skip
_Task = Generator["_Task", "Box | None", "Box | None"]
"""Drawing one element: it yields the tasks of what it draws inside and gets their boxes."""


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
        self.view = view_box(root.get("viewbox"))
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
                    box = union(box, (yield self._visit(child, ctm, style, fill_only)))
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
                box = union(box, (yield self._visit(child, ctm, style, fill_only)))
        return box

    def _effects(
        self, index: int, ctm: Matrix, style: _Style, box: Box | None
    ) -> Generator[_Task, Box | None, None]:
        """Clip paths, masks, filters and patterns the element uses, once each use."""
        attrs = self.nodes[index].attrs
        area_box = box or apply_box(ctm, self.view_box)
        targets = [
            attrs.get(prop, "") for prop in ("clip-path", "mask", "filter", "fill", "stroke")
        ]
        targets += [f"url(#{ref})" for ref in self.doc.sheet_refs]
        for value in targets:
            found = self._target(url_target(value), self.nodes[index]) if "url" in value else None
            if found is None:
                continue
            target = self.nodes[found]
            if target.tag == "clippath":
                place = content_units(target.attrs.get("clippathunits"), ctm, area_box)
                yield self._contents(found, place, _Style(), True)
            elif target.tag == "mask":
                self.effects = True
                self.add(index, K_EFFECT * effect_pixels(area_box))
                place = content_units(target.attrs.get("maskcontentunits"), ctm, area_box)
                yield self._contents(found, place, _Style(), False)
            elif target.tag == "filter":
                self.effects = True
                primitives = max(1, len(target.children))
                self.add(index, K_FILTER * primitives * effect_pixels(grow(area_box, 0.1)))
            elif target.tag == "pattern":
                self.effects = True
                self.add(index, K_EFFECT * effect_pixels(area_box))
                place = multiply(ctm, parse_transform(target.attrs.get("patterntransform")))
                place = content_units(target.attrs.get("patterncontentunits"), place, area_box)
                yield self._contents(found, place, _Style(), False)

    # -- what elements draw -----------------------------------------------------------------

    def _shape(self, index: int, ctm: Matrix, style: _Style) -> _Task:
        shape = self.shapes.get(index)
        if shape is None:
            shape = self.shapes[index] = self._geometry(self.nodes[index])
            if shape.elements > QT_PATH_ELEMENTS and self.nodes[index].tag == "path":
                self.undrawn_line = self.undrawn_line or self.nodes[index].line
        subpaths = [apply(ctm, sub) for sub in shape.subpaths]
        box = points_box(subpaths)
        if box is None:
            return None
        seconds = K_ELEMENT
        if style.fill and self.nodes[index].tag != "line":
            seconds += call_seconds(call_edges(subpaths, [True] * len(subpaths), 1.0, 0.0, 0.0))
            seconds += K_AREA * clipped_pixels(box)
        width = style.width * stretch(ctm)
        if style.stroke and width > 0:
            cells = sum(
                subpath_cells(sub, closed)
                for sub, closed in zip(subpaths, shape.closed, strict=True)
            )
            if width <= 1.0:  # Qt's cosmetic stroker: one pass along the lines
                seconds += K_WALK * cells
            elif shape.lines_only:  # drawn one line at a time
                seconds += (K_WALK + K_AREA) * cells * width
            else:
                seconds += call_seconds(call_edges(subpaths, shape.closed, 2.0, width / 2, width))
                seconds += K_AREA * cells * width + K_CURVE * shape.curves
            box = grow_by(box, width / 2)
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
                    box = union(box, (yield self._contents(found, place, _Style(), False)))
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
        return apply_box(ctm, (x, y - style.font, x + extent, y + style.font / 3))

    def _image(self, index: int, ctm: Matrix) -> Box | None:
        attrs = self.nodes[index].attrs
        x, y = self._x(attrs.get("x")), self._y(attrs.get("y"))
        w, h = self._x(attrs.get("width")), self._y(attrs.get("height"))
        box = apply_box(ctm, (x, y, x + w, y + h))
        self.add(index, K_ELEMENT + K_IMAGE * clipped_pixels(box))
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
            if value is not None and "url" in value and url_target(value) not in markers:
                markers = (*markers, url_target(value))
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
        view = view_box(attrs.get("viewbox"))
        if view is None:
            return place
        width = length(attrs.get("width"), self.viewport[0]) or self.viewport[0]
        height = length(attrs.get("height"), self.viewport[1]) or self.viewport[1]
        sx, sy = width / max(view[2], 1e-9), height / max(view[3], 1e-9)
        return multiply(place, multiply(scale(sx, sy), translate(-view[0], -view[1])))

    def _marker_scale(self, attrs: dict[str, str], stroke_width: float) -> Matrix:
        units = attrs.get("markerunits", "strokeWidth").strip().lower()
        factor = stroke_width if units != "userspaceonuse" else 1.0
        view = view_box(attrs.get("viewbox"))
        if view is not None:
            width = length(attrs.get("markerwidth"), self.viewport[0]) or 3.0
            height = length(attrs.get("markerheight"), self.viewport[1]) or 3.0
            return scale(factor * width / max(view[2], 1e-9), factor * height / max(view[3], 1e-9))
        return scale(factor, factor)
