"""Shared fixtures. Every test runs offscreen, with app state in a temporary folder."""

from __future__ import annotations

import os
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("TIANJIN_BRIEFING_HOME", tempfile.mkdtemp(prefix="tianjin-test-home-"))

DeckFactory = Callable[..., Path]

MINIMAL_DECK = """\
title: Test deck
duration: 2m
sources:
  - id: src
    title: A source
    publisher: Publisher
    date: 2024-03-04
"""

MINIMAL_SECTION = """\
title: First section
title_zh: 第一节
duration: 2m
slides:
  - layout: section
  - title: Points
    bullets: [one, two]
    sources: [src]
"""


@pytest.fixture
def make_deck(tmp_path: Path) -> DeckFactory:
    """Write a deck folder from ``{file name: YAML text}``; returns the folder.

    ``deck.yaml`` and ``a.yaml`` default to a minimal valid deck; pass ``None``
    as a file's text to leave it out.
    """

    def factory(files: dict[str, str | bytes | None] | None = None, name: str = "deck") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        contents: dict[str, str | bytes | None] = {
            "deck.yaml": MINIMAL_DECK,
            "a.yaml": MINIMAL_SECTION,
        }
        contents.update(files or {})
        for file_name, text in contents.items():
            if text is None:
                continue
            path = folder / file_name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return factory


@pytest.fixture(autouse=True, scope="session")
def _one_application(qapp: object) -> object:
    """Create pytest-qt's QApplication first, so no test makes a plain QGuiApplication."""
    return qapp
