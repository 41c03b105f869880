"""A large PDF drawn in two processes: the same document as drawn in one, errors alike.

The split runs in processes of their own (``tests/export/split_run.py``), as the command line
runs: the test process is a QApplication, which never forks (the desktop app's exports stay
in one process), so its exports are the serial ones each split export is compared with.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

from bench.generate import generate_deck
from desktop.core.loader import load_deck
from desktop.export import pdf_split, pdf_writer
from desktop.export.pdf import LAYOUTS, PdfExporter
from desktop.render.qtapp import ensure_gui_app

ROOT = Path(__file__).resolve().parents[2]
LONG_NOTES = "\n\n".join(
    f"Paragraph {n}: the harbour's freight, the rail link and the budget, in turn." * 3
    for n in range(40)
)
"""Notes that run on to more pages: the child numbers its pages after the parent's."""
LINK = "See [the plan (2024, 1 0 R)](https://example.com/plan_(1_0_R)) for the figures."
"""A link annotation whose strings hold brackets and what looks like a reference."""


@pytest.fixture(scope="module")
def deck_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mixed deck of 14 slides: an agenda with links, images, long notes on slide 3."""
    folder = generate_deck(tmp_path_factory.mktemp("split") / "deck", 14)
    section_file = folder / "s001.yaml"
    section = yaml.safe_load(section_file.read_text(encoding="utf-8"))
    section["slides"][2]["notes"] = LONG_NOTES
    section["slides"][9]["notes"] = LINK
    section_file.write_text(yaml.safe_dump(section, allow_unicode=True), encoding="utf-8")
    return folder


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.export.split_run", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def serial(deck_folder: Path, out: Path, layout: str) -> Path:
    ensure_gui_app()
    deck = load_deck(deck_folder).deck
    assert deck is not None
    chosen = next(value for value, word, _label in LAYOUTS if word == layout)
    exporter = PdfExporter()
    exporter.export(deck, out, exporter.make_options({"layout": chosen}))
    return out


def structure(reader: PdfReader) -> dict[str, Any]:
    """What the structure gives the document: outline, labels, links, metadata, language."""

    def outline(items: list[Any]) -> list[Any]:
        return [
            outline(item) if isinstance(item, list) else (str(item.title), _dest(reader, item))
            for item in items
        ]

    links: list[tuple[int, list[float], object]] = []
    for number, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []) or []:
            obj: Any = annot.get_object()
            rect = [round(float(v), 2) for v in obj["/Rect"]]
            if "/Dest" in obj:
                links.append((number, rect, reader.get_page_number(obj["/Dest"][0].get_object())))
            else:
                links.append((number, rect, str(obj["/A"]["/URI"])))
    metadata = reader.metadata
    assert metadata is not None
    catalog: Any = reader.root_object
    return {
        "outline": outline(list(reader.outline)),
        "labels": reader.page_labels,
        "links": links,
        "metadata": {k: v for k, v in metadata.items() if k not in ("/CreationDate", "/ModDate")},
        "lang": catalog.get("/Lang"),
        "mode": catalog.get("/PageMode"),
    }


def _dest(reader: PdfReader, item: Any) -> int | None:
    return reader.get_destination_page_number(item)


def rendered(pdf: Path, prefix: Path) -> list[bytes]:
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(prefix)], check=True)
    return [page.read_bytes() for page in sorted(prefix.parent.glob(f"{prefix.name}-*.png"))]


@pytest.mark.parametrize("layout", ["slides", "notes", "handout"])
def test_a_split_export_is_the_serial_document(
    deck_folder: Path, tmp_path: Path, layout: str
) -> None:
    one = serial(deck_folder, tmp_path / "one.pdf", layout)
    two = tmp_path / "two.pdf"
    done = run("4", "export", str(deck_folder), str(two), layout)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith(f"Wrote {two}:")
    assert two.read_bytes().count(b"%%EOF") == 3  # Qt's file, the join, the structure
    first, second = PdfReader(one), PdfReader(two)
    assert len(second.pages) == len(first.pages)
    if layout == "notes":
        assert len(first.pages) > 14 + 2  # slide 3's notes run on to more pages
        last = len(second.pages)  # numbered after the parent's pages, continued ones too
        assert f"Page {last}" in " ".join(second.pages[-1].extract_text().split())
    for page_one, page_two in zip(first.pages, second.pages, strict=True):
        assert page_two.extract_text() == page_one.extract_text()
    assert structure(second) == structure(first)
    if shutil.which("qpdf"):
        check = subprocess.run(["qpdf", "--check", str(two)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    if shutil.which("pdftoppm"):
        assert rendered(two, tmp_path / "two") == rendered(one, tmp_path / "one")


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("child-full", "the disk is full"),
        (
            "child-crash",
            "the PDF could not be written completely: the second drawing process stopped",
        ),
    ],
)
def test_a_child_failure_leaves_the_target_untouched(
    deck_folder: Path, tmp_path: Path, mode: str, message: str
) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"%PDF-1.4 the previous export\n%%EOF\n")
    done = run("4", mode, str(deck_folder), str(target), "notes")
    assert done.returncode == 1
    assert done.stderr.strip() == f"tianjin-briefing: error: cannot write {target}: {message}"
    assert target.read_bytes() == b"%PDF-1.4 the previous export\n%%EOF\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.pdf"]


def test_a_cancelled_export_ends_its_child(deck_folder: Path, tmp_path: Path) -> None:
    done = run("4", "cancel", str(deck_folder), str(tmp_path / "out.pdf"), "slides")
    assert done.stdout.split("\n")[:2] == ["cancelled", "no child left"], done.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_child_ends_with_its_parent(deck_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    command = ["-m", "tests.export.split_run", "4", "hang", str(deck_folder), str(target)]
    proc = subprocess.Popen(
        [sys.executable, *command, "slides"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    with proc:
        assert proc.stdout is not None
        parent, child = map(int, proc.stdout.readline().split())
        assert parent == proc.pid
        os.kill(parent, signal.SIGKILL)
        proc.wait(10)
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)
    # The parent's own temporary file stays until the next export (desktop.core.atomic);
    # the child's never had a name.
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(".part")] == []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_without_a_fork_every_page_is_drawn_here(deck_folder: Path, tmp_path: Path) -> None:
    one = serial(deck_folder, tmp_path / "one.pdf", "handout")
    done = run("4", "no-fork", str(deck_folder), str(tmp_path / "two.pdf"), "handout")
    assert done.returncode == 0, done.stderr
    two = (tmp_path / "two.pdf").read_bytes()
    assert two.count(b"%%EOF") == 2  # Qt's file and the structure: nothing joined
    assert len(PdfReader(tmp_path / "two.pdf").pages) == len(PdfReader(one).pages)


def test_the_desktop_app_draws_in_one_process(
    deck_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test process is a QApplication, as the main window's Export dialog runs in."""
    splits: list[int] = []

    def draw_in_two(*args: Any) -> list[int]:
        splits.append(1)
        raise AssertionError("drawn in two processes")

    monkeypatch.setattr(pdf_split, "SPLIT_PAGES", 2)
    monkeypatch.setattr(pdf_split, "threads", lambda: 1)  # only the app stops it
    monkeypatch.setattr(pdf_writer, "draw_in_two", draw_in_two)
    assert not pdf_split.forkable()
    out = serial(deck_folder, tmp_path / "app.pdf", "slides")
    assert splits == []
    assert out.read_bytes().count(b"%%EOF") == 2  # Qt's file and the structure


def test_only_large_exports_without_ink_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_split, "forkable", lambda: True)
    monkeypatch.setattr(pdf_split, "free_core", lambda: True)
    assert pdf_split.can_split(pdf_split.SPLIT_PAGES)
    assert not pdf_split.can_split(pdf_split.SPLIT_PAGES - 1)
    assert not pdf_split.can_split(pdf_split.SPLIT_PAGES, with_ink=True)
    monkeypatch.setattr(pdf_split, "free_core", lambda: False)  # another program's
    assert not pdf_split.can_split(pdf_split.SPLIT_PAGES)


def test_a_free_core_is_one_nobody_else_runs_on(tmp_path: Path) -> None:
    loadavg = tmp_path / "loadavg"
    loadavg.write_text("1.50 1.20 0.90 1/160 4242\n")  # this process alone
    assert pdf_split.free_core(loadavg, processors=2)
    loadavg.write_text("1.50 1.20 0.90 2/160 4242\n")  # and another on the other core
    assert not pdf_split.free_core(loadavg, processors=2)
    assert pdf_split.free_core(loadavg, processors=4)
    loadavg.write_text("garbled\n")
    assert not pdf_split.free_core(loadavg, processors=2)
