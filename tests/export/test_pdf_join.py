"""Two PDFs joined into one by an incremental update (:mod:`desktop.export.pdf_join`).

The PDFs are written by hand (``tests/test_pdf_structure.write_pdf``) so that each test
controls what they hold: strings that look like references, streams whose length is an
object of its own, stream data that is not PDF syntax at all (it must be copied, not read).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.export.pdf_join import join
from desktop.export.pdf_objects import PdfSyntaxError
from tests.test_pdf_structure import GARBAGE, stream, write_pdf

TRICKY = b"(a (nested 1 0 R) \\) endobj 2 0 R string)"
"""A literal string holding brackets, an escaped bracket, a keyword and "references"."""


def first_file(path: Path) -> Path:
    return write_pdf(
        path,
        {
            1: b"<< /Type /Catalog /Pages 2 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 5 0 R >>",
            4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 5 0 R >>",
            5: stream(b"0 0 m 10 10 l S"),
        },
    )


def second_file(path: Path) -> Path:
    body = b"BT /F1 12 Tf (endstream 3 0 R) Tj ET"
    return write_pdf(
        path,
        {
            1: b"<< /Type /Catalog /Pages 2 0 R /Metadata 9 0 R >>",
            2: b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 5 0 R"
            b" /Resources << /Font << /F1 7 0 R >> >> /Annots [8 0 R] /PieceInfo 11 0 R >>",
            4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 5 0 R >>",
            5: b"<< /Length 6 0 R >>\nstream\n" + body + b"\nendstream",
            6: b"%d" % len(body),
            7: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            8: b"<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /Contents " + TRICKY + b" >>",
            9: stream(b"<x:xmpmeta>the second file's metadata</x:xmpmeta>"),
            10: b"<< /Title (the second file's information) >>",
            11: stream(GARBAGE + b" endstream 4 0 R"),
        },
        info=10,
    )


def test_the_second_files_pages_follow_the_firsts(tmp_path: Path) -> None:
    first, second = first_file(tmp_path / "a.pdf"), second_file(tmp_path / "b.pdf")
    before = second.read_bytes()
    size = first.stat().st_size
    with first.open("r+b") as one, second.open("rb") as two:
        assert join(one, two) == 4
    assert second.read_bytes() == before
    data = first.read_bytes()
    assert data.startswith((tmp_path / "a.pdf").read_bytes()[:size])  # appended only
    reader = PdfReader(first)
    assert len(reader.pages) == 4
    assert [float(p.mediabox.width) for p in reader.pages] == [400, 400, 400, 200]
    trailer: Any = reader.trailer
    root = trailer["/Root"]["/Pages"]
    assert root["/Count"] == 4
    assert all(page["/Parent"].get_object() == root for page in reader.pages)
    third: Any = reader.pages[2]
    assert third["/Contents"].get_object().get_data() == b"BT /F1 12 Tf (endstream 3 0 R) Tj ET"
    assert third["/PieceInfo"].get_object().get_data() == GARBAGE + b" endstream 4 0 R"
    assert third["/Resources"]["/Font"]["/F1"]["/BaseFont"] == "/Helvetica"
    assert TRICKY in data  # the string as written, nothing in it renumbered
    assert b"the second file's metadata" not in data
    assert b"the second file's information" not in data
    assert reader.metadata is None  # the first file's trailer: it has no /Info
    if shutil.which("qpdf"):
        check = subprocess.run(["qpdf", "--check", str(first)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_objects_are_numbered_past_the_first_file(tmp_path: Path) -> None:
    first, second = first_file(tmp_path / "a.pdf"), second_file(tmp_path / "b.pdf")
    with first.open("r+b") as one, second.open("rb") as two:
        join(one, two)
    reader = PdfReader(first)
    numbers = [page.indirect_reference.idnum for page in reader.pages]  # type: ignore[union-attr]
    assert numbers[:2] == [3, 4]
    assert min(numbers[2:]) >= 6  # the first file's /Size
    trailer: Any = reader.trailer
    assert trailer["/Size"] == 6 + 7  # the 7 objects of the second its pages use


def test_a_file_without_a_page_tree_is_refused(tmp_path: Path) -> None:
    first = first_file(tmp_path / "a.pdf")
    second = write_pdf(tmp_path / "b.pdf", {1: b"<< /Type /Catalog >>"})
    before = first.read_bytes()
    with first.open("r+b") as one, second.open("rb") as two, pytest.raises(PdfSyntaxError):
        join(one, two)
    assert first.read_bytes() == before
