"""Recording a rehearsal: the last run's times for the strip, saving this run, its summary.

:class:`RehearsalRecorder` reads the rehearsal saved for the deck (the section strip shows it,
and the summary compares with it), saves the talk's time per slide and section when a
rehearsal finishes or ends, and shows the summary on the console.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from desktop.core.i18n import _
from desktop.core.model import Deck
from desktop.core.rehearsal import Rehearsal, load_rehearsal, save_rehearsal
from desktop.core.timing import PaceTracker
from desktop.ui.presenter.summary import RehearsalSummary

log = logging.getLogger(__name__)


class RehearsalRecorder:
    """The rehearsal of one talk (or only the last one's times, when the talk is not one).

    Args:
        deck: The deck presented.
        recording: Whether this talk is a rehearsal (saved at its end).
        notify: Tells the presenter something (a rehearsal that could not be saved).
    """

    def __init__(self, deck: Deck, recording: bool, notify: Callable[[str], None]) -> None:
        self.recording = recording
        self._notify = notify
        self._deck = deck
        self._previous: Rehearsal | None = load_rehearsal(deck)
        self._saved: Path | None = None

    @property
    def saved(self) -> Path | None:
        """Where this rehearsal was saved, once it was."""
        return self._saved

    def set_deck(self, deck: Deck) -> None:
        """A reloaded deck: its last rehearsal is read again."""
        self._deck = deck
        self._previous = load_rehearsal(deck)

    def by_section(self) -> dict[int, float]:
        """The last rehearsal's seconds by section index (for the section strip)."""
        previous = self._previous
        if previous is None:
            return {}
        return {
            index: previous.section_seconds[section.id]
            for index, section in enumerate(self._deck.sections)
            if section.id in previous.section_seconds
        }

    def finish(self, tracker: PaceTracker, summary: RehearsalSummary) -> bool:
        """Stop the clock, save the timings and show them against the plan in *summary*.

        Returns whether there is a summary to show (the timings were saved and read back).
        """
        tracker.pause()
        saved = self._save(tracker)
        if saved is None:
            return False
        summary.show_summary(self._deck, saved, str(self._saved), self._previous)
        return True

    def end(self, tracker: PaceTracker) -> None:
        """The talk ends: a rehearsal not yet saved is saved, so no timing is lost."""
        if self.recording and self._saved is None and tracker.timer.started:
            self._save(tracker)

    def _save(self, tracker: PaceTracker) -> Rehearsal | None:
        """Write the rehearsal file and read it back (what the next talk's pacing will use)."""
        try:
            self._saved = save_rehearsal(self._deck, tracker)
        except OSError as error:
            log.error("could not save the rehearsal: %s", error)
            self._notify(_("Could not save the rehearsal: {reason}").format(reason=error))
            return None
        saved = load_rehearsal(self._deck)
        if saved is None:
            self._notify(_("The rehearsal was saved but could not be read back."))
        return saved
