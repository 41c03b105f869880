"""Under a Chinese interface, every problem the loader finds in a deck reads in Chinese.

The deck loader and its checks (desktop/core: loader*, yaml*, schema*, format*, languages)
word each problem in the interface language, and ``file:line:col: error:`` stays as it is
for editors. Checked on the hostile-input catalogue (tests/data/hostile), on broken decks
for each check, and on every text of the loader's modules in the catalogue.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import Final

import pytest

from desktop.core.i18n import _
from desktop.core.i18n_catalog import extract
from desktop.core.languages import DisplayLanguage
from desktop.core.loader import load_deck
from desktop.core.os_reasons import REASONS, os_reason
from desktop.core.problems import Problem
from desktop.core.yaml_messages import SYNTAX, VALUES, syntax_reason, value_reason
from tests.conftest import DeckFactory
from tests.i18n.conftest import UiLanguage
from tests.i18n.english import english_words
from tests.reliability.test_hostile_decks import CASES as HOSTILE_CASES
from tests.reliability.test_hostile_decks import prepare
from tests.test_loader import CASES as LOADER_CASES

ROOT: Final = Path(__file__).resolve().parents[2]
CJK: Final = re.compile(r"[\u3400-\u9fff]")
LOCATED: Final = re.compile(r"^\S.*:\d+:\d+: (error|warning): \S")

LOADER_MODULES: Final = tuple(
    ROOT / "desktop" / "core" / f"{name}.py"
    for name in """
    loader loader_base loader_build loader_checks loader_data loader_paths yaml_compose
    yaml_limits yaml_nodes yamlfile yaml_messages os_reasons schema schema_flag
    schema_localized format format_data languages builds model
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
"""The modules of the loader, its checks and the texts they use."""

IMAGE_CASES: Final = frozenset(
    """
    image-20000px image-not-image image-unsupported-type image-wrong-kind
    jpeg-app-100kb-20000px jpeg-truncated png-50-megapixels png-truncated
    svg-css-import svg-css-url svg-data-html svg-doctype-entity svg-elements-100000
    svg-href-file-url svg-href-network svg-href-outside-file svg-long-segments-1000
    svg-long-segments-10000 svg-not-valid svg-path-too-long svg-too-deep svg-use-doubling
    svg-use-loop svg-use-relative theme-logo-svg-outside
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
"""Hostile cases whose problems come from the image and SVG checks (desktop/core/images.py,
svg*.py, desktop/render) and the theme's (theme.py, as the loader tests' ``image-not-image``
and ``theme-logo-missing``): those are worded there, and tested in test_zh_core_misc.py."""

SECTION_HEAD: Final = "title: S\nslides:\n"
SLIDE: Final = "  - {title: T, bullets: [one], sources: [src]}\n"
BROKEN: Final[dict[str, dict[str, str | bytes | None]]] = {
    "wrong types": {
        "a.yaml": SECTION_HEAD + "  - {title: [x], bullets: 3, sources: [src], hidden: 2}\n",
    },
    "choice and flag": {
        "a.yaml": SECTION_HEAD
        + "  - {layout: bulets, build: maybe, bullets: [a], sources: [src]}\n",
    },
    "layout needs and shows": {
        "a.yaml": SECTION_HEAD + "  - {layout: quote, bullets: [a], sources: [src]}\n"
        "  - {layout: image, build: true, image: {path: nowhere.png}, sources: [src]}\n",
    },
    "lists and lengths": {
        "deck.yaml": "title: T\nlanguages: [en, en]\nsources: []\naspect: '5:4'\n",
        "a.yaml": SECTION_HEAD + "  - {title: '" + "x" * 301 + "', bullets: [], sources: []}\n",
    },
    "dates and durations": {
        "deck.yaml": "title: T\ndate: 'soon'\nduration: 30h\n"
        "sources: [{id: src, title: S, date: 2024-13}]\n",
        "a.yaml": "title: S\nduration: 5 min\nslides:\n" + SLIDE,
    },
    "unknown keys and required": {
        "deck.yaml": "title: T\ntitel: x\nsources: [{id: src, title: S}]\n",
        "a.yaml": "title: S\nslides:\n  - {title: T, bullets: [{text: a}], sources: [src]}\n",
    },
    "languages": {
        "deck.yaml": "title: {zh: 标题}\nlanguages: [en, zh]\nsources: [{id: src, title: S}]\n",
        "a.yaml": SECTION_HEAD + "  - {title: {en: T, fr: F}, bullets: [{EN: a}], sources: [src]}\n"
        "  - {title: {}, bullets: [{en: a, text: b}], sources: [src]}\n",
    },
    "ids and sources": {
        "deck.yaml": "title: T\nduration: 1m\n"
        "sources: [{id: src, title: S}, {id: src, title: S2}, {id: other, title: O}]\n",
        "a.yaml": "id: s\nduration: 2m\ntitle: S\nslides:\n"
        "  - {id: x, title: T, bullets: [a], sources: [nope]}\n"
        "  - {id: x, title: T, bullets: [a]}\n"
        "  - {id: y, hidden: true, title: T, bullets: [a], sources: [other]}\n",
        "b.yaml": "id: s\ntitle: S\nslides:\n" + SLIDE,
    },
    "paths": {
        "deck.yaml": "title: T\ntheme: nowhere.yaml\n"
        "sections: [a.yaml, a.yaml, deck.yaml, /etc/x.yaml, ../outside.yaml, b.txt, c.yaml]\n",
        "a.yaml": SECTION_HEAD
        + "  - {layout: image, image: {path: 'https://x.org/a.png'}, sources: [src]}\n",
    },
    "tables": {
        "a.yaml": SECTION_HEAD + "  - layout: table\n    sources: [src]\n    table:\n"
        "      columns: [A, B]\n      rows: [[1, 2, 3], [.inf, 2]]\n      align: [left]\n"
        "      highlight_row: 9\n      highlight_column: 0\n"
        "  - {layout: table, sources: [src], table: {columns: [A], csv: t.csv}}\n"
        "  - {layout: table, sources: [src], table: {csv: missing.csv}}\n"
        "  - {layout: table, sources: [src], table: {csv: t.txt}}\n"
        "  - {layout: table, sources: [src], table: {columns: [A]}}\n"
        "  - {layout: table, sources: [src], table: {csv: empty.csv}}\n",
        "t.txt": "a\n",
        "empty.csv": "",
    },
    "charts": {
        "a.yaml": SECTION_HEAD + "  - layout: chart\n    sources: [src]\n    chart:\n"
        "      categories: [a, b]\n      series: [{name: s, values: [1, x, 3]}]\n"
        "      targets: [c, aa]\n      horizontal: true\n      type: line\n"
        "      axis: {min: 5, max: 1}\n"
        "  - {layout: chart, sources: [src], chart: {categories: [a, b]}}\n"
        "  - {layout: chart, sources: [src], chart: {csv: c.csv, axis: {min: 1}}}\n"
        "  - {layout: chart, sources: [src], chart: {csv: one.csv}}\n"
        "  - layout: chart\n    sources: [src]\n    chart:\n"
        "      categories: [a, b]\n      series: [{name: s, values: [1, 50]}]\n"
        "      axis: {max: 10}\n",
        "c.csv": "year,s\n2020,1\n2021,x\n",
        "one.csv": "year\n",
    },
    "readable sizes": {
        "a.yaml": SECTION_HEAD + "  - layout: table\n    sources: [src]\n    table:\n"
        "      columns: [a, b, c, d, e, f, g, h]\n      rows:\n"
        + "".join("        - [1, 2, 3, 4, 5, 6, 7, 8]\n" for _ in range(9))
        + "  - layout: chart\n    sources: [src]\n    chart:\n"
        "      categories: [" + ", ".join(f"c{n}" for n in range(13)) + "]\n"
        "      series: [{name: a, values: [" + ", ".join(["1"] * 13) + "]},"
        " {name: b, values: [" + ", ".join(["1"] * 13) + "]}]\n",
    },
    "yaml values": {
        "a.yaml": SECTION_HEAD + "  - {title: !!float x, bullets: [a], sources: [src]}\n",
        "b.yaml": SECTION_HEAD + "  - {title: !!python/name:os.system x}\n",
        "c.yaml": "a: 1\na: 2\n" + SECTION_HEAD + SLIDE,
        "d.yaml": "title: S\n<<: {x: 1}\nslides: []\n",
        "e.yaml": "title: S\nslides: [\n",
        "f.yaml": "title: S\n---\ntitle: T\n",
        "g.yaml": b"title: caf\xe9\n",
        "h.yaml": "\ufeff\x07title: S\n",
        "i.yaml": "? [a]\n: b\n",
        "j.yaml": "date: 2024-02-30\n" + SECTION_HEAD + SLIDE,
    },
}
"""Broken decks, one per group of checks; ``null`` leaves the default file out."""


def assert_chinese(problem: Problem, root: Path) -> None:
    line = problem.format(root)
    assert LOCATED.match(line), line
    assert CJK.search(problem.message), line
    assert english_words(problem.message) == [], line


@pytest.mark.parametrize("case", sorted(set(HOSTILE_CASES) - IMAGE_CASES))
def test_the_hostile_catalogue_reads_in_chinese(
    case: str, tmp_path: Path, ui_language: UiLanguage
) -> None:
    ui_language("zh_CN")
    root = prepare(case, tmp_path)
    for problem in load_deck(root).problems:
        assert_chinese(problem, root)


@pytest.mark.parametrize(
    "case",
    [case for case in LOADER_CASES if case.id not in ("image-not-image", "theme-logo-missing")],
    ids=lambda case: case.id,
)
def test_each_broken_deck_of_the_loader_tests_reads_in_chinese(
    case: object, make_deck: DeckFactory, ui_language: UiLanguage
) -> None:
    ui_language("zh_CN")
    root = make_deck(getattr(case, "files"))  # noqa: B009 (Case is the loader tests' own)
    problems = load_deck(root).problems
    assert problems
    for problem in problems:
        assert_chinese(problem, root)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_each_check_reads_in_chinese(
    name: str, make_deck: DeckFactory, ui_language: UiLanguage
) -> None:
    ui_language("zh_CN")
    root = make_deck(BROKEN[name])
    problems = load_deck(root).problems
    assert len(problems) >= 2, [p.format(root) for p in problems]
    for problem in problems:
        assert_chinese(problem, root)


def _filled(text: str) -> str:
    """*text* with each ``{value}`` replaced as the loader fills it: a field in backticks,
    a number, a quoted value."""
    return re.sub(r"\{(\w+)[^{}]*\}", "'v'", text.replace("{{", "(").replace("}}", ")"))


def test_every_text_of_the_loader_is_chinese(ui_language: UiLanguage) -> None:
    ui_language("zh_CN")
    messages, bad = extract(ROOT, LOADER_MODULES)
    assert bad == []
    untranslated = {
        msgid
        for _context, msgid in messages
        if not CJK.search(_(msgid)) or english_words(_filled(_(msgid)))
    }
    assert untranslated <= {", "}  # the separator of a list: 、


def test_yaml_and_system_reasons_are_looked_up_by_their_english(ui_language: UiLanguage) -> None:
    assert syntax_reason("mapping values are not allowed here") == (
        "mapping values are not allowed here"
    )
    assert syntax_reason("some future reason") == "some future reason"
    ui_language("zh_CN")
    found = "found character '\\t' that cannot start any token"
    assert syntax_reason(found) == "发现字符 '\\t'，它不能作为任何标记的开头"
    assert syntax_reason("expected ',' or '}', but got '<stream end>'").endswith("'<stream end>'")
    assert value_reason("expected a mapping node, but found scalar") == "此处应为映射，却发现标量"
    assert value_reason("month must be in 1..12") == "月份必须在 1 到 12 之间"
    assert value_reason("something else") is None
    assert os_reason(PermissionError(errno.EACCES, os.strerror(errno.EACCES))) == "权限不足"
    assert os_reason(RuntimeError("Symlink loop from '/a'")) == "符号链接层数过多（可能是循环链接）"
    for reason in (*SYNTAX, *VALUES, *REASONS):
        assert CJK.search(_(reason)), reason


def test_display_language_errors_read_in_chinese(ui_language: UiLanguage) -> None:
    ui_language("zh_CN")
    for text in ("en+zh+fr", "fr", "en+en"):
        with pytest.raises(ValueError, match=CJK.pattern) as raised:
            DisplayLanguage.parse(text, ("en", "zh"))
        assert english_words(str(raised.value)) == [], raised.value
