"""Register the bundled fonts with Qt, once, so slides look the same everywhere."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from desktop.core.resources import resources_dir

log = logging.getLogger(__name__)

_registered: list[str] | None = None


def register_fonts() -> list[str]:
    """Register every font in ``resources/fonts``; return the families they provide.

    Needs a QGuiApplication. Safe to call again: later calls return the first result.
    """
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load bundled font %s", path)
            continue
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    log.debug("registered bundled font families: %s", families)
    _registered = families
    return families


def whole_pixels(size: float) -> int:
    """The whole pixel size a font of *size* canvas pixels is set at (:func:`make_font`): texts of
    sizes that round alike are set in the same font."""
    return max(1, round(size))


def make_font(
    families: tuple[str, ...], pixel_size: float, bold: bool = False, italic: bool = False
) -> QFont:
    """A font for slide text: the theme's families in fallback order, unhinted.

    Unhinted outlines and design metrics keep text layout identical on every
    surface and at every scale (screen, thumbnail, PDF).
    """
    font = QFont()
    font.setFamilies(list(families))
    font.setPixelSize(whole_pixels(pixel_size))
    font.setBold(bold)
    font.setItalic(italic)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    # No ligatures: "fi" stays two characters, so PDF text extracts and searches as typed.
    font.setFeature(QFont.Tag("liga"), 0)
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    return font


class FontCoverage:
    """Which characters a list of font families can draw (for ``check`` warnings).

    Args:
        families: The families, e.g. a theme's ``fonts``. Needs a QGuiApplication.
    """

    def __init__(self, families: tuple[str, ...]) -> None:
        self._raws = [QRawFont.fromFont(make_font((family,), 32)) for family in families]
        self._drawable: dict[str, bool] = {}

    def drawable(self, char: str) -> bool:
        """Whether one of the families has *char* (whitespace and controls always pass)."""
        known = self._drawable.get(char)
        if known is None:
            known = (
                char.isspace()
                or ord(char) < 0x20
                or any(raw.isValid() and raw.supportsCharacter(ord(char)) for raw in self._raws)
            )
            self._drawable[char] = known
        return known

    def missing(self, text: str) -> list[str]:
        """The characters of *text* that none of the families can draw, each once, in the order
        they first appear."""
        return [char for char in dict.fromkeys(text) if not self.drawable(char)]
