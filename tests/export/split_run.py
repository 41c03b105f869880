"""A PDF export run in a process of its own, as the command line runs it, for the tests of
:mod:`desktop.export.pdf_split` (the test process itself is a QApplication: it never splits).

``python -m tests.export.split_run THRESHOLD MODE DECK OUT LAYOUT``: exports with
:data:`~desktop.export.pdf_split.SPLIT_PAGES` set to *THRESHOLD*, and with *MODE*:

- ``export``: the command line's ``export``; its exit status is this process';
- ``child-full``: the same, the child's drawing failing as on a full disk;
- ``child-crash``: the same, the child killed by a signal after its first page;
- ``cancel``: the export cancelled at the parent's third page; prints whether a child is
  left to reap;
- ``no-fork``: the command line's ``export``, ``os.fork`` failing as out of memory;
- ``hang``: the parent prints its pid and its child's, then waits to be killed while the
  child draws a page a second.
"""

from __future__ import annotations

import errno
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from desktop.export import pdf_split, pdf_writer


def main(argv: list[str]) -> int:
    threshold, mode, deck, out, layout = argv
    pdf_split.SPLIT_PAGES = int(threshold)
    pdf_split.free_core = lambda *_args: True  # a test exports in two on a busy machine too
    parent = os.getpid()
    draw_into: Any = pdf_writer._draw_into

    def failing(*args: Any) -> list[int]:
        step = args[7]

        def failing_step(done: int, total: int) -> None:
            step(done, total)
            if os.getpid() == parent:
                if mode == "hang" and done == 1:
                    children = Path(f"/proc/{parent}/task/{parent}/children").read_text()
                    print(parent, children.split()[0], flush=True)
                    time.sleep(60)
                return
            if mode == "child-full":
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            if mode == "child-crash":
                os.kill(os.getpid(), signal.SIGKILL)
            if mode == "hang":
                time.sleep(1)

        starts: list[int] = draw_into(*args[:7], failing_step, *args[8:])
        return starts

    pdf_writer._draw_into = failing  # type: ignore[assignment]
    if mode == "no-fork":

        def no_fork() -> int:
            raise OSError(errno.ENOMEM, os.strerror(errno.ENOMEM))

        os.fork = no_fork
    if mode == "cancel":
        return _cancel(Path(deck), Path(out), layout)
    from desktop.cli import main as cli

    return cli(["export", deck, "-o", out, "--layout", layout])


def _cancel(deck_path: Path, out: Path, layout: str) -> int:
    from desktop.core.loader import load_deck
    from desktop.export.exporter import ExportCancelled
    from desktop.export.pdf import LAYOUTS, PdfExporter
    from desktop.render.qtapp import ensure_gui_app

    ensure_gui_app(offscreen=True)
    deck = load_deck(deck_path).deck
    assert deck is not None
    chosen = next(value for value, word, _label in LAYOUTS if word == layout)
    exporter = PdfExporter()
    try:
        exporter.export(
            deck, out, exporter.make_options({"layout": chosen}), progress=lambda d, _t: d < 3
        )
    except ExportCancelled:
        print("cancelled")
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        print("no child left")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
