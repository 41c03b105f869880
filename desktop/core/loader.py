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
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.core import format as fmt
from desktop.core.images import DeckImages, sniff
from desktop.core.layouts import DEFAULT_LAYOUT
from desktop.core.model import (
    MAX_DURATION,
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
from desktop.core.yamlfile import DeckBudget, Node, read_yaml, shorten

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


_SPECIAL: Final = {
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
}


def resolve_deck_path(path: Path) -> tuple[Path | None, Problem | None]:
    """Accept a deck folder or its ``deck.yaml``; return the folder.

    The folder may itself be a link (the folder the user opened is the deck), but its
    ``deck.yaml`` must be a file inside it: a link to a file elsewhere is refused before a
    byte of it is read, as a section file's is. Nothing is opened here: a device or a named
    pipe (``check /dev/null``) is refused by its type, so it cannot block.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = 0
    except (OSError, ValueError) as exc:  # too long a name, a link loop, a NUL character
        return None, Problem(Location(path), f"cannot open: {_why(exc)}")
    linked_deck_file = path.is_symlink() and path.name == DECK_FILE  # the loader refuses it
    if mode and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or linked_deck_file):
        kind = _SPECIAL.get(stat.S_IFMT(mode), "a special file")
        return None, Problem(
            Location(path),
            f"{path.name or path} ({kind}) is not a deck; open the deck folder or its deck.yaml",
        )
    if path.is_file() or linked_deck_file:
        if path.name != DECK_FILE:
            return None, Problem(
                Location(path), f"{path.name} is not a deck; open the deck folder or its deck.yaml"
            )
        return _outside(path.parent)
    if path.is_dir():
        folder, problem = _outside(path)
        if folder is None:
            return None, problem
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


def _outside(folder: Path) -> tuple[Path | None, Problem | None]:
    """*folder*, or a problem when its deck.yaml is a link that leads out of it."""
    deck_file = folder / DECK_FILE
    if not deck_file.is_symlink():
        return folder, None
    try:
        target = deck_file.resolve()
        inside = target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError) as exc:  # RuntimeError: a link loop (Python < 3.13)
        return None, Problem(Location(deck_file), f"cannot open {DECK_FILE}: {_why(exc)}")
    if not inside:
        return None, Problem(
            Location(deck_file),
            f"{DECK_FILE} links to a file outside the deck folder; copy the file into the deck",
        )
    return folder, None


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
        self.deck_file = (root / DECK_FILE).resolve()
        """deck.yaml, links followed (a link to a file inside the deck is allowed)."""
        self.problems: list[Problem] = []
        self.files: list[Path] = [root / DECK_FILE]
        self.budget = DeckBudget()
        self.images = DeckImages()
        """What the deck's distinct images hold together (bytes, megapixels)."""
        """What the deck's files have expanded to so far (text and values, all files)."""
        self.slide_count = 0
        self._nearby: str | None = None

    # -- helpers -------------------------------------------------------------

    def error(self, where: Location, message: str, field: str = "") -> None:
        self.problems.append(Problem(where, message, Severity.ERROR, field))

    def warning(self, where: Location, message: str, field: str = "") -> None:
        self.problems.append(Problem(where, message, Severity.WARNING, field))

    def text(
        self,
        node: Node,
        key: str,
        default: str = "",
        where: dict[str, Location] | None = None,
        path: str = "",
    ) -> str:
        """The text at *key* of *node*; its location goes into *where* under *path* + *key*."""
        value = _get(node, key)
        if value is None:
            return default
        text = scalar_text(value)
        if text is None:
            return default
        if where is not None:
            where[path + key] = value.location
        return self.clean(text, value.location, key)

    def clean(self, text: str, where: Location, field: str) -> str:
        """*text* without control characters, with a warning when it had some."""
        if _CONTROL.search(text):
            self.warning(where, f"`{field}` contains control characters; they are not shown", field)
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
        node, problems = read_yaml(deck_file, self.budget)
        self.problems.extend(problems)
        if node is None:
            return self.result(None)
        fmt.DECK.check(node, "", self.problems)
        if not isinstance(node.value, dict):
            return self.result(None)
        where: dict[str, Location] = {}
        sources = self.sources(node, where)
        self.check_theme(node)
        sections = [self.section(path, listed) for path, listed in self.section_files(node)]
        built = tuple(s for s, _ in filter(None, sections))
        self.cross_checks(tuple(filter(None, sections)), sources, node)
        deck = Deck(
            title=self.text(node, "title", where=where),
            root=self.root,
            sections=built,
            subtitle=self.text(node, "subtitle", where=where),
            author=self.text(node, "author", where=where),
            date=self.date(node, "date"),
            aspect=self.text(node, "aspect", "16:9"),
            duration=self.duration(node, "duration"),
            theme=self.text(node, "theme", "default"),
            sources=tuple(sources.values()),
            files=tuple(self.files),
            locations=where,
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

    def sources(self, node: Node, where: dict[str, Location]) -> dict[str, Source]:
        found: dict[str, Source] = {}
        first: dict[str, Location] = {}
        for index, item in enumerate(_items(_get(node, "sources"))[: fmt.MAX_SOURCES]):
            id_node = _get(item, "id")
            source_id = self.text(item, "id")
            if id_node is None or not source_id:
                continue
            if source_id in found:
                self.error(
                    id_node.location,
                    f"duplicate source id `{shorten(source_id)}`"
                    f" (first at {_place(first[source_id])})",
                    f"sources[{index}].id",
                )
                continue
            first[source_id] = id_node.location
            path = f"sources[{len(found)}]."
            found[source_id] = Source(
                id=source_id,
                title=self.text(item, "title", where=where, path=path),
                publisher=self.text(item, "publisher", where=where, path=path),
                date=self.date(item, "date"),
                url=self.text(item, "url", where=where, path=path),
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

    def section_files(self, node: Node) -> Iterator[tuple[Path, Location | None]]:
        """The section files in deck order, each with the `sections` item naming it (None
        when found by the default order)."""
        listed = _get(node, "sections")
        if listed is None:
            yield from self.found_sections(node)
            return
        seen: dict[Path, Location] = {}
        for item in _items(listed)[: fmt.MAX_SECTIONS]:
            name = scalar_text(item)
            if name is None:
                continue
            target = self.inside(name, item.location, "sections")
            if target is None:
                continue
            if target == self.deck_file:
                self.error(item.location, "`sections` lists deck.yaml itself; list section files")
                continue
            name = shorten(name)
            if target in seen:
                self.error(
                    item.location,
                    f"`sections` lists {name} twice (first at {_place(seen[target])})",
                    "sections",
                )
                continue
            seen[target] = item.location
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
                hint = f"; files here: {self.nearby()}" if self.nearby() else ""
                self.error(item.location, f"section file {name} does not exist{hint}", "sections")
                continue
            yield target, item.location

    def nearby(self) -> str:
        """The section files in the deck folder, for a hint (listed once per load)."""
        if self._nearby is None:
            listing = _listing(self.root)
            names = [p.name for p in listing if p.name != DECK_FILE] if listing else []
            self._nearby = shorten(", ".join(names), 200)
        return self._nearby

    def found_sections(self, node: Node) -> Iterator[tuple[Path, Location | None]]:
        """The default order: see :func:`_discoverable` and docs/deck-format.md, section 1."""
        try:
            theme: Path | None = (self.root / self.text(node, "theme", "default")).resolve()
        except (OSError, RuntimeError, ValueError):  # a link loop, a NUL: check_theme says so
            theme = None
        listing = _listing(self.root)
        if listing is None:
            self.error(
                Location(self.root / DECK_FILE, 1, 1),
                "cannot list the deck folder to find its section files; list them in `sections`",
                "sections",
            )
            return
        found_count = 0
        for path in listing:
            if path.name == DECK_FILE:
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
            if found in (self.deck_file, theme):
                continue
            found_count += 1
            if found_count > fmt.MAX_SECTIONS:
                self.error(
                    Location(self.root / DECK_FILE, 1, 1),
                    f"the deck folder holds more than {fmt.MAX_SECTIONS:,} section files"
                    f" (limit {fmt.MAX_SECTIONS:,}); split the deck",
                    "sections",
                )
                return
            yield path, None

    # -- sections and slides ---------------------------------------------------

    def section(
        self, path: Path, listed_at: Location | None
    ) -> tuple[Section, Location | None] | None:
        """The section in *path*, and where its id is written (None: from the file name, as
        found by the default order)."""
        self.files.append(path)
        if self.budget.exhausted:
            return None  # the deck's limits are reached: reported where, and no more reading
        node, problems = read_yaml(path, self.budget)
        self.problems.extend(problems)
        if node is None:
            return None
        fmt.SECTION.check(node, "", self.problems)
        if not isinstance(node.value, dict):
            return None
        where: dict[str, Location] = {}
        section_id = self.text(node, "id", _slugify(path.stem), where)
        if (duration := _get(node, "duration")) is not None:
            where["duration"] = duration.location
        slides = []
        for n, item in enumerate(_items(_get(node, "slides")), start=1):
            if not isinstance(item.value, dict):
                continue
            self.slide_count += 1
            if self.slide_count > fmt.MAX_DECK_SLIDES:
                if self.slide_count == fmt.MAX_DECK_SLIDES + 1:  # said once, at the first
                    self.error(
                        item.location,
                        f"the deck has more than {fmt.MAX_DECK_SLIDES:,} slides in all"
                        f" (limit {fmt.MAX_DECK_SLIDES:,}); split it into several decks",
                        f"slides[{n - 1}]",
                    )
                break
            slides.append(self.slide(item, path, f"{section_id}-{n}", f"slides[{n - 1}]"))
        section = Section(
            id=section_id,
            title=self.text(node, "title", where=where),
            title_zh=self.text(node, "title_zh", where=where),
            file=path,
            slides=tuple(slides),
            duration=self.duration(node, "duration"),
            locations=where,
        )
        return section, where.get("id", listed_at)

    def bullets(
        self, node: Node | None, name: str, where: dict[str, Location]
    ) -> tuple[Bullet, ...]:
        """The bullet list *name* of a slide; each text's location goes into *where*."""
        out: list[Bullet] = []
        for item in _items(node):
            path = f"{name}[{len(out)}]"
            if isinstance(item.value, dict):
                children: list[str] = []
                for child in _items(_get(item, "bullets")):
                    if text := scalar_text(child):
                        where[f"{path}.bullets[{len(children)}]"] = child.location
                        children.append(self.clean(text, child.location, "bullets"))
                text = self.text(item, "text", where=where, path=f"{path}.")
                out.append(Bullet(text, tuple(children)))
            elif (text := scalar_text(item)) is not None:
                where[path] = item.location
                out.append(Bullet(self.clean(text, item.location, name)))
        return tuple(out)

    def slide(self, node: Node, path: Path, default_id: str, field: str) -> Slide:
        where: dict[str, Location] = {}
        layout = Layout.named(self.text(node, "layout")) or DEFAULT_LAYOUT
        quote_node = _get(node, "quote")
        image_node = _get(node, "image")
        image = None
        if image_node is not None and isinstance(image_node.value, dict):
            image = self.image(image_node, f"{field}.image", where)
        figures = tuple(
            Figure(
                self.text(f, "value", where=where, path=f"figures[{index}]."),
                self.text(f, "label", where=where, path=f"figures[{index}]."),
            )
            for index, f in enumerate(
                f for f in _items(_get(node, "figures")) if isinstance(f.value, dict)
            )
        )
        sources: list[str] = []
        for item in _items(_get(node, "sources")):
            if text := scalar_text(item):
                where[f"sources[{len(sources)}]"] = item.location
                sources.append(text)
        return Slide(
            id=self.text(node, "id", default_id, where),
            layout=layout,
            origin=node.location,
            title=self.text(node, "title", where=where),
            subtitle=self.text(node, "subtitle", where=where),
            bullets=self.bullets(_get(node, "bullets"), "bullets", where),
            figures=figures,
            quote=(
                Quote(
                    self.text(quote_node, "text", where=where, path="quote."),
                    self.text(quote_node, "by", where=where, path="quote."),
                )
                if quote_node is not None and isinstance(quote_node.value, dict)
                else None
            ),
            left=self.bullets(_get(node, "left"), "left", where),
            right=self.bullets(_get(node, "right"), "right", where),
            left_title=self.text(node, "left_title", where=where),
            right_title=self.text(node, "right_title", where=where),
            image=image,
            notes=self.text(node, "notes", where=where),
            sources=tuple(sources),
            duration=self.duration(node, "duration"),
            path=field,
            locations=where,
        )

    def image(self, node: Node, field: str, where: dict[str, Location]) -> Image | None:
        path_node = _get(node, "path")
        relative = self.text(node, "path", where=where, path="image.")
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
        self.files.append(target)
        spent = self.images.svgs_spent(target)
        if spent is not None:
            self.error(path_node.location, spent, f"{field}.path")
            return None
        info = sniff(target, shorten(relative))
        if isinstance(info, str):
            self.error(path_node.location, info, f"{field}.path")
            return None
        over = self.images.spend(target, info)
        if over is not None:
            self.error(path_node.location, over, f"{field}.path")
            return None
        caption = self.text(node, "caption", where=where, path="image.")
        return Image(target, caption, shorten(relative))

    # -- checks across files ---------------------------------------------------

    def cross_checks(
        self,
        sections: tuple[tuple[Section, Location | None], ...],
        sources: dict[str, Source],
        deck_node: Node,
    ) -> None:
        """Ids unique across files, citations known, durations adding up.

        Each problem points at the value it is about: the duplicate id (or, for an id taken
        from the file name, the `sections` item naming the file), the unknown source id in
        the slide's `sources`.
        """
        section_ids: dict[str, Section] = {}
        slide_ids: dict[str, Slide] = {}
        for section, id_at in sections:
            if section.id in section_ids:
                first = section_ids[section.id].file.name
                self.error(
                    id_at or Location(section.file, 1, 1),
                    f"duplicate section id `{shorten(section.id)}` (also in {first})",
                    "id",
                )
            section_ids[section.id] = section
            for slide in section.slides:
                if slide.id in slide_ids:
                    first_at = slide_ids[slide.id].location("id")
                    self.error(
                        slide.location("id"),
                        f"duplicate slide id `{shorten(slide.id)}` (first at {first_at.file.name}:"
                        f"{first_at.line}:{first_at.column})",
                        f"{slide.path}.id",
                    )
                slide_ids[slide.id] = slide
                for index, source_id in enumerate(slide.sources):
                    if source_id not in sources:
                        self.error(
                            slide.location(f"sources[{index}]"),
                            f"slide `{shorten(slide.id)}` cites unknown source"
                            f" `{shorten(source_id)}`; add it to deck.yaml `sources`",
                            f"{slide.path}.sources[{index}]",
                        )
                if slide.layout.is_content and not slide.sources:
                    self.warning(
                        slide.origin,
                        f"content slide `{shorten(slide.id)}` has no `sources`;"
                        " cite what it rests on",
                        "sources",
                    )
        self.check_durations(tuple(s for s, _ in sections), deck_node)

    def check_durations(self, sections: tuple[Section, ...], deck_node: Node) -> None:
        planned = self.duration(deck_node, "duration")
        plans = [s.duration for s in sections]
        total = 0
        for section in sections:
            total += section.duration or 0
            if total > MAX_DURATION:
                self.error(
                    section.location("duration"),
                    f"the sections plan more than a day in all ({format_duration(total)} up to"
                    f" this one; at most {format_duration(MAX_DURATION)}); shorten the plans",
                    "duration",
                )
                return
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


def _listing(folder: Path) -> list[Path] | None:
    """The files of *folder* that :func:`_discoverable` takes, sorted; None if it cannot be
    listed (no read permission)."""
    try:
        return sorted(path for path in folder.iterdir() if _discoverable(path.name))
    except OSError:
        return None


def _discoverable(name: str) -> bool:
    """Whether a file named *name*, directly in the deck folder, is read as a section when
    deck.yaml has no `sections`: a lower-case ``.yaml`` or ``.yml`` extension, and no dot at
    the start (editors' and systems' hidden files: ``.#a.yaml``, ``._a.yaml``)."""
    return name.endswith((".yaml", ".yml")) and not name.startswith(".")


def _place(where: Location) -> str:
    """``line 3, column 20``: where a first occurrence is, for a message."""
    return f"line {where.line}, column {where.column}"


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
