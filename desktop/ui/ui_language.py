"""The interface language in Qt: Qt's own catalogues, a Chinese-capable UI font, and the menu.

The app's words come from :mod:`desktop.core.i18n` (gettext); Qt's standard dialogs and
buttons (Cancel, Save, the file dialog's labels) come from Qt's catalogue of the same language,
``qtbase_<code>.qm``, which PySide6 ships and :func:`install_qt_translations` installs.

View → Interface Language (:class:`InterfaceLanguageMenu`) keeps the choice in the settings;
switching now reopens the window on the same slide (the words of a window are made when it is
built, so a new one is built), or it applies from the next start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from desktop.core.i18n import (
    UI_LANGUAGES,
    _,
    known_code,
    language_named,
    system_ui_language,
    ui_language,
)
from desktop.core.settings import UI_LANGUAGE
from desktop.ui.settings import Settings

log = logging.getLogger(__name__)

CJK_FAMILY = "Briefing Sans SC"
"""The bundled Chinese family (desktop/render/fonts.py registers it)."""

_installed: list[QTranslator] = []


def install_qt_translations(app: QCoreApplication, code: str) -> bool:
    """Install Qt's own catalogue for *code* (removing one installed before); False if none."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    suffix = language_named(code).qt if known_code(code) else ""
    if not suffix:
        return False
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if not translator.load(f"qtbase_{suffix}", folder):
        log.warning("Qt's catalogue qtbase_%s is not in %s", suffix, folder)
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def system_has_chinese_font() -> bool:
    """Whether a font of the system (not a bundled one) writes Simplified Chinese."""
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return any(not family.startswith("Briefing Sans") for family in chinese)


def use_bundled_chinese_font() -> bool:
    """Give the interface font the bundled Chinese family as its fallback, where the system
    has no Chinese font of its own (then Chinese labels and deck titles would be boxes).

    Returns whether it did. Call after the bundled fonts are registered.
    """
    if system_has_chinese_font():
        return False
    font = QFont(QGuiApplication.font())
    families = [f for f in (font.families() or [font.family()]) if f != CJK_FAMILY]
    font.setFamilies([*families, CJK_FAMILY])
    QGuiApplication.setFont(font)
    return True


def chosen_ui_language(settings: Settings) -> str | None:
    """The interface language the settings ask for (None: the system locale's)."""
    return known_code(settings.get(UI_LANGUAGE)) or None


class InterfaceLanguageMenu:
    """View → Interface Language: the system's, then each language by its own name.

    Args:
        menu: The submenu to fill.
        settings: Where the choice is kept.
        parent: The window the question is asked over.
        switch: Reopen the window in the language in force (the app's "switch now").
    """

    def __init__(
        self, menu: QMenu, settings: Settings, parent: QWidget, switch: Callable[[], None]
    ) -> None:
        self.menu = menu
        self._settings = settings
        self._parent = parent
        self._switch = switch
        self._group = QActionGroup(menu)
        self._group.setExclusive(True)
        self.entries: dict[str, QAction] = {}
        stored = settings.get(UI_LANGUAGE)
        system = language_named(system_ui_language()).name
        choices = [("", _("System language ({name})").format(name=system))]
        choices += [(language.code, language.name) for language in UI_LANGUAGES]
        for code, text in choices:
            entry = menu.addAction(text)
            entry.setCheckable(True)
            entry.setChecked(code == stored)
            entry.triggered.connect(lambda _c=False, c=code: self.choose(c))
            self._group.addAction(entry)
            self.entries[code] = entry

    def choose(self, code: str) -> None:
        """Keep *code* ("" for the system's) and offer to switch now if the language changes."""
        self._settings.set(UI_LANGUAGE, code)
        self._settings.sync()
        self.entries[code].setChecked(True)
        wanted = known_code(code) or system_ui_language()
        if wanted == ui_language():
            return
        name = language_named(wanted).name
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("Interface language"))
        box.setText(_("Switch the interface to {name} now?").format(name=name))
        box.setInformativeText(
            _(
                "The window reopens on the same slide. Otherwise {name} applies from the next"
                " start."
            ).format(name=name)
        )
        now = box.addButton(_("Switch now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(now)
        box.exec()
        if box.clickedButton() is now:
            self._switch()
