"""Painting a text box: as its document draws itself, with no painter state saved."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QTransform

from desktop.render.fonts import register_fonts
from desktop.render.qtapp import ensure_gui_app
from desktop.render.text import Para, TextBox


class CountingPainter(QPainter):
    """Counts the states saved (Qt's PDF engine writes each into the page)."""

    saves = 0

    def save(self) -> None:
        self.saves += 1
        super().save()


def _image() -> QImage:
    image = QImage(800, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    return image


def test_a_box_paints_as_its_document_draws_and_saves_no_state() -> None:
    ensure_gui_app()
    register_fonts()
    paras = [
        Para("Berths and *cranes*", 40.0, "#333333"),
        Para("Two shifts a day", 30.0, "#225588", level=1, bullet_color="#aa2222"),
    ]
    box = TextBox(QRectF(40.5, 60.25, 600, 300), paras, ("Briefing Sans",)).fit()
    assert box.document is not None
    expected = _image()
    painter = QPainter(expected)
    painter.scale(1.25, 1.25)
    painter.translate(box.drawn_rect().topLeft())
    box.document.drawContents(painter)
    painter.end()
    drawn = _image()
    counting = CountingPainter(drawn)
    counting.scale(1.25, 1.25)
    counting.setClipRect(QRectF(0, 0, 640, 320))  # the slide's clip, as every surface has
    box.paint(counting)
    assert counting.saves == 0
    assert counting.transform() == QTransform.fromScale(1.25, 1.25)  # moved back
    counting.end()
    assert drawn == expected
