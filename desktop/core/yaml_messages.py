"""PyYAML's and Python's reasons for refusing a file or a value, in the interface language.

PyYAML says what is wrong with a file in English (``mapping values are not allowed here``),
and Python's date and number parsers likewise (``day is out of range for month``). The
problems quote these reasons, so :func:`syntax_reason` and :func:`value_reason` look each up
in a table of every reason the safe loader gives (:data:`SYNTAX`, :data:`VALUES`), written as
the catalogue's texts with the varying part as a named value, and return it translated. The
English is PyYAML's own, word for word. No Qt.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from desktop.core.i18n import N_, _

SYNTAX: Final = (
    # the scanner
    N_("found character {found} that cannot start any token"),
    N_("mapping values are not allowed here"),
    N_("mapping keys are not allowed here"),
    N_("sequence entries are not allowed here"),
    N_("could not find expected ':'"),
    N_("found unexpected end of stream"),
    N_("found unexpected document separator"),
    N_("found unknown escape character {found}"),
    N_("expected escape sequence of {count} hexadecimal numbers, but found {found}"),
    N_("expected alphabetic or numeric character, but found {found}"),
    N_("expected ' ', but found {found}"),
    N_("expected '!', but found {found}"),
    N_("expected '>', but found {found}"),
    N_("expected a comment or a line break, but found {found}"),
    N_("expected indentation indicator in the range 1-9, but found 0"),
    N_("expected chomping or indentation indicators, but found {found}"),
    N_("expected a digit, but found {found}"),
    N_("expected a digit or '.', but found {found}"),
    N_("expected a digit or ' ', but found {found}"),
    N_("expected URI, but found {found}"),
    N_("expected URI escape sequence of 2 hexadecimal numbers, but found {found}"),
    # the parser
    N_("expected <block end>, but found {found}"),
    N_("expected ',' or ']', but got {found}"),
    N_("expected ',' or '}}', but got {found}"),
    N_("expected '<document start>', but found {found}"),
    N_("expected the node content, but found {found}"),
    N_("found duplicate YAML directive"),
    N_("found incompatible YAML document (version 1.* is required)"),
    N_("found undefined tag handle {found}"),
    N_("duplicate tag handle {found}"),
    # the composer
    N_("found undefined alias {found}"),
    # the safe constructor (a value with a standard tag of the wrong shape: `!!map x`)
    N_("expected a mapping node, but found {found}"),
    N_("expected a sequence node, but found {found}"),
    N_("expected a scalar node, but found {found}"),
    N_("found unhashable key"),
    N_("found unconstructable recursive node"),
    N_("failed to decode base64 data: {found}"),
)
"""What PyYAML's safe loader says is wrong (its ``problem``), ``%r``/``%s`` as named values."""

VALUES: Final = (
    N_("day is out of range for month"),
    N_("month must be in 1..12"),
    N_("year {year} is out of range"),
    N_("hour must be in 0..23"),
    N_("minute must be in 0..59"),
    N_("second must be in 0..59"),
    N_("could not convert string to float: {found}"),
    N_("invalid literal for int() with base {base}: {found}"),
)
"""What Python's date, time and number parsers say of a value PyYAML hands them."""

NODE_KINDS: Final = {"scalar": N_("scalar"), "sequence": N_("sequence"), "mapping": N_("mapping")}
"""PyYAML's names of its node kinds, as :data:`SYNTAX` quotes them."""


@functools.cache
def _pattern(message: str) -> re.Pattern[str]:
    """*message* (a catalogue text) as a pattern matching PyYAML's English, values caught."""
    english = message.replace("{{", "{").replace("}}", "}")
    parts = re.split(r"\{(\w+)\}", english)
    pattern = "".join(
        re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
        for index, part in enumerate(parts)
    )
    return re.compile(pattern)


def _explained(text: str, table: tuple[str, ...]) -> str | None:
    for message in table:
        match = _pattern(message).fullmatch(text)
        if match is not None:
            values = {
                name: _(NODE_KINDS[value]) if value in NODE_KINDS else value
                for name, value in match.groupdict().items()
            }
            return _(message).format(**values)
    return None


def syntax_reason(problem: str) -> str:
    """PyYAML's *problem* in the interface language (as written when the table lacks it)."""
    return _explained(problem, SYNTAX) or problem


def value_reason(reason: str) -> str | None:
    """Python's or PyYAML's *reason* for refusing a value, translated; None if unknown."""
    return _explained(reason, VALUES) or _explained(reason, SYNTAX)
