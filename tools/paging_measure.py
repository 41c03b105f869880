"""Measure the Qt-free paging estimate (desktop/core/paging_content.py) against the renderer.

For every bullets, two-column and table slide of a deck (the bundled one unless a folder is
given), in both bundled themes, both aspects and both two-language displays: the slide laid
out whole, whether it fits (no overflow, a table's second language kept) and the height its
items take at the scale the estimate assumes, against the estimate's. Prints one line per
slide and a summary: the median laid-out/estimated ratio (what ``MEASURED`` is set from),
the slides split that would have fitted whole and the ones that would not fit and were not
split (these must be none). ``python tools/paging_measure.py [DECK]``.
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
from pathlib import Path

from PySide6.QtCore import QRectF

from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.model import Deck, Layout
from desktop.core.paging_content import SHARED, content_parts, estimate, paging_sizes, shrunk
from desktop.core.resources import bundled_deck, bundled_themes
from desktop.core.theme import load_theme
from desktop.render.builder import SlideLayout
from desktop.render.qtapp import ensure_gui_app
from desktop.render.renderer import SlideRenderer

BODIES = ("bullets", "column-0", "column-1")
"""The text boxes of a bullets or two-column slide's items."""


def laid_out_height(layout: SlideLayout, scale: float) -> float:
    """The height the tallest list of items takes laid out at *scale*, from its column's
    heading (where it has one)."""
    tallest = 0.0
    for box in layout.boxes:
        if box.name not in BODIES:
            continue
        free = dataclasses.replace(box, rect=QRectF(box.rect.left(), 0, box.rect.width(), 1e5))
        height = free.fit(scale).content_size()[1]
        heading = next(
            (b for b in layout.boxes if b.name == f"column-heading-{box.name[-1]}"), None
        )
        above = box.rect.top() - heading.rect.top() if heading is not None else 0.0
        tallest = max(tallest, height + above)
    return tallest


def fits_whole(layout: SlideLayout, slide_layout: Layout, two: bool) -> bool:
    """Whether the whole slide fits: nothing overflows, and a table keeps its second language."""
    if layout.overflowing():
        return False
    if slide_layout is Layout.TABLE and two:
        return any(len(b.paras) > 1 for b in layout.boxes if b.name.startswith("table-cell"))
    return True


def main() -> int:
    ensure_gui_app(offscreen=True)
    result = load_deck(Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_deck())
    if result.deck is None:
        sys.stderr.write("the deck does not load\n")
        return 1
    ratios: list[float] = []
    false_splits: list[str] = []
    misses: list[str] = []
    cases = 0
    for name in bundled_themes():
        theme = load_theme(name)
        sizes = paging_sizes(theme.sizes)
        for aspect in ("16:9", "4:3"):
            deck: Deck = dataclasses.replace(result.deck, aspect=aspect)
            for display in ("en+zh", "zh+en"):
                shown = DisplayLanguage.parse(display, deck.languages)
                assert shown.secondary is not None
                pair = (shown.primary, shown.secondary)
                # Both languages, no slide in parts: paged for the shown language alone.
                whole = dataclasses.replace(
                    localize(deck, shown, theme=theme), paging=shown.primary
                )
                renderer = SlideRenderer(whole, theme)
                for ref in whole.refs:
                    slide = ref.slide
                    if slide.layout not in SHARED or len(slide.translations) < 2:
                        continue
                    cases += 1
                    layout = renderer.layout(ref.index)
                    split = content_parts(slide, aspect, [pair], sizes) is not None
                    fits = fits_whole(layout, slide.layout, bool(slide.secondary))
                    need, body = estimate(slide, aspect, pair, sizes)
                    where = f"{name} {aspect} {display} {slide.id}"
                    line = f"{where}: estimated {need:.0f}/{body:.0f}"
                    if slide.layout is not Layout.TABLE:
                        laid = laid_out_height(layout, shrunk(sizes))
                        ratios.append(laid / need if need else 1.0)
                        line += f", laid out {laid:.0f}"
                    print(f"{line}, {'split' if split else 'whole'}, {'fits' if fits else 'not'}")
                    if split and fits:
                        false_splits.append(where)
                    if not split and not fits:
                        misses.append(where)
    print(
        f"{cases} slides: laid out/estimated median {statistics.median(ratios):.3f}"
        f" (min {min(ratios):.3f}, max {max(ratios):.3f});"
        f" split but fit whole: {len(false_splits)}; not split but do not fit: {len(misses)}"
    )
    for where in misses:
        print(f"  does not fit: {where}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
