"""Load a deck folder: read, validate and build the model, collecting every problem.

Usage::

    result = load_deck(Path("slides"))
    if result.deck is None:
        for problem in result.problems: print(problem.format())

The deck-level run (deck.yaml, its sources and theme) and the order of the problems are here;
the loader's parts are :mod:`~desktop.core.loader_base` (its state, reading values),
:mod:`~desktop.core.loader_paths` (paths inside the deck, section files),
:mod:`~desktop.core.loader_build` (sections, slides, bullets, images) and
:mod:`~desktop.core.loader_checks` (ids, citations and durations across files).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.core import format as fmt
from desktop.core.i18n import _
from desktop.core.languages import missing_texts
from desktop.core.loader_base import DECK_FILE, Written, get_node, list_items, place
from desktop.core.loader_build import DeckBuilder
from desktop.core.loader_checks import CrossChecks
from desktop.core.loader_paths import resolve_deck_path
from desktop.core.model import Deck, Source
from desktop.core.problems import DeckError, Location, Problem
from desktop.core.resources import bundled_themes
from desktop.core.schema import scalar_text
from desktop.core.theme import load_theme
from desktop.core.yaml_nodes import Node, shorten
from desktop.core.yamlfile import read_yaml

_UNSHOWN: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Characters a problem message shows escaped: line breaks, controls, bidi overrides."""


@dataclass(frozen=True)
class LoadResult:
    """What loading a deck gave: the deck when it has no errors, and every problem."""

    deck: Deck | None
    problems: tuple[Problem, ...]
    files: tuple[Path, ...]
    """Every file that belongs to the deck, read or not (so a watcher can watch them)."""
    root: Path | None = None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)


def load_deck(path: Path) -> LoadResult:
    """Load and validate the deck at *path* (a folder or its deck.yaml)."""
    root, problem = resolve_deck_path(path)
    if root is None:
        assert problem is not None
        return LoadResult(None, (problem,), ())
    return _Loader(root.resolve()).run()


class _Loader(DeckBuilder, CrossChecks):
    """One load: the deck file, its sections and the checks across them, in that order."""

    def run(self) -> LoadResult:
        deck_file = self.root / DECK_FILE
        node, problems = read_yaml(deck_file, self.budget)
        self.problems.extend(problems)
        if node is None:
            return self.result(None)
        fmt.DECK.check(node, "", self.problems)
        if not isinstance(node.value, dict):
            return self.result(None)
        self.languages = self.declared_languages(node)
        if (aspect := self.text(node, "aspect", "16:9")) in fmt.ASPECTS:
            self.aspect = aspect
        where = Written()
        sources = self.sources(node, where)
        self.check_theme(node)
        sections = [self.section(path, listed) for path, listed in self.section_files(node)]
        built = tuple(s for s, _ in filter(None, sections))
        self.cross_checks(tuple(filter(None, sections)), sources, node)
        deck = Deck(
            title=self.localized(node, "title", where),
            root=self.root,
            sections=built,
            subtitle=self.localized(node, "subtitle", where),
            author=self.localized(node, "author", where),
            date=self.date(node, "date"),
            aspect=self.text(node, "aspect", "16:9"),
            duration=self.duration(node, "duration"),
            theme=self.text(node, "theme", "default"),
            sources=tuple(sources.values()),
            files=tuple(self.files),
            locations=where.locations,
            languages=self.languages,
            translations=where.translations,
        )
        if not built and not any(p.is_error for p in self.problems):
            self.error(Location(deck_file, 1, 1), _("the deck has no sections; add a section file"))
        primary = self.languages[0]
        for language, missing in missing_texts(deck).items():
            for text in missing:
                self.warning(
                    text.location,
                    _("no {language} text for {field}; write it as `{example}`").format(
                        language=language,
                        field=text.field,
                        example=f"{{{primary}: …, {language}: …}}",
                    ),
                    text.field,
                )
        return self.result(deck)

    def declared_languages(self, node: Node) -> tuple[str, ...]:
        """``languages`` as written, without what the schema refuses, else the default."""
        written = [scalar_text(item) for item in list_items(get_node(node, "languages"))]
        codes = tuple(
            dict.fromkeys(code for code in written if code and fmt.is_language_code(code))
        )
        return codes[: fmt.MAX_LANGUAGES] or fmt.DEFAULT_LANGUAGES

    def result(self, deck: Deck | None) -> LoadResult:
        rank = {file: place for place, file in reversed(list(enumerate(self.files)))}
        last = len(self.files)
        ordered = [
            dataclasses.replace(p, message=_one_line(p.message))
            if _UNSHOWN.search(p.message)
            else p
            for p in sorted(
                self.problems,
                key=lambda p: (rank.get(p.location.file, last), *p.sort_key()[1:]),
            )
        ]
        has_errors = any(p.is_error for p in ordered)
        return LoadResult(
            None if has_errors else deck, tuple(ordered), tuple(self.files), self.root
        )

    def sources(self, node: Node, where: Written) -> dict[str, Source]:
        found: dict[str, Source] = {}
        first: dict[str, Location] = {}
        for index, item in enumerate(list_items(get_node(node, "sources"))[: fmt.MAX_SOURCES]):
            id_node = get_node(item, "id")
            source_id = self.text(item, "id")
            if id_node is None or not source_id:
                continue
            if source_id in found:
                self.error(
                    id_node.location,
                    _("duplicate source id `{id}` (first at {place})").format(
                        id=shorten(source_id), place=place(first[source_id])
                    ),
                    f"sources[{index}].id",
                )
                continue
            first[source_id] = id_node.location
            path = f"sources[{len(found)}]."
            found[source_id] = Source(
                id=source_id,
                title=self.localized(item, "title", where, path),
                publisher=self.localized(item, "publisher", where, path),
                date=self.date(item, "date"),
                url=self.text(item, "url", where=where.locations, path=path),
            )
        return found

    def check_theme(self, node: Node) -> None:
        theme_node = get_node(node, "theme")
        name = self.text(node, "theme")
        if theme_node is None or not name or name in bundled_themes():
            return
        target = self.inside(name, theme_node.location, "theme")
        if target is None:
            return
        self.files.append(target)
        if not target.is_file():
            known = _(", ").join(f"`{n}`" for n in bundled_themes())
            self.error(
                theme_node.location,
                _(
                    "theme {name} is neither a bundled theme ({known}) nor a file in the deck"
                ).format(name=repr(name), known=known),
                "theme",
            )
            return
        try:
            load_theme(name, self.root)
        except DeckError as exc:
            self.problems.extend(exc.problems)


def _one_line(message: str) -> str:
    """*message* with line breaks, control and bidi-override characters escaped."""
    return _UNSHOWN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)
