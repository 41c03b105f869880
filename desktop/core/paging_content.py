"""How many parts a bullets, two-column or table slide takes in a deck paged for two languages
at once. Qt-free.

A deck in two languages can be shown with both on one slide (``en+zh``): every text with its
second language set below it. The densest slides then hold more than one slide's worth, and
shrinking them would take the text below the theme's minimum size. When a deck is *paged* for
such a display (:attr:`Deck.paging <desktop.core.model.Deck.paging>`; by default its own
display), such a slide is split into consecutive parts instead, each with its share of the
items (bullets, each column's bullets, a table's rows under its header), as
:mod:`desktop.core.paging` splits a long agenda. A deck paged for one language never splits
them: a slide that fits one language stays one slide.

The estimate takes, for each two-language display the deck is paged for, the text shown and
its second language below it; the part count is the most any of them needs. It is made
without Qt, from text lengths (a wide character is about an em, another about half of one),
for the sizes of :data:`SIZES` (the largest each bundled theme sets; a test checks them), so
the parts are the same in every theme, and errs on the safe side: the renderer then sets each
part at the theme's size, shrinking it if it must, never below the theme's minimum.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from desktop.core.cjk import has_cjk
from desktop.core.layouts import Layout
from desktop.core.markup import plain

if TYPE_CHECKING:
    from desktop.core.model import Slide

SIZES: Final = {
    "title": 68,
    "subtitle": 38,
    "body": 46,
    "sub_body": 40,
    "figure_label": 34,
    "min_text": 30,
    "margin_x": 120,
    "margin_top": 90,
}
"""Text sizes and margins the estimate works with (canvas pixels): for each, the largest a
bundled theme sets (a test checks them against the themes)."""
LINE_PITCH: Final = 1.38
"""A line's height against its text's size, at a bullet's leading (the renderer's, measured)."""
CJK_PITCH: Final = 1.46
"""The same for a line of Chinese (the renderer sets it closer to the Latin pitch, not to it)."""
TITLE_PITCH: Final = 1.1
"""The same for a title's lines."""
SECONDARY: Final = 0.72
"""A second language's text against its first one's size (as the renderer sets it)."""
SHRINK: Final = 0.7
"""The least a part's text is set at against the theme's size, in this estimate (the largest
theme's minimum is 0.65 of its body text): a slide that would shrink further becomes parts."""
FOOTER: Final = 206.0
"""The canvas height under a content slide's body: the footer line and a two-line source
line, with their gaps."""
WRAP: Final = 0.93
"""The share of a line's width that words fill on average (a line breaks before a word that
does not fit)."""
TEXT_COLUMN: Final = 0.35
"""The least share of a table's width its text columns take."""
MAX_PARTS: Final = 4
"""The most parts one slide is split into (a slide fuller than that shrinks instead)."""

Texts = Callable[[str, str], str]
"""``texts(field path, text as loaded)``: a field's text in the language estimated."""


def text_em(text: str) -> float:
    """The width of *text* (inline markup removed) in ems: about one a wide character, half
    of one another, a quarter a space."""
    width = 0.0
    for char in plain(text):
        if char == " ":
            width += 0.26
        elif unicodedata.east_asian_width(char) in "WF":
            width += 1.0
        else:
            width += 0.54
    return width


def text_height(
    text: str, size: float, width: float, max_lines: int = 0, pitch: float = 0.0
) -> float:
    """The height *text* takes at *size* px wrapped in *width* px (empty: none), its lines
    *pitch* times its size apart (else a bullet's pitch for its script)."""
    if not text:
        return 0.0
    count = max(1, math.ceil(text_em(text) * size / (max(width, size) * WRAP)))
    if not pitch:
        pitch = CJK_PITCH if has_cjk(text) else LINE_PITCH
    return (min(count, max_lines) if max_lines else count) * size * pitch


def pair_height(first: str, second: str, size: float, width: float, gap: float = 0.0) -> float:
    """A text at *size* and its second language's below it (where it differs), and *gap*."""
    height = text_height(first, size, width) + gap * size
    if second and second != first:
        below = max(SIZES["min_text"], size * SECONDARY)
        height += text_height(second, below, width) + 0.12 * below
    return height


def content_parts(
    slide: Slide, aspect: str, pairs: Sequence[tuple[str, str]]
) -> tuple[range, ...] | None:
    """The items each part of *slide* shows when, in one of the two-language displays *pairs*
    (shown, below), it takes more than one part (of its ``bullets`` or ``table.rows``; of
    ``left`` then ``right`` for a two-column slide, the two ranges of each part one after the
    other); None when it fits on one in each (and always for no *pairs*)."""
    fields = SHARED.get(slide.layout)
    if fields is None or not pairs or len(slide.translations) < 2:
        return None  # one language: the text shrinks to the minimum, and `check` warns after
    width = (1440 if aspect == "4:3" else 1920) - 2 * SIZES["margin_x"]
    most = min(MAX_PARTS, max(len(items_of(slide, name)) for name in fields))
    best, fullest, fullest_total = 1, None, -1.0
    for first, second in _displays(slide, pairs):
        lists = [_List.of(slide, name, first, second, width) for name in fields]
        body = 1080 - FOOTER - _chrome(slide, first, second, width)
        while best < most and not all(item.fits(best, body) for item in lists):
            best += 1
        total = sum(sum(item.heights) for item in lists)
        if total > fullest_total:
            fullest, fullest_total = lists, total
    if best == 1 or fullest is None:
        return None
    runs = [item.runs(best) for item in fullest]  # split as the fullest display needs
    return tuple(run[part] for part in range(best) for run in runs)


@dataclass(frozen=True, slots=True)
class _List:
    """One list field of a slide in one display: its items' heights and what goes with them."""

    name: str
    heights: tuple[float, ...]
    head: float
    """Height above the items on every part (a column's heading, a table's header row)."""
    tail: float
    """Height under the last part's items (a table's note)."""

    @classmethod
    def of(cls, slide: Slide, name: str, first: Texts, second: Texts | None, width: float) -> _List:
        column = (width - 90) / 2 if name in ("left", "right") else width
        heights = tuple(
            _item_height(slide, name, i, first, second, column)
            for i in range(len(items_of(slide, name)))
        )
        head = tail = 0.0
        heading = getattr(slide, f"{name}_title", "") if name in ("left", "right") else ""
        if heading:
            size = SIZES["subtitle"]
            head = _pair(first, second, f"{name}_title", heading, size, column, 0) + 22
        if name == "table.rows" and slide.table is not None:
            table = slide.table
            head = _row_height(slide, "table.columns", table.columns, first, second, width) + 4
            size = SIZES["figure_label"]
            tail = _pair(first, second, "table.note", table.note, size, width, 0.6)
        return cls(name, heights, head, tail)

    def runs(self, parts: int) -> list[range]:
        return balanced_runs(self.heights, parts, self.tail)

    def fits(self, parts: int, body: float) -> bool:
        """Whether its items in *parts* parts each fit a body *body* px tall."""
        runs = self.runs(parts)
        last = len(runs) - 1
        return all(
            self.head + sum(self.heights[i] for i in run) + (self.tail if n == last else 0.0)
            <= body
            for n, run in enumerate(runs)
        )


def items_of(slide: Slide, name: str) -> tuple[object, ...]:
    """The items of the list field *name* (``bullets``, ``table.rows``) of *slide*."""
    if name == "table.rows":
        return slide.table.rows if slide.table is not None else ()
    items: tuple[object, ...] = getattr(slide, name)
    return items


def _displays(slide: Slide, pairs: Sequence[tuple[str, str]]) -> list[tuple[Texts, Texts]]:
    """The slide's texts in each display of *pairs*: the language shown and the one below."""

    def language(code: str) -> Texts:
        written = slide.translations.get(code, {})
        return lambda path, text: written.get(path, text)

    return [(language(first), language(second)) for first, second in pairs]


def _pair(
    first: Texts, second: Texts | None, path: str, text: str, size: float, width: float, gap: float
) -> float:
    below = second(path, text) if second is not None else ""
    return pair_height(first(path, text), below, size, width, gap)


def _chrome(slide: Slide, first: Texts, second: Texts | None, width: float) -> float:
    """The height above the body: the margin, the title (two lines at most) with its accent
    and the subtitle."""
    title, subtitle = SIZES["title"], SIZES["subtitle"]
    shown = first("title", slide.title) or "x"
    height = SIZES["margin_top"] + text_height(shown, title, width, 2, TITLE_PITCH)
    if second is not None and slide.title:
        height += text_height(second("title", slide.title), title * 0.6, width, 2, TITLE_PITCH)
    height += 22 + 7 + 26 + 16
    if slide.subtitle:
        height += _pair(first, second, "subtitle", slide.subtitle, subtitle, width, 0) + 24
    return height


def _item_height(
    slide: Slide, name: str, index: int, first: Texts, second: Texts | None, width: float
) -> float:
    """The height item *index* of the list field *name* takes in a column *width* px wide."""
    if name == "table.rows":
        row = items_of(slide, name)[index]
        return _row_height(slide, f"table.rows[{index}]", row, first, second, width)
    scale = 0.9 if name in ("left", "right") else 1.0
    body, sub = SIZES["body"] * scale * SHRINK, SIZES["sub_body"] * scale * SHRINK
    bullet = getattr(slide, name)[index]
    path = f"{name}[{index}]"
    own = f"{path}.text" if bullet.children else path
    height = _pair(first, second, own, bullet.text, body, width - 1.2 * body, 0.45)
    for sub_index, child in enumerate(bullet.children):
        child_path = f"{path}.bullets[{sub_index}]"
        height += _pair(first, second, child_path, child, sub, width - 2.5 * sub, 0.35)
    return height


def _row_height(
    slide: Slide, path: str, row: object, first: Texts, second: Texts | None, width: float
) -> float:
    """A table row's height: its tallest text, in the width the other columns leave (each as
    wide as its header), and the row's padding."""
    size = max(SIZES["min_text"], SIZES["sub_body"] * SHRINK)
    assert isinstance(row, tuple) and slide.table is not None
    columns = slide.table.columns
    others = sum(
        (max(4.0, text_em(first(f"table.columns[{c}]", name))) + 1.1) * size
        for c, name in enumerate(columns)
        if slide.table.numeric(c)
    )
    text_width = max(width * TEXT_COLUMN, width - others)
    tallest = max(
        (
            _pair(first, second, f"{path}[{c}]", cell, size, text_width, 0)
            for c, cell in enumerate(row)
            if isinstance(cell, str)
        ),
        default=size * LINE_PITCH,
    )
    return tallest + 0.6 * size  # its padding, and a little over (design metrics)


def balanced_runs(heights: Sequence[float], parts: int, tail: float = 0.0) -> list[range]:
    """*heights* in *parts* consecutive runs (fewer items than parts: one each, then empty
    runs), the tallest run (the last one *tail* taller) about as short as it can be, and the
    others about as tall as it (not one item on the first part and the rest full).

    A bisection over the tallest run allowed, each step one greedy pass from the end, then
    :func:`_evened`: linear in the items, whatever their number.
    """
    count = len(heights)
    if parts <= 1 or count <= 1:
        return [range(count)] + [range(count, count)] * (parts - 1)
    wanted = min(parts, count)
    low, high = max(max(heights), heights[-1] + tail), sum(heights) + tail
    for _ in range(RUN_BISECTIONS):
        middle = (low + high) / 2
        if len(_runs_within(heights, middle, tail)) <= wanted:
            high = middle
        else:
            low = middle
    runs = _runs_within(heights, high, tail)
    while len(runs) < wanted:  # split the run of most items: no run gets taller
        longest = max(range(len(runs)), key=lambda n: len(runs[n]))
        run = runs[longest]
        cut = run.start + len(run) // 2
        runs[longest : longest + 1] = [range(run.start, cut), range(cut, run.stop)]
    return _evened(heights, runs, tail) + [range(count, count)] * (parts - len(runs))


def _evened(heights: Sequence[float], runs: list[range], tail: float) -> list[range]:
    """*runs* with items moved from the start of a run to the end of the one before while
    that makes the taller of the two shorter (so no run gets taller than the tallest was)."""
    starts = [run.start for run in runs] + [len(heights)]
    totals = [sum(heights[i] for i in run) for run in runs]
    totals[-1] += tail
    for _ in range(len(runs)):  # a pass moves an item on at most one run further
        moved = False
        for n in range(len(runs) - 1):
            while starts[n + 2] - starts[n + 1] > 1:  # the later run keeps an item
                item = heights[starts[n + 1]]
                if totals[n] + item >= totals[n + 1]:
                    break
                totals[n] += item
                totals[n + 1] -= item
                starts[n + 1] += 1
                moved = True
        if not moved:
            break
    return [range(starts[n], starts[n + 1]) for n in range(len(runs))]


RUN_BISECTIONS: Final = 30
"""Steps of :func:`balanced_runs`' bisection (a pixel's precision on any slide)."""


def _runs_within(heights: Sequence[float], limit: float, tail: float) -> list[range]:
    """Consecutive runs, filled from the end, none taller than *limit* (the last with *tail*)."""
    runs: list[range] = []
    stop, used = len(heights), tail
    for index in range(len(heights) - 1, -1, -1):
        if used + heights[index] > limit and index + 1 < stop:
            runs.append(range(index + 1, stop))
            stop, used = index + 1, 0.0
        used += heights[index]
    runs.append(range(0, stop))
    return runs[::-1]


SHARED: Final = {
    Layout.BULLETS: ("bullets",),
    Layout.TWO_COLUMN: ("left", "right"),
    Layout.TABLE: ("table.rows",),
}
"""The layouts that split, and the list fields whose items their parts share (in the order
:func:`content_parts` gives their runs)."""
