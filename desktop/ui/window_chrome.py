"""The main window's chrome: its docks, menus, toolbar and layout, built from the shared actions.

Every entry is an action of :class:`~desktop.ui.actions.ActionRegistry` (the action table in
:mod:`desktop.core.actions`); the two menus filled at run time are the recent decks and the
deck's sections.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.actions import NAVIGATION, SECTION_ACTIONS
from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.settings import WINDOW_GEOMETRY, WINDOW_STATE
from desktop.ui.actions import ActionRegistry
from desktop.ui.settings import Settings
from desktop.ui.shortcuts import EXTRA, ShortcutsOverlay

APP_NAME = "Tianjin Ten Actions Briefing"


def add_dock(
    window: QMainWindow, title: str, widget: QWidget, area: Qt.DockWidgetArea
) -> QDockWidget:
    """Put *widget* in a movable, closable, floatable dock of *window* (named after *title*)."""
    dock = QDockWidget(title, window)
    dock.setObjectName(title.replace(" ", "_").lower())
    dock.setAccessibleName(title)
    dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetFloatable
    )
    window.addDockWidget(area, dock)
    return dock


def set_central(window: QMainWindow, banner: QWidget, view: QWidget) -> None:
    """The banner over the slide view, edge to edge."""
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(banner)
    column.addWidget(view, 1)
    window.setCentralWidget(central)


def restore_layout(window: QMainWindow, settings: Settings) -> bool:
    """Give *window* the size, docks and toolbar it was closed with; False when nothing was
    kept for the docks (the caller sizes them)."""
    geometry = settings.get(WINDOW_GEOMETRY)
    if geometry:
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)
    state = settings.get(WINDOW_STATE)
    if state:
        window.restoreState(state)
    return bool(state)


def save_layout(window: QMainWindow, settings: Settings) -> None:
    """Keep *window*'s size, docks and toolbar for :func:`restore_layout`."""
    settings.set(WINDOW_GEOMETRY, bytes(window.saveGeometry().data()))
    settings.set(WINDOW_STATE, bytes(window.saveState().data()))
    settings.sync()


def build_menus(window: QMainWindow, a: ActionRegistry) -> tuple[QMenu, QMenu]:
    """The menu bar: File, View, Go, Present, Help. Returns the recent decks and the sections
    menus, which the window fills."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(a["open"])
    recent = file_menu.addMenu("Open &recent")
    file_menu.addAction(a["reload"])
    file_menu.addSeparator()
    file_menu.addAction(a["export"])
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])
    view = bar.addMenu("&View")
    for name in ("full_screen", "toggle_sidebar", "toggle_notes"):
        view.addAction(a[name])
    view.addSeparator()
    view.addAction(a["notes_bigger"])
    view.addAction(a["notes_smaller"])
    view.addSeparator()
    view.addAction(a["theme_default"])
    view.addAction(a["theme_high_contrast"])
    go = bar.addMenu("&Go")
    for name in NAVIGATION:
        go.addAction(a[name])
    sections = go.addMenu("&Sections")
    present = bar.addMenu("&Present")
    present.addAction(a["present_start"])
    present.addAction(a["present_here"])
    present.addAction(a["present_rehearse"])
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a["shortcuts"])
    help_menu.addAction(a["about"])
    return recent, sections


def build_toolbar(window: QMainWindow, a: ActionRegistry) -> QToolBar:
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("main_toolbar")
    bar.setAccessibleName("Main toolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(18, 18))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name in ("open", "export"):
        bar.addAction(a[name])
    bar.addSeparator()
    for name in ("previous", "next", "go_to", "find"):
        bar.addAction(a[name])
    bar.addSeparator()
    bar.addAction(a["toggle_notes"])
    bar.addSeparator()
    bar.addAction(a["present_start"])
    bar.addAction(a["present_here"])
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
    """The shortcuts overlay: the window's actions, then the presenter's own."""
    from desktop.ui.presenter.actions import PRESENTER_ACTIONS, TYPED_GO_TO

    own = {spec.name for spec in a.specs()}
    presenter = tuple(
        dataclasses.replace(spec, group=f"Presenting: {spec.group}")
        for spec in PRESENTER_ACTIONS
        if spec.name not in own
    )
    overlay = ShortcutsOverlay(a.specs() + presenter, parent, extra=EXTRA + TYPED_GO_TO)
    overlay.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    overlay.show()
    return overlay


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About",
        f"{APP_NAME} {__version__}\n\n"
        "Slides are data: a deck is a folder of YAML files. Works offline; fonts bundled "
        "(Noto Sans, Noto Sans CJK SC, SIL Open Font License).",
    )
