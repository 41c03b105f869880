"""The line above the console's current slide: its caption, the state badges and the banner.

The row keeps one height whatever it shows, so a banner or a badge appearing (black, white,
frozen, a preview) moves nothing else on the console: only the row's own contents change.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop.core.i18n import N_, _
from desktop.core.presenter.state import Badge, BannerKind
from desktop.ui.presenter import style

BADGES: Final = ("rehearsal", "paused", "preview", "frozen", "black", "white")
"""Every badge, in the order shown."""
BADGE_TEXT: Final = {
    "rehearsal": N_("REHEARSAL"),
    "paused": N_("PAUSED"),
    "preview": N_("PREVIEW"),
    "frozen": N_("FROZEN"),
    "black": N_("BLACK"),
    "white": N_("WHITE"),
}
"""Each badge's word (shown translated)."""
FRAME_COLOURS: Final = {
    "preview": style.PREVIEW,
    "typing": style.PREVIEW,
    "frozen": style.FROZEN,
    "black": style.MUTED,
    "white": "#ffffff",
}
"""The banner's fill, and the current slide's frame, for each kind of banner."""
DARK_INK: Final = "#241a05"


def caption(text: str) -> QLabel:
    """A small heading of the console (``NOW``, ``NEXT``, a tool's page)."""
    label = QLabel(text)
    label.setObjectName("heading")
    label.setFont(style.ui_font(14, QFont.Weight.DemiBold))
    return label


class StateRow(QWidget):
    """``NOW``, the badges, the banner and the console's messages, at one fixed height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stateRow")
        self.now_caption = caption(_("NOW"))
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.banner_label = QLabel()
        self.banner_label.setAccessibleName(_("Console banner"))
        self.banner_label.setFont(style.ui_font(16, QFont.Weight.DemiBold))
        self.banner_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(12, 4, 12, 4)
        banner_row.addWidget(self.banner_label)
        self.message = QLabel()
        self.message.setObjectName("caption")
        self.message.setAccessibleName(_("Message"))
        self.message.setFont(style.ui_font(15))
        self.message.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.badges: dict[str, QLabel] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(self.now_caption)
        for kind in BADGES:
            word = _(BADGE_TEXT[kind])
            badge = QLabel(word)
            badge.setObjectName("badge")
            badge.setProperty("kind", kind)
            badge.setAccessibleName(_("{badge} badge").format(badge=word.title()))
            badge.setFont(style.ui_font(14, QFont.Weight.Bold))
            badge.hide()
            self.badges[kind] = badge
            row.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.banner, 1)
        row.addStretch(0)
        row.addWidget(self.message)
        self.banner.hide()
        height = max(self.banner.sizeHint().height(), self.now_caption.sizeHint().height())
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_badges(self, kinds: set[Badge]) -> None:
        for kind, badge in self.badges.items():
            badge.setVisible(kind in kinds)

    def show_banner(self, kind: BannerKind | None, text: str) -> None:
        """The banner of *kind* saying *text*; None hides it."""
        self.banner.setVisible(kind is not None)
        self.banner_label.setText(text)
        self.banner_label.setToolTip(text)
        if kind == "black":
            self.banner.setStyleSheet(
                f"QFrame#banner {{ background: #000000; border: 1px solid {style.MUTED};"
                f" border-radius: 8px; }} QFrame#banner QLabel {{ color: {style.TEXT}; }}"
            )
        else:
            colour = FRAME_COLOURS.get(kind or "", style.PREVIEW)
            self.banner.setStyleSheet(
                f"QFrame#banner {{ background: {colour}; border-radius: 8px; }}"
                f"QFrame#banner QLabel {{ color: {DARK_INK}; }}"
            )
