"""Where the main window opens, measured on a 1366×768 laptop screen.

The screen is Qt's offscreen platform given a layout (``screen_laptop.json``); the platform
is chosen once per process, so the windows are made in a child Python that prints what it
measured as JSON: the first open with no settings, a geometry saved on a larger screen, one
saved on a screen no longer there, and one that fits (restored as it was).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Final

import pytest

from desktop.core.resources import bundled_deck

Measured = dict[str, dict[str, Any]]
"""Each case's figures: rectangles as [x, y, width, height], sizes as [width, height]."""

LAPTOP: Final = Path(__file__).with_name("screen_laptop.json")
ROOT: Final = Path(__file__).resolve().parents[2]

CHILD: Final = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0], "-platform", "offscreen:configfile=" + sys.argv[1]])
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings

deck, home = Path(sys.argv[2]), Path(sys.argv[3])

def rect(r):
    return [r.x(), r.y(), r.width(), r.height()]

def measure(window):
    status = window.statusBar()
    top_left = status.mapTo(window, status.rect().topLeft())
    return {
        "frame": rect(window.frameGeometry()),
        "geometry": rect(window.geometry()),
        "available": rect(window.screen().availableGeometry()),
        "status": rect(QRect(window.mapToGlobal(top_left), status.size())),
        "status_visible": status.isVisible(),
        "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
    }

def open_window(settings, saved=None):
    window = MainWindow(settings)
    window.open_deck(deck)
    window.show()
    for _ in range(5):
        app.processEvents()
    return window

out = {}
first = open_window(Settings(home / "first.ini"))
out["first"] = measure(first)
first.close()
again = open_window(Settings(home / "first.ini"))
out["again"] = measure(again)
again.close()
for name, geometry in (("larger", (100, 60, 1800, 1000)), ("gone", (3000, 200, 900, 600)),
                       ("fits", (150, 90, 900, 560))):
    settings = Settings(home / (name + ".ini"))
    window = open_window(settings)
    window.setGeometry(*geometry)  # as a window left there on a screen of its own
    app.processEvents()
    window.close()
    out[name] = measure(open_window(settings))
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> Measured:
    home = tmp_path_factory.mktemp("laptop")
    env = dict(os.environ, TIANJIN_BRIEFING_HOME=str(home))
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(LAPTOP), str(bundled_deck()), str(home)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    measured: Measured = json.loads(done.stdout.splitlines()[-1])
    return measured


def _inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("case", ["first", "again", "larger", "gone"])
def test_the_whole_window_is_on_the_laptop_screen(laptop: Measured, case: str) -> None:
    seen = laptop[case]
    assert seen["available"] == [0, 0, 1366, 768]
    frame, available, status = seen["frame"], seen["available"], seen["status"]
    assert _inside(frame, available), seen
    assert seen["status_visible"] and _inside(status, frame), seen  # status bar included
    minimum = seen["minimum"]
    assert minimum[0] <= available[2] and minimum[1] <= available[3]


def test_the_first_open_takes_the_preferred_size_where_it_fits(
    laptop: Measured,
) -> None:
    geometry, available = laptop["first"]["geometry"], laptop["first"]["available"]
    assert geometry[2] == 1280  # as wide as wanted...
    assert geometry[3] >= available[3] - 40  # ...as tall as the screen allows, frame included
    assert laptop["again"]["geometry"] == geometry


def test_a_geometry_that_fits_is_restored_as_it_was(
    laptop: Measured,
) -> None:
    assert laptop["fits"]["geometry"] == [150, 90, 900, 560]
