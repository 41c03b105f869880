"""Find user-visible texts in the code that are not marked for translation (no Qt).

A text is *user-visible* when a string literal (or an f-string with words in it) is given to a
place the user reads: a Qt text setter or widget constructor, a problem or error the app
reports, the command line's help and messages, ``print``, or an action's or option's label in
the tables that define them. Marked texts (inside ``_()``, ``N_()``, ``ngettext()``,
``pgettext()`` or ``plural()``) and texts with no words (``"•"``, ``"{n} / {total}"``) pass.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.core.i18n_catalog import CALLS, callee

SINK_CALLS: Final = {
    # Qt text setters and dialogs (every positional text argument)
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setTitle",
    "addMenu",
    "addAction",
    "addItem",
    "addItems",
    "addTab",
    "insertTab",
    "setTabText",
    "setTabToolTip",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "showMessage",
    "setLabelText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "setButtonText",
    "setInformativeText",
    "setDetailedText",
    "setCancelButtonText",
    "setOkButtonText",
    "setNameFilter",
    "setNameFilters",
    "setItemText",
    "addButton",
    "setSectionTitle",
    "setWindowIconText",
    "getSaveFileName",
    "getOpenFileName",
    "getExistingDirectory",
    "information",
    "warning",
    "critical",
    "question",
    "about",
    "QAction",
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QMenu",
    "QMessageBox",
    "QProgressDialog",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "QStandardItem",
    # problems and errors the app reports
    "Problem",
    "TargetError",
    "LimitError",
    "SvgRefused",
    "UserError",
    "RefusedError",
    "ExportError",
    "ArgumentTypeError",
    "error",
    "warn",
    "print",
    "fail",
    "refuse",
    # the tables that define what menus, keys and options say
    "ActionSpec",
    "PresenterAction",
    "option",
}
SINK_KEYWORDS: Final = {
    "help",
    "description",
    "epilog",
    "text",
    "title",
    "label",
    "tooltip",
    "message",
    "short",
    "group",
    "caption",
    "summary",
    "hint",
    "heading",
    "placeholder",
    "status",
    "detail",
}
SKIP_ARGUMENTS: Final = {
    # positional arguments that are names, not texts: (call, index)
    ("ActionSpec", 0),
    ("ActionSpec", 2),  # its keys: Qt key sequences ("Ctrl+Shift+W", "Esc"), not texts
    ("PresenterAction", 0),
    ("option", 0),
    ("addAction", 1),
    ("ActionSpec", 2),  # the default keys
    ("error", 2),  # the loader's error(where, message, field): the field path
    ("warning", 2),
    ("Problem", 3),
}
ENGLISH_BY_DESIGN: Final = {
    # The deck format's definition: its descriptions become the JSON Schemas' (editors show
    # them) and docs/deck-format.md, which are in English; problems never quote them.
    "desktop/core/format.py": {"description", "hint"},
    "desktop/core/format_data.py": {"description", "hint"},
    "desktop/core/layouts.py": {"description", "hint"},
    # The theme file's definition: its descriptions are for developers (no problem quotes them).
    "desktop/core/theme.py": {"description"},
}
"""Keyword arguments, by module, whose texts are English on purpose (and why)."""
WORD: Final = re.compile(r"[A-Za-z]{2,}")
LOGGERS: Final = {"debug", "info", "warning", "error", "exception", "critical"}


@dataclass(frozen=True, slots=True)
class Unmarked:
    """A user-visible text that no catalogue can translate."""

    file: str
    line: int
    column: int
    text: str

    def format(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: not marked for translation: {self.text!r}"


def _words(node: ast.expr) -> str | None:
    """The literal text of *node* when it has words, for a report; None when it has none."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if WORD.search(node.value) else None
    if isinstance(node, ast.JoinedStr):
        parts = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return ast.unparse(node) if WORD.search(parts) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _words(node.left) or _words(node.right)
    if (
        isinstance(node, ast.Call)
        and callee(node) in ("format", "join")
        and isinstance(node.func, ast.Attribute)
    ):
        return _words(node.func.value)
    if isinstance(node, ast.IfExp):
        return _words(node.body) or _words(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return next((w for w in map(_words, node.elts) if w), None)
    return None


def _is_logging(node: ast.Call) -> bool:
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr in LOGGERS
        and isinstance(func.value, ast.Name)
        and func.value.id in ("log", "logger", "logging", "_log")
    )


def _texts(node: ast.Call, english: set[str]) -> Iterator[ast.expr]:
    name = callee(node)
    if name in SINK_CALLS and not _is_logging(node):
        for index, arg in enumerate(node.args):
            if (name, index) not in SKIP_ARGUMENTS:
                yield arg
    for keyword in node.keywords:
        if keyword.arg in SINK_KEYWORDS and keyword.arg not in english:
            yield keyword.value


def unmarked_in(path: Path, root: Path) -> Iterator[Unmarked]:
    """The unmarked user-visible texts of one module."""
    relative = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), relative)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or callee(node) in CALLS:
            continue
        for arg in _texts(node, ENGLISH_BY_DESIGN.get(relative, set())):
            text = _words(arg)
            if text is not None:
                yield Unmarked(relative, arg.lineno, arg.col_offset + 1, text)


def unmarked(paths: Iterable[Path], root: Path) -> list[Unmarked]:
    """Every unmarked user-visible text of *paths*."""
    return [found for path in paths for found in unmarked_in(path, root)]


if __name__ == "__main__":  # python tests/i18n/scan.py [PREFIX…]: list what is left to mark
    import sys

    ROOT = Path(__file__).resolve().parents[2]
    prefixes = tuple(sys.argv[1:]) or ("desktop/",)
    found = [
        f
        for f in unmarked(sorted((ROOT / "desktop").rglob("*.py")), ROOT)
        if f.file.startswith(prefixes)
    ]
    for finding in found:
        print(finding.format())
    print(f"{len(found)} unmarked texts")
    raise SystemExit(1 if found else 0)
