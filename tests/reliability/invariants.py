"""What every load result must satisfy, whatever the input: shared by the fuzz and catalogue tests.

Lines and columns are 1-based. Line and column 0 mean "the file or folder as a whole, which
could not be read"; only the messages matched by :data:`WHOLE_FILE` use them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from desktop.core.loader import LoadResult
from desktop.core.problems import Problem

WHOLE_FILE: Final = re.compile(
    r"^(cannot read file: |this is a folder, not a YAML file$|this is not a regular file |"
    r"this folder has no deck\.yaml;|no such file or folder$|cannot open |"
    r".+ is not a deck; |.+ links to a file outside the deck folder; |"
    r"deck\.yaml is a folder here; )"
)
"""Problems about a file or folder as a whole, located at line 0, column 0."""
MAX_MESSAGE: Final = 1_000


def relative_line(problem: Problem, root: Path) -> str:
    """The problem as ``check`` prints it, with the file relative to the deck folder."""
    file = problem.location.file
    try:
        shown = file.relative_to(root).as_posix()
    except ValueError:
        shown = file.as_posix()
    loc = problem.location
    return f"{shown}:{loc.line}:{loc.column}: {problem.severity.value}: {problem.message}"


def check_result(result: LoadResult, root: Path) -> None:
    """Assert the load result is well-formed: a deck or errors, each problem located."""
    assert isinstance(result, LoadResult)
    if result.deck is None:
        assert result.errors, "no deck, but no error says why"
    else:
        assert not result.errors
        assert result.deck.slide_count >= 1
    for problem in result.problems:
        line = relative_line(problem, root)
        loc = problem.location
        assert isinstance(loc.file, Path), line
        assert loc.file.is_relative_to(root) or loc.file == root, line
        if (loc.line, loc.column) == (0, 0):
            assert WHOLE_FILE.match(problem.message), f"undocumented line 0: {line}"
        else:
            assert loc.line >= 1 and loc.column >= 1, line
        message = problem.message
        assert message and message == message.strip(), line
        assert "\n" not in message and "\r" not in message, line
        assert len(message) <= MAX_MESSAGE, line[:200]
