"""Every user-visible text of the app is marked for translation, and the bundled Chinese font
can draw every translation."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Final

import pytest

from desktop.core.i18n_catalog import read_po
from desktop.render.fonts import FontCoverage, register_fonts
from tests.i18n.scan import unmarked

ROOT: Final = Path(__file__).resolve().parents[2]
PO: Final = ROOT / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "tianjin_briefing.po"


def test_no_user_visible_text_is_left_unmarked() -> None:
    found = unmarked(sorted((ROOT / "desktop").rglob("*.py")), ROOT)
    assert found == [], "\n".join(f.format() for f in found)


def test_the_scan_finds_texts_given_to_widgets_problems_and_the_command_line(
    tmp_path: Path,
) -> None:
    module = tmp_path / "desktop" / "mod.py"
    module.parent.mkdir()
    module.write_text(
        textwrap.dedent(
            """
            label.setText("Open a deck")
            box.setWindowTitle(f"Export {name}")
            raise UserError("cannot read " + path)
            parser.add_argument("--x", help="the x option")
            print(f"Wrote {target}")
            ActionSpec("next", "Next slide", ("Right",))
            log.warning("not shown to users: %s", path)
            label.setText(_("Open a deck"))
            label.setText(f"{done} / {total}")
            problems.error(where, _("bad {x}").format(x=1), "slides[2]")
            """
        ),
        encoding="utf-8",
    )
    found = [(f.line, f.text) for f in unmarked([module], tmp_path)]
    assert found == [
        (2, "Open a deck"),
        (3, "f'Export {name}'"),
        (4, "cannot read "),
        (5, "the x option"),
        (6, "f'Wrote {target}'"),
        (7, "Next slide"),
    ]


@pytest.mark.usefixtures("qapp")
def test_the_bundled_fonts_draw_every_character_of_the_translations() -> None:
    register_fonts()
    coverage = FontCoverage(("Briefing Sans", "Briefing Sans SC"))
    _header, entries = read_po(PO)
    missing = sorted(
        {
            ch
            for entry in entries
            for text in entry.strings
            for ch in text
            if not coverage.drawable(ch)
        }
    )
    assert missing == [], "rebuild the fonts: .venv/bin/python tools/subset_fonts.py"
