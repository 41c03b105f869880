"""The builders of the slides the deck fills in: the agenda (its sections) and the sources.

A deck with many sections or sources splits these slides into parts
(:mod:`desktop.core.paging`); each part lists its share at the theme's sizes, never below
its minimum.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF

from desktop.core.model import Layout
from desktop.core.numbering import action_number
from desktop.core.paging import (
    AGENDA_ROWS,
    SOURCE_LINES,
    agenda_parts,
    deck_source_parts,
    talk_sections,
)
from desktop.render.builder import LayoutBuilder, builds, lines, same_scale
from desktop.render.text import Para, TextBox, VAlign


@builds(Layout.AGENDA)
def agenda(b: LayoutBuilder, body: QRectF) -> None:
    """The part's sections in rows, each row fitted to a two-line name and its Chinese name;
    numbers only for the numbered sections, every name at the same left edge; rules between
    rows only (the footer has its own)."""
    deck, slide = b.deck, b.ref.slide
    parts = agenda_parts(talk_sections(deck.sections), deck.aspect)
    shown = parts[min(slide.part, len(parts) - 1)]
    columns = 1 if len(shown) <= AGENDA_ROWS else 2
    rows = max(1, math.ceil(len(shown) / columns))
    gap = 60.0
    col_w = (body.width() - gap * (columns - 1)) / columns
    name_size = max(b.size("min_text") * 1.15, b.size("body") * 0.8)
    zh_size = max(b.size("min_text"), name_size * 0.78)
    number_w = name_size * 2.0
    pad = 12.0
    entries: list[TextBox] = []
    for index in shown:
        section = deck.sections[index]
        paras = [
            Para(
                section.title,
                name_size,
                b.color("text"),
                bold=True,
                space_after=0.12,
                line_height=108,
                max_lines=2,
            )
        ]
        second = section.secondary.get("title") or section.title_zh
        if second:
            paras.append(Para(second, zh_size, b.color("secondary"), markup=False))
        entries.append(
            b.measure(
                QRectF(0, 0, col_w - number_w, body.height() / rows - 2 * pad),
                paras,
                f"agenda-entry-{index}",
                body=True,
            )
        )
    # Rows as tall as the tallest entry needs (a two-line name and a Chinese one).
    row_h = min(body.height() / rows, max(e.content_size()[1] for e in entries) + 2 * pad)
    for place, (index, entry) in enumerate(zip(shown, entries, strict=True)):
        col, row = divmod(place, rows)
        rect = QRectF(body.left() + col * (col_w + gap), body.top() + row * row_h, col_w, row_h)
        if row:
            b.rule(rect.left(), rect.top(), rect.right(), rect.top(), b.color("rule"), 1.5)
        inner = rect.adjusted(0, pad, 0, -pad)
        if (number := action_number(deck, index)) is not None:
            b.text(
                QRectF(inner.left(), inner.top(), number_w, lines(name_size)),
                [Para(f"{number:02d}", name_size, b.color("accent"), bold=True, markup=False)],
                f"agenda-number-{index}",
                wrap=False,
            )
        entry.rect = QRectF(inner.left() + number_w, inner.top(), col_w - number_w, inner.height())
        b.place(entry.fit())
        b.out.links.append((rect, index))
    same_scale(entries)


@builds(Layout.SOURCES)
def sources(b: LayoutBuilder, body: QRectF) -> None:
    """The part's sources, one column, each at most :data:`SOURCE_LINES` lines."""
    deck, slide = b.deck, b.ref.slide
    listed = deck.listed_sources()
    parts = deck_source_parts(deck)  # as the deck split the slide
    size = max(b.size("min_text"), b.size("sub_body") * 0.8)
    paras = [
        Para(
            listed[index].reference(),
            size,
            b.color("text"),
            level=1,
            bullet_color=b.color("accent"),
            space_after=0.3,
            markup=False,
            max_lines=SOURCE_LINES,
        )
        for index in parts[min(slide.part, len(parts) - 1)]
    ]
    b.text(body, paras, "sources", valign=VAlign.TOP, body=True)
