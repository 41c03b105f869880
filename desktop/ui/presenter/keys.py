"""Keys that are not actions: typed slide numbers on the presenter's windows.

A digit previews the slide of the number typed so far (Enter shows it); Backspace edits the
number while one is typed (instead of going back a slide). Closing either window ends the talk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from desktop.core.presenter.modes import revealed, takes_digits

if TYPE_CHECKING:
    from desktop.ui.presenter.controller import PresenterController


class TypedNumbers(QObject):
    """An event filter for the audience window and the console.

    Args:
        host: The presenter; the filter is its child.
    """

    def __init__(self, host: PresenterController) -> None:
        super().__init__(host)
        self._host = host

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        host = self._host
        kind = event.type()
        if kind == QEvent.Type.Close and watched in (host.audience, host.console):
            host.end()
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        state = host.state
        typing_erase = event.key() == Qt.Key.Key_Backspace and state.typed is not None
        if kind == QEvent.Type.ShortcutOverride:
            if typing_erase:
                event.accept()  # Backspace edits the number instead of going back a slide
                return True
            return False
        text = event.text()
        plain_key = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if typing_erase:
            if state.erase_digit():
                host.refresh()
            return True
        if plain_key and len(text) == 1 and text.isdigit() and takes_digits(state.modes):
            host.set_mode(revealed(state.modes))
            state.type_digit(text)
            host.refresh()
            return True
        return False
