"""The presenter console: what is on now, what comes next, the notes and the clocks.

The console only displays; the controller decides what (see
:class:`~desktop.ui.presenter.controller.PresenterController`). Its pages: the talk (current
and next slide, notes), the end-of-rehearsal summary and those the tools add (the overview
grid); the right-hand column swaps between the next slide with the notes and the private search.
"""

from __future__ import annotations

import math
from typing import Final, Literal, TypeAlias

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.builds import step_count, step_label
from desktop.core.i18n import N_, _
from desktop.core.markup import plain
from desktop.core.model import Deck, slide_label
from desktop.core.numbering import number_label
from desktop.core.presenter.state import Badge, BannerKind
from desktop.render.renderer import SlideRenderer
from desktop.ui.notes_pane import LINE_HEIGHT, ElidedLabel, NotesPane
from desktop.ui.presenter import style
from desktop.ui.presenter.notes import CUE_HEIGHT, WholeLines
from desktop.ui.presenter.state_row import FRAME_COLOURS, StateRow, caption
from desktop.ui.presenter.strip import SectionStrip
from desktop.ui.presenter.summary import RehearsalSummary
from desktop.ui.presenter.timebar import TimeBar
from desktop.ui.presenter.tool_row import ToolRow
from desktop.ui.presenter.tools.find import FindPanel
from desktop.ui.slide_view import SlideView

View: TypeAlias = tuple[int, int | None]
"""A slide and the step of its build (None: complete)."""

MESSAGE_MS: Final = 5000
NEXT_MAX_WIDTH: Final = 600
"""The next slide stays small enough to leave the notes most of the column."""
NEXT_MIN_WIDTH: Final = 240
NEXT_GAP: Final = 12
NOTES_SHARE: Final = 0.4
"""The part of the console's height the notes' text gets, whatever the screen and font."""
END_OF_BRIEFING: Final = N_("End of briefing")


def position(deck: Deck, index: int, steps: str = "") -> str:
    """The header's position: ``ACTION 4 / 12  ·  SLIDE 17 / 31  ·  STEP 2 / 3`` (the action
    for a numbered section, the step for a build's; *steps* is the build's ``step 2 / 3``)."""
    ref = deck.refs[index]
    action = number_label(deck, ref.section_index)
    slide = _("hidden") if index in deck.talk.hidden else deck.talk.label(index)
    parts = [_("ACTION {number}").format(number=action)] if action else []
    parts.append(_("SLIDE {number}").format(number=slide.upper()))
    if steps:
        parts.append(steps.upper())
    return "  ·  ".join(parts)


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
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), _(END_OF_BRIEFING))
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
        self.setAccessibleName(_("Presenter console"))
        self.setWindowTitle(_("Presenter console"))
        style.apply_dark_palette(self)
        self.setStyleSheet(style.STYLE_SHEET)
        self.setFont(style.ui_font(16))
        self.resize(1280, 720)

        # Header: where we are, and the clocks.
        self.position_label = QLabel()
        self.position_label.setObjectName("heading")
        self.position_label.setAccessibleName(_("Position"))
        self.position_label.setFont(style.ui_font(14, QFont.Weight.DemiBold))
        self.section_label = ElidedLabel()
        self.section_label.setAccessibleName(_("Current section"))
        self.section_label.setFont(style.ui_font(24, QFont.Weight.DemiBold))
        self.time_bar = TimeBar()
        self.header = QWidget()
        header = QHBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(32)
        where = QVBoxLayout()
        where.setSpacing(2)
        where.addStretch(1)
        where.addWidget(self.position_label)
        where.addWidget(self.section_label)
        header.addLayout(where, 1)
        header.addWidget(self.time_bar, 0, Qt.AlignmentFlag.AlignBottom)

        # The talk page: current slide on the left; next slide and notes (or search) right.
        self.state_row = StateRow()
        self.now_caption = self.state_row.now_caption
        self.banner = self.state_row.banner
        self.banner_label = self.state_row.banner_label
        self.badges = self.state_row.badges
        self.message = self.state_row.message
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(self.message.clear)
        self.current_frame = QFrame()
        self.current_frame.setObjectName("currentFrame")
        self.current = _SlidePane(_("Current slide"))
        self.current.step.connect(self.step)
        frame_layout = QVBoxLayout(self.current_frame)
        frame_layout.setContentsMargins(3, 3, 3, 3)
        frame_layout.addWidget(self.current)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addWidget(self.state_row)
        left.addWidget(self.current_frame)
        self.tool_row = ToolRow()
        left.addWidget(self.tool_row)
        left.addStretch(1)

        self.next_caption = caption(_("NEXT"))
        self.next_caption.setWordWrap(True)
        self.next_title = QLabel()
        self.next_title.setObjectName("caption")
        self.next_title.setAccessibleName(_("Next slide's title"))
        self.next_title.setFont(style.ui_font(15))
        self.next_title.setWordWrap(True)
        self.next = _SlidePane(_("Next slide"))
        self.next.setMaximumWidth(NEXT_MAX_WIDTH)
        self.notes: NotesPane = NotesPane()
        self.notes.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes_cover = WholeLines(self.notes.browser)
        notes_frame = QFrame()
        notes_frame.setObjectName("panel")
        notes_frame_layout = QVBoxLayout(notes_frame)
        notes_frame_layout.setContentsMargins(8, 4, 8, 6)
        notes_frame_layout.addWidget(self.notes)
        self.notes_column = _NotesColumn(self)
        self.notes.font_size_changed.connect(self.notes_column.fit)
        next_row = QHBoxLayout()
        next_row.setSpacing(14)
        next_row.addWidget(self.next, 0, Qt.AlignmentFlag.AlignTop)
        next_words = QVBoxLayout()
        next_words.setSpacing(4)
        next_words.addWidget(self.next_caption)
        next_words.addWidget(self.next_title)
        next_words.addStretch(1)
        next_row.addLayout(next_words, 1)
        notes_layout = QVBoxLayout(self.notes_column)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.setSpacing(NEXT_GAP)
        notes_layout.addLayout(next_row)
        notes_layout.addWidget(notes_frame, 1)
        self.finder = FindPanel()
        self.right = QStackedWidget()
        self.right.addWidget(self.notes_column)
        self.right.addWidget(self.finder)
        talk = QWidget()
        talk_layout = QHBoxLayout(talk)
        talk_layout.setContentsMargins(0, 0, 0, 0)
        talk_layout.setSpacing(28)
        talk_layout.addLayout(left, 58)
        talk_layout.addWidget(self.right, 42)

        # The rehearsal summary (and the tools' pages, added by the tools).
        self.summary = RehearsalSummary()
        self.pages = QStackedWidget()
        self._pages: dict[str, QWidget] = {}
        self._without_clocks: set[str] = set()
        self.add_page("talk", talk)
        self.add_page("summary", self.summary)

        # Footer: the strip of sections.
        self.strip = SectionStrip()
        self.strip.section_clicked.connect(self.section_clicked)

        root = QVBoxLayout(self)
        root.setContentsMargins(28, 18, 28, 18)
        root.setSpacing(14)
        root.addWidget(self.header)
        root.addWidget(self.pages, 1)
        root.addWidget(self.strip)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._frame("")

    def notes_height(self) -> int:
        """The height the notes' text area needs: :data:`NOTES_SHARE` of the console's shown in
        whole lines, with room for the "more" cue (so one more line and the cue)."""
        line = QFontMetrics(self.notes.browser.font()).lineSpacing() * LINE_HEIGHT / 100
        return math.ceil(NOTES_SHARE * self.height() + line) + CUE_HEIGHT

    # -- content -------------------------------------------------------------------------

    def set_deck(
        self, deck: Deck, renderer: SlideRenderer, rehearsed: dict[int, float] | None = None
    ) -> None:
        self.current.set_renderer(renderer)
        self.next.set_renderer(renderer)
        self.notes.set_deck(deck)
        self.finder.set_deck(deck)
        self.strip.set_deck(deck, rehearsed)

    def show_slides(
        self,
        deck: Deck,
        index: int,
        step: int | None = None,
        following: View | Literal["after"] | None = "after",
    ) -> None:
        """Show slide *index* large at *step* of its build (None: complete), what comes next
        small (*following*: the build's next step or the next slide as ``(slide, step)``,
        None for the end marker, ``"after"`` for the slide after), and its notes."""
        self.current.set_index(index, step)
        self.notes.set_slide(index)
        if following == "after":
            following = (index + 1, None) if index + 1 < deck.slide_count else None
        last = following is None
        self.next.set_end(last)
        ref = deck.refs[index]
        steps = step_label(step if step is not None else step_count(ref.slide), ref.slide)
        caption = _("NEXT · NOTHING MORE")
        if following is not None:
            self.next.set_index(*following)
            caption = _("NEXT STEP") if following[0] == index else _("NEXT")
        self.next_caption.setText(caption)
        self.next_title.setText(
            "" if following is None else slide_label(deck, deck.refs[following[0]])
        )
        self.position_label.setText(position(deck, index, steps))
        title = plain(ref.section.title)
        self.section_label.set_full_text(f"{title}   {ref.section.title_zh}".rstrip())

    def showing_end_marker(self) -> bool:
        return self.next.end

    def position_text(self) -> str:
        """The header's position, as the issue words it: ``section 4 / 12 · slide 17 / 31``."""
        return " ".join(self.position_label.text().split()).lower()

    # -- state ---------------------------------------------------------------------------

    def set_badges(self, kinds: set[Badge]) -> None:
        self.state_row.set_badges(kinds)

    def visible_badges(self) -> list[str]:
        return [kind for kind, badge in self.badges.items() if not badge.isHidden()]

    def show_banner(self, kind: BannerKind | None, text: str = "") -> None:
        """A line above the current slide saying what is private, with the keys that end it."""
        self.state_row.show_banner(kind, text)
        self._frame(kind or "")

    def banner_text(self) -> str:
        return self.banner_label.text() if not self.banner.isHidden() else ""

    def _frame(self, kind: str) -> None:
        colour = FRAME_COLOURS.get(kind, "transparent")
        self.current_frame.setStyleSheet(
            f"QFrame#currentFrame {{ border: 3px solid {colour}; border-radius: 6px; }}"
        )

    def notify(self, text: str) -> None:
        """A short message in the header, gone after a few seconds."""
        self.message.setText(text)
        self._message_timer.start()

    def scroll_notes(self, pages: int) -> None:
        """Scroll the notes a page down (+1) or up (-1) without leaving the slide."""
        self.notes_cover.page(pages)

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


class _NotesColumn(QWidget):
    """The next slide over the notes: the next slide gets what the notes leave."""

    def __init__(self, console: ConsoleWindow) -> None:
        super().__init__()
        self._console = console

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Size the next slide to what the notes leave."""
        console = self._console
        notes = console.notes
        chrome = notes.header.sizeHint().height() + 4 + 6 + NEXT_GAP
        room = self.height() - console.notes_height() - chrome
        ratio = console.next.heightForWidth(1600) / 1600 if console.next.renderer() else 9 / 16
        margins = 2 * _SlidePane.MARGIN
        width = round((room - margins) / ratio) + margins
        width = max(NEXT_MIN_WIDTH, min(NEXT_MAX_WIDTH, width, self.width() * 2 // 3))
        if console.next.maximumWidth() != width:
            console.next.setFixedWidth(width)
