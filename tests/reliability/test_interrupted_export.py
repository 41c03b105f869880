"""Interrupted exports, full disks and read-only targets: the target is never a partial PDF.

An export of a generated 300-slide deck runs in a subprocess (``export_child.py``, which
prints each phase as it starts) and is killed with SIGKILL: after a seeded random delay, at
a random page, while the structure is built, while it is appended and just before the final
rename.
After each kill the target is byte-identical to the previous file (or still absent when there
was none). The temporary files a kill leaves beside the target are removed by the next
export. ``RELIABILITY_SEED`` changes the seed.
"""

from __future__ import annotations

import errno
import os
import random
import re
import resource
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.core.atomic import host_tag, remove_stale_parts
from tests.reliability.conftest import Tally

pytestmark = pytest.mark.reliability("Interrupted export, full disk, read-only target")

CHILD: Final = Path(__file__).with_name("export_child.py")
SEED: Final = int(os.environ.get("RELIABILITY_SEED", "20261127"))
SLIDES: Final = 300
OLD_PDF: Final = b"%PDF-1.4\n% the previous briefing, which must survive\n%%EOF\n"
ONE_LINE: Final = re.compile(
    r"^tianjin-briefing: error: cannot write (?P<target>\S+): (?P<why>.+)\n$"
)


def write_deck(folder: Path, slides: int = SLIDES, per_section: int = 30) -> Path:
    """A deck of *slides* bullet slides in sections of *per_section*."""
    folder.mkdir(parents=True)
    (folder / "deck.yaml").write_text("title: Big deck\nsources: [{id: src, title: Source}]\n")
    for section in range(0, slides, per_section):
        lines = [f"title: Section {section // per_section + 1}", "slides:"]
        for number in range(section, min(slides, section + per_section)):
            lines += [
                f"  - title: Slide {number + 1}",
                "    bullets: [A first point, a second point, and a third one]",
                "    sources: [src]",
            ]
        (folder / f"s{section // per_section:02d}.yaml").write_text("\n".join(lines) + "\n")
    return folder


@pytest.fixture(scope="module")
def big_deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_deck(tmp_path_factory.mktemp("big") / "deck")


def leftovers(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}."))


@dataclass
class Kill:
    """One planned kill: at a marker the child prints, then after *delay* seconds.

    With *hold*, the child waits at the marker until killed (for phases of milliseconds).
    """

    marker: str
    delay: float
    old: bool = True
    hold: bool = False


@dataclass
class Outcome:
    killed: bool
    last_marker: str


def run_and_kill(deck: Path, target: Path, plan: Kill) -> Outcome:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if plan.hold:
        env["EXPORT_CHILD_HOLD"] = plan.marker
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(deck), str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    watchdog = threading.Timer(60, child.kill)  # a hung child must not hang the suite
    watchdog.start()
    try:
        assert child.stdout is not None
        seen = ""
        if plan.marker != "launch":
            while seen != plan.marker:
                line = child.stdout.readline()
                if not line:
                    break  # finished (or failed) before the marker
                seen = line.strip()
        time.sleep(plan.delay)
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate(timeout=60)
    finally:
        watchdog.cancel()
    markers = [seen, *out.splitlines()]
    last = next((m for m in reversed(markers) if m and not m.startswith("Wrote")), "")
    if child.returncode not in (0, -signal.SIGKILL):
        pytest.fail(f"export failed on its own ({child.returncode}): {err}")
    return Outcome(child.returncode == -signal.SIGKILL, last)


def kill_plans(rng: random.Random) -> list[Kill]:
    return [
        *(Kill("launch", rng.uniform(0.05, 1.0)) for _ in range(4)),
        *(Kill(f"page {rng.randint(1, SLIDES)}", rng.uniform(0, 0.02)) for _ in range(3)),
        Kill("structure", 0.0, hold=True),
        Kill("structure", rng.uniform(0, 0.005)),
        Kill("write", 0.0, hold=True),
        Kill("replace", 0.0),
        Kill(f"page {rng.randint(1, SLIDES)}", 0.0, old=False),
        Kill("structure", rng.uniform(0, 0.005), old=False),
    ]


def test_killed_export_keeps_the_previous_file(
    big_deck: Path, tmp_path: Path, tally: Tally, restore_logging: None
) -> None:
    plans = kill_plans(random.Random(SEED))
    out = tmp_path / "out"
    out.mkdir()
    targets = [out / f"briefing-{number}.pdf" for number in range(len(plans))]
    killed_at: list[str] = []
    finished = 0
    for target, plan in zip(targets, plans, strict=True):
        if plan.old:
            target.write_bytes(OLD_PDF)
        outcome = run_and_kill(big_deck, target, plan)
        where = f"{plan} (last marker {outcome.last_marker!r})"
        now = target.read_bytes() if target.exists() else None
        if now == (OLD_PDF if plan.old else None):  # as before the export: it was killed
            assert outcome.killed, where
            killed_at.append((outcome.last_marker or "import").split()[0])
        else:  # otherwise only a complete new PDF: it finished, or died after the rename
            assert not outcome.killed or outcome.last_marker in ("replace", "done"), where
            assert len(PdfReader(target).pages) >= SLIDES, where
            finished += 1
    phases = ", ".join(f"{killed_at.count(p)} {p}" for p in dict.fromkeys(sorted(killed_at)))
    phases += f"; {finished} finished before the kill (a complete new PDF)"
    tally.add("test_killed_export_keeps_the_previous_file", len(killed_at), "kills", phases)
    assert {"page", "structure", "write"} <= set(killed_at), killed_at

    # A kill leaves temporary files beside the target; the next export to it removes them.
    with_parts = [target for target in targets if leftovers(target)]
    assert with_parts, "no kill left a temporary file: did any land mid-export?"
    assert main(["export", str(big_deck), "-o", str(with_parts[0])]) == 0
    assert leftovers(with_parts[0]) == []
    assert len(PdfReader(with_parts[0]).pages) >= SLIDES
    for target in with_parts[1:]:
        remove_stale_parts(target)
        assert leftovers(target) == []


def ended_pid() -> int:
    """The id of a process that has ended (a writer killed long ago)."""
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(ended.stdout)


def test_stale_parts_of_running_writers_are_kept(tmp_path: Path) -> None:
    """Only this machine's leftovers whose process has ended are removed."""
    target = tmp_path / "briefing.pdf"
    dead = ended_pid()
    prefix = f".{target.name}.{host_tag()}"
    files = {
        "dead": tmp_path / f"{prefix}.pid{dead}.abc.part",
        "dead-draft": tmp_path / f"{prefix}.pid{dead}.abc.part.qt",
        "alive": tmp_path / f"{prefix}.pid{os.getppid()}.def.part",
        "mine": tmp_path / f"{prefix}.pid{os.getpid()}.ghi.part",
        "other-host": tmp_path / f".{target.name}.elsewhere.pid{dead}.jkl.part",
        "not-ours": tmp_path / f".{target.name}.abcdefgh.part",
        "other-target": tmp_path / f".other.pdf.{prefix[1:]}.pid{dead}.mno.part",
    }
    for path in files.values():
        path.write_bytes(b"partial")
    removed = remove_stale_parts(target)
    assert sorted(removed) == sorted([files["dead"], files["dead-draft"]])
    assert all(path.exists() for key, path in files.items() if not key.startswith("dead"))


def test_stale_parts_of_many_targets_in_one_listing(tmp_path: Path) -> None:
    """A folder export (a thousand slide images) removes its files' leftovers at once."""
    dead = ended_pid()
    images = [tmp_path / f"{n:02d}-slide.png" for n in range(1, 4)]
    other = tmp_path / "sub" / "01-slide.png"
    other.parent.mkdir()

    def part(target: Path, pid: int, tag: str) -> Path:
        path = target.parent / f".{target.name}.{host_tag()}.pid{pid}.{tag}.part"
        path.write_bytes(b"partial")
        return path

    stale = [part(image, dead, "a") for image in images[:2]] + [part(other, dead, "b")]
    kept = [part(images[2], os.getpid(), "c"), part(tmp_path / "99-other.png", dead, "d")]
    removed = remove_stale_parts(*images, other)
    assert sorted(removed) == sorted(stale)
    assert all(path.exists() for path in kept)


# -- full disks and read-only targets ------------------------------------------------------------


def export_in_process(target: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["export", "-o", str(target)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_disk_full_while_the_structure_is_written(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    restore_logging: None,
    tally: Tally,
) -> None:
    from desktop.export.pdf_update import IncrementalUpdate

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(IncrementalUpdate, "write", full)
    target = tmp_path / "briefing.pdf"
    target.write_bytes(OLD_PDF)
    status, out, err = export_in_process(target, capsys)
    assert (status, out) == (1, "")
    assert err == f"tianjin-briefing: error: cannot write {target}: the disk is full\n"
    assert target.read_bytes() == OLD_PDF
    assert leftovers(target) == []
    tally.add("test_disk_full_while_the_structure_is_written", 1, "cases")


def limited_file_size(limit: int) -> None:
    """In the child: files may not grow beyond *limit* bytes (writes fail with EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("limit", [20_000, 120_000])
def test_file_size_limit_while_qt_draws(tmp_path: Path, limit: int, tally: Tally) -> None:
    """A real write failure, not a mock: the kernel refuses to grow the file past *limit*.

    Qt does not always report a failed write; the export must notice anyway.
    """
    target = tmp_path / "briefing.pdf"
    target.write_bytes(OLD_PDF)
    home = tmp_path / "home"  # a fresh log file: a long one could not grow under the limit
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "export", "-o", str(target)],
        capture_output=True,
        text=True,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANJIN_BRIEFING_HOME=str(home)),
        preexec_fn=lambda: limited_file_size(limit),  # no threads run in this test
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, ""), done.stderr
    match = ONE_LINE.match(done.stderr)
    assert match, done.stderr
    assert match["why"] in (
        os.strerror(errno.EFBIG),
        "the PDF could not be written completely (is the disk full?)",
    )
    assert target.read_bytes() == OLD_PDF
    assert leftovers(target) == []
    tally.add("test_file_size_limit_while_qt_draws", 1, "cases")


REFUSALS: Final = {
    os.strerror(code) for code in (errno.ENOENT, errno.EACCES, errno.EPERM, errno.EROFS)
}


@pytest.mark.parametrize("folder", ["/proc", "/sys"])
def test_read_only_targets(
    folder: str,
    capsys: pytest.CaptureFixture[str],
    restore_logging: None,
    tally: Tally,
) -> None:
    """Folders that refuse new files even to root (tests run as root: chmod would not do)."""
    target = Path(folder) / "briefing.pdf"
    status, out, err = export_in_process(target, capsys)
    assert (status, out) == (1, "")
    match = ONE_LINE.match(err)
    assert match and match["target"] == str(target) and match["why"] in REFUSALS, err
    assert not target.exists()
    tally.add("test_read_only_targets", 1, "cases")


def test_read_only_file_system_mocked(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    restore_logging: None,
    tally: Tally,
) -> None:
    """Tests run as root, so chmod cannot make a folder read-only: the OS error is mocked."""
    import tempfile

    def read_only(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    target = tmp_path / "briefing.pdf"
    target.write_bytes(OLD_PDF)
    status, out, err = export_in_process(target, capsys)
    assert (status, out) == (1, "")
    assert err == f"tianjin-briefing: error: cannot write {target}: Read-only file system\n"
    assert target.read_bytes() == OLD_PDF
    tally.add("test_read_only_file_system_mocked", 1, "cases")
