"""What the projector shows and what the presenter looks at. Plain Python, no Qt.

Three slides matter during a talk:

* the presenter's slide (``nav.current``), which the projector normally shows;
* a *frozen* slide: the projector keeps it while the presenter browses ahead (F);
* a *preview*: a slide the presenter looks at privately on the console (go to, search, the
  section strip, the overview); Enter shows it on the projector, Esc drops it.

The projector may also be blanked to black or white (B, W) over any of them. A slide number
being typed (G, or digits) previews the slide as it is typed. The console is in one mode at a
time (:mod:`desktop.core.presenter.modes`): the talk, the overview, the search, a rehearsal's
summary or a tool.

:func:`banner` and :func:`badges` say what the console shows about all this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal, TypeAlias

from desktop.core.i18n import N_, _
from desktop.core.navigation import Navigator, Route, type_digit, typed_index
from desktop.core.presenter.actions import key
from desktop.core.presenter.modes import ModeState, enabled

Blank: TypeAlias = Literal["black", "white"]
BannerKind: TypeAlias = Literal["preview", "frozen", "black", "white", "typing"]
Badge: TypeAlias = Literal["rehearsal", "paused", "preview", "frozen", "black", "white"]


@dataclass
class ShowState:
    """The presenter's slide, a preview, a frozen projector and a blank screen.

    Attributes:
        nav: The presenter's position and back/forward history.
        preview: A slide shown on the console only, or None.
        frozen: The slide the projector keeps while frozen, or None.
        blank: The projector is black or white, or None.
        typed: The slide number being typed (``""`` right after G), or None.
        modes: The console's mode (the overview, the search, a tool, the summary).
    """

    nav: Navigator
    preview: int | None = None
    frozen: int | None = None
    blank: Blank | None = None
    typed: str | None = None
    modes: ModeState = field(default_factory=ModeState)
    frozen_step: int | None = None
    """The step of its build the frozen slide keeps."""

    @property
    def audience(self) -> int:
        """The slide on the projector (under any blank): the frozen one, else the presenter's."""
        return self.frozen if self.frozen is not None else self.nav.current

    @property
    def audience_step(self) -> int | None:
        """The step of its build the projector's slide is at (None: complete)."""
        return self.frozen_step if self.frozen is not None else self.nav.step

    @property
    def console_step(self) -> int | None:
        """The step the console's large slide is at: a preview is always complete."""
        return None if self.preview is not None else self.nav.step

    def next_view(self) -> tuple[int, int | None] | None:
        """What the console shows as next, ``(slide, step)``: the build's next step, else the
        next slide on the talk's route (after a preview: the slide after it, complete); None
        at the end."""
        if self.preview is not None:
            after = self.preview + 1
            return (after, None) if after < self.nav.count else None
        return self.nav.next_view()

    @property
    def console(self) -> int:
        """The slide the console shows large: the preview, else the presenter's."""
        return self.preview if self.preview is not None else self.nav.current

    @property
    def private(self) -> bool:
        """The console shows something the projector does not."""
        return self.preview is not None or self.frozen is not None

    @property
    def pending(self) -> bool:
        """A preview or a typed number is up: what Esc drops (:meth:`cancel`)."""
        return self.preview is not None or self.typed is not None

    def enabled(self, name: str, *, tool: bool = False) -> bool:
        """Whether action *name* can be used now: the mode allows it and, for back and
        forward, there is somewhere to go (*tool*: it is a tool's action)."""
        if name == "back" and not self.nav.can_go_back:
            return False
        if name == "forward" and not self.nav.can_go_forward:
            return False
        return enabled(self.modes, name, tool=tool)

    # -- moving ------------------------------------------------------------------------

    def step(self, delta: int) -> bool:
        """Next (+1) or previous (-1): moves the preview while there is one, else the talk."""
        self.typed = None
        if self.preview is not None:
            target = self.nav.clamp(self.preview + delta)
            changed = target != self.preview
            self.preview = target
            return changed
        return self.nav.next() if delta > 0 else self.nav.previous()

    def jump(self, index: int) -> None:
        """First, last, a section: moves the preview when there is one, else the talk."""
        self.typed = None
        if self.preview is not None:
            self.show_preview(index)
        else:
            self.nav.go_to(index)

    def history(self, forward: bool) -> None:
        """Back or forward through the talk's jumps; drops any preview."""
        self.cancel()
        if forward:
            self.nav.forward()
        else:
            self.nav.back()

    def show_preview(self, index: int) -> None:
        """Look at slide *index* on the console only."""
        self.preview = self.nav.clamp(index)

    def cancel(self) -> bool:
        """Drop the preview and any typed number; return whether there was either."""
        had = self.preview is not None or self.typed is not None
        self.preview = None
        self.typed = None
        return had

    def start_typing(self) -> None:
        """G: a slide number follows."""
        self.typed = ""

    def type_digit(self, digit: str) -> None:
        """One more digit of the slide number; the slide it names is previewed at once."""
        typed = type_digit(self.typed or "", digit)
        if typed is None:
            return
        self.typed = typed
        index = typed_index(typed)
        if index is not None:
            self.show_preview(index)

    def erase_digit(self) -> bool:
        """Backspace while typing: one digit less; False when nothing is being typed."""
        if self.typed is None:
            return False
        self.typed = self.typed[:-1]
        index = typed_index(self.typed)
        if index is not None:
            self.show_preview(index)
        else:
            self.preview = None
        return True

    def commit(self) -> bool:
        """Enter: show the preview (else the presenter's slide) on the projector; unfreeze.

        Returns whether the projector's slide changed. Blanking is left as it is: only B and W
        lift it, so Enter never reveals a slide the presenter kept hidden.
        """
        before = self.audience
        self.typed = None
        if self.preview is not None:
            self.nav.go_to(self.preview)
            self.preview = None
        self.frozen = None
        return self.audience != before

    # -- the projector -------------------------------------------------------------------

    def toggle_blank(self, colour: Blank) -> None:
        """B or W: blank the projector in *colour*, or lift that blank."""
        self.blank = None if self.blank == colour else colour

    def toggle_freeze(self) -> None:
        """F: keep the projector on its slide (and step), or show the presenter's again."""
        self.frozen = None if self.frozen is not None else self.nav.current
        self.frozen_step = self.nav.step

    # -- a new deck ---------------------------------------------------------------------

    def remap(self, count: int, mapping: dict[int, int], route: Route | None = None) -> None:
        """The deck was reloaded with *count* slides; *mapping* maps old indices to new ones
        (and *route* is the new deck's): the step of a build is kept as far as it goes.

        The presenter passes a complete mapping (:func:`desktop.core.follow.follow_map`); an
        index missing from *mapping* keeps its number, clamped to the new deck.
        """

        def moved(index: int) -> int:
            return mapping.get(index, max(0, min(index, count - 1)))

        current = moved(self.nav.current)
        self.nav.resize(count, current, route)
        if self.preview is not None:
            self.preview = moved(self.preview)
        if self.frozen is not None:
            self.frozen = moved(self.frozen)


_ON_AIR_PREVIEW: Final = {
    "black": N_(
        "Preview of slide {slide}, private · the projector is black"
        " · {show} shows it · {end} returns"
    ),
    "white": N_(
        "Preview of slide {slide}, private · the projector is white"
        " · {show} shows it · {end} returns"
    ),
    None: N_(
        "Preview of slide {slide}, private · the projector shows slide {audience}"
        " · {show} shows it · {end} returns"
    ),
}
_BLANK: Final = {
    "black": N_("Projector is black · {black} shows the slide again"),
    "white": N_("Projector is white · {white} shows the slide again"),
}


def banner(state: ShowState) -> tuple[BannerKind | None, str]:
    """The line above the console's slide: what is private, and the keys that end it."""
    keys = {name: key(name) for name in ("show", "end", "black", "white", "freeze")}
    if state.typed is not None:
        if not state.typed:
            text = _("Go to slide: type its number · {show} shows it · {end} cancels")
            return "typing", text.format(**keys)
        text = _("Go to slide {typed} · {show} shows it on the projector · {end} cancels")
        return "typing", text.format(typed=state.typed, **keys)
    if state.preview is not None:
        text = _(_ON_AIR_PREVIEW[state.blank])
        return "preview", text.format(slide=state.preview + 1, audience=state.audience + 1, **keys)
    if state.blank is not None:
        return state.blank, _(_BLANK[state.blank]).format(**keys)
    if state.frozen is not None:
        text = _("Projector frozen on slide {slide} · {freeze} or {show} shows this one")
        return "frozen", text.format(slide=state.frozen + 1, **keys)
    return None, ""


def badges(state: ShowState, rehearsal: bool, paused: bool) -> set[Badge]:
    """The console's state badges: everything that differs from a plain running talk."""
    shown: dict[Badge, bool] = {
        "rehearsal": rehearsal,
        "paused": paused,
        "preview": state.preview is not None or state.typed is not None,
        "frozen": state.frozen is not None,
        "black": state.blank == "black",
        "white": state.blank == "white",
    }
    return {badge for badge, on in shown.items() if on}
