"""Rehearsal files: saved under the app's data folder, loaded back, bad files ignored loudly."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from desktop.core.model import Deck
from desktop.core.rehearsal import (
    Rehearsal,
    breakdown,
    deck_key,
    load_rehearsal,
    rehearsal_path,
    save_rehearsal,
)
from desktop.core.timing import PaceTracker
from tests.conftest import MINIMAL_DECK, DeckFactory, FakeClock, load

LOGGER = "desktop.core.rehearsal"
WHEN = dt.datetime(2024, 3, 4, 9, 30, tzinfo=dt.UTC)

SECOND_SECTION = """\
id: second
title: Second *section*
duration: 1m
slides:
  - id: closing
    title: Closing
    bullets: [three]
    sources: [src]
"""


@pytest.fixture
def deck(make_deck: DeckFactory) -> Deck:
    """Two sections: `a` (2 min, two slides) and `second` (1 min, one slide)."""
    return load(make_deck({"b.yaml": SECOND_SECTION}))


def _rehearse(deck: Deck) -> PaceTracker:
    """Slide 0 for 50 s, a 30 s pause, slide 1 for 70 s, slide 2 for 45 s."""
    clock = FakeClock()
    tracker = PaceTracker(deck, clock)
    tracker.on_slide(0)
    tracker.start()
    clock.advance(50)
    tracker.pause()
    clock.advance(30)
    tracker.resume()
    tracker.on_slide(1)
    clock.advance(70)
    tracker.on_slide(2)
    clock.advance(45)
    return tracker


def test_save_then_load_round_trips(deck: Deck) -> None:
    path = save_rehearsal(deck, _rehearse(deck), recorded_at=WHEN)
    assert path == rehearsal_path(deck)
    ids = [ref.slide.id for ref in deck.refs]
    assert load_rehearsal(deck) == Rehearsal(
        deck_key=deck_key(deck),
        recorded_at="2024-03-04T09:30:00+00:00",
        slide_seconds={ids[0]: 50.0, ids[1]: 70.0, "closing": 45.0},
        section_seconds={deck.sections[0].id: 120.0, "second": 45.0},
        total=165.0,
    )


def test_saving_again_replaces_the_last_rehearsal(deck: Deck) -> None:
    save_rehearsal(deck, _rehearse(deck), recorded_at=WHEN)
    tracker = PaceTracker(deck, FakeClock())
    save_rehearsal(deck, tracker, recorded_at=WHEN + dt.timedelta(hours=1))
    loaded = load_rehearsal(deck)
    assert loaded is not None
    assert loaded.total == 0.0
    assert loaded.recorded_at == "2024-03-04T10:30:00+00:00"
    assert sorted(p.name for p in rehearsal_path(deck).parent.glob(f"*{deck_key(deck)}*")) == [
        f"{deck_key(deck)}.json"
    ], "no temporary files left behind"


def test_recorded_at_defaults_to_now_in_utc(deck: Deck) -> None:
    before = dt.datetime.now(dt.UTC)
    save_rehearsal(deck, _rehearse(deck))
    loaded = load_rehearsal(deck)
    assert loaded is not None
    recorded = dt.datetime.fromisoformat(loaded.recorded_at)
    assert recorded.utcoffset() == dt.timedelta(0)
    assert before <= recorded <= dt.datetime.now(dt.UTC)


def test_the_file_lands_in_the_app_data_folder_not_the_deck(deck: Deck, app_home: Path) -> None:
    deck_files = sorted(deck.root.rglob("*"))
    path = save_rehearsal(deck, _rehearse(deck), recorded_at=WHEN).resolve()
    assert path.is_file()
    assert path.is_relative_to(app_home.resolve())
    assert path.parent.name == "rehearsals"
    assert not path.is_relative_to(deck.root.resolve())
    assert sorted(deck.root.rglob("*")) == deck_files, "the deck folder was changed"


def test_a_missing_rehearsal_is_none_without_a_warning(
    deck: Deck, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger=LOGGER)
    assert not rehearsal_path(deck).exists()
    assert load_rehearsal(deck) is None
    assert caplog.records == []


def _valid_payload(deck: Deck) -> dict[str, object]:
    return {
        "version": 1,
        "deck_key": deck_key(deck),
        "recorded_at": WHEN.isoformat(),
        "total": 10.0,
        "section_seconds": {"second": 10.0},
        "slide_seconds": {"closing": 10},
    }


def test_a_hand_written_valid_file_loads(deck: Deck) -> None:
    path = rehearsal_path(deck)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_valid_payload(deck)), encoding="utf-8")
    loaded = load_rehearsal(deck)
    assert loaded is not None
    assert loaded.slide_seconds == {"closing": 10.0}
    assert isinstance(loaded.slide_seconds["closing"], float)


BAD_FILES: dict[str, str | bytes | dict[str, object]] = {
    "truncated-json": '{"version": 1, "total": ',
    "not-utf8": b"\xff\xfe\x00garbage",
    "empty": "",
    "a-list": "[]",
    "unknown-version": {"version": 99},
    "no-key": {"deck_key": None},
    "bad-time": {"recorded_at": "yesterday"},
    "negative": {"total": -1},
    "boolean": {"total": True},
    "nan": {"total": float("nan")},
    "huge-int": {"total": 10**400},
    "string-seconds": {"slide_seconds": {"closing": "10"}},
    "seconds-not-an-object": {"section_seconds": [10]},
    "other-deck": {"deck_key": "0123456789abcdef"},
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_none_and_a_warning(
    deck: Deck, content: str | bytes | dict[str, object], caplog: pytest.LogCaptureFixture
) -> None:
    path = rehearsal_path(deck)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps({**_valid_payload(deck), **content}), encoding="utf-8")
    caplog.set_level(logging.WARNING, logger=LOGGER)
    assert load_rehearsal(deck) is None
    warnings = [r for r in caplog.records if r.name == LOGGER]
    assert len(warnings) == 1
    assert warnings[0].levelno == logging.WARNING
    assert str(path) in warnings[0].getMessage()


def test_deck_key_is_stable_and_short(deck: Deck) -> None:
    key = deck_key(deck)
    assert len(key) == 16
    assert int(key, 16) >= 0
    assert deck_key(load(deck.root)) == key, "loading the same deck again gives the same key"


def test_deck_key_depends_on_folder_and_title(make_deck: DeckFactory) -> None:
    first = load(make_deck(name="one"))
    second = load(make_deck(name="two"))
    retitled = load(
        make_deck({"deck.yaml": MINIMAL_DECK.replace("Test deck", "Another title")}, name="three")
    )
    keys = {deck_key(first), deck_key(second), deck_key(retitled)}
    assert len(keys) == 3
    assert rehearsal_path(first) != rehearsal_path(second)


def test_a_tracker_for_another_deck_is_refused(deck: Deck, make_deck: DeckFactory) -> None:
    other = load(make_deck(name="other"))
    with pytest.raises(ValueError, match="different deck"):
        save_rehearsal(deck, PaceTracker(other, FakeClock()))
    assert not rehearsal_path(deck).exists()


def test_breakdown_lists_every_section(deck: Deck) -> None:
    save_rehearsal(deck, _rehearse(deck), recorded_at=WHEN)
    loaded = load_rehearsal(deck)
    assert loaded is not None
    assert breakdown(deck, loaded) == [("First section", 120, 120.0), ("Second section", 60, 45.0)]


def test_breakdown_shows_zero_for_sections_added_since(deck: Deck) -> None:
    rehearsal = Rehearsal(
        deck_key=deck_key(deck),
        recorded_at=WHEN.isoformat(),
        slide_seconds={},
        section_seconds={"second": 30.0, "removed": 99.0},
        total=129.0,
    )
    assert breakdown(deck, rehearsal) == [("First section", 120, 0.0), ("Second section", 60, 30.0)]
