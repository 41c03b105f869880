"""The layout framework: a slide laid out on the logical canvas (1920×1080 or 1440×1080).

:class:`LayoutBuilder` lays out one slide: the background, the frame of a content slide (title,
footer, source line; :meth:`LayoutBuilder.chrome`) and the logo, and in between the slide's own
layout, drawn by the one builder registered for it with :func:`builds`. The builders are in
:mod:`desktop.render.layouts` (the layouts a slide fills in) and :mod:`desktop.render.generated`
(the agenda and sources, generated from the deck).

A layout is computed once per (deck, slide, theme) and cached by the renderer; painting it at
any size is then a scaled replay.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor

from desktop.core.builds import Shown, item_state
from desktop.core.markup import plain
from desktop.core.model import Bullet, Deck, Layout, SlideRef
from desktop.core.slide_words import both, languages, word, words
from desktop.core.svg_cost import LOGO_BOX
from desktop.core.theme import Theme
from desktop.render.items import DataArea, Fill, Item, Picture, Rule, Text
from desktop.render.text import LINE_SPACING, Para, TextBox, VAlign
from desktop.render.text_shared import LaidOut

CENTER = Qt.AlignmentFlag.AlignHCenter


def same_scale(boxes: list[TextBox]) -> None:
    """Refit sibling boxes (agenda entries, source columns) to the smallest one's scale."""
    smallest = min((box.scale for box in boxes), default=1.0)
    for box in boxes:
        if box.scale > smallest:
            box.fit(max_scale=smallest)


def lines(size: float, count: int = 1, line_height: int = 118) -> float:
    """Height of *count* lines of text at *size* px with a proportional line height."""
    return size * LINE_SPACING * line_height / 100 * count + 2


def leading(pitch: float) -> int:
    """The proportional line height that spaces lines *pitch* times their size apart."""
    return round(pitch / LINE_SPACING * 100)


RIGHT = Qt.AlignmentFlag.AlignRight


@dataclass
class SlideLayout:
    """A slide ready to paint: items in paint order, text boxes, agenda links."""

    size: QSizeF
    items: list[Item] = field(default_factory=list)
    boxes: list[TextBox] = field(default_factory=list)
    links: list[tuple[QRectF, int]] = field(default_factory=list)
    """Canvas rectangles that link to a section (by index): the agenda entries."""
    areas: list[DataArea] = field(default_factory=list)
    """The tables and charts drawn, for formats that write them natively."""

    def overflowing(self) -> list[TextBox]:
        return [box for box in self.boxes if box.overflow]

    def texts(self) -> list[LaidText]:
        """Every text of the slide as laid out: its role, where it is drawn and its sizes
        (what the design rules are measured on)."""
        return [
            LaidText(
                role=box.name.rstrip("0123456789").rstrip("-"),
                name=box.name,
                rect=box.drawn_rect(),
                size=min(box.font_sizes(), default=0.0),
                largest=max(box.font_sizes(), default=0.0),
                body=box.body,
                box=box,
            )
            for box in self.boxes
        ]


@dataclass(frozen=True)
class LaidText:
    """One text box of a laid-out slide, measured (:meth:`SlideLayout.texts`)."""

    role: str
    """What it is: the box's name without its index (``figure-value``, ``agenda-entry``)."""
    name: str
    rect: QRectF
    """Where its text is drawn on the canvas."""
    size: float
    """Its smallest font size, in canvas pixels."""
    largest: float
    """Its largest font size."""
    body: bool
    """Whether it is the slide's body text (what a subtitle must not outsize)."""
    box: TextBox = field(repr=False)


SECONDARY_SCALE: Final = 0.72
"""A secondary language's text against its primary one's size (never below ``min_text``)."""
BILINGUAL_SPACE_AFTER: Final = 0.6
"""Between bullets of two languages, the gap against one language's (the pairs group)."""
SECONDARY_GAP: Final = 0.12
"""The gap between a primary text and its secondary one, as a fraction of the latter's size."""
TITLE_SECONDARY_SCALE: Final = 0.6
"""A title's secondary text against the title's size."""
SUBTITLE_SECONDARY_SCALE: Final = 0.8
"""A subtitle's secondary text against the subtitle's size (already small)."""
FOOTER_ROLES: Final = ("footer", "footer-number", "source-line")
"""The footer line's texts: the only ones below the theme's ``min_text``."""
DIM_ALPHA: Final = 0.22
"""How opaque an item still to come is drawn in a ``build: dim`` slide."""


def faint(colour: str) -> str:
    """*colour* (``#rrggbb``; empty: none) at :data:`DIM_ALPHA`: a dimmed item's."""
    if not colour:
        return colour
    shown = QColor(colour)
    shown.setAlphaF(DIM_ALPHA)
    return shown.name(QColor.NameFormat.HexArgb)


TITLE_LEADING: Final = 1.1
"""Line pitch of titles, as a multiple of their size."""


Draw = Callable[["LayoutBuilder", QRectF], None]
"""A builder: lays its slide out in the rectangle it is given."""


@dataclass(frozen=True, slots=True)
class Builder:
    draw: Draw
    framed: bool
    """Framed slides get the title, footer and source line (:meth:`LayoutBuilder.chrome`) and
    are drawn in the body rectangle; the others get the whole canvas."""


BUILDERS: dict[Layout, Builder] = {}
"""The builder of each layout, filled by :func:`builds`."""


def builds(layout: Layout, framed: bool = True) -> Callable[[Draw], Draw]:
    """Register the decorated function, ``draw(builder, rect)``, as *layout*'s one builder."""

    def register(draw: Draw) -> Draw:
        if layout in BUILDERS:
            raise ValueError(f"layout `{layout.value}` already has a builder")
        BUILDERS[layout] = Builder(draw, framed)
        return draw

    return register


class LayoutBuilder:
    """Builds the :class:`SlideLayout` of one slide.

    The builders draw with its primitives (:meth:`text`, :meth:`fill`, :meth:`rule`,
    :meth:`para`, :meth:`bullet_paras`) into :attr:`out`; :attr:`w` and :attr:`h` are the
    canvas size, :attr:`mx` and :attr:`top` the theme's margins.
    """

    def __init__(
        self,
        deck: Deck,
        theme: Theme,
        ref: SlideRef,
        number: str | None = None,
        step: int | None = None,
        laid_out: LaidOut | None = None,
    ) -> None:
        self.deck, self.theme, self.ref = deck, theme, ref
        self.display = deck.display or deck.languages[0]
        """The languages the slide is shown in (``en``, ``en+zh``): the app's own words on it
        (:mod:`desktop.core.slide_words`) are in them too."""
        self.language = languages(self.display)[0]
        """The language of the texts shown (the first of ``en+zh``)."""
        self.laid_out = laid_out if laid_out is not None else LaidOut()
        """Where the slide's text boxes share documents laid out alike (the renderer's)."""
        self.number = number if number is not None else deck.talk.label(ref.index)
        self.step = step
        """The build's step shown (:mod:`desktop.core.builds`); None: the slide complete."""
        width, height = deck.canvas_size
        self.out = SlideLayout(QSizeF(width, height))
        self.w, self.h = float(width), float(height)
        self.mx = float(theme.size("margin_x"))
        self.top = float(theme.size("margin_top"))
        self.subtitle_size = self.size("subtitle")
        """The subtitle's size on this slide: the theme's, unless the body had to be set
        smaller (the subtitle gives way first; see :meth:`build`)."""
        self._pairs: dict[tuple[Para, str, float, bool], tuple[Para, Para]] = {}
        """The paragraph pairs :meth:`below` made: a figures slide asks for each label's at
        every arrangement it tries, a slide laid out again for all of its own."""
        self.kept: dict[str, object] = {}
        """What a layout works out once for every layout of its slide (the subtitle giving
        way lays it out again), by name: a table's plans."""

    # -- primitives -----------------------------------------------------------

    def color(self, name: str) -> str:
        return self.theme.color(name)

    def item_color(self, field: str, index: int, name: str) -> str:
        """The theme's colour *name* for item *index* of the build list *field* at this step:
        faint while the item is still to come in a ``dim`` build, else as it is."""
        state = item_state(self.ref.slide, field, index, self.step)
        return faint(self.color(name)) if state is Shown.DIMMED else self.color(name)

    def item_paras(self, paras: list[Para], field: str, index: int) -> list[Para]:
        """*paras*, the text of item *index* of the build list *field*, as this step shows it:
        faint while it is to come in a ``dim`` build, laid out but not drawn in another (it
        keeps its room, so nothing moves as it appears; and it is not in a PDF's text)."""
        state = item_state(self.ref.slide, field, index, self.step)
        if state is Shown.HIDDEN:
            return [dataclasses.replace(para, drawn=False) for para in paras]
        if state is Shown.DIMMED:
            return [
                dataclasses.replace(
                    para, color=faint(para.color), bullet_color=faint(para.bullet_color)
                )
                for para in paras
            ]
        return paras

    def item_drawn(self, field: str, index: int) -> bool:
        """Whether item *index* of the build list *field* is drawn at this step: not while it
        is still to come in a ``build: true`` slide (laid out all the same: it keeps its
        room, so nothing moves as it appears)."""
        return item_state(self.ref.slide, field, index, self.step) is not Shown.HIDDEN

    def size(self, name: str) -> float:
        return float(self.theme.size(name))

    def text(
        self,
        rect: QRectF,
        paras: list[Para],
        name: str,
        valign: VAlign = VAlign.TOP,
        wrap: bool = True,
        min_size: float | None = None,
        body: bool = False,
        proportional: bool = False,
    ) -> TextBox:
        """Lay *paras* out in *rect*, shrunk to fit but never below *min_size* (the theme's
        ``min_text`` unless given: only the footer line passes a smaller one), and place it."""
        return self.place(
            self.measure(rect, paras, name, valign, wrap, min_size, body, proportional)
        )

    def measure(
        self,
        rect: QRectF,
        paras: list[Para],
        name: str,
        valign: VAlign = VAlign.TOP,
        wrap: bool = True,
        min_size: float | None = None,
        body: bool = False,
        proportional: bool = False,
        *,
        fitted: bool = True,
    ) -> TextBox:
        """A fitted text box, as :meth:`text` lays it out, not yet placed on the slide (a
        builder that sizes siblings alike measures them all first); not fitted yet unless
        *fitted* (to ask first whether it would overflow, :meth:`TextBox.overflows`)."""
        box = TextBox(
            rect,
            paras,
            self.theme.fonts,
            min_size=self.size("min_text") if min_size is None else min_size,
            valign=valign,
            wrap=wrap,
            name=name,
            body=body,
            proportional=proportional,
            shared=self.laid_out,
        )
        return box.fit() if fitted else box

    def place(self, box: TextBox) -> TextBox:
        """Put a fitted box on the slide (moving its rectangle keeps its fit when the new
        one is at least as large)."""
        self.out.boxes.append(box)
        self.out.items.append(Text(box))
        return box

    def fill(self, rect: QRectF, color: str) -> None:
        self.out.items.append(Fill(rect, color))

    def rule(self, x1: float, y1: float, x2: float, y2: float, color: str, width: float) -> None:
        self.out.items.append(Rule(QPointF(x1, y1), QPointF(x2, y2), color, width))

    def para(self, text: str, size: str, color: str = "text", **kw: object) -> Para:
        return Para(text, self.size(size), self.color(color), **kw)  # type: ignore[arg-type]

    @property
    def bilingual(self) -> bool:
        """Whether the slide is shown in two languages (``en+zh``)."""
        return "+" in self.deck.display

    def secondary(self, field_path: str) -> str:
        """The secondary language's text of the slide's *field_path* (``bullets[1]``), shown
        below its primary one; empty in one language and where it has none."""
        return self.ref.slide.secondary.get(field_path, "")

    def below(
        self, para: Para, second: str, scale: float = SECONDARY_SCALE, band: bool = False
    ) -> list[Para]:
        """*para*, and *second* (its secondary language's text, if any) set below it: smaller,
        lighter (the theme's ``secondary`` colour, ``band_secondary`` on a band), never bold,
        never below the theme's ``min_text``; a bullet's continues at its indent."""
        if not second:
            return [para]
        key = (para, second, scale, band)
        pair = self._pairs.get(key)
        if pair is None:
            size = max(self.size("min_text"), para.size * scale)
            after = para.space_after * (BILINGUAL_SPACE_AFTER if para.level else 1.0)
            pair = (
                dataclasses.replace(para, space_after=SECONDARY_GAP * size / para.size),
                dataclasses.replace(
                    para,
                    text=second,
                    size=size,
                    color=self.color("band_secondary" if band else "secondary"),
                    bold=False,
                    indent_size=para.size if para.level else 0.0,
                    max_lines=para.max_lines,
                    space_after=after * para.size / size,
                ),
            )
            self._pairs[key] = pair
        return list(pair)

    # -- the whole slide --------------------------------------------------------

    def build(self) -> SlideLayout:
        """Lay the slide out. When its body text had to shrink below the subtitle's size,
        lay it out again with the subtitle at the body's size: the subtitle gives way first,
        so the body is never set smaller than the subtitle above it."""
        out = self._build()
        if self.ref.slide.subtitle:
            body = [box.scale * max(p.size for p in box.paras) for box in out.boxes if box.body]
            if body and min(body) < self.subtitle_size - 0.5:
                self.subtitle_size = min(body)
                out = self._build()
        return out

    def _build(self) -> SlideLayout:
        self.out = SlideLayout(self.out.size)
        page = QRectF(0, 0, self.w, self.h)
        self.fill(page, self.color("background"))
        builder = BUILDERS[self.ref.slide.layout]
        builder.draw(self, self.chrome() if builder.framed else page)
        self.logo(full_bleed=not builder.framed)
        return self.out

    LOGO_SIZE = QSizeF(LOGO_BOX[0] / 2, LOGO_BOX[1] / 2)
    """170 × 70 on the canvas (LOGO_BOX is the same box on a 4K slide)."""

    def logo(self, full_bleed: bool) -> None:
        """The theme's logo: top right on content slides, bottom right on title and section."""
        logo = self.theme.logo
        if logo is None:
            return
        size = self.LOGO_SIZE
        top = self.h - 60 - size.height() if full_bleed else self.top
        self.out.items.append(
            Picture(
                QRectF(self.w - self.mx - size.width(), top, size.width(), size.height()),
                logo,
                self.theme.logo_name,
                LOGO_BOX,
            )
        )

    def title_width(self) -> float:
        """Width left for a content slide's title (the logo takes the top right)."""
        inner = self.w - 2 * self.mx
        return inner - (self.LOGO_SIZE.width() + 30 if self.theme.logo is not None else 0)

    def chrome(self) -> QRectF:
        """Title, subtitle, footer and source line; returns the body rectangle."""
        slide, deck = self.ref.slide, self.deck
        inner = self.w - 2 * self.mx
        # Footer: deck and section on the left, slide number on the right.
        foot_size = self.size("footer")
        foot_top = self.h - self.size("margin_bottom") * 0.4 - lines(foot_size)
        self.rule(self.mx, foot_top - 14, self.w - self.mx, foot_top - 14, self.color("rule"), 2)
        number = self.number
        self.text(
            QRectF(self.w - self.mx - 200, foot_top, 200, lines(foot_size)),
            [self.para(number, "footer", "muted", align=RIGHT, markup=False)],
            "footer-number",
            wrap=False,
            min_size=foot_size,
        )
        where = f"{plain(deck.title)}  ·  {plain(self.ref.section.title)}"
        self.text(
            QRectF(self.mx, foot_top, inner - 240, lines(foot_size)),
            [self.para(where, "footer", "muted", markup=False, max_lines=1)],
            "footer",
            min_size=foot_size,
        )
        bottom = foot_top - 14 - 24
        cited = [deck.source(sid) for sid in slide.sources]
        names = "; ".join(s.citation() for s in cited if s is not None)
        if names and slide.layout.is_content:
            # Part of the footer line: at its size, at most two lines, cut short with an
            # ellipsis rather than wrapped into the footer (notes and handouts list it all).
            label = both("Sources" if len(cited) > 1 else "Source", self.display)
            text = word("{label}: {sources}", self.language, label=label, sources=names)
            height = lines(foot_size, 2, 112)
            rect = QRectF(self.mx, bottom - height, inner, height)
            line = self.para(text, "footer", "muted", markup=False, line_height=112, max_lines=2)
            box = self.measure(rect, [line], "source-line", VAlign.BOTTOM, min_size=foot_size)
            if box.overflow:  # two lines of a taller script: the line grows upward
                needed = box.content_size()[1]
                rect = QRectF(self.mx, bottom - needed, inner, needed)
                box = self.measure(rect, [line], "source-line", VAlign.BOTTOM, min_size=foot_size)
            self.place(box)
            bottom = rect.top() - 20
        # Title block.
        if slide.title:
            title, second = slide.title, self.secondary("title")
        else:  # a generated slide's ("Agenda"): the app's words, in the deck's languages
            title, second = words(slide.layout.default_title, self.display)
        if title and slide.parts > 1:
            title = word(
                "{title} ({part}/{parts})",
                self.language,
                title=title,
                part=slide.part + 1,
                parts=slide.parts,
            )
        y = self.top
        if title:
            title_leading = leading(TITLE_LEADING)
            paras = self.below(
                self.para(title, "title", bold=True, line_height=title_leading),
                second,
                TITLE_SECONDARY_SCALE,
            )
            height = sum(lines(p.size, 2, p.line_height) for p in paras)
            box = self.text(QRectF(self.mx, y, self.title_width(), height), paras, "title")
            y += box.content_size()[1] + 22
            self.fill(QRectF(self.mx, y, 110, 7), self.color("accent"))
            y += 7 + 26
        if slide.subtitle:
            size = self.subtitle_size
            paras = self.below(
                Para(slide.subtitle, size, self.color("muted")),
                self.secondary("subtitle"),
                SUBTITLE_SECONDARY_SCALE,
            )
            box = self.text(
                QRectF(self.mx, y, inner, sum(lines(p.size, 2) for p in paras)),
                paras,
                "subtitle",
                min_size=min(size, self.size("min_text")),
            )
            y += box.content_size()[1] + 24
        y += 16
        return QRectF(self.mx, y, inner, max(60.0, bottom - y))

    def bullet_paras(
        self, bullets: tuple[Bullet, ...], scale: float = 1.0, field_name: str = "bullets"
    ) -> list[Para]:
        """The paragraphs of a bullet list (the slide's *field_name*: ``bullets``, ``left``,
        ``right``), each followed by its secondary language's text when there is one; in a
        build, each bullet with its sub-bullets is one item (:meth:`item_paras`)."""
        paras: list[Para] = []
        body, sub = self.size("body") * scale, self.size("sub_body") * scale
        for index, bullet in enumerate(bullets):
            path = f"{field_name}[{index}]"
            start = len(paras)
            first = Para(
                bullet.text,
                body,
                self.color("text"),
                level=1,
                bullet_color=self.color("accent"),
                space_after=0.45,
            )
            paras += self.below(first, self.secondary(f"{path}.text" if bullet.children else path))
            for sub_index, child in enumerate(bullet.children):
                second = Para(
                    child,
                    sub,
                    self.color("text"),
                    level=2,
                    bullet_color=self.color("muted"),
                    space_after=0.35,
                )
                paras += self.below(second, self.secondary(f"{path}.bullets[{sub_index}]"))
            paras[start:] = self.item_paras(paras[start:], field_name, index)
        return paras
