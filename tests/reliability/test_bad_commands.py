"""Bad environments and bad commands: one clear line and the right exit code, never a hang.

* Missing system libraries: a ``sitecustomize`` on ``PYTHONPATH`` makes ``import PySide6.QtGui``
  (or QtCore) fail as the dynamic loader does (``libEGL.so.1: cannot open shared object
  file``); every command that needs Qt prints one line naming the library and the package,
  exit 1, and ``check --no-render`` still works without any Qt. The soname → package table
  is checked against the ``NEEDED`` entries of the installed Qt libraries and plugins, and
  the README against the table. Qt's xcb plugin is loaded first, so a missing xcb library is
  one line too, not a Qt abort.
* Commands: an unknown command or option is a usage error (exit 2) with a did-you-mean;
  ``--slides ''`` too; ``present --slide 999`` / ``--screen NAME`` name the slides and
  screens there are (exit 1); ``present`` on an invalid deck prints its problems (exit 1)
  and the window (``open``) prints them too; ``check`` on a device, a FIFO or a socket says
  it is not a deck, without opening it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

from desktop.cli import build_parser, main
from desktop.qtlibs import CORE, PACKAGES, WAYLAND, XCB, platform_problem
from tests.conftest import DeckFactory
from tests.reliability.conftest import Tally

pytestmark = pytest.mark.reliability("Bad environments and commands")

ROOT: Final = Path(__file__).resolve().parents[2]
SCREENS: Final = ROOT / "tests" / "ui" / "screens_two.json"
PREFIX: Final = "tianjin-briefing: error: "
MISSING: Final = "{lib}: cannot open shared object file: No such file or directory"
BLOCK: Final = textwrap.dedent(
    """\
    import os
    import sys


    class NoQt:
        \"\"\"Fail the import of modules as the dynamic loader would.

        ``TIANJIN_BLOCK_QT`` is ``PREFIX=LIBRARY,...``: a module whose name starts with PREFIX
        fails for want of LIBRARY (``-``: as if it were not installed).
        \"\"\"

        blocked = dict(item.split("=") for item in os.environ["TIANJIN_BLOCK_QT"].split(","))

        def find_spec(self, name, path=None, target=None):
            for prefix, library in self.blocked.items():
                if name.startswith(prefix):
                    if library == "-":
                        raise ImportError(f"No module named {name!r}", name=name)
                    why = "cannot open shared object file: No such file or directory"
                    raise ImportError(f"{library}: {why}", name=name)
            return None


    sys.meta_path.insert(0, NoQt())
    """
)


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen") if env is None else env,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )


def one_error(err: str) -> str:
    """The message of a one-line ``tianjin-briefing: error:`` (fails on anything else)."""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith(PREFIX), err
    assert "internal error" not in err and "Traceback" not in err
    return err[len(PREFIX) : -1]


@pytest.fixture
def deck(make_deck: DeckFactory) -> Path:
    return make_deck()


@pytest.fixture
def broken(make_deck: DeckFactory) -> Path:
    return make_deck({"a.yaml": "title: S\nslides:\n  - layout: figures\n"}, name="broken")


# -- missing system libraries ---------------------------------------------------------------


def blocked_env(tmp_path: Path, blocked: str) -> dict[str, str]:
    """An environment whose Python cannot import the modules in *blocked* (``module=lib,…``)."""
    folder = tmp_path / "no-qt"
    folder.mkdir(exist_ok=True)
    (folder / "sitecustomize.py").write_text(BLOCK, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH", "")) if p)
    return dict(
        os.environ,
        PYTHONPATH=path,
        TIANJIN_BLOCK_QT=blocked,
        QT_QPA_PLATFORM="offscreen",
        TIANJIN_BRIEFING_HOME=str(tmp_path / "home"),
    )


COMMANDS_NEEDING_QT: Final = {
    "check": ["check"],
    "export": ["export", "-o", "never.pdf"],
    "open": ["open"],
    "present": ["present"],
}


QT_GUI: Final = ["PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg", "PySide6.QtPrintSupport"]


@pytest.mark.parametrize(
    ("modules", "library", "package"),
    [
        (QT_GUI, "libEGL.so.1", "libegl1"),
        (["PySide6.Qt"], "libglib-2.0.so.0", "libglib2.0-0"),
        (QT_GUI, "libxkbcommon.so.0", "libxkbcommon0"),
    ],
)
def test_a_missing_system_library_is_one_line_naming_its_package(
    modules: list[str], library: str, package: str, tmp_path: Path, tally: Tally
) -> None:
    """Every Qt module that links the library fails (QtCore's: all of them), as in life."""
    env = blocked_env(tmp_path, ",".join(f"{module}={library}" for module in modules))
    control = subprocess.run(
        [sys.executable, "-c", "import PySide6.QtGui"], env=env, capture_output=True, text=True
    )
    assert MISSING.format(lib=library) in control.stderr, "the import is not blocked"
    for name, args in COMMANDS_NEEDING_QT.items():
        done = run(*args, env=env, cwd=tmp_path)
        assert (done.returncode, done.stdout) == (1, ""), (name, done.stderr)
        message = one_error(done.stderr)
        assert message.startswith(f"Qt cannot load: {library} is missing; install it with"), name
        assert f"`apt install {package}` (Debian/Ubuntu)" in message, (name, message)
    assert not (tmp_path / "never.pdf").exists()
    tally.add("test_a_missing_system_library_is_one_line_naming_its_package", 4, "commands")


def test_check_without_qt_at_all(deck: Path, tmp_path: Path, tally: Tally) -> None:
    env = blocked_env(tmp_path, "PySide6=-,shiboken6=-")
    done = run("check", str(deck), env=env)
    assert done.returncode == 1
    assert one_error(done.stderr) == (
        "Qt cannot load: No module named 'PySide6'; reinstall PySide6 in this environment"
        " (pip install --force-reinstall PySide6-Essentials); `check --no-render` needs no Qt"
    )
    done = run("check", "--no-render", str(deck), env=env)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert done.stdout == "1 section, 2 slides, 0 problems\n"
    tally.add("test_check_without_qt_at_all", 2, "commands")


GLIBC: Final = re.compile(r"^(ld-linux.*|lib(c|m|dl|pthread|rt|resolv|util)\.so\.\d+)$")


def needed(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True)
    return re.findall(r"^\s*NEEDED\s+(\S+)$", out.stdout, re.MULTILINE)


def system_libraries(files: list[Path], bundled: Path) -> set[str]:
    """The libraries outside PySide6 that *files* need, directly or through Qt's own."""
    found: set[str] = set()
    todo, done = list(files), set()
    while todo:
        file = todo.pop()
        if file in done:
            continue
        done.add(file)
        for soname in needed(file):
            if (bundled / soname).exists():
                todo.append(bundled / soname)
            elif not soname.startswith(("libQt6", "libpyside6", "libshiboken6", "libicu")):
                found.add(soname)
    return {soname for soname in found if not GLIBC.match(soname)}


def test_the_package_table_matches_the_installed_qt(tally: Tally) -> None:
    """Every system library the Qt we ship needs is in the table, in the right group."""
    if shutil.which("objdump") is None:
        pytest.skip("objdump (binutils) is not installed")
    import PySide6

    package = Path(PySide6.__file__).parent
    bundled, plugins = package / "Qt" / "lib", package / "Qt" / "plugins"
    modules = [package / f"{name}.abi3.so" for name in ("QtCore", "QtGui", "QtWidgets", "QtSvg")]
    core = system_libraries([*modules, plugins / "platforms" / "libqoffscreen.so"], bundled)
    xcb = system_libraries(
        [plugins / "platforms" / "libqxcb.so", *(plugins / "xcbglintegrations").glob("*.so")],
        bundled,
    )
    wayland = system_libraries([plugins / "platforms" / "libqwayland.so"], bundled)
    assert core == set(CORE)
    assert xcb - core == set(XCB)
    assert wayland - core == set(WAYLAND)
    tally.add("test_the_package_table_matches_the_installed_qt", len(PACKAGES), "libraries")


def test_the_readme_lists_every_package(tally: Tally) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Requirements", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", section))
    wanted = set(PACKAGES.values()) - {"libstdc++6", "libgcc-s1"}  # on every Debian system
    assert wanted - listed == set()
    assert "python3-venv" in listed
    tally.add("test_the_readme_lists_every_package", len(wanted) + 1, "packages")


def test_a_platform_plugin_that_cannot_load_is_one_line(tally: Tally) -> None:
    """Loading the plugin first turns Qt's abort into one line (loader injected here)."""
    loaded: list[str] = []

    def load(name: str) -> object:
        loaded.append(name)
        if name.endswith("libqxcb.so") or name in ("libxcb-icccm.so.4", "libxcb-cursor.so.0"):
            lib = "libxcb-icccm.so.4" if name.endswith("libqxcb.so") else name
            raise OSError(MISSING.format(lib=lib))
        return object()

    problem = platform_problem("xcb", Path("/qt/plugins/platforms/libqxcb.so"), load)
    assert problem == (
        "Qt's xcb platform plugin cannot load: libxcb-icccm.so.4, libxcb-cursor.so.0 are"
        " missing; install them with `apt install libxcb-icccm4 libxcb-cursor0` (Debian/Ubuntu)"
    )
    assert loaded[0] == "/qt/plugins/platforms/libqxcb.so" and set(XCB) <= set(loaded)
    assert platform_problem("xcb", Path("/qt/libqxcb.so"), lambda _name: object()) is None
    tally.add("test_a_platform_plugin_that_cannot_load_is_one_line", 2, "cases")


def test_the_real_xcb_plugin_without_its_libraries(tmp_path: Path, tally: Tally) -> None:
    """Where this machine lacks an xcb library (CI's does), ``open`` says which, no abort."""
    import ctypes

    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    try:
        ctypes.CDLL(str(plugin))
    except OSError:
        pass
    else:
        pytest.skip("every library of the xcb plugin is installed here")
    env = {k: v for k, v in os.environ.items() if k not in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(DISPLAY=":99", QT_QPA_PLATFORM="xcb", TIANJIN_BRIEFING_HOME=str(tmp_path))
    done = run("open", env=env)
    assert done.returncode == 1, done.stderr
    message = one_error(done.stderr)
    assert message.startswith("Qt's xcb platform plugin cannot load: libxcb-"), message
    assert "`apt install libxcb-" in message
    tally.add("test_the_real_xcb_plugin_without_its_libraries", 1, "cases")


# -- bad commands -------------------------------------------------------------------------------


@pytest.fixture
def usage(
    capsys: pytest.CaptureFixture[str], restore_logging: None, monkeypatch: pytest.MonkeyPatch
) -> Iterator[pytest.CaptureFixture[str]]:
    """Captured output; a command that runs instead of a usage error fails (never a window)."""
    import desktop.cli

    def ran(args: object) -> int:
        raise AssertionError(f"the command ran instead of a usage error: {args}")

    for command in desktop.cli.HANDLERS:
        monkeypatch.setitem(desktop.cli.HANDLERS, command, ran)
    yield capsys


def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Run *argv* in-process; it must be a usage error (exit 2): the lines on stderr."""
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.splitlines()


def test_unknown_commands_say_so(
    deck: Path, tmp_path: Path, usage: pytest.CaptureFixture[str], tally: Tally,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    lines = usage_error(["chek", str(deck)], usage)
    assert lines[0].startswith("usage: tianjin-briefing ")
    assert lines[-1] == f"{PREFIX}unknown command 'chek' (did you mean check?)"
    assert usage_error(["-v", "exprot"], usage)[-1] == (
        f"{PREFIX}unknown command 'exprot' (did you mean export?)"
    )
    assert usage_error(["frobnicate"], usage)[-1] == (
        f"{PREFIX}unknown command 'frobnicate' (the commands are open, check, export, present,"
        " schema; a deck to open is an existing folder or its deck.yaml)"
    )
    # A deck path still opens, even one named like a command's typo.
    from desktop.cli import normalise

    monkeypatch.chdir(tmp_path)
    (tmp_path / "chek").mkdir()
    parser = build_parser()
    for argv, command in (
        ([str(deck)], "open"),
        (["chek"], "open"),
        (["--slide", "2", str(deck)], "open"),
        ([], "open"),
        (["check", str(deck)], "check"),
    ):
        args, extras = parser.parse_known_args(normalise(parser, argv))
        assert (args.command, extras) == (command, []), argv
    tally.add("test_unknown_commands_say_so", 8, "commands")


def test_unknown_options_suggest_the_right_one(
    usage: pytest.CaptureFixture[str], tally: Tally
) -> None:
    lines = usage_error(["check", "--stirct"], usage)
    assert lines[0].startswith("usage: tianjin-briefing check ")
    assert lines[-1] == (
        "tianjin-briefing check: error: unrecognized arguments: --stirct (did you mean --strict?)"
    )
    lines = usage_error(["export", "-o", "x.pdf", "--frce"], usage)
    assert lines[-1] == (
        "tianjin-briefing export: error: unrecognized arguments: --frce (did you mean --force?)"
    )
    lines = usage_error(["present", "--screan", "HDMI-1"], usage)
    assert lines[-1].endswith("unrecognized arguments: --screan (did you mean --screen?)")
    tally.add("test_unknown_options_suggest_the_right_one", 3, "commands")


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "-o", "x.pdf", "--slides", ""],
        ["export", "-o", "x.pdf", "--slides= "],
        ["present", "--slide", "0"],
        ["open", "--slide", "-1"],
    ],
)
def test_empty_ranges_and_bad_numbers_are_usage_errors(
    argv: list[str],
    tmp_path: Path,
    usage: pytest.CaptureFixture[str],
    tally: Tally,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    lines = usage_error(argv, usage)
    assert re.fullmatch(r"tianjin-briefing \w+: error: argument --slides?: .+", lines[-1])
    assert not (tmp_path / "x.pdf").exists()
    tally.add("test_empty_ranges_and_bad_numbers_are_usage_errors", 1, "commands")


def test_present_names_the_slides_and_screens_there_are(
    deck: Path, tmp_path: Path, tally: Tally
) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={SCREENS}",
        TIANJIN_BRIEFING_HOME=str(tmp_path),
    )
    done = run("present", str(deck), "--slide", "999", env=env)
    assert (done.returncode, done.stdout) == (1, "")
    assert one_error(done.stderr) == (
        "--slide 999: there is no such slide; the deck has slides 1-2"
    )
    done = run("present", str(deck), "--screen", "HDMI-9", env=env)
    assert (done.returncode, done.stdout) == (1, "")
    assert one_error(done.stderr) == (
        "--screen: there is no screen called 'HDMI-9'; the screens are: Laptop, Projector"
    )
    tally.add("test_present_names_the_slides_and_screens_there_are", 2, "commands")


def test_present_on_an_invalid_deck_prints_its_problems(
    broken: Path, tmp_path: Path, tally: Tally
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANJIN_BRIEFING_HOME=str(tmp_path))
    checked = run("check", "--no-render", str(broken), env=env)
    errors = [line for line in checked.stdout.splitlines() if ": error: " in line]
    assert errors, checked.stdout
    done = run("present", str(broken), env=env)
    assert (done.returncode, done.stdout) == (1, "")
    printed = done.stderr.splitlines()
    assert set(errors) <= set(printed) and len(printed) == len(checked.stdout.splitlines()) - 1
    tally.add("test_present_on_an_invalid_deck_prints_its_problems", 1, "commands")


def test_the_window_on_an_invalid_deck_prints_its_problems(
    broken: Path, tmp_path: Path, tally: Tally
) -> None:
    """The window opens with the problems shown, as before, and the terminal gets them too."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANJIN_BRIEFING_HOME=str(tmp_path))
    checked = run("check", "--no-render", str(broken), env=env)
    wanted = checked.stdout.splitlines()[:-1]
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", "open", str(broken)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    watchdog = threading.Timer(60, child.kill)  # the window runs until killed
    watchdog.start()
    try:
        assert child.stderr is not None
        printed = [child.stderr.readline().rstrip("\n") for _ in wanted]
        still_open = child.poll() is None
    finally:
        watchdog.cancel()
        child.kill()
        child.communicate()
    assert printed == wanted
    assert still_open, "the window should stay open on the problems"
    tally.add("test_the_window_on_an_invalid_deck_prints_its_problems", 1, "commands")


def test_check_says_a_device_pipe_or_socket_is_not_a_deck(tmp_path: Path, tally: Tally) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    sock = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(sock))
    server.close()
    cases = {"/dev/null": "a device", str(fifo): "a named pipe", str(sock): "a socket"}
    for path, kind in cases.items():
        done = run("check", path, timeout=20)  # a FIFO opened for reading would block here
        assert done.returncode == 1, done.stderr
        assert done.stdout.splitlines() == [
            f"{path}:0:0: error: {Path(path).name} ({kind}) is not a deck; open the deck folder"
            " or its deck.yaml",
            "1 error, 0 warnings: the deck cannot be shown",
        ]
    tally.add("test_check_says_a_device_pipe_or_socket_is_not_a_deck", len(cases), "paths")
