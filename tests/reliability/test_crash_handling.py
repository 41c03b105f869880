"""Crash handling: an unexpected exception never ends in a bare traceback.

GUI: with the app's hook installed (``desktop.app.install_crash_handler``), an exception in a
slot (a timer, a signal) or in a virtual method shows one non-modal dialog with the report, a
Copy button and the log file's path, and the app keeps running. pytest-qt's own exception
capture is switched off for these tests (``qt_no_exception_capture``) so the app's hook sees
the exceptions, as it would in the field; ``sys.excepthook`` is restored afterwards. The
tests wait in a Qt event loop (``QEventLoop.exec``), as the app does: PySide6 hands an
exception raised in a virtual method to ``sys.excepthook`` there, but raises it in the caller
when Python itself processes events (``processEvents``, as ``qtbot.waitUntil`` does).

CLI: an unexpected exception prints one line naming the log file, exit code 1, and the log
holds the traceback.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QGuiApplication, QPaintEvent
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import install_crash_handler
from desktop.cli import main
from desktop.core.resources import bundled_deck
from desktop.ui import crash
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.reliability.conftest import Tally

pytestmark = pytest.mark.reliability("Crash handling")

INTERNAL: Final = re.compile(
    r"^tianjin-briefing: internal error: (?P<what>.+) \(details in (?P<log>[^)]+)\)\n$"
)


class InjectedError(RuntimeError):
    """The failure the tests inject."""


@pytest.fixture
def crash_hook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The app's crash hook, installed for one test; yields the log path it reports."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored at teardown
    log_file = tmp_path / "logs" / "tianjin-briefing.log"
    install_crash_handler(log_file)
    yield log_file
    for dialog in list(crash._open_dialogs):
        dialog.close()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.open_deck(bundled_deck())
    window.resize(1024, 700)
    with qtbot.waitExposed(window):
        window.show()
    window.view.setFocus()
    return window


def spin(condition: Callable[[], bool], timeout_ms: int = 5_000) -> None:
    """Run a Qt event loop (as the app's ``exec``) until *condition* holds."""
    loop = QEventLoop()

    def check() -> None:
        if condition():
            loop.quit()

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(5)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    poll.stop()
    assert condition(), "timed out"


def crash_dialog() -> QDialog:
    spin(lambda: len(crash._open_dialogs) == 1)
    return crash._open_dialogs[0]


def check_dialog(dialog: QDialog, log_file: Path, message: str) -> None:
    report = dialog.findChild(QPlainTextEdit)
    assert report is not None and report.isReadOnly()
    text = report.toPlainText()
    assert text.startswith("Traceback (most recent call last):"), text
    assert f"InjectedError: {message}" in text
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert str(log_file) in labels
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Copy report")
    copy.click()
    assert QGuiApplication.clipboard().text() == text


def close(dialog: QDialog) -> None:
    dialog.close()
    spin(lambda: not crash._open_dialogs)


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_timer_slot(
    qtbot: QtBot,
    window: MainWindow,
    crash_hook: Path,
    caplog: pytest.LogCaptureFixture,
    tally: Tally,
) -> None:
    def fail() -> None:
        raise InjectedError("from a timer")

    QTimer.singleShot(0, fail)
    dialog = crash_dialog()
    check_dialog(dialog, crash_hook, "from a timer")
    assert any(
        r.levelno == logging.ERROR and "InjectedError: from a timer" in r.getMessage()
        for r in caplog.records
    )
    # The app keeps running: the dialog is not modal, the window still answers.
    assert not dialog.isModal()
    window.next_slide()
    assert window.current_index() == 1
    close(dialog)
    tally.add("test_exception_in_a_timer_slot", 1, "cases")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_signal_handler(
    qtbot: QtBot, window: MainWindow, crash_hook: Path, tally: Tally
) -> None:
    def fail(index: int) -> None:
        raise InjectedError(f"while showing slide {index + 1}")

    window.slide_changed.connect(fail)
    window.go_to(4)
    dialog = crash_dialog()
    check_dialog(dialog, crash_hook, "while showing slide 5")
    assert window.current_index() == 4  # the navigation itself happened
    window.slide_changed.disconnect(fail)
    window.go_to(6)
    assert window.current_index() == 6
    close(dialog)
    tally.add("test_exception_in_a_signal_handler", 1, "cases")


class FailingWidget(QWidget):
    """A widget whose paint event (a virtual method called by Qt) raises."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        raise InjectedError(f"in paint event {self.paints}")


@pytest.mark.qt_no_exception_capture
def test_exceptions_in_a_virtual_method_give_one_dialog(
    qtbot: QtBot, crash_hook: Path, caplog: pytest.LogCaptureFixture, tally: Tally
) -> None:
    widget = FailingWidget()
    qtbot.addWidget(widget)
    widget.resize(200, 100)
    widget.show()
    dialog = crash_dialog()
    for _ in range(5):  # repeated failures: each is logged, but no storm of dialogs
        before = widget.paints
        widget.update()
        spin(lambda: widget.paints > before)  # noqa: B023 (used at once, in this iteration)
    assert len(crash._open_dialogs) == 1
    logged = [r for r in caplog.records if "InjectedError: in paint event" in r.getMessage()]
    assert len(logged) == widget.paints >= 6
    check_dialog(dialog, crash_hook, "in paint event 1")
    close(dialog)
    widget.hide()
    tally.add("test_exceptions_in_a_virtual_method_give_one_dialog", 1, "cases")


# -- the command line --------------------------------------------------------------------------


def test_cli_unexpected_exception_in_process(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    restore_logging: None,
    tally: Tally,
) -> None:
    import desktop.cli

    def fail(_deck: Path) -> None:
        raise InjectedError("while loading\nacross two lines")

    monkeypatch.setattr(desktop.cli, "load_deck", fail)
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    match = INTERNAL.match(captured.err)
    assert match, captured.err
    assert match["what"] == "InjectedError: while loading across two lines"
    log = Path(match["log"])
    assert log.is_file()
    assert "InjectedError: while loading" in log.read_text(encoding="utf-8")
    tally.add("test_cli_unexpected_exception_in_process", 1, "cases")


CHILD: Final = textwrap.dedent(
    """\
    import sys

    import desktop.cli


    def fail(args):
        raise MemoryError("injected: no memory left")


    desktop.cli.HANDLERS["export"] = fail
    sys.exit(desktop.cli.main(["export", "-o", "never.pdf"]))
    """
)


def test_cli_unexpected_exception_in_a_subprocess(tmp_path: Path, tally: Tally) -> None:
    home = tmp_path / "home"
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, TIANJIN_BRIEFING_HOME=str(home), QT_QPA_PLATFORM="offscreen"),
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    match = INTERNAL.match(done.stderr)
    assert match, done.stderr
    assert match["what"] == "MemoryError: injected: no memory left"
    assert Path(match["log"]) == home / "logs" / "tianjin-briefing.log"
    log = Path(match["log"]).read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in log
    assert "MemoryError: injected: no memory left" in log
    assert not (tmp_path / "never.pdf").exists()
    tally.add("test_cli_unexpected_exception_in_a_subprocess", 1, "cases")
