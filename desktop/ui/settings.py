"""Typed access to QSettings, following the schema in :mod:`desktop.core.settings`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QByteArray, QSettings

from desktop.core.settings import RECENT_LIMIT, SETTINGS

T = TypeVar("T")


def default_settings_path() -> Path | None:
    """A settings file under ``TIANJIN_BRIEFING_HOME`` when set (tests, portable use)."""
    home = os.environ.get("TIANJIN_BRIEFING_HOME")
    return Path(home) / "settings.ini" if home else None


class Settings:
    """The app's settings. Pass *path* to keep them in a given INI file."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or default_settings_path()
        if path is not None:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._store = QSettings(
                QSettings.Format.IniFormat,
                QSettings.Scope.UserScope,
                "tianjin-briefing",
                "tianjin-briefing",
            )

    def get(self, key: str) -> object:
        spec = SETTINGS[key]
        value = self._store.value(key, spec.default)
        if spec.type is bool:
            return value in (True, "true", "1", 1)
        if spec.type is int:
            try:
                return int(str(value))
            except ValueError:
                return spec.default
        if spec.type is bytes:
            return bytes(value.data()) if isinstance(value, QByteArray) else spec.default
        if spec.type is list:
            if isinstance(value, str):
                return [value] if value else []
            return list(value) if isinstance(value, list) else spec.default
        if spec.type is dict:
            return dict(value) if isinstance(value, dict) else {}
        return str(value) if value is not None else spec.default

    def get_str(self, key: str) -> str:
        return str(self.get(key))

    def get_int(self, key: str) -> int:
        value = self.get(key)
        return value if isinstance(value, int) else int(str(SETTINGS[key].default))

    def get_bool(self, key: str) -> bool:
        return bool(self.get(key))

    def get_bytes(self, key: str) -> bytes:
        value = self.get(key)
        return value if isinstance(value, bytes) else b""

    def get_list(self, key: str) -> list[str]:
        value = self.get(key)
        return [str(v) for v in value] if isinstance(value, list) else []

    def get_dict(self, key: str) -> dict[str, str]:
        value = self.get(key)
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    def set(self, key: str, value: object) -> None:
        spec = SETTINGS[key]
        if spec.type is bytes and isinstance(value, bytes):
            value = QByteArray(value)
        self._store.setValue(key, value)

    def slide_for(self, deck_root: Path) -> str:
        """The slide id shown last in this deck."""
        return str(self._store.value(f"slides/{_key(deck_root)}", ""))

    def set_slide_for(self, deck_root: Path, slide_id: str) -> None:
        self._store.setValue(f"slides/{_key(deck_root)}", slide_id)

    def add_recent(self, deck_root: Path) -> list[str]:
        path = str(deck_root)
        recent = [p for p in self.get_list("deck/recent") if p != path]
        recent.insert(0, path)
        del recent[RECENT_LIMIT:]
        self.set("deck/recent", recent)
        return recent

    def sync(self) -> None:
        self._store.sync()


def _key(path: Path) -> str:
    import hashlib

    return hashlib.sha1(str(path).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
