"""The presenter: the audience window, the console, the keys and the clocks.

:class:`PresenterController` owns the talk's state (:class:`~desktop.core.presenter.state.
ShowState`, with the console's mode), its timing (:class:`~desktop.core.timing.PaceTracker`),
the two windows and the tools (:mod:`desktop.ui.presenter.tools`). Every key is an action of
:data:`~desktop.ui.presenter.actions.PRESENTER_ACTIONS`, bound from
:data:`~desktop.ui.presenter.actions.HANDLERS` or by its tool; each handler changes the state
and then :meth:`PresenterController.refresh` shows it everywhere. Esc and Enter follow
:func:`~desktop.core.presenter.modes.on_escape` and :func:`~desktop.core.presenter.modes.
on_enter`; the screens are :class:`~desktop.ui.presenter.placement.Placement`'s, the rehearsal
:class:`~desktop.ui.presenter.rehearsal.RehearsalRecorder`'s.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final, TypeAlias

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from desktop.core.follow import follow, follow_map
from desktop.core.i18n import _
from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.navigation import Navigator, Route, section_slide
from desktop.core.pacing import has_plan
from desktop.core.presenter.clock import TalkTime
from desktop.core.presenter.modes import (
    SUMMARY,
    Effect,
    Mode,
    ModeState,
    on_enter,
    on_escape,
    revealed,
)
from desktop.core.presenter.state import ShowState, badges, banner
from desktop.core.settings import BUILD_BACK_COMPLETE, PRESENTER_NOTES_FONT_SIZE
from desktop.core.timing import Clock, PaceTracker
from desktop.render.renderer import SlideRenderer
from desktop.ui.actions import keymap_notice
from desktop.ui.presenter.actions import TYPED_GO_TO, PresenterActions
from desktop.ui.presenter.audience import AudienceWindow
from desktop.ui.presenter.console import ConsoleWindow
from desktop.ui.presenter.keys import TypedNumbers
from desktop.ui.presenter.languages import Renderers, TalkLanguages
from desktop.ui.presenter.placement import Mode as ScreenMode
from desktop.ui.presenter.placement import Placement
from desktop.ui.presenter.rehearsal import RehearsalRecorder
from desktop.ui.presenter.strip import segment_weights
from desktop.ui.presenter.timebar import time_texts
from desktop.ui.presenter.tool import PresenterTool
from desktop.ui.presenter.tools import tool_classes
from desktop.ui.settings import Settings
from desktop.ui.shortcuts import ShortcutsOverlay

WallClock: TypeAlias = Callable[[], dt.datetime]

TICK_MS: Final = 250


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
        tools: The presenter's tools; by default every one of :mod:`desktop.ui.presenter.tools`.
        renderers: The deck's renderer in a display language, for the audience's and the
            console's (the session's cache; default: one of the controller's own).

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
        tools: Sequence[type[PresenterTool]] | None = None,
        renderers: Renderers | None = None,
    ) -> None:
        super().__init__(parent)
        if deck.slide_count == 0:
            raise ValueError("a deck without slides cannot be presented")
        self.languages = TalkLanguages(deck, renderer, renderers)
        self.renderer: SlideRenderer = self.languages.console_renderer()
        self.deck: Deck = self.renderer.deck  # the console's: its notes, titles, search
        self.settings = settings
        self.rehearse = rehearse
        self._now: WallClock = now or dt.datetime.now
        self.state: ShowState = ShowState(
            Navigator(deck.slide_count, start_index, self._route(deck), step=0)
        )
        self._time = TalkTime(deck, clock, self.state.audience)
        self._running = False
        self._finished = False
        self._wanted = deck.refs[self.state.nav.current].slide.id
        """The id of the presenter's slide as chosen (kept when a reload moved off it)."""
        self._enabled_for: tuple[ModeState, bool, bool] | None = None

        kinds = tool_classes() if tools is None else tools
        self.actions: PresenterActions = PresenterActions(self, kinds)
        self.audience: AudienceWindow = AudienceWindow()
        self.console: ConsoleWindow = ConsoleWindow()
        self.rehearsal = RehearsalRecorder(deck, rehearse, self.console.notify)
        self.placement: Placement = Placement(
            self.audience, self.console, settings, screen_name, self.console.notify
        )
        self.tools: dict[str, PresenterTool] = {kind.name: kind(self) for kind in kinds}
        self._keys = TypedNumbers(self)
        for window in (self.audience, self.console):
            window.addActions(self.actions.all())
            window.installEventFilter(self._keys)
        self.console.section_clicked.connect(self.preview_section)
        self.console.step.connect(self.step)
        self.console.notes.set_font_size(self._notes_size())
        self.console.notes.font_size_changed.connect(self._keep_notes_size)
        self.actions.bind_all(self, self.tools.values())
        if notice := keymap_notice(self.actions.keymap_problems):
            self.console.notify(notice)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.refresh_time)

    # -- reading ---------------------------------------------------------------------------

    @property
    def tracker(self) -> PaceTracker:
        """The talk's timing (replaced, with its time carried over, when the deck reloads)."""
        return self._time.tracker

    @property
    def mode(self) -> ScreenMode:
        """``dual`` (two screens), ``single`` (full screen, Tab for the console), ``windowed``."""
        return self.placement.mode

    @property
    def console_up(self) -> bool:
        """Single screen: whether the console is in front of the audience view."""
        return self.placement.console_up

    @property
    def overview_open(self) -> bool:
        return self.state.modes.mode is Mode.OVERVIEW

    @property
    def typed(self) -> str | None:
        """The slide number being typed (``""`` after G), or None."""
        return self.state.typed

    @property
    def saved_rehearsal(self) -> Path | None:
        return self.rehearsal.saved

    @property
    def running(self) -> bool:
        return self._running

    # -- start and end ---------------------------------------------------------------------

    def start(self) -> None:
        """Show both windows on their screens and start listening to screen changes."""
        if self._running or self._finished:
            return
        self._running = True
        self._show_deck()
        title = plain(self.deck.title)
        self.audience.setWindowTitle(_("{title} — audience").format(title=title))
        self.console.setWindowTitle(_("{title} — presenter console").format(title=title))
        self.placement.watch(self.refresh)
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
        self.placement.unwatch()
        self.rehearsal.end(self.tracker)
        for tool in self.tools.values():
            tool.ended()
        index = self.state.nav.current
        for window in (self.audience, self.console):
            window.removeEventFilter(self._keys)
            window.hide()
            window.deleteLater()
        self.ended.emit(index)

    # -- the console's mode ------------------------------------------------------------------

    def escape(self) -> None:
        """Esc: close what is open (the overview, search, a tool), drop typing or a preview,
        else end the talk; a rehearsal first shows its summary (see ``on_escape``)."""
        state = self.state
        self._carry_out(*on_escape(state.modes, pending=state.pending, rehearsal=self.rehearse))

    def show(self) -> None:
        """Enter: the overview's selection, the search hit, the typed slide or the preview goes
        on the projector; a frozen projector shows the presenter's slide again."""
        self._carry_out(*on_enter(self.state.modes))

    def _carry_out(self, modes: ModeState, effect: Effect) -> None:
        if effect is Effect.END:
            self.end()
            return
        if effect is Effect.FINISH:
            self.finish_rehearsal()
            return
        view = self._active_tool()
        selection = view.selection() if view is not None else None
        self.set_mode(modes)
        if effect is Effect.DROP:
            self.state.cancel()
        elif effect in (Effect.SHOW, Effect.SHOW_SELECTION):
            if effect is Effect.SHOW_SELECTION and selection is not None:
                self.state.show_preview(selection)
            self.state.commit()
        self.refresh()

    def set_mode(self, modes: ModeState) -> None:
        """Change the console's mode: the view of the mode left closes, the new one opens."""
        old = self.state.modes
        if modes == old:
            return
        self.state.modes = modes
        closing = self.tools.get(old.tool or "")
        if closing is not None:
            closing.closed()
        opening = self.tools.get(modes.tool or "")
        if opening is not None:
            opening.opened()
        self._enable_actions()

    def _enable_actions(self) -> None:
        """Enable the actions the mode allows (:meth:`ShowState.enabled`)."""
        nav = self.state.nav
        inputs = (self.state.modes, nav.can_go_back, nav.can_go_forward)
        if inputs == self._enabled_for:
            return
        self._enabled_for = inputs
        for spec in self.actions.specs():
            tool = self.actions.is_tool_action(spec.name)
            self.actions[spec.name].setEnabled(self.state.enabled(spec.name, tool=tool))

    def _active_tool(self) -> PresenterTool | None:
        return self.tools.get(self.state.modes.tool or "")

    def bring_console_up(self) -> None:
        self.placement.bring_console_up()

    # -- moving ------------------------------------------------------------------------------

    def step(self, delta: int) -> None:
        """Next or previous: a search hit, the preview, or the talk (see :meth:`ShowState.step`)."""
        tool = self._active_tool()
        if tool is not None and tool.take_step(delta):
            return
        self.state.step(delta)
        self.refresh()

    def jump(self, index: int) -> None:
        """First, last, a section: moves the preview when there is one, else the talk."""
        self.change(lambda: self.state.jump(index))

    def go_to_section(self, section: int) -> None:
        index = section_slide(self.deck, section)
        if index is not None:
            self.jump(index)

    def history(self, forward: bool) -> None:
        """Back or forward through the talk's jumps (drops any preview)."""
        self.change(lambda: self.state.history(forward))

    def preview(self, index: int) -> None:
        """Show slide *index* on the console only; Enter shows it on the projector."""
        self.state.show_preview(index)
        self.refresh()

    def preview_section(self, section: int) -> None:
        """Preview the first slide of *section* (a click on the section strip)."""
        index = section_slide(self.deck, section)
        if index is not None:
            self.set_mode(revealed(self.state.modes))
            self.preview(index)

    def start_typing(self) -> None:
        """G: type a slide number; each digit previews it, Enter shows it."""
        self.set_mode(revealed(self.state.modes))
        self.state.start_typing()
        self.refresh()

    # -- the console -----------------------------------------------------------------------

    def show_shortcuts(self) -> ShortcutsOverlay:
        overlay = ShortcutsOverlay(self.actions.specs(), self.console, extra=TYPED_GO_TO)
        overlay.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.placement.bring_console_up()
        overlay.show()
        return overlay

    def change(self, edit: Callable[[], object], note: str = "") -> None:
        """Carry out *edit* (of the state, the timer, the screens), say *note*, show it all."""
        edit()
        if note:
            self.console.notify(note)
        self.refresh()

    def finish_rehearsal(self) -> None:
        """Stop the clock, save the timings and show them against the plan on the console."""
        self.set_mode(SUMMARY)
        if self.rehearsal.finish(self.tracker, self.console.summary):
            self.console.show_page("summary")
        self.placement.bring_console_up()
        self.refresh()

    def switch_language(self, audience: bool) -> None:
        """Alt+L (the audience's) or Alt+Shift+L (the console's): the next display language;
        the slide, the preview, the timer and the pacing stay."""
        if self.languages.several:
            old = self.deck
            self.languages.next(audience)
            self._use_languages(old)
            self.change(lambda: None, self.languages.describe())

    def _use_languages(self, old: Deck | None = None) -> None:
        """Show the languages' decks; *old*: the console's deck before a switch of language,
        whose slides the talk follows by id when the switch paged the decks anew (to or from
        two languages on one screen: a slide in parts, or no longer)."""
        self.renderer = self.languages.console_renderer()
        self.deck = self.renderer.deck
        if old is not None and _ids(old) != _ids(self.deck):
            moves = dict(enumerate(follow_map(old, self.deck)))
            self.state.remap(self.deck.slide_count, moves, self._route(self.deck))
            self._time.reload(old, self.deck, self.state.audience)
            self.rehearsal.set_deck(self.deck)
        self._show_deck()

    # -- a reloaded deck ---------------------------------------------------------------------

    def set_deck(
        self,
        deck: Deck | None,
        renderer: SlideRenderer | None,
        renderers: Renderers | None = None,
        note: str = "",
    ) -> None:
        """Carry on with a reloaded deck: same slide (by id), same time. None keeps the old.
        *note* says what changed (default: "Deck reloaded.").

        A slide that is gone is replaced by the nearest that survived
        (:func:`desktop.core.follow.follow_map`); when it comes back in a later reload before
        the presenter moves, the talk returns to it. The audience and the console keep their
        languages (*renderers* gives the new deck's; default: a cache of the controller's own).
        """
        if deck is None or renderer is None or deck.slide_count == 0:
            self.console.notify(_("The deck did not reload: still presenting the last good one."))
            return
        old = self.deck
        self.languages.set_deck(deck, renderer, renderers)
        # The talk's own deck (paged for the room's and the console's displays and the theme,
        # which may split other slides than the main window's deck): the slides it follows.
        shown = self.languages.console_renderer().deck
        moves = dict(enumerate(follow_map(old, shown)))
        wanted = self._wanted
        moves[self.state.nav.current] = follow(old, shown, self.state.nav.current, wanted)
        self.state.remap(shown.slide_count, moves, self._route(shown))
        current = self.state.audience  # the projector's slide, found again by its id
        self._time.reload(old, shown, current)
        self._use_languages()
        self.rehearsal.set_deck(self.deck)
        self.console.notify(note or _("Deck reloaded."))
        self.refresh()
        if shown.index_of(wanted) is None:
            self._wanted = wanted  # moved off it by the reload, not by the presenter

    def _show_deck(self) -> None:
        """The deck in the console's language on the console (notes, titles, sections), its
        slides now and next as the room sees them."""
        room = self.languages.audience_renderer()
        self.console.set_deck(self.deck, self.renderer, self.rehearsal.by_section())
        for pane in (self.console.current, self.console.next):
            pane.set_renderer(room)
        self.audience.set_renderer(room)
        for tool in self.tools.values():
            tool.set_deck(self.deck, self.renderer)

    # -- showing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the state: projector, console slides, tools, badges, banner, actions, clocks."""
        if self._finished:
            return
        state = self.state
        audience = state.audience
        self._time.shown(audience)
        self.audience.show_slide(audience, state.audience_step)
        self.audience.set_blank(state.blank)
        self.console.show_slides(self.deck, state.console, state.console_step, state.next_view())
        for tool in self.tools.values():
            tool.refresh()
        self.console.set_badges(badges(state, self.rehearse, self.tracker.timer.paused))
        self.console.show_banner(*banner(state))
        self.actions["black"].setChecked(state.blank == "black")
        self.actions["white"].setChecked(state.blank == "white")
        self.actions["freeze"].setChecked(state.frozen is not None)
        self.actions["windowed"].setChecked(self.placement.windowed)
        self._enable_actions()
        self._wanted = self.deck.refs[state.nav.current].slide.id
        self.refresh_time()

    def refresh_time(self) -> None:
        """Update the clocks and the section strip (every tick, and after every change)."""
        if self._finished:
            return
        audience = self.state.audience
        pacing = self.tracker.pacing(audience)
        finished = self.state.modes.mode is Mode.SUMMARY
        texts = time_texts(pacing, self.tracker.timer, self._now(), audience, finished)
        self.console.time_bar.show_texts(texts)
        fraction: float | None = None
        if has_plan(self.deck):
            scale = sum(segment_weights(self.deck))
            fraction = min(1.0, pacing.elapsed / scale) if scale else None
        preview = self.state.preview
        preview_section = self.deck.refs[preview].section_index if preview is not None else None
        self.console.strip.set_paces(pacing.sections, fraction, preview_section)

    # -- settings --------------------------------------------------------------------------

    def _route(self, deck: Deck) -> Route:
        """How next and previous go through *deck*: its builds, past its hidden slides, up to
        the talk's end; back into a build shows it complete unless the setting says not."""
        return deck.talk.route(self.settings.get(BUILD_BACK_COMPLETE))

    def _notes_size(self) -> int:
        return self.settings.get(PRESENTER_NOTES_FONT_SIZE)

    def _keep_notes_size(self, size: int) -> None:
        self.settings.set(PRESENTER_NOTES_FONT_SIZE, size)


def _ids(deck: Deck) -> list[str]:
    """The ids of *deck*'s slides, in order (a part's with its number: ``x~2``)."""
    return [ref.slide.id for ref in deck.refs]
