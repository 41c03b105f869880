"""Run ``tianjin-briefing export DECK -o TARGET``, printing each phase as it starts.

Used by ``test_interrupted_export.py``, which kills this process (SIGKILL) at a phase or
after a delay. The markers, one per line on stdout, flushed at once:

``load`` (imported; the CLI starts and loads the deck), ``draw`` (Qt starts the PDF),
``page N`` (page N drawn), ``structure`` (the structure is built on Qt's file), ``write``
(the structure is appended to it), ``replace`` (the finished file is about to be moved over
the target), ``done``.

With ``EXPORT_CHILD_HOLD`` set to a marker, the child stops after printing that marker until
its standard input closes (the test kills it there: the structure phases take milliseconds,
too short for a kill to land in by timing alone).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def mark(text: str) -> None:
    print(text, flush=True)


def announce(owner: Any, name: str, marker: Callable[[int], str]) -> None:
    """Wrap ``owner.name`` to print a marker before each call."""
    original = getattr(owner, name)
    calls = 0

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        text = marker(calls)
        mark(text)
        if text == os.environ.get("EXPORT_CHILD_HOLD"):
            sys.stdin.readline()
        return original(*args, **kwargs)

    setattr(owner, name, wrapper)


def main(argv: list[str]) -> int:
    import desktop.export.pdf_writer as pdf
    from desktop.cli import main as cli_main
    from desktop.export.pages import PageDrawer
    from desktop.export.pdf_update import IncrementalUpdate

    announce(pdf, "_draw", lambda _n: "draw")
    announce(PageDrawer, "draw", lambda n: f"page {n}")
    announce(pdf, "apply_structure", lambda _n: "structure")
    announce(IncrementalUpdate, "write", lambda _n: "write")
    announce(Path, "replace", lambda _n: "replace")
    mark("load")
    deck, target = argv
    status = cli_main(["export", deck, "-o", target])
    mark("done")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
