"""The command-line parser's own words (argparse's), in the app's catalogue.

argparse looks its texts up through the module globals ``_`` and ``ngettext`` it imports from
:mod:`gettext`; :func:`translate_argparse` points them at the app's catalogue, so "usage:",
"options" and argparse's errors follow ``--ui-lang`` like the app's own words. The texts are
listed here (as argparse writes them in Python 3.11–3.13) so that the catalogue holds them.
"""

from __future__ import annotations

import argparse
from typing import Final

from desktop.core.i18n import N_, _, ngettext

ARGPARSE_TEXTS: Final = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)
"""argparse's user-facing texts (its errors for programmers are left in English)."""


def translate_argparse() -> None:
    """Make argparse's own words come from the app's catalogue (call once, at start-up)."""
    setattr(argparse, "_", _)  # noqa: B010 (argparse's private global, not a typed attribute)
    setattr(argparse, "ngettext", ngettext)  # noqa: B010
