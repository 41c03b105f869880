"""The main window's chrome, measured: toolbar icons in the palette's colours, named docks,
the title and the application icon."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QToolButton

from desktop.core.actions import ACTIONS
from desktop.core.resources import resources_dir
from desktop.ui import empty_state, window_chrome
from desktop.ui.icons import APP_ICON, app_icon, themed_icon
from desktop.ui.presenter.actions import PRESENTER_ACTIONS
from tests.conftest import WindowFactory

ROOT = Path(__file__).resolve().parents[2]
ICONS = resources_dir() / "icons"


def test_the_bundled_icons_are_the_ones_used_with_their_licence() -> None:
    named = {spec.icon for spec in (*ACTIONS, *PRESENTER_ACTIONS) if spec.icon}
    shipped = {path.stem for path in ICONS.glob("*.svg")}
    assert shipped == named | {APP_ICON, empty_state.ICON}
    licence = (ICONS / "LICENSE.txt").read_text(encoding="utf-8")
    assert "ISC License" in licence and "Lucide" in licence
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = package_data["tool"]["setuptools"]["package-data"]["desktop.resources"]
    assert "icons/*" in globs  # every file of resources/icons goes into the wheel


def _luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def _contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _ink(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> QColor:
    """The mean colour of the icon's well-covered pixels."""
    image = icon.pixmap(QSize(24, 24), mode).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    pixels = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert len(pixels) > 20, "the icon drew almost nothing"
    n = len(pixels)
    return QColor(
        round(sum(p.red() for p in pixels) / n),
        round(sum(p.green() for p in pixels) / n),
        round(sum(p.blue() for p in pixels) / n),
    )


@pytest.fixture
def dark_palette() -> Iterator[QPalette]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = QPalette(app.palette())
    dark = QPalette(before)
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2d30"),
        (QPalette.ColorRole.Button, "#3a3d41"),
        (QPalette.ColorRole.ButtonText, "#e8e8e8"),
        (QPalette.ColorRole.WindowText, "#e8e8e8"),
    ):
        dark.setColor(role, QColor(colour))
    dark.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6f737a"))
    app.setPalette(dark)
    yield dark
    app.setPalette(before)


def test_icons_take_the_palette_colours_light_and_dark(dark_palette: QPalette) -> None:
    icon = themed_icon("search")
    window = dark_palette.color(QPalette.ColorRole.Window)
    assert _contrast(_ink(icon), window) >= 4.5  # drawn now, in the dark palette's colours
    assert _ink(icon).lightness() > 180
    disabled = _ink(icon, QIcon.Mode.Disabled)
    assert abs(disabled.lightness() - QColor("#6f737a").lightness()) < 20


def test_icons_in_the_light_palette_are_dark() -> None:
    palette = QGuiApplication.palette()
    ink = _ink(themed_icon("search"))
    assert _contrast(ink, palette.color(QPalette.ColorRole.Window)) >= 4.5
    assert ink.lightness() < 100


def test_the_toolbar_shows_icons_with_words_only_where_they_help(
    make_window: WindowFactory,
) -> None:
    window = make_window()
    buttons = {
        button.defaultAction().objectName().removeprefix("action_"): button
        for button in window.toolbar.findChildren(QToolButton)
        if button.defaultAction() is not None and button.isVisible()
    }
    wanted = {entry[0]: entry[1] for entry in window_chrome.TOOLBAR if not isinstance(entry, str)}
    assert set(buttons) == set(wanted)
    for name, button in buttons.items():
        assert not button.icon().isNull(), name
        worded = button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        assert worded == wanted[name], name
        if not worded:  # icon only: its tooltip says what it is and its key
            assert button.toolTip().startswith(button.defaultAction().text()), name
    assert buttons["present_start"].text() == "Present"
    # The presenting buttons sit at the right end.
    right = buttons["present_start"].geometry().right()
    assert window.toolbar.width() - right < 24


def test_docks_are_named_for_what_they_hold(make_window: WindowFactory) -> None:
    window = make_window()
    titles = {dock.windowTitle() for dock in window.findChildren(QDockWidget)}
    assert titles == {"Slides", "Speaker notes"}
    tabs = [window.sidebar.tabText(i) for i in range(window.sidebar.count())]
    assert tabs == ["Outline", "Thumbnails", "Search"]
    assert window.actions_["toggle_sidebar"].text() == "Slides panel"


def test_the_title_names_the_deck_then_the_app_once(make_window: WindowFactory) -> None:
    window = make_window()
    assert window.windowTitle() == "Tianjin’s Ten Actions — Tianjin Briefing"  # typographic
    assert window_chrome.window_title("Tianjin Briefing") == "Tianjin Briefing"
    assert window_chrome.window_title("A  talk\n") == "A talk — Tianjin Briefing"
    assert window_chrome.window_title("") == "Tianjin Briefing"


def test_the_window_has_the_application_icon(make_window: WindowFactory) -> None:
    window = make_window()
    image = window.windowIcon().pixmap(QSize(64, 64)).toImage()
    assert image.pixelColor(32, 10) == QColor("#8e1b22")  # the icon's own red, not recoloured
    assert app_icon().pixmap(QSize(16, 16)).size() == QSize(16, 16)


def test_the_window_starts_without_the_presenter_s_actions(tmp_path: Path) -> None:
    # With no key map file there is nothing to check the presenter's key names against, so
    # opening the window does not import the presenter's actions and every tool's module.
    code = (
        "import sys\nfrom PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\nfrom desktop.ui.main_window import MainWindow\n"
        "window = MainWindow()\nwindow.show()\napp.processEvents()\n"
        "print('desktop.ui.presenter.actions' in sys.modules)"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANJIN_BRIEFING_HOME=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr[-2000:]
