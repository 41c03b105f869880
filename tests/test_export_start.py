"""What an export loads before its first page: only what the deck needs."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import DeckFactory, section_yaml
from tests.test_cli import child_prints

OPTIONAL = ("PySide6.QtSvg", "desktop.render.probe", "desktop.render.ink")
"""Modules an export of text slides does without: Qt's SVG module and the SVG probe (for
images), the presenter's ink (for ``--with-ink``)."""


def _loaded_by_export(deck: Path, out: Path, *flags: str) -> set[str]:
    argv = ["export", str(deck), "-o", str(out), *flags]
    code = (
        "import json, sys\nfrom desktop.cli import main\n"
        f"code = main({argv!r})\n"
        f"print(json.dumps([code, sorted(set({OPTIONAL!r}) & set(sys.modules))]))"
    )
    status, modules = json.loads(child_prints(code)[-1])
    assert status == 0
    return set(modules)


def test_an_export_of_text_slides_loads_no_image_or_ink_code(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    deck = make_deck({"a.yaml": section_yaml("A", "{title: One, bullets: [a, b]}")})
    assert _loaded_by_export(deck, tmp_path / "out.pdf") == set()


def test_an_export_loads_them_when_the_deck_needs_them(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="9"/></svg>'
    deck = make_deck(
        {
            "a.yaml": section_yaml("A", "{title: One, layout: image, image: {path: a.svg}}"),
            "a.svg": svg,
        }
    )
    loaded = _loaded_by_export(deck, tmp_path / "out.pdf", "--with-ink")
    assert loaded == set(OPTIONAL)
