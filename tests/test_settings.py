"""The settings schema: each setting declared once, read somewhere, and only through the schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core import paths
from desktop.core import settings as schema
from desktop.core.settings import (
    DECK_RECENT,
    LAST_SLIDE,
    NOTES_FONT_SIZE,
    PRESENTER_SCREENS,
    SCHEMA,
    VIEW_THEME,
    WINDOW_STATE,
    Setting,
)

PACKAGE = Path(__file__).resolve().parents[1] / "desktop"
SCHEMA_FILE = PACKAGE / "core" / "settings.py"
STORE_FILE = PACKAGE / "ui" / "settings.py"


def _sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py"))}


def _constants() -> dict[str, Setting[object]]:
    return {name: value for name, value in vars(schema).items() if isinstance(value, Setting)}


def test_every_setting_is_in_the_schema_once() -> None:
    constants = _constants()
    assert set(map(id, constants.values())) == set(map(id, SCHEMA))
    keys = [setting.key for setting in SCHEMA]
    assert len(set(keys)) == len(keys), keys
    assert all(setting.description for setting in SCHEMA)


def test_every_setting_is_read_somewhere() -> None:
    code = "\n".join(text for path, text in _sources().items() if path != SCHEMA_FILE)
    unread = [name for name in _constants() if not re.search(rf"\.get\(\s*{name}\b", code)]
    assert unread == []


def test_no_setting_is_made_or_stored_outside_the_schema() -> None:
    sources = _sources()
    made = [p for p, text in sources.items() if re.search(r"\bSetting\(", text)]
    assert made == [SCHEMA_FILE]
    stores = [p for p, text in sources.items() if "QSettings" in text or "._store" in text]
    assert stores == [STORE_FILE]
    raw = re.findall(r"_store\.(?:value|setValue)\(([^,)]*)", sources[STORE_FILE])
    assert raw and set(raw) == {"setting.key"}, raw


@pytest.mark.parametrize(
    ("setting", "stored", "expected"),
    [
        (VIEW_THEME, None, ""),
        (VIEW_THEME, "high-contrast", "high-contrast"),
        (NOTES_FONT_SIZE, None, 11),
        (NOTES_FONT_SIZE, "21", 21),
        (NOTES_FONT_SIZE, "large", 11),
        (WINDOW_STATE, None, b""),
        (WINDOW_STATE, b"\x00\x01", b"\x00\x01"),
        (WINDOW_STATE, "text", b""),
        (DECK_RECENT, None, []),
        (DECK_RECENT, "/one/deck", ["/one/deck"]),  # an INI file's one-item list
        (DECK_RECENT, "", []),
        (DECK_RECENT, ["/a", 2], ["/a", "2"]),
        (PRESENTER_SCREENS, None, {}),
        (PRESENTER_SCREENS, {"a": 1}, {"a": "1"}),
        (PRESENTER_SCREENS, "garbage", {}),
    ],
)
def test_a_stored_value_is_read_as_its_type(
    setting: Setting[object], stored: object, expected: object
) -> None:
    assert setting.read(stored) == expected


def test_a_default_is_never_shared() -> None:
    DECK_RECENT.read(None).append("/changed")
    PRESENTER_SCREENS.read(None)["key"] = "changed"
    assert DECK_RECENT.read(None) == [] and PRESENTER_SCREENS.read(None) == {}


def test_only_a_family_has_members() -> None:
    member = LAST_SLIDE.member("0123abcd")
    assert (member.key, member.default, member.family) == ("slides/0123abcd", "", False)
    with pytest.raises(ValueError, match="view/theme is not a family"):
        VIEW_THEME.member("x")


def test_the_home_override_holds_the_settings_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TIANJIN_BRIEFING_HOME", str(tmp_path))
    assert paths.settings_file() == tmp_path / "settings.ini"
    assert paths.data_dir() == tmp_path / "data"
    assert paths.log_dir() == tmp_path / "logs"
    monkeypatch.delenv("TIANJIN_BRIEFING_HOME")
    assert paths.settings_file() is None


def test_the_home_override_is_read_in_one_place() -> None:
    readers = {p: text.count('"TIANJIN_BRIEFING_HOME"') for p, text in _sources().items()}
    assert {p: n for p, n in readers.items() if n} == {PACKAGE / "core" / "paths.py": 1}
