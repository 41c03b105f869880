"""Benchmark processes: the fresh subprocesses every figure is measured in.

Workers (:mod:`bench.worker`) and cold-start launches (:mod:`bench.launch`) run one after the
other, each with its own temporary home and an offscreen platform of 1920×1080 screens.
"""

from __future__ import annotations

import json
import os
import resource
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, NamedTuple

ROOT: Final = Path(__file__).resolve().parent.parent
WORKER_TIMEOUT: Final = 1800


class BenchError(Exception):
    """A benchmark process failed; the message holds the end of its output."""


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...]
    runs: int
    quick: bool

    def runs_for(self, slides: int) -> int:
        """Repetitions for a measurement on a deck of *slides* (fewer for big decks)."""
        return max(1, self.runs // 2) if slides >= 1000 else self.runs

    @property
    def largest(self) -> int:
        return max(self.sizes)

    @property
    def render_size(self) -> int:
        """The deck whose every slide is rendered: 300 slides, else the largest below."""
        return max((s for s in self.sizes if s <= 300), default=min(self.sizes))


SCREEN: Final = (1920, 1080)


def _screens(folder: Path, count: int) -> str:
    """An offscreen platform with *count* 1920×1080 screens side by side (the first is primary).

    Qt's offscreen platform otherwise has one 800×600 screen, smaller than the main window.
    """
    width, height = SCREEN
    config = {
        "screens": [
            {
                "name": "laptop" if n == 0 else f"projector-{n}",
                "x": n * width,
                "y": 0,
                "width": width,
                "height": height,
                "logicalDpi": 96,
                "logicalBaseDpi": 96,
                "dpr": 1,
            }
            for n in range(count)
        ]
    }
    path = folder / f"screens-{count}.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return f"offscreen:configfile={path}"


def _env(home: Path, screens: int = 1) -> dict[str, str]:
    env = dict(os.environ)
    home.mkdir(parents=True, exist_ok=True)
    env["QT_QPA_PLATFORM"] = _screens(home, screens)
    env["TIANJIN_BRIEFING_HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


def _tail(text: str, lines: int = 25) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def worker(task: str, screens: int = 1, **arguments: Any) -> dict[str, Any]:
    """Run one :mod:`bench.worker` task in a fresh process; return its JSON result."""
    with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
        proc = subprocess.run(
            [sys.executable, "-m", "bench.worker", task, json.dumps(arguments)],
            cwd=ROOT,
            env=_env(Path(home), screens),
            capture_output=True,
            text=True,
            timeout=WORKER_TIMEOUT,
            check=False,
        )
    if proc.returncode != 0:
        raise BenchError(f"bench.worker {task} {arguments} failed:\n{_tail(proc.stderr)}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def cold_start(mode: str, pycache: Path, deck: Path | None = None, ui_lang: str = "en") -> float:
    """Seconds from starting a fresh process until its first frame is painted.

    Byte code is cached in *pycache*, as an installed app has it (pip compiles on install),
    even where ``PYTHONDONTWRITEBYTECODE`` is set. The interface is in *ui_lang*, chosen as a
    user's system locale chooses it (``LANGUAGE``).
    """
    with tempfile.TemporaryDirectory(prefix="bench-cold-") as folder:
        out = Path(folder) / "result.json"
        command = [sys.executable, "-m", "bench.launch", mode, str(out)]
        if deck is not None:
            command.append(str(deck))
        env = _env(Path(folder) / "home")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
        env["LANGUAGE"] = ui_lang
        env["BENCH_T0"] = repr(time.time())
        proc = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
        )
        if proc.returncode != 0 or not out.exists():
            raise BenchError(f"bench.launch {mode} failed:\n{_tail(proc.stderr)}")
        result = json.loads(out.read_text(encoding="utf-8"))
    return float(result["times"]["painted"])


SAMPLE_INTERVAL: Final = 0.02
"""Seconds between two readings of a measured process tree's memory."""


def _tree(pid: int) -> list[int]:
    """*pid* and its descendants (from /proc/PID/task/TID/children)."""
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            tasks = list(Path(f"/proc/{current}/task").iterdir())
        except OSError:
            continue
        for task in tasks:
            try:
                children = (task / "children").read_text(encoding="ascii")
            except OSError:
                continue
            stack.extend(int(child) for child in children.split())
    return found


def _rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Measured(NamedTuple):
    """One run of a command: wall time, CPU time of it and its children, peak memory."""

    seconds: float
    cpu_seconds: float
    peak_mib: float


def run_measured(command: list[str], env: dict[str, str], cwd: Path) -> Measured:
    """Run *command* to its end: seconds from start to exit, CPU seconds (user and system, of
    the process and the children it waited for), peak RSS in MiB.

    The peak is the larger of the process' own (``ru_maxrss`` of the process and the children
    it waited for) and of its whole tree's RSS summed, read every :data:`SAMPLE_INTERVAL`
    (a browser's many processes: shared pages are counted in each).

    Raises:
        BenchError: the command failed or ran longer than :data:`WORKER_TIMEOUT`.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        ended: list[tuple[float, int, resource.struct_rusage]] = []

        def reap() -> None:
            _pid, status, usage = os.wait4(proc.pid, 0)
            ended.append((time.perf_counter(), status, usage))

        waiter = threading.Thread(target=reap, daemon=True)
        waiter.start()
        tree_peak = 0
        while waiter.is_alive() and time.perf_counter() - start < WORKER_TIMEOUT:
            tree_peak = max(tree_peak, sum(_rss_kib(pid) for pid in _tree(proc.pid)))
            waiter.join(SAMPLE_INTERVAL)
        if not ended:
            proc.kill()
            waiter.join()
            raise BenchError(f"{command[0]} ran longer than {WORKER_TIMEOUT} s")
        end, status, usage = ended[0]
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            text = errors.read().decode("utf-8", "replace")
            raise BenchError(f"{shlex.join(command)} failed ({proc.returncode}):\n{_tail(text)}")
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(end - start, cpu, max(tree_peak, usage.ru_maxrss) / 1024)
