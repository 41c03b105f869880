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
for the sizes of the theme the deck is shown in (:attr:`Deck.paging_sizes
<desktop.core.model.Deck.paging_sizes>`; :data:`SIZES`, the largest any bundled theme sets,
when none is given), so parts differ between themes as they differ between displays. It errs
on the safe side, by a margin measured against the renderer: the renderer then sets each part
at the theme's size, shrinking it if it must, never below the theme's minimum.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from desktop.core.cjk import has_cjk
from desktop.core.layouts import Layout
from desktop.core.markup import plain
from desktop.core.paging_runs import balanced_runs, even_runs

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
"""The theme sizes and margins the estimate works with (canvas pixels), and the ones it uses
when given none: for each, the largest a bundled theme sets (a test checks them against the
themes)."""
LINE_PITCH: Final = 1.38
"""A line's height against its text's size, at a bullet's leading (the renderer's, measured)."""
CJK_PITCH: Final = 1.46
"""The same for a line of Chinese (the renderer sets it closer to the Latin pitch, not to it)."""
TEXT_PITCH: Final = 1.607
"""The same for a column's heading and a table's note (a paragraph's leading,
118 % of the font's natural 1.362)."""
CELL_PITCH: Final = 1.39
"""The same for a table cell's lines, in either script (the renderer's table leading)."""
TITLE_PITCH: Final = 1.1
"""The same for a title's lines."""
SECONDARY: Final = 0.72
"""A second language's text against its first one's size (as the renderer sets it)."""
FLOOR_MARGIN: Final = 1.03
"""The text of a part is estimated at the scale the renderer shrinks a theme's body text to at
most (its ``min_text`` against its ``body``: 0.62 in the default theme, 0.65 in high
contrast), this much larger: a safety margin. A slide that would shrink further becomes
parts."""
FOOTER: Final = 206.0
"""The canvas height under a content slide's body: the footer line and a two-line source
line, with their gaps."""
WRAP: Final = 0.93
"""The share of a line's width that words fill on average (a line breaks before a word that
does not fit)."""
CELL_WRAP: Final = 1.0
"""The share of a table cell's width its words fill: a cell holds a few words, one line
where they are narrower than its column (:data:`WRAP` counted a second line for a row the
renderer sets on one, and a part too few). :func:`text_em` is about 8 % wide for the Latin
text of the bundled table and within 3 % for its Chinese (measured with the renderer's
fonts); :data:`FLOOR_MARGIN` covers the latter."""
TEXT_COLUMN: Final = 0.35
"""The least share of a table's width its text columns take."""
MEASURED: Final = 1.06
"""The laid-out height of a list of bullets against their estimate, measured on the bundled
deck in both bundled themes, both aspects and both two-language displays (the median list is
laid out 4-6 % taller than :func:`text_height` adds up: ``python tools/paging_measure.py``;
with it, the median laid out/estimated is 0.996)."""
MAX_PARTS: Final = 4
"""The most parts one slide is split into (a slide fuller than that shrinks instead)."""

Sizes = Mapping[str, int]
"""Theme sizes by name (``body``, ``min_text``): at least those of :data:`SIZES`."""
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
    text: str,
    size: float,
    width: float,
    max_lines: int = 0,
    pitch: float = 0.0,
    wrap: float = WRAP,
) -> float:
    """The height *text* takes at *size* px wrapped in *width* px (empty: none), its lines
    *pitch* times its size apart (else a bullet's pitch for its script), its words filling
    *wrap* of a line."""
    if not text:
        return 0.0
    count = max(1, math.ceil(text_em(text) * size / (max(width, size) * wrap)))
    if not pitch:
        pitch = CJK_PITCH if has_cjk(text) else LINE_PITCH
    return (min(count, max_lines) if max_lines else count) * size * pitch


def paging_sizes(theme_sizes: Sizes) -> dict[str, int]:
    """The sizes of a theme (:attr:`Theme.sizes <desktop.core.theme.Theme.sizes>`) that the
    estimate works with: what a deck paged for that theme keeps."""
    return {name: theme_sizes[name] for name in SIZES}


def sizes_key(sizes: Sizes) -> str:
    """*sizes* (:func:`paging_sizes`) as a short text: the same for themes that page alike."""
    return ".".join(str(sizes[name]) for name in SIZES)


def pair_height(
    first: str,
    second: str,
    size: float,
    width: float,
    gap: float = 0.0,
    sizes: Sizes = SIZES,
    pitch: float = 0.0,
    wrap: float = WRAP,
) -> float:
    """A text at *size* and its second language's below it (where it differs), and *gap*;
    the lines *pitch* times their size apart (else a bullet's pitch for their script), the
    words filling *wrap* of a line."""
    height = text_height(first, size, width, pitch=pitch, wrap=wrap) + gap * size
    if second and second != first:
        below = max(sizes["min_text"], size * SECONDARY)
        height += text_height(second, below, width, pitch=pitch, wrap=wrap) + 0.12 * below
    return height


def content_parts(
    slide: Slide, aspect: str, pairs: Sequence[tuple[str, str]], sizes: Sizes = SIZES
) -> tuple[range, ...] | None:
    """The items each part of *slide* shows when, in one of the two-language displays *pairs*
    (shown, below), it takes more than one part at a theme's *sizes* (of its ``bullets`` or
    ``table.rows``; of ``left`` then ``right`` for a two-column slide, the two ranges of each
    part one after the other); None when it fits on one in each (and always for no *pairs*)."""
    fields = SHARED.get(slide.layout)
    if fields is None or not pairs or len(slide.translations) < 2:
        return None  # one language: the text shrinks to the minimum, and `check` warns after
    width = (1440 if aspect == "4:3" else 1920) - 2 * sizes["margin_x"]
    most = min(MAX_PARTS, max(len(items_of(slide, name)) for name in fields))
    best, fullest, fullest_total = 1, None, -1.0
    fullest_body = 0.0
    for first, second in _displays(slide, pairs):
        texts = _Texts(first, second, sizes)
        lists = [_List.of(slide, name, texts, width) for name in fields]
        body = 1080 - FOOTER - _chrome(slide, texts, width, best)
        while best < most and not all(item.fits(best, body) for item in lists):
            best += 1
            body = 1080 - FOOTER - _chrome(slide, texts, width, best)
        total = sum(sum(item.heights) for item in lists)
        if total > fullest_total:
            fullest, fullest_total, fullest_body = lists, total, body
    if best == 1 or fullest is None:
        return None
    runs = [item.runs(best, fullest_body) for item in fullest]  # as the fullest display needs
    return tuple(run[part] for part in range(best) for run in runs)


def estimate(
    slide: Slide, aspect: str, pair: tuple[str, str], sizes: Sizes = SIZES
) -> tuple[float, float]:
    """The height *slide*'s items take on one part in the two-language display *pair* at a
    theme's *sizes*, its fullest list's (with a column's heading, a table's header and note),
    and the body's height under its title: what :func:`content_parts` compares (for
    measuring the estimate against the renderer: tools/paging_measure.py)."""
    fields = SHARED.get(slide.layout, ())
    width = (1440 if aspect == "4:3" else 1920) - 2 * sizes["margin_x"]
    first, second = _displays(slide, [pair])[0]
    texts = _Texts(first, second, sizes)
    lists = [_List.of(slide, name, texts, width) for name in fields]
    need = max((item.head + sum(item.heights) + item.tail for item in lists), default=0.0)
    return need, 1080 - FOOTER - _chrome(slide, texts, width)


@dataclass(frozen=True, slots=True)
class _Texts:
    """A slide's texts in one display (the language shown and the one below it) at a theme's
    sizes."""

    first: Texts
    second: Texts | None
    sizes: Sizes

    def pair(
        self,
        path: str,
        text: str,
        size: float,
        width: float,
        gap: float,
        pitch: float = 0.0,
        wrap: float = WRAP,
    ) -> float:
        """The height of the field *path* (*text* as loaded) and its second language's."""
        first, below = self.first(path, text), self.below(path, text)
        return pair_height(first, below, size, width, gap, self.sizes, pitch, wrap)

    def below(self, path: str, text: str) -> str:
        """The second language's text of the field *path* (empty in one language)."""
        return self.second(path, text) if self.second is not None else ""


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
    def of(cls, slide: Slide, name: str, texts: _Texts, width: float) -> _List:
        column = (width - 90) / 2 if name in ("left", "right") else width
        heights = tuple(
            _item_height(slide, name, i, texts, column) for i in range(len(items_of(slide, name)))
        )
        head = tail = 0.0
        heading = getattr(slide, f"{name}_title", "") if name in ("left", "right") else ""
        if heading:
            size = texts.sizes["subtitle"]
            head = texts.pair(f"{name}_title", heading, size, column, 0, TEXT_PITCH) + 22
        if name == "table.rows" and slide.table is not None:
            table = slide.table
            head = _row_height(slide, "table.columns", table.columns, texts, width) + 4
            size = texts.sizes["figure_label"]
            tail = texts.pair("table.note", table.note, size, width, 0.6, TEXT_PITCH)
        return cls(name, heights, head, tail)

    def runs(self, parts: int, body: float) -> list[range]:
        """Its items in *parts* parts for a body *body* px tall: as many on each as can be
        (6 in 3: 2, 2, 2) where they fit so, else balanced by height (:func:`balanced_runs`)."""
        even = even_runs(len(self.heights), parts)
        if self._within(even, body):
            return even
        return balanced_runs(self.heights, parts, self.tail)

    def fits(self, parts: int, body: float) -> bool:
        """Whether its items in *parts* parts each fit a body *body* px tall."""
        return self._within(self.runs(parts, body), body)

    def _within(self, runs: list[range], body: float) -> bool:
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


def _chrome(slide: Slide, texts: _Texts, width: float, parts: int = 1) -> float:
    """The height above the body of a slide in *parts* parts: the margin, the title (two lines
    at most; a part's ends in "(2/3)") with its accent and the subtitle."""
    sizes = texts.sizes
    title, subtitle = sizes["title"], sizes["subtitle"]
    shown = (texts.first("title", slide.title) or "x") + (" (2/3)" if parts > 1 else "")
    height = sizes["margin_top"] + text_height(shown, title, width, 2, TITLE_PITCH)
    if texts.second is not None and slide.title:
        below = texts.second("title", slide.title)
        height += text_height(below, title * 0.6, width, 2, TITLE_PITCH)
    height += 22 + 7 + 26 + 16
    if slide.subtitle:
        height += texts.pair("subtitle", slide.subtitle, subtitle, width, 0) + 24
    return height


def _item_height(slide: Slide, name: str, index: int, texts: _Texts, width: float) -> float:
    """The height item *index* of the list field *name* takes in a column *width* px wide
    (:data:`MEASURED` times the estimate)."""
    if name == "table.rows":
        row = items_of(slide, name)[index]
        return _row_height(slide, f"table.rows[{index}]", row, texts, width)
    sizes = texts.sizes
    scale = (0.9 if name in ("left", "right") else 1.0) * shrunk(sizes)
    body = max(sizes["min_text"], sizes["body"] * scale)
    sub = max(sizes["min_text"], sizes["sub_body"] * scale)
    bullet = getattr(slide, name)[index]
    path = f"{name}[{index}]"
    own = f"{path}.text" if bullet.children else path
    height = texts.pair(own, bullet.text, body, width - 1.2 * body, 0.45)
    for sub_index, child in enumerate(bullet.children):
        child_path = f"{path}.bullets[{sub_index}]"
        height += texts.pair(child_path, child, sub, width - 2.5 * sub, 0.35)
    return MEASURED * height


def _row_height(slide: Slide, path: str, row: object, texts: _Texts, width: float) -> float:
    """A table row's height: its tallest text, in the width the other columns leave (each as
    wide as its header), and the row's padding, at the theme's ``min_text`` (a table's
    smallest size) and :data:`FLOOR_MARGIN`. Measured on the bundled deck's table (the whole
    of it in every theme, aspect and display): rows and notes within 5 px of the renderer's,
    once a numbers column's header wraps as the renderer wraps it."""
    size = max(
        texts.sizes["min_text"] * FLOOR_MARGIN, texts.sizes["sub_body"] * shrunk(texts.sizes)
    )
    assert isinstance(row, tuple) and slide.table is not None
    columns = slide.table.columns
    others = sum(
        (max(4.0, text_em(texts.first(f"table.columns[{c}]", name))) + 1.1) * size
        for c, name in enumerate(columns)
        if slide.table.numeric(c)
    )
    text_width = max(width * TEXT_COLUMN, width - others)
    header = path == "table.columns"
    tallest = max(
        (
            texts.pair(
                f"{path}[{c}]",
                cell,
                size,
                _header_width(texts, f"{path}[{c}]", cell, size)
                if header and slide.table.numeric(c)
                else text_width,
                0,
                CELL_PITCH,
                CELL_WRAP,
            )
            for c, cell in enumerate(row)
            if isinstance(cell, str)
        ),
        default=size * CELL_PITCH,
    )
    return tallest + 0.5 * size  # its padding (0.45 of its size), and a little over


def _header_width(texts: _Texts, path: str, name: str, size: float) -> float:
    """The width a numbers column's header wraps in: as wide as its text, or its second
    language's at the size the renderer sets it (its share of *size*, never below the theme's
    minimum): the renderer makes the column that wide, so neither breaks."""
    below = texts.below(path, name)
    second = max(texts.sizes["min_text"], size * SECONDARY) / size
    ems = max(text_em(texts.first(path, name)), text_em(below) * second if below else 0.0)
    return (ems + 0.2) * size / WRAP


def shrunk(sizes: Sizes) -> float:
    """The scale a part's text is estimated at, against a theme's *sizes* (the most the
    renderer shrinks its body text, and :data:`FLOOR_MARGIN`)."""
    return min(1.0, sizes["min_text"] / sizes["body"] * FLOOR_MARGIN)


SHARED: Final = {
    Layout.BULLETS: ("bullets",),
    Layout.TWO_COLUMN: ("left", "right"),
    Layout.TABLE: ("table.rows",),
}
"""The layouts that split, and the list fields whose items their parts share (in the order
:func:`content_parts` gives their runs)."""
