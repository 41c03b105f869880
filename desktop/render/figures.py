"""The figures layout: key numbers on cards in rows under the title.

:func:`figures` tries arrangements in the order a designer would and keeps the first that
fits: the rows that use the full width first (three cards a row before two), each with its
values at full size and then smaller; in two languages, then one row of four cards; and when
both languages' labels fit in none, the labels in the primary language only (the secondary
text says what the primary one says; the values are always shown). Only when nothing fits at
all is the preferred arrangement drawn, overflowing.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QRectF

from desktop.core.model import Layout
from desktop.render.builder import LayoutBuilder, builds, lines, same_scale
from desktop.render.text import Para, TextBox

FIGURE_SHRINKS: Final = (1.0, 0.85, 0.7, 0.55)
"""The sizes tried for a figures slide's values, against the largest its rows allow."""
FIGURE_SHRINKS_MORE: Final = (0.45, 0.38)
"""And when the labels fit at none of those (two languages' labels take twice the lines)."""
FIGURE_CARD_MIN: Final = 440.0
"""The narrowest a figure card gets when its row has room: labels need a few words a line."""


@dataclass(frozen=True)
class Try:
    """One arrangement of a figures slide's cards."""

    rows: int
    shrink: float
    """The values' size against the largest the rows allow."""
    second: bool = True
    """Whether the labels carry their secondary language's text (in two languages)."""
    full: bool = False
    """Whether the cards take their column's whole width (else as wide as their content)."""


def tries(count: int, bilingual: bool) -> list[Try]:
    """The arrangements of *count* cards, best first: three a row, else two, at every value
    size. In two languages then the cards as wide as their columns (the labels take fewer
    lines), one row of four for four cards, and then those with the labels in the primary
    language only."""
    shrinks = FIGURE_SHRINKS + FIGURE_SHRINKS_MORE
    wide = list(dict.fromkeys(math.ceil(count / per_row) for per_row in (3, 2)))
    found = [Try(rows, shrink) for shrink in shrinks for rows in wide]
    if not bilingual:
        return found
    every = wide + ([1] if count == 4 else [])
    found = []
    for second in (True, False):
        for shrink in shrinks:
            found += [Try(rows, shrink, second) for rows in wide if second]
            found += [Try(rows, shrink, second, full=True) for rows in every]
    return found


@builds(Layout.FIGURES)
def figures(b: LayoutBuilder, body: QRectF) -> None:
    """Cards in rows under the title (the same gap on every figures slide), sized to their
    content: every value at one size, the size the widest needs, and every label at one.
    The first of :func:`tries` that fits; when none does, the first arrangement at its
    smallest, with as little text as any try has, drawn whole."""
    arrangements = tries(len(b.ref.slide.figures), b.bilingual)
    cards = _Slide(b, body)
    chosen: _Cards | None = None
    for arrangement in arrangements:
        # A try that overflows is given up at its first overflowing text.
        chosen = cards.arrange(arrangement, whole=False)
        if chosen is not None and chosen.fits:
            break
    else:
        final = arrangements[-1]
        chosen = cards.arrange(Try(arrangements[0].rows, final.shrink, final.second))
    assert chosen is not None
    for index, (rect, value, label) in enumerate(chosen.cards):
        if not b.item_drawn("figures", index):  # a build's card to come: its room is kept
            continue
        b.fill(rect, b.item_color("figures", index, "panel"))
        b.fill(
            QRectF(rect.left(), rect.top(), rect.width(), 8),
            b.item_color("figures", index, "accent"),
        )
        b.place(value)
        b.place(label)


@dataclass
class _Cards:
    cards: list[tuple[QRectF, TextBox, TextBox]]
    value_size: float
    fits: bool


class _Slide:
    """A figures slide's cards in its body, as each of its tries arranges them, and what the
    tries share: the labels' paragraphs, the values at each number of rows and size (a try
    with and without the labels' second language, or cards as wide as their columns, has the
    same), and where each label was found to overflow at a width (the same text laid out
    alike: it overflows a box no taller than one it overflowed, fits one no shorter than one
    it fitted)."""

    def __init__(self, b: LayoutBuilder, body: QRectF) -> None:
        self.b, self.body = b, body
        self.figures = b.ref.slide.figures
        self._paras: dict[tuple[int, bool], list[Para]] = {}
        self._values: dict[tuple[int, float], tuple[float, list[TextBox], float]] = {}
        self._bounds: dict[tuple[int, bool, float], tuple[float, float]] = {}
        """By label, second language and width: the tallest box it overflowed, the shortest
        it fitted."""

    def arrange(self, arrangement: Try, whole: bool = True) -> _Cards | None:
        """The cards as *arrangement* has them; None (unless *whole*) when they do not fit,
        as soon as that is known: a value overflows, a label overflows in the most room its
        row could be given (what the rows of overflowing labels share of what the others
        leave), or one still does once the rows are given their room.

        An overflowing box is at its floor, where fitting it again to a sibling's smaller
        scale lays it out the same (:func:`~desktop.render.builder.same_scale`): it would
        still overflow, so the rest need not be measured.
        """
        b, body = self.b, self.body
        count, rows = len(self.figures), arrangement.rows
        columns = math.ceil(count / rows)
        gap, pad = self._spacing(arrangement.shrink)
        column_w = (body.width() - gap * (columns - 1)) / columns
        row_h = (body.height() - gap * (rows - 1)) / rows
        size, kept, widest = self._measured_values(rows, arrangement.shrink)
        if not whole and any(box.overflow for box in kept):
            return None
        full = arrangement.full
        card_w = column_w if full else min(column_w, max(widest + 2 * pad, FIGURE_CARD_MIN))
        value_h = lines(size * kept[0].scale, 1, 100)
        label_h = max(1.0, row_h - 2 * pad - value_h - 8)
        width = card_w - 2 * pad

        def unfitted(index: int, height: float) -> TextBox:
            return b.measure(
                QRectF(0, 0, width, height),
                self._label(index, arrangement.second),
                f"figure-label-{index}",
                fitted=False,
            )

        made: dict[int, TextBox] = {}  # the labels in their rows' room, made when first asked

        def label(index: int) -> TextBox:
            if index not in made:
                made[index] = unfitted(index, label_h)
            return made[index]

        def overflows(index: int, height: float) -> bool:
            key = (index, arrangement.second, width)
            over, fitted = self._bounds.get(key, (-math.inf, math.inf))
            if height <= over or height >= fitted:
                return height <= over
            box = label(index) if height == label_h else unfitted(index, height)
            found = box.overflows()
            self._bounds[key] = (height, fitted) if found else (over, height)
            return found

        # A row's labels may take the room the other rows' leave: at most all but a line each.
        line = lines(b.size("min_text"), 1, 110)
        most = rows * label_h - (rows - 1) * line
        overflowing: list[bool] = []
        for index in range(count):  # asked before any is fitted: no search yet
            over = overflows(index, label_h)
            if over and not whole and (rows == 1 or overflows(index, most)):
                return None
            overflowing.append(over)
        if not whole and any(overflowing):
            # The rows of overflowing labels share what the others leave (a label overflowing
            # at its floor still does at any scale: its row needs more room).
            needy = len({index // columns for index, over in enumerate(overflowing) if over})
            room = label_h + (rows - needy) * (label_h - line) / needy
            if any(overflows(index, room) for index, over in enumerate(overflowing) if over):
                return None
        labels = [label(index) for index in range(count)]
        _fit_labels(labels, overflowing)
        heights = _row_heights(labels, columns, label_h, unfitted)
        fits = not any(box.overflow for box in kept + labels)
        if not fits and not whole:
            return None  # no try takes it: the cards need not be placed
        values = [copy.copy(box) for box in kept]  # placed where this try puts them
        cards = []
        top = body.top()
        for index, (value, box) in enumerate(zip(values, labels, strict=True)):
            row, col = divmod(index, columns)
            if col == 0 and row:
                top += 2 * pad + value_h + 8 + heights[row - 1] + gap
            card_h = 2 * pad + value_h + 8 + heights[row]
            rect = QRectF(body.left() + col * (card_w + gap), top, card_w, card_h)
            value.rect = QRectF(rect.left() + pad, rect.top() + pad, width, value_h)
            box.rect = QRectF(rect.left() + pad, value.rect.bottom() + 8, width, heights[row])
            cards.append((rect, value, box))
        return _Cards(cards, size * values[0].scale, fits)

    def _spacing(self, shrink: float) -> tuple[float, float]:
        """The gap between cards and the padding inside one, at *shrink*."""
        tight = self.b.bilingual or shrink < FIGURE_SHRINKS[-1]  # labels short of room
        return (24.0, 20.0) if tight else (40.0, 30.0)

    def _measured_values(self, rows: int, shrink: float) -> tuple[float, list[TextBox], float]:
        """The values' size, boxes (fitted to one scale, not placed) and widest text in
        *rows* rows at *shrink*, measured once for every try that has them."""
        kept = self._values.get((rows, shrink))
        if kept is not None:
            return kept
        b, count = self.b, len(self.figures)
        columns = math.ceil(count / rows)
        gap, pad = self._spacing(shrink)
        column_w = (self.body.width() - gap * (columns - 1)) / columns
        row_h = (self.body.height() - gap * (rows - 1)) / rows
        size = shrink * min(b.size("figure"), min(row_h, 420.0) * (0.30 if rows == 1 else 0.27))
        size = max(size, b.size("min_text") * 1.25)  # a value stays above its label
        values = [
            b.measure(
                QRectF(0, 0, column_w - 2 * pad, lines(size, 1, 100)),
                [
                    Para(
                        figure.value,
                        size,
                        b.item_color("figures", index, "figure"),
                        bold=True,
                        line_height=100,
                    )
                ],
                f"figure-value-{index}",
                wrap=False,
                min_size=max(b.size("min_text"), size * 0.45),
            )
            for index, figure in enumerate(self.figures)
        ]
        same_scale(values)
        widest = max(box.content_size()[0] for box in values)
        self._values[rows, shrink] = size, values, widest
        return size, values, widest

    def _label(self, index: int, second: bool) -> list[Para]:
        """Label *index*'s paragraphs, with its secondary language's text if *second*."""
        paras = self._paras.get((index, second))
        if paras is None:
            b = self.b
            paras = b.item_paras(
                b.below(
                    b.para(self.figures[index].label, "figure_label", line_height=110),
                    b.secondary(f"figures[{index}].label") if second else "",
                ),
                "figures",
                index,
            )
            self._paras[index, second] = paras
        return paras


def _fit_labels(labels: list[TextBox], overflowing: list[bool]) -> None:
    """Fit *labels* (*overflowing*: which overflow) as fitting each and then all to the
    smallest scale (:func:`~desktop.render.builder.same_scale`) would: when one overflows
    and none of the others could be set smaller than it (its floor), the smallest scale is
    its floor, and every label is fitted to it at once rather than searched for its own."""
    floors = [box.floor_scale() for box in labels]
    needy = [floor for floor, over in zip(floors, overflowing, strict=True) if over]
    others = [floor for floor, over in zip(floors, overflowing, strict=True) if not over]
    if needy and min(needy) <= min(others, default=math.inf):
        for box in labels:
            box.fit(max_scale=min(needy))
    else:
        for box in labels:
            box.fit()


def _row_heights(
    labels: list[TextBox],
    columns: int,
    label_h: float,
    unfitted: Callable[[int, float], TextBox],
) -> list[float]:
    """The height of each row's labels, refitting *labels* in place to one scale: every row
    as tall as the tallest label; when a row's labels overflow their *label_h*, the rows whose
    labels fit give it the room they leave, and each row is as tall as its own tallest
    (*unfitted* makes a label's box for a height)."""
    starts = range(0, len(labels), columns)
    same_scale(labels)  # the room a row leaves, at the scale it is set at
    needy = [start for start in starts if any(box.overflow for box in labels[start:][:columns])]
    spare = sum(
        label_h - max(map(_height, labels[start:][:columns]))
        for start in starts
        if start not in needy
    )
    if needy and spare > 0:
        taller = {
            index: unfitted(index, label_h + spare / len(needy))
            for start in needy
            for index in range(start, min(len(labels), start + columns))
        }
        kept = [box.scale for index, box in enumerate(labels) if index not in taller]
        _fit_taller(list(taller.values()), min(kept))
        for index, box in taller.items():
            labels[index] = box
    same_scale(labels)
    tallest = [max(map(_height, labels[start:][:columns])) for start in starts]
    return tallest if needy else [max(tallest)] * len(tallest)


def _height(box: TextBox) -> float:
    """The height *box*'s laid-out text takes (its ``content_size`` without its width)."""
    assert box.document is not None
    return box.document.size().height()


def _fit_taller(boxes: list[TextBox], kept: float) -> None:
    """Fit the labels of the rows given more room (*boxes*) as fitting each and then all to
    the smallest scale would, where *kept* is the smallest of the other rows': when none
    of *boxes* could be set smaller than that (their floors), it is the smallest scale, and
    they are fitted to it at once rather than searched for their own."""
    if all(box.floor_scale() >= kept for box in boxes):
        for box in boxes:
            box.fit(max_scale=kept)
    else:
        for box in boxes:
            box.fit()
