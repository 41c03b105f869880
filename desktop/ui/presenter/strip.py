"""The strip of sections: each one's plan against the time spent, the current one lit.

Segments are as wide as their planned time (sections without a plan get the average plan;
a deck without any plan gets widths by slide count). A thin marker shows where the talk
should be by now. Clicking a segment asks to preview that section.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.timing import SectionPace, format_clock
from desktop.ui.presenter import style

GAP: Final = 4.0
HEIGHT: Final = 40


def segment_weights(deck: Deck) -> list[float]:
    """Relative widths of the deck's sections: planned seconds, else slide counts."""
    plans = [s.duration for s in deck.sections if s.duration is not None]
    if not plans:
        return [float(max(1, len(s.slides))) for s in deck.sections]
    average = sum(plans) / len(plans)
    return [float(s.duration) if s.duration is not None else average for s in deck.sections]


class SectionStrip(QWidget):
    """A horizontal strip with one segment per section.

    Signals:
        section_clicked(int): the presenter clicked the segment of this section index.
    """

    section_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionStrip")
        self.setAccessibleName("Sections: plan and time spent")
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(HEIGHT)
        self.setFont(style.ui_font(14, QFont.Weight.DemiBold))
        self._titles: list[str] = []
        self._weights: list[float] = []
        self._paces: tuple[SectionPace, ...] = ()
        self._rehearsed: dict[int, float] = {}
        self._now_fraction: float | None = None
        self._preview: int | None = None

    def sizeHint(self) -> QSize:
        return QSize(1200, HEIGHT)

    def set_deck(self, deck: Deck, rehearsed: dict[int, float] | None = None) -> None:
        """Use *deck*'s sections; *rehearsed* gives the last rehearsal's seconds by index."""
        self._titles = [plain(s.title) for s in deck.sections]
        self._weights = segment_weights(deck)
        self._rehearsed = dict(rehearsed or {})
        self._paces = ()
        self.update()

    def set_paces(
        self,
        paces: Sequence[SectionPace],
        now_fraction: float | None = None,
        preview_section: int | None = None,
    ) -> None:
        """Show *paces*; *now_fraction* (0–1) marks where the plan says the talk should be."""
        self._paces = tuple(paces)
        self._now_fraction = now_fraction
        self._preview = preview_section
        self.update()

    def paces(self) -> tuple[SectionPace, ...]:
        return self._paces

    def segment_rects(self) -> list[QRectF]:
        """Each section's segment, in widget coordinates."""
        count = len(self._weights)
        if not count:
            return []
        total = sum(self._weights) or 1.0
        usable = self.width() - GAP * (count - 1)
        rects: list[QRectF] = []
        x = 0.0
        for weight in self._weights:
            width = max(4.0, usable * weight / total)
            rects.append(QRectF(x, 0, width, self.height()))
            x += width + GAP
        return rects

    def section_at(self, point: QPoint) -> int | None:
        for index, rect in enumerate(self.segment_rects()):
            if rect.contains(point.toPointF()):
                return index
        return None

    # -- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        paces = {pace.index: pace for pace in self._paces}
        for index, rect in enumerate(self.segment_rects()):
            pace = paces.get(index)
            state = pace.state if pace is not None else "upcoming"
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.RAISED if state != "upcoming" else style.PANEL))
            painter.drawRoundedRect(rect, 6, 6)
            if pace is not None and pace.spent > 0:
                planned = pace.planned or 0
                fraction = min(1.0, pace.spent / planned) if planned else 1.0
                fill = QRectF(rect.x(), rect.y(), rect.width() * fraction, rect.height())
                colour = QColor(
                    style.OVER
                    if pace.over
                    else style.CURRENT
                    if state == "current"
                    else style.FAINT
                )
                colour.setAlphaF(0.55 if state == "current" else 0.45)
                painter.setBrush(colour)
                painter.drawRoundedRect(fill, 6, 6)
            if state == "current" or index == self._preview:
                outline = QColor(style.CURRENT if state == "current" else style.PREVIEW)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                pen = painter.pen()
                pen.setStyle(Qt.PenStyle.SolidLine)
                pen.setColor(outline)
                pen.setWidthF(2.0)
                painter.setPen(pen)
                painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)
            text_colour = QColor(style.TEXT if state == "current" else style.MUTED)
            if state == "done":
                text_colour = QColor(style.FAINT).lighter(130)
            painter.setPen(text_colour)
            title = self._titles[index] if index < len(self._titles) else ""
            label = f"{index + 1}  {title}"
            inner = rect.adjusted(10, 0, -8, 0)
            if metrics.horizontalAdvance(f"{index + 1}  ") + metrics.averageCharWidth() * 4 > (
                inner.width()
            ):
                label = str(index + 1)
                inner = rect
                align = Qt.AlignmentFlag.AlignCenter
            else:
                label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(inner.width()))
                align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            painter.drawText(inner, int(align), label)
        if self._now_fraction is not None:
            # Where the plan says the talk should be by now: a notch above and below.
            x = max(4.0, min(self.width() - 4.0, self.width() * self._now_fraction))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(style.TEXT))
            h = float(self.height())
            painter.drawPolygon(QPolygonF([QPointF(x - 5, 0), QPointF(x + 5, 0), QPointF(x, 7)]))
            painter.drawPolygon(
                QPolygonF([QPointF(x - 5, h), QPointF(x + 5, h), QPointF(x, h - 7)])
            )
        painter.end()

    # -- interaction ---------------------------------------------------------------------

    def tooltip_for(self, index: int) -> str:
        """The hover text for section *index*: plan, time spent, last rehearsal."""
        title = self._titles[index] if index < len(self._titles) else ""
        lines = [f"{index + 1}. {title}"]
        pace = next((p for p in self._paces if p.index == index), None)
        if pace is not None:
            planned = format_clock(pace.planned) if pace.planned is not None else "no plan"
            lines.append(f"planned {planned} · spent {format_clock(pace.spent)}")
        if index in self._rehearsed:
            lines.append(f"last rehearsal {format_clock(self._rehearsed[index])}")
        lines.append("Click to preview it on the console")
        return "\n".join(lines)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.section_at(event.pos())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(index), self)
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.section_at(event.position().toPoint())
            if index is not None:
                self.section_clicked.emit(index)
                event.accept()
                return
        super().mousePressEvent(event)
