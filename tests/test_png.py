"""Slide images: one opaque sRGB PNG per slide, named in slide order, the renderer's pixels."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from desktop.cli import main
from desktop.core.loader import load_deck
from desktop.core.model import Deck
from desktop.core.problems import UserError
from desktop.export import registry
from desktop.export.exporter import ExportCancelled
from desktop.export.png import PngOptions, image_names
from desktop.render.qtapp import ensure_gui_app
from desktop.render.renderer import SlideRenderer

EXPORTER = registry.get("png")
EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "example-deck"


@pytest.fixture(scope="module")
def deck() -> Deck:
    ensure_gui_app()
    loaded = load_deck(EXAMPLE).deck
    assert loaded is not None
    return loaded


def test_one_image_per_slide_with_the_renderers_pixels(deck: Deck, tmp_path: Path) -> None:
    folder = tmp_path / "images"
    result = EXPORTER.export(deck, folder, PngOptions(width=640))
    names = sorted(p.name for p in folder.iterdir())
    exported = deck.talk.exported(range(deck.slide_count))  # the hidden slide left out
    assert result.pages == len(exported) == len(names) == deck.slide_count - 1
    assert names == image_names(deck, exported)  # sorted is slide order
    assert names[0] == f"01-{deck.refs[0].slide.id}.png"
    renderer = SlideRenderer(deck)
    for index, name in zip(exported, names, strict=True):
        data = (folder / name).read_bytes()
        assert b"sRGB" in data[:200] or b"iCCP" in data[:200], "no colour space"
        image = QImage(str(folder / name))
        assert (image.width(), image.height()) == (640, 360)
        assert not image.hasAlphaChannel()
        expected = renderer.image(index, QSize(640, 360)).convertToFormat(image.format())
        assert bytes(image.constBits()) == bytes(expected.constBits()), f"{name} differs"
    assert result.size == sum((folder / n).stat().st_size for n in names)


def test_width_and_range_from_the_command_line(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    code = main(["export", str(EXAMPLE), "--format", "png", "-o", str(folder), "--slides", "2-3,9"])
    assert code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert [n[:3] for n in names] == ["02-", "03-", "09-"]
    assert QImage(str(folder / names[0])).size() == QSize(1920, 1080)
    code = main(["export", str(EXAMPLE), "--format", "png", "-o", str(folder), "--width", "320"])
    example = load_deck(EXAMPLE).deck
    assert example is not None
    shown = example.talk.exported(range(example.slide_count))  # not the hidden slide
    assert code == 0 and len(list(folder.iterdir())) == len(shown)  # its own replaced
    assert QImage(str(folder / names[0])).width() == 320


def test_a_folder_with_other_files_needs_force_and_keeps_them(deck: Deck, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "report.docx").write_bytes(b"keep me")
    with pytest.raises(UserError, match=r"holding 1 file besides slide images \(report.docx\)"):
        EXPORTER.export(deck, folder, PngOptions(slides=(0,), width=320))
    assert sorted(p.name for p in folder.iterdir()) == ["report.docx"]
    EXPORTER.export(deck, folder, PngOptions(slides=(0,), width=320), force=True)
    assert sorted(p.name for p in folder.iterdir()) == [image_names(deck, [0])[0], "report.docx"]
    assert (folder / "report.docx").read_bytes() == b"keep me"


def test_refused_targets(deck: Deck, tmp_path: Path) -> None:
    a_file = tmp_path / "slides.png"
    a_file.write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(UserError, match="is a file; slide images go into a folder"):
        EXPORTER.export(deck, a_file, force=True)
    with pytest.raises(UserError, match="does not exist"):
        EXPORTER.export(deck, tmp_path / "missing" / "images")
    with pytest.raises(UserError, match="holds the deck"):
        EXPORTER.export(deck, deck.root, force=True)
    # A name the export writes that holds something else is not replaced unasked.
    folder = tmp_path / "images"
    folder.mkdir()
    squatter = folder / image_names(deck, [0])[0]
    squatter.write_text("a text file\n", encoding="utf-8")
    with pytest.raises(UserError, match="not a PNG image"):
        EXPORTER.export(deck, folder, PngOptions(slides=(0,), width=320))
    assert squatter.read_text(encoding="utf-8") == "a text file\n"


def test_cancel_writes_nothing_and_removes_the_folder_it_made(deck: Deck, tmp_path: Path) -> None:
    folder = tmp_path / "new"
    with pytest.raises(ExportCancelled):
        EXPORTER.export(deck, folder, PngOptions(width=320), progress=lambda d, t: d < 4)
    assert not folder.exists()
    old = tmp_path / "old"
    EXPORTER.export(deck, old, PngOptions(slides=(0, 1), width=320))
    before = {p.name: p.read_bytes() for p in old.iterdir()}
    with pytest.raises(ExportCancelled):
        EXPORTER.export(deck, old, PngOptions(width=640), progress=lambda d, t: d < 4)
    assert {p.name: p.read_bytes() for p in old.iterdir()} == before  # no temporary left


def test_a_full_disk_while_encoding_leaves_the_folder_as_it_was(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Images encode in threads while the next slide is drawn: an encoder's error stops the
    export, and no thread writes a temporary file after the export has removed them."""
    from desktop.export import png_encode, png_writer

    old = tmp_path / "old"
    EXPORTER.export(deck, old, PngOptions(slides=(0, 1), width=320))
    before = {p.name: p.read_bytes() for p in old.iterdir()}
    encode = png_encode.encode_png
    calls: list[int] = []

    def full_disk(image: QImage) -> bytes:
        calls.append(1)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return encode(image)

    monkeypatch.setattr(png_writer, "encode_png", full_disk)
    with pytest.raises(UserError, match="the disk is full"):
        EXPORTER.export(deck, old, PngOptions(width=320))
    assert {p.name: p.read_bytes() for p in old.iterdir()} == before  # no temporary left
    assert len(calls) < deck.slide_count - 1  # the slides after the error were not encoded


def test_draw_image_is_images_picture_kept_by_no_cache(deck: Deck) -> None:
    renderer = SlideRenderer(deck)
    size = QSize(480, 270)
    cached = renderer.image(3, size)
    assert renderer.image(3, size).cacheKey() == cached.cacheKey()
    drawn = renderer.draw_image(3, size)
    assert drawn.cacheKey() not in {cached.cacheKey(), renderer.draw_image(3, size).cacheKey()}
    assert drawn.format() == cached.format()
    assert bytes(drawn.constBits()) == bytes(cached.constBits())
