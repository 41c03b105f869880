"""Live reload never goes stale: the window and the presenter end up showing what is on disk.

Each scenario runs twice, with the main window and with the presenter (a talk started from
that window), on a :class:`~desktop.ui.session.DeckSession` with a short debounce and *no*
periodic check, so only the watcher brings the change in: a section file in a subfolder
deleted and recreated, an image deleted and recreated, the deck folder deleted and restored or
renamed away and back, a save written in two steps. After each, an edit in place must show
too (a watcher that lost the recreated file would miss it). The viewer stays on its slide by
id; a slide that went is replaced by the nearest that survived.

The backstop (lost events), a load that read a file mid-change, a load that a newer request
superseded, and a window that keeps answering during a slow load are tested on their own.
"""

from __future__ import annotations

import functools
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pytest
from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.follow import follow, follow_map
from desktop.core.loader import LoadResult, load_deck
from desktop.core.model import Deck
from desktop.core.watch import (
    Loader,
    changed_during,
    signatures,
    watch_paths,
    watch_targets,
)
from desktop.render.renderer import SlideRenderer
from desktop.ui.main_window import MainWindow
from desktop.ui.presenter import attach_presenter
from desktop.ui.presenter.controller import PresenterController
from desktop.ui.session import DeckChange, DeckSession
from desktop.ui.settings import Settings
from tests.conftest import DeckFactory, FilesLoader, section_yaml

pytestmark = pytest.mark.reliability("Live reload")

DEBOUNCE_MS: Final = 60
WAIT_MS: Final = 15_000
"""Generous: a loaded two-core machine may take seconds where an idle one takes 100 ms."""

DECK: Final = "title: Live\nsections: [parts/a.yaml, b.yaml]\n"
SECTION_A: Final = """\
title: A
slides:
  - {id: a1, title: A one, bullets: [x]}
  - {id: a2, title: A two, bullets: [x]}
  - {id: a3, title: A three, bullets: [x]}
  - {id: a4, title: A four, bullets: [x]}
"""
SECTION_B_HEAD: Final = """\
title: B
slides:
  - {id: b1, title: B one, bullets: [x]}
"""
SECTION_B_TAIL: Final = """\
  - {id: b2, layout: image, title: Picture, image: {path: images/p.png}}
  - {id: b3, title: B three, bullets: [x]}
"""
RED: Final = QColor(220, 20, 20)
BLUE: Final = QColor(20, 40, 220)
GREEN: Final = QColor(20, 200, 40)


def write_png(path: Path, colour: QColor) -> None:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(colour)
    path.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(path))


def share_of(image: QImage, colour: QColor) -> float:
    """The share of *image*'s pixels (sampled) close to *colour*."""
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            pixel = image.pixelColor(x, y)
            total += 1
            close = (
                abs(pixel.red() - colour.red())
                + abs(pixel.green() - colour.green())
                + abs(pixel.blue() - colour.blue())
            )
            hits += close < 60
    return hits / total


@pytest.fixture
def live_deck(make_deck: DeckFactory) -> Path:
    """Two sections (the first in a subfolder), a picture on b2."""
    folder = make_deck(
        {
            "deck.yaml": DECK,
            "a.yaml": None,
            "parts/a.yaml": SECTION_A,
            "b.yaml": SECTION_B_HEAD + SECTION_B_TAIL,
        }
    )
    write_png(folder / "images" / "p.png", RED)
    return folder


@dataclass
class Viewer:
    """The main window, or the presenter started from it: what either shows."""

    window: MainWindow
    controller: PresenterController | None = None

    @property
    def session(self) -> DeckSession:
        return self.window.session

    @property
    def deck(self) -> Deck | None:
        return self.controller.deck if self.controller is not None else self.window.deck

    @property
    def renderer(self) -> SlideRenderer | None:
        return self.controller.renderer if self.controller is not None else self.window.renderer

    def index(self) -> int:
        if self.controller is not None:
            return self.controller.state.nav.current
        return self.window.current_index()

    def slide_id(self) -> str:
        deck = self.deck
        assert deck is not None
        return deck.refs[self.index()].slide.id

    def go_to(self, slide_id: str) -> None:
        deck = self.deck
        assert deck is not None
        index = deck.index_of(slide_id)
        assert index is not None
        if self.controller is not None:
            self.controller.jump(index)
        else:
            self.window.go_to(index)
        assert self.slide_id() == slide_id

    def shows(self, slide_id: str, title: str | None = None) -> bool:
        """On slide *slide_id* of a good deck (with *title*, if given), the problems gone."""
        deck, result = self.deck, self.session.result
        if deck is None or result is None or result.deck is not deck:
            return False
        ref = deck.refs[self.index()]
        return ref.slide.id == slide_id and (title is None or ref.slide.title == title)

    def replaced(self, old: Deck | None, slide_id: str) -> bool:
        """A new deck (not *old*) shows, on slide *slide_id*."""
        return self.deck is not old and self.shows(slide_id)

    def failed(self) -> bool:
        """The latest load failed; the last good deck is still shown."""
        result = self.session.result
        return result is not None and result.deck is None and self.deck is not None

    def picture(self) -> QImage:
        renderer = self.renderer
        assert renderer is not None
        return renderer.image(self.index(), QSize(480, 270))


OpenViewer = Callable[..., Viewer]


@pytest.fixture(params=["window", "presenter"])
def open_viewer(
    request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path
) -> Iterator[OpenViewer]:
    """Open a deck in the main window (and, for "presenter", start a talk) on a slide."""
    controllers: list[PresenterController] = []

    def factory(folder: Path, slide_id: str, poll_ms: int = 0) -> Viewer:
        session = DeckSession(debounce_ms=DEBOUNCE_MS, poll_ms=poll_ms)
        window = MainWindow(Settings(tmp_path / "settings.ini"), session)
        qtbot.addWidget(window)
        assert window.open_deck(folder)
        window.show()
        viewer = Viewer(window)
        if request.param == "presenter":
            launcher = attach_presenter(window, clock=lambda: 1000.0)
            controller = launcher.present(0)
            assert controller is not None
            controllers.append(controller)
            viewer.controller = controller
        viewer.go_to(slide_id)
        return viewer

    yield factory
    for controller in controllers:
        controller.end()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# -- the scenarios ---------------------------------------------------------------------------


def test_section_file_in_a_subfolder_deleted_and_recreated(
    qtbot: QtBot, open_viewer: OpenViewer, live_deck: Path
) -> None:
    viewer = open_viewer(live_deck, "a3")
    section = live_deck / "parts" / "a.yaml"
    for round_ in range(2):  # the second round fails if the first left a stale watch
        section.unlink()
        qtbot.waitUntil(viewer.failed, timeout=WAIT_MS)
        assert viewer.slide_id() == "a3"  # the last good deck stays
        edited = SECTION_A.replace("A three", f"A three {round_}")
        section.write_text(
            edited.replace("slides:\n", "slides:\n  - {id: a0, title: New, bullets: [x]}\n")
        )
        qtbot.waitUntil(functools.partial(viewer.shows, "a3", f"A three {round_}"), timeout=WAIT_MS)
    # An edit in place: the recreated file is watched.
    section.write_text(SECTION_A.replace("A three", "A three in place"))
    qtbot.waitUntil(lambda: viewer.shows("a3", "A three in place"), timeout=WAIT_MS)
    assert viewer.index() == 2


def test_image_deleted_and_recreated(
    qtbot: QtBot, open_viewer: OpenViewer, live_deck: Path
) -> None:
    viewer = open_viewer(live_deck, "b2")
    image = live_deck / "images" / "p.png"
    assert share_of(viewer.picture(), RED) > 0.05
    image.unlink()
    qtbot.waitUntil(viewer.failed, timeout=WAIT_MS)
    write_png(image, BLUE)
    qtbot.waitUntil(lambda: viewer.shows("b2"), timeout=WAIT_MS)
    assert share_of(viewer.picture(), BLUE) > 0.05
    assert share_of(viewer.picture(), RED) == 0
    write_png(image, GREEN)  # in place: the recreated image is watched
    qtbot.waitUntil(lambda: share_of(viewer.picture(), GREEN) > 0.05, timeout=WAIT_MS)
    assert viewer.slide_id() == "b2"


def test_deck_folder_deleted_and_restored(
    qtbot: QtBot, open_viewer: OpenViewer, live_deck: Path, tmp_path: Path
) -> None:
    viewer = open_viewer(live_deck, "b3")
    backup = tmp_path / "backup"
    shutil.copytree(live_deck, backup)
    good = viewer.deck
    shutil.rmtree(live_deck)
    qtbot.waitUntil(viewer.failed, timeout=WAIT_MS)
    assert viewer.deck is good and viewer.slide_id() == "b3"
    banner = viewer.window.banner.text()
    assert str(live_deck) in banner  # the message names the folder
    assert ".:0" not in banner and "showing the last version that loaded" in banner
    if viewer.controller is not None:
        assert "still presenting the last good one" in viewer.controller.console.message.text()
    (backup / "b.yaml").write_text((backup / "b.yaml").read_text().replace("B three", "B 3"))
    shutil.copytree(backup, live_deck)
    qtbot.waitUntil(lambda: viewer.shows("b3", "B 3"), timeout=WAIT_MS)
    assert viewer.deck is not good
    assert not viewer.window.banner.text().strip()
    (live_deck / "b.yaml").write_text(SECTION_B_HEAD + SECTION_B_TAIL.replace("B three", "B 3!"))
    qtbot.waitUntil(lambda: viewer.shows("b3", "B 3!"), timeout=WAIT_MS)


def test_deck_folder_renamed_away_and_back(
    qtbot: QtBot, open_viewer: OpenViewer, live_deck: Path, tmp_path: Path
) -> None:
    viewer = open_viewer(live_deck, "a2")
    good = viewer.deck
    away = tmp_path / "away"
    for _ in range(2):
        live_deck.rename(away)
        qtbot.waitUntil(viewer.failed, timeout=WAIT_MS)
        assert viewer.deck is good and str(live_deck) in viewer.window.banner.text()
        away.rename(live_deck)
        qtbot.waitUntil(functools.partial(viewer.replaced, good, "a2"), timeout=WAIT_MS)
        good = viewer.deck
    (live_deck / "parts" / "a.yaml").write_text(SECTION_A.replace("A two", "A 2"))
    qtbot.waitUntil(lambda: viewer.shows("a2", "A 2"), timeout=WAIT_MS)


def test_a_save_in_two_writes(qtbot: QtBot, open_viewer: OpenViewer, live_deck: Path) -> None:
    """The editor writes a valid prefix (only b1), pauses, then writes the rest: once with a
    pause shorter than the debounce, once with a longer one."""
    viewer = open_viewer(live_deck, "b3")
    section = live_deck / "b.yaml"
    for pause in ("shorter", "longer"):
        with section.open("w", encoding="utf-8") as file:
            file.write(SECTION_B_HEAD)
            file.flush()
            if pause == "shorter":
                qtbot.wait(DEBOUNCE_MS // 4)
            else:  # the prefix loads: b3 is gone, the nearest surviving slide (b1) is shown
                qtbot.waitUntil(lambda: viewer.shows("b1"), timeout=WAIT_MS)
                deck = viewer.deck
                assert deck is not None and deck.slide_count == 5
            file.write(SECTION_B_TAIL.replace("B three", f"B three {pause}"))
        # The whole file shows, and the viewer is back on b3: it never moved away by itself.
        qtbot.waitUntil(functools.partial(viewer.shows, "b3", f"B three {pause}"), timeout=WAIT_MS)


def test_the_viewer_follows_its_slide_by_id_else_the_nearest(
    qtbot: QtBot, open_viewer: OpenViewer, live_deck: Path
) -> None:
    viewer = open_viewer(live_deck, "a3")
    section = live_deck / "parts" / "a.yaml"
    section.write_text(
        SECTION_A.replace("slides:\n", "slides:\n  - {id: a0, title: Zero, bullets: [x]}\n")
    )
    qtbot.waitUntil(lambda: viewer.shows("a3") and viewer.index() == 3, timeout=WAIT_MS)
    # The slide shown is deleted: the next one takes its place (not "slide 4" again).
    section.write_text(SECTION_A.replace("  - {id: a3, title: A three, bullets: [x]}\n", ""))
    qtbot.waitUntil(lambda: viewer.shows("a4"), timeout=WAIT_MS)
    # The last slide of a section is deleted with its neighbour: the next that survived.
    viewer.go_to("a4")
    kept = SECTION_A.split("  - {id: a3")[0]
    section.write_text(kept)
    qtbot.waitUntil(lambda: viewer.shows("b1"), timeout=WAIT_MS)


# -- the mechanisms, one by one ---------------------------------------------------------------


def test_lost_events_are_caught_by_the_periodic_check(
    qtbot: QtBot, open_viewer: OpenViewer, live_deck: Path
) -> None:
    viewer = open_viewer(live_deck, "a2", poll_ms=100)
    viewer.session.watcher.blockSignals(True)  # inotify dropped every event
    (live_deck / "parts" / "a.yaml").write_text(SECTION_A.replace("A two", "A 2"))
    qtbot.waitUntil(lambda: viewer.shows("a2", "A 2"), timeout=WAIT_MS)
    shutil.rmtree(live_deck / "parts")
    qtbot.waitUntil(viewer.failed, timeout=WAIT_MS)


class SlowLoader:
    """:func:`load_deck`, held after reading the deck while :attr:`hold` is set."""

    def __init__(self, then: Callable[[int], None] | None = None) -> None:
        self.hold = threading.Event()
        self.release = threading.Event()
        self.calls = 0
        self.then = then

    def __call__(self, path: Path) -> LoadResult:
        self.calls += 1
        result = load_deck(path)
        if self.then is not None:
            self.then(self.calls)
        if self.hold.is_set():
            self.hold.clear()
            assert self.release.wait(timeout=30), "the test never released the load"
        return result


def _session_window(
    qtbot: QtBot, tmp_path: Path, folder: Path, loader: Loader
) -> tuple[MainWindow, DeckSession]:
    session = DeckSession(loader=loader, debounce_ms=DEBOUNCE_MS, poll_ms=0)
    window = MainWindow(Settings(tmp_path / "settings.ini"), session)
    qtbot.addWidget(window)
    assert window.open_deck(folder)
    window.show()
    session.watcher.blockSignals(True)  # only the loads the test asks for
    if isinstance(loader, SlowLoader):
        loader.calls = 0  # count from here: the opening load is done
    return window, session


def test_the_window_answers_while_a_slow_load_runs(
    qtbot: QtBot, tmp_path: Path, live_deck: Path
) -> None:
    loader = SlowLoader()
    window, session = _session_window(qtbot, tmp_path, live_deck, loader)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    (live_deck / "parts" / "a.yaml").write_text(SECTION_A.replace("A one", "A 1"))
    loader.hold.set()
    window.reload()
    try:
        qtbot.waitUntil(lambda: window.state_label.text() == "Loading…", timeout=WAIT_MS)
        before = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= before + 10, timeout=WAIT_MS)  # events flow
        qtbot.keyClick(window.view, Qt.Key.Key_Right)  # and keys still move the slide
        assert window.current_index() == 1
        assert session.loading and window.deck is not None
        assert window.deck.refs[0].slide.title == "A one"  # not applied yet
    finally:
        loader.release.set()
        timer.stop()
    qtbot.waitUntil(lambda: not session.loading and window.state_label.text() != "Loading…")
    deck = session.deck
    assert deck is not None and deck.refs[0].slide.title == "A 1"
    assert window.current_index() == 1


def test_a_superseded_load_is_dropped(qtbot: QtBot, tmp_path: Path, live_deck: Path) -> None:
    loader = SlowLoader()
    window, session = _session_window(qtbot, tmp_path, live_deck, loader)
    changes: list[DeckChange] = []
    session.deck_changed.connect(changes.append)
    section = live_deck / "parts" / "a.yaml"
    section.write_text(SECTION_A.replace("A one", "Old"))
    loader.hold.set()
    window.reload()  # reads "Old", then waits
    qtbot.waitUntil(lambda: loader.calls == 1 and not loader.hold.is_set(), timeout=WAIT_MS)
    section.write_text(SECTION_A.replace("A one", "New"))
    window.reload()  # supersedes the first: it starts when the first ends
    loader.release.set()
    qtbot.waitUntil(lambda: loader.calls == 2 and not session.loading, timeout=WAIT_MS)
    assert [change.deck.refs[0].slide.title for change in changes] == ["New"]
    assert window.deck is changes[0].deck


def test_a_file_changed_while_it_loaded_is_loaded_again(
    qtbot: QtBot, tmp_path: Path, live_deck: Path
) -> None:
    section = live_deck / "b.yaml"

    def save_midway(call: int) -> None:
        if call == 1:  # the first reload: the editor saves after the loader read the file
            section.write_text(SECTION_B_HEAD + SECTION_B_TAIL.replace("B three", "late"))

    loader = SlowLoader(then=save_midway)
    window, session = _session_window(qtbot, tmp_path, live_deck, loader)
    section.write_text(SECTION_B_HEAD + SECTION_B_TAIL.replace("B three", "early"))
    window.reload()
    qtbot.waitUntil(lambda: loader.calls >= 2 and not session.loading, timeout=WAIT_MS)
    assert window.deck is not None and window.deck.refs[-1].slide.title == "late"


# -- the Qt-free rule: where a viewer goes ------------------------------------------------------


def _deck_of(load_files: FilesLoader, ids: str, name: str) -> Deck:
    slides = (f"{{id: {slide_id}, title: {slide_id}, bullets: [x]}}" for slide_id in ids.split())
    return load_files({"deck.yaml": "title: T\n", "a.yaml": section_yaml("S", *slides)}, name)


def test_follow_by_id_then_the_nearest_survivor(load_files: FilesLoader) -> None:
    old = _deck_of(load_files, "p q r s t", "old")
    new = _deck_of(load_files, "n p s t", "new")  # q and r gone, n inserted
    # p→1; q: next r gone, previous p survives (distance 1) → p; r: next s (1) → s; s, t.
    assert follow_map(old, new) == (1, 1, 2, 2, 3)
    assert follow(old, new, 2) == 2
    assert follow(old, new, 2, wanted="t") == 3  # back to the slide the viewer chose
    assert follow(old, new, 2, wanted="r") == 2  # still gone: the nearest
    none_left = _deck_of(load_files, "x y", "none")
    assert follow_map(old, none_left) == (0, 1, 1, 1, 1)  # nothing survived: clamped


def test_what_is_watched_and_when_a_load_read_a_file_mid_change(live_deck: Path) -> None:
    result = load_deck(live_deck)
    root = result.root
    assert root is not None
    paths = watch_paths(result.files, root)
    # The files, their folders up to the deck folder, and the deck folder's parent.
    for path in (root / "parts" / "a.yaml", root / "parts", root / "images", root, root.parent):
        assert path in paths
    # A missing path is watched through its nearest existing ancestor.
    assert list(watch_targets([root / "gone" / "deeper" / "x.png"])) == [str(root)]
    before = signatures([root / "b.yaml"])
    started = time.time_ns()
    assert not changed_during(before, signatures([root / "b.yaml"]), started)
    (root / "b.yaml").write_text(SECTION_B_HEAD)
    assert changed_during(before, signatures([root / "b.yaml"]), started)
    # A file first seen by this load: changed if written since the load started.
    assert changed_during({}, signatures([root / "b.yaml"]), started)
    assert not changed_during({}, signatures([root / "b.yaml"]), time.time_ns() + 10**9)
