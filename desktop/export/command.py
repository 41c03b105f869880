"""``tianjin-briefing export``: any registered format from the command line.

The format comes from ``--format``, else from the suffix of ``-o``, else it is PDF; each
format's options (``--layout``, ``--per-page``) come from its options dataclass (see
:mod:`desktop.export.exporter`), so a new format needs no change here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.core.i18n import _
from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.model import Deck
from desktop.core.problems import DeckError, Severity, UserError
from desktop.core.ranges import parse_range
from desktop.core.resources import bundled_deck
from desktop.core.theme import Theme, find_theme, load_theme, unknown_theme
from desktop.export import registry
from desktop.export.exporter import Exporter, Option


def add_format_arguments(parser: argparse.ArgumentParser) -> None:
    """``--format`` and the options of every registered format."""
    parser.add_argument(
        "--format",
        choices=registry.names(),
        default=None,
        help=_("the format to write (default: from the suffix of -o, else {format})").format(
            format=registry.DEFAULT
        ),
    )
    for spec in registry.all_options():
        _add_option(parser, spec)


def _add_option(parser: argparse.ArgumentParser, spec: Option) -> None:
    formats = [e.name for e in registry.exporters() if spec.name in _names(e)]
    default = spec.word(spec.default)
    if len(formats) == len(registry.exporters()):
        help_text = _("{help} (default: {default})").format(help=_(spec.help), default=default)
    else:
        help_text = _("{help} (default: {default}; {formats} only)").format(
            help=_(spec.help), default=default, formats=_(", ").join(formats)
        )
    if spec.switch:
        parser.add_argument(spec.flag, action="store_true", default=None, help=help_text)
        return
    words = [choice.word for choice in spec.choices]
    if words:
        numbers = all(isinstance(word, int) for word in words)
        parser.add_argument(
            spec.flag,
            type=int if numbers else str,
            choices=words,
            default=None,
            help=help_text,
        )
        return

    def whole(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                _("{text!r} is not a whole number").format(text=text)
            ) from None
        if not spec.minimum <= number <= spec.maximum:
            raise argparse.ArgumentTypeError(
                _("{number} is not between {least} and {most}").format(
                    number=number, least=spec.minimum, most=spec.maximum
                )
            )
        return number

    parser.add_argument(spec.flag, type=whole, default=None, metavar="N", help=help_text)


def _names(exporter: Exporter[Any]) -> set[str]:
    return {spec.name for spec in exporter.options()}


def chosen_exporter(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Exporter[Any]:
    """The exporter *args* ask for; a usage error (exit 2) for an option it does not have."""
    exporter = registry.for_output(args.output, args.format)
    own = _names(exporter)
    for spec in registry.all_options():
        if spec.name not in own and getattr(args, spec.name) is not None:
            parser.error(
                _("argument {flag}: not an option of the {format} format").format(
                    flag=spec.flag, format=exporter.name
                )
            )
    return exporter


def deck_in(deck: Deck, lang: str, theme: Theme | None = None) -> Deck:
    """*deck* in the display language *lang* (``zh``, ``en+zh``), as ``--lang`` and the Export
    dialog's Language choose it, paged for the *theme* it is exported with (None: its own).

    Raises:
        UserError: *lang* is not one of the deck's languages or two of them.
    """
    try:
        display = DisplayLanguage.parse(lang, deck.languages)
    except ValueError as exc:
        raise UserError(_("--lang {lang}: {reason}").format(lang=lang, reason=exc)) from None
    return localize(deck, display, theme=theme)


def _chosen_theme(name: str, root: Path) -> Theme:
    """The theme ``--theme`` names (a bundled one, or a file inside the deck folder).

    Raises:
        UserError: there is no theme of that name (not a deck's problem: no file to point to).
        DeckError: the theme file has problems (located in it).
    """
    if find_theme(name, root) is None:
        raise UserError(
            _("--theme {theme}: {reason}").format(theme=name, reason=unknown_theme(name))
        )
    return load_theme(name, root)


def run_export(args: argparse.Namespace) -> int:
    """Export as *args* say (checked by :func:`chosen_exporter`); 0 when written."""
    exporter = registry.for_output(args.output, args.format)
    values = {
        spec.name: spec.value(getattr(args, spec.name))
        for spec in exporter.options()
        if getattr(args, spec.name) is not None
    }
    result = load_deck(args.deck if args.deck is not None else bundled_deck())
    if result.deck is None:
        raise DeckError(result.errors)
    deck = result.deck
    theme = _chosen_theme(args.theme, deck.root) if args.theme else None
    if getattr(args, "lang", None) is not None:
        deck = deck_in(deck, args.lang, theme)
    slides = parse_range(args.slide_range, deck.slide_count) if args.slide_range else None
    # Before Qt starts and pages are drawn: a refused target fails at once.
    exporter.check_target(Path(args.output), force=args.force, protected=deck.files)
    options = exporter.make_options(
        values, slides=tuple(slides) if slides is not None else None, theme=theme
    )

    from desktop.render.qtapp import ensure_gui_app

    ensure_gui_app(offscreen=True)
    # What cannot be drawn is drawn as a placeholder; say so, as `check` does.
    from desktop.render.checks import image_problems

    shown = theme if theme is not None else load_theme(deck.theme, deck.root)
    for problem in image_problems(deck, shown, Severity.WARNING):
        print(problem.format())
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> bool:
        if interactive:
            print(f"\r{exporter.progress_text(done, total)}", end="", file=sys.stderr, flush=True)
        return True

    try:
        done = exporter.export(
            deck, Path(args.output), options, progress=progress, force=args.force
        )
    finally:
        if interactive:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
    print(_("Wrote {path}: {summary}").format(path=args.output, summary=exporter.summary(done)))
    return 0
