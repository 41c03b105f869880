"""The loader's bounds: nothing read from outside the deck, bounded work, sane values, located
problems, no text lost, and docs that say what the loader does.

* ``deck.yaml`` itself: a link to a file outside the deck is refused before it is read, in
  every form a deck is opened (folder, ``DIR/deck.yaml``, the window), and nothing of the file
  reaches any message; a deck folder that is itself a link is fine.
* Bounded work: every hostile catalogue case goes through the real ``check`` (with the render
  checks) and, when it loads, ``export``, and is opened in the window, each within
  :data:`BOUND` seconds; a deck at the limits stays within it too. (A reliability bound,
  not a benchmark.)
* Durations: ASCII digits only, at most a day.
* Locations: every text of a slide is located at its own value.
* Emphasis markers never make text vanish; ``check`` reports a missing glyph once per field.
* The documented rules (default section order, bundled font names, limits, the duration
  pattern) are read from docs/deck-format.md and checked against the code.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Final

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.core import format as fmt
from desktop.core import format_data as fd
from desktop.core import images, svg, yaml_limits
from desktop.core import theme as theme_module
from desktop.core.loader import load_deck
from desktop.core.markup import plain
from desktop.core.model import DURATION_PATTERN, MAX_DURATION, format_duration, parse_duration
from desktop.core.resources import bundled_themes, resources_dir
from desktop.core.svg_geometry import QT_PATH_ELEMENTS
from desktop.core.theme import load_theme
from desktop.render.checks import render_problems
from desktop.render.fonts import register_fonts
from desktop.render.renderer import SlideRenderer
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.conftest import DeckFactory
from tests.reliability.conftest import Tally
from tests.reliability.test_hostile_decks import CASES, SECRET, SECRET_YAML, prepare
from tests.reliability.test_images import image_deck, png

pytestmark = pytest.mark.reliability("Loader bounds (deck.yaml links, work, values, locations)")

BOUND: Final = 10.0
"""Seconds any command may take on any deck (the issue's "within 10 seconds")."""
DOCS: Final = Path(__file__).resolve().parents[2] / "docs" / "deck-format.md"
SECTION: Final = "title: {title}\nslides:\n  - {{title: Points, bullets: [one], sources: [src]}}\n"


# -- deck.yaml never leads out of the deck -------------------------------------------------


@pytest.fixture
def linked_deck(make_deck: DeckFactory, tmp_path: Path) -> Path:
    """A deck whose deck.yaml is a link to secret.yaml, a YAML file beside the deck."""
    folder = make_deck({"deck.yaml": None})
    (tmp_path / "secret.yaml").write_text(SECRET_YAML, encoding="utf-8")
    (folder / "deck.yaml").symlink_to(tmp_path / "secret.yaml")
    return folder


@pytest.mark.parametrize("form", ["folder", "deck.yaml"])
def test_deck_yaml_linking_out_is_refused_unread(linked_deck: Path, form: str) -> None:
    opened = linked_deck if form == "folder" else linked_deck / "deck.yaml"
    result = load_deck(opened)
    assert result.deck is None
    assert [(p.location.file, p.location.line, p.message) for p in result.problems] == [
        (
            linked_deck / "deck.yaml",
            0,
            "deck.yaml links to a file outside the deck folder; copy the file into the deck",
        )
    ]


@pytest.mark.parametrize("command", ["check", "export"])
@pytest.mark.parametrize("form", ["folder", "deck.yaml"])
def test_no_command_echoes_the_linked_file(
    linked_deck: Path,
    tmp_path: Path,
    form: str,
    command: str,
    capsys: pytest.CaptureFixture[str],
    restore_logging: None,
) -> None:
    opened = linked_deck if form == "folder" else linked_deck / "deck.yaml"
    out = tmp_path / "out.pdf"
    args = [command, str(opened)] + (["-o", str(out)] if command == "export" else [])
    assert main(args) == 1
    printed = capsys.readouterr()
    assert "links to a file outside the deck folder" in printed.out + printed.err
    assert SECRET not in printed.out + printed.err
    assert not out.exists()


def test_the_window_shows_nothing_of_the_linked_file(
    qtbot: QtBot, linked_deck: Path, tmp_path: Path
) -> None:
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.open_deck(linked_deck / "deck.yaml")
    assert window.deck is None
    page = window.empty_state().text()  # a deck that cannot be opened: the page says why
    assert "links to a file outside the deck folder" in page
    shown = [window.windowTitle(), page, window.banner.text(), window.section_label.text()]
    assert not any(SECRET in text for text in shown)


def test_deck_yaml_linking_inside_the_deck_is_the_deck(make_deck: DeckFactory) -> None:
    # The link's target sits beside it: it is the deck file, not a section found by the
    # default order.
    folder = make_deck({"deck.yaml": None, "v2.yaml": _deck_yaml("Version 2")})
    (folder / "deck.yaml").symlink_to("v2.yaml")
    result = load_deck(folder)
    assert result.deck is not None, [p.format() for p in result.problems]
    assert result.deck.title == "Version 2"
    assert [section.file.name for section in result.deck.sections] == ["a.yaml"]


def test_the_folder_opened_is_the_deck_even_as_a_link(
    make_deck: DeckFactory, tmp_path: Path
) -> None:
    folder = make_deck()
    link = tmp_path / "linked-deck"
    link.symlink_to(folder, target_is_directory=True)
    for opened in (link, link / "deck.yaml"):
        result = load_deck(opened)
        assert result.deck is not None, [p.format() for p in result.problems]
        assert result.problems == ()
    # Through the linked folder, its deck.yaml still may not lead out of it.
    (tmp_path / "secret.yaml").write_text(SECRET_YAML, encoding="utf-8")
    (folder / "deck.yaml").unlink()
    (folder / "deck.yaml").symlink_to(tmp_path / "secret.yaml")
    for opened in (link, link / "deck.yaml"):
        result = load_deck(opened)
        assert result.deck is None
        assert [p.message for p in result.problems] == [
            "deck.yaml links to a file outside the deck folder; copy the file into the deck"
        ]


def _deck_yaml(title: str, extra: str = "") -> str:
    return f"title: {title}\nsources: [{{id: src, title: A source}}]\n{extra}"


# -- bounded work ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_every_hostile_deck_is_checked_and_exported_in_bound(
    case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    restore_logging: None,
    tally: Tally,
) -> None:
    tally.add(f"test_every_hostile_deck_is_checked_and_exported_in_bound[{case}]", 1, "decks")
    root = prepare(case, tmp_path / "decks")
    monkeypatch.chdir(root)
    started = time.monotonic()
    status = main(["check", str(root)])
    took = time.monotonic() - started
    assert took < BOUND, f"check took {took:.1f} s"
    capsys.readouterr()
    if status == 0:
        started = time.monotonic()
        assert main(["export", str(root), "-o", str(tmp_path / "out.pdf")]) == 0
        took = time.monotonic() - started
        assert took < BOUND, f"export took {took:.1f} s"


def test_every_hostile_deck_opens_in_the_window_in_bound(
    qtbot: QtBot, tmp_path: Path, tally: Tally
) -> None:
    """One window opens every catalogue case in turn: each open (load, first slide or the
    problems page, every panel filled) and a full repaint stay within :data:`BOUND`, and the
    window ends on a good deck again after each hostile one."""
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    slow: list[str] = []
    for case in CASES:
        root = prepare(case, tmp_path / "decks")
        started = time.monotonic()
        valid = window.open_deck(root)
        window.grab()  # paints the slide, the thumbnails in view, or the problems page
        took = time.monotonic() - started
        if took >= BOUND:
            slow.append(f"{case}: {took:.1f} s")
        assert valid == (window.deck is not None and window.deck.root == root.resolve()), case
        if not valid:  # another deck that cannot be opened: the page says why
            page = window.empty_state()
            assert page.isVisible() and ": error: " in page.text(), case
    tally.add("test_every_hostile_deck_opens_in_the_window_in_bound", len(CASES), "decks")
    assert not slow, slow


def test_a_deck_at_the_limits_loads_and_checks_in_bound(
    make_deck: DeckFactory, capsys: pytest.CaptureFixture[str], restore_logging: None
) -> None:
    # 2,000 slides holding 1.9 million characters, one of them with 200 bullets of 1,000
    # characters in two columns.
    bullet = "word " * 199 + "last"
    column = f"      - {bullet}\n" * fmt.MAX_BULLETS
    heavy = f"  - title: Heavy\n    layout: two-column\n    sources: [src]\n    left:\n{column}"
    heavy += f"    right:\n{column}"
    slide = (
        "  - {title: Points, sources: [src], bullets: [" + ", ".join([bullet[:270]] * 3) + "]}\n"
    )
    files: dict[str, str | bytes | None] = {
        "a.yaml": "title: A\nslides:\n" + heavy + slide * 665,
        "b.yaml": "title: B\nslides:\n" + slide * 667,
        "c.yaml": "title: C\nslides:\n" + slide * 667,
    }
    folder = make_deck(files)
    started = time.monotonic()
    result = load_deck(folder)
    assert result.deck is not None, [p.format() for p in result.problems[:3]]
    assert result.deck.slide_count == fmt.MAX_DECK_SLIDES
    assert main(["check", str(folder)]) == 0
    took = time.monotonic() - started
    assert took < BOUND, f"load and check took {took:.1f} s"
    assert capsys.readouterr().out.splitlines()[-1].startswith("3 sections, 2000 slides")


def _aliased(notes: int, slides: int) -> str:
    """A section: notes of *notes* characters on the first slide, aliased by the others."""
    first = "  - {title: T, bullets: [one], sources: [src], notes: &n " + "n" * notes + "}\n"
    rest = "  - {title: T, bullets: [one], sources: [src], notes: *n}\n" * (slides - 1)
    return "title: S\nslides:\n" + first + rest


def test_aliases_cannot_expand_text_past_the_file_limit(make_deck: DeckFactory) -> None:
    # Each alias is one value: 600 values, 12 million characters.
    result = load_deck(make_deck({"a.yaml": _aliased(20_000, 600)}))
    assert result.deck is None
    [problem] = result.problems
    assert problem.message.startswith(
        f"file expands to more than {yaml_limits.MAX_FILE_TEXT:,} characters of text"
        " through aliases"
    )
    # At the alias that passes the limit: the 49th (on the 50th slide, line 52), in the notes.
    assert (problem.location.line, problem.location.column) == (52, 55)


def test_a_decks_images_together_are_bounded(make_deck: DeckFactory) -> None:
    # Each 8,000 × 5,000 PNG is within the per-image limits (and 160 KB on disk), but decoding
    # seven of them, as `check` does, took about six seconds: 7 × 40 MP × 2 (PNG) > 500 MP.
    picture = png(8000, 5000)
    files: dict[str, bytes | str] = {f"p{n}.png": picture for n in range(7)}
    folder = image_deck(make_deck, files, *(f"p{n}.png" for n in range(7)), "p0.png")
    result = load_deck(folder)
    assert result.deck is None
    [problem] = result.errors
    assert problem.message.startswith("the deck's images hold more than 500 megapixels together")
    assert problem.location.file.name == "a.yaml"
    assert (problem.location.line, problem.location.column) == (30, 19)  # p6.png, 7th slide
    # Six distinct images, one of them on two slides, stay within the limit.
    section = (folder / "a.yaml").read_text(encoding="utf-8")
    (folder / "a.yaml").write_text(section.replace("p6.png", "p1.png"), encoding="utf-8")
    assert load_deck(folder).errors == ()


def test_the_deck_limit_stops_reading(make_deck: DeckFactory) -> None:
    files: dict[str, str | bytes | None] = {f"{name}.yaml": _aliased(19_000, 50) for name in "abc"}
    files["d.yaml"] = "title: D\nunknown_key: 1\nslides: [{layout: title}]\n"
    result = load_deck(make_deck(files))
    assert [p.location.file.name for p in result.problems] == ["c.yaml"]
    assert "the deck's files expand to more than 2,000,000 characters" in result.problems[0].message
    assert any(path.name == "d.yaml" for path in result.files)  # still watched


# -- durations ---------------------------------------------------------------------------


NON_ASCII_DIGITS: Final = [
    chr(c)
    for c in range(sys.maxunicode + 1)
    if unicodedata.category(chr(c)) == "Nd" and not "0" <= chr(c) <= "9"
]


def test_every_non_ascii_digit_is_refused() -> None:
    assert len(NON_ASCII_DIGITS) > 600
    for digit in NON_ASCII_DIGITS:
        for text in (f"{digit}m", f"1{digit}s", f"1h{digit}m"):
            with pytest.raises(ValueError, match="not a duration"):
                parse_duration(text)
            assert not re.fullmatch(fmt.DURATION, text)


@pytest.mark.parametrize(
    ("longest", "over"),
    [("24h", "24h1s"), ("1440m", "1441m"), ("86400s", "86401s"), ("23h59m60s", "23h59m61s")],
)
def test_a_day_is_the_longest_duration(longest: str, over: str) -> None:
    assert parse_duration(longest) == MAX_DURATION == 86_400
    with pytest.raises(ValueError, match="longer than a day"):
        parse_duration(over)


@pytest.mark.parametrize("text", ["25h", "9" * 5_000 + "h", "0" * 9 + "1" * 9 + "s"])
def test_longer_than_a_day_is_an_error(text: str) -> None:
    with pytest.raises(ValueError, match="longer than a day"):
        parse_duration(text)


def test_leading_zeros_do_not_count_as_length() -> None:
    # 5,000 digits: more than int() converts (4,300), but the value is 90 seconds.
    assert parse_duration("0" * 5_000 + "90s") == 90


def test_the_duration_pattern_is_written_once() -> None:
    assert fmt.DURATION is DURATION_PATTERN
    schema = fmt.json_schema("deck")["properties"]["duration"]
    assert schema["pattern"] == f"^(?:{DURATION_PATTERN})$"
    assert "\\d" not in json.dumps(fmt.json_schema("section"))


# -- every text at its own value -------------------------------------------------------------


EVERY_FIELD: Final = """\
title: Section
slides:
  - title: The title
    subtitle: "The subtitle"
    layout: two-column
    left_title: Left heading
    left:
      - Left one
      - text: Left two
        bullets: [Left sub one, 'Left sub two']
    right_title: Right heading
    right: [Right one]
    sources: [src]
    notes: |
      Notes here.
  - layout: figures
    figures:
      - {value: "3.7%", label: Growth}
    sources: [src]
  - layout: quote
    quote: {text: Quoted words, by: Someone}
    sources: [src]
  - title: Bullets
    bullets: [First, {text: Second, bullets: [Sub]}]
    sources: [src]
"""


def test_every_slide_text_is_located_at_its_value(make_deck: DeckFactory) -> None:
    folder = make_deck({"a.yaml": EVERY_FIELD})
    result = load_deck(folder)
    assert result.deck is not None, [p.format() for p in result.problems]
    lines = EVERY_FIELD.splitlines()
    seen = []
    for ref in result.deck.refs:
        for item in ref.slide.texts():
            at = lines[item.location.line - 1][item.location.column - 1 :]
            assert at.lstrip("\"'|").strip() == "" or at.lstrip("\"'").startswith(
                item.text.split("\n")[0]
            ), (item.field, at)
            seen.append(item.field)
    assert seen == [
        "slides[0].title",
        "slides[0].subtitle",
        "slides[0].left_title",
        "slides[0].left[0]",
        "slides[0].left[1].text",
        "slides[0].left[1].bullets[0]",
        "slides[0].left[1].bullets[1]",
        "slides[0].right_title",
        "slides[0].right[0]",
        "slides[0].notes",
        "slides[1].figures[0].value",
        "slides[1].figures[0].label",
        "slides[2].quote.text",
        "slides[2].quote.by",
        "slides[3].title",
        "slides[3].bullets[0]",
        "slides[3].bullets[1].text",
        "slides[3].bullets[1].bullets[0]",
    ]


# -- no text vanishes ------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["****", "* *", "** **", "*** ***", "a **** b", "*\t*"])
def test_markers_with_nothing_between_are_kept(text: str) -> None:
    assert plain(text) == text


@given(st.text(alphabet="* ab\\\t", max_size=20))
@example("****")
@example("* *")
@example("\\***")
def test_visible_text_never_vanishes(text: str) -> None:
    shown = plain(text)
    if text.strip():
        assert shown.strip(), repr(text)
    # Every character other than the markup survives, in order.
    assert shown.replace("*", "").replace("\\", "") == text.replace("*", "").replace("\\", "")


def test_an_empty_pair_is_drawn_as_typed(make_deck: DeckFactory) -> None:
    folder = make_deck(
        {"a.yaml": 'title: S\nslides:\n  - title: "****"\n    bullets: [one]\n    sources: [src]\n'}
    )
    result = load_deck(folder)
    assert result.deck is not None
    layout = SlideRenderer(result.deck).layout(0)
    shown = [box.document.toPlainText() for box in layout.boxes if box.document is not None]
    assert "****" in shown


# -- missing glyphs: once per field, at the field ----------------------------------------------


def test_missing_glyphs_are_reported_once_per_field_at_the_field(make_deck: DeckFactory) -> None:
    folder = make_deck(
        {
            "deck.yaml": "title: Deck 😀\nsources: [{id: src, title: A source}]\n",
            "a.yaml": "title: S\nslides:\n  - title: T 😀 😀\n"
            "    bullets: [plain, 'ᚠ ᚡ and 😀', also 😀]\n    sources: [src]\n"
            "    notes: Notes 😀\n",
        }
    )
    result = load_deck(folder)
    assert result.deck is not None
    problems = render_problems(SlideRenderer(result.deck))
    found = [
        (p.location.file.name, p.location.line, p.location.column, p.field, p.message.split(":")[1])
        for p in problems
    ]
    one = " '😀' (U+1F600 GRINNING FACE); it may show as a box or in another font"
    runes = "'ᚠ' (U+16A0 RUNIC LETTER FEHU FEOH FE F), 'ᚡ' (U+16A1 RUNIC LETTER V)"
    three = f" {runes}, '😀' (U+1F600 GRINNING FACE); they may show as boxes or in another font"
    assert found == [
        ("deck.yaml", 1, 8, "title", one),
        ("a.yaml", 3, 12, "slides[0].title", one),
        ("a.yaml", 4, 22, "slides[0].bullets[1]", three),
        ("a.yaml", 4, 35, "slides[0].bullets[2]", one),
        ("a.yaml", 6, 12, "slides[0].notes", one),
    ]


def test_the_missing_glyph_hint_works_without_the_repository(make_deck: DeckFactory) -> None:
    folder = make_deck(
        {"a.yaml": "title: S\nslides:\n  - title: T 😀\n    bullets: [one]\n    sources: [src]\n"}
    )
    result = load_deck(folder)
    assert result.deck is not None
    [problem] = render_problems(SlideRenderer(result.deck))
    # An installed wheel has no tools/ and no repository paths: the hint names deck settings.
    assert ".py" not in problem.message
    assert "tools/" not in problem.message
    assert "use a theme whose `fonts` lists an installed font" in problem.message


# -- the docs say what the code does ---------------------------------------------------------


def _docs() -> str:
    return DOCS.read_text(encoding="utf-8")


def _table_after(marker: str) -> list[list[str]]:
    """The rows (cells, stripped) of the first Markdown table after *marker*."""
    text = _docs()
    start = text.index(marker)
    rows: list[list[str]] = []
    for line in text[start:].splitlines()[1:]:
        line = line.strip()
        if not line.startswith("|"):
            if rows:
                break
            continue
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if not set(cells[0]) <= set("-: "):
            rows.append(cells)
    return rows[1:]  # without the heading


def test_the_documented_default_section_order_is_the_loaders(make_deck: DeckFactory) -> None:
    rows = _table_after("The table is checked against the loader")
    assert len(rows) >= 8
    theme_name = re.search(r"with `theme:\s*(\S+)` in `deck.yaml`", _docs().replace("\n", " "))
    assert theme_name is not None
    theme_file = theme_name.group(1)
    theme_text = (resources_dir() / "themes" / "default.yaml").read_text(encoding="utf-8")
    files: dict[str, str | bytes | None] = {
        "deck.yaml": _deck_yaml("Deck", f"theme: {theme_file}\n"),
        "a.yaml": None,
    }
    expected: dict[int, str] = {}
    for file_cell, verdict in rows:
        name = file_cell.strip("`")
        if name == "deck.yaml":
            continue
        files[name] = theme_text if name == theme_file else SECTION.format(title=name)
        if re.match(r"\d+(st|nd|rd|th)\b", verdict):
            expected[int(re.match(r"\d+", verdict).group())] = name  # type: ignore[union-attr]
        else:
            assert verdict.startswith("no:"), verdict
    result = load_deck(make_deck(files))
    assert result.deck is not None, [p.format() for p in result.problems]
    assert [s.title for s in result.deck.sections] == [expected[n] for n in sorted(expected)]


def test_the_documented_bundled_font_names_are_the_themes_and_the_fonts() -> None:
    prose = _docs().replace("\n", " ")
    match = re.search(r"Both bundled themes list `(\[[^`]+\])`", prose)
    assert match is not None
    documented = tuple(json.loads(match.group(1)))
    for name in bundled_themes():
        assert load_theme(name).fonts == documented, name
    assert set(documented) <= set(register_fonts())


def test_the_documented_limits_are_the_codes() -> None:
    limits = {
        "File size": "2 MiB per YAML file",
        "Values per file (alias expansion included)": f"{yaml_limits.MAX_NODES:,}",
        "Characters of text per file (alias expansion included)": f"{yaml_limits.MAX_FILE_TEXT:,}",
        "Values in all files of a deck": f"{yaml_limits.MAX_DECK_VALUES:,}",
        "Characters of text in all files of a deck": f"{yaml_limits.MAX_DECK_TEXT:,}",
        "Nesting depth": f"{yaml_limits.MAX_DEPTH} levels",
        "Languages in `languages`": f"1 to {fmt.MAX_LANGUAGES}",
        "Titles and subtitles (deck, section, slide, column headings), `title_zh`, `author`,"
        " source `title` and `publisher`": f"{fmt.MAX_TITLE} characters",
        "Bullets, sub-bullets, figure labels, quotes, `by`, captions": (
            f"{fmt.MAX_TEXT:,} characters"
        ),
        "Figure `value`": "40 characters",
        "Speaker notes": f"{fmt.MAX_NOTES:,} characters",
        "Ids (slugs)": "80 characters",
        "Paths (`theme`, `sections` entries, `image.path`)": "500 characters",
        "Source `url`": "2,000 characters",
        "Section files per deck": f"1 to {fmt.MAX_SECTIONS}",
        "Slides per section": f"1 to {fmt.MAX_SLIDES:,}",
        "Slides per deck": f"{fmt.MAX_DECK_SLIDES:,}",
        "Bullets per list": f"1 to {fmt.MAX_BULLETS}",
        "Sub-bullets per bullet": f"1 to {fmt.MAX_SUB_BULLETS}",
        "Bullets and sub-bullets per slide, all lists together": f"{fmt.MAX_SLIDE_BULLETS}",
        "Figures per slide": "1 to 6",
        "Table": (f"{fd.MAX_COLUMNS} columns, {fd.MAX_ROWS} rows; a cell {fd.MAX_CELL} characters"),
        "Chart": f"{fd.MAX_CATEGORIES} categories, {fd.MAX_SERIES} series",
        "CSV file (`csv`)": (
            f"{fd.MAX_CSV_BYTES // 1024} KiB, {fd.MAX_ROWS + 1} lines, {fd.MAX_COLUMNS} cells"
            " a line"
        ),
        "Sources in `deck.yaml`": f"{fmt.MAX_SOURCES}",
        "Source ids cited by one slide": f"1 to {fmt.MAX_CITED}",
        "Durations": f"`{format_duration(MAX_DURATION)}` each; the sections' together",
        "Image file": (
            f"{images.MAX_IMAGE_BYTES // (1024 * 1024)} MiB; PNG/JPEG at most"
            f" {images.MAX_PIXELS_SIDE:,} px per side and {images.MAX_PIXELS // 1_000_000}"
            " megapixels"
        ),
        "Images of one deck, distinct files together": (
            f"{images.MAX_DECK_IMAGE_BYTES // (1024 * 1024)} MiB;"
            f" {images.MAX_DECK_MEGAPIXELS} megapixels, a PNG counting double; SVGs"
            f" {images.MAX_DECK_SVG_POINTS:,} points drawn"
        ),
        "SVG image or logo": (
            f"{svg.MAX_SVG_ELEMENTS:,} elements and {svg.MAX_SVG_POINTS:,} points drawn (`<use>`"
            f" and other references counted), {svg.MAX_SVG_DEPTH} levels of nesting,"
            f" {QT_PATH_ELEMENTS:,} points in one `<path>`; {svg.DRAW_LIMIT:g} s to draw at its"
            f" largest size (refused when estimated over {svg.ESTIMATE_REFUSED:g} s, measured"
            f" when estimated over {svg.ESTIMATE_MEASURED:g} s)"
        ),
        "Theme `name`, each font family": "100 characters",
        "Font families per theme": f"1 to {theme_module.MAX_FONTS}",
    }
    assert yaml_limits.MAX_FILE_BYTES == 2 * 1024 * 1024
    documented = {row[0]: row[1] for row in _table_after("### Limits at a glance")}
    assert documented == limits


def test_the_documented_duration_rules_are_the_codes() -> None:
    prose = _docs().replace("\n", " ")
    match = re.search(r"The pattern is `([^`]+)`", prose)
    assert match is not None
    assert match.group(1) == DURATION_PATTERN
    assert f"A duration is at most `{format_duration(MAX_DURATION)}`" in prose
