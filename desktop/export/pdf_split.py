"""Draw a large PDF's pages in two processes, on both of the machine's cores.

PySide holds Python's lock while Qt draws, so threads would take turns; a second process
does not. :func:`draw_in_two` forks after the pages are planned: the child draws the pages
from *split* on with the renderer it inherited (no start-up to pay) into a temporary file
beside the target's, which has no name (it disappears with its last descriptor, whatever
happens to either process); the parent draws the pages before *split*, then appends the
child's pages to its own file (:mod:`desktop.export.pdf_join`). The structure (outline,
links, labels) is added to the joined file afterwards, as to a file drawn in one process.

Only a process that can fork safely splits (:func:`can_split`): Linux (the child is ended
with its parent through ``prctl``), one thread (a lock held by another thread would stay
held in the child forever), and not the desktop app (its windows, timers and event loop
must not be copied; the Export dialog and File → Print draw in one process); and only while
a processor is free for the child (:func:`free_core`).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final, NoReturn

from PySide6.QtCore import QCoreApplication

from desktop.core.i18n import _
from desktop.core.problems import UserError
from desktop.export.paged import Step
from desktop.export.pdf_join import join
from desktop.export.plan import Page, PageKind

SPLIT_PAGES = 32
"""Planned pages from which an export is drawn in two processes: below it, forking and
joining cost more than the second core saves (see bench/RESULTS.md, issues 18 and 12: 24
pages lose 4–30 ms, 32 gain 9–11, 40 gain 16–20, whole process and within one)."""

NOTES_COUNT_COST: Final = 0.1
"""What counting the physical pages of a notes page costs (the child does, for the parent's
pages: :func:`draw_in_two`), as a share of drawing it: 0.09–0.12 measured."""

_PR_SET_PDEATHSIG: Final = 1
LOADAVG: Final = Path("/proc/loadavg")

Draw = Callable[[int, list[Page], list[Page], Step], list[int]]
"""Draws planned pages into the open file descriptor given: (descriptor, pages, the pages
drawn before them elsewhere, step); returns their starts (:func:`draw_pages
<desktop.export.paged.draw_pages>`), physical indexes counting the pages before."""


class ChildFailed(RuntimeError):
    """The second process failed on something not a user's error (a bug); the message
    holds its traceback."""


@dataclass(frozen=True)
class Half:
    """What the child drew: its pages' starts and the links found on them."""

    starts: list[int]
    links: list[list[tuple[tuple[float, float, float, float], int]]]


def can_split(page_count: int, with_ink: bool = False) -> bool:
    """Whether *page_count* planned pages are drawn in two processes here (and now)."""
    return page_count >= SPLIT_PAGES and not with_ink and forkable() and free_core()


def free_core(loadavg: Path = LOADAVG, processors: int | None = None) -> bool:
    """Whether a processor is free for the child now: fewer tasks are running than there
    are processors this process may use, itself counted (``/proc/loadavg``'s running
    tasks). On a processor another program keeps busy, the two halves would take turns
    and the split would only add its cost (5–10 %, bench/RESULTS.md). *processors*: those
    this process may use (None: ask the system)."""
    try:
        processors = processors or len(os.sched_getaffinity(0))
        running = int(loadavg.read_text().split()[3].split("/")[0])
    except (OSError, ValueError, IndexError):
        return False
    return running < processors


def split_at(pages: list[Page]) -> int:
    """Where to split *pages* so that both processes finish together: the child also
    counts the pages of the parent's notes (to number its own after them)."""
    notes = sum(page.kind is PageKind.NOTES for page in pages) / max(1, len(pages))
    return round(len(pages) / (2 - NOTES_COUNT_COST * notes))


def forkable() -> bool:
    """Whether this process may fork a child that draws with Qt: see the module's text."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    app = QCoreApplication.instance()
    widgets = sys.modules.get("PySide6.QtWidgets")
    if app is None or (widgets is not None and isinstance(app, widgets.QApplication)):
        return False
    return threads() == 1


def threads() -> int:
    """The threads of this process (0 when they cannot be counted)."""
    try:
        return sum(1 for _ in Path("/proc/self/task").iterdir())
    except OSError:
        return 0


def draw_in_two(path: Path, pages: list[Page], split: int, draw: Draw, step: Step) -> list[int]:
    """Draw *pages* into the PDF at *path*: those from *split* on in a child process, the
    others here, then joined; return the starts of all of them (see :data:`Draw`).

    *step* is told (pages done, pages planned) for every page, 1 to ``len(pages)``.

    Raises:
        OSError: a file could not be written, here or in the child (a full disk, say).
        UserError: the child stopped on an error the user can act on.
        ChildFailed: the child stopped on a bug.
    """
    total = len(pages)
    with tempfile.TemporaryFile(dir=path.parent, prefix=f".{path.name}.half") as part:
        read, write = os.pipe()
        parent = os.getpid()
        try:
            pid = os.fork()
        except OSError:  # out of memory or processes: draw every page here
            os.close(read)
            os.close(write)
            return draw_here(path, pages, draw, step)
        if pid == 0:  # pragma: no cover - the child's lines, measured through its output
            os.close(read)
            _child(parent, write, lambda report: _second(part, pages, split, draw, report))
        os.close(write)
        reaped = False
        try:
            starts = draw_here(path, pages[:split], draw, lambda done, _n: step(done, total))
            message = _receive(read, lambda done: step(split + done, total))
            reaped = True
            status = os.waitpid(pid, 0)[1]
            half = _result(message, status)
        finally:
            os.close(read)
            if not reaped:
                _stop(pid)
        for page, links in zip(pages[split:], half.links, strict=True):
            page.links[:] = links
        with path.open("r+b") as first:
            join(first, part)
    return starts[:-1] + half.starts


def draw_here(path: Path, pages: list[Page], draw: Draw, step: Step) -> list[int]:
    """Draw *pages* into the PDF at *path* in this process; return their starts."""
    # Qt gets the open file, not its name: Qt encodes names as UTF-8 whatever the locale, so
    # under LC_ALL=C it would write a non-ASCII name to another file than Python reads.
    handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
    try:
        return draw(handle, pages, [], step)
    finally:
        os.close(handle)


def _second(part: IO[bytes], pages: list[Page], split: int, draw: Draw, report: Step) -> Half:
    """The child's work: the pages from *split* on, numbered after the parent's."""
    mine = pages[split:]
    starts = draw(part.fileno(), mine, pages[:split], report)
    return Half(starts, [page.links for page in mine])


def _child(parent: int, pipe: int, work: Callable[[Step], Half]) -> NoReturn:
    """Run *work* and send its result (or its error) through *pipe*; never return."""
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the child
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before prctl: nobody waits
            os._exit(code)

        def report(_done: int, _total: int) -> None:
            os.write(pipe, b".")

        try:
            half = work(report)
            message: dict[str, object] = {"starts": half.starts, "links": half.links}
            code = 0
        except OSError as exc:
            message = {"error": "os", "errno": exc.errno, "message": exc.strerror or str(exc)}
        except UserError as exc:
            message = {"error": "user", "message": str(exc)}
        except BaseException:  # noqa: BLE001 - a bug: the parent raises it with this trace
            message = {"error": "bug", "message": traceback.format_exc()}
        data = json.dumps(message).encode()
        while data:
            data = data[os.write(pipe, data) :]
    finally:
        os._exit(code)  # no Qt destructors, no atexit, no buffers flushed twice


def _receive(pipe: int, step: Callable[[int], None]) -> bytes:
    """Read the child's progress (a dot a page, told to *step*) and then its message."""
    done = 0
    chunks: list[bytes] = []
    while chunk := os.read(pipe, 65536):
        if chunks:
            chunks.append(chunk)
            continue
        dots = len(chunk) - len(chunk.lstrip(b"."))
        for page in range(done + 1, done + dots + 1):
            step(page)
        done += dots
        if dots < len(chunk):
            chunks.append(chunk[dots:])
    return b"".join(chunks)


def _result(message: bytes, status: int) -> Half:
    """The child's half, or its failure raised as the parent would have raised it."""
    try:
        data = json.loads(message) if message else {}
    except ValueError:
        data = {}
    if status == 0 and "starts" in data:
        return Half(
            [int(start) for start in data["starts"]],
            [[(tuple(rect), int(section)) for rect, section in links] for links in data["links"]],
        )
    error = data.get("error")
    if error == "os":
        raise OSError(data.get("errno") or errno.EIO, data["message"])
    if error == "user":
        raise UserError(data["message"])
    if error == "bug":
        raise ChildFailed(f"the second drawing process failed:\n{data['message']}")
    raise OSError(
        errno.EIO, _("the PDF could not be written completely: the second drawing process stopped")
    )


def _stop(pid: int) -> None:
    """End the child (the parent is failing) and wait for it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
