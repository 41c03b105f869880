"""The main window's file actions: open a deck folder, take a dropped deck, export the deck."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.i18n import _
from desktop.core.loader_base import DECK_FILE
from desktop.core.model import Deck

if TYPE_CHECKING:
    from desktop.export.exporter import ExportOptions, ExportResult


def dropped_deck(data: QMimeData) -> Path | None:
    """The deck folder among dropped files: a folder with a deck.yaml, or a deck.yaml itself."""
    for url in data.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.is_dir() and (path / DECK_FILE).is_file():
                return path
            if path.name == DECK_FILE:
                return path.parent
    return None


def choose_deck_folder(parent: QWidget, start: Path | None) -> Path | None:
    """Ask for a deck folder, starting at *start* (default: the home folder)."""
    folder = QFileDialog.getExistingDirectory(
        parent, _("Open deck folder"), str(start or Path.home())
    )
    return Path(folder) if folder else None


def ask_export(parent: QWidget, deck: Deck) -> tuple[Path, ExportOptions, bool, str] | None:
    """Ask where and how to export *deck* (as shown): the target, the options (their class
    tells the format), whether the user agreed to replace a file of another format and the
    display language (``en+zh``; *deck*'s own unless changed); None when cancelled."""
    from desktop.export.registry import DEFAULT, get
    from desktop.ui.export_dialog import ExportDialog  # export code loads on first use

    suggested = Path.home() / f"{deck.root.name or 'briefing'}{get(DEFAULT).suffix}"

    dialog = ExportDialog(
        suggested,
        parent,
        protected=deck.files,
        slide_count=deck.slide_count,
        languages=deck.languages,
        display=deck.display,
    )
    if dialog.exec() != ExportDialog.DialogCode.Accepted:
        return None
    return dialog.target(), dialog.options(), dialog.force, dialog.language()


def export_deck(
    parent: QWidget,
    deck: Deck,
    target: Path,
    options: ExportOptions | None,
    interactive: bool,
    force: bool,
    language: str = "",
) -> ExportResult | None:
    """Export *deck* to *target* with a progress dialog (see
    :func:`desktop.ui.export_dialog.export_with_progress`), in display *language* (as
    ``--lang``: :func:`desktop.export.command.deck_in`; ``""``: as *deck* is shown), paged for
    the theme it is exported with (a window may show it in another)."""
    from desktop.export.command import deck_in
    from desktop.export.registry import DEFAULT, get
    from desktop.ui.export_dialog import export_with_progress

    chosen = options or get(DEFAULT).make_options()
    deck = deck_in(deck, language or deck.display or deck.languages[0], chosen.theme)
    return export_with_progress(parent, deck, target, chosen, interactive=interactive, force=force)
