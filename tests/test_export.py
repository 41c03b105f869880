"""The PDF briefing: pages, text, outline, links, fonts, metadata, atomic writing."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.core.loader import load_deck
from desktop.core.markup import plain
from desktop.core.model import Deck, Layout
from desktop.core.paging import generated_parts
from desktop.core.problems import UserError
from desktop.core.resources import bundled_deck
from desktop.core.theme import PAGE_COLORS, load_theme
from desktop.export import registry
from desktop.export.exporter import ExportCancelled
from desktop.export.pdf import PdfOptions
from desktop.export.plan import ExportLayout
from desktop.render.qtapp import ensure_gui_app
from desktop.render.renderer import SlideRenderer
from tests.conftest import DeckFactory

PDF = registry.get("pdf")


@pytest.fixture(scope="module")
def deck() -> Deck:
    ensure_gui_app()
    loaded = load_deck(bundled_deck()).deck
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def exports(deck: Deck, tmp_path_factory: pytest.TempPathFactory) -> dict[str, PdfReader]:
    folder = tmp_path_factory.mktemp("exports")
    readers = {}
    for layout in ExportLayout:
        target = folder / f"{layout.value}.pdf"
        PDF.export(deck, target, PdfOptions(layout=layout))
        readers[layout.value] = PdfReader(target)
    return readers


def test_page_counts(deck: Deck, exports: dict[str, PdfReader]) -> None:
    n = deck.slide_count
    # The bundled deck has its own agenda and sources slides.
    assert len(exports["slides"].pages) == n
    assert len(exports["notes"].pages) == n + 2  # agenda page, a page per slide, sources
    assert len(exports["handout"].pages) == math.ceil(n / 3) + 2


def test_slide_pages_have_the_deck_aspect(exports: dict[str, PdfReader]) -> None:
    box = exports["slides"].pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=1e-3)
    a4 = exports["notes"].pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)


@pytest.mark.parametrize("layout", ["slides", "notes", "handout"])
def test_text_is_searchable_in_english_and_chinese(
    deck: Deck, exports: dict[str, PdfReader], layout: str
) -> None:
    text = "\n".join(page.extract_text() for page in exports[layout].pages)
    flat = " ".join(text.split())
    for section in deck.sections:
        assert section.title_zh == "" or section.title_zh in "".join(text.split()), section.title_zh
        # English titles may wrap across lines; compare with whitespace folded.
        assert " ".join(plain(section.title).split()) in flat or layout == "slides", section.title


def test_slides_text_contains_every_section_title(
    deck: Deck, exports: dict[str, PdfReader]
) -> None:
    text = " ".join(" ".join(p.extract_text() for p in exports["slides"].pages).split())
    for section in deck.sections:
        words = plain(section.title).split()
        assert " ".join(words[:3]) in text, section.title


def _outline(reader: PdfReader) -> Iterator[tuple[str, int, list[tuple[str, int]]]]:
    items: list[Any] = list(reader.outline)
    index = 0
    while index < len(items):
        item = items[index]
        assert not isinstance(item, list)
        children: list[tuple[str, int]] = []
        if index + 1 < len(items) and isinstance(items[index + 1], list):
            nested = items[index + 1]
            assert isinstance(nested, list)
            children = [(str(c.title), _page(reader, c)) for c in nested]
            index += 1
        yield str(item.title), _page(reader, item), children
        index += 1


@pytest.mark.parametrize("layout", ["slides", "notes", "handout"])
def test_outline_has_sections_and_slides(
    deck: Deck, exports: dict[str, PdfReader], layout: str
) -> None:
    reader = exports[layout]
    entries = list(_outline(reader))
    titles = [title for title, _, _ in entries]
    assert titles[0] == "Agenda"
    assert titles[-1] == "Sources"
    sections = [e for e in entries if e[2]]
    assert len(sections) == len(deck.sections)
    for (title, page, children), section in zip(sections, deck.sections, strict=True):
        assert title.startswith(plain(section.title))
        if section.title_zh:
            assert section.title_zh in title
        assert len(children) == len(section.slides)
        assert children[0][1] == page
        assert [c[1] for c in children] == sorted(c[1] for c in children)
    if layout == "notes":
        # one page per slide after the agenda page
        first = sections[1][2][0]
        assert first[1] == deck.section_start(1) + 1


def _page(reader: PdfReader, destination: Any) -> int:
    number = reader.get_destination_page_number(destination)
    assert number is not None
    return number


def _links(reader: PdfReader) -> list[tuple[int, int]]:
    found = []
    for number, page in enumerate(reader.pages):
        annots: Any = page.get("/Annots", [])
        for annot in annots or []:
            obj: Any = annot.get_object()
            if obj.get("/Subtype") != "/Link":
                continue
            target = reader.get_page_number(obj["/Dest"][0].get_object())
            assert target is not None
            found.append((number, target))
    return found


@pytest.mark.parametrize("layout", ["slides", "notes", "handout"])
def test_agenda_links_point_at_sections(
    deck: Deck, exports: dict[str, PdfReader], layout: str
) -> None:
    reader = exports[layout]
    links = _links(reader)
    assert len(links) == len(deck.sections)
    section_pages = [page for _, page, children in _outline(reader) if children]
    assert [target for _, target in links] == section_pages
    outline = list(_outline(reader))
    agenda_pages = {next(page for title, page, _ in outline if title == "Agenda")}
    if layout == "slides":  # the agenda's parts are slide pages, each with its links
        agenda_pages |= {p for _, _, kids in outline for title, p in kids if "Agenda" in title}
    assert {source for source, _ in links} == agenda_pages


@pytest.mark.parametrize("layout", ["slides", "notes"])
def test_fonts_are_embedded(exports: dict[str, PdfReader], layout: str) -> None:
    reader = exports[layout]
    names = set()
    for page in reader.pages:
        resources: Any = page["/Resources"].get_object()
        fonts: Any = resources.get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                desc = descendant.get_object()["/FontDescriptor"].get_object()
                assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), desc
                names.add(str(desc["/FontName"]))
    assert any(n.endswith("BriefingSans-Regular") for n in names), names
    assert any(n.endswith("BriefingSansSC-Regular") for n in names), names


def test_metadata(deck: Deck, exports: dict[str, PdfReader]) -> None:
    meta = exports["slides"].metadata
    assert meta is not None
    assert meta.title == plain(deck.title)
    assert meta.author == deck.author
    assert meta.subject == plain(deck.subtitle)
    assert "Green and low-carbon development" in str(meta.get("/Keywords"))
    assert meta.creation_date is not None


def test_page_labels(deck: Deck, exports: dict[str, PdfReader]) -> None:
    assert exports["slides"].page_labels[:3] == ["1", "2", "3"]
    notes = exports["notes"].page_labels
    assert notes[0] == "Agenda"
    assert notes[1] == "1"
    assert notes[-1] == "Sources"


def test_generated_agenda_and_sources(make_deck: DeckFactory, tmp_path: Path) -> None:
    ensure_gui_app()
    small = load_deck(make_deck()).deck
    assert small is not None
    target = tmp_path / "small.pdf"
    result = PDF.export(small, target)
    # two slides, plus a generated agenda (the deck has none) and sources page
    assert result.pages == 4
    reader = PdfReader(target)
    assert reader.page_labels == ["Agenda", "1", "2", "Sources"]
    text = " ".join(reader.pages[3].extract_text().split())
    assert "Publisher, 2024-03-04: A source" in text
    assert _links(reader) == [(0, 1)]


def test_slide_range(deck: Deck, tmp_path: Path) -> None:
    options = PdfOptions(slides=(3, 4, 5))
    result = PDF.export(deck, tmp_path / "part.pdf", options)
    # and the generated agenda and sources, each in as many parts as the deck's own
    parts = sum(generated_parts(deck, layout) for layout in (Layout.AGENDA, Layout.SOURCES))
    assert result.pages == 3 + parts > 5


def _fail_at(page: int) -> object:
    def progress(done: int, total: int) -> bool:
        if done == page:
            raise RuntimeError("injected failure")
        return True

    return progress


def test_failure_mid_export_keeps_the_old_file(deck: Deck, tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"%PDF-old file")
    with pytest.raises(RuntimeError, match="injected"):
        PDF.export(deck, target, progress=_fail_at(5))  # type: ignore[arg-type]
    assert target.read_bytes() == b"%PDF-old file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.pdf"]


def test_cancel_keeps_the_old_file(deck: Deck, tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"%PDF-old")  # a file that is not a PDF is not replaced at all
    with pytest.raises(ExportCancelled):
        PDF.export(deck, target, progress=lambda done, total: done < 3)
    assert target.read_bytes() == b"%PDF-old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefing.pdf"]


def test_refused_targets(deck: Deck, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="is a folder"):
        PDF.export(deck, tmp_path)
    with pytest.raises(UserError, match="is a deck file"):
        PDF.export(deck, deck.root / "deck.yaml")
    with pytest.raises(UserError, match="does not exist"):
        PDF.export(deck, tmp_path / "missing" / "x.pdf")
    with pytest.raises(UserError, match="cannot write"):
        PDF.export(deck, Path("/proc/briefing.pdf"))


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_no_text_outside_its_box(deck: Deck, aspect: str) -> None:
    variant = dataclasses.replace(deck, aspect=aspect)
    renderer = SlideRenderer(variant)
    width, height = variant.canvas_size
    for ref in variant.refs:
        layout = renderer.layout(ref.index)
        for box in layout.boxes:
            assert not box.overflow, f"slide {ref.index + 1} {box.name} overflows ({aspect})"
            content_w, content_h = box.content_size()
            assert content_w <= box.rect.width() + 1, (ref.index + 1, box.name)
            assert content_h <= box.rect.height() + 1, (ref.index + 1, box.name)
            assert box.rect.left() >= 0 and box.rect.right() <= width + 0.5
            assert box.rect.top() >= 0 and box.rect.bottom() <= height + 0.5
    assert any(ref.slide.layout is Layout.FIGURES for ref in variant.refs)


def test_svg_images_stay_vector(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "docs" / "example-deck"
    loaded = load_deck(example).deck
    assert loaded is not None
    index = next(r.index for r in loaded.refs if r.slide.layout is Layout.IMAGE)
    image = loaded.refs[index].slide.image
    assert image is not None
    assert image.path.suffix == ".svg"
    target = tmp_path / "svg.pdf"
    PDF.export(loaded, target, PdfOptions(slides=(index,)))
    page: Any = PdfReader(target).pages[0]
    xobjects = page["/Resources"].get("/XObject", {})
    images = [x for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image"]
    assert images == [], "the SVG was rasterised"


NO_FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def test_cjk_exports_on_a_machine_without_cjk_fonts(tmp_path: Path) -> None:
    """With fontconfig seeing no fonts at all, the bundled fonts still draw everything."""
    import os
    import subprocess
    import sys

    conf = tmp_path / "fonts.conf"
    conf.write_text(NO_FONTS_CONF.format(cache=tmp_path / "cache"), encoding="utf-8")
    target = tmp_path / "nofonts.pdf"
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "export", "-o", str(target), "--slides", "1-9"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    reader = PdfReader(target)
    text = "".join("".join(p.extract_text().split()) for p in reader.pages)
    assert "京津冀协同发展纵深推进行动" in text
    assert "十项行动" in text


def test_theme_logo_is_drawn(make_deck: DeckFactory) -> None:
    from desktop.render.items import Picture

    theme = (Path(__file__).parents[1] / "resources/themes/default.yaml").read_text("utf-8")
    logo = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="170" height="70">'
        '<rect width="60" height="60"/></svg>'
    )
    folder = make_deck(
        {
            "deck.yaml": "title: T\ntheme: brand.yaml\nsections: [a.yaml]\n"
            "sources: [{id: src, title: S}]\n",
            "brand.yaml": theme + "logo: brand.svg\n",
            "brand.svg": logo,
        }
    )
    loaded = load_deck(folder).deck
    assert loaded is not None
    renderer = SlideRenderer(loaded)
    assert renderer.theme.logo == (folder / "brand.svg").resolve()
    for ref in loaded.refs:
        pictures = [i for i in renderer.layout(ref.index).items if isinstance(i, Picture)]
        assert len(pictures) == 1 and pictures[0].valid


def _colours(reader: PdfReader) -> set[str]:
    """Every fill and stroke colour the pages set, as ``#rrggbb``."""
    found: set[str] = set()
    for page in reader.pages:
        data = page.get_contents()
        assert data is not None
        stream = data.get_data().decode("latin-1")
        for match in re.finditer(r"([\d.]+) ([\d.]+) ([\d.]+) (?:scn|SCN)\b", stream):
            found.add("#" + "".join(f"{round(float(x) * 255):02x}" for x in match.groups()))
    return found


def test_a4_pages_take_their_colours_from_the_theme(deck: Deck, tmp_path: Path) -> None:
    """Notes and handout pages are in the theme's page colours, not the desktop's."""
    from PySide6.QtGui import QColor, QGuiApplication, QPalette

    contrast = load_theme("high-contrast")
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    before = app.palette()
    odd = QPalette(before)
    odd.setColor(QPalette.ColorRole.Text, QColor("#ff00ff"))  # a desktop palette of its own
    app.setPalette(odd)
    try:
        for theme in (contrast, load_theme("default")):
            colours: set[str] = set()
            for layout in (ExportLayout.NOTES, ExportLayout.HANDOUT):
                target = tmp_path / f"{theme.key}-{layout.value}.pdf"
                options = PdfOptions(layout=layout, slides=(1, 2), theme=theme)
                PDF.export(deck, target, options)
                colours |= _colours(PdfReader(target))
            assert {theme.color(name) for name in PAGE_COLORS} <= colours
            assert "#ff00ff" not in colours, "the notes took the desktop's text colour"
            if theme is contrast:
                assert not colours & set(PAGE_COLORS.values()), "a default page colour was used"
    finally:
        app.setPalette(before)


def _handout_frames(
    deck: Deck, per_page: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[list[tuple[float, float, float, float]]], list[list[float]], list[float]]:
    """Each handout page's slide frames (x, y, w, h), the y of its writing lines, and its
    content width, as the page code draws them."""
    from desktop.export import pages  # the handout pages (export/handout.py) draw through it

    frames: list[list[tuple[float, float, float, float]]] = []
    lines: list[list[float]] = []
    bodies: list[float] = []
    real_frame, real_line, real_chrome, real_new_page = (
        pages.PageDrawer.slide_frame,
        pages.PageDrawer.line,
        pages.PageDrawer.chrome,
        pages.PageDrawer.new_page,
    )

    def new_page(self: pages.PageDrawer) -> None:
        frames.append([])
        lines.append([])
        bodies.append(0.0)
        real_new_page(self)

    def chrome(self: pages.PageDrawer, right: str) -> Any:
        body = real_chrome(self, right)
        bodies[-1] = body.width()
        return body

    def slide_frame(self: pages.PageDrawer, index: int, rect: Any) -> Any:
        drawn = real_frame(self, index, rect)
        frames[-1].append((drawn.x(), drawn.y(), drawn.width(), drawn.height()))
        return drawn

    def line(self: pages.PageDrawer, x1: float, y1: float, *args: Any) -> None:
        lines[-1].append(y1)
        real_line(self, x1, y1, *args)

    monkeypatch.setattr(pages.PageDrawer, "slide_frame", slide_frame)
    monkeypatch.setattr(pages.PageDrawer, "line", line)
    monkeypatch.setattr(pages.PageDrawer, "chrome", chrome)
    monkeypatch.setattr(pages.PageDrawer, "new_page", new_page)
    PDF.export(
        deck,
        tmp_path / "handout.pdf",
        PdfOptions(layout=ExportLayout.HANDOUT, per_page=per_page),
    )
    return frames, lines, bodies


def test_six_a_page_is_a_two_by_three_grid(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames, _, _ = _handout_frames(deck, 6, tmp_path, monkeypatch)
    full = [page for page in frames if len(page) == 6]
    assert full, "the bundled deck fills at least one page of six"
    for page in full:
        lefts = sorted({round(x) for x, _, _, _ in page})
        tops = sorted({round(y) for _, y, _, _ in page})
        assert len(lefts) == 2 and len(tops) == 3, page  # two columns, three rows
        assert len({(round(w), round(h)) for _, _, w, h in page}) == 1  # one size
        # in reading order: left to right, then down
        assert [(round(y), round(x)) for x, y, _, _ in page] == sorted(
            (round(y), round(x)) for x, y, _, _ in page
        )


def test_one_a_page_is_full_width_with_lines_below(
    deck: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames, lines, bodies = _handout_frames(deck, 1, tmp_path, monkeypatch)
    slide_pages = [(f, ls, b) for f, ls, b in zip(frames, lines, bodies, strict=True) if f]
    assert len(slide_pages) == deck.slide_count
    for (frame,), page_lines, width in slide_pages:
        _, y, w, h = frame
        assert w == pytest.approx(width, abs=1)  # the content's full width
        below = [ly for ly in page_lines if ly > y + h]
        assert len(below) >= 5, "room to write under the slide"
