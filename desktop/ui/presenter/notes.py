"""The console's notes end on a whole line, with a "more" cue when they continue.

:class:`WholeLines` sits over the bottom of a :class:`~desktop.ui.notes_pane.NotesPane`'s text:
it covers any line the text area cuts in two, and says "more" with the key that scrolls on
when the notes go on below. Paging (:meth:`WholeLines.page`) moves by whole lines: the first
line hidden becomes the top line, so nothing is skipped and nothing is read twice.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QTextBlock, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.core.i18n import _
from desktop.core.presenter.actions import key
from desktop.ui.presenter import style

CUE_HEIGHT: Final = 26
"""Room kept at the bottom of the notes for the "more" cue."""
TOP_GAP: Final = 6
"""Pixels above a line that paging puts at the top."""


def line_spans(document: QTextDocument) -> list[tuple[float, float]]:
    """The top and bottom of every laid-out line of *document*, in document coordinates."""
    layout = document.documentLayout()
    spans: list[tuple[float, float]] = []
    block: QTextBlock = document.begin()
    while block.isValid():
        text_layout = block.layout()
        if block.isVisible():
            top = layout.blockBoundingRect(block).top()
            for n in range(text_layout.lineCount()):
                line = text_layout.lineAt(n)
                spans.append((top + line.y(), top + line.y() + line.height()))
        block = block.next()
    return spans


class WholeLines(QWidget):
    """A cover over the part of the notes below their last whole line, with the "more" cue.

    Args:
        browser: The notes' text area; the cover is a child of its viewport.
    """

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser.viewport())
        self.setObjectName("notesMore")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFont(style.ui_font(14, QFont.Weight.DemiBold))
        self._browser = browser
        self._more = False
        self._colour = QColor(style.PANEL)
        browser.viewport().installEventFilter(self)
        bar = browser.verticalScrollBar()
        bar.valueChanged.connect(self.update_cover)
        bar.rangeChanged.connect(self.update_cover)
        browser.document().documentLayout().documentSizeChanged.connect(self.update_cover)
        self.update_cover()

    def more(self) -> bool:
        """Whether the notes go on below what is shown."""
        return self._more

    def cue(self) -> str:
        """The cue's words (empty when nothing follows)."""
        return _("▾ more · {key}").format(key=key("notes_down")) if self._more else ""

    def shown_bottom(self) -> int:
        """The bottom of the text shown, in viewport pixels (the cover starts there)."""
        return self.y() if self.isVisible() else self._browser.viewport().height()

    def set_colour(self, colour: str) -> None:
        """The panel's colour, which the cover paints."""
        self._colour = QColor(colour)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.update_cover()
        return False

    def update_cover(self) -> None:
        """Cover every line the viewport cuts, and leave room for the cue when more follows."""
        viewport = self._browser.viewport()
        height = viewport.height()
        top = self._browser.verticalScrollBar().value()
        spans = line_spans(self._browser.document())
        self._more = bool(spans) and spans[-1][1] > top + height
        limit = top + height - (CUE_HEIGHT if self._more else 0)
        cut = height
        for line_top, line_bottom in spans:
            if line_bottom > limit and line_top < top + height:
                cut = max(0, round(line_top - top))
                break
        if cut >= height:
            self.hide()
            return
        self.setGeometry(QRect(0, cut, viewport.width(), height - cut))
        self.show()
        self.raise_()
        self.update()

    def page(self, pages: int) -> None:
        """Scroll a page down (+1) or up (-1) by whole lines."""
        bar = self._browser.verticalScrollBar()
        spans = line_spans(self._browser.document())
        top = bar.value()
        if pages > 0:
            bottom = top + self.shown_bottom()
            hidden = next((t for t, b in spans if b > bottom), None)
            target = top if hidden is None else round(hidden) - TOP_GAP
        else:
            reach = top - (self.shown_bottom() - TOP_GAP)
            tops = [t for t, _ in spans if t >= reach]
            # Back at the first line: the very top, with the document's margin above it.
            target = round(tops[0]) - TOP_GAP if tops and tops[0] != spans[0][0] else 0
            target = min(target, top - 1)
        bar.setValue(max(0, min(bar.maximum(), target)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._colour)
        if self._more:
            painter.setPen(QColor(style.MUTED))
            box = self.rect().adjusted(0, 0, -14, -4)
            flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom
            painter.drawText(box, int(flags), self.cue())
        painter.end()
