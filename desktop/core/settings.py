"""The settings schema: every persistent setting, typed, with a default and a description. Qt-free.

Each setting is one :class:`Setting` constant below, listed in :data:`SCHEMA`. The Qt layer
(:class:`desktop.ui.settings.Settings`) reads and writes only through these constants, so a
misspelt setting is a NameError and a mypy error, never a silent default; ``tests/test_settings.py``
checks that every setting is read somewhere and that no other module makes one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """One persistent setting.

    Attributes:
        key: Where it is stored (the INI section and name: ``view/theme``).
        default: Its value while nothing (or nothing usable) is stored.
        description: What it keeps, for the reader of this schema.
        parse: Turns a stored value (None: nothing stored) into the setting's type, falling
            back to the default it is given; returns a new object each time, never the default
            itself, so a caller may change what it gets.
        family: The key is a family of keys, one per item (``slides/<deck>``): use
            :meth:`member`.
    """

    key: str
    default: T
    description: str
    parse: Callable[[object, T], T]
    family: bool = False

    def read(self, stored: object) -> T:
        """The value of this setting given what is stored (None: nothing)."""
        return self.parse(stored, self.default)

    def member(self, item: str) -> Setting[T]:
        """The setting of one *item* of a family (``slides/<item>``)."""
        if not self.family:
            raise ValueError(f"setting {self.key} is not a family of settings")
        return dataclasses.replace(self, key=f"{self.key}/{item}", family=False)


def _text(stored: object, default: str) -> str:
    return default if stored is None else str(stored)


def _number(stored: object, default: int) -> int:
    try:
        return int(str(stored))
    except ValueError:
        return default


def _blob(stored: object, default: bytes) -> bytes:
    return stored if isinstance(stored, bytes) else default


def _texts(stored: object, default: list[str]) -> list[str]:
    if isinstance(stored, str):  # an INI file keeps a one-item list as a plain string
        return [stored] if stored else []
    return [str(v) for v in stored] if isinstance(stored, list) else list(default)


def _flag(stored: object, default: bool) -> bool:
    if isinstance(stored, bool):
        return stored
    text = str(stored).strip().lower() if stored is not None else ""
    return {"true": True, "1": True, "false": False, "0": False}.get(text, default)


def _text_map(stored: object, default: dict[str, str]) -> dict[str, str]:
    if isinstance(stored, dict):
        return {str(k): str(v) for k, v in stored.items()}
    return dict(default)


DECK_LAST: Final = Setting(
    "deck/last", "", "Folder of the deck opened last (empty: the bundled deck).", _text
)
DECK_RECENT: Final[Setting[list[str]]] = Setting(
    "deck/recent", [], "Recently opened deck folders, newest first.", _texts
)
LAST_SLIDE: Final = Setting(
    "slides",
    "",
    "Id of the slide shown last in each deck, under slides/<hash of the deck folder>.",
    _text,
    family=True,
)
DECK_LANGUAGE: Final = Setting(
    "languages",
    "",
    "Display language chosen last in each deck (`zh`, `en+zh`; empty: its primary), under"
    " languages/<hash of the deck folder>.",
    _text,
    family=True,
)
WINDOW_GEOMETRY: Final = Setting("window/geometry", b"", "Main window geometry.", _blob)
WINDOW_STATE: Final = Setting(
    "window/state", b"", "Main window docks and toolbar, and which docks are shown.", _blob
)
NOTES_FONT_SIZE: Final = Setting(
    "notes/font_size", 11, "Main window speaker notes size in points.", _number
)
VIEW_THEME: Final = Setting(
    "view/theme", "", "Theme override (empty: the deck's own theme).", _text
)
PRESENTER_SCREENS: Final[Setting[dict[str, str]]] = Setting(
    "presenter/screens", {}, "Chosen audience screen per arrangement of screens.", _text_map
)
PRESENTER_NOTES_FONT_SIZE: Final = Setting(
    "presenter/notes_font_size", 18, "Presenter console notes size in points.", _number
)
BUILD_BACK_COMPLETE: Final = Setting(
    "presenter/build_back_complete",
    True,
    "Back into a build shows it complete (else at its first step), as pdfpc does.",
    _flag,
)

UI_LANGUAGE: Final = Setting(
    "interface/language",
    "",
    "Interface language code (`en`, `zh_CN`; empty: the system locale's), from the next window"
    " on; `--ui-lang` overrides it.",
    _text,
)

SCHEMA: Final[tuple[Setting[Any], ...]] = (
    UI_LANGUAGE,
    DECK_LAST,
    DECK_RECENT,
    LAST_SLIDE,
    DECK_LANGUAGE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    NOTES_FONT_SIZE,
    VIEW_THEME,
    PRESENTER_SCREENS,
    PRESENTER_NOTES_FONT_SIZE,
    BUILD_BACK_COMPLETE,
)
"""Every setting, in the order of the settings file's sections."""

RECENT_LIMIT: Final = 10
"""How many decks :data:`DECK_RECENT` keeps."""
