"""The main window's chrome: its docks, menus, toolbar and layout, built from the shared actions.

Every entry is an action of :class:`~desktop.ui.actions.ActionRegistry` (the action table in
:mod:`desktop.core.actions`); the two menus filled at run time are the recent decks and the
deck's sections.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Final

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.actions import NAVIGATION, SECTION_ACTIONS
from desktop.core.i18n import _
from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.ui.actions import ActionRegistry, user_keymap
from desktop.ui.shortcuts import EXTRA, ShortcutsOverlay

APP_NAME: Final = "Tianjin Briefing"
"""The application's name: window titles end with it ("DECK TITLE — Tianjin Briefing")."""

FONT_CREDIT: Final = "Noto Sans, Noto Sans CJK SC, SIL Open Font License"
"""The bundled fonts and their licence, as the About box names them (proper names: the same in
every language)."""

TOOLBAR: Final[tuple[tuple[str, bool] | str, ...]] = (
    ("open", True),
    ("export", True),
    "|",
    ("previous", False),
    ("next", False),
    ("go_to", False),
    ("find", False),
    "|",
    ("toggle_sidebar", False),
    ("toggle_notes", False),
    "->",
    ("present_here", False),
    ("present_start", True),
)
"""The toolbar: each action and whether its word shows beside its icon (where the icon alone
would leave the user guessing: the file actions and presenting), ``|`` a separator, ``->``
the space that puts what follows at the right end."""


def add_dock(
    window: QMainWindow, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea
) -> QDockWidget:
    """Put *widget* in a movable, closable, floatable dock of *window* titled *title*.

    Args:
        window: The window it docks in.
        name: Its object name, the same in every language: the saved layout finds it by it.
        title: What its title bar says.
        widget: What it holds.
        area: Where it docks first.
    """
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setAccessibleName(title)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    window.addDockWidget(area, dock)
    return dock


def set_central(window: QMainWindow, banner: QWidget, view: QWidget) -> QStackedWidget:
    """The banner over the slide view, edge to edge; returns the stack the view is in (the
    window puts its empty state there too)."""
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(banner)
    stack = QStackedWidget()
    stack.addWidget(view)
    column.addWidget(stack, 1)
    window.setCentralWidget(central)
    return stack


def window_title(deck_title: str | None) -> str:
    """The main window's title: "DECK TITLE — Tianjin Briefing", the name alone without a
    deck, and said once when the deck's title already ends with it."""
    title = " ".join((deck_title or "").split())
    if not title or title.casefold().endswith(APP_NAME.casefold()):
        return title or APP_NAME
    return f"{title} — {APP_NAME}"


def build_menus(window: QMainWindow, a: ActionRegistry) -> tuple[QMenu, QMenu, QMenu, QMenu]:
    """The menu bar: File, View, Go, Present, Help. Returns the recent decks, the sections,
    the deck's display languages and the interface language menus, which the window fills."""
    bar = window.menuBar()
    file_menu = bar.addMenu(_("&File"))
    file_menu.addAction(a["open"])
    recent = file_menu.addMenu(_("Open &recent"))
    file_menu.addAction(a["reload"])
    file_menu.addSeparator()
    file_menu.addAction(a["export"])
    file_menu.addAction(a["print"])
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])
    edit = bar.addMenu(_("&Edit"))
    edit.addAction(a["copy_slide"])
    edit.addSeparator()
    edit.addAction(a["edit_keys"])
    view = bar.addMenu(_("&View"))
    for name in ("full_screen", "toggle_sidebar", "toggle_notes", "black"):
        view.addAction(a[name])
    languages = view.addMenu(_("&Language"))
    interface = view.addMenu(_("&Interface Language"))
    view.addSeparator()
    view.addAction(a["notes_bigger"])
    view.addAction(a["notes_smaller"])
    view.addSeparator()
    view.addAction(a["theme_default"])
    view.addAction(a["theme_high_contrast"])
    go = bar.addMenu(_("&Go"))
    for name in NAVIGATION:
        go.addAction(a[name])
    sections = go.addMenu(_("&Sections"))
    present = bar.addMenu(_("&Present"))
    present.addAction(a["present_start"])
    present.addAction(a["present_here"])
    present.addAction(a["present_rehearse"])
    help_menu = bar.addMenu(_("&Help"))
    help_menu.addAction(a["shortcuts"])
    help_menu.addAction(a["about"])
    return recent, sections, languages, interface


def build_toolbar(window: QMainWindow, a: ActionRegistry) -> QToolBar:
    """The toolbar of :data:`TOOLBAR`: icons, with words where they help."""
    bar = QToolBar(_("Toolbar"), window)
    bar.setObjectName("main_toolbar")
    bar.setAccessibleName(_("Toolbar"))
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for entry in TOOLBAR:
        if entry == "|":
            bar.addSeparator()
        elif isinstance(entry, str):  # "->"
            spacer = QWidget(bar)
            spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            bar.addWidget(spacer)
        else:
            name, worded = entry
            bar.addAction(a[name])
            button = bar.widgetForAction(a[name])
            if worded and isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def fill_recent(menu: QMenu, recent: list[str], open_deck: Callable[[Path], None]) -> None:
    """One entry per recent deck folder, newest first; disabled while there is none."""
    menu.clear()
    for path in recent:
        action = menu.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: open_deck(Path(p)))
    menu.setEnabled(not menu.isEmpty())


def fill_sections(
    menu: QMenu, deck: Deck, a: ActionRegistry, go_to_section: Callable[[int], None]
) -> None:
    """One entry per section: the section actions (with their shortcuts), then plain entries
    for the sections past the tenth."""
    menu.clear()
    for n, section in enumerate(deck.sections):
        text = f"{n + 1}. {plain(section.title)}"
        if n < len(SECTION_ACTIONS):
            action = a[SECTION_ACTIONS[n]]
            action.setText(text)
            menu.addAction(action)
        else:
            extra = menu.addAction(text)
            extra.triggered.connect(lambda _c=False, i=n: go_to_section(i))


def show_shortcuts(parent: QWidget, a: ActionRegistry) -> ShortcutsOverlay:
    """The shortcuts overlay: the window's actions, then the presenter's own (the keys in
    force: the user's key map applied)."""
    from desktop.ui.presenter.actions import PRESENTER_ACTIONS, TYPED_GO_TO

    own = {spec.name for spec in a.specs()}
    in_force, _conflicts = user_keymap().apply(PRESENTER_ACTIONS)
    presenter = tuple(spec for spec in in_force if spec.name not in own)
    overlay = ShortcutsOverlay(a.specs(), parent, extra=EXTRA + TYPED_GO_TO, presenting=presenter)
    overlay.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    overlay.show()
    return overlay


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        _("About"),
        _(
            "{app} {version}\n\nSlides are data: a deck is a folder of YAML files. Works "
            "offline; fonts bundled ({fonts})."
        ).format(app=APP_NAME, version=__version__, fonts=FONT_CREDIT),
    )
