"""Command line: ``tianjin-briefing [open|check|export|present|schema] [DECK]``.

Expected failures print located one-line messages; an unexpected exception
prints one line naming the log file and exits 1. Never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final, NoReturn

from desktop import __version__
from desktop.cli_words import translate_argparse
from desktop.console import configure_streams
from desktop.core.i18n import UI_LANGUAGES, _, known_code, set_ui_language
from desktop.core.loader import LoadResult, load_deck
from desktop.core.model import Deck
from desktop.core.problems import DeckError, UserError, count
from desktop.core.resources import bundled_deck
from desktop.core.text import plural
from desktop.logsetup import route_qt_messages, setup_logging
from desktop.qtlibs import qt_import_problem

log = logging.getLogger(__name__)

COMMANDS: Final = ("open", "check", "export", "present", "schema")
PROG: Final = "tianjin-briefing"
TOP_FLAGS: Final = ("-h", "--help", "--version", "-v", "--verbose")
"""Options of the program itself, which may come before the command; none takes a value."""


class Parser(argparse.ArgumentParser):
    """The program's parser; :attr:`commands` holds each command's own parser."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.commands: dict[str, argparse.ArgumentParser] = {}

    def unrecognized(self, command: str | None, extras: Sequence[str]) -> NoReturn:
        """A usage error (exit 2) for arguments no parser took, with a did-you-mean."""
        parser = self.commands.get(command or "", self)
        known = [o for p in {parser, self} for a in p._actions for o in a.option_strings]
        message = _("unrecognized arguments: %s") % " ".join(extras)
        for extra in extras:
            if extra.startswith("-"):
                import difflib  # only for a did-you-mean

                close = difflib.get_close_matches(extra.split("=")[0], known, n=1, cutoff=0.6)
                if close:
                    message = _("unrecognized arguments: {extras} (did you mean {option}?)").format(
                        extras=" ".join(extras), option=close[0]
                    )
                    break
        parser.error(message)


def _positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a slide number").format(text=text)
        ) from None
    if number < 1:
        raise argparse.ArgumentTypeError(
            _("{number}: slides are numbered from 1").format(number=number)
        )
    return number


def _slide_range(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError(_("no slides given; give a range such as 1-5,8,12-"))
    return text


def _deck_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "deck",
        nargs="?",
        type=Path,
        help=_("deck folder or its deck.yaml (default: the bundled Ten Actions deck)"),
    )


def _ui_lang_argument(parser: argparse.ArgumentParser) -> None:
    """``--ui-lang CODE``, on the program and on every command (:func:`ui_lang_of` reads it)."""
    codes = ", ".join(language.code for language in UI_LANGUAGES)
    parser.add_argument(
        "--ui-lang",
        metavar="CODE",
        default=argparse.SUPPRESS,  # a command's default must not hide the program's value
        help=_("the interface language: {codes} (default: the system's)").format(codes=codes),
    )


def build_parser(export_options: bool = True) -> Parser:
    """The command line's parser.

    Args:
        export_options: Give ``export`` its options, which come from the export formats'
            registry; ``main`` leaves them out when another command runs, so that opening
            the app does not import the exporters.
    """
    translate_argparse()  # its own words ("usage:", "options") in the interface language
    parser = Parser(
        prog=PROG,
        description=_(
            "Present, browse and export Tianjin's Ten Actions briefing"
            " (or any deck of YAML slides)."
        ),
        epilog=_(
            "Without a command, `{prog} [DECK]` opens the app. `{prog} COMMAND --help` explains"
            " each command."
        ).format(prog=PROG),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show program's version number and exit"),
    )
    parser.add_argument("-v", "--verbose", action="store_true", help=_("log debug messages"))
    _ui_lang_argument(parser)
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    open_parser = commands.add_parser("open", help=_("open the app on a deck (the default)"))
    _deck_argument(open_parser)
    open_parser.add_argument(
        "--slide", type=_positive_int, default=None, help=_("start at slide N (1-based)")
    )

    check = commands.add_parser(
        "check",
        help=_("validate a deck and list every problem as file:line:col"),
        description=_(
            "Validate a deck. Exit 0 when it has no errors, 1 when it has, 2 for usage errors."
        ),
    )
    _deck_argument(check)
    check.add_argument("--strict", action="store_true", help=_("treat warnings as errors"))
    check.add_argument(
        "--no-render",
        action="store_true",
        help=_(
            "skip the checks that decode images and lay slides out (images that cannot be"
            " drawn, text overflow, missing characters)"
        ),
    )

    export = commands.add_parser("export", help=_("export the deck (PDF, PowerPoint, PNG)"))
    if export_options:
        _export_arguments(export)

    present = commands.add_parser("present", help=_("start presenting (audience + console)"))
    _deck_argument(present)
    present.add_argument(
        "--slide", type=_positive_int, default=None, help=_("start at slide N (1-based)")
    )
    present.add_argument("--screen", default=None, help=_("name of the audience screen"))
    present.add_argument(
        "--rehearse", action="store_true", help=_("rehearsal: record time per slide")
    )

    schema = commands.add_parser(
        "schema", help=_("write the deck format's JSON Schemas (for editors) to a folder")
    )
    schema.add_argument("folder", type=Path, nargs="?", help=_("default: the bundled resources"))
    schema.add_argument(
        "--force", action="store_true", help=_("replace schema files that are not JSON")
    )
    for command in (open_parser, check, export, present, schema):
        _ui_lang_argument(command)
    parser.commands.update(
        {"open": open_parser, "check": check, "export": export, "present": present}
    )
    parser.commands["schema"] = schema
    return parser


def _export_arguments(export: argparse.ArgumentParser) -> None:
    """The ``export`` command's description and options (from the formats' registry)."""
    from desktop.export.command import add_format_arguments
    from desktop.export.registry import exporters

    export.description = " ".join(_(exporter.description) for exporter in exporters())
    _deck_argument(export)
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help=_("the file to write; its suffix chooses the format ({formats})").format(
            formats=", ".join(f"{e.suffix}: {e.name}" for e in exporters() if e.suffix)
        ),
    )
    add_format_arguments(export)
    export.add_argument(
        "--slides",
        dest="slide_range",
        metavar="RANGE",
        type=_slide_range,
        default=None,
        help=_("which slides, e.g. 1-5,8,12-"),
    )
    export.add_argument("--theme", default=None, help=_("export with another theme"))
    export.add_argument(
        "--lang",
        default=None,
        metavar="LANG",
        help=_(
            "the language of the texts: one of the deck's `languages`, such as `zh`, or two"
            " joined by `+`, such as `en+zh`; default: the deck's primary language"
        ),
    )
    export.add_argument(
        "--force",
        action="store_true",
        help=_(
            "replace the output file even if it is not of the format written (never a"
            " folder, device or read-only file)"
        ),
    )


def _looks_like_a_deck(word: str) -> bool:
    """Whether a first word that is no command names a deck (for ``tianjin-briefing DECK``)."""
    return (
        os.path.lexists(word) or "/" in word or os.sep in word or word.endswith((".yaml", ".yml"))
    )


def normalise(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """Insert ``open`` where the command is left out: ``tianjin-briefing [DECK]``.

    A first word that is neither a command nor a deck path is a usage error (exit 2).
    """
    args = list(argv)
    for position, arg in enumerate(args):
        if arg in TOP_FLAGS:
            continue
        if arg in COMMANDS:
            return args
        if arg.startswith("-") or _looks_like_a_deck(arg):
            args.insert(position, "open")
            return args
        import difflib  # only for a did-you-mean

        close = difflib.get_close_matches(arg, COMMANDS, n=1, cutoff=0.6)
        if close:
            parser.error(
                _("unknown command '{word}' (did you mean {command}?)").format(
                    word=arg, command=close[0]
                )
            )
        parser.error(
            _(
                "unknown command '{word}' (the commands are {commands}; a deck to open is an"
                " existing folder or its deck.yaml)"
            ).format(word=arg, commands=", ".join(COMMANDS))
        )
    if not any(arg in ("-h", "--help", "--version") for arg in args):
        args.append("open")
    return args


def take_ui_lang(words: Sequence[str]) -> tuple[str | None, list[str]]:
    """The value of ``--ui-lang`` (the last given) and the other words, in order.

    It is read before the parser is built, since the parser's help is in that language.

    Raises:
        ValueError: ``--ui-lang`` is last, with no value.
    """
    code: str | None = None
    rest: list[str] = []
    given = iter(words)
    for word in given:
        if word == "--ui-lang":
            code = next(given, None)
            if code is None:
                raise ValueError(word)
        elif word.startswith("--ui-lang="):
            code = word.split("=", 1)[1]
        else:
            rest.append(word)
    return code, rest


def load_or_report(deck: Path | None) -> LoadResult:
    """Load the deck, defaulting to the bundled one."""
    return load_deck(deck if deck is not None else bundled_deck())


def print_problems(result: LoadResult) -> None:
    for problem in result.problems:
        print(problem.format(), file=sys.stderr if problem.is_error else sys.stdout)


def check_summary(deck: Deck, errors: int, warnings: int) -> str:
    """The last line of `check` for a deck that loaded: its size and its problems, and in a
    deck of several languages how many texts each language lacks."""
    from desktop.core.languages import missing_texts

    summary = _("{sections}, {slides}, {problems}").format(
        sections=plural(len(deck.sections), "{n} section", "{n} sections"),
        slides=plural(deck.slide_count, "{n} slide", "{n} slides"),
        problems=plural(errors + warnings, "{n} problem", "{n} problems"),
    )
    if warnings:
        summary = _("{summary} ({warnings})").format(
            summary=summary, warnings=plural(warnings, "{n} warning", "{n} warnings")
        )
    missing = missing_texts(deck)
    if missing:
        counts = _(", ").join(f"{code} {len(texts):,}" for code, texts in missing.items())
        summary = _("{summary}; texts missing: {counts}").format(summary=summary, counts=counts)
    return summary


def cmd_check(args: argparse.Namespace) -> int:
    result = load_or_report(args.deck)
    problems = list(result.problems)
    if result.deck is not None and not args.no_render:
        from desktop.render.checks import render_problems
        from desktop.render.qtapp import ensure_gui_app
        from desktop.render.renderer import SlideRenderer

        ensure_gui_app(offscreen=True)
        problems.extend(render_problems(SlideRenderer(result.deck)))
    for problem in problems:
        print(problem.format())
    errors, warnings = count(problems)
    failed = errors > 0 or (args.strict and warnings > 0)
    if result.deck is not None:
        print(check_summary(result.deck, errors, warnings))
    else:
        print(
            _("{errors}, {warnings}: the deck cannot be shown").format(
                errors=plural(errors, "{n} error", "{n} errors"),
                warnings=plural(warnings, "{n} warning", "{n} warnings"),
            )
        )
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace) -> int:
    from desktop.core.atomic import write_text
    from desktop.core.format import json_schema_text
    from desktop.core.resources import resources_dir
    from desktop.core.targets import JSON, check_target

    folder: Path = args.folder or resources_dir()
    if not folder.is_dir():
        raise UserError(_("{folder} is not a folder").format(folder=folder))
    targets = {which: folder / f"{which}.schema.json" for which in ("deck", "section")}
    for target in targets.values():  # both checked before either is written
        check_target(target, JSON, force=args.force)
    for which, target in targets.items():
        write_text(target, json_schema_text(which))
        print(_("Wrote {file}").format(file=target))
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    from desktop.app import run_app

    return run_app(deck=args.deck, slide=args.slide, ui_lang_given=args.ui_lang_given)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.export.command import run_export

    return run_export(args)


def cmd_present(args: argparse.Namespace) -> int:
    from desktop.app import run_app

    return run_app(
        deck=args.deck,
        slide=args.slide,
        present=True,
        screen=args.screen,
        rehearse=args.rehearse,
        ui_lang_given=args.ui_lang_given,
    )


HANDLERS: Final[dict[str, Callable[[argparse.Namespace], int]]] = {
    "open": cmd_open,
    "check": cmd_check,
    "export": cmd_export,
    "present": cmd_present,
    "schema": cmd_schema,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``tianjin-briefing`` command.

    Exit status: 0 done, 1 problems (deck errors, a refused target, Qt cannot load), 2 usage.
    Without *argv* (the program itself, reading ``sys.argv``) the objects left when the
    command is done are frozen (:func:`gc.freeze`): the process is ending, and Python's
    shutdown would otherwise walk them all again (25 ms after an export of 300 slides).
    """
    if argv is None:
        status = main(sys.argv[1:])
        gc.freeze()
        return status
    configure_streams()
    words = list(argv)
    try:
        ui_lang, words = take_ui_lang(words)
        missing_value = False
    except ValueError:
        ui_lang, missing_value = None, True
    set_ui_language(ui_lang if ui_lang and known_code(ui_lang) else None)
    command = next((word for word in words if word not in TOP_FLAGS), None)
    parser = build_parser(export_options=command == "export")
    if missing_value:
        parser.error(
            _("argument %(argument_name)s: %(message)s")
            % {"argument_name": "--ui-lang", "message": _("expected one argument")}
        )
    if ui_lang is not None and known_code(ui_lang) is None:
        parser.error(
            _("unknown interface language '{code}'; choose one of {codes}").format(
                code=ui_lang, codes=", ".join(language.code for language in UI_LANGUAGES)
            )
        )
    args, extras = parser.parse_known_args(normalise(parser, words))
    args.ui_lang_given = ui_lang is not None  # the app's own setting yields to the option
    if extras:
        parser.unrecognized(args.command, extras)
    if args.command == "export":
        from desktop.export.command import chosen_exporter

        chosen_exporter(parser.commands["export"], args)  # refuses another format's options
    log_file = setup_logging(verbose=args.verbose)
    try:
        if args.command != "schema" and not getattr(args, "no_render", False):
            route_qt_messages()  # before Qt says anything: its messages go to the log
        return HANDLERS[args.command](args)
    except DeckError as exc:
        for problem in exc.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    except UserError as exc:
        print(_("{prog}: error: {message}").format(prog=PROG, message=exc), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # Output piped into a program that stopped reading (`check | head`): not an error.
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print(_("{prog}: interrupted").format(prog=PROG), file=sys.stderr)
        return 130
    except ImportError as exc:
        why = qt_import_problem(exc)
        if why is None:
            log.exception("unexpected error")
            return _internal_error(exc, log_file)
        log.error("Qt cannot load: %s", exc)
        if args.command == "check":
            why = _("{reason}; `check --no-render` needs no Qt").format(reason=why)
        print(_("{prog}: error: {message}").format(prog=PROG, message=why), file=sys.stderr)
        return 1
    except Exception as exc:
        log.exception("unexpected error")
        return _internal_error(exc, log_file)


def _internal_error(exc: Exception, log_file: Path) -> int:
    what = " ".join(str(exc).split())  # one line, whatever the exception says
    if len(what) > 200:
        what = what[:200] + "…"
    print(
        _("{prog}: internal error: {kind}: {what} (details in {log})").format(
            prog=PROG, kind=type(exc).__name__, what=what, log=log_file
        ),
        file=sys.stderr,
    )
    return 1


def gui_main() -> int:
    """Entry point of the GUI launcher (no console on Windows)."""
    return main()
