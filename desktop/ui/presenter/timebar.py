"""The console's clocks: elapsed time, time left, pacing and the wall clock.

:func:`time_texts` turns a :class:`~desktop.core.timing.Pacing` into the words and colours
shown, so what the presenter reads is tested without a window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.i18n import _
from desktop.core.pacing import MIN_ELAPSED, Urgency, left_urgency, time_left
from desktop.core.presenter.actions import key
from desktop.core.text import plural
from desktop.core.timing import Pacing, TalkTimer, format_clock
from desktop.ui.presenter import style

URGENCY_COLOURS: Final[dict[Urgency, str]] = {
    "calm": style.TEXT,
    "near": style.BEHIND,
    "over": style.OVER,
}
"""One warning scale for every clock: amber near the end or behind, red past the plan."""


@dataclass(frozen=True, slots=True)
class TimeTexts:
    """What the clocks say.

    Attributes:
        elapsed: ``12:34``.
        elapsed_caption: ``elapsed``, ``paused``, or how the timer will start.
        left: ``7:26``, ``−1:10`` when over, or ``—`` without a planned length: the plan minus
            the whole seconds of *elapsed*, so the two always add up to the plan.
        left_caption: ``left of 20:00`` / ``over 20:00`` / ``no planned length``.
        left_colour: Plain, amber near the end, red past it (:data:`URGENCY_COLOURS`).
        pace: ``2 min behind``, ``on time``, or ``""`` without a plan or in the first two
            minutes (:data:`~desktop.core.pacing.MIN_ELAPSED`).
        pace_caption: What the pace is measured against.
        pace_colour: Green on time, amber behind, blue ahead; muted without a verdict.
        clock: The wall clock, ``14:05``.
        paused: The timer is paused (the elapsed time shows in the paused colour).
    """

    elapsed: str
    elapsed_caption: str
    left: str
    left_caption: str
    left_colour: str
    pace: str
    pace_caption: str
    pace_colour: str
    clock: str
    paused: bool = False


def time_texts(
    pacing: Pacing, timer: TalkTimer, now: dt.datetime, slide: int, finished: bool = False
) -> TimeTexts:
    """The clocks' texts for *pacing* at wall-clock time *now*.

    Args:
        pacing: Where the talk stands.
        timer: The talk's timer (started, paused?).
        now: The wall-clock time.
        slide: The projector's slide index (the one the pace is measured at).
        finished: A rehearsal is over: its time is final.
    """
    paused = timer.paused and not finished
    if finished:
        caption = _("rehearsal finished")
    elif not timer.started:
        caption = _("starts at the next slide")
    elif paused:
        caption = _("paused · {pause_timer} resumes").format(pause_timer=key("pause_timer"))
    else:
        caption = _("elapsed")
    if pacing.planned_total is None:
        left, left_caption, left_colour = "—", _("no planned length"), style.MUTED
    else:
        seconds = time_left(pacing.elapsed, pacing.planned_total)
        left = format_clock(seconds)
        total = format_clock(pacing.planned_total)
        left_caption = (
            _("left of {total}").format(total=total)
            if seconds >= 0
            else _("over {total}").format(total=total)
        )
        left_colour = URGENCY_COLOURS[left_urgency(seconds, pacing.planned_total)]
    if pacing.status is None:
        pace, pace_caption, pace_colour = "", _("no section has a plan"), style.MUTED
    else:
        expected = format_clock(pacing.expected_elapsed or 0.0)
        pace_caption = _("the plan reaches slide {slide} at {time}").format(
            slide=slide + 1, time=expected
        )
        # Before the talk starts there is no pace yet, only where the plan puts this slide.
        waiting = not timer.started and not finished
        colours = {
            "on time": style.ON_TIME,
            "behind": URGENCY_COLOURS["near"],
            "ahead": style.AHEAD,
            "early": style.MUTED,
        }
        pace = _("ready") if waiting else pacing.label
        pace_colour = style.MUTED if waiting else colours[pacing.status]
        if pacing.status == "early" and not waiting:
            pace_caption = _("pace from {start} on · slide {slide} at {time}").format(
                start=format_clock(MIN_ELAPSED), slide=slide + 1, time=expected
            )
    return TimeTexts(
        elapsed=format_clock(pacing.elapsed),
        elapsed_caption=caption,
        left=left,
        left_caption=left_caption,
        left_colour=left_colour,
        pace=pace,
        pace_caption=pace_caption,
        pace_colour=pace_colour,
        clock=now.strftime("%H:%M"),
        paused=paused,
    )


ELAPSED_SIZE: Final = 56
VALUE_SIZE: Final = 34
CAPTION_SIZE: Final = 13
WIDEST: Final = {"elapsed": "00:00", "timeLeft": "\u221200:00"}
"""The widest value each readout holds: its width never changes as the clocks tick (the
pace's are :func:`pace_words`)."""


def pace_words() -> tuple[str, ...]:
    """The longest paces the console shows (two-digit minutes), in the interface language."""
    return (
        plural(88, "{n} min behind", "{n} min behind"),
        plural(88, "{n} min ahead", "{n} min ahead"),
        _("on time"),
        _("ready"),
    )


class _Readout(QWidget):
    """A big value over a small caption, as wide as its widest value."""

    def __init__(self, name: str, label: str, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = QLabel()
        self.value.setObjectName(f"{name}Value")
        self.value.setAccessibleName(label)
        self.value.setFont(style.ui_font(size, QFont.Weight.DemiBold))
        self.caption = QLabel()
        self.caption.setObjectName("caption")
        self.caption.setFont(style.ui_font(CAPTION_SIZE))
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        widest = pace_words() if name == "pace" else (WIDEST.get(name, "00:00"),)
        metrics = self.value.fontMetrics()
        self.setMinimumWidth(max(metrics.horizontalAdvance(text) for text in widest) + 4)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.value)
        column.addWidget(self.caption)

    def show_texts(self, value: str, caption: str, colour: str) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};")
        self.caption.setText(caption)
        self.caption.setToolTip(caption)


class TimeBar(QWidget):
    """Elapsed time (largest), time left, pacing and the wall clock, in one row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeBar")
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.elapsed = _Readout("elapsed", _("Elapsed time"), ELAPSED_SIZE)
        self.left = _Readout("timeLeft", _("Time left"), VALUE_SIZE)
        self.pace = _Readout("pace", _("Pace"), VALUE_SIZE)
        self.clock = _Readout("clock", _("Clock"), VALUE_SIZE)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(28)
        for readout in (self.elapsed, self.left, self.pace, self.clock):
            row.addWidget(readout, 0, Qt.AlignmentFlag.AlignBottom)
        self._texts: TimeTexts | None = None

    def show_texts(self, texts: TimeTexts) -> None:
        if texts == self._texts:
            return
        self._texts = texts
        self.elapsed.show_texts(
            texts.elapsed, texts.elapsed_caption, style.PAUSED if texts.paused else style.TEXT
        )
        self.left.show_texts(texts.left, texts.left_caption, texts.left_colour)
        self.pace.show_texts(texts.pace or "—", texts.pace_caption, texts.pace_colour)
        self.clock.show_texts(texts.clock, _("clock"), style.TEXT)

    def texts(self) -> TimeTexts | None:
        return self._texts
