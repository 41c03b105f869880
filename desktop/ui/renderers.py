"""One deck's renderers, one per display language: the cache both windows draw from.

:class:`~desktop.ui.session.DeckSession` keeps one for its deck (a new one at each load or
theme change); the main window draws the session's display from it, and the presenter its
audience's and its console's. A renderer lays a slide out when it is first drawn, so a display
asked for costs its projection (:func:`~desktop.core.languages.localize`, one pass over the
texts) and the slides actually drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.displays import kept
from desktop.core.follow import follow
from desktop.core.languages import DisplayLanguage, localize, own_paging, projection_key
from desktop.core.model import Deck
from desktop.core.theme import Theme, load_theme
from desktop.render.renderer import SlideRenderer


@dataclass(frozen=True, eq=False)
class DeckChange:
    """A new good deck for the subscribers of a :class:`DeckSession`.

    Attributes:
        deck: The deck now current, in the session's display language.
        renderer: Its renderer (shared by every window: one cache).
        previous: The deck it replaces when it is a reload of the same deck (or the same deck
            with another theme or in another language); None when another deck was opened.
        note: What changed, for a window that says so (empty: a reload).
    """

    deck: Deck
    renderer: SlideRenderer
    previous: Deck | None
    note: str = ""

    def follow(self, index: int, wanted: str | None = None) -> int:
        """Where a window that showed slide *index* of :attr:`previous` goes now.

        The same slide by id, else the nearest that survived (see
        :func:`desktop.core.follow.follow`, also for *wanted*); 0 when another deck was opened.
        """
        if self.previous is None:
            return 0
        return follow(self.previous, self.deck, index, wanted)


class DisplayRenderers:
    """The renderers of *deck* (as loaded, or any projection of it) in its display languages,
    all with one theme: each deck paged for it (:func:`~desktop.core.languages.localize`'s
    ``theme``), so a slide too full for two languages has the parts that theme needs.

    Args:
        deck: The deck.
        theme: The theme every renderer draws with (None: the deck's own).
        seed: A renderer of *deck* made already, with its theme (kept for *deck*'s own
            display; *deck* is paged for that theme).

    Raises:
        DeckError: *theme* is None and the deck's own theme cannot be loaded (when the first
            renderer is made).
    """

    def __init__(
        self, deck: Deck, theme: Theme | None = None, seed: SlideRenderer | None = None
    ) -> None:
        self.deck = deck
        self._theme = seed.theme if seed is not None else theme
        self._made: dict[str, SlideRenderer] = {}
        if seed is not None:
            display, paging, _sizes = own_paging(deck)  # the sizes: the seed's theme's
            self._made[projection_key(display, paging)] = seed

    def get(
        self, display: DisplayLanguage, paged_as: Sequence[DisplayLanguage] = ()
    ) -> SlideRenderer:
        """The renderer of the deck in *display*, its slides in the parts of *display* and each
        of *paged_as* (:func:`~desktop.core.languages.localize`; a language the deck lacks:
        its primary)."""
        languages = self.deck.languages
        display = kept(display, languages)
        paged_as = tuple(kept(other, languages) for other in paged_as)
        key = projection_key(display, paged_as)  # one theme: its sizes go without saying
        renderer = self._made.get(key)
        if renderer is None:
            if self._theme is None:  # loaded once, shared by the displays made later
                self._theme = load_theme(self.deck.theme, self.deck.root)
            shown = localize(self.deck, display, paged_as, self._theme)
            renderer = SlideRenderer(shown, self._theme)
            self._made[key] = renderer
        return renderer

    def made(self) -> tuple[str, ...]:
        """The displays made so far (``en``, ``en+zh``, ``en@en+zh``: see
        :func:`~desktop.core.languages.projection_key`), in the order they were asked for."""
        return tuple(self._made)
