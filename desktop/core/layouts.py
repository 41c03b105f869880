"""The layouts, declared once. No Qt.

Each member of :class:`Layout` is the whole definition of a layout: the name written in a
slide's ``layout``, the fields it needs and shows, whether it is a content slide, its default
title and the sentences that describe it. The format's checks and JSON Schema
(:mod:`desktop.core.format`), the loader, slide labels and the layout table of
``docs/deck-format.md`` are all derived from these members; how a layout is drawn is
registered against the same members in :mod:`desktop.render.layouts`.

To add a layout, add a member here, a builder there and a slide to ``docs/example-deck``
(``docs/architecture.md`` has the steps).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class LayoutSpec:
    """What defines one layout (the value behind a :class:`Layout` member)."""

    name: str
    """The name a slide writes in ``layout``."""
    summary: str
    """What a slide of this layout shows, in a sentence or two (the docs' layout table)."""
    hint: str = ""
    """A few words after the name in the ``layout`` field's description, if any."""
    needs: tuple[str, ...] = ()
    """Content fields the slide must have: without one, the deck has an error."""
    shows: tuple[str, ...] = ()
    """Content fields it shows besides :data:`FRAME_FIELDS` and :attr:`needs`."""
    content: bool = False
    """Content slides carry facts and must cite sources."""
    default_title: str = ""
    """The title shown when the slide has none (and its name in outlines and bookmarks)."""
    builds: tuple[str, ...] = ()
    """The list fields whose items a slide with ``build`` reveals one at a time, in order
    (:func:`desktop.core.builds.build_items`), or a ``table`` or ``chart`` field, whose own
    ``items()`` name them: a layout without any shows its slide at once."""


class Build(enum.Enum):
    """How a slide shows its items (its ``build`` field): all at once, or one per step with
    the items to come left out (their room kept) or drawn faintly."""

    NONE = "false"
    REVEAL = "true"
    DIM = "dim"


FRAME_FIELDS: Final = ("title", "subtitle")
"""Content fields that every layout shows."""


class Layout(enum.Enum):
    """How a slide is laid out. The value of each member is its name, as written in a deck."""

    _value_: str
    spec: LayoutSpec

    def __new__(cls, spec: LayoutSpec) -> Layout:
        member = object.__new__(cls)
        member._value_ = spec.name
        member.spec = spec
        return member

    TITLE = LayoutSpec(
        "title",
        "The title slide, on the theme's band colour: the slide's `title` and `subtitle`, or"
        " the deck's when the slide has none, and a byline of the deck's `author` and `date`.",
    )
    SECTION = LayoutSpec(
        "section",
        'The section divider, on the band colour: "ACTION *n* / *N*" for a numbered section'
        " (`numbered`; *n* counts the numbered sections only), the section's Chinese"
        " name (`title_zh`, if set), its English name (the slide's `title`, else the"
        " section's `title`) and the slide's `subtitle`.",
        hint="the section's English and Chinese names",
    )
    AGENDA = LayoutSpec(
        "agenda",
        "**Generated** from the deck: its sections in order, each with its `title` and"
        " `title_zh`, the numbered ones (`numbered`) numbered `01`, `02`, …; up to 6 sections"
        " on a 16:9 slide (two columns) and 3 on a 4:3 one, a longer list split over as many"
        " slides as it needs. Each entry links to its section.",
        hint="the list of sections, generated",
        default_title="Agenda",
    )
    BULLETS = LayoutSpec(
        "bullets",
        "A bullet list with one optional level of sub-bullets.",
        needs=("bullets",),
        content=True,
        builds=("bullets",),
    )
    FIGURES = LayoutSpec(
        "figures",
        "1 to 6 key numbers on cards, each with its label, every value at one size: three"
        " cards a row, else two (four in one row when four cards in two languages need it)."
        " In two languages, where the labels of both do not fit, the labels are in the"
        " primary language only; the values are always shown.",
        hint="key numbers",
        needs=("figures",),
        content=True,
        builds=("figures",),
    )
    QUOTE = LayoutSpec(
        "quote",
        "A quotation, set in italics, and who said it.",
        needs=("quote",),
        content=True,
    )
    TWO_COLUMN = LayoutSpec(
        "two-column",
        "Two bullet lists side by side, each with an optional heading.",
        needs=("left", "right"),
        shows=("left_title", "right_title"),
        content=True,
        builds=("left", "right"),
    )
    IMAGE = LayoutSpec(
        "image",
        "One image, scaled to fit with its proportions kept (SVG stays vector), with an"
        " optional caption.",
        needs=("image",),
        content=True,
    )
    TABLE = LayoutSpec(
        "table",
        "A table under the title: a header row, light rules between the rows, numbers on"
        " the right aligned on their decimal point, long cells wrapped; an optional"
        " highlighted row or column and a note under it. The whole table shrinks to fit, down"
        " to the theme's smallest text size.",
        hint="rows and columns, inline or from a CSV file",
        needs=("table",),
        content=True,
        builds=("table",),
    )
    CHART = LayoutSpec(
        "chart",
        "A bar or line chart of one or more series: round ticks on the value axis, the unit"
        " once above it, value labels where they fit, a legend for several series, gaps"
        " where a value is `null`, and targets or forecasts outlined, hatched and labelled.",
        hint="bars or lines, inline or from a CSV file",
        needs=("chart",),
        content=True,
        builds=("chart",),
    )
    SOURCES = LayoutSpec(
        "sources",
        "**Generated** from the deck: every source in `deck.yaml` that at least one slide"
        " cites, in `deck.yaml` order (all of the deck's sources if no slide cites any), as"
        ' "publisher, date: title  url", split over as many slides as the list needs at the'
        " theme's text size (one longer than three lines ends in an ellipsis; the notes and"
        " handout pages list it in full).",
        hint="the deck's sources, generated",
        default_title="Sources",
    )

    @classmethod
    def named(cls, name: str) -> Layout | None:
        """The layout a deck calls *name*, or None when there is none."""
        return _BY_NAME.get(name)

    @property
    def needs(self) -> tuple[str, ...]:
        """Content fields a slide of this layout must have."""
        return self.spec.needs

    @property
    def uses(self) -> tuple[str, ...]:
        """Every content field the layout shows: the frame's, what it needs, the rest."""
        return FRAME_FIELDS + self.spec.needs + self.spec.shows

    @property
    def is_content(self) -> bool:
        """Content slides carry facts and must cite sources."""
        return self.spec.content

    @property
    def default_title(self) -> str:
        """The title shown when the slide has none; empty when the layout has none."""
        return self.spec.default_title


_BY_NAME: Final = {layout.spec.name: layout for layout in Layout}

DEFAULT_LAYOUT: Final = Layout.BULLETS
"""The layout of a slide that names none."""

LAYOUT_NAMES: Final = tuple(_BY_NAME)
"""Every layout's name, in declaration order."""
