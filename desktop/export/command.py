"""``tianjin-briefing export``: the PDF briefing from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.core.loader import load_deck
from desktop.core.problems import DeckError
from desktop.core.ranges import parse_range
from desktop.core.resources import bundled_deck
from desktop.core.targets import PDF, check_target
from desktop.core.text import plural
from desktop.core.theme import load_theme
from desktop.export.plan import ExportLayout


def human_size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def run_export(args: argparse.Namespace) -> int:
    result = load_deck(args.deck if args.deck is not None else bundled_deck())
    if result.deck is None:
        raise DeckError(result.errors)
    deck = result.deck
    slides = parse_range(args.slide_range, deck.slide_count) if args.slide_range else None
    theme = load_theme(args.theme, deck.root) if args.theme else None
    # Before Qt starts and pages are drawn: a refused target fails at once.
    check_target(Path(args.output), PDF, force=args.force, protected=deck.files)

    from desktop.export.pdf import ExportOptions, export_pdf
    from desktop.render.qtapp import ensure_gui_app

    ensure_gui_app(offscreen=True)
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> bool:
        if interactive:
            print(f"\rExporting page {done}/{total}", end="", file=sys.stderr, flush=True)
        return True

    options = ExportOptions(
        layout=ExportLayout(args.layout),
        per_page=args.per_page,
        slides=tuple(slides) if slides is not None else None,
    )
    try:
        done = export_pdf(
            deck, Path(args.output), options, theme=theme, progress=progress, force=args.force
        )
    finally:
        if interactive:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
    pages = plural(done.pages, "{n} page", "{n} pages")
    print(f"Wrote {args.output}: {pages}, {human_size(done.size)}")
    return 0
