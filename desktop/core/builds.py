"""Builds: a slide's items shown one per step. Qt-free.

A slide with ``build: true`` (or ``build: dim``) shows the items of the list fields its layout
declares (:attr:`LayoutSpec.builds <desktop.core.layouts.LayoutSpec.builds>`: the bullets, the
figures, the left then the right column; a table's rows and a chart's series, or a one-series
chart's categories, as :meth:`Table.items <desktop.core.data.Table.items>` and
:meth:`Chart.items <desktop.core.data.Chart.items>` name them) one more at each step: step 0
shows the first item, the last step shows them all, as a slide without a build always does. A
bullet's sub-bullets come with it. Items still to come keep their room on the slide (nothing
moves as they appear); ``dim`` draws them faintly instead of leaving them out.

A layout gains builds by naming its list fields in its spec: the renderer asks
:func:`item_state` about each item it draws.
"""

from __future__ import annotations

import enum
from typing import NamedTuple

from desktop.core.data import Chart, Table
from desktop.core.i18n import _
from desktop.core.layouts import Build
from desktop.core.model import Slide


class BuildItem(NamedTuple):
    """One item a build reveals: the list field it is in and its place there."""

    field: str
    position: int


class Shown(enum.Enum):
    """How an item of a slide is drawn at one of its steps."""

    SHOWN = "shown"
    DIMMED = "dimmed"
    """Still to come, drawn faintly (``build: dim``)."""
    HIDDEN = "hidden"
    """Still to come, left out with its room kept (``build: true``)."""


def build_items(slide: Slide) -> tuple[BuildItem, ...]:
    """The items *slide* reveals step by step, in order; none without a build."""
    if slide.build is Build.NONE:
        return ()
    items: list[BuildItem] = []
    for name in slide.layout.spec.builds:
        values: object = slide
        for attribute in name.split("."):  # a dotted path: a list inside a field
            values = getattr(values, attribute, None) if values is not None else None
        if isinstance(values, Table | Chart):  # it names its own: rows; series or categories
            items.extend(_located(path) for path in values.items())
            continue
        count = len(values) if isinstance(values, tuple | list) else 0
        items.extend(BuildItem(name, index) for index in range(count))
    return tuple(items)


def _located(path: str) -> BuildItem:
    """The item at field path *path* (``chart.series[2]``)."""
    field, _, index = path.rpartition("[")
    return BuildItem(field, int(index.rstrip("]")))


def step_count(slide: Slide) -> int:
    """How many steps *slide* takes: one per item of its build, else one."""
    return max(1, len(build_items(slide)))


def complete_step(slide: Slide, step: int | None) -> int | None:
    """*step* as a renderer's cache key: None (the slide complete) for the last step, for any
    step of a slide without a build and for None; else the step."""
    if step is None or step >= step_count(slide) - 1:
        return None
    return max(0, step)


def item_state(slide: Slide, field: str, index: int, step: int | None) -> Shown:
    """How item *index* of list *field* is drawn at *step* (None: the slide complete)."""
    step = complete_step(slide, step)
    if step is None:
        return Shown.SHOWN
    items = build_items(slide)
    try:
        position = items.index(BuildItem(field, index))
    except ValueError:
        return Shown.SHOWN  # not a build item: always there
    if position <= step:
        return Shown.SHOWN
    return Shown.DIMMED if slide.build is Build.DIM else Shown.HIDDEN


def step_label(step: int, slide: Slide) -> str:
    """``"step 2 / 4"`` for a slide with steps, else ``""``."""
    count = step_count(slide)
    if count <= 1:
        return ""
    return _("step {step} / {count}").format(step=min(step, count - 1) + 1, count=count)
