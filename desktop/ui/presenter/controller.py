"""The presenter: the audience window, the console, the keys, the screens and the clocks.

:class:`PresenterController` owns the talk's state (:class:`~desktop.ui.presenter.state.
ShowState`), its timing (:class:`~desktop.core.timing.PaceTracker`) and the two windows. Every
key is an action of :data:`~desktop.ui.presenter.actions.PRESENTER_ACTIONS`; each handler
changes the state and then :meth:`PresenterController.refresh` shows it everywhere.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final, TypeAlias

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QAbstractSlider

from desktop.core.follow import follow, follow_map
from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.navigation import Navigator, section_slide
from desktop.core.rehearsal import Rehearsal, load_rehearsal, save_rehearsal
from desktop.core.settings import PRESENTER_NOTES_FONT_SIZE
from desktop.core.timing import Clock, PaceTracker, has_plan
from desktop.render.renderer import SlideRenderer
from desktop.ui.presenter.actions import TYPED_GO_TO, PresenterActions
from desktop.ui.presenter.audience import AudienceWindow
from desktop.ui.presenter.clock import HeldClock, carry_over, slide_mapping
from desktop.ui.presenter.console import ConsoleWindow
from desktop.ui.presenter.placement import Mode, Placement
from desktop.ui.presenter.state import ShowState, badges, banner
from desktop.ui.presenter.strip import segment_weights
from desktop.ui.presenter.timebar import time_texts
from desktop.ui.settings import Settings
from desktop.ui.shortcuts import ShortcutsOverlay

log = logging.getLogger(__name__)

WallClock: TypeAlias = Callable[[], dt.datetime]

TICK_MS: Final = 250
_NAVIGATION: Final = ("next", "previous", "first", "last")
"""Actions the overview grid takes over while it is open (it moves its own selection)."""


class PresenterController(QObject):
    """One presentation, from :meth:`start` to :meth:`end`.

    Args:
        deck: The deck presented.
        renderer: The renderer of *deck* (shared with the main window: one cache).
        settings: Where the remembered screen choice is kept.
        start_index: The first slide shown.
        clock: Monotonic seconds (tests pass a fake).
        screen_name: The audience screen asked for (``--screen``), if any.
        rehearse: Record a rehearsal: at the end show and save the time per section.
        parent: The owning object.
        now: The wall clock shown on the console (tests pass a fixed time).

    Signals:
        ended(int): the presentation ended at this slide index (of the deck last set).
    """

    ended = Signal(int)

    def __init__(
        self,
        deck: Deck,
        renderer: SlideRenderer,
        settings: Settings,
        start_index: int,
        clock: Clock = time.monotonic,
        screen_name: str | None = None,
        rehearse: bool = False,
        parent: QObject | None = None,
        *,
        now: WallClock | None = None,
    ) -> None:
        super().__init__(parent)
        if deck.slide_count == 0:
            raise ValueError("a deck without slides cannot be presented")
        self.deck = deck
        self.renderer = renderer
        self.settings = settings
        self.rehearse = rehearse
        self._now: WallClock = now or dt.datetime.now
        self._clock = HeldClock(clock)
        self.state = ShowState(Navigator(deck.slide_count, start_index))
        self._tracker = PaceTracker(deck, self._clock)
        self._shown = self.state.audience
        self._tracker.on_slide(self._shown)
        self._previous: Rehearsal | None = load_rehearsal(deck)
        self._overview = False
        self._summary = False
        self._saved: Path | None = None
        self._running = False
        self._finished = False
        self._wanted = deck.refs[self.state.nav.current].slide.id
        """The id of the presenter's slide as chosen (kept when a reload moved off it)."""

        self.actions = PresenterActions(self)
        self.audience = AudienceWindow()
        self.console = ConsoleWindow()
        self.placement = Placement(
            self.audience, self.console, settings, screen_name, self.console.notify
        )
        for window in (self.audience, self.console):
            window.addActions(self.actions.all())
            window.installEventFilter(self)
        self.console.section_clicked.connect(self.preview_section)
        self.console.step.connect(self.step)
        self.console.overview.activated.connect(self._overview_activated)
        self.console.finder.hit_selected.connect(self._find_selected)
        self.console.finder.hit_activated.connect(self._find_activated)
        self.console.notes.set_font_size(self._notes_size())
        self.console.notes.font_size_changed.connect(self._keep_notes_size)
        self._bind()
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.refresh_time)

    # -- reading ---------------------------------------------------------------------------

    @property
    def tracker(self) -> PaceTracker:
        """The talk's timing (replaced, with its time carried over, when the deck reloads)."""
        return self._tracker

    @property
    def mode(self) -> Mode:
        """``dual`` (two screens), ``single`` (full screen, Tab for the console), ``windowed``."""
        return self.placement.mode

    @property
    def console_up(self) -> bool:
        """Single screen: whether the console is in front of the audience view."""
        return self.placement.console_up

    @property
    def overview_open(self) -> bool:
        return self._overview

    @property
    def typed(self) -> str | None:
        """The slide number being typed (``""`` after G), or None."""
        return self.state.typed

    @property
    def saved_rehearsal(self) -> Path | None:
        return self._saved

    @property
    def running(self) -> bool:
        return self._running

    # -- start and end ---------------------------------------------------------------------

    def start(self) -> None:
        """Show both windows on their screens and start listening to screen changes."""
        if self._running or self._finished:
            return
        self._running = True
        self.console.set_deck(self.deck, self.renderer, self._rehearsed_by_section())
        self.audience.set_renderer(self.renderer)
        self.audience.setWindowTitle(f"{plain(self.deck.title)} — audience")
        self.console.setWindowTitle(f"{plain(self.deck.title)} — presenter console")
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self.on_screen_added)
            app.screenRemoved.connect(self.on_screen_removed)
        self.placement.windowed = self.rehearse and len(self.placement.screens()) == 1
        self.placement.place()
        self.refresh()
        self._tick.start()

    def end(self) -> None:
        """Close both windows and emit :attr:`ended` with the presenter's slide.

        A rehearsal not yet saved is saved first, so no timing is lost.
        """
        if self._finished:
            return
        self._finished = True
        self._running = False
        self._tick.stop()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.disconnect(self.on_screen_added)
            app.screenRemoved.disconnect(self.on_screen_removed)
        if self.rehearse and self._saved is None and self._tracker.timer.started:
            self._save_rehearsal()
        index = self.state.nav.current
        for window in (self.audience, self.console):
            window.removeEventFilter(self)
            window.hide()
            window.deleteLater()
        self.ended.emit(index)

    def escape(self) -> None:
        """Esc: close what is open (typing, overview, search, preview), else end the talk.

        A rehearsal first shows its summary; Esc there ends.
        """
        if self._overview:
            self._close_overview()
        elif self.console.find_open():
            self.console.show_find(False)
            self.state.cancel()
        elif self.state.cancel():
            pass  # a typed number or a preview dropped
        elif self.rehearse and not self._summary:
            self.finish_rehearsal()
        else:
            self.end()
            return
        self.refresh()

    # -- moving ------------------------------------------------------------------------------

    def step(self, delta: int) -> None:
        """Next or previous: a search hit, the preview, or the talk (see :meth:`ShowState.step`)."""
        if self.console.find_open():
            self.console.finder.move_selection(delta)
            return
        self.state.step(delta)
        self.refresh()

    def jump(self, index: int) -> None:
        """First, last, a section: moves the preview when there is one, else the talk."""
        self.state.typed = None
        if self.state.preview is not None:
            self.state.show_preview(index)
        else:
            self.state.nav.go_to(index)
        self.refresh()

    def go_to_section(self, section: int) -> None:
        index = section_slide(self.deck, section)
        if index is not None:
            self.jump(index)

    def history(self, forward: bool) -> None:
        """Back or forward through the talk's jumps (public; drops any preview)."""
        self.state.cancel()
        if forward:
            self.state.nav.forward()
        else:
            self.state.nav.back()
        self.refresh()

    def preview(self, index: int) -> None:
        """Show slide *index* on the console only; Enter shows it on the projector."""
        self.state.show_preview(index)
        self.refresh()

    def preview_section(self, section: int) -> None:
        """Preview the first slide of *section* (a click on the section strip)."""
        index = section_slide(self.deck, section)
        if index is not None:
            if self._overview:
                self._close_overview()
            self.preview(index)

    def show(self) -> None:
        """Enter: the overview's selection, the search hit, the typed slide or the preview goes
        on the projector; a frozen projector shows the presenter's slide again."""
        if self._summary:
            self.end()
            return
        if self._overview:
            self.state.show_preview(self.console.overview.selected())
            self._close_overview()
        if self.console.find_open():
            self.console.show_find(False)
        self.state.commit()
        self.refresh()

    def start_typing(self) -> None:
        """G: type a slide number; each digit previews it, Enter shows it."""
        if self._overview:
            self._close_overview()
        self.state.start_typing()
        self.refresh()

    def type_digit(self, digit: str) -> None:
        self.state.type_digit(digit)
        self.refresh()

    def erase_digit(self) -> None:
        if self.state.erase_digit():
            self.refresh()

    # -- the projector -------------------------------------------------------------------

    def toggle_black(self) -> None:
        self.state.toggle_blank("black")
        self.refresh()

    def toggle_white(self) -> None:
        self.state.toggle_blank("white")
        self.refresh()

    def toggle_freeze(self) -> None:
        self.state.toggle_freeze()
        self.refresh()

    # -- the console -----------------------------------------------------------------------

    def toggle_overview(self) -> None:
        if self._overview:
            self._close_overview()
        else:
            self.state.typed = None
            if self.console.find_open():
                self.console.show_find(False)
            self._overview = True
            for name in _NAVIGATION:
                self.actions[name].setEnabled(False)
            self.console.overview.set_marks(self.state.console, self.state.audience)
            self.console.show_page("overview")
            self.placement.bring_console_up()
            self.console.overview.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.refresh()

    def _close_overview(self) -> None:
        self._overview = False
        for name in _NAVIGATION:
            self.actions[name].setEnabled(True)
        self.console.show_page("talk")
        self.console.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_find(self) -> None:
        """Ctrl+F: search privately; the selected hit is previewed on the console."""
        if self._overview:
            self._close_overview()
        self.state.typed = None
        self.placement.bring_console_up()
        self.console.show_find(True)
        hit = self.console.finder.current_hit()
        if hit is not None:
            self.state.show_preview(hit.index)
        self.refresh()

    def find_step(self, delta: int) -> None:
        """F3 / Shift+F3: the next or previous hit (opening the search when it is closed)."""
        if not self.console.find_open():
            self.open_find()
        self.console.finder.move_selection(delta)

    def _find_selected(self, index: int) -> None:
        if self.console.find_open():
            self.preview(index)

    def _find_activated(self, index: int) -> None:
        self.state.show_preview(index)
        self.show()

    def _overview_activated(self, index: int) -> None:
        self.console.overview.select(index)
        self.show()

    def scroll_notes(self, pages: int) -> None:
        """Scroll the notes without leaving the slide."""
        bar = self.console.notes.browser.verticalScrollBar()
        action = (
            QAbstractSlider.SliderAction.SliderPageStepAdd
            if pages > 0
            else QAbstractSlider.SliderAction.SliderPageStepSub
        )
        bar.triggerAction(action)

    def show_shortcuts(self) -> ShortcutsOverlay:
        overlay = ShortcutsOverlay(self.actions.specs(), self.console, extra=TYPED_GO_TO)
        overlay.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.placement.bring_console_up()
        overlay.show()
        return overlay

    # -- the timer ---------------------------------------------------------------------------

    def toggle_pause(self) -> None:
        self._tracker.toggle_pause()
        self.refresh()

    def reset_timer(self) -> None:
        self._tracker.reset()
        self.console.notify("Timer reset: it starts again at the next slide.")
        self.refresh()

    # -- rehearsal ---------------------------------------------------------------------------

    def finish_rehearsal(self) -> None:
        """Stop the clock, save the timings and show them against the plan on the console."""
        self._tracker.pause()
        for name in ("pause_timer", "reset_timer"):
            self.actions[name].setEnabled(False)  # the run is over; its time is final
        saved = self._save_rehearsal()
        self._summary = True
        if saved is not None:
            self.console.summary.show_summary(self.deck, saved, str(self._saved), self._previous)
            self.console.show_page("summary")
        self.placement.bring_console_up()
        self.refresh()

    def _save_rehearsal(self) -> Rehearsal | None:
        """Write the rehearsal file and read it back (what the next talk's pacing will use)."""
        try:
            self._saved = save_rehearsal(self.deck, self._tracker)
        except OSError as error:
            log.error("could not save the rehearsal: %s", error)
            self.console.notify(f"Could not save the rehearsal: {error}")
            return None
        saved = load_rehearsal(self.deck)
        if saved is None:
            self.console.notify("The rehearsal was saved but could not be read back.")
        return saved

    def _rehearsed_by_section(self) -> dict[int, float]:
        previous = self._previous
        if previous is None:
            return {}
        return {
            index: previous.section_seconds[section.id]
            for index, section in enumerate(self.deck.sections)
            if section.id in previous.section_seconds
        }

    # -- a reloaded deck ---------------------------------------------------------------------

    def set_deck(self, deck: Deck | None, renderer: SlideRenderer | None) -> None:
        """Carry on with a reloaded deck: same slide (by id), same time. None keeps the old.

        A slide that is gone is replaced by the nearest that survived
        (:func:`desktop.core.follow.follow_map`); when it comes back in a later reload before
        the presenter moves, the talk returns to it.
        """
        if deck is None or renderer is None or deck.slide_count == 0:
            self.console.notify("The deck did not reload: still presenting the last good one.")
            return
        old = self.deck
        moves = dict(enumerate(follow_map(old, deck)))
        wanted = self._wanted
        moves[self.state.nav.current] = follow(old, deck, self.state.nav.current, wanted)
        self.state.remap(deck.slide_count, moves)
        current = self.state.audience  # the projector's slide, found again by its id
        mapping = slide_mapping(old, deck)
        self._tracker = carry_over(self._tracker, deck, self._clock, mapping, current)
        self._shown = current
        self.deck = deck
        self.renderer = renderer
        self._previous = load_rehearsal(deck)
        self.console.set_deck(deck, renderer, self._rehearsed_by_section())
        self.audience.set_renderer(renderer)
        if self._overview:
            self.console.overview.set_marks(self.state.console, self.state.audience)
        self.console.notify("Deck reloaded.")
        self.refresh()
        if deck.index_of(wanted) is None:
            self._wanted = wanted  # moved off it by the reload, not by the presenter

    # -- screens -------------------------------------------------------------------------------

    def on_screen_added(self, screen: QScreen) -> None:
        """A screen was plugged in: the audience view moves there (unless a choice says not)."""
        if not self._running:
            return
        self.placement.added(screen)
        self.console.notify(f"Screen {screen.name()} connected.")
        self.refresh()

    def on_screen_removed(self, screen: QScreen) -> None:
        """A screen was unplugged: the windows move to what is left; the talk goes on."""
        if not self._running:
            return
        self.placement.removed(screen)
        self.console.notify(f"Screen {screen.name()} disconnected.")
        self.refresh()

    def swap_screens(self) -> None:
        """S: the audience view and the console exchange screens (remembered)."""
        if not self.placement.swap():
            self.console.notify("One screen only: nothing to swap. Tab shows the console.")
        self.refresh()

    def toggle_console(self) -> None:
        """Tab: one screen, full screen: bring the console or the audience view to the front."""
        if not self.placement.toggle_console():
            self.console.notify("The console has its own screen.")

    def toggle_windowed(self) -> None:
        """Console and audience view as two windows side by side, or back to full screen."""
        self.placement.toggle_windowed()
        self.refresh()

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the state: projector, console slides, badges, banner, actions, clocks."""
        if self._finished:
            return
        state = self.state
        audience = state.audience
        if audience != self._shown:
            if not self._tracker.timer.started:
                self._tracker.start()  # the clock starts at the first advance
            self._tracker.on_slide(audience)
            self._shown = audience
        self.audience.show_slide(audience)
        self.audience.set_blank(state.blank)
        self.console.show_slides(self.deck, state.console)
        if self._overview:
            self.console.overview.set_marks(self.console.overview.selected(), audience)
        self.console.set_badges(badges(state, self.rehearse, self._tracker.timer.paused))
        self.console.show_banner(*banner(state))
        self.actions["black"].setChecked(state.blank == "black")
        self.actions["white"].setChecked(state.blank == "white")
        self.actions["freeze"].setChecked(state.frozen is not None)
        self.actions["overview"].setChecked(self._overview)
        self.actions["windowed"].setChecked(self.placement.windowed)
        self.actions["back"].setEnabled(state.nav.can_go_back)
        self.actions["forward"].setEnabled(state.nav.can_go_forward)
        self._wanted = self.deck.refs[state.nav.current].slide.id
        self.refresh_time()

    def refresh_time(self) -> None:
        """Update the clocks and the section strip (every tick, and after every change)."""
        if self._finished:
            return
        audience = self.state.audience
        pacing = self._tracker.pacing(audience)
        texts = time_texts(pacing, self._tracker.timer, self._now(), audience, self._summary)
        self.console.time_bar.show_texts(texts)
        fraction: float | None = None
        if has_plan(self.deck):
            scale = sum(segment_weights(self.deck))
            fraction = min(1.0, pacing.elapsed / scale) if scale else None
        preview = self.state.preview
        preview_section = self.deck.refs[preview].section_index if preview is not None else None
        self.console.strip.set_paces(pacing.sections, fraction, preview_section)

    # -- keys ------------------------------------------------------------------------------

    def _bind(self) -> None:
        a = self.actions
        a.bind("next", lambda: self.step(1))
        a.bind("previous", lambda: self.step(-1))
        a.bind("first", lambda: self.jump(0))
        a.bind("last", lambda: self.jump(self.deck.slide_count - 1))
        a.bind("go_to", self.start_typing)
        a.bind("back", lambda: self.history(forward=False))
        a.bind("forward", lambda: self.history(forward=True))
        a.bind_sections(self.go_to_section)
        a.bind("find", self.open_find)
        a.bind("find_next", lambda: self.find_step(1))
        a.bind("find_previous", lambda: self.find_step(-1))
        a.bind("notes_bigger", lambda: self.console.notes.zoom(1))
        a.bind("notes_smaller", lambda: self.console.notes.zoom(-1))
        a.bind("shortcuts", self.show_shortcuts)
        a.bind("show", self.show)
        a.bind("black", self.toggle_black)
        a.bind("white", self.toggle_white)
        a.bind("freeze", self.toggle_freeze)
        a.bind("overview", self.toggle_overview)
        a.bind("toggle_console", self.toggle_console)
        a.bind("windowed", self.toggle_windowed)
        a.bind("swap_screens", self.swap_screens)
        a.bind("notes_down", lambda: self.scroll_notes(1))
        a.bind("notes_up", lambda: self.scroll_notes(-1))
        a.bind("pause_timer", self.toggle_pause)
        a.bind("reset_timer", self.reset_timer)
        a.bind("end", self.escape)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Typed slide numbers (and Backspace while typing) on either window; closing one."""
        kind = event.type()
        if kind == QEvent.Type.Close and watched in (self.audience, self.console):
            if not self._finished:
                self.end()
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        typing_erase = event.key() == Qt.Key.Key_Backspace and self.state.typed is not None
        if kind == QEvent.Type.ShortcutOverride:
            if typing_erase:
                event.accept()  # Backspace edits the number instead of going back a slide
                return True
            return False
        text = event.text()
        plain_key = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if typing_erase:
            self.erase_digit()
            return True
        if plain_key and len(text) == 1 and text.isdigit() and not self._summary:
            if self._overview:
                self._close_overview()
            self.type_digit(text)
            return True
        return False

    # -- settings --------------------------------------------------------------------------

    def _notes_size(self) -> int:
        return self.settings.get(PRESENTER_NOTES_FONT_SIZE)

    def _keep_notes_size(self, size: int) -> None:
        self.settings.set(PRESENTER_NOTES_FONT_SIZE, size)
