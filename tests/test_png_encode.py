"""The PNG encoder: what a reader decodes is the image's own pixels, colour space and size."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize
from PySide6.QtGui import QColor, QColorSpace, QImage, QImageWriter, QPainter

from desktop.core.loader import load_deck
from desktop.export.png_encode import SIGNATURE, encode_png
from desktop.export.png_writer import slide_image
from desktop.render.qtapp import ensure_gui_app
from desktop.render.renderer import SlideRenderer

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "example-deck"


@pytest.fixture(scope="module", autouse=True)
def _app() -> None:
    ensure_gui_app()


def drawing(size: QSize, fmt: QImage.Format) -> QImage:
    """Antialiased shapes and text, half transparent where *fmt* has alpha."""
    image = QImage(size, fmt)
    image.fill(QColor(0, 0, 0, 0) if image.hasAlphaChannel() else QColor("#f4f1ea"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(176, 38, 45, 140))
    painter.drawEllipse(QPointF(size.width() / 2, size.height() / 2), size.width() / 3, 9)
    painter.setPen(QColor("#1c2733"))
    painter.drawText(3, size.height() - 4, "Slide 7 · 第七")
    painter.end()
    return image


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data.startswith(SIGNATURE)
    found, at = [], len(SIGNATURE)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        found.append((kind, body))
        at += 12 + length
    return found


@pytest.mark.parametrize(
    ("fmt", "size"),
    [
        (QImage.Format.Format_RGB32, QSize(641, 37)),  # rows padded in RGB888
        (QImage.Format.Format_RGB888, QSize(320, 180)),
        (QImage.Format.Format_ARGB32_Premultiplied, QSize(333, 41)),
        (QImage.Format.Format_ARGB32, QSize(1, 1)),
    ],
)
def test_decoded_pixels_are_the_images(fmt: QImage.Format, size: QSize) -> None:
    image = drawing(size, fmt)
    image.setColorSpace(QColorSpace(QColorSpace.NamedColorSpace.SRgb))
    image.setDotsPerMeterX(5906)  # 150 dpi
    image.setDotsPerMeterY(5906)
    data = encode_png(image)
    kinds = [kind for kind, _ in chunks(data)]
    assert kinds == [b"IHDR", b"iCCP", b"pHYs", b"IDAT", b"IEND"]
    read = QImage.fromData(data)
    assert read.size() == size
    assert read.hasAlphaChannel() == image.hasAlphaChannel()
    assert read.colorSpace() == QColorSpace(QColorSpace.NamedColorSpace.SRgb)
    assert (read.dotsPerMeterX(), read.dotsPerMeterY()) == (5906, 5906)
    expected = image.convertToFormat(read.format())
    assert bytes(read.constBits()) == bytes(expected.constBits())


def test_an_image_without_a_colour_space_has_no_profile() -> None:
    image = drawing(QSize(64, 16), QImage.Format.Format_RGB32)
    image.setColorSpace(QColorSpace())
    assert [kind for kind, _ in chunks(encode_png(image))] == [b"IHDR", b"pHYs", b"IDAT", b"IEND"]


def test_slides_are_packed_about_as_tightly_as_by_qts_writer() -> None:
    """Unfiltered rows lose little on flat colour and text: the example deck's slides take at
    most a quarter more than Qt's writer makes of them at its default level (which costs it
    five times as long); a photo takes about a fifth more."""
    deck = load_deck(EXAMPLE).deck
    assert deck is not None
    renderer = SlideRenderer(deck)
    ours = qts = 0
    for index in range(deck.slide_count):
        image = slide_image(renderer, index, 960)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        assert QImageWriter(buffer, QByteArray(b"png")).write(image)
        qts += buffer.size()
        ours += len(encode_png(image))
    assert ours <= qts * 1.25
