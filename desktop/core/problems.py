"""Located problems in a deck, and the one exception type for expected failures."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.Enum):
    """How bad a problem is: errors make a deck unusable, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file; line and column are 1-based, 0 when unknown."""

    file: Path
    line: int = 0
    column: int = 0

    def format(self, base: Path | None = None) -> str:
        """Return ``file:line:col`` with the file relative to *base* when possible."""
        shown = display_path(self.file, base)
        return f"{shown}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a deck.

    Attributes:
        location: Where it is.
        message: A plain sentence saying what is wrong and what to do.
        severity: Error or warning.
        field: The dotted field path (``slides[2].figures``), empty for the whole file.
    """

    location: Location
    message: str
    severity: Severity = Severity.ERROR
    field: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self, base: Path | None = None) -> str:
        """Format as ``path:LINE:COL: error: MESSAGE``, the compiler convention."""
        return f"{self.location.format(base)}: {self.severity.value}: {self.message}"

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (str(loc.file), loc.line, loc.column, self.message)


class DeckError(Exception):
    """An expected failure with a deck: shown to the user as its problem lines."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(p.format() for p in self.problems))


class UserError(Exception):
    """An expected failure that is not about deck content (bad target path, etc.).

    The message is one sentence fit to show as-is.
    """


def display_path(path: Path, base: Path | None = None) -> str:
    """Show *path* relative to *base* (or the working directory) when it lies beneath it.

    *path* equal to the base is shown whole: ``.`` would name nothing.
    """
    for root in (base, Path.cwd()):
        if root is None:
            continue
        # As written first: a link in the deck to a file elsewhere still shows as in the deck.
        for shown in (path.absolute(), _resolved(path)):
            try:
                relative = shown.relative_to(_resolved(root))
            except ValueError:
                continue
            # The base itself (a deck folder that has gone) is named, not shown as ".".
            return str(relative) if relative.parts else str(path.absolute())
    return str(path)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop (RuntimeError before Python 3.13)
        return path.absolute()


def count(problems: Iterable[Problem]) -> tuple[int, int]:
    """Return (errors, warnings)."""
    errors = warnings = 0
    for problem in problems:
        if problem.is_error:
            errors += 1
        else:
            warnings += 1
    return errors, warnings
