"""The main window: browse a deck offline, with outline, thumbnails, search and notes."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core.actions import NAVIGATION, SECTION_ACTIONS
from desktop.core.loader import DECK_FILE, LoadResult
from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.navigation import Navigator, section_slide, type_digit, typed_index
from desktop.core.resources import bundled_deck
from desktop.render.checks import image_problems
from desktop.render.renderer import SlideRenderer
from desktop.ui.actions import ActionRegistry
from desktop.ui.banner import ProblemsBanner
from desktop.ui.notes_pane import NotesPane
from desktop.ui.outline import OutlinePanel
from desktop.ui.search_panel import SearchPanel
from desktop.ui.session import DeckChange, DeckSession
from desktop.ui.settings import Settings
from desktop.ui.shortcuts import EXTRA, ShortcutsOverlay
from desktop.ui.slide_view import SlideView
from desktop.ui.thumbnails import ThumbnailPanel

if TYPE_CHECKING:
    from desktop.export.pdf import ExportOptions, ExportResult

log = logging.getLogger(__name__)


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
    """

    slide_changed = Signal(int)
    deck_loaded = Signal()
    present_requested = Signal(int)
    rehearse_requested = Signal(int)

    def __init__(
        self, settings: Settings | None = None, session: DeckSession | None = None
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowTitle("Tianjin Ten Actions Briefing")
        self.setAcceptDrops(True)
        self.session = session or DeckSession(self.settings.get_str("view/theme"))
        self.session.setParent(self)
        self.session.deck_changed.connect(self._deck_changed)
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
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)

        self.outline = OutlinePanel()
        self.outline.slide_activated.connect(self.go_to)
        self.outline.section_activated.connect(self.go_to_section)
        self.thumbnails = ThumbnailPanel()
        self.thumbnails.slide_activated.connect(self.go_to)
        self.search = SearchPanel()
        self.search.slide_activated.connect(self.go_to)
        self.sidebar = QTabWidget()
        self.sidebar.setAccessibleName("Sidebar")
        self.sidebar.addTab(self.outline, "Outline")
        self.sidebar.addTab(self.thumbnails, "Slides")
        self.sidebar.addTab(self.search, "Search")
        self.sidebar_dock = self._dock(
            "Sidebar", self.sidebar, Qt.DockWidgetArea.LeftDockWidgetArea
        )

        self.notes = NotesPane()
        self.notes.set_font_size(self.settings.get_int("notes/font_size"))
        self.notes.font_size_changed.connect(
            lambda size: self.settings.set("notes/font_size", size)
        )
        self.notes_dock = self._dock(
            "Speaker notes", self.notes, Qt.DockWidgetArea.RightDockWidgetArea
        )

        self.section_label = QLabel()
        self.section_label.setAccessibleName("Current section")
        self.position_label = QLabel()
        self.position_label.setAccessibleName("Slide position")
        self.state_label = QLabel()
        self.state_label.setAccessibleName("Deck state")
        status = self.statusBar()
        status.addWidget(self.section_label, 1)
        status.addPermanentWidget(self.position_label)
        status.addPermanentWidget(self.state_label)

        self.panels_timer = QTimer(self)
        self.panels_timer.setSingleShot(True)
        self.panels_timer.setInterval(0)
        self.panels_timer.timeout.connect(self._update_panels)

        self._bind_actions()
        self._build_menus()
        self._build_toolbar()
        self._restore_layout()

    # -- construction ---------------------------------------------------------------

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.replace(" ", "_").lower())
        dock.setAccessibleName(title)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

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
        a.bind("find", self.show_search)
        a.bind("find_next", self.search.next_hit)
        a.bind("find_previous", self.search.previous_hit)
        a.bind("full_screen", self.toggle_full_screen)
        notes = a.bind("toggle_notes", lambda: None)
        notes.toggled.connect(self.notes_dock.setVisible)
        self.notes_dock.visibilityChanged.connect(notes.setChecked)
        sidebar = a.bind("toggle_sidebar", lambda: None)
        sidebar.toggled.connect(self.sidebar_dock.setVisible)
        self.sidebar_dock.visibilityChanged.connect(sidebar.setChecked)
        a.bind("notes_bigger", lambda: self.notes.zoom(1))
        a.bind("notes_smaller", lambda: self.notes.zoom(-1))
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
        a.bind("quit", self.close)
        for action in a.all():
            self.addAction(action)

    def _build_menus(self) -> None:
        a = self.actions_
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(a["open"])
        self.recent_menu = file_menu.addMenu("Open &recent")
        self._fill_recent()
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
        self.sections_menu = go.addMenu("&Sections")
        present = bar.addMenu("&Present")
        present.addAction(a["present_start"])
        present.addAction(a["present_here"])
        present.addAction(a["present_rehearse"])
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(a["shortcuts"])
        help_menu.addAction(a["about"])

    def _build_toolbar(self) -> None:
        a = self.actions_
        bar = QToolBar("Main toolbar", self)
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
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _restore_layout(self) -> None:
        geometry = self.settings.get_bytes("window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.get_bytes("window/state")
        if state:
            self.restoreState(state)
        else:
            self.resizeDocks(
                [self.sidebar_dock, self.notes_dock], [270, 330], Qt.Orientation.Horizontal
            )

    # -- decks -------------------------------------------------------------------------

    @property
    def deck(self) -> Deck | None:
        """The deck on screen: the session's last good deck."""
        return self.session.deck

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
            last = self.settings.get_str("deck/last")
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
            self.settings.set("deck/last", str(root))
            self._fill_recent(self.settings.add_recent(root))
            remembered = deck.index_of(self.settings.slide_for(root))
            index = self._start if self._start is not None else remembered or 0
            self._wanted = None
        else:
            index = change.follow(self.nav.current, self._wanted)
        self._show_deck(deck, index)

    def _loaded(self, result: LoadResult) -> None:
        if result.deck is None:
            kept = self.deck is not None
            if not kept:
                self._set_renderer(None)
            self.banner.show_problems(result.problems, self.session.path, kept=kept)
        else:
            self._show_image_problems()
        self._update_status()

    def _show_image_problems(self) -> None:
        """Show what only decoding finds (a broken image, an SVG Qt refuses), as `check` does;
        clear the banner when there is nothing."""
        renderer = self.renderer
        problems = image_problems(renderer.deck, renderer.theme) if renderer is not None else []
        if problems:
            self.banner.show_problems(tuple(problems), self.session.path, kept=False)
        else:
            self.banner.clear()

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self.state_label.setText("Loading…")
            if self.deck is None:
                self.section_label.setText("Loading the deck…")
        else:
            self._update_status()

    def _show_deck(self, deck: Deck, index: int) -> None:
        self._set_renderer(self.session.renderer)
        self.nav.resize(deck.slide_count, index)
        self.outline.set_deck(deck)
        self.search.set_deck(deck)
        self.notes.set_deck(deck)
        self._fill_sections(deck)
        self.setWindowTitle(f"{plain(deck.title)} — Tianjin Ten Actions Briefing")
        self._show_current(chosen=self._wanted is None)
        self.deck_loaded.emit()

    def _set_renderer(self, renderer: SlideRenderer | None) -> None:
        self.view.set_renderer(renderer)
        if renderer is not None:
            self.thumbnails.set_renderer(renderer)
        theme = renderer.theme.key if renderer is not None else ""
        self.actions_["theme_default"].setChecked(theme == "default")
        self.actions_["theme_high_contrast"].setChecked(theme == "high-contrast")

    def set_theme(self, name: str) -> None:
        self.settings.set("view/theme", name)
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
            "Go to slide",
            f"Slide (1–{self.deck.slide_count}):",
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
        self.outline.set_current(index)
        self.thumbnails.set_current(index)
        self.notes.set_slide(index)
        if self.deck is not None and self.session.path is not None and self.deck.refs:
            self.settings.set_slide_for(self.session.path, self.deck.refs[index].slide.id)

    def _update_status(self) -> None:
        deck = self.deck
        if deck is None or not deck.refs:
            self.section_label.setText("No deck loaded")
            self.position_label.setText("")
        else:
            ref = deck.refs[self.nav.current]
            zh = f"  {ref.section.title_zh}" if ref.section.title_zh else ""
            self.section_label.setText(
                f"Section {ref.section_index + 1} / {len(deck.sections)}: "
                f"{plain(ref.section.title)}{zh}"
            )
            self.position_label.setText(f"slide {ref.index + 1} / {deck.slide_count}")
        errors = [p for p in self.session.problems if p.is_error]
        warnings = [p for p in self.session.problems if not p.is_error]
        if errors:
            self.state_label.setText(f"⚠ {len(errors)} problem{'s' if len(errors) != 1 else ''}")
        elif warnings:
            self.state_label.setText(
                f"✓ valid, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
            )
        else:
            self.state_label.setText("✓ deck valid")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Type a slide number, then Enter, to go there."""
        typed = type_digit(self._typed, event.text())
        if typed is not None:
            self._typed = typed
            self.statusBar().showMessage(f"Go to slide {self._typed}… (Enter)", 3000)
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
        self.recent_menu.clear()
        for path in recent if recent is not None else self.settings.get_list("deck/recent"):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_later(Path(p)))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _fill_sections(self, deck: Deck) -> None:
        self.sections_menu.clear()
        for n, section in enumerate(deck.sections):
            action = self.actions_[SECTION_ACTIONS[n]] if n < len(SECTION_ACTIONS) else None
            if action is not None:
                action.setText(f"{n + 1}. {plain(section.title)}")
                self.sections_menu.addAction(action)
            else:
                extra = self.sections_menu.addAction(f"{n + 1}. {plain(section.title)}")
                extra.triggered.connect(lambda _c=False, i=n: self.go_to_section(i))

    def show_search(self) -> None:
        self.sidebar_dock.show()
        self.sidebar.setCurrentWidget(self.search)
        self.search.focus_search()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.actions_["full_screen"].setChecked(self.isFullScreen())

    def show_shortcuts(self) -> ShortcutsOverlay:
        from desktop.ui.presenter.actions import PRESENTER_ACTIONS, TYPED_GO_TO

        own = {spec.name for spec in self.actions_.specs()}
        presenter = tuple(
            dataclasses.replace(spec, group=f"Presenting: {spec.group}")
            for spec in PRESENTER_ACTIONS
            if spec.name not in own
        )
        overlay = ShortcutsOverlay(
            self.actions_.specs() + presenter, self, extra=EXTRA + TYPED_GO_TO
        )
        overlay.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        overlay.show()
        return overlay

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About",
            f"Tianjin Ten Actions Briefing {__version__}\n\n"
            "Slides are data: a deck is a folder of YAML files. Works offline; fonts bundled "
            "(Noto Sans, Noto Sans CJK SC, SIL Open Font License).",
        )

    def ask_open(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.session.path or Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Open deck folder", start)
        if folder:
            self.open_later(Path(folder))

    def ask_export(self) -> None:
        if self.deck is None:
            return
        suggested = Path.home() / f"{self.deck.root.name or 'briefing'}.pdf"
        from desktop.ui.export_dialog import ExportDialog  # export code loads on first use

        dialog = ExportDialog(suggested, self, protected=self.deck.files)
        if dialog.exec() == ExportDialog.DialogCode.Accepted:
            self.export_to(dialog.target(), dialog.options(), force=dialog.force)

    def export_to(
        self,
        target: Path,
        options: ExportOptions | None = None,
        interactive: bool = True,
        force: bool = False,
    ) -> ExportResult | None:
        """Export the deck to *target* (the rules of :mod:`desktop.core.targets`).

        *force* replaces a file that is not a PDF, once the user has agreed to.
        """
        if self.deck is None:
            return None
        from desktop.export.pdf import ExportOptions
        from desktop.ui.export_dialog import export_with_progress

        return export_with_progress(
            self,
            self.deck,
            target,
            options or ExportOptions(),
            interactive=interactive,
            force=force,
        )

    # -- drag and drop, closing -----------------------------------------------------------

    @staticmethod
    def _dropped_deck(event: QDragEnterEvent | QDropEvent) -> Path | None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.is_dir() and (path / DECK_FILE).is_file():
                    return path
                if path.name == DECK_FILE:
                    return path.parent
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_deck(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_deck(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_later(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.panels_timer.isActive():
            self.panels_timer.stop()
            self._update_panels()
        self.settings.set("window/geometry", bytes(self.saveGeometry().data()))
        self.settings.set("window/state", bytes(self.saveState().data()))
        self.settings.sync()
        self.session.close()
        super().closeEvent(event)
