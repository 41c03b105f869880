"""The loader: every class of bad input gives a located, explained problem."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.loader import load_deck
from desktop.core.model import Layout
from desktop.core.problems import Severity
from tests.conftest import DeckFactory, FilesLoader, section_yaml

SECTION_HEAD = "title: S\nslides:\n"


@dataclass(frozen=True)
class Case:
    """A broken deck and the one problem it must report."""

    id: str
    files: dict[str, str | bytes | None]
    file: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR


CASES = [
    Case("yaml-syntax", {"a.yaml": "title: S\nslides: [\n"}, "a.yaml", 3, 1, "YAML syntax error"),
    Case(
        "tabs",
        {"a.yaml": "title: S\nslides:\n\t- title: x\n"},
        "a.yaml",
        3,
        1,
        "indent with spaces, not tabs",
    ),
    Case(
        "wrong-type",
        {"a.yaml": SECTION_HEAD + "  - title: x\n    bullets: just text\n"},
        "a.yaml",
        4,
        14,
        "`slides[0].bullets` must be a list, not text",
    ),
    Case(
        "missing-required",
        {"a.yaml": "slides:\n  - title: x\n    bullets: [a]\n"},
        "a.yaml",
        1,
        1,
        "`title` is required",
    ),
    Case(
        "unknown-key-suggestion",
        {"a.yaml": SECTION_HEAD + "  - title: x\n    bulets: [a]\n"},
        "a.yaml",
        4,
        5,
        "unknown key `slides[0].bulets`; did you mean `bullets`?",
    ),
    Case(
        "layout-needs-figures",
        {"a.yaml": SECTION_HEAD + "  - layout: figures\n    title: x\n"},
        "a.yaml",
        3,
        13,
        "layout `figures` needs `figures`",
    ),
    Case(
        "unknown-layout",
        {"a.yaml": SECTION_HEAD + "  - layout: figure\n    title: x\n"},
        "a.yaml",
        3,
        13,
        "did you mean `figures`?",
    ),
    Case(
        "unknown-source",
        {"a.yaml": SECTION_HEAD + "  - title: x\n    bullets: [a]\n    sources: [nope]\n"},
        "a.yaml",
        5,
        15,
        "cites unknown source `nope`",
    ),
    Case(
        "duplicate-slide-id",
        {
            "a.yaml": SECTION_HEAD
            + "  - {id: same, layout: section}\n  - {id: same, layout: title}\n"
        },
        "a.yaml",
        4,
        10,
        "duplicate slide id `same`",
    ),
    Case(
        "duplicate-section-id",
        {"b.yaml": "id: a\n" + SECTION_HEAD + "  - layout: section\n"},
        "b.yaml",
        1,
        5,
        "duplicate section id `a`",
    ),
    Case(
        "missing-section-file",
        {"deck.yaml": "title: T\nsections: [a.yaml, gone.yaml]\n"},
        "deck.yaml",
        2,
        20,
        "section file gone.yaml does not exist",
    ),
    Case(
        "image-missing",
        {"a.yaml": SECTION_HEAD + "  - layout: image\n    image: {path: pic.png}\n"},
        "a.yaml",
        4,
        19,
        "image pic.png does not exist",
    ),
    Case(
        "image-outside",
        {"a.yaml": SECTION_HEAD + "  - layout: image\n    image: {path: ../pic.png}\n"},
        "a.yaml",
        4,
        19,
        "points outside the deck folder",
    ),
    Case(
        "image-url",
        {"a.yaml": SECTION_HEAD + "  - layout: image\n    image: {path: 'https://x.org/a.png'}\n"},
        "a.yaml",
        4,
        19,
        "is a URL",
    ),
    Case(
        "image-not-image",
        {
            "a.yaml": SECTION_HEAD + "  - layout: image\n    image: {path: fake.png}\n",
            "fake.png": "this is text",
        },
        "a.yaml",
        4,
        19,
        "fake.png is not a PNG image",
    ),
    Case(
        "layout-needs-empty-value",
        {"a.yaml": SECTION_HEAD + "  - layout: quote\n    quote:\n"},
        "a.yaml",
        3,
        13,
        "layout `quote` needs `quote`",
    ),
    Case(
        "theme-invalid",
        {
            "deck.yaml": "title: T\ntheme: mine.yaml\nsections: [a.yaml]\n"
            "sources: [{id: src, title: S}]\n",
            "mine.yaml": "name: Mine\ncolors: {}\n",
        },
        "mine.yaml",
        2,
        9,
        "`colors.background` is required",
    ),
    Case(
        "theme-logo-missing",
        {
            "deck.yaml": "title: T\ntheme: mine.yaml\nsections: [a.yaml]\n"
            "sources: [{id: src, title: S}]\n",
            "mine.yaml": (Path(__file__).parents[1] / "resources/themes/default.yaml").read_text(
                encoding="utf-8"
            )
            + "logo: nowhere.svg\n",
        },
        "mine.yaml",
        30,  # the line after the 29 lines of the default theme
        7,
        "logo nowhere.svg is not a file beside the theme",
    ),
    Case(
        "theme-missing",
        {"deck.yaml": "title: T\ntheme: fancy\n"},
        "deck.yaml",
        2,
        8,
        "theme 'fancy' is neither a bundled theme",
    ),
    Case("empty-file", {"a.yaml": "# nothing here\n"}, "a.yaml", 1, 1, "file is empty"),
    Case(
        "not-utf8",
        {"a.yaml": "title: caf\xe9\n".encode("latin-1")},
        "a.yaml",
        1,
        11,
        "file is not UTF-8",
    ),
    Case(
        "utf16",
        {"a.yaml": "title: S\n".encode("utf-16")},
        "a.yaml",
        1,
        1,
        "file is UTF-16",
    ),
    Case("no-deck-yaml", {"deck.yaml": None}, "deck.yaml", 0, 0, "this folder has no deck.yaml"),
    Case(
        "python-tag",
        {"a.yaml": "title: !!python/object/apply:os.system ['true']\nslides: []\n"},
        "a.yaml",
        1,
        8,
        "is not allowed; deck files hold plain data only",
    ),
    Case(
        "alias-bomb",
        {
            "a.yaml": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
                for i in range(6)
            )
        },
        "a.yaml",
        5,
        36,
        "file expands to more than 100,000 values through aliases",
    ),
    Case(
        "oversized",
        {"a.yaml": "title: S\n# " + "x" * (3 * 1024 * 1024) + "\n"},
        "a.yaml",
        1,
        1,
        "file is too large",
    ),
    Case(
        "duplicate-key",
        {"a.yaml": "title: S\ntitle: T\nslides: [{layout: section}]\n"},
        "a.yaml",
        2,
        1,
        "duplicate key 'title' (first at line 1)",
    ),
    Case(
        "bad-duration",
        {"a.yaml": "title: S\nduration: 2 minutes\nslides: [{layout: section}]\n"},
        "a.yaml",
        2,
        11,
        "write a duration like",
    ),
    Case(
        "bad-date",
        {"deck.yaml": "title: T\ndate: 4 March 2024\n"},
        "deck.yaml",
        2,
        7,
        "must be a date written YYYY-MM-DD",
    ),
    Case(
        "deck-date-month-alone",  # the briefing has a day; only a source may give a month
        {"deck.yaml": "title: T\ndate: 2024-10\n"},
        "deck.yaml",
        2,
        7,
        "`date` must be a date written YYYY-MM-DD, not '2024-10'",
    ),
    Case(
        "source-date-bad-month",
        {"deck.yaml": "title: T\nsources: [{id: s, title: S, date: 2024-13}]\n"},
        "deck.yaml",
        2,
        35,
        "must be a date written YYYY-MM-DD or YYYY-MM, not '2024-13'",
    ),
    Case(
        "sections-lists-deck-yaml",
        {"deck.yaml": "title: T\nsections: [deck.yaml, a.yaml]\n"},
        "deck.yaml",
        2,
        12,
        "lists deck.yaml itself",
    ),
    Case(
        "sections-twice",
        {"deck.yaml": "title: T\nsections: [a.yaml, a.yaml]\n"},
        "deck.yaml",
        2,
        20,
        "lists a.yaml twice",
    ),
    Case(
        "no-sources-warning",
        {"a.yaml": SECTION_HEAD + "  - title: x\n    bullets: [a]\n"},
        "a.yaml",
        3,
        5,
        "has no `sources`",
        Severity.WARNING,
    ),
    Case(
        "field-not-shown",
        {"a.yaml": SECTION_HEAD + "  - layout: section\n    bullets: [a]\n"},
        "a.yaml",
        4,
        5,
        "`slides[0].bullets` is not shown by layout `section`",
        Severity.WARNING,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_located(case: Case, make_deck: DeckFactory) -> None:
    folder = make_deck(case.files)
    result = load_deck(folder)
    matching = [p for p in result.problems if case.message in p.message]
    assert matching, f"expected {case.message!r}; got {[p.format() for p in result.problems]}"
    problem = matching[0]
    assert problem.location.file.name == case.file
    if case.line:
        assert (problem.location.line, problem.location.column) == (case.line, case.column), (
            problem.format()
        )
    assert problem.severity is case.severity
    if case.severity is Severity.ERROR:
        assert result.deck is None
    else:
        assert result.deck is not None


def test_every_problem_is_collected_at_once(make_deck: DeckFactory) -> None:
    folder = make_deck(
        {
            "deck.yaml": "title: T\naspect: 5:4\n",
            "a.yaml": SECTION_HEAD + "  - layout: figures\n  - title: x\n    bulets: [a]\n",
            "b.yaml": "title: [not, text]\nslides: [{layout: section}]\n",
        }
    )
    result = load_deck(folder)
    messages = [p.format(folder) for p in result.errors]
    assert len(messages) >= 4, messages
    assert any(m.startswith("deck.yaml:2:9: error:") for m in messages), messages
    assert any(m.startswith("a.yaml:3:13: error: layout `figures`") for m in messages), messages
    assert any(m.startswith("a.yaml:5:5: error: unknown key") for m in messages), messages
    assert any(m.startswith("b.yaml:1:8: error: `title` must be text") for m in messages)


def test_defaults(make_deck: DeckFactory) -> None:
    folder = make_deck({"b.yaml": "title: Second\nslides:\n  - title: Only\n    bullets: [x]\n"})
    result = load_deck(folder / "deck.yaml")
    deck = result.deck
    assert deck is not None, result.problems
    assert deck.aspect == "16:9"
    assert deck.theme == "default"
    assert deck.canvas_size == (1920, 1080)
    assert [s.id for s in deck.sections] == ["a", "b"]  # sorted by file name
    assert [s.file.name for s in deck.sections] == ["a.yaml", "b.yaml"]
    only = deck.sections[1].slides[0]
    assert only.layout is Layout.BULLETS
    assert only.id == "b-1"
    assert deck.sections[0].title_zh == "第一节"
    assert deck.sections[0].duration == 120
    assert deck.date == ""
    assert deck.sources[0].date == "2024-03-04"
    assert deck.sources[0].citation() == "Publisher, 2024-03-04"


def test_unquoted_aspect_is_read_as_written(make_deck: DeckFactory) -> None:
    # YAML 1.1 reads 4:3 as a base-60 number; the loader keeps what was typed.
    folder = make_deck({"deck.yaml": "title: T\naspect: 4:3\nsources: [{id: src, title: S}]\n"})
    deck = load_deck(folder).deck
    assert deck is not None
    assert deck.canvas_size == (1440, 1080)


def test_section_order_follows_deck_yaml(make_deck: DeckFactory) -> None:
    folder = make_deck(
        {
            "deck.yaml": "title: T\nsections: [b.yaml, a.yaml]\nsources: [{id: src, title: S}]\n",
            "b.yaml": "title: B\nslides: [{layout: section}]\n",
        }
    )
    deck = load_deck(folder).deck
    assert deck is not None
    assert [s.title for s in deck.sections] == ["B", "First section"]
    assert deck.refs[1].section.title == "First section"
    assert deck.section_start(1) == 1


def test_nested_bullets(make_deck: DeckFactory) -> None:
    folder = make_deck(
        {
            "a.yaml": SECTION_HEAD
            + "  - title: x\n    sources: [src]\n    bullets:\n"
            + "      - top\n      - text: parent\n        bullets: [kid one, kid two]\n"
        }
    )
    deck = load_deck(folder).deck
    assert deck is not None
    bullets = deck.sections[0].slides[0].bullets
    assert bullets[0].text == "top"
    assert bullets[1].children == ("kid one", "kid two")


def test_missing_folder() -> None:
    result = load_deck(Path("/nonexistent/deck"))
    assert result.deck is None
    assert "no such file or folder" in result.problems[0].message


def test_bundled_deck_is_valid() -> None:
    from desktop.core.resources import bundled_deck

    result = load_deck(bundled_deck())
    assert result.deck is not None, [p.format() for p in result.problems]
    assert result.problems == (), [p.format() for p in result.problems]


def test_a_section_says_whether_it_is_numbered(load_files: FilesLoader) -> None:
    deck = load_files(
        {
            "a.yaml": section_yaml("Opening", "{layout: title}"),
            "b.yaml": section_yaml("One", "{layout: section}"),
            "c.yaml": "numbered: true\n" + section_yaml("Two", "{layout: title}"),
            "d.yaml": "numbered: false\n" + section_yaml("Aside", "{layout: section}"),
        }
    )
    assert [s.numbered for s in deck.sections] == [None, None, True, False]
    assert [s.is_numbered for s in deck.sections] == [False, True, True, False]


def test_a_long_agenda_is_split_into_parts_the_deck_counts(load_files: FilesLoader) -> None:
    sections = {
        f"s{n:02d}.yaml": section_yaml(f"Section {n}", "{layout: section}") for n in range(8)
    }
    agenda = section_yaml("Start", "{layout: agenda, notes: Say hello, duration: 61s}")
    deck = load_files({"a.yaml": agenda, **sections})
    parts = [ref.slide for ref in deck.refs if ref.slide.layout is Layout.AGENDA]
    assert [(s.part, s.parts) for s in parts] == [(0, 2), (1, 2)]
    assert [s.notes for s in parts] == ["Say hello", ""]
    assert sum(s.duration or 0 for s in parts) == 61
    assert len({s.id for s in parts}) == 2
    narrow = dataclasses.replace(deck, aspect="4:3")  # parts are made anew for the aspect
    assert sum(r.slide.layout is Layout.AGENDA for r in narrow.refs) == 3
    assert narrow.slide_count == len(narrow.refs) == sum(len(s.slides) for s in narrow.sections)


def test_a_source_may_be_dated_by_its_month(load_files: FilesLoader) -> None:
    deck = load_files({"deck.yaml": "title: T\nsources: [{id: src, title: S, date: 2024-10}]\n"})
    assert deck.sources[0].date == "2024-10"
    assert deck.sources[0].citation() == "S, 2024-10"
