"""The main window's side panels: outline, thumbnails and search in the Slides dock, notes beside.

They show the deck the window shows and ask the window to go to a slide or section; the window
tells them the deck, the renderer and the current slide.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget

from desktop.core.i18n import _
from desktop.core.model import Deck
from desktop.core.settings import NOTES_FONT_SIZE
from desktop.render.renderer import SlideRenderer
from desktop.ui.actions import ActionRegistry
from desktop.ui.notes_pane import NotesPane
from desktop.ui.outline import OutlinePanel
from desktop.ui.search_panel import SearchPanel
from desktop.ui.settings import Settings
from desktop.ui.thumbnails import ThumbnailPanel
from desktop.ui.window_chrome import add_dock


class SidePanels:
    """The Slides dock (outline, thumbnails, search) and the Speaker notes dock of *window*.

    Args:
        window: The window they dock in.
        settings: Keeps the notes size.
        go_to: Shows a slide by index (a click in the outline, thumbnails or search results).
        go_to_section: Shows a section's first slide (a click on a section in the outline).
    """

    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        go_to: Callable[[int], None],
        go_to_section: Callable[[int], None],
    ) -> None:
        self.outline = OutlinePanel()
        self.outline.slide_activated.connect(go_to)
        self.outline.section_activated.connect(go_to_section)
        self.thumbnails = ThumbnailPanel()
        self.thumbnails.slide_activated.connect(go_to)
        self.search = SearchPanel()
        self.search.slide_activated.connect(go_to)
        self.sidebar = QTabWidget()
        self.sidebar.setAccessibleName(_("Slides"))
        self.sidebar.setDocumentMode(True)
        self.sidebar.addTab(self.outline, _("Outline"))
        self.sidebar.addTab(self.thumbnails, _("Thumbnails"))
        self.sidebar.addTab(self.search, _("Search"))
        self.sidebar_dock = add_dock(
            window, "slides", _("Slides"), self.sidebar, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.notes = NotesPane()
        self.notes.set_font_size(settings.get(NOTES_FONT_SIZE))
        self.notes.font_size_changed.connect(lambda size: settings.set(NOTES_FONT_SIZE, size))
        self.notes_dock = add_dock(
            window,
            "speaker_notes",
            _("Speaker notes"),
            self.notes,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self._window = window

    def bind(self, a: ActionRegistry) -> None:
        """Bind the actions the panels answer: find, the notes size, showing each dock."""
        a.bind("find", self.show_search)
        a.bind("find_next", self.search.next_hit)
        a.bind("find_previous", self.search.previous_hit)
        notes = a.bind("toggle_notes", lambda: None)
        notes.toggled.connect(self.notes_dock.setVisible)
        self.notes_dock.visibilityChanged.connect(notes.setChecked)
        sidebar = a.bind("toggle_sidebar", lambda: None)
        sidebar.toggled.connect(self.sidebar_dock.setVisible)
        self.sidebar_dock.visibilityChanged.connect(sidebar.setChecked)
        a.bind("notes_bigger", lambda: self.notes.zoom(1))
        a.bind("notes_smaller", lambda: self.notes.zoom(-1))

    def default_sizes(self) -> None:
        """The docks' widths before the user has moved anything."""
        self._window.resizeDocks(
            [self.sidebar_dock, self.notes_dock], [270, 330], Qt.Orientation.Horizontal
        )

    def set_deck(self, deck: Deck) -> None:
        self.outline.set_deck(deck)
        self.search.set_deck(deck)
        self.notes.set_deck(deck)

    def set_renderer(self, renderer: SlideRenderer) -> None:
        self.thumbnails.set_renderer(renderer)

    def set_current(self, index: int) -> None:
        self.outline.set_current(index)
        self.thumbnails.set_current(index)
        self.notes.set_slide(index)

    def show_search(self) -> None:
        """Show the search panel with the query field focused."""
        self.sidebar_dock.show()
        self.sidebar.setCurrentWidget(self.search)
        self.search.focus_search()
