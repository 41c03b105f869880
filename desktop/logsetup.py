"""Logging, configured once by the entry point (never at import time)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

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
