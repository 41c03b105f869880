"""Icons from the bundled SVGs (resources/icons), drawn in the palette's colours when painted.

The toolbar and menu icons are line drawings whose SVG strokes with ``currentColor``. An icon
made here reads and draws its file only when Qt first asks for a pixmap of it (nothing at
start-up but the QIcon object), and replaces ``currentColor`` with the application palette's
button text colour, the disabled one for a disabled action, at that moment: so the same file
serves a light and a dark desktop, and a palette change repaints the icons in the new colour.

Usage::

    action.setIcon(themed_icon("folder-open"))
    app.setWindowIcon(app_icon())
"""

from __future__ import annotations

import functools
from typing import Final

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

from desktop.core.resources import resources_dir

APP_ICON: Final = "app"
"""The application icon's file (``app.svg``), drawn in its own colours."""

_CURRENT: Final = "currentColor"


@functools.cache
def icon_svg(name: str) -> str:
    """The text of the bundled icon *name* (``resources/icons/NAME.svg``).

    Raises:
        FileNotFoundError: no icon has that name (a programming error: names are data in the
            action table, checked by the tests).
    """
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def icon_colour(mode: QIcon.Mode) -> QColor:
    """The colour an icon is drawn in for *mode*, from the application's palette."""
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)


class SvgIconEngine(QIconEngine):
    """Draws one bundled SVG at any size and scale, in the palette's colours unless *fixed*.

    Args:
        name: The icon's file name without ``.svg``.
        fixed: Draw the file's own colours (the application icon), not the palette's.
    """

    def __init__(self, name: str, fixed: bool = False) -> None:
        super().__init__()
        self.name = name
        self.fixed = fixed
        self._cache: dict[tuple[int, int, float, int], QPixmap] = {}

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """The icon at *size* (device-independent pixels) for a screen of *scale*."""
        colour = QColor() if self.fixed else icon_colour(mode)
        key = (size.width(), size.height(), scale, colour.rgba())
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        from PySide6.QtSvg import QSvgRenderer  # loaded with the first icon drawn

        text = icon_svg(self.name)
        if not self.fixed:
            text = text.replace(_CURRENT, colour.name())
        pixels = QSize(round(size.width() * scale), round(size.height() * scale))
        pixmap = QPixmap(pixels)
        pixmap.fill(Qt.GlobalColor.transparent)
        if not pixels.isEmpty():
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            QSvgRenderer(QByteArray(text.encode("utf-8"))).render(
                painter, QRectF(0, 0, pixels.width(), pixels.height())
            )
            painter.end()
        pixmap.setDevicePixelRatio(scale)
        self._cache[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.name, self.fixed)


def themed_icon(name: str) -> QIcon:
    """The bundled line icon *name*, in the palette's text colours."""
    return QIcon(SvgIconEngine(name))


def app_icon() -> QIcon:
    """The application icon, in its own colours."""
    return QIcon(SvgIconEngine(APP_ICON, fixed=True))
