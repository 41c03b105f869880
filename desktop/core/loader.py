"""Load a deck folder: read, validate and build the model, collecting every problem.

Usage::

    result = load_deck(Path("slides"))
    if result.deck is None:
        for problem in result.problems: print(problem.format())
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.core import format as fmt
from desktop.core.images import sniff
from desktop.core.model import (
    Bullet,
    Deck,
    Figure,
    Image,
    Layout,
    Quote,
    Section,
    Slide,
    Source,
    format_duration,
    parse_duration,
)
from desktop.core.problems import DeckError, Location, Problem, Severity
from desktop.core.resources import bundled_themes
from desktop.core.schema import scalar_text
from desktop.core.theme import load_theme
from desktop.core.yamlfile import Node, read_yaml, shorten

DECK_FILE: Final = "deck.yaml"
_URL: Final = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
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


def resolve_deck_path(path: Path) -> tuple[Path | None, Problem | None]:
    """Accept a deck folder or its ``deck.yaml``; return the folder."""
    try:
        path.stat()
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:  # too long a name, a link loop, a NUL character
        return None, Problem(Location(path), f"cannot open: {_why(exc)}")
    if path.is_file():
        if path.name != DECK_FILE:
            return None, Problem(
                Location(path), f"{path.name} is not a deck; open the deck folder or its deck.yaml"
            )
        return path.parent, None
    if path.is_dir():
        if (path / DECK_FILE).is_dir():
            return None, Problem(
                Location(path / DECK_FILE),
                "deck.yaml is a folder here; a deck needs a deck.yaml file",
            )
        if not (path / DECK_FILE).is_file():
            return None, Problem(
                Location(path / DECK_FILE),
                "this folder has no deck.yaml; a deck folder needs one (see docs/deck-format.md)",
            )
        return path, None
    return None, Problem(Location(path), "no such file or folder")


def load_deck(path: Path) -> LoadResult:
    """Load and validate the deck at *path* (a folder or its deck.yaml)."""
    root, problem = resolve_deck_path(path)
    if root is None:
        assert problem is not None
        return LoadResult(None, (problem,), ())
    return _Loader(root.resolve()).run()


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.files: list[Path] = [root / DECK_FILE]

    # -- helpers -------------------------------------------------------------

    def error(self, where: Location, message: str, field: str = "") -> None:
        self.problems.append(Problem(where, message, Severity.ERROR, field))

    def warning(self, where: Location, message: str, field: str = "") -> None:
        self.problems.append(Problem(where, message, Severity.WARNING, field))

    def text(self, node: Node, key: str, default: str = "") -> str:
        value = _get(node, key)
        if value is None:
            return default
        text = scalar_text(value)
        if text is None:
            return default
        if _CONTROL.search(text):
            self.warning(
                value.location, f"`{key}` contains control characters; they are not shown", key
            )
            text = _CONTROL.sub("", text)
        return text

    def date(self, node: Node, key: str) -> str:
        value = _get(node, key)
        if value is not None and isinstance(value.value, dt.date):
            return value.value.isoformat()
        return self.text(node, key)

    def duration(self, node: Node, key: str) -> int | None:
        text = self.text(node, key)
        try:
            return parse_duration(text) if text else None
        except ValueError:
            return None  # reported by the schema check

    # -- the deck ------------------------------------------------------------

    def run(self) -> LoadResult:
        deck_file = self.root / DECK_FILE
        node, problems = read_yaml(deck_file)
        self.problems.extend(problems)
        if node is None:
            return self.result(None)
        fmt.DECK.check(node, "", self.problems)
        if not isinstance(node.value, dict):
            return self.result(None)
        sources = self.sources(node)
        self.check_theme(node)
        sections = [self.section(path, where) for path, where in self.section_files(node)]
        built = tuple(s for s in sections if s is not None)
        self.cross_checks(built, sources, node)
        deck = Deck(
            title=self.text(node, "title"),
            root=self.root,
            sections=built,
            subtitle=self.text(node, "subtitle"),
            author=self.text(node, "author"),
            date=self.date(node, "date"),
            aspect=self.text(node, "aspect", "16:9"),
            duration=self.duration(node, "duration"),
            theme=self.text(node, "theme", "default"),
            sources=tuple(sources.values()),
            files=tuple(self.files),
        )
        if not built and not any(p.is_error for p in self.problems):
            self.error(Location(deck_file, 1, 1), "the deck has no sections; add a section file")
        return self.result(deck)

    def result(self, deck: Deck | None) -> LoadResult:
        ordered = [
            dataclasses.replace(p, message=_one_line(p.message))
            if _UNSHOWN.search(p.message)
            else p
            for p in sorted(self.problems, key=lambda p: self._file_rank(p) + p.sort_key()[1:])
        ]
        has_errors = any(p.is_error for p in ordered)
        return LoadResult(
            None if has_errors else deck, tuple(ordered), tuple(self.files), self.root
        )

    def _file_rank(self, problem: Problem) -> tuple[int]:
        try:
            return (self.files.index(problem.location.file),)
        except ValueError:
            return (len(self.files),)

    def sources(self, node: Node) -> dict[str, Source]:
        found: dict[str, Source] = {}
        for item in _items(_get(node, "sources")):
            source_id = self.text(item, "id")
            if not source_id:
                continue
            if source_id in found:
                self.error(item.location, f"duplicate source id `{shorten(source_id)}`", "sources")
                continue
            found[source_id] = Source(
                id=source_id,
                title=self.text(item, "title"),
                publisher=self.text(item, "publisher"),
                date=self.date(item, "date"),
                url=self.text(item, "url"),
            )
        return found

    def check_theme(self, node: Node) -> None:
        theme_node = _get(node, "theme")
        name = self.text(node, "theme")
        if theme_node is None or not name or name in bundled_themes():
            return
        target = self.inside(name, theme_node.location, "theme")
        if target is None:
            return
        self.files.append(target)
        if not target.is_file():
            known = ", ".join(f"`{n}`" for n in bundled_themes())
            self.error(
                theme_node.location,
                f"theme {name!r} is neither a bundled theme ({known}) nor a file in the deck",
                "theme",
            )
            return
        try:
            load_theme(name, self.root)
        except DeckError as exc:
            self.problems.extend(exc.problems)

    def inside(self, relative: str, where: Location, field: str) -> Path | None:
        """Resolve a path written in the deck; it must stay inside the deck folder."""
        if _URL.match(relative):
            self.error(where, f"`{field}` is a URL; only files inside the deck folder", field)
            return None
        if "\x00" in relative:
            self.error(where, f"`{field}` contains a NUL character", field)
            return None
        if Path(relative).is_absolute():
            self.error(
                where, f"`{field}` is an absolute path; write it relative to the deck folder", field
            )
            return None
        target = self._resolve(self.root / relative, where, field, relative)
        if target is None:
            return None
        if not target.is_relative_to(self.root):
            self.error(
                where, f"`{field}` points outside the deck folder: {shorten(relative)}", field
            )
            return None
        try:
            target.stat()
        except (FileNotFoundError, NotADirectoryError):
            pass  # missing: the caller says so
        except OSError as exc:
            self.error(
                where, f"`{field}` cannot be opened ({_why(exc)}): {shorten(relative)}", field
            )
            return None
        return target

    def _resolve(self, path: Path, where: Location, field: str, written: str) -> Path | None:
        try:
            return path.resolve()
        except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop (Python < 3.13)
            self.error(
                where, f"`{field}` cannot be opened ({_why(exc)}): {shorten(written)}", field
            )
            return None

    def section_files(self, node: Node) -> Iterator[tuple[Path, Location]]:
        listed = _get(node, "sections")
        if listed is None:
            theme = self.root / self.text(node, "theme", "default")
            for path in sorted([*self.root.glob("*.yaml"), *self.root.glob("*.yml")]):
                if path.name == DECK_FILE or path.name.startswith(".") or path == theme:
                    continue
                # Found, not written: a link in the folder must still stay inside it.
                try:
                    found = path.resolve()
                except (OSError, RuntimeError) as exc:  # a link loop
                    self.error(Location(path), f"cannot open {shorten(path.name)}: {_why(exc)}")
                    continue
                if not found.is_relative_to(self.root):
                    self.error(
                        Location(path),
                        f"{shorten(path.name)} links to a file outside the deck folder;"
                        " copy the file into the deck",
                    )
                    continue
                if found != self.root / DECK_FILE:
                    yield path, Location(self.root / DECK_FILE, 1, 1)
            return
        seen: dict[Path, int] = {}
        for item in _items(listed):
            name = scalar_text(item)
            if name is None:
                continue
            target = self.inside(name, item.location, "sections")
            if target is None:
                continue
            if target == self.root / DECK_FILE:
                self.error(item.location, "`sections` lists deck.yaml itself; list section files")
                continue
            name = shorten(name)
            if target in seen:
                self.error(
                    item.location,
                    f"`sections` lists {name} twice (first at line {seen[target]})",
                    "sections",
                )
                continue
            seen[target] = item.location.line
            if target.suffix not in (".yaml", ".yml"):
                self.error(item.location, f"section file {name} must be a .yaml file", "sections")
                continue
            if target.is_dir():
                self.error(
                    item.location, f"section file {name} is a folder, not a file", "sections"
                )
                continue
            if not target.exists():
                self.files.append(target)
                near = sorted(p.name for p in self.root.glob("*.yaml") if p.name != DECK_FILE)
                hint = f"; files here: {shorten(', '.join(near), 200)}" if near else ""
                self.error(item.location, f"section file {name} does not exist{hint}", "sections")
                continue
            yield target, item.location

    # -- sections and slides ---------------------------------------------------

    def section(self, path: Path, listed_at: Location) -> Section | None:
        self.files.append(path)
        node, problems = read_yaml(path)
        self.problems.extend(problems)
        if node is None:
            return None
        fmt.SECTION.check(node, "", self.problems)
        if not isinstance(node.value, dict):
            return None
        section_id = self.text(node, "id", _slugify(path.stem))
        slides = tuple(
            self.slide(item, path, f"{section_id}-{n}", f"slides[{n - 1}]")
            for n, item in enumerate(_items(_get(node, "slides")), start=1)
            if isinstance(item.value, dict)
        )
        return Section(
            id=section_id,
            title=self.text(node, "title"),
            title_zh=self.text(node, "title_zh"),
            file=path,
            slides=slides,
            duration=self.duration(node, "duration"),
        )

    def bullets(self, node: Node | None) -> tuple[Bullet, ...]:
        out: list[Bullet] = []
        for item in _items(node):
            if isinstance(item.value, dict):
                children = tuple(
                    _CONTROL.sub("", text)
                    for child in _items(_get(item, "bullets"))
                    if (text := scalar_text(child))
                )
                out.append(Bullet(self.text(item, "text"), children))
            elif (text := scalar_text(item)) is not None:
                out.append(Bullet(_CONTROL.sub("", text)))
        return tuple(out)

    def slide(self, node: Node, path: Path, default_id: str, field: str) -> Slide:
        layout_text = self.text(node, "layout", "bullets")
        layout = Layout(layout_text) if layout_text in fmt.LAYOUTS else Layout.BULLETS
        quote_node = _get(node, "quote")
        image_node = _get(node, "image")
        image = None
        if image_node is not None and isinstance(image_node.value, dict):
            image = self.image(image_node, f"{field}.image")
        figures = tuple(
            Figure(self.text(f, "value"), self.text(f, "label"))
            for f in _items(_get(node, "figures"))
            if isinstance(f.value, dict)
        )
        return Slide(
            id=self.text(node, "id", default_id),
            layout=layout,
            origin=node.location,
            title=self.text(node, "title"),
            subtitle=self.text(node, "subtitle"),
            bullets=self.bullets(_get(node, "bullets")),
            figures=figures,
            quote=(
                Quote(self.text(quote_node, "text"), self.text(quote_node, "by"))
                if quote_node is not None and isinstance(quote_node.value, dict)
                else None
            ),
            left=self.bullets(_get(node, "left")),
            right=self.bullets(_get(node, "right")),
            left_title=self.text(node, "left_title"),
            right_title=self.text(node, "right_title"),
            image=image,
            notes=self.text(node, "notes"),
            sources=tuple(text for s in _items(_get(node, "sources")) if (text := scalar_text(s))),
            duration=self.duration(node, "duration"),
        )

    def image(self, node: Node, field: str) -> Image | None:
        path_node = _get(node, "path")
        relative = self.text(node, "path")
        if path_node is None or not relative:
            return None
        target = self.inside(relative, path_node.location, f"{field}.path")
        if target is None:
            return None
        if target.is_dir():
            self.error(
                path_node.location,
                f"image {shorten(relative)} is a folder, not an image file",
                f"{field}.path",
            )
            return None
        if not target.is_file():
            self.files.append(target)
            gone = "is not a regular file" if target.exists() else "does not exist"
            self.error(path_node.location, f"image {shorten(relative)} {gone}", f"{field}.path")
            return None
        info = sniff(target)
        if isinstance(info, str):
            self.error(path_node.location, info, f"{field}.path")
            return None
        self.files.append(target)
        return Image(target, self.text(node, "caption"))

    # -- checks across files ---------------------------------------------------

    def cross_checks(
        self, sections: tuple[Section, ...], sources: dict[str, Source], deck_node: Node
    ) -> None:
        section_ids: dict[str, Section] = {}
        slide_ids: dict[str, Slide] = {}
        for section in sections:
            where = Location(section.file, 1, 1)
            if section.id in section_ids:
                first = section_ids[section.id].file.name
                self.error(
                    where, f"duplicate section id `{shorten(section.id)}` (also in {first})", "id"
                )
            section_ids[section.id] = section
            for slide in section.slides:
                if slide.id in slide_ids:
                    first_at = slide_ids[slide.id].origin
                    self.error(
                        slide.origin,
                        f"duplicate slide id `{shorten(slide.id)}` (first at {first_at.file.name}:"
                        f"{first_at.line})",
                        "id",
                    )
                slide_ids[slide.id] = slide
                for source_id in slide.sources:
                    if source_id not in sources:
                        self.error(
                            slide.origin,
                            f"slide `{shorten(slide.id)}` cites unknown source"
                            f" `{shorten(source_id)}`; add it to deck.yaml `sources`",
                            "sources",
                        )
                if slide.layout.is_content and not slide.sources:
                    self.warning(
                        slide.origin,
                        f"content slide `{shorten(slide.id)}` has no `sources`;"
                        " cite what it rests on",
                        "sources",
                    )
        self.check_durations(sections, deck_node)

    def check_durations(self, sections: tuple[Section, ...], deck_node: Node) -> None:
        planned = self.duration(deck_node, "duration")
        plans = [s.duration for s in sections]
        if planned is None or not plans or any(p is None for p in plans):
            return
        total = sum(p for p in plans if p is not None)
        if total != planned:
            where = _get(deck_node, "duration")
            assert where is not None
            self.warning(
                where.location,
                f"sections plan {format_duration(total)} but the deck's `duration` is"
                f" {format_duration(planned)}",
                "duration",
            )


def _why(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError):  # pathlib's "Symlink loop" before Python 3.13
        return os.strerror(errno.ELOOP)
    if isinstance(exc, ValueError):
        return "the name has a NUL character"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def _one_line(message: str) -> str:
    """*message* with line breaks, control and bidi-override characters escaped."""
    return _UNSHOWN.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)


def _get(node: Node | None, key: str) -> Node | None:
    if node is None or not isinstance(node.value, dict):
        return None
    value = node.value.get(key)
    return None if value is None or value.value is None else value


def _items(node: Node | None) -> list[Node]:
    if node is None or not isinstance(node.value, list):
        return []
    return node.value


def _slugify(stem: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "section"
