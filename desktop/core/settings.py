"""The settings schema: every persistent setting, typed, with a default. Qt-free.

The Qt layer stores them with QSettings (desktop/ui/settings.py); tests point
that at a temporary folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    type: type
    default: object
    description: str


SETTINGS: Final[dict[str, Setting]] = {
    s.key: s
    for s in (
        Setting("deck/last", str, "", "Folder of the deck opened last (empty: the bundled deck)."),
        Setting("deck/slide", str, "", "Id of the slide shown last, per deck (see deck/slides)."),
        Setting("deck/recent", list, [], "Recently opened deck folders, newest first."),
        Setting("window/geometry", bytes, b"", "Main window geometry."),
        Setting("window/state", bytes, b"", "Main window dock and toolbar layout."),
        Setting("notes/font_size", int, 11, "Speaker notes font size in points."),
        Setting("view/theme", str, "", "Theme override (empty: the deck's own theme)."),
        Setting("view/notes_visible", bool, True, "Whether the notes pane is shown."),
        Setting("presenter/screens", dict, {}, "Chosen audience screen per screen arrangement."),
        Setting("presenter/notes_font_size", int, 18, "Presenter console notes size in points."),
    )
}

RECENT_LIMIT: Final = 10
