"""Where the app keeps its own files: logs, user data and caches. Qt-free.

``TIANJIN_BRIEFING_HOME`` overrides everything (tests point it at a temporary folder): the
settings file, data and logs. :func:`_home_override` is the one place that reads it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "tianjin-briefing"


def _home_override() -> Path | None:
    """The folder named by ``TIANJIN_BRIEFING_HOME``, if set: settings, data and logs go there."""
    value = os.environ.get("TIANJIN_BRIEFING_HOME")
    return Path(value) if value else None


def settings_file() -> Path | None:
    """The settings file under the home override; None: the platform's usual place."""
    override = _home_override()
    return override / "settings.ini" if override is not None else None


def data_dir() -> Path:
    """Per-user data (rehearsal timings, recent decks)."""
    override = _home_override()
    if override is not None:
        return override / "data"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP


def log_dir() -> Path:
    """Where the log file goes."""
    override = _home_override()
    if override is not None:
        return override / "logs"
    if sys.platform == "win32":
        return data_dir() / "logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP
    return Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / APP


def cache_dir() -> Path:
    """What the app can compute again (how long SVG images take to draw)."""
    override = _home_override()
    if override is not None:
        return override / "cache"
    if sys.platform == "win32":
        return data_dir() / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP


def config_dir() -> Path:
    """The user's own configuration files (the key map), beside the settings file."""
    override = _home_override()
    if override is not None:
        return override
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Preferences" / APP
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / APP


def keymap_file() -> Path:
    """The user's key map (:mod:`desktop.core.keymap`): ``keys.ini`` in :func:`config_dir`."""
    return config_dir() / "keys.ini"
