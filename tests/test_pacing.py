"""The plan's spans and the rules that judge a talk against them (no Qt, no window)."""

from __future__ import annotations

import pytest

from desktop.core.layouts import Layout
from desktop.core.pacing import (
    MIN_ELAPSED,
    judge,
    left_urgency,
    plan_spans,
    time_left,
)
from desktop.core.timing import format_clock
from tests.conftest import FilesLoader
from tests.test_timing import build_deck


def seconds_of(text: str) -> int:
    """``"−1:02:03"`` → -3723."""
    sign = -1 if text.startswith("\u2212") else 1
    total = 0
    for part in text.lstrip("\u2212").split(":"):
        total = total * 60 + int(part)
    return sign * total


def test_spans_end_where_the_next_slide_starts() -> None:
    deck = build_deck((300, [240, None, None]), (None, [None]), (60, [None, None]))
    starts, ends = plan_spans(deck)
    assert starts == [0.0, 240.0, 270.0, 300.0, 300.0, 330.0]
    assert ends == [240.0, 270.0, 300.0, 300.0, 330.0, 360.0]


@pytest.mark.parametrize("planned", [60, 1200, 3725])
def test_elapsed_and_left_always_add_up_to_the_plan(planned: int) -> None:
    for tenths in range(0, (planned + 90) * 10, 7):
        elapsed = tenths / 10
        shown_elapsed = seconds_of(format_clock(elapsed))
        shown_left = seconds_of(format_clock(time_left(elapsed, planned)))
        assert shown_elapsed + shown_left == planned, (elapsed, shown_elapsed, shown_left)


def test_half_a_second_in_the_clocks_read_the_whole_plan() -> None:
    assert (format_clock(0.5), format_clock(time_left(0.5, 1200))) == ("0:00", "20:00")
    assert format_clock(time_left(1200.5, 1200)) == "0:00"
    assert format_clock(time_left(1201.0, 1200)) == "\u22120:01"


@pytest.mark.parametrize(
    ("left", "planned", "urgency"),
    [
        (121, 1200, "calm"),
        (120, 1200, "near"),  # the last tenth of a 20-minute talk
        (61, 300, "calm"),
        (60, 300, "near"),  # at least the last minute
        (0, 1200, "near"),
        (-1, 1200, "over"),
    ],
)
def test_time_left_warns_near_the_end_and_past_it(left: int, planned: int, urgency: str) -> None:
    assert left_urgency(left, planned) == urgency


def test_no_verdict_one_second_into_the_talk() -> None:
    verdict = judge(1.0, 120.0, 150.0)  # the talk started on a slide planned at 2:00
    assert (verdict.status, verdict.label) == ("early", "")
    assert judge(MIN_ELAPSED, 300.0, 330.0).label == "3 min ahead"


def test_staying_on_a_long_slide_is_on_time() -> None:
    verdict = judge(400.0, 200.0, 500.0)  # a slide planned for five minutes
    assert (verdict.status, verdict.delta) == ("on time", 0.0)
    assert judge(561.0, 200.0, 500.0).label == "1 min behind"


@pytest.mark.parametrize(
    ("agenda_duration", "agenda_time"), [("", 90), ("    duration: 60s\n", 60)]
)
def test_the_parts_of_a_split_slide_share_its_time(
    load_files: FilesLoader, agenda_duration: str, agenda_time: int
) -> None:
    sections = {
        f"s{n:02}.yaml": f"title: Section {n}\nslides:\n  - layout: section\n" for n in range(14)
    }
    sections["s00.yaml"] = (
        "title: Overview\nduration: 3m\nslides:\n  - layout: agenda\n"
        + agenda_duration
        + "  - layout: section\n"
    )
    listed = "".join(f"  - {name}\n" for name in sections)
    deck = load_files({"deck.yaml": f"title: T\nsections:\n{listed}", "a.yaml": None, **sections})
    overview = deck.sections[0].slides
    parts = [slide for slide in overview if slide.layout is Layout.AGENDA]
    assert len(parts) > 1, "fourteen sections split the agenda"
    starts, ends = plan_spans(deck)
    spans = [end - start for start, end in zip(starts, ends, strict=True)][: len(overview)]
    agenda = sum(spans[: len(parts)])
    assert agenda == pytest.approx(agenda_time)  # half of 3m, or its own 60s
    assert sum(spans) == pytest.approx(180)  # the section's plan, counted once
