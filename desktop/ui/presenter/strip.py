"""The strip of sections: each one's plan against the time spent, the current one lit.

Every section is a chip with its number and its name, shortened to fit ("Deepening Bei…"):
chips are as wide as their planned time (sections without a plan get the average plan; a
deck without any plan gets widths by slide count) but never narrower than the number and a
few letters. When even that does not fit, the strip shows the chips around the current (or
previewed) section and counts the others at its ends. A notch above and below marks where
the talk should be by now. Clicking a chip previews that section; the tooltip explains it all.

Every state has its own opaque colours (:func:`chip_look`), chosen so the text reads at WCAG
AA contrast against both the chip and its fill.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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

from desktop.core.i18n import N_, _
from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.numbering import action_number
from desktop.core.timing import SectionPace, SectionState, format_clock
from desktop.ui.presenter import style

GAP: Final = 4.0
HEIGHT: Final = 38
PADDING: Final = 10
"""Pixels either side of a chip's text."""
MIN_LETTERS: Final = 4
"""A chip is wide enough for its number and this many letters of its name (and "…")."""
MORE_WIDTH: Final = 52.0
"""The width of the "‹ 5" / "7 ›" chips that count the sections not shown."""
LEGEND: Final = N_(
    "Chip width: the section's planned time. Fill: the time spent against the plan"
    " (full when the plan is used up; red when over it by more than a minute)."
    " Blue outline: the current section; amber: the one previewed."
    " White notches: where the plan says the talk should be by now."
)
"""What the strip's colours and notches mean (shown translated)."""


@dataclass(frozen=True, slots=True)
class ChipLook:
    """A chip's colours (opaque, as painted).

    Attributes:
        base: The chip.
        fill: The part filled by the time spent.
        text: The number and the name.
        outline: The outline, or ``""`` for none.
    """

    base: str
    fill: str
    text: str
    outline: str


_BASE: Final[dict[SectionState, tuple[str, str, str]]] = {
    "upcoming": ("#1a1e24", "#2a3140", "#b4bdc9"),
    "done": ("#20252d", "#343c49", "#c3cad4"),
    "current": ("#1d2a3d", "#2f5282", "#f4f7fa"),
}
_HOVER: Final = ("#2a313c", "#3a4352", "#f4f7fa")
_OVER_FILL: Final = "#6b2a30"


def chip_look(
    state: SectionState, over: bool = False, hovered: bool = False, previewed: bool = False
) -> ChipLook:
    """The colours of a chip in *state*, over its plan or not, under the mouse or not."""
    base, fill, text = _HOVER if hovered and state != "current" else _BASE[state]
    if over:
        fill = _OVER_FILL
    outline = (
        style.CURRENT
        if state == "current"
        else style.PREVIEW
        if previewed
        else style.MUTED
        if hovered
        else ""
    )
    return ChipLook(base, fill, text, outline)


def segment_weights(deck: Deck) -> list[float]:
    """Relative widths of the deck's sections: planned seconds, else slide counts."""
    plans = [s.duration for s in deck.sections if s.duration is not None]
    if not plans:
        return [float(max(1, len(s.slides))) for s in deck.sections]
    average = sum(plans) / len(plans)
    return [float(s.duration) if s.duration is not None else average for s in deck.sections]


def fit_widths(weights: Sequence[float], usable: float, minimum: float) -> list[float]:
    """Widths proportional to *weights* summing to *usable*, none below *minimum*.

    Chips that would be too narrow get *minimum*; the rest share what is left by weight.
    Needs ``len(weights) * minimum <= usable``.
    """
    weights = [max(weight, 1e-6) for weight in weights]
    widths = [0.0] * len(weights)
    free = list(range(len(weights)))
    room = usable
    while free:
        total = sum(weights[i] for i in free)
        narrow = [i for i in free if weights[i] * room / total < minimum]
        if not narrow:
            for i in free:
                widths[i] = weights[i] * room / total
            break
        for i in narrow:
            widths[i] = minimum
            room -= minimum
        free = [i for i in free if i not in narrow]
    return widths


class SectionStrip(QWidget):
    """A horizontal strip with one chip per section.

    Signals:
        section_clicked(int): the presenter clicked the chip of this section index (or the
            count of hidden sections next to it).
    """

    section_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionStrip")
        self.setAccessibleName(_("Sections: plan and time spent"))
        self.setAccessibleDescription(_(LEGEND))
        self.setMouseTracking(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(HEIGHT)
        self.setFont(style.ui_font(14, QFont.Weight.DemiBold))
        self._titles: list[str] = []
        self._numbers: list[str] = []
        """Each chip's number: the action's (desktop.core.numbering), "" for an unnumbered one."""
        self._weights: list[float] = []
        self._paces: tuple[SectionPace, ...] = ()
        self._rehearsed: dict[int, float] = {}
        self._now_fraction: float | None = None
        self._preview: int | None = None
        self._hover: int | None = None

    def sizeHint(self) -> QSize:
        return QSize(1200, HEIGHT)

    def set_deck(self, deck: Deck, rehearsed: dict[int, float] | None = None) -> None:
        """Use *deck*'s sections; *rehearsed* gives the last rehearsal's seconds by index."""
        self._titles = [plain(s.title) for s in deck.sections]
        self._numbers = [
            str(number) if (number := action_number(deck, i)) is not None else ""
            for i in range(len(deck.sections))
        ]
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

    # -- geometry ------------------------------------------------------------------------

    def min_chip_width(self) -> float:
        """The narrowest chip: padding, the largest number and :data:`MIN_LETTERS` letters."""
        metrics = QFontMetrics(self.font())
        widest = max(self._numbers, key=len, default="")
        number = metrics.horizontalAdvance(f"{widest}  ") if widest else 0
        letters = metrics.averageCharWidth() * MIN_LETTERS + metrics.horizontalAdvance("…")
        return float(2 * PADDING + number + letters)

    def _focus(self) -> int:
        if self._preview is not None:
            return self._preview
        return next((p.index for p in self._paces if p.state == "current"), 0)

    def shown_range(self) -> tuple[int, int]:
        """The first section shown and one past the last (all of them when they fit)."""
        count = len(self._weights)
        minimum = self.min_chip_width()
        if count * minimum + GAP * (count - 1) <= self.width():
            return 0, count
        room = self.width() - 2 * (MORE_WIDTH + GAP) + GAP
        fit = max(1, int(room // (minimum + GAP)))
        first = max(0, min(count - fit, self._focus() - fit // 2))
        return first, first + fit

    def segment_rects(self) -> list[QRectF]:
        """Each section's chip, in widget coordinates (empty for a section not shown)."""
        count = len(self._weights)
        if not count:
            return []
        first, end = self.shown_range()
        x = 0.0 if (first, end) == (0, count) else MORE_WIDTH + GAP
        right = self.width() - (0.0 if (first, end) == (0, count) else MORE_WIDTH + GAP)
        shown = end - first
        usable = right - x - GAP * (shown - 1)
        widths = fit_widths(self._weights[first:end], usable, self.min_chip_width())
        rects = [QRectF() for _ in range(count)]
        for index, width in zip(range(first, end), widths, strict=True):
            rects[index] = QRectF(x, 0, width, self.height())
            x += width + GAP
        return rects

    def more_rects(self) -> tuple[QRectF | None, QRectF | None]:
        """The chips counting the sections hidden before and after the ones shown."""
        first, end = self.shown_range()
        height = float(self.height())
        before = QRectF(0, 0, MORE_WIDTH, height) if first > 0 else None
        after_x = self.width() - MORE_WIDTH
        after = QRectF(after_x, 0, MORE_WIDTH, height) if end < len(self._weights) else None
        return before, after

    def section_at(self, point: QPoint) -> int | None:
        """The section whose chip is at *point*; a count chip gives the nearest hidden one."""
        where = point.toPointF()
        for index, rect in enumerate(self.segment_rects()):
            if rect.contains(where):
                return index
        first, end = self.shown_range()
        before, after = self.more_rects()
        if before is not None and before.contains(where):
            return first - 1
        if after is not None and after.contains(where):
            return end
        return None

    # -- painting ------------------------------------------------------------------------

    def look_of(self, index: int) -> ChipLook:
        """The colours section *index*'s chip is painted in now."""
        pace = next((p for p in self._paces if p.index == index), None)
        state: SectionState = pace.state if pace is not None else "upcoming"
        over = pace is not None and pace.over
        return chip_look(state, over, index == self._hover, index == self._preview)

    def fill_fraction(self, index: int) -> float:
        """How much of section *index*'s chip the time spent fills (0–1)."""
        pace = next((p for p in self._paces if p.index == index), None)
        if pace is None or pace.spent <= 0:
            return 0.0
        return min(1.0, pace.spent / pace.planned) if pace.planned else 1.0

    def chip_label(self, index: int, rect: QRectF | None = None) -> tuple[str, str]:
        """What section *index*'s chip (at *rect*, by default where it is) says: its number,
        and its name shortened to fit."""
        rect = self.segment_rects()[index] if rect is None else rect
        metrics = QFontMetrics(self.font())
        number = self._numbers[index] if index < len(self._numbers) else ""
        gap = metrics.horizontalAdvance(f"{number}  ") if number else 0
        room = int(rect.width()) - 2 * PADDING - gap
        title = self._titles[index] if index < len(self._titles) else ""
        return number, metrics.elidedText(title, Qt.TextElideMode.ElideRight, max(0, room))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        for index, rect in enumerate(self.segment_rects()):
            if rect.isEmpty():
                continue
            look = self.look_of(index)
            self._chip(painter, rect, look, self.fill_fraction(index))
            number, name = self.chip_label(index, rect)
            inner = rect.adjusted(PADDING, 0, -PADDING, 0)
            name_x = metrics.horizontalAdvance(f"{number}  ") if number else 0
            painter.setPen(QColor(look.text))
            align = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
            painter.drawText(inner, align, number)
            painter.drawText(inner.adjusted(name_x, 0, 0, 0), align, name)
        first, end = self.shown_range()
        before, after = self.more_rects()
        counts = ((before, f"‹ {first}"), (after, f"{len(self._weights) - end} ›"))
        for marker, text in counts:
            if marker is not None:
                look = chip_look("upcoming")
                self._chip(painter, marker, look, 0.0)
                painter.setPen(QColor(look.text))
                painter.drawText(marker, int(Qt.AlignmentFlag.AlignCenter), text)
        if self._now_fraction is not None and (first, end) == (0, len(self._weights)):
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

    @staticmethod
    def _chip(painter: QPainter, rect: QRectF, look: ChipLook, fraction: float) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(look.base))
        painter.drawRoundedRect(rect, 6, 6)
        if fraction > 0:
            painter.save()
            painter.setClipRect(QRectF(rect.x(), rect.y(), rect.width() * fraction, rect.height()))
            painter.setBrush(QColor(look.fill))
            painter.drawRoundedRect(rect, 6, 6)
            painter.restore()
        if look.outline:
            pen = painter.pen()
            pen.setStyle(Qt.PenStyle.SolidLine)
            pen.setColor(QColor(look.outline))
            pen.setWidthF(2.0)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 6, 6)

    # -- interaction ---------------------------------------------------------------------

    def tooltip_for(self, index: int) -> str:
        """The hover text for section *index*: plan, time spent, last rehearsal, the legend."""
        title = self._titles[index] if index < len(self._titles) else ""
        lines = [f"{index + 1}. {title}"]
        pace = next((p for p in self._paces if p.index == index), None)
        if pace is not None:
            spent = format_clock(pace.spent)
            if pace.planned is None:
                lines.append(_("no plan · spent {spent}").format(spent=spent))
            else:
                lines.append(
                    _("planned {planned} · spent {spent}").format(
                        planned=format_clock(pace.planned), spent=spent
                    )
                )
        if index in self._rehearsed:
            rehearsed = format_clock(self._rehearsed[index])
            lines.append(_("last rehearsal {time}").format(time=rehearsed))
        lines.append(_("Click to preview it on the console"))
        return "\n".join(lines) + "\n\n" + _(LEGEND)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.section_at(event.pos())
            text = _(LEGEND) if index is None else self.tooltip_for(index)
            QToolTip.showText(event.globalPos(), text, self)
            return True
        if event.type() == QEvent.Type.Leave:
            self._set_hover(None)
        return super().event(event)

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            self._hover = index
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.section_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.section_at(event.position().toPoint())
            if index is not None:
                self.section_clicked.emit(index)
                event.accept()
                return
        super().mousePressEvent(event)
