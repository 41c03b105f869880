"""The plan of a talk and the rules that judge the talk against it. No Qt.

:func:`plan_spans` says when the plan puts each slide on screen (from its start to the start of
the next one); :func:`judge` turns the time elapsed on a slide into ``on time``, ``2 min behind``
or ``1 min ahead``; :func:`time_left` and :func:`left_urgency` give the count-down clock its
value and its warning level. The presenter console shows these; the rules live here so they
are tested without a window.

The rules:

* *On time* means within :data:`THRESHOLD` seconds of the slide's planned span: staying on a
  slide planned for three minutes is not "behind" after one.
* No verdict before the talk has run :data:`MIN_ELAPSED` seconds (status ``early``): one second
  in, nobody is "2 min ahead", whatever slide the talk started from.
* The elapsed clock shows whole seconds, truncated; the time left is the plan minus those whole
  seconds, so the two clocks always add up to the planned length.
* Time left turns ``near`` in the last :data:`NEAR_END_FRACTION` of the plan (at least the last
  :data:`NEAR_END_MIN` seconds) and ``over`` once the plan is used up, like a pace ``behind``
  and a section over its plan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias

from desktop.core.i18n import _
from desktop.core.model import Deck
from desktop.core.text import plural

PaceStatus: TypeAlias = Literal["on time", "behind", "ahead", "early"]
Urgency: TypeAlias = Literal["calm", "near", "over"]
"""How urgent a clock is: the console shows ``near`` in amber and ``over`` in red."""

THRESHOLD: Final = 60.0
"""Seconds of slack: within this of the plan is "on time"; a section over by more is "over"."""
MIN_ELAPSED: Final = 120.0
"""Seconds of talk before the pace is judged at all."""
NEAR_END_FRACTION: Final = 0.1
"""Time left is ``near`` in this last part of the planned length..."""
NEAR_END_MIN: Final = 60.0
"""...and in the last minute at least."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """The pace on one slide.

    Attributes:
        status: ``on time``, ``behind``, ``ahead``, or ``early`` (too soon to say).
        delta: Seconds outside the slide's planned span: positive behind (past its end),
            negative ahead (before its start), 0 inside it.
        label: ``"on time"``, ``"2 min behind"``, ``"1 min ahead"``; ``""`` while early.
    """

    status: PaceStatus
    delta: float
    label: str


def has_plan(deck: Deck) -> bool:
    """Whether any section has a planned duration (what slide-level pacing is measured by)."""
    return any(section.duration is not None and not section.backup for section in deck.sections)


def plan_spans(deck: Deck) -> tuple[list[float], list[float]]:
    """When the plan starts and ends every slide of *deck*, in seconds from the talk's start.

    A section starts when the planned sections before it end; sections without a plan take no
    time, and nor do the backup sections. Inside a planned section each slide gets its own
    ``duration`` when it has one, and the section's plan left over after those is split evenly
    among the slides without one (the parts of a slide split over several share its time; a
    hidden slide gets none).
    Times never pass the section's end, so they never decrease. One pass: O(slides).

    Returns:
        The starts and the ends, one of each per slide in ``deck.refs`` order.
    """
    starts: list[float] = []
    ends: list[float] = []
    section_start = 0.0
    for section in deck.sections:
        plan = None if section.backup else section.duration
        if plan is None:
            starts.extend(section_start for _ in section.slides)
            ends.extend(section_start for _ in section.slides)
            continue
        # The parts of a slide split over several (desktop.core.paging) share its time: a
        # duration is already split among them; the share of a slide without one is here.
        # A hidden slide is not presented: it takes none.
        timed = [s for s in section.slides if not s.hidden]
        fixed = [s.duration for s in timed if s.duration is not None]
        unfixed = sum(1 / s.parts for s in timed if s.duration is None)
        share = max(plan - sum(fixed), 0) / unfixed if unfixed else 0.0
        within = 0.0
        for slide in section.slides:
            starts.append(section_start + min(within, plan))
            if not slide.hidden:
                within += slide.duration if slide.duration is not None else share / slide.parts
            ends.append(section_start + min(within, plan))
        section_start += plan
    return starts, ends


def plan_offsets(deck: Deck) -> list[float]:
    """The planned start time of every slide in *deck* (see :func:`plan_spans`)."""
    return plan_spans(deck)[0]


def pace_status(delta: float) -> PaceStatus:
    """``behind`` or ``ahead`` when *delta* is more than :data:`THRESHOLD` seconds off."""
    if delta > THRESHOLD:
        return "behind"
    if delta < -THRESHOLD:
        return "ahead"
    return "on time"


def pace_label(delta: float) -> str:
    """``"on time"``, or whole minutes behind/ahead (rounded half up, at least 1), in the
    interface language (``准时``, ``落后 2 分钟``)."""
    status = pace_status(delta)
    if status == "on time":
        return _("on time")
    minutes = max(1, math.floor(abs(delta) / 60 + 0.5))
    if status == "behind":
        return plural(minutes, "{n} min behind", "{n} min behind")
    return plural(minutes, "{n} min ahead", "{n} min ahead")


def judge(elapsed: float, start: float, end: float) -> Verdict:
    """The pace of a talk *elapsed* seconds in, on a slide planned from *start* to *end*."""
    if elapsed < start:
        delta = elapsed - start
    elif elapsed > end:
        delta = elapsed - end
    else:
        delta = 0.0
    if elapsed < MIN_ELAPSED:
        return Verdict("early", delta, "")
    return Verdict(pace_status(delta), delta, pace_label(delta))


def time_left(elapsed: float, planned_total: int) -> int:
    """Whole seconds left of *planned_total*: the plan minus the elapsed clock's whole seconds.

    ``format_clock(elapsed)`` and ``format_clock(time_left(...))`` always add up to the plan
    (a count-down rounds up what a count-up truncates); negative once the plan is used up.
    """
    return planned_total - math.floor(elapsed)


def left_urgency(left: int, planned_total: int) -> Urgency:
    """``over`` past the plan, ``near`` in its last tenth (at least the last minute)."""
    if left < 0:
        return "over"
    if left <= max(NEAR_END_MIN, NEAR_END_FRACTION * planned_total):
        return "near"
    return "calm"
