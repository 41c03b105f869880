"""View → Language: the deck's display languages, one entry each, and the key that cycles them.

The entries are the deck's languages and each ordered pair of them (``English + 中文``: the
second set below the first), from :func:`desktop.core.displays.choices`; the one shown is
checked. Choosing one asks the :class:`~desktop.ui.session.DeckSession` to show it, which
remembers it for the deck and tells the windows (``display_changed``).
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from desktop.core.displays import choices, cycled, label
from desktop.core.i18n import _
from desktop.ui.session import DeckSession


class LanguageMenu:
    """The Language submenu of the View menu, for *session*'s deck.

    Args:
        menu: The submenu (empty; filled again for every deck).
        cycle: The action of the language key (``language_next``), listed first.
        session: The deck shown and its display language.
    """

    def __init__(self, menu: QMenu, cycle: QAction, session: DeckSession) -> None:
        self.menu = menu
        self._cycle = cycle
        self._session = session
        self._group = QActionGroup(menu)
        self._group.setExclusive(True)
        self._entries: dict[str, QAction] = {}
        self.fill()

    def fill(self) -> None:
        """One entry per way to show the deck, the one shown checked (after every load)."""
        deck, shown = self._session.deck, self._session.display
        for action in self._group.actions():
            self._group.removeAction(action)
        self.menu.clear()
        self._entries = {}
        self.menu.addAction(self._cycle)
        self.menu.addSeparator()
        languages = deck.languages if deck is not None else ()
        for display in choices(languages) if languages else ():
            entry = self.menu.addAction(label(display))
            entry.setCheckable(True)
            entry.setChecked(display == shown)
            entry.setStatusTip(
                _("Show the deck in {language} ({code})").format(
                    language=label(display), code=display
                )
            )
            entry.triggered.connect(lambda _c=False, d=display: self._session.set_display(d))
            self._group.addAction(entry)
            self._entries[str(display)] = entry
        several = len(languages) > 1
        self.menu.setEnabled(bool(languages))
        self._cycle.setEnabled(several)

    def cycle(self) -> None:
        """The language key: the next display of :func:`desktop.core.displays.cycled`."""
        deck, shown = self._session.deck, self._session.display
        if deck is not None and shown is not None:
            self._session.set_display(cycled(shown, deck.languages))

    def entries(self) -> dict[str, QAction]:
        """The entries, by display (``en``, ``en+zh``)."""
        return dict(self._entries)
