"""The settings in an INI file: what is written is read back, under the keys the app always used."""

from __future__ import annotations

from pathlib import Path

from desktop.core.settings import (
    DECK_LAST,
    DECK_RECENT,
    NOTES_FONT_SIZE,
    PRESENTER_SCREENS,
    RECENT_LIMIT,
    SCHEMA,
    WINDOW_GEOMETRY,
)
from desktop.ui.settings import Settings

VALUES: dict[str, object] = {
    "deck/last": "/decks/briefing",
    "deck/recent": ["/decks/briefing"],
    "slides": "s3",
    "languages": "en+zh",
    "window/geometry": b"\x01\xd9\xd0\xcb\x00\x03",
    "window/state": b"\x00\xff",
    "notes/font_size": 21,
    "view/theme": "high-contrast",
    "presenter/screens": {"HDMI-1@1920x1080+Laptop": "HDMI-1"},
    "presenter/notes_font_size": 24,
    "presenter/build_back_complete": False,
    "interface/language": "zh_CN",
}


def test_every_setting_is_read_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    first = Settings(path)
    for setting in SCHEMA:
        stored = setting.member("deck") if setting.family else setting
        first.set(stored, VALUES[setting.key])
    first.sync()
    second = Settings(path)
    read = {s.key: second.get(s.member("deck") if s.family else s) for s in SCHEMA}
    assert read == VALUES


def test_a_file_from_before_the_schema_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text(
        "[deck]\nlast=/decks/old\nrecent=/decks/old, /decks/older\n[notes]\nfont_size=19\n",
        encoding="utf-8",
    )
    settings = Settings(path)
    assert settings.get(DECK_LAST) == "/decks/old"
    assert settings.get(DECK_RECENT) == ["/decks/old", "/decks/older"]
    assert settings.get(NOTES_FONT_SIZE) == 19
    assert settings.get(WINDOW_GEOMETRY) == b"" and settings.get(PRESENTER_SCREENS) == {}


def test_recent_decks_newest_first_without_repeats(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    for n in range(RECENT_LIMIT + 2):
        settings.add_recent(Path(f"/decks/{n}"))
    recent = settings.add_recent(Path("/decks/5"))
    assert recent[0] == "/decks/5" and len(recent) == RECENT_LIMIT
    assert len(set(recent)) == RECENT_LIMIT
    assert settings.get(DECK_RECENT) == recent


def test_the_last_slide_is_kept_per_deck(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings.set_slide_for(Path("/decks/a"), "intro")
    settings.set_slide_for(Path("/decks/b"), "close")
    assert settings.slide_for(Path("/decks/a")) == "intro"
    assert settings.slide_for(Path("/decks/b")) == "close"
    assert settings.slide_for(Path("/decks/c")) == ""
