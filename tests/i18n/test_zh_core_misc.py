"""Under zh_CN, the core's and the renderer's own messages are Chinese (issue 17).

Broken SVGs, images, CSV files, themes, key maps, slide ranges, export targets, the renderer's
checks (characters no font has, text that cannot fit) and the search's field names: each
message has no untranslated English (:func:`tests.i18n.english.english_words`), and a
problem keeps its ``file:line:col: severity:`` for editors. The words drawn on slides follow
the deck's display language, not the interface's.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path
from typing import Final

import pytest

from desktop.core.csvfile import parse_csv
from desktop.core.displays import untranslated_text
from desktop.core.durations import parse_duration
from desktop.core.images import DeckImages, ImageInfo, inspect, sniff
from desktop.core.keymap import parse_keymap
from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.model import Deck, Layout
from desktop.core.problems import DeckError, Problem, UserError
from desktop.core.ranges import parse_range
from desktop.core.search import FIELD_LABELS, Hit, field_label
from desktop.core.svg_time import slow_message
from desktop.core.targets import PDF, TargetError, check_target
from desktop.core.theme import load_theme
from desktop.render.checks import render_problems
from desktop.render.pictures import short_reason
from desktop.render.renderer import SlideRenderer
from tests.conftest import DeckFactory, load
from tests.i18n.conftest import UiLanguage
from tests.i18n.english import english_words

SVG: Final = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
BAD_SVGS: Final = {
    "reference": SVG + '<image href="secret.png"/></svg>',
    "style element": SVG + "<style><g/></style></svg>",
    "xinclude": SVG + '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="x"/></svg>',
    "doctype": '<!DOCTYPE svg [<!ENTITY a "b">]>' + SVG + "</svg>",
    "data url": SVG + '<image href="data:text/html;base64,AAAA"/></svg>',
    "broken base64": SVG + '<image href="data:image/png;base64,***"/></svg>',
    "import": SVG + '<style>@import "x.css";</style></svg>',
    "escape": SVG + '<rect style="fill: \\75rl(x)"/></svg>',
    "stylesheet": '<?xml-stylesheet href="x.css"?>' + SVG + "</svg>",
    "animation": SVG + '<set attributeName="href" to="x.png"/></svg>',
    "depth": SVG + "<g>" * 40 + "</g>" * 40 + "</svg>",
    "loop": SVG + '<g id="a"><use href="#a"/></g></svg>',
    "fan-out": SVG + '<g id="a">' + "<rect/>" * 100 + "</g>" + '<use href="#a"/>' * 300 + "</svg>",
    "root": "<html><svg/></html>",
}


def _chinese(text: str) -> None:
    """*text* is said in Chinese, with no English left but what stays as it is."""
    assert english_words(text) == [], text
    assert any("\u4e00" <= char <= "\u9fff" for char in text), text


def _located(problem: Problem, severity: str = "error") -> str:
    """The problem as ``check`` prints it, its ``file:line:col: severity:`` kept."""
    line = problem.format()
    head, message = line.split(f": {severity}: ", 1)
    assert head.rsplit(":", 2)[1].isdigit() and head.rsplit(":", 2)[2].isdigit(), line
    return message


def _png(width: int = 4, height: int = 4, *, cut: bool = False) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * 3 * width for _ in range(height)))
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
    return data if cut else data + chunk(b"IEND", b"")


@pytest.mark.parametrize("kind", sorted(BAD_SVGS))
def test_a_refused_svg_says_why_in_chinese(ui_language: UiLanguage, kind: str) -> None:
    ui_language("zh_CN")
    problem = inspect(BAD_SVGS[kind].encode(), "images/map.svg", "svg")
    assert isinstance(problem, str), kind
    assert problem.startswith("images/map.svg "), problem
    _chinese(problem)


def test_an_svg_too_slow_to_draw_says_so_in_chinese(ui_language: UiLanguage) -> None:
    ui_language("zh_CN")
    _chinese(slow_message("images/map.svg"))


def test_a_broken_picture_says_why_in_chinese(ui_language: UiLanguage, tmp_path: Path) -> None:
    ui_language("zh_CN")
    messages: list[ImageInfo | str | None] = [
        inspect(b"just text", "a.png", "png"),
        inspect(_png(), "a.jpg", "jpeg"),
        inspect(_png(cut=True), "a.png", "png"),
        inspect(b"\xff\xd8\xff\xe0\x00\x10JFIF", "a.jpg", "jpeg"),
        inspect(_png(20_000, 10), "a.png", "png"),
        inspect(_png(9_000, 9_000), "a.png", "png"),
        inspect(
            (SVG + f'<image href="data:image/png;base64,{"A" * 8}"/></svg>').encode(),
            "m.svg",
            "svg",
        ),
        sniff(tmp_path / "a.gif"),
        sniff(tmp_path / "gone.png"),
    ]
    images = DeckImages()
    images.svg_points = 10**9
    messages.append(images.spend(tmp_path / "x.svg", ImageInfo("svg", points=1)))
    for message in messages:
        assert isinstance(message, str)
        _chinese(message)


def test_the_placeholder_gives_the_first_clause_of_a_chinese_problem(
    ui_language: UiLanguage,
) -> None:
    ui_language("zh_CN")
    problem = inspect(_png(cut=True), "a.png", "png")
    assert isinstance(problem, str)
    assert short_reason(problem, "a.png") == "文件不完整"
    refused = inspect(BAD_SVGS["reference"].encode(), "m.svg", "svg")
    assert isinstance(refused, str)
    assert short_reason(refused, "m.svg") == "引用了 `secret.png`"


def test_the_language_of_a_kept_image_check_is_the_one_in_force(
    ui_language: UiLanguage, tmp_path: Path
) -> None:
    """Checks are kept by content: the same broken file says it again in the new language."""
    path = tmp_path / "a.png"
    path.write_bytes(_png(cut=True))
    english = sniff(path)
    ui_language("zh_CN")
    chinese = sniff(path)
    assert isinstance(english, str) and isinstance(chinese, str)
    assert "cut short" in english
    _chinese(chinese)


def test_csv_problems_are_chinese_and_located(ui_language: UiLanguage) -> None:
    ui_language("zh_CN")
    path = Path("data/x.csv")
    for text, rows, columns in (('a,"b\n', 10, 10), ("a,b,c\n", 10, 2), ("a\nb\nc\n", 2, 10)):
        _, problem = parse_csv(text, path, rows, columns)
        assert problem is not None
        _chinese(_located(problem))
        assert problem.format().startswith("data/x.csv:")


def test_theme_problems_are_chinese(ui_language: UiLanguage, tmp_path: Path) -> None:
    ui_language("zh_CN")
    theme = (Path(__file__).parents[2] / "resources" / "themes" / "default.yaml").read_text(
        encoding="utf-8"
    )
    (tmp_path / "gone.yaml").write_text(theme + "logo: none.png\n", encoding="utf-8")
    (tmp_path / "cut.yaml").write_text(theme + "logo: cut.png\n", encoding="utf-8")
    (tmp_path / "cut.png").write_bytes(_png(cut=True))
    for name in ("no-such-theme", "gone.yaml", "cut.yaml"):
        with pytest.raises(DeckError) as caught:
            load_theme(name, tmp_path)
        for problem in caught.value.problems:
            _chinese(problem.message)


def test_key_map_problems_are_chinese_and_located(ui_language: UiLanguage) -> None:
    ui_language("zh_CN")
    text = "nonsense\nnxt = Right\nnext = Right\nnext = Left\nprev = ,\nfirst = Ctrl+Nope\n"
    keymap = parse_keymap(text, Path("keys.ini"), ["next", "prev", "first", "last"])
    assert len(keymap.problems) == 5
    for problem in keymap.problems:
        _chinese(_located(problem))
    assert "您是不是要写 `next`" in keymap.problems[1].message


def test_a_key_given_twice_is_reported_in_chinese(ui_language: UiLanguage) -> None:
    from desktop.core.actions import ActionSpec

    ui_language("zh_CN")
    specs = (ActionSpec("first", "First", ("Home",)), ActionSpec("last", "Last", ("End",)))
    keymap = parse_keymap("last = Home\n", Path("keys.ini"), ["first", "last"])
    _, problems = keymap.apply(specs)
    assert len(problems) == 1
    _chinese(_located(problems[0]))


def test_slide_ranges_and_durations_are_refused_in_chinese(ui_language: UiLanguage) -> None:
    ui_language("zh_CN")
    for text in ("x", "9", "5-2"):
        with pytest.raises(UserError) as caught:
            parse_range(text, 6)
        assert str(caught.value).startswith("--slides: ")
        _chinese(str(caught.value))
    with pytest.raises(ValueError, match="超过一天") as too_long:
        parse_duration("25h")
    _chinese(str(too_long.value))


def test_export_targets_are_refused_in_chinese(ui_language: UiLanguage, tmp_path: Path) -> None:
    ui_language("zh_CN")
    text = tmp_path / "notes.txt"
    text.write_text("keep me", encoding="utf-8")
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(b"%PDF-1.4")
    locked.chmod(0o444)
    deck = tmp_path / "deck.yaml"
    deck.write_text("title: x\n", encoding="utf-8")
    targets = [text, tmp_path, tmp_path / "none" / "out.pdf", deck]
    if os.geteuid() != 0:
        targets.append(locked)
    for target in targets:
        with pytest.raises(TargetError) as caught:
            check_target(target, PDF)
        _chinese(str(caught.value))


def test_search_fields_and_missing_texts_are_named_in_chinese(ui_language: UiLanguage) -> None:
    ui_language("zh_CN")
    for field in FIELD_LABELS:
        _chinese(field_label(Hit(0, field, "…", 0, 1, "zh"), ("en", "zh")))
    missing = untranslated_text({"zh": ("title", "bullets[1]")})
    assert missing.endswith("title, bullets[1]")  # the deck's field paths, as written
    _chinese(missing.removesuffix("title, bullets[1]"))


def test_check_render_problems_are_chinese_and_located(
    ui_language: UiLanguage, make_deck: DeckFactory
) -> None:
    overflowing = ", ".join([" ".join(["overflowing"] * 60)] * 12)
    folder = make_deck(
        {
            "a.yaml": "title: S\nslides:\n  - title: Emoji 😀 and ☃\n    bullets: [a]\n"
            f"  - title: Long\n    bullets: [{overflowing}]\n"
        }
    )
    deck = load(folder)
    ui_language("zh_CN")
    problems = render_problems(SlideRenderer(deck))
    assert len(problems) == 2
    for problem in problems:
        message = _located(problem, "warning")
        # Characters are named by their Unicode names, the standard's, in English.
        _chinese(message.replace("SNOWMAN", "").replace("GRINNING FACE", ""))


def test_a_broken_image_in_a_deck_is_reported_in_chinese(
    ui_language: UiLanguage, make_deck: DeckFactory
) -> None:
    ui_language("zh_CN")
    folder = make_deck(
        {
            "a.yaml": "title: S\nslides:\n  - layout: image\n    title: Map\n"
            "    image: {path: images/map.svg}\n",
            "images/map.svg": BAD_SVGS["reference"],
        }
    )
    problems = [p for p in load_deck(folder).problems if p.is_error]
    assert [p.field for p in problems] == ["slides[0].image.path"]
    _chinese(_located(problems[0]))


# -- the words drawn on slides: the deck's language, not the interface's ------------------------


def _shown(deck: Deck, display: str) -> Deck:
    return localize(deck, DisplayLanguage.parse(display, deck.languages))


def _texts(deck: Deck, layout: Layout, role: str) -> list[str]:
    renderer = SlideRenderer(deck)
    ref = next(ref for ref in deck.refs if ref.slide.layout is layout)
    return [
        para.text
        for text in renderer.layout(ref.index).texts()
        if text.role == role
        for para in text.box.paras
    ]


BILINGUAL_DECK: Final = (
    "title: {en: Deck, zh: 演示}\nlanguages: [en, zh]\n"
    "sources:\n  - id: src\n    title: A source\n    publisher: P\n    date: 2024-03-04\n"
)
BILINGUAL_SECTION: Final = """\
title: {en: Plan, zh: 计划}
numbered: true
slides:
  - layout: section
  - layout: agenda
  - title: {en: Points, zh: 要点}
    bullets: [{en: one, zh: 一}]
    sources: [src]
"""


@pytest.fixture
def bilingual(make_deck: DeckFactory) -> Deck:
    return load(make_deck({"deck.yaml": BILINGUAL_DECK, "a.yaml": BILINGUAL_SECTION}))


@pytest.mark.parametrize("interface", ["en", "zh_CN"])
def test_slides_say_their_words_in_the_deck_language(
    ui_language: UiLanguage, bilingual: Deck, interface: str
) -> None:
    ui_language(interface)
    english, chinese = _shown(bilingual, "en"), _shown(bilingual, "zh")
    assert _texts(english, Layout.AGENDA, "title") == ["Agenda"]
    assert _texts(chinese, Layout.AGENDA, "title") == ["议程"]
    assert _texts(english, Layout.SECTION, "section-number") == ["ACTION 1 / 1"]
    assert _texts(chinese, Layout.SECTION, "section-number") == ["行动 1 / 1"]
    assert _texts(english, Layout.BULLETS, "source-line")[0].startswith("Source: P, 2024")
    assert _texts(chinese, Layout.BULLETS, "source-line")[0].startswith("来源：P, 2024")


def test_a_slide_in_two_languages_says_its_words_in_both(bilingual: Deck) -> None:
    both = _shown(bilingual, "en+zh")
    assert _texts(both, Layout.AGENDA, "title") == ["Agenda", "议程"]
    assert _texts(both, Layout.SECTION, "section-number") == ["ACTION 1 / 1 · 行动 1 / 1"]
    assert _texts(both, Layout.BULLETS, "source-line")[0].startswith("Source · 来源: P, 2024")
