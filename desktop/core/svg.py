"""Check that an SVG is self-contained and cheap enough to draw, before Qt ever sees it.

Qt's SVG renderer reads what an SVG points at (``<image href="secret.png">`` is read from
disk) and draws every ``<use>`` copy it is asked to: ten ``<use>`` of the level below, seven
levels deep, is 10 million shapes and seconds of drawing. So an SVG is parsed here first,
with the standard library's expat parser and no DTD at all (so no entity is ever declared or
expanded and no external file is ever fetched), and refused when:

* it has a DOCTYPE, an entity, an ``xml-stylesheet`` instruction or an XInclude;
* an ``href``/``src`` (in any namespace) is not ``#id``, or a ``data:`` URL other than a
  base64 PNG or JPEG picture on an ``<image>`` within the image limits;
* a CSS ``url(…)`` (in an attribute, a ``style`` attribute or a ``<style>`` element) is not
  ``url(#id)``, or CSS uses ``@import`` or a backslash escape;
* elements nest deeper than Qt draws (:data:`MAX_SVG_DEPTH`);
* what it draws, counting each ``<use>`` copy and each use of a pattern, mask, marker
  (once per vertex), clip path, filter or symbol, exceeds :data:`MAX_SVG_ELEMENTS`
  elements or :data:`MAX_SVG_POINTS` points (path and polygon vertices, text characters);
* drawing it at its largest on-screen size would take more than :data:`ESTIMATE_REFUSED`
  seconds by the estimate of :mod:`desktop.core.svg_cost` (what drives Qt's drawing time
  is the length and number of edges in one path, not how many elements there are).

An SVG estimated above :data:`ESTIMATE_MEASURED` seconds, or using filters, masks or
patterns, is drawn once in a separate process before the app draws it
(``desktop/render/probe.py``), and refused if that takes more than :data:`DRAW_LIMIT`.

Qt-free, like the rest of :mod:`desktop.core`.
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.parsers.expat
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from desktop.core.i18n import N_, _
from desktop.core.svg_cost import SLIDE_BOX, DrawCost
from desktop.core.svg_document import PROPERTIES, Document, Node
from desktop.core.svg_geometry import QT_PATH_ELEMENTS
from desktop.core.svg_time import DRAW_LIMIT as DRAW_LIMIT
from desktop.core.svg_time import ESTIMATE_MEASURED as ESTIMATE_MEASURED
from desktop.core.svg_time import ESTIMATE_REFUSED as ESTIMATE_REFUSED
from desktop.core.svg_time import refused_message
from desktop.core.svg_walk import estimate
from desktop.core.yaml_nodes import shorten

MAX_SVG_ELEMENTS: Final = 20_000
"""Elements an SVG may draw, counting every ``<use>`` copy and referenced pattern or mask."""
MAX_SVG_POINTS: Final = 500_000
"""Path and polygon vertices plus text characters an SVG may draw, counted the same way."""
MAX_SVG_DEPTH: Final = 32
"""How deep elements may nest (the root is 1); Qt silently skips anything deeper."""
RULE: Final = N_("SVG images must be self-contained (only #id references)")
"""The rule most refusals end with (shown translated, as ``{rule}`` of their message)."""
_URL: Final = re.compile(r"url\s*\(", re.IGNORECASE)
_NUMBER: Final = re.compile(rb"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_DATA_IMAGE: Final = re.compile(r"data:image/(png|jpeg|jpg);base64,(.*)", re.IGNORECASE | re.DOTALL)
_PAINT_SERVERS: Final = frozenset({"lineargradient", "radialgradient", "solidcolor"})
"""References to these cost nothing to expand: they are colours, not drawn content."""
_NOT_DRAWN: Final = frozenset(
    {
        "defs", "symbol", "pattern", "marker", "mask", "clippath", "filter", "title", "desc",
        "metadata", "style", "script", *_PAINT_SERVERS,
    }
)  # fmt: skip
"""Elements whose content is drawn only where something refers to them."""
_MARKER_PROPERTIES: Final = frozenset({"marker", "marker-start", "marker-mid", "marker-end"})
_GEOMETRY: Final = {"path": "d", "polyline": "points", "polygon": "points"}
_TEXT: Final = frozenset({"text", "tspan", "textpath"})
_ANIMATIONS: Final = frozenset({"set", "animate", "animatemotion", "animatetransform"})
_DECLARATION: Final = re.compile(r"([A-Za-z-]+)\s*:\s*([^;{}]*)")


class SvgRefused(Exception):
    """The SVG breaks a rule; the message says which, for a located problem."""


@dataclass(frozen=True, slots=True)
class Embedded:
    """A picture embedded as a data URL: its kind and decoded bytes (for the image limits)."""

    kind: str
    data: bytes


@dataclass(frozen=True, slots=True)
class SvgCheck:
    """What a checked SVG embeds (for the caller's image limits) and what drawing it costs."""

    embedded: tuple[Embedded, ...]
    cost: DrawCost
    points: int = 0
    """The points it draws, every reference counted (see :data:`MAX_SVG_POINTS`)."""

    @property
    def measure(self) -> bool:
        """Draw it once in a separate process before the app draws it."""
        return self.cost.effects or self.cost.seconds > ESTIMATE_MEASURED


class _Parser:
    def __init__(self, name: str) -> None:
        self.name = name
        self.line: Callable[[], int] = lambda: 0
        self.elements: list[Node] = []
        self.ids: dict[str, int] = {}
        self.stack: list[int] = []
        self.in_text = 0
        self.style_text: list[str] | None = None
        """The text of the ``<style>`` element being read (checked whole, at its end)."""
        self.style_refs: list[str] = []
        self.embedded: list[Embedded] = []
        self.sheet: dict[str, str] = {}
        """What any ``<style>`` rule sets: any stroke, the widest width, the largest font."""

    def refuse(self, message: str, **fields: object) -> SvgRefused:
        """The refusal of *message* (translated, with ``{name}`` for the image and ``{rule}``
        for :data:`RULE`), its other values from *fields*."""
        return SvgRefused(message.format(name=self.name, rule=_(RULE), **fields))

    def reference(self, value: str) -> SvgRefused:
        return self.refuse(
            _("{name} references `{target}`; {rule}"), target=shorten(value.strip(), 80)
        )

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        local = _local(tag)
        if self.style_text is not None:
            raise self.refuse(_("{name} has an element inside `<style>`; {rule}"))
        if local == "include":
            raise self.refuse(_("{name} uses XInclude (`<{tag}>`); {rule}"), tag=shorten(tag, 40))
        if len(self.stack) >= MAX_SVG_DEPTH:
            raise self.refuse(
                _("{name} nests elements more than {limit} deep; Qt does not draw deeper"),
                limit=MAX_SVG_DEPTH,
            )
        if len(self.elements) >= MAX_SVG_ELEMENTS:
            raise self.refuse(
                _("{name} has more than {limit:,} elements; simplify it"), limit=MAX_SVG_ELEMENTS
            )
        element = Node(local, self.line())
        index = len(self.elements)
        self.elements.append(element)
        if self.stack:
            self.elements[self.stack[-1]].children.append(index)
        self.stack.append(index)
        styled: dict[str, str] = {}
        for name, value in attributes.items():
            self.attribute(element, local, name, value)
            key = _local(name)
            if key == "style":
                styled.update(_declarations(value))
            elif key in PROPERTIES:
                element.attrs[key] = value
        element.attrs.update(styled)
        geometry = _GEOMETRY.get(local)
        if geometry is not None:
            element.points = len(_NUMBER.findall(attributes.get(geometry, "").encode())) // 2
        elif local == "line":
            element.points = 2
        if local == "style" and self.style_text is None:
            self.style_text = []
        if local in _TEXT:
            self.in_text += 1

    def attribute(self, element: Node, tag: str, name: str, value: str) -> None:
        local = _local(name)
        if local == "id":
            self.ids.setdefault(value.strip(), len(self.elements) - 1)
        elif local in ("href", "src"):
            self.href(element, tag, value)
        elif local == "attributename" and tag in _ANIMATIONS and _local(value) in ("href", "src"):
            raise self.refuse(
                _("{name} animates a reference (`{attribute}`); {rule}"),
                attribute=shorten(value, 40),
            )
        elif local == "style":
            self.css(value)
            for prop, _colon, text in (d.partition(":") for d in value.split(";")):
                for target in self.urls(text):
                    element.refs.append((target, self.multiplier(prop)))
            return
        for target in self.urls(value):
            element.refs.append((target, self.multiplier(local)))

    def href(self, element: Node, tag: str, value: str) -> None:
        target = value.strip()
        if not target:
            return
        if target.startswith("#"):
            element.refs.append((target[1:], 1))
            return
        embedded = _DATA_IMAGE.fullmatch(target)
        if embedded is None or tag != "image":
            if target[:5].lower() != "data:":
                raise self.reference(value)
            raise self.refuse(
                _(
                    "{name} embeds `{target}`; only base64 PNG or JPEG pictures may be"
                    " embedded, in `<image>`"
                ),
                target=shorten(target, 40),
            )
        try:
            data = base64.b64decode(re.sub(r"\s+", "", embedded.group(2)), validate=True)
        except (binascii.Error, ValueError):
            raise self.refuse(_("{name} embeds a picture whose base64 data is broken")) from None
        kind = "png" if embedded.group(1).lower() == "png" else "jpeg"
        self.embedded.append(Embedded(kind, data))

    def urls(self, text: str) -> list[str]:
        """The ``#id`` targets of every ``url(…)`` in *text*; anything else is refused.

        Read as Qt reads them: ``url``, spaces, ``(``, then everything up to ``)``.
        """
        targets = []
        for match in _URL.finditer(text):
            target = text[match.end() :].split(")", 1)[0].strip().strip("'\"").strip()
            if not target.startswith("#"):
                raise self.reference(f"url({target})")
            targets.append(target[1:])
        return targets

    def css(self, text: str) -> None:
        lowered = text.lower()
        if "@import" in lowered:
            raise self.refuse(_("{name} imports a style sheet (`@import`); {rule}"))
        if "\\" in text:
            raise self.refuse(
                _("{name} uses a backslash escape in CSS; write the CSS without escapes")
            )

    @staticmethod
    def multiplier(prop: str) -> int:
        return -1 if prop.strip().lower() in _MARKER_PROPERTIES else 1

    def end(self, tag: str) -> None:
        local = _local(tag)
        if local == "style" and self.style_text is not None:
            text, self.style_text = "".join(self.style_text), None
            self.css(text)
            self.style_refs.extend(self.urls(text))
            self.style_sheet(text)
        if local in _TEXT:
            self.in_text -= 1
        self.stack.pop()

    def style_sheet(self, text: str) -> None:
        """Note what the rules of a style sheet set, whatever their selectors."""
        for prop, value in _declarations(text).items():
            if prop == "stroke" and value.strip().lower() != "none":
                self.sheet["stroke"] = value
            elif prop in ("stroke-width", "font-size"):
                old = self.sheet.get(prop)
                if old is None or _leading_number(value) > _leading_number(old):
                    self.sheet[prop] = value

    def text(self, data: str) -> None:
        if self.style_text is not None:
            self.style_text.append(data)
        elif self.in_text and self.stack:
            self.elements[self.stack[-1]].points += len(data.strip())

    def instruction(self, target: str, _data: str) -> None:
        if target.lower() == "xml-stylesheet":
            raise self.refuse(_("{name} links a style sheet (`<?xml-stylesheet?>`); {rule}"))


def check_svg(data: bytes, name: str, box: tuple[float, float] = SLIDE_BOX) -> SvgCheck:
    """Check the SVG *data*, to be drawn at most *box* pixels large; return what it embeds
    and what drawing it costs.

    Raises:
        SvgRefused: the SVG breaks a rule; the message starts with *name*.
    """
    parser = _Parser(name)
    expat = xml.parsers.expat.ParserCreate()
    expat.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(message: str) -> Callable[..., None]:
        def handler(*_args: object) -> None:
            raise parser.refuse(message)

        return handler

    expat.StartDoctypeDeclHandler = refuse(
        _("{name} has a DOCTYPE; DTDs and entities are not allowed in SVG images")
    )
    expat.EntityDeclHandler = refuse(
        _("{name} has an entity declaration; DTDs and entities are not allowed in SVG images")
    )

    def external(*_args: object) -> int:
        raise parser.refuse(
            _("{name} has an external entity; DTDs and entities are not allowed in SVG images")
        )

    expat.ExternalEntityRefHandler = external
    expat.StartElementHandler = parser.start
    expat.EndElementHandler = parser.end
    expat.CharacterDataHandler = parser.text
    expat.ProcessingInstructionHandler = parser.instruction
    parser.line = lambda: expat.CurrentLineNumber
    try:
        expat.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        reason = xml.parsers.expat.ErrorString(exc.code)
        message = _(
            "{name} cannot be drawn: not valid SVG ({reason} at line {line}, column {column})"
        )
        raise SvgRefused(
            message.format(name=name, reason=reason, line=exc.lineno, column=exc.offset + 1)
        ) from None
    if not parser.elements or parser.elements[0].tag != "svg":
        raise SvgRefused(
            _("{name} cannot be drawn: not valid SVG (its root is not `<svg>`)").format(name=name)
        )
    points = _check_cost(parser)
    document = Document(parser.elements, parser.ids, parser.sheet, parser.style_refs)
    cost = estimate(document, box)
    if cost.undrawn_line:
        message = _(
            "{name} cannot be drawn: its `<path>` on line {line} has more than {limit:,} points"
            " (a curve counts 3), and Qt draws none of such a path; split it into several paths"
        )
        raise SvgRefused(message.format(name=name, line=cost.undrawn_line, limit=QT_PATH_ELEMENTS))
    if not cost.seconds <= ESTIMATE_REFUSED:  # NaN is refused too
        raise SvgRefused(refused_message(name, cost))
    return SvgCheck(tuple(parser.embedded), cost, points)


def _declarations(text: str) -> dict[str, str]:
    """The CSS declarations in *text* the estimate reads (lower-case property names)."""
    found: dict[str, str] = {}
    for prop, value in _DECLARATION.findall(text):
        key = prop.lower()
        if key in PROPERTIES:
            found[key] = value.strip()
    return found


def _leading_number(text: str) -> float:
    match = _NUMBER.match(text.strip().encode())
    return float(match.group()) if match else 0.0


def _check_cost(parser: _Parser) -> int:
    """Count what the SVG draws, each reference expanded; refuse loops and excess. Returns
    how many points it draws."""
    elements, ids = parser.elements, parser.ids
    global_refs = [(target, 1) for target in parser.style_refs]
    limit = (MAX_SVG_ELEMENTS, MAX_SVG_POINTS)
    cost: dict[int, tuple[int, int]] = {}
    visiting: set[int] = set()

    def edges(index: int) -> list[tuple[int, int]]:
        element = elements[index]
        out = [(child, 1) for child in element.children if elements[child].tag not in _NOT_DRAWN]
        for target, times in (*element.refs, *global_refs):
            found = ids.get(target)
            if found is None or elements[found].tag in _PAINT_SERVERS:
                continue
            out.append((found, max(1, element.points) if times < 0 else times))
        return out

    stack: list[tuple[int, list[tuple[int, int]], int]] = [(0, edges(0), 0)]
    visiting.add(0)
    while stack:
        index, pending, position = stack[-1]
        if position < len(pending):
            stack[-1] = (index, pending, position + 1)
            target = pending[position][0]
            if target in visiting:
                raise parser.refuse(
                    _("{name} refers to itself (element #{id} is drawn inside itself)"),
                    id=_id_of(ids, target),
                )
            if target not in cost:
                visiting.add(target)
                stack.append((target, edges(target), 0))
            continue
        stack.pop()
        visiting.discard(index)
        count, points = 1, elements[index].points
        for target, times in pending:
            sub_count, sub_points = cost[target]
            count, points = count + times * sub_count, points + times * sub_points
        cost[index] = (min(count, limit[0] + 1), min(points, limit[1] + 1))
    count, points = cost[0]
    if count > MAX_SVG_ELEMENTS:
        raise parser.refuse(
            _(
                "{name} draws more than {limit:,} elements once its `<use>` and other"
                " references are counted; simplify it"
            ),
            limit=MAX_SVG_ELEMENTS,
        )
    if points > MAX_SVG_POINTS:
        raise parser.refuse(
            _(
                "{name} draws more than {limit:,} points (path vertices and text characters,"
                " counting every reference); simplify it"
            ),
            limit=MAX_SVG_POINTS,
        )
    return points


def _id_of(ids: dict[str, int], index: int) -> str:
    return next((shorten(key, 40) for key, value in ids.items() if value == index), "?")


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1].lower()
