"""Builds, hidden and backup slides: the Qt-free rules (desktop.core.builds, .talk, navigation)."""

from __future__ import annotations

import pytest

from desktop.core.builds import BuildItem, Shown, build_items, item_state, step_count, step_label
from desktop.core.languages import DisplayLanguage, localize
from desktop.core.layouts import Build
from desktop.core.model import Deck
from desktop.core.navigation import Navigator
from desktop.core.pacing import plan_spans
from desktop.core.problems import Severity
from tests.conftest import FilesLoader, section_yaml

BUILT = (
    "{id: a1, layout: title}",
    "{id: a2, title: Points, build: true, sources: [src],"
    " bullets: [one, {text: two, bullets: [two-a, two-b]}, three]}",
    "{id: a3, title: Hidden, hidden: true, bullets: [x], sources: [src]}",
    "{id: a4, title: Cards, build: dim, sources: [src], layout: figures,"
    " figures: [{value: '1', label: one}, {value: '2', label: two}]}",
    "{id: a5, layout: two-column, build: true, sources: [src], left: [l1, l2], right: [r1]}",
)


@pytest.fixture
def deck(load_files: FilesLoader) -> Deck:
    """Five slides (a build of three, a hidden one, a dimmed build of two, a build of three)
    and a backup section of two listed first: it still comes after the talk."""
    return load_files(
        {
            "deck.yaml": "title: T\nsources: [{id: src, title: S}]\nsections: [z.yaml, a.yaml]\n",
            "z.yaml": "title: Backup\nbackup: true\nduration: 5m\nslides:\n"
            "  - {id: z1, title: Spare, bullets: [s], sources: [src]}\n"
            "  - {id: z2, title: Spare 2, bullets: [s], sources: [src]}\n",
            "a.yaml": section_yaml("Talk", *BUILT, duration="4m"),
        }
    )


def test_a_build_reveals_top_level_items_in_the_layouts_order(deck: Deck) -> None:
    points, cards, columns = (deck.refs[i].slide for i in (1, 3, 4))
    assert points.build is Build.REVEAL and cards.build is Build.DIM
    assert build_items(points) == (
        BuildItem("bullets", 0),
        BuildItem("bullets", 1),
        BuildItem("bullets", 2),
    )
    assert [step_count(s) for s in (points, cards, columns)] == [3, 2, 3]
    assert build_items(columns)[2] == BuildItem("right", 0)  # left first, then right
    assert step_count(deck.refs[0].slide) == 1  # no build


def test_items_to_come_are_hidden_or_dimmed_and_the_last_step_is_complete(deck: Deck) -> None:
    points, cards = deck.refs[1].slide, deck.refs[3].slide
    assert [item_state(points, "bullets", i, 0) for i in range(3)] == [
        Shown.SHOWN,
        Shown.HIDDEN,
        Shown.HIDDEN,
    ]
    assert item_state(points, "bullets", 2, 2) is Shown.SHOWN
    assert item_state(points, "bullets", 2, None) is Shown.SHOWN
    assert item_state(cards, "figures", 1, 0) is Shown.DIMMED
    assert step_label(1, points) == "step 2 / 3"
    assert step_label(0, deck.refs[0].slide) == ""


def test_build_on_a_layout_without_items_is_a_located_warning(make_deck: object) -> None:
    from desktop.core.loader import load_deck

    folder = make_deck(  # type: ignore[operator]
        {
            "a.yaml": section_yaml(
                "A",
                "{layout: quote, build: true, quote: {text: q}, sources: [src]}",
                "{build: maybe, bullets: [x], sources: [src]}",
            )
        }
    )
    problems = load_deck(folder).problems
    texts = [(p.location.line, p.severity, p.message) for p in problems]
    assert texts[0][:2] == (3, Severity.WARNING) and "does nothing on layout `quote`" in texts[0][2]
    assert texts[1][:2] == (4, Severity.ERROR)
    assert "must be `true`, `false` or `dim`" in texts[1][2]


def test_localize_keeps_the_new_fields(deck: Deck) -> None:
    shown = localize(deck, DisplayLanguage.parse("en", deck.languages))
    assert [r.slide.build for r in shown.refs] == [r.slide.build for r in deck.refs]
    assert [r.slide.hidden for r in shown.refs] == [r.slide.hidden for r in deck.refs]
    assert [s.backup for s in shown.sections] == [s.backup for s in deck.sections]


def test_backup_comes_last_and_counts_on_its_own(deck: Deck) -> None:
    talk = deck.talk
    assert [r.slide.id for r in deck.refs][-2:] == ["z1", "z2"]
    assert (talk.end, talk.count, talk.backup_count) == (5, 4, 2)
    assert [talk.label(i) for i in range(7)] == [
        "1 / 4",
        "2 / 4",
        "hidden",
        "3 / 4",
        "4 / 4",
        "B1 / 2",
        "B2 / 2",
    ]
    assert talk.last() == 4
    assert talk.exported(range(7)) == [0, 1, 3, 4, 5, 6]
    assert talk.exported(range(7), include_hidden=True, backup=False) == [0, 1, 2, 3, 4]


def test_the_plan_and_the_agenda_stop_before_the_backup(deck: Deck) -> None:
    assert deck.planned_seconds() == 240  # the backup's 5m is not the talk's
    starts, ends = plan_spans(deck)
    assert ends[4] == 240 and starts[5] == ends[6] == 240  # the backup takes no planned time
    assert ends[2] == starts[2]  # a hidden slide has no share of the plan
    assert ends[1] - starts[1] == 60  # the talk's 4m over its four presented slides


def presenting(deck: Deck, start: int = 0, enter_complete: bool = True) -> Navigator:
    return Navigator(deck.slide_count, start, deck.talk.route(enter_complete))


def test_next_goes_step_by_step_past_hidden_slides_and_stops_at_the_talks_end(
    deck: Deck,
) -> None:
    nav = presenting(deck)
    seen = [(nav.current, nav.step)]
    while nav.next():
        seen.append((nav.current, nav.step))
    assert seen == [(0, 0), (1, 0), (1, 1), (1, 2), (3, 0), (3, 1), (4, 0), (4, 1), (4, 2)]
    assert nav.at_end and nav.next_view() is None


def test_previous_hides_the_last_item_and_enters_a_slide_complete(deck: Deck) -> None:
    nav = presenting(deck, 3)
    assert nav.step == 1  # made on a slide: complete
    assert nav.previous() and (nav.current, nav.step) == (3, 0)
    assert nav.previous() and (nav.current, nav.step) == (1, 2)  # past the hidden, complete
    nav = presenting(deck, 3, enter_complete=False)
    nav.previous()
    assert nav.previous() and (nav.current, nav.step) == (1, 0)  # the setting: its first step


def test_go_to_shows_complete_and_the_backup_is_reached_by_jumps_only(deck: Deck) -> None:
    nav = presenting(deck)
    assert nav.go_to(1) and nav.step == 2
    assert nav.go_to(2) and (nav.current, nav.step) == (2, 0)  # a hidden slide, by go-to
    nav.go_to(5)
    assert nav.next() and nav.current == 6
    assert not nav.next()  # the backup's end
    assert nav.previous() and not nav.previous()  # and its start: not back into the talk
    assert nav.back() and nav.step == nav.last_step


def test_main_window_navigation_goes_through_every_slide(deck: Deck) -> None:
    nav = Navigator(deck.slide_count)
    seen = [nav.current]
    while nav.next():
        seen.append(nav.current)
    assert seen == list(range(7))


def test_a_reload_keeps_the_step_as_far_as_the_slide_has_it(deck: Deck) -> None:
    nav = presenting(deck)
    nav.next()
    nav.next()
    assert (nav.current, nav.step) == (1, 1)
    nav.resize(deck.slide_count, 1, deck.talk.route())
    assert (nav.current, nav.step) == (1, 1)
    fewer = Navigator(deck.slide_count, 1, deck.talk.route(), step=2)
    fewer.resize(deck.slide_count, 1, Navigator(deck.slide_count).route)  # no builds now
    assert fewer.step == 0


def test_check_warns_of_a_source_cited_only_on_hidden_slides(make_deck: object) -> None:
    from desktop.core.loader import load_deck

    folder = make_deck(  # type: ignore[operator]
        {
            "deck.yaml": "title: T\nsources: [{id: src, title: S}, {id: rare, title: R}]\n",
            "a.yaml": section_yaml(
                "A",
                "{bullets: [x], sources: [src]}",
                "{hidden: true, bullets: [y], sources: [src, rare]}",
                "{hidden: true, bullets: [z], sources: [rare]}",
            ),
        }
    )
    warnings = [p for p in load_deck(folder).problems if p.severity is Severity.WARNING]
    assert len(warnings) == 1
    assert (warnings[0].location.line, warnings[0].field) == (4, "slides[1].sources[1]")
    assert "`rare` is cited only on hidden slides" in warnings[0].message
