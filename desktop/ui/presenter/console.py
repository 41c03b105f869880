"""The presenter console: what is on now, what comes next, the notes and the clocks.

The console only displays; the controller decides what (see
:class:`~desktop.ui.presenter.controller.PresenterController`). Its pages: the talk (current
and next slide, notes), the end-of-rehearsal summary and those the tools add (the overview
grid); the right-hand column swaps between the next slide with the notes and the private search.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.presenter.state import Badge, BannerKind
from desktop.render.renderer import SlideRenderer
from desktop.ui.notes_pane import NotesPane
from desktop.ui.presenter import style
from desktop.ui.presenter.strip import SectionStrip
from desktop.ui.presenter.summary import RehearsalSummary
from desktop.ui.presenter.timebar import TimeBar
from desktop.ui.presenter.tools.find import FindPanel
from desktop.ui.slide_view import SlideView

BADGES: Final = ("rehearsal", "paused", "preview", "frozen", "black", "white")
"""Every badge, in the order shown."""
BADGE_TEXT: Final = {
    "rehearsal": "REHEARSAL",
    "paused": "PAUSED",
    "preview": "PREVIEW",
    "frozen": "FROZEN",
    "black": "BLACK",
    "white": "WHITE",
}
MESSAGE_MS: Final = 5000
NEXT_MAX_WIDTH: Final = 600
"""The next slide stays small enough to leave the notes most of the column."""
END_OF_BRIEFING: Final = "End of briefing"
_FRAME_COLOURS: Final = {
    "preview": style.PREVIEW,
    "typing": style.PREVIEW,
    "frozen": style.FROZEN,
    "black": style.MUTED,
    "white": "#ffffff",
}


class _SlidePane(SlideView):
    """A slide view as tall as its slide at the width it gets (no bands above and below)."""

    MARGIN: Final = 12

    def __init__(self, name: str) -> None:
        super().__init__(background=style.BACKGROUND)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(240, 135)
        self.end = False

    def set_end(self, end: bool) -> None:
        """Show the "End of briefing" marker instead of a slide."""
        if end != self.end:
            self.end = end
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.end:
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(style.BACKGROUND))
        pen = QPen(QColor(style.LINE))
        pen.setWidthF(2.0)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        box = self.slide_rect()
        painter.drawRoundedRect(box, 10, 10)
        painter.setPen(QColor(style.MUTED))
        painter.setFont(style.ui_font(26, QFont.Weight.DemiBold))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), END_OF_BRIEFING)
        painter.end()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        renderer = self.renderer()
        ratio = 9 / 16
        if renderer is not None:
            ratio = renderer.canvas.height() / renderer.canvas.width()
        return round((width - 2 * self.MARGIN) * ratio) + 2 * self.MARGIN

    def sizeHint(self) -> QSize:
        width = self.width() if self.isVisible() else 960
        return QSize(width, self.heightForWidth(width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the height follows the width


def caption(text: str) -> QLabel:
    """A small heading of the console (``NOW``, ``NEXT``, a tool's page)."""
    label = QLabel(text)
    label.setObjectName("heading")
    label.setFont(style.ui_font(14, QFont.Weight.DemiBold))
    return label


class ConsoleWindow(QWidget):
    """The presenter's screen.

    Signals:
        section_clicked(int): a segment of the section strip was clicked.
        step(int): the wheel turned over the current slide: +1 next, -1 previous.
    """

    section_clicked = Signal(int)
    step = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("consoleWindow")
        self.setAccessibleName("Presenter console")
        self.setWindowTitle("Presenter console")
        style.apply_dark_palette(self)
        self.setStyleSheet(style.STYLE_SHEET)
        self.setFont(style.ui_font(16))
        self.resize(1280, 720)

        # Header: where we are, messages, state badges.
        self.position_label = QLabel()
        self.position_label.setObjectName("heading")
        self.position_label.setAccessibleName("Position")
        self.position_label.setFont(style.ui_font(15, QFont.Weight.DemiBold))
        self.section_label = QLabel()
        self.section_label.setAccessibleName("Current section")
        self.section_label.setFont(style.ui_font(26, QFont.Weight.DemiBold))
        self.section_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        where = QVBoxLayout()
        where.setSpacing(2)
        where.addWidget(self.position_label)
        where.addWidget(self.section_label)
        self.message = QLabel()
        self.message.setObjectName("caption")
        self.message.setAccessibleName("Message")
        self.message.setFont(style.ui_font(16))
        self.message.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message.clear)
        self.badges: dict[str, QLabel] = {}
        self.header = QWidget()
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(12)
        header.addLayout(where, 1)
        header.addWidget(self.message)
        for kind in BADGES:
            badge = QLabel(BADGE_TEXT[kind])
            badge.setObjectName("badge")
            badge.setProperty("kind", kind)
            badge.setAccessibleName(f"{BADGE_TEXT[kind].title()} badge")
            badge.setFont(style.ui_font(15, QFont.Weight.Bold))
            badge.hide()
            self.badges[kind] = badge
            header.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)

        # The talk page: current slide on the left; next slide and notes (or search) right.
        self.now_caption = caption("NOW")
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner_label = QLabel()
        self.banner_label.setAccessibleName("Console banner")
        self.banner_label.setFont(style.ui_font(17, QFont.Weight.DemiBold))
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(14, 6, 14, 6)
        banner_row.addWidget(self.banner_label)
        self.banner.hide()
        self.current_frame = QFrame()
        self.current_frame.setObjectName("currentFrame")
        self.current = _SlidePane("Current slide")
        self.current.step.connect(self.step)
        frame_layout = QVBoxLayout(self.current_frame)
        frame_layout.setContentsMargins(3, 3, 3, 3)
        frame_layout.addWidget(self.current)
        left = QVBoxLayout()
        left.setSpacing(8)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.now_caption)
        caption_row.addWidget(self.banner, 1)
        left.addLayout(caption_row)
        left.addWidget(self.current_frame)
        left.addStretch(1)

        self.next_caption = caption("NEXT")
        self.next = _SlidePane("Next slide")
        self.next.setMaximumWidth(NEXT_MAX_WIDTH)
        self.notes: NotesPane = NotesPane()
        self.notes.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        notes_frame = QFrame()
        notes_frame.setObjectName("panel")
        notes_frame_layout = QVBoxLayout(notes_frame)
        notes_frame_layout.setContentsMargins(8, 6, 8, 6)
        notes_frame_layout.addWidget(self.notes)
        notes_column = QWidget()
        notes_layout = QVBoxLayout(notes_column)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.setSpacing(8)
        notes_layout.addWidget(self.next_caption)
        notes_layout.addWidget(self.next, 0, Qt.AlignmentFlag.AlignLeft)
        notes_layout.addSpacing(6)
        notes_layout.addWidget(caption("NOTES"))
        notes_layout.addWidget(notes_frame, 1)
        self.finder = FindPanel()
        self.right = QStackedWidget()
        self.right.addWidget(notes_column)
        self.right.addWidget(self.finder)
        talk = QWidget()
        talk_layout = QHBoxLayout(talk)
        talk_layout.setContentsMargins(0, 0, 0, 0)
        talk_layout.setSpacing(28)
        talk_layout.addLayout(left, 64)
        talk_layout.addWidget(self.right, 36)

        # The rehearsal summary (and the tools' pages, added by the tools).
        self.summary = RehearsalSummary()
        self.pages = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        self._without_clocks: set[str] = set()
        self.add_page("talk", talk)
        self.add_page("summary", self.summary)

        # Footer: the clocks and the strip of sections.
        self.time_bar = TimeBar()
        self.strip = SectionStrip()
        self.strip.section_clicked.connect(self.section_clicked)

        root = QVBoxLayout(self)
        root.setContentsMargins(32, 22, 32, 24)
        root.setSpacing(16)
        root.addWidget(self.header)
        root.addWidget(self.pages, 1)
        root.addWidget(self.time_bar)
        root.addWidget(self.strip)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._frame("")

    # -- content -------------------------------------------------------------------------

    def set_deck(
        self, deck: Deck, renderer: SlideRenderer, rehearsed: dict[int, float] | None = None
    ) -> None:
        self.current.set_renderer(renderer)
        self.next.set_renderer(renderer)
        self.notes.set_deck(deck)
        self.finder.set_deck(deck)
        self.strip.set_deck(deck, rehearsed)

    def show_slides(self, deck: Deck, index: int) -> None:
        """Show slide *index* large, the one after it small (or the end marker), its notes."""
        self.current.set_index(index)
        self.notes.set_slide(index)
        last = index + 1 >= deck.slide_count
        self.next.set_end(last)
        if not last:
            self.next.set_index(index + 1)
        self.next_caption.setText("NEXT · NOTHING MORE" if last else "NEXT")
        ref = deck.refs[index]
        self.position_label.setText(
            f"SECTION {ref.section_index + 1} / {len(deck.sections)}"
            f"  ·  SLIDE {index + 1} / {deck.slide_count}"
        )
        title = plain(ref.section.title)
        self.section_label.setText(f"{title}   {ref.section.title_zh}".rstrip())
        self.section_label.setToolTip(self.section_label.text())

    def showing_end_marker(self) -> bool:
        return self.next.end

    def position_text(self) -> str:
        """The header's position, as the issue words it: ``section 4 / 12 · slide 17 / 31``."""
        return " ".join(self.position_label.text().split()).lower()

    # -- state ---------------------------------------------------------------------------

    def set_badges(self, kinds: set[Badge]) -> None:
        for kind, badge in self.badges.items():
            badge.setVisible(kind in kinds)

    def visible_badges(self) -> list[str]:
        return [kind for kind, badge in self.badges.items() if not badge.isHidden()]

    def show_banner(self, kind: BannerKind | None, text: str = "") -> None:
        """A line above the current slide saying what is private, with the keys that end it."""
        self.banner.setVisible(kind is not None)
        self.banner_label.setText(text)
        colour = _FRAME_COLOURS.get(kind or "", style.PREVIEW)
        ink = "#241a05" if kind != "black" else style.TEXT
        self.banner.setStyleSheet(
            f"QFrame#banner {{ background: {colour}; border-radius: 8px; }}"
            f"QFrame#banner QLabel {{ color: {ink}; }}"
            if kind != "black"
            else f"QFrame#banner {{ background: #000000; border: 1px solid {style.MUTED};"
            f" border-radius: 8px; }} QFrame#banner QLabel {{ color: {ink}; }}"
        )
        self._frame(kind or "")

    def banner_text(self) -> str:
        return self.banner_label.text() if not self.banner.isHidden() else ""

    def _frame(self, kind: str) -> None:
        colour = _FRAME_COLOURS.get(kind, "transparent")
        self.current_frame.setStyleSheet(
            f"QFrame#currentFrame {{ border: 3px solid {colour}; border-radius: 6px; }}"
        )

    def notify(self, text: str) -> None:
        """A short message in the header, gone after a few seconds."""
        self.message.setText(text)
        self._message_timer.start()

    def scroll_notes(self, pages: int) -> None:
        """Scroll the notes a page down (+1) or up (-1) without leaving the slide."""
        step = QAbstractSlider.SliderAction
        action = step.SliderPageStepAdd if pages > 0 else step.SliderPageStepSub
        self.notes.browser.verticalScrollBar().triggerAction(action)

    def add_page(self, name: str, page: QWidget, clocks: bool = True) -> None:
        """Add a page shown by :meth:`show_page`; without *clocks* it takes the clocks' room
        (the section strip stays)."""
        if name in self._pages:
            raise ValueError(f"the console has a page {name!r} already")
        self._pages[name] = page
        if not clocks:
            self._without_clocks.add(name)
        self.pages.addWidget(page)

    def show_page(self, page: str) -> None:
        self.pages.setCurrentWidget(self._pages[page])
        self.time_bar.setVisible(page not in self._without_clocks)

    def page(self) -> str:
        current = self.pages.currentWidget()
        return next(name for name, widget in self._pages.items() if widget is current)

    def show_find(self, on: bool) -> None:
        self.right.setCurrentIndex(1 if on else 0)
        if on:
            self.finder.start()
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def find_open(self) -> bool:
        return self.right.currentWidget() is self.finder and self.page() == "talk"
