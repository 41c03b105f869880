"""Reload storms: hundreds of rapid writes while the window is open."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.conftest import MINIMAL_SECTION, DeckFactory

INVALID = [
    "title: S\nslides: [\n",  # broken YAML
    "title: S\nslides:\n  - titel: x\n",  # unknown key
    "",  # empty file
    "title: S\nslides:\n  - layout: figures\n    figures:\n      - {value: 1",  # partial write
    "\x00\x01binary",
]


def rss_kb() -> int:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def valid(n: int) -> str:
    return MINIMAL_SECTION.replace("title: Points", f"title: Points {n}")


def test_reload_storm(qtbot: QtBot, tmp_path: Path, make_deck: DeckFactory) -> None:
    folder = make_deck()
    window = MainWindow(Settings(tmp_path / "storm.ini"))
    qtbot.addWidget(window)
    window.open_deck(folder)
    window.show()
    window.go_to(1)
    section = folder / "a.yaml"
    rng = random.Random(7)
    for n in range(500):
        roll = rng.random()
        if roll < 0.05:
            section.unlink()
            QApplication.processEvents()
            section.write_text(valid(n), encoding="utf-8")
        elif roll < 0.5:
            section.write_text(rng.choice(INVALID), encoding="utf-8")
        else:
            section.write_text(valid(n), encoding="utf-8")
        if n % 5 == 0:
            QApplication.processEvents()
        if n % 50 == 0:
            window.reload()  # also hammer the reload path directly
    section.write_text(valid(999), encoding="utf-8")
    qtbot.waitUntil(
        lambda: (
            window.deck is not None
            and window.deck.sections[0].slides[1].title == "Points 999"
            and not window.banner.isVisible()
        ),
        timeout=5000,
    )
    assert window.current_index() == 1  # the position survived the storm
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert window.state_label.text() == "✓ deck valid"


def test_memory_is_flat_under_repeated_reloads(
    qtbot: QtBot, tmp_path: Path, make_deck: DeckFactory
) -> None:
    folder = make_deck()
    window = MainWindow(Settings(tmp_path / "memory.ini"))
    qtbot.addWidget(window)
    window.open_deck(folder)
    window.show()
    section = folder / "a.yaml"
    for n in range(60):  # warm up caches and allocator pools
        section.write_text(valid(n) if n % 2 else INVALID[0], encoding="utf-8")
        window.reload()
        QApplication.processEvents()
    before = rss_kb()
    for n in range(300):
        section.write_text(valid(n) if n % 2 else INVALID[1], encoding="utf-8")
        window.reload()
        if n % 10 == 0:
            QApplication.processEvents()
    QApplication.processEvents()
    grown = rss_kb() - before
    assert grown < 20_000, f"RSS grew by {grown} KB over 300 reloads"
