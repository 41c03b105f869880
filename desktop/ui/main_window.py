"""The main window: browse a deck offline, with outline, thumbnails, search and notes."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QInputDialog, QMainWindow

from desktop.core.actions import CONFIRM_KEY
from desktop.core.i18n import _
from desktop.core.loader import LoadResult
from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.navigation import Navigator, section_slide, type_digit, typed_index
from desktop.core.problems import Problem
from desktop.core.resources import bundled_deck
from desktop.core.settings import DECK_LAST, DECK_RECENT, VIEW_THEME
from desktop.render.renderer import SlideRenderer
from desktop.ui import file_actions, window_chrome, window_geometry
from desktop.ui.actions import ActionRegistry, keymap_notice
from desktop.ui.banner import ProblemsBanner
from desktop.ui.empty_state import DeckPages, EmptyState
from desktop.ui.icons import app_icon
from desktop.ui.image_check import ImageCheck
from desktop.ui.language_menu import LanguageMenu
from desktop.ui.session import DeckChange, DeckSession
from desktop.ui.settings import Settings
from desktop.ui.shortcuts import ShortcutsOverlay
from desktop.ui.side_panels import SidePanels
from desktop.ui.slide_view import SlideView
from desktop.ui.status import DeckStatus
from desktop.ui.ui_language import InterfaceLanguageMenu
from desktop.ui.window_chrome import APP_NAME

if TYPE_CHECKING:
    from desktop.export.exporter import ExportOptions, ExportResult

log = logging.getLogger(__name__)

KEYMAP_NOTICE_MS = 20_000
"""How long the status line says what is wrong in the key map."""


class MainWindow(QMainWindow):
    """Browse a deck: the current slide, its outline, thumbnails, search and notes.

    Args:
        settings: The app's settings (tests pass a temporary file).
        session: The deck shown, loaded and watched (default: a new :class:`DeckSession`
            with the theme chosen in the settings; tests pass one with a short debounce).

    Attributes:
        session: The deck's life (load, watch, reload, the last good deck); the presenter
            subscribes to it too.

    Signals:
        slide_changed(int): the current slide index changed.
        deck_loaded(): a (re)load produced a valid deck now on screen.
        present_requested(int): the user asked to present from a slide index.
        rehearse_requested(int): the user asked to rehearse from a slide index.
        interface_switch_requested(): the user chose another interface language and asked to
            switch now (the app reopens the window in it).
    """

    slide_changed = Signal(int)
    deck_loaded = Signal()
    present_requested = Signal(int)
    rehearse_requested = Signal(int)
    interface_switch_requested = Signal()

    def __init__(
        self, settings: Settings | None = None, session: DeckSession | None = None
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.session = session or DeckSession(self.settings.get(VIEW_THEME), settings=self.settings)
        self.session.setParent(self)
        self.session.deck_changed.connect(self._deck_changed)
        self.session.display_changed.connect(self._display_changed)
        self.session.loaded.connect(self._loaded)
        self.session.busy_changed.connect(self._busy_changed)
        self.nav = Navigator(0)
        self._typed = ""
        self._wanted: str | None = None
        """The id of the slide the user chose (kept when a reload moved off a slide gone)."""
        self._start: int | None = None
        self.actions_ = ActionRegistry(self)

        self.view = SlideView()
        self.view.step.connect(lambda d: self.next_slide() if d > 0 else self.previous_slide())
        self.banner = ProblemsBanner()
        self.stack = window_chrome.set_central(self, self.banner, self.view)
        self._placed = False

        self.panels = SidePanels(self, self.settings, self.go_to, self.go_to_section)
        self.outline, self.thumbnails = self.panels.outline, self.panels.thumbnails
        self.search, self.notes = self.panels.search, self.panels.notes
        self.sidebar, self.sidebar_dock = self.panels.sidebar, self.panels.sidebar_dock
        self.notes_dock = self.panels.notes_dock

        self.status = DeckStatus(self.statusBar())
        self.section_label = self.status.section_label
        self.position_label = self.status.position_label
        self.state_label = self.status.state_label

        self.image_check = ImageCheck(self)
        self.image_check.finished.connect(self._image_problems)
        self.panels_timer = QTimer(self)
        self.panels_timer.setSingleShot(True)
        self.panels_timer.setInterval(0)
        self.panels_timer.timeout.connect(self._update_panels)

        self._bind_actions()
        self.recent_menu, self.sections_menu, menu, interface = window_chrome.build_menus(
            self, self.actions_
        )
        self.languages = LanguageMenu(menu, self.actions_["language_next"], self.session)
        self.interface_languages = InterfaceLanguageMenu(
            interface, self.settings, self, self.interface_switch_requested.emit
        )
        self._fill_recent()
        self.toolbar = window_chrome.build_toolbar(self, self.actions_)
        self.pages = DeckPages(self.stack, self.view, self.actions_)
        if not window_geometry.restore_layout(self, self.settings):
            self.panels.default_sizes()
        self.pages.enable(False, self.nav)  # until a deck loads (the page waits for a load)
        if notice := keymap_notice(self.actions_.keymap_problems):
            self.statusBar().showMessage(notice, KEYMAP_NOTICE_MS)

    # -- construction ---------------------------------------------------------------

    def _bind_actions(self) -> None:
        a = self.actions_
        a.bind("next", self.next_slide)
        a.bind("previous", self.previous_slide)
        a.bind("first", lambda: self.go_to(0))
        a.bind("last", lambda: self.go_to(self.nav.count - 1))
        a.bind("go_to", self.ask_go_to)
        a.bind("back", self.back)
        a.bind("forward", self.forward)
        a.bind_sections(self.go_to_section)
        self.panels.bind(a)
        a.bind("full_screen", self.toggle_full_screen)
        a.bind("black", lambda: self.view.set_fill(None if self.view.filled() else "#000000"))
        a.bind("language_next", lambda: self.languages.cycle())
        a.bind("theme_default", lambda: self.set_theme("default"))
        a.bind("theme_high_contrast", lambda: self.set_theme("high-contrast"))
        a.bind("shortcuts", self.show_shortcuts)
        a.bind("about", self.show_about)
        a.bind("present_start", lambda: self.present_requested.emit(0))
        a.bind("present_here", lambda: self.present_requested.emit(self.nav.current))
        a.bind("present_rehearse", lambda: self.rehearse_requested.emit(0))
        a.bind("open", self.ask_open)
        a.bind("reload", self.reload)
        a.bind("export", self.ask_export)
        a.bind("print", self.ask_print)
        a.bind("copy_slide", self.copy_slide)
        a.bind("edit_keys", self._edit_keys)
        a.bind("quit", self.close)
        for action in a.all():
            self.addAction(action)

    # -- decks -------------------------------------------------------------------------

    @property
    def deck(self) -> Deck | None:
        """The deck on screen: the session's last good deck, in its display language."""
        return self.session.shown

    @property
    def renderer(self) -> SlideRenderer | None:
        return self.session.renderer

    def open_deck(self, path: Path | None = None, slide: int | None = None) -> bool:
        """Open the deck at *path* (default: the last deck, else the bundled one) now.

        The load runs on this thread (start-up: faster than a thread, and the first slide
        follows at once); :meth:`open_later` loads in the background. Returns whether the deck
        is valid.
        """
        if path is None:
            last = self.settings.get(DECK_LAST)
            path = Path(last) if last and Path(last).exists() else bundled_deck()
        self._start = slide
        result = self.session.open(path, wait=True)
        self._start = None
        return result is not None and result.deck is not None

    def open_later(self, path: Path) -> None:
        """Open the deck at *path* in the background (the window shows "Loading…" meanwhile)."""
        self.session.open(path)

    def reload(self) -> None:
        """Reload the deck from disk; on errors keep the last good deck on screen."""
        self.session.reload()

    def _deck_changed(self, change: DeckChange) -> None:
        deck = change.deck
        if change.previous is None:  # another deck: where the user left it, or as asked
            root = deck.root
            self.settings.set(DECK_LAST, str(root))
            self._fill_recent(self.settings.add_recent(root))
            remembered = deck.index_of(self.settings.slide_for(root))
            index = self._start if self._start is not None else remembered or 0
            self._wanted = None
        else:
            index = change.follow(self.nav.current, self._wanted)
        self._show_deck(deck, index)

    def _display_changed(self, change: DeckChange) -> None:
        """The deck in another language: the same slide at once (its first part where the
        language splits it otherwise: :func:`~desktop.core.follow.follow_map`); the panels,
        menus and title follow on the next event-loop turn (as after a slide change), unless a
        newer deck or language came first."""
        index = change.follow(self.nav.current)
        self.view.set_renderer(change.renderer)
        if index != self.nav.current:
            self.nav.resize(change.deck.slide_count, index)
            self.view.set_index(index)
        self._update_status()

        def follow() -> None:
            if change.deck is self.deck:
                self._show_deck(change.deck, self.nav.current)

        QTimer.singleShot(0, self, follow)

    def _loaded(self, result: LoadResult) -> None:
        if result.deck is None:
            self.image_check.stop()  # its verdict on the last deck would hide these problems
            if self.deck is not None:
                self.banner.show_problems(result.problems, self.session.path, kept=True)
            else:
                self._set_renderer(None)
                self.banner.clear()  # the empty state lists them
        else:
            self._show_image_problems()
        self._update_status()
        self._show_state()

    def _show_state(self) -> None:
        """The slide, or the empty state while no deck is loaded (see :class:`DeckPages`)."""
        self.pages.show(self.deck is not None, self.nav, self.session)

    def empty_state(self) -> EmptyState:
        """The page shown instead of the slide while no deck is loaded."""
        return self.pages.empty()

    def _show_image_problems(self) -> None:
        """Show what only decoding finds (a broken image, an SVG Qt refuses), as `check` does,
        once every image is decoded (a few per turn of the event loop: :class:`ImageCheck`)."""
        renderer = self.renderer
        if renderer is None:
            self.image_check.stop()
            self.banner.clear()
            return
        self.image_check.start(renderer.deck, renderer.theme)

    def _image_problems(self, problems: tuple[Problem, ...]) -> None:
        if problems:
            self.banner.show_problems(problems, self.session.path, kept=False)
        else:
            self.banner.clear()

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.status.show_loading(self.deck is not None)
        else:
            self._update_status()
        if self.deck is None:
            self._show_state()

    def _show_deck(self, deck: Deck, index: int) -> None:
        self._set_renderer(self.session.renderer)
        self.nav.resize(deck.slide_count, index)
        self.panels.set_deck(deck)
        self.languages.fill()
        window_chrome.fill_sections(self.sections_menu, deck, self.actions_, self.go_to_section)
        self.setWindowTitle(window_chrome.window_title(plain(deck.title)))
        self._show_state()
        self._show_current(chosen=self._wanted is None)
        self.deck_loaded.emit()

    def _set_renderer(self, renderer: SlideRenderer | None) -> None:
        self.view.set_renderer(renderer)
        if renderer is not None:
            self.panels.set_renderer(renderer)
        theme = renderer.theme.key if renderer is not None else ""
        self.actions_["theme_default"].setChecked(theme == "default")
        self.actions_["theme_high_contrast"].setChecked(theme == "high-contrast")

    def set_theme(self, name: str) -> None:
        self.settings.set(VIEW_THEME, name)
        self.session.set_theme(name)

    # -- navigation ----------------------------------------------------------------------

    def current_index(self) -> int:
        return self.nav.current

    def next_slide(self) -> None:
        if self.nav.next():
            self._show_current()

    def previous_slide(self) -> None:
        if self.nav.previous():
            self._show_current()

    def go_to(self, index: int) -> None:
        if self.deck is not None and self.nav.go_to(index):
            self._show_current()

    def go_to_section(self, section_index: int) -> None:
        index = section_slide(self.deck, section_index) if self.deck is not None else None
        if index is not None:
            self.go_to(index)

    def back(self) -> None:
        if self.nav.back():
            self._show_current()

    def forward(self) -> None:
        if self.nav.forward():
            self._show_current()

    def ask_go_to(self) -> None:
        if self.deck is None:
            return
        number, ok = QInputDialog.getInt(
            self,
            _("Go to slide"),
            _("Slide (1–{count}):").format(count=self.deck.slide_count),
            self.nav.current + 1,
            1,
            self.deck.slide_count,
        )
        if ok:
            self.go_to(number - 1)

    def _show_current(self, chosen: bool = True) -> None:
        """Show the current slide now; the side panels follow on the next event-loop turn.

        The slide is what the user waits for: drawing it first keeps a jump within a frame
        (the outline, thumbnails and notes cost as much again; see bench/RESULTS.md).

        Args:
            chosen: The user (not a reload) put this slide on screen: it is the one to return
                to if a reload moves off it.
        """
        index = self.nav.current
        if chosen:
            deck = self.deck
            self._wanted = deck.refs[index].slide.id if deck is not None and deck.refs else None
        self.view.set_index(index)
        self.actions_["back"].setEnabled(self.nav.can_go_back)
        self.actions_["forward"].setEnabled(self.nav.can_go_forward)
        self._update_status()
        self.panels_timer.start()
        self.slide_changed.emit(index)

    def _update_panels(self) -> None:
        index = self.nav.current
        self.panels.set_current(index)
        if self.deck is not None and self.session.path is not None and self.deck.refs:
            self.settings.set_slide_for(self.session.path, self.deck.refs[index].slide.id)

    def _update_status(self) -> None:
        self.status.show(self.deck, self.nav.current, self.session.problems)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Type a slide number, then Enter, to go there."""
        typed = type_digit(self._typed, event.text())
        if typed is not None:
            self._typed = typed
            going = _("Go to slide {number}… ({key})").format(number=self._typed, key=CONFIRM_KEY)
            self.statusBar().showMessage(going, 3000)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._typed:
            index = typed_index(self._typed)
            if index is not None:
                self.go_to(index)
            self._typed = ""
            self.statusBar().clearMessage()
            return
        if event.key() == Qt.Key.Key_Escape:
            if self._typed:
                self._typed = ""
                self.statusBar().clearMessage()
                return
            if self.isFullScreen():
                self.toggle_full_screen()
                return
        super().keyPressEvent(event)

    # -- menus and dialogs --------------------------------------------------------------

    def _fill_recent(self, recent: list[str] | None = None) -> None:
        paths = recent if recent is not None else self.settings.get(DECK_RECENT)
        window_chrome.fill_recent(self.recent_menu, paths, self.open_later)

    def show_search(self) -> None:
        self.panels.show_search()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.actions_["full_screen"].setChecked(self.isFullScreen())

    def show_shortcuts(self) -> ShortcutsOverlay:
        return window_chrome.show_shortcuts(self, self.actions_)

    def show_about(self) -> None:
        window_chrome.show_about(self)

    def ask_open(self) -> None:
        folder = file_actions.choose_deck_folder(self, self.session.path)
        if folder is not None:
            self.open_later(folder)

    def ask_print(self) -> None:
        """File → Print: the print dialog, then the pages the PDF export would write."""
        if self.renderer is not None:
            from desktop.ui.printing import ask_print

            ask_print(self, self.renderer, self.nav.current)

    def _edit_keys(self) -> None:
        from desktop.ui.keymap_dialog import edit_keys  # the dialog, when first asked for

        edit_keys(self, self.actions_)

    def copy_slide(self) -> None:
        """Edit → Copy slide as image: the current slide on the clipboard."""
        if self.renderer is not None:
            from desktop.ui.printing import copy_slide

            copy_slide(self.renderer, self.nav.current)

    def ask_export(self) -> None:
        chosen = file_actions.ask_export(self, self.deck) if self.deck is not None else None
        if chosen is not None:
            target, options, force, language = chosen
            self.export_to(target, options, force=force, language=language)

    def export_to(
        self,
        target: Path,
        options: ExportOptions | None = None,
        interactive: bool = True,
        force: bool = False,
        language: str = "",
    ) -> ExportResult | None:
        """Export the deck to *target* (the rules of :mod:`desktop.core.targets`).

        The format is the one *options* are for (default: a PDF of the slides). *force*
        replaces a file of another format, once the user has agreed to. *language* is the
        display language (``en+zh``; ``""``: the window's).
        """
        if self.deck is None:
            return None
        deck = self.deck
        return file_actions.export_deck(self, deck, target, options, interactive, force, language)

    # -- drag and drop, closing -----------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if file_actions.dropped_deck(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = file_actions.dropped_deck(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_later(path)

    def showEvent(self, event: QShowEvent) -> None:
        """On the first show, fit the window to its screen again, its frame now known."""
        super().showEvent(event)
        if not self._placed:
            self._placed = True
            window_geometry.keep_on_screen(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.panels_timer.isActive():
            self.panels_timer.stop()
            self._update_panels()
        window_geometry.save_layout(self, self.settings)
        self.session.close()
        super().closeEvent(event)
