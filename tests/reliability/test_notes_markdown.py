"""Speaker notes reach nothing outside the deck: no image is loaded, only web and mail links.

Notes are Markdown. Every surface that shows them (the notes pane of the main window and of
the presenter console, the notes pages of the PDF) must show an image as its alt text and
never read it, and keep a link only when it is ``http``/``https`` (with a host) or
``mailto``. ``file:``, ``javascript:``, relative paths, raw HTML, autolinks and
reference-style links to anything else are plain text: in a PDF they are no link annotation.

Proof that nothing outside was read: the notes PDF has no image at all, and, under
``strace``, the exporting process never opens or even looks up (stat) the outside file the
notes point at, by any of four spellings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from PySide6.QtGui import QColor, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from desktop.core.loader import load_deck
from desktop.export import registry
from desktop.export.pdf import PdfOptions
from desktop.export.plan import ExportLayout
from desktop.render.notes import is_safe_link, notes_document
from desktop.render.qtapp import ensure_gui_app
from desktop.ui.notes_pane import NotesPane
from tests.conftest import DeckFactory
from tests.reliability.conftest import Tally, traced_cli

pytestmark = pytest.mark.reliability("Notes Markdown: nothing outside")

SECRET: Final = "outside-secret.png"
SAFE: Final = {
    "https://example.org",
    "mailto:someone@example.org",
    "https://example.org/ref",
    "http://www.example.net",
}


def hostile_notes(outside: Path) -> str:
    """Notes that try every way Markdown has to load a file or link to something unsafe."""
    return f"""\
Images ![passwd](/etc/passwd) ![climb](../{SECRET}) ![absolute]({outside})
![uri]({outside.as_uri()}) ![inside](inside.png) ![](../{SECRET})

Links [a](file:///etc/passwd) [b](javascript:alert(1)) [c](https://example.org)
[m](mailto:someone@example.org) [rel](notes.txt) [up](../{SECRET}) [data](data:text/html,hi)
[ftp](ftp://example.org/x) [nohost](https:/etc/passwd) [vb](vbscript:x) [sl](//example.org/x)
[![linked image](../{SECRET})](https://example.org)

Raw <a href="file:///x">raw html</a> <img src="../{SECRET}"> and <b>bold?</b>

Autolinks <file:///etc/passwd> <javascript:alert(2)> <https://example.org> www.example.net

Reference [r][bad] [s][good] [t]

[bad]: file:///etc/passwd
[good]: https://example.org/ref
[t]: ../{SECRET}
"""


@pytest.fixture
def hostile_deck(make_deck: DeckFactory, tmp_path: Path) -> Path:
    secret = tmp_path / SECRET
    picture = QImage(32, 32, QImage.Format.Format_RGB32)
    picture.fill(QColor("#12ab34"))
    assert picture.save(str(secret))
    notes = "".join(
        f"      {line}\n" if line else "\n" for line in hostile_notes(secret).split("\n")
    )
    folder = make_deck(
        {
            "a.yaml": "title: S\nslides:\n  - title: T\n    bullets: [b]\n    sources: [src]\n"
            "    notes: |\n" + notes,
        }
    )
    assert picture.save(str(folder / "inside.png"))  # even a file inside the deck is not shown
    return folder


def link_targets(reader: PdfReader) -> list[str]:
    """The URI of every link annotation in the PDF (internal links have none)."""
    found: list[str] = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            target = annotation.get_object()
            action = target.get("/A")
            if action is not None and "/URI" in action.get_object():
                found.append(str(action.get_object()["/URI"]))
    return found


def images_in(reader: PdfReader) -> int:
    count = 0
    for page in reader.pages:
        resources = page.get("/Resources")
        objects = resources.get_object().get("/XObject") if resources is not None else None
        if isinstance(objects, DictionaryObject):
            count += sum(1 for o in objects.values() if o.get_object()["/Subtype"] == "/Image")
    return count


def document_links(document: QTextDocument) -> tuple[list[str], int]:
    """Every anchor target in *document*, and how many images it holds."""
    hrefs: list[str] = []
    images = 0
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            if char_format.isAnchor() or char_format.anchorHref():
                hrefs.append(char_format.anchorHref())
            images += char_format.isImageFormat()
            fragments += 1
        block = block.next()
    return hrefs, images


def test_notes_pdf_has_only_safe_links_and_no_image(
    hostile_deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tally: Tally
) -> None:
    ensure_gui_app()
    monkeypatch.chdir(hostile_deck)  # where relative paths in the notes would be looked up
    loaded = load_deck(hostile_deck).deck
    assert loaded is not None
    target = tmp_path / "notes.pdf"
    registry.get("pdf").export(loaded, target, PdfOptions(layout=ExportLayout.NOTES))
    reader = PdfReader(target)
    uris = link_targets(reader)
    assert uris, "no link at all: the test would prove nothing"
    assert set(uris) == SAFE
    assert images_in(reader) == 0
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for label in ("[image: passwd]", "[image: climb]", "[image: inside]", "raw html"):
        assert label in text
    tally.add("test_notes_pdf_has_only_safe_links_and_no_image", 24, "notes constructs")


def test_notes_pane_has_only_safe_links_and_no_image(
    qtbot: QtBot, hostile_deck: Path, monkeypatch: pytest.MonkeyPatch, tally: Tally
) -> None:
    monkeypatch.chdir(hostile_deck)
    loaded = load_deck(hostile_deck).deck
    assert loaded is not None
    pane = NotesPane()  # the main window's notes and the presenter console's are this pane
    qtbot.addWidget(pane)
    pane.set_deck(loaded)
    pane.set_slide(0)
    hrefs, images = document_links(pane.browser.document())
    assert images == 0
    assert set(hrefs) == SAFE
    assert "[image: climb]" in pane.browser.toPlainText()
    tally.add("test_notes_pane_has_only_safe_links_and_no_image", 24, "notes constructs")


@pytest.mark.parametrize(
    ("href", "safe"),
    [
        ("https://example.org", True),
        ("HTTPS://EXAMPLE.ORG/a?b=c", True),
        ("http://example.org:8080/", True),
        ("mailto:someone@example.org", True),
        ("file:///etc/passwd", False),
        ("FILE:///etc/passwd", False),
        ("javascript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,hi", False),
        ("notes.txt", False),
        ("../secret.png", False),
        ("/etc/passwd", False),
        ("//example.org/x", False),
        ("https:/etc/passwd", False),
        ("https://", False),
        ("mailto:", False),
        ("ftp://example.org", False),
        ("", False),
    ],
)
def test_link_rule(href: str, safe: bool, tally: Tally) -> None:
    assert is_safe_link(href) is safe
    tally.add("test_link_rule", 1, "targets")


def test_one_document_for_every_surface(qtbot: QtBot, tally: Tally) -> None:
    """The shared helper is what both surfaces use: a document built by it is already safe."""
    document = notes_document("![x](/etc/passwd) [a](file:///etc/passwd) [c](https://example.org)")
    hrefs, images = document_links(document)
    assert (hrefs, images) == (["https://example.org"], 0)
    assert document.toPlainText() == "[image: x] a c"
    import desktop.export.notes_page as notes_page
    import desktop.ui.notes_pane as pane

    for module in (notes_page, pane):
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        assert "setMarkdown(" not in source, f"{module.__name__} parses Markdown itself"
        assert "notes_document(" in source
    tally.add("test_one_document_for_every_surface", 2, "surfaces")


def test_export_never_touches_the_outside_file(
    hostile_deck: Path, tmp_path: Path, tally: Tally
) -> None:
    arguments = [
        "export",
        "--layout",
        "notes",
        "-o",
        str(tmp_path / "notes.pdf"),
        str(hostile_deck),
    ]
    lines = traced_cli("%file", tmp_path / "strace.txt", arguments, cwd=hostile_deck, timeout=120)
    assert any("notes.pdf" in line for line in lines), "the trace saw no file calls"
    touched = [line for line in lines if SECRET in line or "inside.png" in line]
    assert touched == []
    tally.add("test_export_never_touches_the_outside_file", 5, "spellings")
