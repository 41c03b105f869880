"""Running a test module on two offscreen screens: a 1920×1080 "Laptop" and a 1280×720
"Projector" (``screens_two.json``).

Qt's offscreen platform takes a screen layout from a JSON file
(``-platform offscreen:configfile=screens_two.json``); the platform is chosen when the
QApplication is created, once per process, and the rest of the suite runs on one screen. So a
two-screen module runs twice:

* in the normal test run, each test marked :func:`on_two_screens` is a stand-in that looks up
  the result of the same test in a child ``pytest`` run of its file (one subprocess for the
  whole module, :func:`run_child`), and fails with the child's report when that failed;
* in the child, started with ``TIANJIN_SCREENS_CONFIG`` naming the layout, the module's
  ``qapp_args`` (:func:`qapp_arguments`) points the QApplication at it and the tests run for
  real, under the same strict pytest configuration (warnings and Qt warnings fail).

A module defines the two fixtures itself::

    @pytest.fixture(scope="session")
    def qapp_args() -> list[str]:
        return qapp_arguments()

    @pytest.fixture(scope="module")
    def two_screen_run(tmp_path_factory: pytest.TempPathFactory) -> ChildRun:
        return run_child(Path(__file__), tmp_path_factory)
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pytest

CONFIG_ENV: Final = "TIANJIN_SCREENS_CONFIG"
LAYOUT: Final = Path(__file__).with_name("screens_two.json")
IN_CHILD: Final = os.environ.get(CONFIG_ENV) == str(LAYOUT)
CHILD_TIMEOUT_S: Final = 300


def qapp_arguments() -> list[str]:
    """The QApplication's arguments: in the child, the offscreen platform with the layout."""
    if IN_CHILD:
        return [sys.argv[0], "-platform", f"offscreen:configfile={LAYOUT}"]
    return [sys.argv[0]]


@dataclass(frozen=True)
class ChildRun:
    """The outcome of every test of a module in the child run."""

    outcomes: dict[str, str]
    """Test name → "" when it passed, else the failure report."""
    output: str

    def check(self, name: str) -> None:
        if name not in self.outcomes:
            pytest.fail(f"{name} did not run in the two-screen child run:\n{self.output}")
        if self.outcomes[name]:
            pytest.fail(f"{name} failed on two screens:\n{self.outcomes[name]}", pytrace=False)


def run_child(module: Path, tmp_path_factory: pytest.TempPathFactory) -> ChildRun:
    """Run the tests of *module* in a child ``pytest`` on the two screens; their outcomes."""
    report = tmp_path_factory.mktemp("two-screens") / "report.xml"
    env = dict(os.environ, **{CONFIG_ENV: str(LAYOUT)})
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(module.resolve()),
            "-p",
            "no:cacheprovider",
            "-q",
            f"--junitxml={report}",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        check=False,
    )
    output = done.stdout + done.stderr
    if not report.is_file():
        pytest.fail(f"the two-screen child run wrote no report:\n{output}")
    outcomes: dict[str, str] = {}
    for case in ElementTree.parse(report).getroot().iter("testcase"):
        problems = [child for child in case if child.tag in ("failure", "error", "skipped")]
        text = "\n".join(
            f"{p.tag}: {p.get('message', '')}\n{p.text or ''}" for p in problems
        ).strip()
        outcomes[case.get("name", "")] = text
    return ChildRun(outcomes, output)


TwoScreenTest = Callable[..., None]


def on_two_screens(test: TwoScreenTest) -> TwoScreenTest:
    """Run *test* in the two-screen child; in the normal run, report the child's result."""
    if IN_CHILD:
        return test

    def stand_in(two_screen_run: ChildRun) -> None:
        two_screen_run.check(test.__name__)

    stand_in.__name__ = test.__name__
    stand_in.__qualname__ = test.__qualname__
    stand_in.__doc__ = test.__doc__
    return stand_in
