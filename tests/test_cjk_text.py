"""Chinese typography in the text layer (desktop.render.cjk_text, desktop.render.text)."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRectF

from desktop.render.fonts import register_fonts
from desktop.render.qtapp import ensure_gui_app
from desktop.render.text import Para, TextBox

FAMILIES = ("Briefing Sans", "Briefing Sans SC")


@pytest.fixture(autouse=True, scope="module")
def _fonts() -> None:
    ensure_gui_app()
    register_fonts()


def _lines(text: str, width: float, size: float = 40) -> list[str]:
    box = TextBox(QRectF(0, 0, width, 2000), [Para(text, size, "#000000")], FAMILIES).fit()
    assert box.document is not None
    layout = box.document.begin().layout()
    whole = box.document.begin().text()
    return [
        whole[line.textStart() : line.textStart() + line.textLength()]
        for line in (layout.lineAt(n) for n in range(layout.lineCount()))
    ]


def test_no_line_starts_with_a_middle_dot_or_closing_mark() -> None:
    # Qt alone breaks before the middle dot of a transliterated name.
    text = "马克思·恩格斯" * 6
    seen = 0
    for width in range(120, 700, 23):
        lines = _lines(text, width)
        seen += len(lines) > 1
        for line in lines[1:]:
            assert line.lstrip("\u2060")[:1] not in "·，。、）”", (width, lines)
    assert seen


def test_chinese_lines_have_the_pitch_of_latin_ones() -> None:
    size = 40.0

    def pitch(text: str) -> float:
        box = TextBox(QRectF(0, 0, 300, 2000), [Para(text, size, "#000")], FAMILIES).fit()
        tops = [top for top, _ in box.line_tops()]
        return max(b - a for a, b in itertools.pairwise(tops))

    latin = pitch("words " * 30)
    assert pitch("天津港口城市" * 12) == pytest.approx(latin, abs=0.6)
    assert pitch("天津 GDP 增长 and more 城市" * 6) == pytest.approx(latin, abs=0.6)


def test_marks_in_chinese_are_drawn_full_width() -> None:
    box = TextBox(QRectF(0, 0, 2000, 200), [Para("他说“好”", 40, "#000")], FAMILIES).fit()
    assert box.document is not None
    block = box.document.begin()
    families = {
        fragment.text(): fragment.charFormat().font().families()[0]
        for fragment in (it.fragment() for it in _fragments(block))
    }
    assert families == {"他说": "Briefing Sans", "“": "Briefing Sans SC", "好": "Briefing Sans",
                        "”": "Briefing Sans SC"}  # fmt: skip


def _fragments(block):  # type: ignore[no-untyped-def]
    it = block.begin()
    while not it.atEnd():
        yield it
        it += 1
