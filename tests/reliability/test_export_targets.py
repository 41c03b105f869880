"""Export targets: an export replaces nothing it should not, and every refusal is one line.

The rule (``desktop/core/targets.py``) is checked through the real command (in-process, and as
a subprocess where the environment matters: the locale, a user without root's powers) and
through the app's Export dialog with injected answers:

* an existing file that is not a PDF is refused, naming what it is, unless ``--force``;
* a device, named pipe, socket, folder or link to nowhere is refused, also as root and with
  ``--force``; a read-only file is refused (as root: one without write bits; as a plain user:
  one the user may not write, which the rename would otherwise replace);
* an overwritten file keeps its owner, group and mode; a target that turns into another kind
  of file during the export is not replaced;
* names too long for the file system, or that the locale cannot encode, give one line; under
  ``LC_ALL=C`` without UTF-8 coercion Chinese names and messages work.
"""

from __future__ import annotations

import ctypes
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

import pytest
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.core.loader import load_deck
from desktop.core.targets import PDF, TargetError, check_target
from desktop.export import registry
from tests.conftest import DeckFactory
from tests.reliability.conftest import Tally

pytestmark = pytest.mark.reliability("Export targets")

PREFIX: Final = "tianjin-briefing: error: "
OLD_PDF: Final = b"%PDF-1.4\n% an earlier briefing\n%%EOF\n"
ROOT: Final = hasattr(os, "geteuid") and os.geteuid() == 0
C_LOCALE: Final = {"LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}


@pytest.fixture
def deck(make_deck: DeckFactory) -> Path:
    """A two-slide deck: quick to export."""
    return make_deck()


Export = Callable[..., tuple[int, str, str]]


@pytest.fixture
def export(
    deck: Path, capsys: pytest.CaptureFixture[str], restore_logging: None
) -> Iterator[Export]:
    """``export DECK -o TARGET [options]`` in-process: (status, stdout, stderr)."""

    def run(target: Path | str, *options: str) -> tuple[int, str, str]:
        status = main(["export", str(deck), "-o", str(target), *options])
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    yield run


def one_error(err: str) -> str:
    """The message of a one-line ``tianjin-briefing: error:`` (fails on anything else)."""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith(PREFIX), err
    assert "internal error" not in err
    return err[len(PREFIX) : -1]


def leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith((".part", ".qt")))


def is_new_pdf(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"%PDF-") and data != OLD_PDF and data.rstrip().endswith(b"%%EOF")


# -- files that are not PDFs -----------------------------------------------------------------

OTHER_FILES: Final = {
    "notes.txt": (b"my notes for the talk\n", "a text file (22 bytes)"),
    "README.md": (b"# Read me\n\nImportant.\n" * 100, "a text file (2 KB)"),
    "photo.pdf": (b"\x89PNG\r\n\x1a\n" + bytes(100), "a PNG image (108 bytes)"),
    "data.pdf": (bytes(range(256)), "a binary file (256 bytes)"),
}


@pytest.mark.parametrize("name", sorted(OTHER_FILES))
def test_a_file_that_is_not_a_pdf_is_replaced_only_with_force(
    name: str, tmp_path: Path, export: Export, tally: Tally
) -> None:
    content, what = OTHER_FILES[name]
    target = tmp_path / name
    target.write_bytes(content)
    status, out, err = export(target)
    assert (status, out) == (1, "")
    assert one_error(err) == (
        f"{target} already exists and is {what}, not a PDF; to replace it, run again with --force"
    )
    assert target.read_bytes() == content
    assert leftovers(tmp_path) == []

    status, out, err = export(target, "--force")
    assert (status, err) == (0, ""), err
    assert out.startswith(f"Wrote {target}: ")
    assert is_new_pdf(target)
    tally.add("test_a_file_that_is_not_a_pdf_is_replaced_only_with_force", 1, "cases")


def test_an_existing_pdf_and_an_empty_file_are_replaced(
    tmp_path: Path, export: Export, tally: Tally
) -> None:
    """What the rule allows without --force; a read-only PDF still is not."""
    pdf, empty, locked = tmp_path / "old.pdf", tmp_path / "empty.pdf", tmp_path / "locked.pdf"
    pdf.write_bytes(OLD_PDF)
    empty.touch()
    locked.write_bytes(OLD_PDF)
    locked.chmod(0o444)
    for target in (pdf, empty):
        status, _out, err = export(target)
        assert (status, err) == (0, ""), err
        assert is_new_pdf(target)
    status, _out, err = export(locked)
    assert status == 1
    assert one_error(err) == (
        f"cannot write {locked}: the file is read-only; make it writable first or choose"
        " another name"
    )
    assert locked.read_bytes() == OLD_PDF
    tally.add("test_an_existing_pdf_and_an_empty_file_are_replaced", 3, "cases")


# -- never written -----------------------------------------------------------------------------


def make_special(kind: str, folder: Path) -> tuple[Path, str]:
    """A file of *kind* in *folder*: (its path, the word the refusal uses)."""
    path = folder / f"{kind}.pdf"
    if kind == "fifo":
        os.mkfifo(path)
        return path, "named pipe (FIFO)"
    if kind == "socket":
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(str(path))
        server.close()  # the socket file stays
        return path, "socket"
    if kind == "device":
        if ROOT:  # a null device of our own: never /dev/null itself, whatever the code does
            os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
            return path, "device"
        return Path("/dev/null"), "device"
    if kind == "link-to-device":
        device, word = make_special("device", folder)
        path.symlink_to(device)
        return path, word
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["device", "fifo", "socket", "link-to-device"])
def test_devices_pipes_and_sockets_are_never_written(
    kind: str, tmp_path: Path, export: Export, tally: Tally
) -> None:
    target, word = make_special(kind, tmp_path)
    before = target.stat()
    for options in ((), ("--force",)):
        status, out, err = export(target, *options)
        assert (status, out) == (1, "")
        assert one_error(err) == (
            f"cannot write {target}: it is a {word}, not a regular file; an export writes only"
            " to files (give a name such as briefing.pdf)"
        )
        after = target.stat()
        assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert leftovers(tmp_path) == []
    tally.add("test_devices_pipes_and_sockets_are_never_written", 2, "cases")


def test_folders_and_links_to_nowhere_are_never_written(
    tmp_path: Path, export: Export, tally: Tally
) -> None:
    folder = tmp_path / "out.pdf"
    folder.mkdir()
    dangling = tmp_path / "link.pdf"
    dangling.symlink_to(tmp_path / "elsewhere" / "gone.pdf")
    (tmp_path / "elsewhere").mkdir()
    for options in ((), ("--force",)):
        status, _out, err = export(folder, *options)
        assert status == 1
        assert one_error(err) == f"{folder} is a folder; give a file name such as briefing.pdf"
        status, _out, err = export(dangling, *options)
        assert status == 1
        assert one_error(err) == (
            f"cannot write {dangling}: it is a link to {tmp_path / 'elsewhere' / 'gone.pdf'},"
            " which does not exist; remove the link or choose another name"
        )
    assert list(folder.iterdir()) == []
    assert list((tmp_path / "elsewhere").iterdir()) == []
    tally.add("test_folders_and_links_to_nowhere_are_never_written", 4, "cases")


def test_read_only_files_are_never_written_as_root(
    tmp_path: Path, export: Export, tally: Tally
) -> None:
    """Root may write anything; a file without write bits is read-only for the app all the same."""
    if not ROOT:
        pytest.skip("root's rule: run as root (as CI does)")
    target = tmp_path / "locked.txt"
    target.write_bytes(b"keep me")
    target.chmod(0o444)
    for options in ((), ("--force",)):
        status, _out, err = export(target, *options)
        assert status == 1
        assert one_error(err).endswith(
            "the file is read-only; make it writable first or choose another name"
        )
        assert target.read_bytes() == b"keep me"
    tally.add("test_read_only_files_are_never_written_as_root", 2, "cases")


def _drop_root_powers() -> None:
    """In the child: root without the capabilities that bypass file permissions."""
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24
    for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
        if libc.prctl(pr_capbset_drop, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_a_plain_user_never_replaces_a_file_they_may_not_write(
    deck: Path, tmp_path: Path, tally: Tally
) -> None:
    """The folder is writable, so the rename could replace the file: it must not.

    The file's owner may read but not write it (mode 0464: the group could). As root the
    child drops the capabilities that bypass permissions, so it is a plain user here.
    """
    if not sys.platform.startswith("linux"):
        pytest.skip("capabilities are Linux's")
    target = tmp_path / "theirs.pdf"
    target.write_bytes(OLD_PDF)
    target.chmod(0o464)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)

    def export_as_plain_user(to: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desktop", "export", str(deck), "-o", str(to), "--force"],
            capture_output=True,
            text=True,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANJIN_BRIEFING_HOME=str(tmp_path)),
            preexec_fn=_drop_root_powers if ROOT else None,  # no threads run in this test
            timeout=120,
            check=False,
        )

    done = export_as_plain_user(target)
    assert (done.returncode, done.stdout) == (1, ""), done.stderr
    assert one_error(done.stderr) == (
        f"cannot write {target}: the file is read-only; make it writable first or choose"
        " another name"
    )
    assert target.read_bytes() == OLD_PDF
    assert stat.S_IMODE(target.stat().st_mode) == 0o464
    # A folder the user may not write: refused before a page is drawn, in the OS's words.
    done = export_as_plain_user(locked / "new.pdf")
    assert (done.returncode, done.stdout) == (1, ""), done.stderr
    assert one_error(done.stderr) == f"cannot write {locked / 'new.pdf'}: Permission denied"
    assert list(locked.iterdir()) == []
    tally.add("test_a_plain_user_never_replaces_a_file_they_may_not_write", 2, "cases")


def test_an_overwritten_file_keeps_its_owner_and_mode(
    tmp_path: Path, export: Export, tally: Tally
) -> None:
    if not ROOT:
        pytest.skip("giving a file to another user needs root")
    target = tmp_path / "shared.pdf"
    target.write_bytes(OLD_PDF)
    os.chown(target, 65534, 65534)
    target.chmod(0o640)
    status, _out, err = export(target)
    assert (status, err) == (0, ""), err
    info = target.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)
    assert is_new_pdf(target)
    tally.add("test_an_overwritten_file_keeps_its_owner_and_mode", 1, "cases")


def test_a_target_that_changes_during_the_export_is_not_replaced(
    deck: Path, tmp_path: Path, tally: Tally
) -> None:
    """Checked at the start and again just before the rename."""
    loaded = load_deck(deck).deck
    assert loaded is not None
    target = tmp_path / "briefing.pdf"
    target.write_bytes(OLD_PDF)

    def meanwhile(done: int, _total: int) -> bool:
        if done == 1:  # another program writes its notes there while the export runs
            target.write_bytes(b"notes written meanwhile\n")
        return True

    with pytest.raises(TargetError, match="already exists and is a text file"):
        registry.get("pdf").export(loaded, target, progress=meanwhile)
    assert target.read_bytes() == b"notes written meanwhile\n"
    assert leftovers(tmp_path) == []
    tally.add("test_a_target_that_changes_during_the_export_is_not_replaced", 1, "cases")


# -- names ------------------------------------------------------------------------------------


def test_names_too_long_give_one_line(tmp_path: Path, export: Export, tally: Tally) -> None:
    too_long = tmp_path / ("n" * 300 + ".pdf")
    status, _out, err = export(too_long)
    assert status == 1
    message = one_error(err)
    assert message.endswith(": the file name is too long (304 bytes; file systems allow 255)")
    assert len(message) < 300  # the path is shortened in the middle

    deep = tmp_path.joinpath(*["d" * 200] * 25, "x.pdf")
    status, _out, err = export(deep)
    assert status == 1
    assert one_error(err).endswith(f": the path is too long ({len(os.fsencode(deep))} bytes)")

    # The longest name the file system takes still works: the temporary name is shortened.
    longest = tmp_path / ("l" * 251 + ".pdf")
    status, _out, err = export(longest)
    assert (status, err) == (0, ""), err
    assert is_new_pdf(longest)
    assert leftovers(tmp_path) == []
    tally.add("test_names_too_long_give_one_line", 3, "cases")


def run_in_c_locale(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(C_LOCALE, QT_QPA_PLATFORM="offscreen", TIANJIN_BRIEFING_HOME=str(home))
    return subprocess.run(
        [sys.executable, *args], capture_output=True, cwd=cwd, env=env, timeout=120, check=False
    )


def test_chinese_names_and_messages_in_the_c_locale(
    make_deck: DeckFactory, tmp_path: Path, tally: Tally
) -> None:
    """ASCII stdout and file names: Chinese file names still work, Chinese text is escaped."""
    work = tmp_path / "work"
    (work / "简报").mkdir(parents=True)
    home = tmp_path / "home"
    broken = make_deck(
        {"a.yaml": "title: 第一节\nslides:\n  - title: 要点\n    layout: 图表\n"}, name="broken"
    )
    done = run_in_c_locale("-m", "desktop", "check", str(broken), cwd=work, home=home)
    assert (done.returncode, done.stderr) == (1, b""), done.stderr
    lines = done.stdout.decode("ascii").splitlines()
    assert any("\\u56fe\\u8868" in line for line in lines), lines  # 图表, escaped
    assert lines[-1] == "1 error, 1 warning: the deck cannot be shown", lines

    section = "title: 第一节\nslides:\n  - title: 要点\n    bullets: [一]\n    sources: [src]\n"
    good = make_deck({"a.yaml": section}, name="good")
    done = run_in_c_locale(
        "-m", "desktop", "export", str(good), "-o", "简报/天津.pdf", cwd=work, home=home
    )
    assert (done.returncode, done.stderr) == (0, b""), done.stderr  # Qt's locale note: the log
    assert done.stdout.startswith("Wrote 简报/天津.pdf: 3 pages".encode()), done.stdout
    written = work / "简报" / "天津.pdf"
    assert written.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in written.parent.iterdir()) == ["天津.pdf"]

    # A name the locale cannot encode at all (text from Python, not bytes from a shell).
    code = (
        "import sys, desktop.cli;"
        " sys.exit(desktop.cli.main(['export', sys.argv[1], '-o', '\\u7b80\\u62a5.pdf']))"
    )
    done = run_in_c_locale("-c", code, str(good), cwd=work, home=home)
    assert done.returncode == 1
    assert done.stderr.decode("ascii") == (
        f"{PREFIX}cannot write \\u7b80\\u62a5.pdf: the name cannot be written in this"
        " system's file name encoding (ascii); use a UTF-8 locale (e.g. LANG=C.UTF-8) or"
        " another name\n"
    )
    assert sorted(p.name for p in work.iterdir()) == ["简报"]
    tally.add("test_chinese_names_and_messages_in_the_c_locale", 3, "cases")


# -- the other writers: schema, the Export dialog ---------------------------------------------


def test_schema_replaces_only_json_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], restore_logging: None, tally: Tally
) -> None:
    mine = tmp_path / "deck.schema.json"
    mine.write_text("my own notes, not a schema\n")
    assert main(["schema", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert one_error(captured.err) == (
        f"{mine} already exists and is a text file (27 bytes), not a JSON file; to replace it,"
        " run again with --force"
    )
    assert mine.read_text() == "my own notes, not a schema\n"
    assert not (tmp_path / "section.schema.json").exists()  # nothing written half-way
    assert main(["schema", str(tmp_path), "--force"]) == 0
    assert mine.read_text().startswith("{")
    assert main(["schema", str(tmp_path)]) == 0  # JSON replaces JSON
    tally.add("test_schema_replaces_only_json_unless_forced", 3, "cases")


def test_the_export_dialog_follows_the_same_rule(
    qtbot: QtBot, deck: Path, tmp_path: Path, tally: Tally
) -> None:
    from desktop.ui.export_dialog import ExportDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Settings

    questions: list[str] = []
    told: list[str] = []
    answers: list[bool] = []

    def ask(question: str) -> bool:
        questions.append(question)
        return answers.pop(0)

    def dialog_for(target: Path) -> ExportDialog:
        questions.clear()
        told.clear()
        dialog = ExportDialog(
            target, protected=[deck / "deck.yaml", deck / "a.yaml"], ask=ask, tell=told.append
        )
        qtbot.addWidget(dialog)
        dialog.accept()
        return dialog

    accepted = ExportDialog.DialogCode.Accepted
    fifo, _ = make_special("fifo", tmp_path)
    refused = dialog_for(fifo)
    assert refused.result() != accepted and questions == []
    assert told == [
        f"cannot write {fifo}: it is a named pipe (FIFO), not a regular file; an export writes"
        " only to files (give a name such as briefing.pdf)"
    ]
    assert dialog_for(deck / "a.yaml").result() != accepted
    assert told == [f"{deck / 'a.yaml'} is a deck file; choose another name for the PDF"]

    old = tmp_path / "old.pdf"
    old.write_bytes(OLD_PDF)
    answers[:] = [False]
    assert dialog_for(old).result() != accepted
    assert questions == [f"old.pdf already exists (a PDF ({len(OLD_PDF)} bytes)). Replace it?"]
    answers[:] = [True]
    yes = dialog_for(old)
    assert yes.result() == accepted and not yes.force

    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    answers[:] = [True]
    forced = dialog_for(notes)
    assert questions == [
        "notes.txt is a text file (9 bytes), not a PDF. Replace it with the PDF? What it holds"
        " now will be lost."
    ]
    assert forced.result() == accepted and forced.force
    assert dialog_for(tmp_path / "new.pdf").result() == accepted and questions == []

    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.open_deck(deck)
    assert window.export_to(notes, interactive=False) is None  # not without the user's yes
    assert notes.read_text() == "my notes\n"
    assert window.export_to(notes, interactive=False, force=forced.force) is not None
    assert is_new_pdf(notes)
    tally.add("test_the_export_dialog_follows_the_same_rule", 7, "cases")


def test_the_rule_takes_the_format_of_each_exporter(tmp_path: Path, tally: Tally) -> None:
    """Later exporters (PNG, PPTX) pass their own signature: the rule is not PDF-only."""
    from desktop.core.targets import FileFormat

    png = FileFormat("PNG image", ".png", (b"\x89PNG\r\n\x1a\n",))
    picture = tmp_path / "slide.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    assert check_target(picture, png).same_format
    with pytest.raises(TargetError, match=r"is a PNG image \(28 bytes\), not a PDF") as refused:
        check_target(picture, PDF)
    assert refused.value.replaceable
    assert check_target(picture, PDF, force=True).replaces == "a PNG image (28 bytes)"
    tally.add("test_the_rule_takes_the_format_of_each_exporter", 3, "cases")
