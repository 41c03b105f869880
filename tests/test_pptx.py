"""The PowerPoint export: native text in placeholders, notes, sections, fonts, pictures, package."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath
from types import SimpleNamespace
from typing import Any

import pytest
from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.opc.package import XmlPart
from pptx.oxml.ns import qn

from desktop.core.loader import load_deck
from desktop.core.markup import parse_inline, plain
from desktop.core.model import Deck, Layout
from desktop.core.problems import UserError
from desktop.core.resources import bundled_deck
from desktop.core.theme import load_theme
from desktop.export import registry
from desktop.export.exporter import ExportCancelled
from desktop.export.plan import ExportLayout, plan_pages
from desktop.export.pptx import PPTX, PptxOptions
from desktop.export.pptx_text import CJK
from desktop.export.pptx_writer import build
from desktop.render.notes import notes_document
from desktop.render.qtapp import ensure_gui_app
from desktop.render.renderer import SlideRenderer
from tests.conftest import DeckFactory, section_yaml

EXPORTER = registry.get("pptx")
EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "example-deck"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}


def _load(folder: Path) -> Deck:
    ensure_gui_app()
    loaded = load_deck(folder).deck
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Deck, Path]:
    deck = _load(bundled_deck())
    target = tmp_path_factory.mktemp("pptx") / "briefing.pptx"
    EXPORTER.export(deck, target)
    return deck, target


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Deck, Path]:
    deck = _load(EXAMPLE)
    target = tmp_path_factory.mktemp("pptx") / "example.pptx"
    EXPORTER.export(deck, target)
    return deck, target


def _exported(deck: Deck) -> list[Any]:
    """The slides an export has, in order: the hidden ones left out (the example has one)."""
    return [deck.refs[i] for i in deck.talk.exported(range(deck.slide_count))]


def _titles(slide: Any) -> list[str]:
    return [
        shape.text_frame.text
        for shape in slide.placeholders
        if shape.placeholder_format.type in TITLES
    ]


def test_every_slide_is_native_text_with_its_title_in_the_title_placeholder(
    example: tuple[Deck, Path],
) -> None:
    deck, path = example
    presentation: Any = Presentation(str(path))
    slides = list(presentation.slides)
    # the example has its own agenda and sources, and a hidden slide that is not exported
    assert len(slides) == len(_exported(deck)) == deck.slide_count - 1
    assert presentation.slide_width * 9 == presentation.slide_height * 16
    for ref, slide in zip(_exported(deck), slides, strict=True):
        kinds = [shape.shape_type for shape in slide.shapes]
        texts = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]
        assert texts, f"slide {ref.index + 1} has no native text"
        assert kinds.count(MSO_SHAPE_TYPE.PICTURE) <= 1 + (ref.slide.layout is Layout.IMAGE)
        title = ref.slide.title or ref.slide.layout.default_title
        if ref.slide.layout is Layout.TITLE:
            assert _titles(slide) == [plain(ref.slide.title or deck.title)]
            subtitle = [
                s.text_frame.text
                for s in slide.placeholders
                if s.placeholder_format.type is PP_PLACEHOLDER.SUBTITLE
            ]
            assert subtitle == [plain(ref.slide.subtitle or deck.subtitle)]
        elif ref.slide.layout is Layout.SECTION:
            (text,) = _titles(slide)
            assert plain(ref.section.title) in text and ref.section.title_zh in text
        else:
            assert _titles(slide) == ([plain(title)] if title else [])


def test_bullets_are_paragraphs_with_levels_in_the_body_placeholder(
    example: tuple[Deck, Path],
) -> None:
    deck, path = example
    presentation: Any = Presentation(str(path))
    checked = 0
    for ref, slide in zip(_exported(deck), presentation.slides, strict=True):
        if ref.slide.layout is Layout.BULLETS:
            bodies = [s for s in slide.placeholders if s.placeholder_format.idx == 1]
            groups = [ref.slide.bullets]
        elif ref.slide.layout is Layout.TWO_COLUMN:
            bodies = sorted(
                (s for s in slide.placeholders if s.placeholder_format.idx in (1, 2)),
                key=lambda s: s.placeholder_format.idx,
            )
            groups = [ref.slide.left, ref.slide.right]
        else:
            continue
        assert len(bodies) == len(groups)
        for body, bullets in zip(bodies, groups, strict=True):
            expected = []
            for bullet in bullets:
                expected.append((0, plain(bullet.text)))
                expected.extend((1, plain(child)) for child in bullet.children)
            paragraphs = body.text_frame.paragraphs
            assert [(p.level, "".join(r.text for r in p.runs)) for p in paragraphs] == expected
            for paragraph in paragraphs:
                assert paragraph._p.pPr.find(qn("a:buChar")) is not None
            bold = [r.text for p in paragraphs for r in p.runs if r.font.bold]
            emphasised = [
                run.text for bullet in bullets for run in parse_inline(bullet.text) if run.bold
            ]
            assert bold == emphasised
        checked += 1
    assert checked >= 2


def test_notes_sections_and_properties(bundled: tuple[Deck, Path]) -> None:
    deck, path = bundled
    presentation: Any = Presentation(str(path))
    slides = list(presentation.slides)
    by_id = {slide.slide_id: slide for slide in slides}
    # One slide per page of the PDF's slide pages: here the deck's own slides.
    assert len(slides) == deck.slide_count
    noted = 0
    for ref, slide in zip(deck.refs, slides, strict=True):
        if ref.slide.notes.strip():
            expected = notes_document(ref.slide.notes).toPlainText()
            written = slide.notes_slide.notes_text_frame.text
            assert written.split() == expected.split(), f"slide {ref.index + 1}"
            noted += 1
    assert noted > 20
    root = etree.fromstring(zipfile.ZipFile(path).read("ppt/presentation.xml"))
    sections = root.findall(f".//{{{P14}}}section")
    names = [s.get("name") for s in sections]
    assert names == [
        f"{plain(s.title)} · {s.title_zh}" if s.title_zh else plain(s.title) for s in deck.sections
    ]
    listed = [int(i.get("id", "")) for s in sections for i in s.iter(f"{{{P14}}}sldId")]
    assert listed == [slide.slide_id for slide in slides] and set(listed) == set(by_id)
    core = presentation.core_properties
    assert core.title == plain(deck.title) and core.author == deck.author
    assert core.subject == (plain(deck.subtitle) or plain(deck.title))
    assert core.keywords.startswith(plain(deck.sections[0].title) + ", ")
    assert len(core.keywords) <= 255


def test_every_cjk_run_names_an_east_asian_font(bundled: tuple[Deck, Path]) -> None:
    _, path = bundled
    cjk_runs = 0
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not re.fullmatch(r"ppt/(slides|notesSlides)/\w+\.xml", name):
                continue
            root = etree.fromstring(package.read(name))
            for run in root.iter(qn("a:r")):
                text = run.findtext(qn("a:t")) or ""
                if not CJK.search(text):
                    continue
                cjk_runs += 1
                r_pr = run.find(qn("a:rPr"))
                assert r_pr is not None and r_pr.get("lang") == "zh-CN", (name, text)
                ea = r_pr.find(qn("a:ea"))
                assert ea is not None and ea.get("typeface") == "Microsoft YaHei", (name, text)
    assert cjk_runs > 20


def test_theme_colours_and_fonts(bundled: tuple[Deck, Path]) -> None:
    deck, path = bundled
    theme = load_theme(deck.theme, deck.root)
    root = etree.fromstring(zipfile.ZipFile(path).read("ppt/theme/theme1.xml"))
    scheme = root.find(f".//{qn('a:clrScheme')}")
    assert scheme is not None
    for name, element in (("accent", "accent1"), ("text", "dk1"), ("background", "lt1")):
        value = scheme.find(f"{qn('a:' + element)}/{qn('a:srgbClr')}")
        assert value is not None and value.get("val") == theme.color(name).lstrip("#").upper()
    minor = root.find(f".//{qn('a:minorFont')}")
    assert minor is not None
    assert minor.find(qn("a:latin")).get("typeface") == "Arial"  # type: ignore[union-attr]
    assert minor.find(qn("a:ea")).get("typeface") == "Microsoft YaHei"  # type: ignore[union-attr]
    # Runs in the theme's accent refer to the theme colour, so a new scheme recolours them.
    slide = etree.fromstring(zipfile.ZipFile(path).read("ppt/slides/slide3.xml"))
    assert slide.findall(f".//{qn('a:schemeClr')}[@val='accent1']")


def test_svg_picture_has_a_png_fallback_and_agenda_links(example: tuple[Deck, Path]) -> None:
    deck, path = example
    index = next(n for n, r in enumerate(_exported(deck)) if r.slide.layout is Layout.IMAGE)
    presentation: Any = Presentation(str(path))
    slide = presentation.slides[index]
    pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    (picture,) = [p for p in pictures if p.name == "images/site-plan.svg"]
    assert picture.image.content_type == "image/png"
    svg = picture._element.find(f".//{SVG_BLIP}")
    assert svg is not None
    part = slide.part.related_part(svg.get(qn("r:embed")))
    assert part.content_type == "image/svg+xml"
    assert part.blob == (EXAMPLE / "images" / "site-plan.svg").read_bytes()
    agenda = presentation.slides[
        next(r.index for r in deck.refs if r.slide.layout is Layout.AGENDA)
    ]
    targets = [
        s.click_action.target_slide
        for s in agenda.shapes
        if s.has_text_frame and s.click_action.target_slide is not None
    ]
    shown = _exported(deck)  # positions in the file: the hidden slide is not there
    firsts = [next(n for n, r in enumerate(shown) if r.section_index == i) for i in (0, 1)]
    linked = [presentation.slides.index(t) for t in targets]  # numbers and names link
    assert list(dict.fromkeys(linked)) == firsts and len(linked) >= len(firsts)


def test_the_package_is_sound(example: tuple[Deck, Path]) -> None:
    """Every part is declared and well-formed XML; every internal relationship resolves."""
    _, path = example
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        names = set(package.namelist())
        types = etree.fromstring(package.read("[Content_Types].xml"))
        defaults = {d.get("Extension", "").lower() for d in types if d.tag.endswith("Default")}
        overrides = {o.get("PartName") for o in types if o.tag.endswith("Override")}
        for name in names:
            if name == "[Content_Types].xml" or name.endswith("/"):
                continue
            declared = f"/{name}" in overrides or name.rsplit(".", 1)[-1].lower() in defaults
            assert declared, name
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))
        for rels in (n for n in names if n.endswith(".rels")):
            base = PurePosixPath(rels).parent.parent
            for rel in etree.fromstring(package.read(rels)):
                if rel.get("TargetMode") == "External":
                    continue
                target = str(PurePosixPath(base, rel.get("Target", "")))
                resolved = PurePosixPath(*_normalise(target))
                assert str(resolved).lstrip("/") in names, (rels, rel.get("Target"))
    assert PPTX.matches(path.read_bytes()[:512])


def _normalise(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part and part != ".":
            parts.append(part)
    return parts


def test_notes_markdown_is_paragraphs_lists_and_safe_links(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    notes = (
        "Say **this** first.\\n\\n- one\\n  - one and a half\\n- two\\n\\n1. first\\n\\n"
        "See [the report](https://example.org/r), not [this](file:///etc/passwd)"
        " or <b>html</b> ![a map](map.png)"
    )
    folder = make_deck(
        {
            "a.yaml": section_yaml(
                "A",
                f'{{layout: bullets, title: T, bullets: [x], sources: [src], notes: "{notes}"}}',
            )
        }
    )
    deck = _load(folder)
    target = tmp_path / "notes.pptx"
    EXPORTER.export(deck, target, PptxOptions(slides=(0,)))
    presentation: Any = Presentation(str(target))
    slide = next(s for s in presentation.slides if s.has_notes_slide)
    paragraphs = slide.notes_slide.notes_text_frame.paragraphs
    texts = [p.text for p in paragraphs]
    assert texts[:5] == ["Say this first.", "one", "one and a half", "two", "first"]
    assert [p.level for p in paragraphs[1:5]] == [0, 1, 0, 0]
    assert paragraphs[4]._p.pPr.find(qn("a:buAutoNum")) is not None
    assert [r.text for r in paragraphs[0].runs if r.font.bold] == ["this"]
    last = paragraphs[-1]
    assert "<b>html</b>" in last.text and "[image: a map]" in last.text
    links = [(r.text, r.hyperlink.address) for r in last.runs if r.hyperlink.address]
    assert links == [("the report", "https://example.org/r")]


def test_safety_like_the_pdf(bundled: tuple[Deck, Path], tmp_path: Path) -> None:
    deck, _ = bundled
    notes = tmp_path / "briefing.pptx"
    notes.write_text("my notes\n", encoding="utf-8")
    with pytest.raises(UserError, match="not a PowerPoint file; to replace it"):
        EXPORTER.export(deck, notes)
    archive = tmp_path / "old.pptx"
    with zipfile.ZipFile(archive, "w") as plain_zip:
        plain_zip.writestr("a.txt", "not a presentation")
    with pytest.raises(UserError, match="already exists"):
        EXPORTER.export(deck, archive)
    old = tmp_path / "cancel.pptx"
    EXPORTER.export(deck, old, PptxOptions(slides=(0,)))
    before = old.read_bytes()
    with pytest.raises(ExportCancelled):
        EXPORTER.export(deck, old, progress=lambda done, total: done < 3)
    assert old.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["briefing.pptx", "old.pptx", "cancel.pptx"]
    )
    steps: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        steps.append((done, total))
        return True

    EXPORTER.export(deck, old, PptxOptions(slides=(2, 3)), progress=progress)
    # the two slides, then the generated agenda and sources (in parts) the PDF also adds
    total = len(plan_pages(deck, ExportLayout.SLIDES, [2, 3]))
    assert total > 2 and steps == [(n, total) for n in range(1, total + 1)]


def test_finished_slides_are_kept_as_bytes_not_xml_trees(bundled: tuple[Deck, Path]) -> None:
    """A long export holds each written slide, its notes and charts as their XML bytes (the
    trees were most of its memory); the file is the same, its links and notes included."""
    deck, path = bundled
    renderer = SlideRenderer(deck)
    pages = plan_pages(deck, ExportLayout.SLIDES, list(deck.talk.exported(range(deck.slide_count))))
    job: Any = SimpleNamespace(step=lambda done, total: True)
    presentation = build(deck, renderer, pages, job)
    parts = list(presentation.part.package.iter_parts())
    slides = [p for p in parts if p.partname.startswith("/ppt/slides/slide")]
    trees = [p for p in slides if isinstance(p, XmlPart)]
    assert len(slides) == len(pages) and 0 < len(trees) < 3
    assert all(b"hlinksldjump" in p.blob for p in trees)  # the agenda's, linked at the end
    live = {rel.target_part for slide in trees for rel in slide.rels.values()}
    for kind in ("/ppt/notesSlides/", "/ppt/charts/"):
        others = [p for p in parts if p.partname.startswith(kind) and p not in live]
        assert others and not [p for p in others if isinstance(p, XmlPart)]
    # one part per slide, each reached by one name: nothing written twice
    assert len({p.partname for p in parts}) == len(parts)
    saved: Any = Presentation(str(path))
    agenda = saved.slides[1]
    linked = [s.click_action.target_slide for s in agenda.shapes if s.click_action.target_slide]
    assert linked and all(s.slide_id in {x.slide_id for x in saved.slides} for s in linked)
