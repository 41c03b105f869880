"""PySide6 6.12.0 on Python < 3.12 decremented None's refcount in QPainter overloads.

The dependency pins exclude it; this test proves the installed combination is sound, whatever
PySide6 it is (a later release could bring the bug back). On Python 3.12 and later None is
immortal: its count cannot drop, so the test could not fail there and is skipped.
"""

from __future__ import annotations

import sys

import PySide6
import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen

IMMORTAL_NONE = sys.version_info >= (3, 12)


@pytest.mark.skipif(
    IMMORTAL_NONE,
    reason=f"None is immortal on Python {sys.version_info.major}.{sys.version_info.minor}"
    f" (PySide6 {PySide6.__version__}): its reference count cannot drop",
)
def test_painter_calls_keep_none_refcount() -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    pen, font, brush, colour = QPen(QColor("#123456")), QFont(), QBrush(QColor("red")), QColor(0)
    rect = QRect(0, 0, 10, 10)
    before = sys.getrefcount(None)
    try:
        for _ in range(25_000):
            painter.setPen(pen)
            painter.setFont(font)
            painter.setBrush(brush)
            painter.fillRect(rect, colour)
    finally:
        painter.end()
    after = sys.getrefcount(None)
    # 100,000 calls: a leak of one reference per call would show as a drop of ~100,000.
    assert after >= before - 100, f"None refcount dropped from {before} to {after}"
