"""Shared fixtures: every test runs offscreen, with app state in a temporary folder.

What tests share lives here, once: the app's home folder for the run (``app_home``), a deck
folder written from YAML (``make_deck``) and loaded (``load``, ``load_files``), a clock that
moves only when told (``FakeClock``, ``clock``), settings in a temporary INI file
(``settings``), a main window on a deck (``make_window``) and a child Python with Qt's
modules blocked (``run_without_qt``). The presenter's fixtures are in ``tests/ui/conftest.py``,
the network blocker and the reliability report in ``tests/reliability/conftest.py``.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

import pytest

from desktop.core.i18n import set_ui_language
from desktop.core.loader import load_deck
from desktop.core.model import Deck

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

HOME_ENV: Final = "TIANJIN_BRIEFING_HOME"
APP_HOME = pytest.StashKey[Path]()
"""The run's home folder, kept on the config for hooks that run after the fixtures end."""

DeckFactory = Callable[..., Path]
FilesLoader = Callable[..., Deck]
WindowFactory = Callable[..., "MainWindow"]
QtFreeRun = Callable[[str], "subprocess.CompletedProcess[str]"]

MINIMAL_DECK = """\
title: Test deck
duration: 2m
sources:
  - id: src
    title: A source
    publisher: Publisher
    date: 2024-03-04
"""

MINIMAL_SECTION = """\
title: First section
title_zh: 第一节
duration: 2m
slides:
  - layout: section
  - title: Points
    bullets: [one, two]
    sources: [src]
"""

TWO_LANGUAGE_DECK = "title: {en: Deck, zh: 演示}\nlanguages: [en, zh]\n"
"""deck.yaml of a deck in English and Chinese (with :data:`TWO_LANGUAGE_SECTION`)."""
TWO_LANGUAGE_SECTION = """\
title: {en: First, zh: 第一}
slides:
  - title: {en: Points, zh: 要点}
    subtitle: Only English
    bullets: [{en: one, zh: 一}, two]
    notes: {en: Say it., zh: 说。}
  - title: {en: All there, zh: 都有}
    bullets: [{en: one, zh: 一}]
    notes: {en: Said., zh: 说了。}
"""
"""A section whose first slide lacks the Chinese of its subtitle and second bullet."""


@pytest.fixture(autouse=True, scope="session")
def app_home(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Path]:
    """The app's home for the run: settings, data and logs go to a temporary folder.

    Set before the QApplication is made (with the offscreen platform), and inherited by the
    subprocesses tests start, so nothing a test runs touches the user's profile.
    """
    home = tmp_path_factory.mktemp("home")
    request.config.stash[APP_HOME] = home
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QT_QPA_PLATFORM", "offscreen")
        patch.setenv(HOME_ENV, str(home))
        # The interface in English whatever the developer's locale (the tests read its words);
        # tests of another language set it themselves (``ui_language`` in tests/i18n).
        patch.setenv("LANGUAGE", "en")
        set_ui_language("en")
        yield home


@pytest.fixture(autouse=True, scope="session")
def _one_application(app_home: Path, qapp: object) -> object:
    """Create pytest-qt's QApplication first, so no test makes a plain QGuiApplication."""
    return qapp


# -- decks ---------------------------------------------------------------------------------------


@pytest.fixture
def make_deck(tmp_path: Path) -> DeckFactory:
    """Write a deck folder from ``{file name: YAML text}``; returns the folder.

    ``deck.yaml`` and ``a.yaml`` default to a minimal valid deck; pass ``None``
    as a file's text to leave it out.
    """

    def factory(files: dict[str, str | bytes | None] | None = None, name: str = "deck") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        contents: dict[str, str | bytes | None] = {
            "deck.yaml": MINIMAL_DECK,
            "a.yaml": MINIMAL_SECTION,
        }
        contents.update(files or {})
        for file_name, text in contents.items():
            if text is None:
                continue
            path = folder / file_name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return factory


def section_yaml(title: str, *slides: str, duration: str | None = None) -> str:
    """A section file: *title*, its planned *duration*, *slides* as YAML flow mappings.

    ``section_yaml("A", "{id: a1, layout: section}", duration="2m")``.
    """
    head = f"title: {title}\n" + (f"duration: {duration}\n" if duration else "")
    return head + "slides:\n" + "".join(f"  - {slide}\n" for slide in slides)


def load(folder: Path) -> Deck:
    """The deck in *folder*, which must load."""
    result = load_deck(folder)
    assert result.deck is not None, [p.format() for p in result.problems]
    return result.deck


@pytest.fixture
def load_files(make_deck: DeckFactory) -> FilesLoader:
    """Write a deck folder as ``make_deck`` does and load it: ``load_files(files, name)``."""

    def factory(files: dict[str, str | bytes | None] | None = None, name: str = "deck") -> Deck:
        return load(make_deck(files, name=name))

    return factory


CHART_SECTION = """\
title: S
slides:
  - layout: chart
    title: Port
    sources: [src]
    chart:
      type: {type}
      categories: ["2022", "2023", "2027 target"]
      series:
{series}
      unit: million TEU
      targets: ["{target}"]
"""
CONTAINERS = "        - name: Containers\n          values: {values}"


def chart_section(
    type: str = "bar",
    series: str = CONTAINERS.format(values="[21, 22.18, 27]"),
    target: str = "2027 target",
) -> str:
    """A section file of one chart slide: port containers, 2022, 2023 and the 2027 target."""
    return CHART_SECTION.format(type=type, series=series, target=target)


# -- time ----------------------------------------------------------------------------------------


class FakeClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        assert seconds >= 0, "a monotonic clock never goes back"
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


# -- Qt: settings and the main window --------------------------------------------------------------


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a fresh INI file of the test's own."""
    from desktop.ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def make_window(qtbot: QtBot, settings: Settings) -> WindowFactory:
    """A shown, active main window on *deck* (the bundled deck unless given)."""
    from desktop.core.resources import bundled_deck
    from desktop.ui.main_window import MainWindow

    def factory(deck: Path | None = None, settings: Settings = settings) -> MainWindow:
        window = MainWindow(settings)
        qtbot.addWidget(window)
        window.open_deck(deck or bundled_deck())
        window.resize(1280, 800)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.view.setFocus()
        return window

    return factory


# -- Qt blocked ------------------------------------------------------------------------------------

BLOCK_QT: Final = """\
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
            raise ImportError(f"Qt import blocked: {name}")
        return None
sys.meta_path.insert(0, Block())
"""


@pytest.fixture
def run_without_qt() -> QtFreeRun:
    """Run Python *code* in a child whose imports of PySide6 and shiboken6 fail."""

    def run(code: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", BLOCK_QT + textwrap.dedent(code)],
            capture_output=True,
            text=True,
            check=False,
        )

    return run
