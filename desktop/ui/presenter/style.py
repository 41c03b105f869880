"""The console's look: a calm dark palette, one type family, a few status colours."""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

from desktop.render.fonts import register_fonts

FAMILIES: Final = ("Briefing Sans", "Briefing Sans SC")
"""The bundled families (Noto Sans, Noto Sans CJK SC): the same letters as the slides."""

BACKGROUND: Final = "#121519"
PANEL: Final = "#1a1e24"
RAISED: Final = "#232831"
LINE: Final = "#2c323c"
TEXT: Final = "#e9edf2"
MUTED: Final = "#8d97a5"
FAINT: Final = "#5b6573"
CURRENT: Final = "#5fa8ff"
"""The current section and slide."""
PREVIEW: Final = "#f2b84b"
"""Anything private to the console: a preview, typed go-to."""
FROZEN: Final = "#5fd3e6"
PAUSED: Final = "#b7a6ff"
ON_TIME: Final = "#7fcf8f"
BEHIND: Final = "#ff8f6b"
AHEAD: Final = "#7cc4ff"
OVER: Final = "#ff6b6b"


def ui_font(pixel_size: int, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """The console's font at *pixel_size*; figures are tabular so clocks do not jitter."""
    register_fonts()
    font = QFont()
    font.setFamilies(list(FAMILIES))
    font.setPixelSize(pixel_size)
    font.setWeight(weight)
    font.setFeature(QFont.Tag("tnum"), 1)
    return font


def apply_dark_palette(widget: QWidget) -> None:
    """Give *widget* (and its children) the console's dark palette."""
    palette = QPalette(widget.palette())
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Window, QColor(BACKGROUND))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor(TEXT))
        palette.setColor(group, QPalette.ColorRole.Base, QColor(PANEL))
        palette.setColor(group, QPalette.ColorRole.AlternateBase, QColor(RAISED))
        palette.setColor(group, QPalette.ColorRole.Text, QColor(TEXT))
        palette.setColor(group, QPalette.ColorRole.Button, QColor(RAISED))
        palette.setColor(group, QPalette.ColorRole.ButtonText, QColor(TEXT))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(CURRENT).darker(160))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(TEXT))
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(FAINT))
        palette.setColor(group, QPalette.ColorRole.ToolTipBase, QColor(RAISED))
        palette.setColor(group, QPalette.ColorRole.ToolTipText, QColor(TEXT))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


STYLE_SHEET: Final = f"""
QWidget {{ color: {TEXT}; }}
QWidget#consoleWindow {{ background: {BACKGROUND}; }}
QTextBrowser {{ background: transparent; color: {TEXT}; border: none; }}
QDialog {{ background: {PANEL}; }}
QPushButton {{
    background: {RAISED}; color: {TEXT}; border: 1px solid {LINE}; border-radius: 6px;
    padding: 6px 18px;
}}
QPushButton:hover, QPushButton:focus {{ border: 1px solid {MUTED}; }}
QLabel#badge {{
    border-radius: 6px; padding: 3px 12px; font-weight: 700; letter-spacing: 1px;
}}
QLabel#badge[kind="black"] {{ background: #000000; color: #ffffff; border: 1px solid {MUTED}; }}
QLabel#badge[kind="white"] {{ background: #ffffff; color: #111111; }}
QLabel#badge[kind="frozen"] {{ background: {FROZEN}; color: #0b1a1e; }}
QLabel#badge[kind="preview"] {{ background: {PREVIEW}; color: #241a05; }}
QLabel#badge[kind="paused"] {{ background: {PAUSED}; color: #17122e; }}
QLabel#badge[kind="rehearsal"] {{ background: transparent; color: {PAUSED};
    border: 1px solid {PAUSED}; }}
QLabel#caption {{ color: {MUTED}; }}
QLabel#heading {{ color: {MUTED}; letter-spacing: 1px; }}
QFrame#panel {{ background: {PANEL}; border-radius: 10px; }}
QFrame#banner {{ background: {PREVIEW}; border-radius: 8px; }}
QFrame#banner QLabel {{ color: #241a05; }}
QLineEdit {{
    background: {RAISED}; color: {TEXT}; border: 1px solid {LINE}; border-radius: 8px;
    padding: 8px 12px; selection-background-color: {CURRENT};
}}
QLineEdit:focus {{ border: 1px solid {PREVIEW}; }}
QListWidget, QTableWidget {{
    background: {PANEL}; color: {TEXT}; border: none; outline: none;
    alternate-background-color: {RAISED}; gridline-color: {LINE};
}}
QListWidget::item {{ padding: 8px 10px; border-bottom: 1px solid {LINE}; }}
QListWidget::item:selected {{ background: #3a3220; color: {TEXT}; }}
QHeaderView::section {{
    background: {BACKGROUND}; color: {MUTED}; border: none; padding: 6px 10px;
    border-bottom: 1px solid {LINE};
}}
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px; }}
QScrollBar::handle:vertical {{ background: {LINE}; border-radius: 4px; min-height: 30px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QToolTip {{ background: {RAISED}; color: {TEXT}; border: 1px solid {LINE}; }}
"""
