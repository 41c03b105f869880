"""The exporter interface and registry: formats chosen, options declared once, a new format."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import ClassVar

import pytest

from desktop.cli import build_parser, main
from desktop.core.loader import load_deck
from desktop.core.model import Deck
from desktop.core.targets import FileFormat, TargetError
from desktop.export import registry
from desktop.export.exporter import ExportCancelled, ExportOptions, option
from desktop.export.pdf import PdfExporter, PdfOptions
from desktop.export.plan import HANDOUT_PER_PAGE, ExportLayout
from tests.conftest import DeckFactory
from tests.fake_exporter import ListExporter, ListOptions, slide_list_format


@pytest.fixture
def deck(make_deck: DeckFactory) -> Deck:
    loaded = load_deck(make_deck()).deck
    assert loaded is not None
    return loaded


def test_the_format_comes_from_the_name_then_the_suffix_then_the_default() -> None:
    pdf = registry.get("pdf")
    formats = ("pdf", "pptx", "png")
    assert isinstance(pdf, PdfExporter) and registry.names() == formats
    with slide_list_format() as listing:
        assert registry.for_output(Path("a.txt")) is listing
        assert registry.for_output(Path("A.TXT")) is listing
        assert registry.for_output(Path("a.txt"), "pdf") is pdf
        assert registry.for_output(Path("a.PDF")) is pdf
        assert registry.for_output(Path("briefing")) is pdf  # as before: a PDF named so
        assert registry.for_output(Path("notes.docx")) is pdf
        assert registry.for_output(Path("Briefing.PPTX")) is registry.get("pptx")
        assert registry.for_output(Path("slides.png")) is pdf  # images go into a folder
        assert registry.for_options(ListOptions()) is listing
        assert registry.for_options(PdfOptions()) is pdf
    assert registry.names() == formats
    with pytest.raises(KeyError):
        registry.for_options(ExportOptions())


def test_a_folder_format_is_never_chosen_by_suffix() -> None:
    class Folder(ListExporter):
        name: ClassVar[str] = "folder"
        writes_folder: ClassVar[bool] = True

        @dataclasses.dataclass(frozen=True)
        class Options(ExportOptions):
            pass

        options_type = Options  # type: ignore[assignment]

    folder = registry.register(Folder())
    try:
        assert folder.suffix == ""
        assert registry.for_output(Path("slides.txt")) is registry.get("pdf")
        assert registry.for_output(Path("slides"), "folder") is folder
    finally:
        registry.unregister("folder")


def test_registering_refuses_a_second_name_suffix_options_or_flag() -> None:
    with pytest.raises(ValueError, match="has this name or suffix"):
        registry.register(PdfExporter())

    class Other(ListExporter):
        name: ClassVar[str] = "other"
        file_format: ClassVar[FileFormat] = FileFormat("other", ".pdf", (b"x",))

    with pytest.raises(ValueError, match="has this name or suffix"):
        registry.register(Other())

    class SameOptions(ListExporter):
        name: ClassVar[str] = "same"
        file_format: ClassVar[FileFormat] = FileFormat("same", ".same", (b"x",))
        options_type = PdfOptions  # type: ignore[assignment]

    with pytest.raises(ValueError, match="has these options"):
        registry.register(SameOptions())

    @dataclasses.dataclass(frozen=True)
    class Clash(ExportOptions):
        per_page: int = option(2, "Per page", "per page", choices=[(2, 2, "2"), (8, 8, "8")])

    class Clashing(ListExporter):
        name: ClassVar[str] = "clash"
        file_format: ClassVar[FileFormat] = FileFormat("clash", ".clash", (b"x",))
        options_type = Clash  # type: ignore[assignment]

    with pytest.raises(ValueError, match="--per-page is declared otherwise"):
        registry.register(Clashing())
    assert registry.names() == ("pdf", "pptx", "png")


def _action(parser: argparse.ArgumentParser, flag: str) -> argparse.Action:
    return next(a for a in parser._actions if flag in a.option_strings)


def test_one_definition_of_the_handout_sizes() -> None:
    export = build_parser().commands["export"]
    assert list(_action(export, "--per-page").choices or ()) == list(HANDOUT_PER_PAGE)
    assert list(_action(export, "--layout").choices or ()) == [x.value for x in ExportLayout]
    specs = {spec.name: spec for spec in registry.get("pdf").options()}
    assert [c.value for c in specs["per_page"].choices] == list(HANDOUT_PER_PAGE)
    assert specs["per_page"].default == PdfOptions().per_page == 3
    with pytest.raises(ValueError, match="1, 2, 3, 4, 6 slides, not 5"):
        PdfOptions(per_page=5)


def test_options_of_one_format_only(deck: Deck, tmp_path: Path) -> None:
    pdf = registry.get("pdf")
    with pytest.raises(TypeError):
        pdf.make_options({"width": 30})
    with pytest.raises(TypeError, match="PDF export needs PdfOptions"):
        pdf.export(deck, tmp_path / "x.pdf", ListOptions())
    assert not (tmp_path / "x.pdf").exists()


def test_a_new_format_on_the_command_line(
    deck: Deck, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = str(deck.root)
    listing = tmp_path / "slides.txt"
    with slide_list_format():
        assert main(["export", root, "-o", str(listing)]) == 0
        assert listing.read_text(encoding="utf-8").splitlines() == [
            "# slides",
            "1. First section",
            "2. Points",
        ]
        assert f"Wrote {listing}: 2 slides" in capsys.readouterr().out
        other = tmp_path / "slides.out"
        assert (
            main(["export", root, "--format", "list", "-o", str(other), "--line-width", "20"]) == 0
        )
        assert other.read_text(encoding="utf-8").startswith("# slides\n")
        for wrong, message in (
            (["-o", str(listing), "--layout", "notes"], "--layout: not an option of the list"),
            (
                ["-o", str(tmp_path / "a.pdf"), "--line-width", "30"],
                "--line-width: not an option of the pdf",
            ),
            (
                ["-o", str(listing), "--line-width", "5"],
                "--line-width: 5 is not between 20 and 200",
            ),
        ):
            with pytest.raises(SystemExit) as stop:
                main(["export", root, *wrong])
            assert stop.value.code == 2
            assert message in capsys.readouterr().err
        help_text = build_parser().commands["export"].format_help()
        assert "characters per line (default: 72; list only)" in " ".join(help_text.split())
    assert "--line-width" not in build_parser().commands["export"].format_help()


def test_a_new_format_gets_progress_cancel_and_the_target_rule(deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "slides.txt"
    target.write_text("# slides\nold\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []

    def cancel_at_two(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    exporter = ListExporter()
    with pytest.raises(ExportCancelled):
        exporter.export(deck, target, progress=cancel_at_two)
    assert seen == [(1, 2), (2, 2)]
    assert target.read_text(encoding="utf-8") == "# slides\nold\n"
    assert sorted(p.name for p in out.iterdir()) == ["slides.txt"]
    notes = out / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(TargetError, match=r"is a text file \(9 bytes\), not a slide list"):
        exporter.export(deck, notes)
    result = exporter.export(deck, notes, ListOptions(slides=(1,)), force=True)
    assert (result.path, result.pages) == (notes, 1)
