"""Measure how long an SVG takes to draw, in a separate process stopped at a deadline.

PySide6 holds the GIL while Qt draws, so a drawing that takes minutes cannot be stopped
from inside the process: not by a timer, not from another thread (the whole process
waits). So an SVG whose drawing cost the estimate cannot vouch for
(:attr:`desktop.core.svg.SvgCheck.measure`: estimated over
:data:`~desktop.core.svg.ESTIMATE_MEASURED`, or using filters, masks or patterns) is drawn
once here first: by a child Python process, at its largest size on a 4K slide, killed when
drawing takes more than :data:`~desktop.core.svg.DRAW_LIMIT` seconds.

The verdict is kept by the SVG's content, the box and the Qt version: in memory, and in the
user cache folder (``svg-draw`` in :func:`desktop.core.paths.cache_dir`), so an SVG is
measured once, not at every check or start. A verdict the machine's load may have caused
(killed before the child had used its time on the CPU) is kept in memory only.

A check of a deck measures within a :func:`budget`: once it is spent, the SVGs left are not
measured (:attr:`Verdict.UNMEASURED`: not drawn, measured at the next check), so no check,
export or window open waits longer than the budget, however many slow SVGs a deck has.
Measuring outside a check (a slide painted with an SVG that changed since the check) shares
one budget a minute, so painting never waits longer either.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import logging
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Final

from desktop.core.paths import cache_dir
from desktop.core.svg import DRAW_LIMIT
from desktop.core.svg_cost import CANVAS

log = logging.getLogger(__name__)

STARTUP_LIMIT: Final = 10.0
"""Seconds the child may take to start Qt and read the SVG (a busy machine), apart from
drawing."""
BUDGET: Final = 6.0
"""Seconds one check of a deck may spend measuring SVGs, in all."""
LOOSE_WINDOW: Final = 60.0
"""Measuring outside a check (when a slide is painted) spends at most :data:`BUDGET` in any
this many seconds."""
VERSION: Final = "1"
"""Part of every cache key: a change of how SVGs are measured measures them again."""
WAIT: Final = 1.5
"""A busy machine may give the child less than a whole CPU: it may use up to this many
times :data:`DRAW_LIMIT` of wall-clock time to spend :data:`DRAW_LIMIT` on the CPU."""
POLL: Final = 0.05
"""Seconds between looks at the child's CPU time."""
SURE: Final = 0.6
"""A drawing stopped at the deadline after using this share of :data:`DRAW_LIMIT` on the CPU
is kept as slow in the cache folder; one that got less of the CPU (the machine was busy) is
kept in memory only, and measured again by the next process."""


READY: Final = "ready"
"""The child's first line (then its CPU seconds so far): Qt started and the SVG was read."""
DONE: Final = "done"
"""The child's last line (then the CPU seconds drawing took). The two lines are the child's
protocol with its parent, not words for people."""


class Verdict(enum.Enum):
    FAST = "fast"
    """Drawn within the limit."""
    SLOW = "slow"
    """Drawing took longer than the limit."""
    UNMEASURED = "unmeasured"
    """Not measured: the check's budget was spent (measured at the next check)."""
    BROKEN = "broken"
    """Qt failed while drawing it (the child died)."""
    FAILED = "failed"
    """The child could not start (the caller falls back on the estimate)."""


_MEMORY: dict[str, Verdict] = {}
_DEADLINES: list[float] = []
_LOOSE: list[tuple[float, float]] = []
"""(when, seconds) of each measuring outside any budget (a slide painted with an SVG no
check has measured): those share :data:`BUDGET` a :data:`LOOSE_WINDOW`."""
"""When the open budgets end (monotonic clock), the innermost last."""
_LOCK: Final = threading.Lock()


@contextlib.contextmanager
def budget(seconds: float = BUDGET) -> Iterator[None]:
    """Measure at most *seconds* in all inside this block (see the module)."""
    _DEADLINES.append(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINES.pop()


def _loose_left() -> float:
    now = time.monotonic()
    _LOOSE[:] = [(when, took) for when, took in _LOOSE if now - when < LOOSE_WINDOW]
    return BUDGET - sum(took for _, took in _LOOSE)


def in_budget() -> bool:
    """Whether a budget is open (a check is running, so unmeasured SVGs are tried again)."""
    return bool(_DEADLINES)


def forget() -> None:
    """Drop the verdicts kept in memory (the ones in the cache folder stay)."""
    _MEMORY.clear()


def measure(data: bytes, box: tuple[float, float]) -> Verdict:
    """Whether the SVG *data*, drawn fitted into *box* on a 4K slide, draws in time."""
    key = _key(data, box)
    with _LOCK:
        known = _MEMORY.get(key) or _read(key)
        if known is not None:
            _MEMORY[key] = known
            return known
        wait, capped = WAIT * DRAW_LIMIT, False
        left = _DEADLINES[-1] - time.monotonic() if _DEADLINES else _loose_left()
        if left < min(1.0, DRAW_LIMIT):
            return Verdict.UNMEASURED
        if left < wait:
            wait, capped = left, True
        start = time.monotonic()
        verdict, sure = _run(data, box, wait)
        if not _DEADLINES:
            _LOOSE.append((start, time.monotonic() - start))
        if verdict is Verdict.SLOW and not sure and capped:
            return Verdict.UNMEASURED  # stopped early for the budget: not known yet
        _MEMORY[key] = verdict
        if sure:
            _write(key, verdict)
        return verdict


def _key(data: bytes, box: tuple[float, float]) -> str:
    from PySide6 import __version__ as pyside

    digest = hashlib.sha256(data)
    digest.update(f"|{box[0]:g}x{box[1]:g}|{pyside}|{VERSION}".encode())
    return digest.hexdigest()


def _folder() -> Path:
    return cache_dir() / "svg-draw"


def _read(key: str) -> Verdict | None:
    try:
        text = (_folder() / key).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    try:
        verdict = Verdict(text)
    except ValueError:
        return None
    return verdict if verdict in (Verdict.FAST, Verdict.SLOW, Verdict.BROKEN) else None


def _write(key: str, verdict: Verdict) -> None:
    folder = _folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, prefix=".part-")
        with os.fdopen(handle, "w", encoding="ascii") as stream:
            stream.write(verdict.value + "\n")
        Path(name).replace(folder / key)
    except OSError as exc:
        log.info("cannot keep an SVG verdict in %s: %s", folder, exc)


def _run(data: bytes, box: tuple[float, float], wait: float) -> tuple[Verdict, bool]:
    """Draw *data* in a child process; the verdict, and whether it holds on any day."""
    with tempfile.TemporaryDirectory(prefix="tianjin-svg-") as work:
        source = Path(work) / "image.svg"
        source.write_bytes(data)
        errors_path = Path(work) / "stderr.txt"
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        command = [sys.executable, "-I", "-m", "desktop.render.probe", str(source)]
        command += [f"{box[0]:g}", f"{box[1]:g}"]
        try:
            with errors_path.open("wb") as errors:
                child = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=errors,
                    cwd=work,
                    env=env,
                )
        except OSError as exc:
            log.warning("cannot start the SVG probe: %s", exc)
            return Verdict.FAILED, False
        assert child.stdout is not None
        lines, reader = _lines(child.stdout)
        try:
            verdict, sure, started = _watch(child, lines, wait)
        finally:
            cpu = _stop(child)
            reader.join(timeout=5)
            child.stdout.close()
            _log_errors(errors_path)
        if sure is None:  # stopped by the clock: sure if it had the CPU long enough
            sure = cpu is not None and cpu - started >= SURE * DRAW_LIMIT
        log.info("SVG probe (%d bytes, box %gx%g): %s", len(data), *box, verdict.value)
        return verdict, sure


def _watch(
    child: subprocess.Popen[bytes], lines: queue.Queue[str], wait: float
) -> tuple[Verdict, bool | None, float]:
    """The verdict; whether it is sure (None: the clock stopped it, so it depends on the CPU
    time the child had); the CPU seconds the child had used before drawing."""
    ready = (_next(lines, STARTUP_LIMIT) or "").split()
    if len(ready) != 2 or ready[0] != READY:
        log.warning("the SVG probe did not start (%r)", " ".join(ready))
        return Verdict.FAILED, False, 0.0
    started = float(ready[1])
    if _cpu_seconds(child.pid) is None:  # the CPU cannot be watched: only the clock
        wait = min(wait, DRAW_LIMIT)
    end = time.monotonic() + wait
    while True:
        line = _next(lines, min(POLL, max(0.0, end - time.monotonic())))
        if line is not None:
            words = line.split()
            if words[:1] != [DONE] or len(words) != 2:
                log.warning("the SVG probe stopped while drawing (%r)", line)
                return Verdict.BROKEN, True, started
            slow = float(words[1]) > DRAW_LIMIT
            return (Verdict.SLOW if slow else Verdict.FAST), True, started
        used = _cpu_seconds(child.pid)
        if used is not None and used - started >= DRAW_LIMIT:
            return Verdict.SLOW, True, started
        if time.monotonic() >= end:
            return Verdict.SLOW, None, started


def _cpu_seconds(pid: int) -> float | None:
    """The CPU seconds process *pid* has used, where the OS says (Linux), else None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None
    return (int(fields[11]) + int(fields[12])) / ticks


def _lines(stream: IO[bytes]) -> tuple[queue.Queue[str], threading.Thread]:
    """The lines the child prints, read by a thread (``end`` when it closes its output)."""
    found: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for raw in stream:
            found.put(raw.decode("ascii", errors="replace").strip())
        found.put("end")

    reader = threading.Thread(target=read, name="svg-probe-reader", daemon=True)
    reader.start()
    return found, reader


def _next(lines: queue.Queue[str], seconds: float) -> str | None:
    """The child's next line, or None when it printed none within *seconds*."""
    try:
        return lines.get(timeout=max(0.0, seconds))
    except queue.Empty:
        return None


def _stop(child: subprocess.Popen[bytes]) -> float | None:
    """Kill the child if it still runs; the CPU seconds it used, where the OS says."""
    if child.poll() is None:
        child.kill()
    wait4 = getattr(os, "wait4", None)
    if wait4 is not None and child.returncode is None:
        try:
            _pid, status, usage = wait4(child.pid, 0)
        except ChildProcessError:
            child.wait()
            return None
        child.returncode = os.waitstatus_to_exitcode(status)
        return float(usage.ru_utime + usage.ru_stime)
    child.wait()
    return None


def _log_errors(path: Path) -> None:
    try:
        text = path.read_bytes()[: 64 * 1024].decode("utf-8", errors="replace")
    except OSError:
        return
    for line in text.splitlines():
        if line.strip():
            log.info("SVG probe: %s", line.strip())


# -- the child -----------------------------------------------------------------------------


def _child(arguments: list[str]) -> int:
    """Draw the SVG at ``arguments[0]`` fitted into a box of ``arguments[1:3]`` pixels."""
    data = Path(arguments[0]).read_bytes()
    width, height = float(arguments[1]), float(arguments[2])
    from PySide6.QtCore import QByteArray, QRectF, QSizeF, Qt
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(["tianjin-svg-probe"])
    renderer = QSvgRenderer(QByteArray(data))
    canvas = QImage(int(CANVAS[0]), int(CANVAS[1]), QImage.Format.Format_ARGB32_Premultiplied)
    canvas.fill(QColor("white"))
    natural = QSizeF(renderer.defaultSize())
    if natural.isEmpty():
        natural = QSizeF(4, 3)
    drawn = natural.scaled(QSizeF(width, height), Qt.AspectRatioMode.KeepAspectRatio)
    rect = QRectF(0, 0, drawn.width(), drawn.height())
    rect.moveCenter(QRectF(0, 0, CANVAS[0], CANVAS[1]).center())
    print(READY, f"{time.process_time():.3f}", flush=True)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    start = time.process_time()
    renderer.render(painter, rect)
    painter.end()
    print(DONE, f"{time.process_time() - start:.3f}", flush=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
