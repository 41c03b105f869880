"""An SVG as the drawing-cost estimate reads it: its elements, ids and style sheet.

:mod:`desktop.core.svg` parses a file into a :class:`Document` of :class:`Node` (reading only
the :data:`PROPERTIES` the estimate uses); :mod:`desktop.core.svg_walk` walks it. The small
readers here take a ``viewBox``, a ``url(#id)`` reference and an effect's units apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from desktop.core.svg_cost import Box
from desktop.core.svg_geometry import Matrix, multiply, numbers, scale, translate

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


def view_box(text: str | None) -> tuple[float, float, float, float] | None:
    values = numbers(text or "")
    if len(values) != 4 or values[2] <= 0 or values[3] <= 0:
        return None
    return (values[0], values[1], values[2], values[3])


def url_target(value: str) -> str:
    """``#id`` from ``url(#id)`` (what the SVG rules allow)."""
    inner = value.split("(", 1)[-1].split(")", 1)[0]
    return inner.strip().strip("'\"").strip()


def content_units(units: str | None, ctm: Matrix, box: Box) -> Matrix:
    """Where effect content is drawn: in user space, or in the element's bounding box."""
    if (units or "").strip().lower() != "objectboundingbox":
        return ctm
    return multiply(translate(box[0], box[1]), scale(box[2] - box[0], box[3] - box[1]))
