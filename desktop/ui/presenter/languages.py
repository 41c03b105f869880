"""What the audience sees and what the console shows, each in a display language of its own.

A talk starts with both in the main window's display language; Alt+L moves the audience's to
the next (``en → zh → en+zh``, :func:`desktop.core.displays.cycled`), Alt+Shift+L the
console's, so the room can read Chinese while the presenter's notes stay English, or show both. The
console shows its slides now and next as the room sees them; its language is that of the
notes, the titles, the section strip and the private search.
The renderers come from one cache of the deck's displays (the session's when the presenter
runs from the main window: :meth:`~desktop.ui.session.DeckSession.renderer_for`).

Both screens move through one list of slides (one navigation index), so both decks are paged
alike, for both displays (:func:`~desktop.core.languages.localize`'s ``paged_as``): with the
room in ``en+zh`` and the console in ``en``, the console's deck has the two-language deck's
parts too, and with the room in ``zh`` and the console in ``en`` both split the sources slide
for the wider of the two.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeAlias

from desktop.core.displays import cycled, kept, label, parsed
from desktop.core.i18n import _
from desktop.core.languages import DisplayLanguage
from desktop.core.model import Deck
from desktop.render.renderer import SlideRenderer
from desktop.ui.renderers import DisplayRenderers

Renderers: TypeAlias = Callable[[DisplayLanguage, Sequence[DisplayLanguage]], SlideRenderer]
"""The renderer of the deck presented in a display language, paged as the others too."""


class TalkLanguages:
    """The audience's and the console's display languages, and their renderers.

    Args:
        deck: The deck presented, in the language both start in.
        renderer: Its renderer.
        renderers: Where the other displays' renderers come from (default: a cache of
            *deck*'s own, seeded with *renderer*).
    """

    def __init__(
        self, deck: Deck, renderer: SlideRenderer, renderers: Renderers | None = None
    ) -> None:
        start = parsed(deck.display, deck.languages)
        self.audience: DisplayLanguage = start
        self.console: DisplayLanguage = start
        self._languages = deck.languages
        self._renderers: Renderers = renderers or DisplayRenderers(deck, seed=renderer).get

    def set_deck(
        self, deck: Deck, renderer: SlideRenderer, renderers: Renderers | None = None
    ) -> None:
        """A reloaded deck: each display kept while the deck still has its languages."""
        self._languages = deck.languages
        self._renderers = renderers or DisplayRenderers(deck, seed=renderer).get
        self.audience = kept(self.audience, deck.languages)
        self.console = kept(self.console, deck.languages)

    @property
    def several(self) -> bool:
        """The deck has more than one language to switch between."""
        return len(self._languages) > 1

    @property
    def paging(self) -> tuple[DisplayLanguage, DisplayLanguage]:
        """The displays both screens' decks are paged for: the audience's and the console's."""
        return (self.audience, self.console)

    def audience_renderer(self) -> SlideRenderer:
        return self._renderers(self.audience, self.paging)

    def console_renderer(self) -> SlideRenderer:
        return self._renderers(self.console, self.paging)

    def next(self, audience: bool) -> None:
        """The audience's (else the console's) display goes to the next of the round."""
        if audience:
            self.audience = cycled(self.audience, self._languages)
        else:
            self.console = cycled(self.console, self._languages)

    def describe(self) -> str:
        """``Audience: 中文 · console: English`` (said when either changes)."""
        return _("Audience: {audience} · console: {console}").format(
            audience=label(self.audience), console=label(self.console)
        )
