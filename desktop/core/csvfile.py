"""CSV files of a deck's tables and charts, read with every cell's place. No Qt.

:func:`parse_csv` splits a CSV text (RFC 4180: commas, double-quoted fields that may hold
commas, quotes doubled, line breaks) into rows of :class:`CsvCell`, each located at its
first character, so a problem in a cell is reported at the CSV's own ``file:line:col``.
Reading the file (inside the deck, UTF-8, size-limited) is the loader's
(:mod:`desktop.core.loader_data`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.core.data import Cell, Number
from desktop.core.i18n import _
from desktop.core.numbers import decimals_of
from desktop.core.problems import Location, Problem

NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
"""How a number is written in a CSV cell: ``21``, ``22.18``, ``-0.5`` (no grouping)."""


@dataclass(frozen=True, slots=True)
class CsvCell:
    """One cell as written (surrounding spaces removed) and where it starts."""

    text: str
    location: Location

    def value(self) -> Cell:
        """The cell as a table holds it: a :class:`Number` when it is written as one,
        ``None`` when empty, else its text."""
        if not self.text:
            return None
        if NUMBER.fullmatch(self.text):
            return Number(float(self.text), decimals_of(self.text))
        return self.text


def parse_csv(
    text: str, path: Path, max_rows: int, max_columns: int
) -> tuple[list[list[CsvCell]], Problem | None]:
    """The rows of *text* (blank lines skipped), or the first problem that stops reading:
    an unclosed quote, more than *max_rows* rows or *max_columns* cells in a row."""
    rows: list[list[CsvCell]] = []
    row: list[CsvCell] = []
    field: list[str] = []
    line, column = 1, 1
    start = Location(path, 1, 1)
    quoted = False
    closed = False
    at = 0
    size = len(text)

    def end_field() -> Problem | None:
        nonlocal field, closed
        row.append(CsvCell("".join(field).strip() if not closed else "".join(field), start))
        field, closed = [], False
        if len(row) > max_columns:
            message = _("this row has more than {limit} cells (limit {limit}); remove columns")
            return Problem(start, message.format(limit=max_columns))
        return None

    while at < size:
        char = text[at]
        if quoted:
            if char == '"' and text.startswith('""', at):
                field.append('"')
                at, column = at + 2, column + 2
                continue
            if char == '"':
                quoted, closed = False, True
            else:
                field.append(char)
            if char == "\n":
                line, column = line + 1, 0
        elif char == '"' and not "".join(field).strip():
            quoted, field = True, []
        elif char == ",":
            if (problem := end_field()) is not None:
                return rows, problem
            start = Location(path, line, column + 1)
        elif char in "\r\n":
            if char == "\r" and text.startswith("\r\n", at):
                at += 1
            if (problem := end_field()) is not None:
                return rows, problem
            if any(cell.text for cell in row) or len(row) > 1:
                rows.append(row)
            row = []
            line, column = line + 1, 0
            start = Location(path, line, 1)
            if len(rows) > max_rows:
                return rows, _too_many_rows(rows, max_rows)
        elif not closed:
            field.append(char)
        at, column = at + 1, column + 1
    if quoted:
        return rows, Problem(start, _('a quoted cell is not closed; add the closing `"`'))
    if field or row:
        if (problem := end_field()) is not None:
            return rows, problem
        if any(cell.text for cell in row) or len(row) > 1:
            rows.append(row)
    if len(rows) > max_rows:
        return rows, _too_many_rows(rows, max_rows)
    return rows, None


def _too_many_rows(rows: list[list[CsvCell]], max_rows: int) -> Problem:
    message = _("the file has more than {limit} lines (limit {limit}); remove some")
    return Problem(rows[-1][0].location, message.format(limit=max_rows))
