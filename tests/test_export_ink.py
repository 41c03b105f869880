"""``export --with-ink``: the presenter's saved ink drawn on its slides' pages as vector paths."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.core.model import Deck
from desktop.core.presenter.ink import InkBook, Stroke
from desktop.core.presenter.ink_store import save_ink
from desktop.export import registry
from desktop.export.pdf import PdfOptions
from desktop.export.plan import ExportLayout
from desktop.render.qtapp import ensure_gui_app
from tests.conftest import FilesLoader, section_yaml

PEN = Stroke(
    "pen", "#e02020", 8.0, tuple((200.0 + 10 * i, 700.0 + (i % 7), 1.0) for i in range(60))
)
MARK = Stroke("highlighter", "#1f6fff", 24.0, ((300.0, 400.0, 1.0), (1200.0, 420.0, 1.0)))
RED_STROKE = re.compile(rb"0\.87\d* 0\.12\d* 0\.12\d* SCN")
"""The pen's colour, #e02020, set as a stroking colour in a page's content."""
SLIDE_2_PAGE = 2
"""The page of slide 2: the PDF opens with the agenda it adds, then slide 1."""


@pytest.fixture
def inked(load_files: FilesLoader) -> Deck:
    """A three-slide deck with ink saved on its second slide."""
    slides = [f"{{id: s{n}, title: Slide {n}, layout: section}}" for n in (1, 2, 3)]
    deck = load_files({"a.yaml": section_yaml("A", *slides)})
    book = InkBook()
    book.add("s2", PEN)
    book.add("s2", MARK)
    save_ink(deck, book)
    return deck


def contents(path: Path) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(path).pages]  # type: ignore[union-attr]  # every page has contents


@pytest.mark.parametrize("layout", [ExportLayout.SLIDES, ExportLayout.NOTES])
def test_the_ink_is_vector_paths_on_its_slides_page(
    inked: Deck, tmp_path: Path, layout: ExportLayout
) -> None:
    ensure_gui_app(offscreen=True)
    pdf = registry.get("pdf")
    plain, inky = tmp_path / "plain.pdf", tmp_path / "ink.pdf"
    pdf.export(inked, plain, PdfOptions(layout=layout))
    pdf.export(inked, inky, PdfOptions(layout=layout, with_ink=True))
    without, with_ink = contents(plain), contents(inky)
    assert len(without) == len(with_ink)
    differ = [n for n, (a, b) in enumerate(zip(without, with_ink, strict=True)) if a != b]
    assert differ == [SLIDE_2_PAGE]  # only slide 2 has ink
    page = with_ink[SLIDE_2_PAGE]
    assert RED_STROKE.search(page) and not RED_STROKE.search(without[SLIDE_2_PAGE])
    # Drawn as paths (curves, "c" or lines "l", then stroked, "S"), not as an image.
    added = page.count(b" c\n") + page.count(b" l\n")
    assert added > without[SLIDE_2_PAGE].count(b" c\n") + without[SLIDE_2_PAGE].count(b" l\n") + 20
    assert page.count(b" Do") == without[SLIDE_2_PAGE].count(b" Do")  # no image was added


def test_the_command_line_and_the_dialog_offer_it(inked: Deck, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "export",
            str(inked.root),
            "-o",
            str(target),
            "--with-ink",
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert RED_STROKE.search(contents(target)[SLIDE_2_PAGE])
    option = next(spec for spec in registry.get("pdf").options() if spec.name == "with_ink")
    assert option.switch and option.flag == "--with-ink" and option.word(False) == "off"
