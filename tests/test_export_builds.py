"""Exports of builds, hidden and backup slides: pages, labels and outline (the example deck)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.core.loader import load_deck
from desktop.core.model import Deck
from desktop.export import registry
from desktop.export.pdf import PdfOptions
from desktop.export.plan import ExportLayout
from desktop.render.qtapp import ensure_gui_app

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "example-deck"
PDF = registry.get("pdf")


@pytest.fixture(scope="module")
def deck() -> Deck:
    ensure_gui_app()
    loaded = load_deck(EXAMPLE).deck
    assert loaded is not None
    return loaded


def outline(reader: PdfReader) -> list[Any]:
    """The outline as ``(title, page)`` and, for an entry with children, a list of theirs."""

    def walk(items: list[Any]) -> list[Any]:
        out: list[Any] = []
        for item in items:
            if isinstance(item, list):
                out.append(walk(item))
            else:
                out.append((item.title, reader.get_destination_page_number(item)))
        return out

    return walk(reader.outline)


def text(reader: PdfReader, page: int) -> str:
    return " ".join(reader.pages[page].extract_text().split())


def export(deck: Deck, tmp_path: Path, name: str, **options: Any) -> PdfReader:
    target = tmp_path / f"{name}.pdf"
    PDF.export(deck, target, PdfOptions(**options))
    return PdfReader(target)


def test_default_export_has_the_talk_then_the_backup_without_hidden_slides(
    deck: Deck, tmp_path: Path
) -> None:
    reader = export(deck, tmp_path, "default")
    count = deck.talk.count  # the talk's slides, the hidden one not counted
    assert reader.page_labels == [*map(str, range(1, count + 1)), "B1"]
    entries = outline(reader)
    titles = [entry[0] for entry in entries if isinstance(entry, tuple)]
    assert titles == ["Agenda", "Why a garden · 为什么建花园", "The plan", "Sources", "Backup"]
    assert entries[-2:] == [("Backup", count), [("B1. If the council says no", count)]]
    assert not any("street number" in text(reader, n) for n in range(len(reader.pages)))


def test_builds_give_a_page_per_step_labelled_by_letter(deck: Deck, tmp_path: Path) -> None:
    reader = export(deck, tmp_path, "builds", builds=True)
    labels = reader.page_labels
    assert labels[3:6] == ["4a", "4b", "4c"]  # three bullets
    assert labels[9:15] == [f"8{letter}" for letter in "abcdef"]  # a two-column dim build
    assert len(reader.pages) == deck.talk.count + 1 + 2 + 5  # and the backup, 2 + 5 steps
    first: dict[str, int] = dict(entry for entry in outline(reader)[2] if isinstance(entry, tuple))
    assert first["4. What residents told us"] == 3  # the outline points at a build's first page
    texts = [text(reader, n) for n in (3, 5)]
    assert "Three uses" not in texts[0] and "Three uses" in texts[1]


def test_include_hidden_and_no_backup(deck: Deck, tmp_path: Path) -> None:
    hidden = export(deck, tmp_path, "hidden", include_hidden=True)
    assert hidden.page_labels[:7] == ["1", "2", "3", "4", "5", "H", "6"]
    assert "street number" in text(hidden, 5)
    talk = export(deck, tmp_path, "talk", no_backup=True)
    assert talk.page_labels == list(map(str, range(1, deck.talk.count + 1)))
    assert "Backup" not in [entry[0] for entry in outline(talk) if isinstance(entry, tuple)]
    notes = export(deck, tmp_path, "notes", layout=ExportLayout.NOTES, no_backup=True)
    assert len(notes.pages) == deck.talk.count + 2  # the agenda page, the talk's slides, sources


def test_the_command_line_flags(deck: Deck, tmp_path: Path) -> None:
    target = tmp_path / "cli.pdf"
    flags = ["--builds", "--include-hidden", "--no-backup"]
    assert main(["export", str(EXAMPLE), "-o", str(target), *flags]) == 0
    reader = PdfReader(target)
    count = deck.talk.count
    assert len(reader.pages) == count + 1 + 5 + 2  # talk, hidden, extra steps, no backup
    assert reader.page_labels[-1] == str(count)
