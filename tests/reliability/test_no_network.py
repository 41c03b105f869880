"""No network: the CLI and the main window run with sockets blocked, and nothing tries.

Three layers of proof:

* in-process, the ``no_network`` fixture replaces ``socket.socket.connect`` (and
  ``connect_ex``, ``sendto``), ``socket.create_connection``, ``socket.getaddrinfo`` and
  ``gethostbyname``; any call fails the test, even one the code catches;
* in a subprocess, a ``sitecustomize`` module on ``PYTHONPATH`` installs the same trap
  before the app starts and writes every attempt to a file (a positive control shows the
  trap catches a real attempt);
* under ``strace`` (when installed), the subprocess makes no ``connect`` call and opens no
  internet socket at all: this covers Qt's C++ code, which Python patches cannot see.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Final

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.core.resources import bundled_deck
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.reliability.conftest import BLOCKED_NAMES, Tally, traced_cli

pytestmark = pytest.mark.reliability("No network")

TRAP: Final = textwrap.dedent(
    """\
    # Installed by tests/reliability/test_no_network.py: any network attempt is recorded.
    import os
    import socket
    import traceback

    _LOG = os.environ["TIANJIN_SOCKET_TRAP"]
    open(_LOG + ".loaded", "w").close()


    def _trap(name):
        def blocked(*args, **kwargs):
            with open(_LOG, "a") as log:
                log.write(f"{name} {args!r}\\n")
                traceback.print_stack(file=log)
            raise OSError(f"network blocked by the test: {name}")

        return blocked


    for _where, _name in BLOCKED_NAMES:
        _owner = socket.socket if _where == "socket.socket" else socket
        setattr(_owner, _name, _trap(_name))
    """
).replace("BLOCKED_NAMES", repr(BLOCKED_NAMES))


def test_cli_in_process(
    no_network: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    restore_logging: None,
    tally: Tally,
) -> None:
    assert main(["check"]) == 0  # with the render checks, so Qt lays out every slide
    target = tmp_path / "briefing.pdf"
    assert main(["export", "-o", str(target)]) == 0
    assert main(["export", "-o", str(target), "--layout", "notes"]) == 0
    assert "0 problems" in capsys.readouterr().out
    assert no_network == []
    tally.add("test_cli_in_process", 3, "commands")


def test_main_window_session(
    no_network: list[str], qtbot: QtBot, tmp_path: Path, tally: Tally
) -> None:
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.open_deck(bundled_deck())
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()
    window.view.setFocus()
    deck = window.deck
    assert deck is not None
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_End, Qt.Key.Key_Home):
        qtbot.keyClick(window.view, key)
    assert window.current_index() == 0
    window.go_to(deck.slide_count // 2)
    window.show_search()
    window.search.line_edit.insert("port")
    qtbot.keyClick(window.search.line_edit, Qt.Key.Key_Return)
    window.reload()
    result = window.export_to(tmp_path / "window.pdf", interactive=False)
    assert result is not None and result.pages > 0
    window.close()
    assert no_network == []
    assert "PySide6.QtNetwork" not in sys.modules, "something loaded Qt's network module"
    tally.add("test_main_window_session", 1, "sessions")


def trapped_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    trap_dir = tmp_path / "trap"
    trap_dir.mkdir()
    (trap_dir / "sitecustomize.py").write_text(TRAP, encoding="utf-8")
    log = tmp_path / "network-attempts.txt"
    path = os.pathsep.join(p for p in (str(trap_dir), os.environ.get("PYTHONPATH", "")) if p)
    env = dict(
        os.environ, PYTHONPATH=path, TIANJIN_SOCKET_TRAP=str(log), QT_QPA_PLATFORM="offscreen"
    )
    return env, log


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_cli_subprocess_with_socket_trap(tmp_path: Path, tally: Tally) -> None:
    env, log = trapped_env(tmp_path)
    control = run(env, "-c", "import socket; socket.getaddrinfo('example.org', 443)")
    assert control.returncode != 0 and "network blocked by the test" in control.stderr
    assert "getaddrinfo" in log.read_text(encoding="utf-8"), "the trap does not work"
    log.unlink()

    check = run(env, "-m", "desktop", "check")
    export = run(env, "-m", "desktop", "export", "-o", str(tmp_path / "briefing.pdf"))
    assert check.returncode == 0, check.stderr
    assert export.returncode == 0, export.stderr
    assert Path(f"{log}.loaded").exists(), "sitecustomize was not loaded"
    assert not log.exists(), log.read_text(encoding="utf-8")
    tally.add("test_cli_subprocess_with_socket_trap", 2, "commands")


SYSCALL: Final = re.compile(r"\b(?P<call>socket|connect)\((?P<args>.*)")


def reaches_network(line: str) -> bool:
    """A traced ``socket``/``connect`` call that is not a local (Unix domain) socket."""
    found = SYSCALL.search(line)
    if found is None:
        return False
    local = ("AF_UNIX", "AF_LOCAL", "sa_family=AF_UNIX", "sa_family=AF_LOCAL")
    return not any(word in found["args"] for word in local)


def test_cli_subprocess_makes_no_network_syscalls(tmp_path: Path, tally: Tally) -> None:
    trace = tmp_path / "strace.txt"
    for command in (["check"], ["export", "-o", str(tmp_path / "briefing.pdf")]):
        lines = traced_cli("socket,connect", trace, command)
        calls = [line for line in lines if reaches_network(line)]
        assert calls == [], calls
    tally.add("test_cli_subprocess_makes_no_network_syscalls", 2, "commands")


def test_the_block_catches_attempts(no_network: list[str]) -> None:
    """The fixture's own control: blocked calls raise and are recorded."""
    import socket

    from tests.reliability.conftest import NetworkAttemptError

    with pytest.raises(NetworkAttemptError):
        socket.create_connection(("example.org", 443), timeout=1)
    with pytest.raises(NetworkAttemptError):
        socket.getaddrinfo("example.org", 443)
    with socket.socket() as sock, pytest.raises(NetworkAttemptError):
        sock.connect(("192.0.2.1", 443))
    assert [attempt.split("(")[0] for attempt in no_network] == [
        "socket.create_connection",
        "socket.getaddrinfo",
        "socket.socket.connect",
    ]
    no_network.clear()  # the attempts were the point of this test
