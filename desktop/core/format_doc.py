"""The parts of ``docs/deck-format.md`` written from the definitions, not by hand. No Qt.

Each part stands between two markers, ``<!-- generated:NAME … -->`` and
``<!-- /generated:NAME -->``: the layout table (from :class:`desktop.core.layouts.Layout`
and the slide fields of :data:`desktop.core.format.SLIDE`), the files of the example deck and
what ``check`` says of it.
``python tools/deck_format_doc.py`` rewrites them; ``tests/test_format_doc.py`` fails when
the page differs from what they would be.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

from desktop.core.format import SLIDE, SLIDE_COMMON
from desktop.core.layouts import DEFAULT_LAYOUT, Layout

_MARKED: Final = re.compile(
    r"(<!-- generated:(?P<name>[a-z-]+) [^>]*-->\n)(?P<body>.*?)(<!-- /generated:(?P=name) -->)",
    re.DOTALL,
)
_LANGUAGES: Final = {".yaml": "yaml", ".yml": "yaml", ".svg": "xml"}
"""The example deck's files that the page reproduces, by suffix, with their code language."""


def _names(fields: Iterable[str]) -> str:
    return ", ".join(f"`{name}`" for name in fields) or "–"


def layout_table() -> str:
    """The table of section 7: every layout, what it shows, needs and ignores."""
    content_fields = [name for name in SLIDE.field_names() if name not in SLIDE_COMMON]
    lines = [
        "| Layout | What it shows | Needs (error if missing) | Content fields it also shows"
        " | Ignored, with a warning | Content slide |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for layout in Layout:
        spec = layout.spec
        shows = spec.summary
        if layout is DEFAULT_LAYOUT:
            shows += " The default layout."
        if spec.default_title:
            shows += f' Title defaults to "{spec.default_title}".'
        also = [name for name in layout.uses if name not in spec.needs]
        ignored = [name for name in content_fields if name not in layout.uses]
        lines.append(
            f"| `{layout.value}` | {shows} | {_names(spec.needs)} | {_names(also)}"
            f" | {_names(ignored)} | {'yes' if spec.content else 'no'} |"
        )
    return "\n".join(lines) + "\n"


def _walk(folder: Path) -> list[Path]:
    """The folder's files and subfolders: ``deck.yaml`` first, then files, then folders."""
    entries = sorted(folder.iterdir(), key=lambda p: (p.is_dir(), p.name != "deck.yaml", p.name))
    return [entry for entry in entries if not entry.name.startswith(".")]


def _tree(folder: Path, indent: str = "") -> list[str]:
    lines: list[str] = []
    entries = _walk(folder)
    for number, entry in enumerate(entries):
        last = number == len(entries) - 1
        lines.append(f"{indent}{'└── ' if last else '├── '}{entry.name}{'/' * entry.is_dir()}")
        if entry.is_dir():
            lines += _tree(entry, indent + ("    " if last else "│   "))
    return lines


def _files(folder: Path) -> list[Path]:
    out: list[Path] = []
    for entry in _walk(folder):
        out += _files(entry) if entry.is_dir() else [entry]
    return out


def example_files(folder: Path, shown_as: str) -> str:
    """Section 16's listing of the example deck in *folder*: its tree, then each text file."""
    parts = ["```text", f"{shown_as}/", *_tree(folder), "```", ""]
    for path in _files(folder):
        language = _LANGUAGES.get(path.suffix)
        if language is None:
            continue
        text = path.read_text(encoding="utf-8")
        parts += [f"### {path.relative_to(folder).as_posix()}", "", f"```{language}"]
        parts += [text.rstrip("\n"), "```", ""]
    return "\n".join(parts[:-1]) + "\n"


EXAMPLE_CHECK: Final = ("check", "docs/example-deck")
"""The command whose output section 16 shows (``tianjin-briefing check docs/example-deck``),
run from the repository's root."""


def run_example_check(root: Path) -> str:
    """What :data:`EXAMPLE_CHECK` prints, run as a command in the repository at *root*.

    Raises:
        ValueError: the command failed; the message is what it printed.
    """
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *EXAMPLE_CHECK],
        capture_output=True,
        text=True,
        check=False,
        cwd=root,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )
    if done.returncode != 0:
        raise ValueError(done.stdout + done.stderr)
    return done.stdout


def check_part(output: str) -> str:
    """Section 16's console block: :data:`EXAMPLE_CHECK` and what it printed."""
    return f"```console\n$ tianjin-briefing {' '.join(EXAMPLE_CHECK)}\n{output}```\n"


def generated_parts(root: Path) -> dict[str, str]:
    """The parts written from definitions and files (*root*: the repository); the output of
    :data:`EXAMPLE_CHECK` is left to the caller, who runs it (:func:`check_part`)."""
    return {
        "layouts": layout_table(),
        "example-files": example_files(root / "docs" / "example-deck", "docs/example-deck"),
    }


def replace_parts(page: str, parts: Mapping[str, str]) -> str:
    """*page* with the text between each pair of markers named in *parts* replaced.

    Raises:
        ValueError: a part has no markers in *page*.
    """
    missing = set(parts) - {match["name"] for match in _MARKED.finditer(page)}
    if missing:
        raise ValueError(f"no generated:{', '.join(sorted(missing))} markers in the page")

    def body(match: re.Match[str]) -> str:
        name = match["name"]
        new = parts.get(name, match["body"])
        return f"{match[1]}{new}{match[4]}"

    return _MARKED.sub(body, page)
