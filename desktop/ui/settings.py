"""The app's settings in QSettings, read and written through :mod:`desktop.core.settings`.

This is the one module that touches QSettings. It takes a :class:`~desktop.core.settings.Setting`
constant, never a string, so a setting that is not in the schema cannot be read or written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QByteArray, QSettings

from desktop.core.paths import APP, settings_file
from desktop.core.settings import DECK_LANGUAGE, DECK_RECENT, LAST_SLIDE, RECENT_LIMIT, Setting

T = TypeVar("T")


class Settings:
    """The app's settings.

    Args:
        path: An INI file to keep them in (tests pass a temporary one); default: the file under
            ``TIANJIN_BRIEFING_HOME`` when that is set, else the user's usual settings place.
    """

    def __init__(self, path: Path | None = None) -> None:
        path = path or settings_file()
        if path is not None:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)
        else:
            self._store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP, APP)

    def get(self, setting: Setting[T]) -> T:
        """The value of *setting*: what is stored, else its default."""
        stored = self._store.value(setting.key)
        if isinstance(stored, QByteArray):
            stored = bytes(stored.data())
        return setting.read(stored)

    def set(self, setting: Setting[T], value: T) -> None:
        """Keep *value* for *setting*."""
        self._store.setValue(setting.key, QByteArray(value) if isinstance(value, bytes) else value)

    def slide_for(self, deck_root: Path) -> str:
        """The id of the slide shown last in the deck at *deck_root* (``""``: none)."""
        return self.get(LAST_SLIDE.member(_deck_key(deck_root)))

    def set_slide_for(self, deck_root: Path, slide_id: str) -> None:
        self.set(LAST_SLIDE.member(_deck_key(deck_root)), slide_id)

    def language_for(self, deck_root: Path) -> str:
        """The display language chosen last for the deck at *deck_root* (``""``: none)."""
        return self.get(DECK_LANGUAGE.member(_deck_key(deck_root)))

    def set_language_for(self, deck_root: Path, display: str) -> None:
        self.set(DECK_LANGUAGE.member(_deck_key(deck_root)), display)

    def add_recent(self, deck_root: Path) -> list[str]:
        """Put *deck_root* first in the recent decks; returns them, newest first."""
        path = str(deck_root)
        recent = [p for p in self.get(DECK_RECENT) if p != path]
        recent.insert(0, path)
        del recent[RECENT_LIMIT:]
        self.set(DECK_RECENT, recent)
        return recent

    def sync(self) -> None:
        self._store.sync()


def _deck_key(path: Path) -> str:
    import hashlib  # only when a per-deck key is made; not on the start-up path

    return hashlib.sha1(str(path).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
