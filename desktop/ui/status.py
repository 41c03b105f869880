"""The main window's status bar: the current section, the slide's position, the deck's state.

For a deck of several languages it also says the display language and, where the slide shows
the primary text for want of one in the language shown, which fields (so an editor notices).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar

from desktop.core.displays import label, parsed, untranslated, untranslated_text
from desktop.core.i18n import _
from desktop.core.markup import plain
from desktop.core.model import Deck
from desktop.core.numbering import number_label
from desktop.core.problems import Problem
from desktop.core.text import plural


class DeckStatus:
    """Labels in *bar*: the section (left), what the slide lacks in the language shown, the
    display language, the slide's position and the deck's state.

    Args:
        bar: The window's status bar; its temporary messages (a typed slide number) show over
            the section label.
    """

    def __init__(self, bar: QStatusBar) -> None:
        self.section_label = QLabel()
        self.section_label.setAccessibleName(_("Current section"))
        self.position_label = QLabel()
        self.position_label.setAccessibleName(_("Slide position"))
        self.state_label = QLabel()
        self.state_label.setAccessibleName(_("Deck state"))
        self.missing_label = QLabel()
        self.missing_label.setObjectName("missingTexts")
        self.missing_label.setAccessibleName(_("Texts missing in the language shown"))
        self.missing_label.setTextFormat(Qt.TextFormat.PlainText)
        self.missing_label.setStyleSheet(
            "QLabel#missingTexts { background: #fdecc8; color: #5c3b00; border-radius: 3px;"
            " padding: 0 6px; }"
        )
        self.missing_label.hide()
        self.language_label = QLabel()
        self.language_label.setAccessibleName(_("Display language"))
        bar.addWidget(self.section_label, 1)
        bar.addPermanentWidget(self.missing_label)
        bar.addPermanentWidget(self.language_label)
        bar.addPermanentWidget(self.position_label)
        bar.addPermanentWidget(self.state_label)

    def show_loading(self, has_deck: bool) -> None:
        """A load takes a while (*has_deck*: a deck stays on screen meanwhile)."""
        self.state_label.setText(_("Loading…"))
        if not has_deck:
            self.section_label.setText(_("Loading the deck…"))

    def show(self, deck: Deck | None, index: int, problems: tuple[Problem, ...]) -> None:
        """Show slide *index* of *deck* (None: no deck) and the latest load's *problems*."""
        missing = ""
        if deck is None or not deck.refs:
            self.section_label.setText(_("No deck loaded"))
            self.position_label.setText("")
            self.language_label.setText("")
        else:
            self.section_label.setText(section_text(deck, index))
            position = _("slide {n} / {count}").format(
                n=deck.refs[index].index + 1, count=deck.slide_count
            )
            self.position_label.setText(position)
            several = len(deck.languages) > 1
            shown = label(parsed(deck.display, deck.languages)) if several else ""
            self.language_label.setText(shown)
            missing = untranslated_text(untranslated(deck.refs[index].slide, deck))
        self.missing_label.setText(f"⚑ {missing}" if missing else "")
        self.missing_label.setToolTip(
            _("Shown in the deck's first language instead: add these texts to the slide's file")
            if missing
            else ""
        )
        self.missing_label.setVisible(bool(missing))
        self.language_label.setVisible(bool(self.language_label.text()))
        self.state_label.setText(state_text(problems))


def section_text(deck: Deck, index: int) -> str:
    """The section of slide *index*: its titles, after the action's number if it has one."""
    ref = deck.refs[index]
    title = plain(ref.section.title)
    if ref.section.title_zh:
        title = f"{title}  {ref.section.title_zh}"
    action = number_label(deck, ref.section_index)
    return _("Action {number}: {title}").format(number=action, title=title) if action else title


def state_text(problems: tuple[Problem, ...]) -> str:
    """The deck's state after a load with *problems*: its errors, else its warnings."""
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    if errors:
        return plural(errors, "⚠ {n} problem", "⚠ {n} problems")
    if warnings:
        return plural(warnings, "✓ valid, {n} warning", "✓ valid, {n} warnings")
    return _("✓ deck valid")
