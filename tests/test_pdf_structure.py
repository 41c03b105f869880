"""The PDF structure appended to Qt's file: objects read and written, the incremental update.

The PDFs here are written by hand, byte by byte, so that each test controls what the file
holds (a nested page tree, inherited media boxes, annotations already there, page contents
that are not valid at all: the update must never read them).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.core.loader import load_deck
from desktop.export import registry
from desktop.export.pdf import PdfOptions
from desktop.export.pdf_objects import (
    Name,
    PdfSyntaxError,
    Ref,
    parse,
    serialize,
    text_string,
)
from desktop.export.plan import ExportLayout
from desktop.export.structure import LinkArea, OutlineEntry, Structure, apply_structure
from desktop.render.qtapp import ensure_gui_app
from tests.conftest import DeckFactory

GARBAGE = b"\x00\xff not a content stream (( << [ \\"


def write_pdf(
    path: Path, objects: dict[int, bytes], root: int = 1, info: int | None = None
) -> Path:
    """A PDF of *objects* (number -> text between ``obj`` and ``endobj``), catalog 1."""
    data = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(data)
        data += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    size = max(objects) + 1
    start = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        if number in offsets:
            data += b"%010d 00000 n \n" % offsets[number]
        else:
            data += b"0000000000 65535 f \n"
    extra = b"/Info %d 0 R " % info if info else b""
    data += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        extra,
        start,
    )
    path.write_bytes(bytes(data))
    return path


def stream(body: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(body), body)


def three_pages(path: Path) -> Path:
    """Pages in a nested tree; the media box inherited by two; page 1 with an annotation."""
    return write_pdf(
        path,
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /Names << >> >>",
            2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 3 /MediaBox [0 0 400 300] >>",
            3: b"<< /Type /Page /Parent 2 0 R /Contents 7 0 R /Annots 9 0 R >>",
            4: b"<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count 2 >>",
            5: b"<</Type/Page/Parent 4 0 R/Contents 7 0 R>>",
            6: b"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 200 100] /Contents 7 0 R"
            b" /Annots [10 0 R] >>",
            7: stream(GARBAGE),
            8: b"<< /Producer (Qt 6) /Title (old) >>",
            9: b"[10 0 R]",
            10: b"<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (kept) >>",
        },
        info=8,
    )


STRUCTURE = Structure(
    title="Harbour (plan) \\ 港口",
    author="Port office",
    subject="Berths",
    keywords="a, b",
    outline=(
        OutlineEntry("Agenda", 0),
        OutlineEntry("Part · 一", 1, (OutlineEntry("2. Cranes", 1), OutlineEntry("3. Quay", 2))),
    ),
    links=(
        LinkArea(0, (10.0, 20.0, 110.0, 60.0), 2),
        LinkArea(2, (0.0, 0.0, 50.0, 25.0), 1),
    ),
    labels=("Agenda", "1", "1+"),
)


def test_objects_read_as_written() -> None:
    data = b"<< /A [1 -2.5 .5 3 0 R (a (b) \\) c) <4f4B> /N#20x true null] /B<</C false>> >>"
    value, end = parse(data, 0)
    assert end == len(data)
    assert value == {
        "A": [1, -2.5, 0.5, Ref(3, 0), b"(a (b) \\) c)", b"<4f4B>", Name("N#20x"), True, None],
        "B": {"C": False},
    }
    assert serialize(value) == (
        b"<</A [1 -2.5 0.5 3 0 R (a (b) \\) c) <4f4B> /N#20x true null]/B <</C false>>>>"
    )
    # Two numbers are not a reference unless an R follows; comments are skipped.
    assert parse(b"[1 0 % R\n2]", 0)[0] == [1, 0, 2]
    with pytest.raises(PdfSyntaxError, match="byte 1: b'obj' is not a PDF object"):
        parse(b"[obj]", 0)
    with pytest.raises(PdfSyntaxError, match="not closed"):
        parse(b"(open", 0)


def test_text_strings() -> None:
    assert text_string("a (b) \\") == b"(a \\(b\\) \\\\)"
    assert text_string("港") == b"<FEFF6E2F>"
    assert text_string("a\tb") == b"<FEFF006100090062>"


def test_structure_is_appended_without_reading_the_pages(tmp_path: Path) -> None:
    path = three_pages(tmp_path / "three.pdf")
    original = path.read_bytes()
    assert apply_structure(path, STRUCTURE) == 3
    data = path.read_bytes()
    assert data.startswith(original)  # an update appended, Qt's bytes untouched
    assert data.count(b"%%EOF") == 2 and b"/Prev %d>>" % (original.index(b"\nxref\n") + 1) in data
    assert GARBAGE in data

    reader = PdfReader(path)
    assert reader.page_labels == ["Agenda", "1", "1+"]
    assert reader.metadata is not None
    assert reader.metadata.title == "Harbour (plan) \\ 港口"
    assert reader.metadata.producer == "Qt 6"  # Qt's entries are kept
    catalog: Any = reader.root_object
    assert catalog["/PageMode"] == "/UseOutlines"

    def titles(items: list[Any]) -> list[Any]:
        return [titles(i) if isinstance(i, list) else (i.title, _page(reader, i)) for i in items]

    assert titles(reader.outline) == [
        ("Agenda", 0),
        ("Part · 一", 1),
        [("2. Cranes", 1), ("3. Quay", 2)],
    ]
    assert catalog["/Outlines"]["/Count"] == 4  # open: every item shown


def _page(reader: PdfReader, item: Any) -> int:
    number = reader.get_destination_page_number(item)
    assert number is not None
    return number


def test_links_join_the_annotations_already_there(tmp_path: Path) -> None:
    path = three_pages(tmp_path / "three.pdf")
    apply_structure(path, STRUCTURE)
    reader = PdfReader(path)
    annots: Any = reader.pages[0]["/Annots"]
    first = [a.get_object() for a in annots]
    assert [a["/Subtype"] for a in first] == ["/Text", "/Link"]
    assert first[1]["/Rect"] == [10, 240, 110, 280]  # from the top of the inherited 300 pt box
    assert reader.get_page_number(first[1]["/Dest"][0].get_object()) == 2
    annots = reader.pages[2]["/Annots"]
    third = [a.get_object() for a in annots]
    assert [a["/Subtype"] for a in third] == ["/Text", "/Link"]  # an inline array, extended
    assert third[1]["/Rect"] == [0, 75, 50, 100]  # the page's own 100 pt box
    assert "/Annots" not in reader.pages[1]


@pytest.mark.parametrize("layout", list(ExportLayout))
def test_an_export_is_qts_file_and_one_update(
    make_deck: DeckFactory, tmp_path: Path, layout: ExportLayout
) -> None:
    ensure_gui_app()
    deck = load_deck(make_deck()).deck
    assert deck is not None
    target = tmp_path / "deck.pdf"
    registry.get("pdf").export(deck, target, PdfOptions(layout=layout))
    data = target.read_bytes()
    assert data.count(b"%%EOF") == 2 and data.count(b"\ntrailer\n") == 2
    assert b"/Producer" in data.split(b"%%EOF")[0]  # Qt's own file comes first, unchanged
    if shutil.which("qpdf") is not None:
        done = subprocess.run(["qpdf", "--check", str(target)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_qpdf_finds_the_update_valid(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "valid.pdf",
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 5 0 R >>",
            4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 5 0 R >>",
            5: stream(b"0 0 m 10 10 l S"),
        },
    )
    structure = Structure("T", "A", "S", "K", (OutlineEntry("One", 0),), (), ("1", "2"))
    apply_structure(path, structure)
    done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No syntax or stream encoding errors" in done.stdout


def test_a_file_it_cannot_update_is_refused(tmp_path: Path) -> None:
    path = three_pages(tmp_path / "three.pdf")
    with pytest.raises(PdfSyntaxError, match="the PDF has 3 pages, the structure 2"):
        apply_structure(path, Structure("T", "", "", "", (), (), ("1", "2")))
    streamed = tmp_path / "xref-stream.pdf"
    streamed.write_bytes(re.sub(rb"startxref\n\d+", b"startxref\n9", path.read_bytes()))
    with pytest.raises(PdfSyntaxError, match="byte 9: no cross-reference table"):
        apply_structure(streamed, STRUCTURE)
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(PdfSyntaxError, match="does not end with startxref"):
        apply_structure(truncated, STRUCTURE)
