"""Logging, configured once by the entry point (never at import time)."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from desktop.core.paths import log_dir

LOG_NAME = "tianjin-briefing.log"


def setup_logging(verbose: bool = False) -> Path:
    """Log to a rotating file (and warnings to stderr); return the log file path."""
    root = logging.getLogger()
    folder = log_dir()
    path = folder / LOG_NAME
    if getattr(root, "_tianjin_configured", False):
        return path
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=2, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(formatter)
    root.addHandler(handler)
    if verbose:
        console = logging.StreamHandler()
        console.setFormatter(formatter)
        root.addHandler(console)
    root._tianjin_configured = True  # type: ignore[attr-defined]
    return path


_QT_LEVELS: Final = {0: logging.DEBUG, 4: logging.INFO, 1: logging.WARNING, 2: logging.ERROR}
"""QtMsgType values (debug, info, warning, critical) to logging levels; fatal is CRITICAL."""


def route_qt_messages() -> None:
    """Send Qt's own messages (``qt.svg: …``, ``qt.text.font.db: …``) to the log, not stderr.

    Installed by every command that uses Qt, before the application object exists, so
    even the messages Qt prints while it starts are routed. Safe to call again.
    """
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or "default"
        name = "qt" if category == "default" else f"qt.{category.removeprefix('qt.')}"
        level = _QT_LEVELS.get(kind.value, logging.CRITICAL)
        logging.getLogger(name).log(level, "%s", message)

    qInstallMessageHandler(handler)


_STDERR_LOCK: Final = threading.RLock()
_STDERR_LOG: Final = logging.getLogger("qt.stderr")


@contextlib.contextmanager
def stderr_to_log() -> Iterator[None]:
    """Send what native libraries write straight to the process's stderr meanwhile to the log.

    libpng reports a broken PNG with ``fprintf(stderr, "libpng error: …")`` from inside Qt,
    bypassing Qt's message handler; decoding runs inside this so that never reaches the
    terminal. The file descriptor is swapped under a lock (decodes are serialised).
    """
    with _STDERR_LOCK:
        try:
            sys.stderr.flush()
            saved = os.dup(2)
        except (OSError, ValueError, AttributeError):  # no stderr at all (a GUI launch)
            yield
            return
        try:
            with tempfile.TemporaryFile() as sink:
                os.dup2(sink.fileno(), 2)
                try:
                    yield
                finally:
                    os.dup2(saved, 2)
                    sink.seek(0)
                    written = sink.read(64 * 1024).decode("utf-8", errors="replace")
                    for line in written.splitlines():
                        if line.strip():
                            _STDERR_LOG.warning("%s", line.strip())
        finally:
            os.close(saved)
