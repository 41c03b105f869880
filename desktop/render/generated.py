"""The builders of the slides the deck fills in: the agenda (its sections) and the sources."""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF

from desktop.core.model import Layout
from desktop.render.builder import LayoutBuilder, builds, same_scale
from desktop.render.text import Para, TextBox, VAlign


@builds(Layout.AGENDA)
def agenda(b: LayoutBuilder, body: QRectF) -> None:
    sections = b.deck.sections
    columns = 1 if len(sections) <= 6 else 2
    rows = math.ceil(len(sections) / columns)
    gap = 60.0
    col_w = (body.width() - gap * (columns - 1)) / columns
    row_h = min(body.height() / max(rows, 1), 150.0)
    size = min(b.size("body"), row_h * 0.42)
    entries: list[TextBox] = []
    for index, section in enumerate(sections):
        col, row = divmod(index, rows)
        rect = QRectF(body.left() + col * (col_w + gap), body.top() + row * row_h, col_w, row_h)
        b.rule(rect.left(), rect.bottom(), rect.right(), rect.bottom(), b.color("rule"), 1.5)
        number_w = size * 1.9
        b.text(
            QRectF(rect.left(), rect.top(), number_w, rect.height()),
            [Para(f"{index + 1:02d}", size, b.color("accent"), bold=True, markup=False)],
            f"agenda-number-{index}",
            valign=VAlign.CENTER,
            wrap=False,
        )
        paras = [
            Para(
                section.title,
                size * 0.8,
                b.color("text"),
                bold=True,
                space_after=0.12,
                line_height=108,
            )
        ]
        if section.title_zh:
            paras.append(Para(section.title_zh, size * 0.62, b.color("muted"), markup=False))
        entries.append(
            b.text(
                QRectF(rect.left() + number_w, rect.top() + 4, col_w - number_w, rect.height() - 8),
                paras,
                f"agenda-entry-{index}",
                valign=VAlign.CENTER,
                min_size=16,
            )
        )
        b.out.links.append((rect, index))
    same_scale(entries)


@builds(Layout.SOURCES)
def sources(b: LayoutBuilder, body: QRectF) -> None:
    paras = []
    for source in b.deck.listed_sources():
        paras.append(
            Para(
                source.reference(),
                b.size("sub_body") * 0.8,
                b.color("text"),
                level=1,
                bullet_color=b.color("accent"),
                space_after=0.3,
                markup=False,
            )
        )
    columns = 2 if len(paras) > 6 else 1
    gap = 70.0
    col_w = (body.width() - gap * (columns - 1)) / columns
    split = math.ceil(len(paras) / columns)
    boxes = [
        b.text(
            QRectF(body.left() + i * (col_w + gap), body.top(), col_w, body.height()),
            paras[i * split : (i + 1) * split],
            f"sources-{i}",
            min_size=14,
        )
        for i in range(columns)
    ]
    same_scale(boxes)
