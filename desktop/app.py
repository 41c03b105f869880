"""Start the app. The main window arrives with its own issue; until then, the outline."""

from __future__ import annotations

from pathlib import Path

from desktop.core.loader import load_deck
from desktop.core.markup import plain
from desktop.core.model import format_duration
from desktop.core.problems import DeckError
from desktop.core.resources import bundled_deck


def run_app(
    deck: Path | None = None,
    slide: int | None = None,
    present: bool = False,
    screen: str | None = None,
) -> int:
    """Print the deck's outline: the window is not part of this version yet."""
    result = load_deck(deck if deck is not None else bundled_deck())
    if result.deck is None:
        raise DeckError(result.errors)
    loaded = result.deck
    print("The window is not available in this version yet; this is the deck's outline.")
    print(f"{plain(loaded.title)} ({loaded.slide_count} slides)")
    for number, section in enumerate(loaded.sections, start=1):
        plan = f" [{format_duration(section.duration)}]" if section.duration else ""
        print(f"{number:>3}. {plain(section.title)} {section.title_zh}{plan}".rstrip())
        for ref in loaded.refs:
            if ref.section is section:
                print(
                    f"      {ref.index + 1:>3}  {plain(ref.slide.title) or ref.slide.layout.value}"
                )
    return 0
