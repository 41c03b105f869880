"""Reliability tests: Hypothesis profiles, the no-network fixture and the JSON summary.

Hypothesis profiles (``HYPOTHESIS_PROFILE``):

* ``ci`` (the default): a bounded, derandomised run, the same examples every time.
* ``long``: many more random examples, for a run from the command line::

      HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -q tests/reliability

The summary: each reliability test is marked ``@pytest.mark.reliability("fault class")``;
at the end of the session the outcome of every marked test, and how many cases or examples
it ran, is written as JSON to ``$TIANJIN_RELIABILITY_REPORT`` (default
``reliability.json`` in the run's ``app_home``). ``tests/reliability/report.py`` turns it into
``docs/reliability.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Generator, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import HealthCheck, settings

from tests.conftest import APP_HOME

PROFILE_ENV: Final = "HYPOTHESIS_PROFILE"
REPORT_ENV: Final = "TIANJIN_RELIABILITY_REPORT"

settings.register_profile(
    "ci",
    max_examples=150,
    deadline=dt.timedelta(seconds=5),
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=2_000,
    deadline=dt.timedelta(seconds=10),
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE: Final = os.environ.get(PROFILE_ENV, "ci")
settings.load_profile(PROFILE)


def examples(share: float = 1.0) -> int:
    """How many examples a test runs under the current profile (*share* of the default)."""
    return max(5, round(settings().max_examples * share))


# -- the summary -------------------------------------------------------------------------


@dataclass
class TestOutcome:
    fault: str
    test: str
    function: str
    outcome: str = "passed"
    count: int = 1
    unit: str = "cases"
    seconds: float = 0.0
    detail: str = ""


class Tally:
    """What the reliability tests ran; tests add their case or example counts."""

    def __init__(self) -> None:
        self.outcomes: dict[str, TestOutcome] = {}
        self.counts: dict[str, tuple[int, str, str]] = {}
        self.started = time.time()

    def add(self, test: str, count: int = 1, unit: str = "examples", detail: str = "") -> None:
        """Count *count* more cases of *unit* for the test function named *test*."""
        done, _, _ = self.counts.get(test, (0, unit, detail))
        self.counts[test] = (done + count, unit, detail)

    def __repr__(self) -> str:  # Hypothesis prints the arguments of a failing example
        return "tally"


_TALLY = pytest.StashKey[Tally]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "reliability(fault): the fault class a reliability test covers (for the report)"
    )
    config.stash[_TALLY] = Tally()


@pytest.fixture(scope="session")
def tally(request: pytest.FixtureRequest) -> Tally:
    """The session's reliability tally (session-scoped, so Hypothesis tests may use it)."""
    return request.config.stash[_TALLY]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    marker = item.get_closest_marker("reliability")
    if marker is None:
        return report
    results = item.config.stash[_TALLY]
    function = getattr(item, "originalname", item.name)
    outcome = results.outcomes.setdefault(
        item.nodeid, TestOutcome(str(marker.args[0]), item.name, function)
    )
    outcome.seconds += report.duration
    if report.failed:
        outcome.outcome = "failed"
    elif report.skipped and outcome.outcome != "failed":
        outcome.outcome = "skipped"
    if call.when == "call":
        counted = results.counts.pop(item.name, None) or results.counts.pop(function, None)
        if counted is not None:
            outcome.count, outcome.unit, outcome.detail = counted
    return report


def report_path(config: pytest.Config) -> Path:
    explicit = os.environ.get(REPORT_ENV)
    if explicit:
        return Path(explicit)
    return config.stash.get(APP_HOME, Path()) / "reliability.json"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    results = session.config.stash.get(_TALLY, None)
    if results is None or not results.outcomes:
        return
    import PySide6

    summary: dict[str, Any] = {
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(time.time() - results.started, 1),
        "exit_status": int(exitstatus),
        "hypothesis_profile": PROFILE,
        "hypothesis_max_examples": settings().max_examples,
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "platform": f"{platform.system()} {platform.machine()}",
        "cpus": os.cpu_count(),
        "tests": [asdict(outcome) for outcome in results.outcomes.values()],
    }
    path = report_path(session.config)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# -- no network ------------------------------------------------------------------------------


class NetworkAttemptError(AssertionError):
    """Raised where code tried to reach the network while it was blocked."""


BLOCKED_NAMES: Final = (
    ("socket.socket", "connect"),
    ("socket.socket", "connect_ex"),
    ("socket.socket", "sendto"),
    ("socket", "create_connection"),
    ("socket", "getaddrinfo"),
    ("socket", "gethostbyname"),
    ("socket", "gethostbyname_ex"),
)
"""Every call that reaches the network, as (owner, attribute); subprocess traps use it too."""
BLOCKED_CALLS: Final = tuple(
    (socket.socket if owner == "socket.socket" else socket, attribute)
    for owner, attribute in BLOCKED_NAMES
)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail the test if anything tries to connect or resolve a name; yields the attempts.

    The blocked call raises, and the test also fails at teardown, so an attempt that the
    code under test catches and ignores is still caught.
    """
    attempts: list[str] = []

    def blocker(name: str) -> Callable[..., object]:
        def blocked(*args: object, **kwargs: object) -> object:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.socket') else args}")
            raise NetworkAttemptError(f"network access while blocked: {name}")

        return blocked

    for (owner, attribute), (prefix, _) in zip(BLOCKED_CALLS, BLOCKED_NAMES, strict=True):
        monkeypatch.setattr(owner, attribute, blocker(f"{prefix}.{attribute}"))
    yield attempts
    assert attempts == [], f"network access attempted: {attempts}"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Undo what ``desktop.logsetup.setup_logging`` does when a test runs ``main()`` in-process."""
    import logging

    root = logging.getLogger()
    handlers = list(root.handlers)
    level = root.level
    configured = getattr(root, "_tianjin_configured", False)
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    root._tianjin_configured = configured  # type: ignore[attr-defined]


def traced_cli(
    calls: str, trace: Path, arguments: list[str], cwd: Path | None = None, timeout: float = 180
) -> list[str]:
    """Run ``python -m desktop ARGUMENTS`` under ``strace -e trace=CALLS``; return the trace lines.

    Skips the test where strace is missing or cannot trace (no ptrace in a container); fails it
    when the command fails.
    """
    if shutil.which("strace") is None:
        pytest.skip("strace is not installed")
    done = subprocess.run(
        ["strace", "-f", "-qq", "-e", f"trace={calls}", "-o", str(trace),
         sys.executable, "-m", "desktop", *arguments],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=timeout,
        check=False,
    )  # fmt: skip
    if done.returncode != 0 and "ptrace" in done.stderr:
        pytest.skip(f"strace cannot trace here: {done.stderr.strip()}")
    assert done.returncode == 0, done.stderr
    return trace.read_text(encoding="utf-8", errors="replace").splitlines()
