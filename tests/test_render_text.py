"""Text boxes: fitted once, and shared by boxes laid out the same way."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from desktop.render.fonts import register_fonts
from desktop.render.qtapp import ensure_gui_app
from desktop.render.text import Para, TextBox

FAMILIES = ("Briefing Sans",)


def box(text: str, width: float, height: float = 120.0) -> TextBox:
    return TextBox(QRectF(40, 900, width, height), [Para(text, 40.0, "#333333")], FAMILIES)


def test_a_box_laid_out_like_another_shares_its_document() -> None:
    ensure_gui_app()
    register_fonts()
    first = box("Harbour plan · Berths and cranes", 900).fit()
    again = box("Harbour plan · Berths and cranes", 900).fit()  # the next slide's footer
    assert first.document is not None and again.document is first.document
    assert (again.scale, again.overflow) == (first.scale, first.overflow) == (1.0, False)
    assert box("Harbour plan · Berths and cranes", 600).fit().document is not first.document
    assert box("Harbour plan · Quay walls", 900).fit().document is not first.document


def test_a_shared_shrunk_box_keeps_its_scale_and_overflow() -> None:
    ensure_gui_app()
    register_fonts()
    long = " ".join(["container terminal"] * 12)
    shrunk = box(long, 300, 120).fit()
    assert shrunk.scale < 1.0
    shared = box(long, 300, 120).fit()
    assert shared.document is shrunk.document
    assert (shared.scale, shared.overflow) == (shrunk.scale, shrunk.overflow)
    capped = box(long, 300, 120).fit(max_scale=0.5)  # a sibling's scale caps it: not shared
    assert capped.document is not shrunk.document and capped.scale <= 0.5
