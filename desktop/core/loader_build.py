"""Build the model from a deck's YAML: sections, slides, bullet lists and images.

:class:`DeckBuilder` reads one section file into a :class:`~desktop.core.model.Section` and
each of its slides, keeping where every text is written so that later problems can point at
it; an image is resolved inside the deck and charged to the deck's image budget.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core import format as fmt
from desktop.core.i18n import _
from desktop.core.images import sniff
from desktop.core.layouts import DEFAULT_LAYOUT
from desktop.core.loader_base import Written, get_node, list_items, place
from desktop.core.loader_data import DataReader
from desktop.core.model import Build, Bullet, Figure, Image, Layout, Quote, Section, Slide
from desktop.core.problems import Location
from desktop.core.schema import scalar_text
from desktop.core.yaml_nodes import Node, shorten
from desktop.core.yamlfile import read_yaml


class DeckBuilder(DataReader):
    """The section, slide, bullet and image builders of the loader (the table and chart
    readers are :class:`~desktop.core.loader_data.DataReader`'s)."""

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
        where = Written()
        section_id = self.text(node, "id", _slugify(path.stem), where.locations)
        if (duration := get_node(node, "duration")) is not None:
            where.locations["duration"] = duration.location
        slides = []
        for n, item in enumerate(list_items(get_node(node, "slides")), start=1):
            if not isinstance(item.value, dict):
                continue
            self.slide_count += 1
            if self.slide_count > fmt.MAX_DECK_SLIDES:
                if self.slide_count == fmt.MAX_DECK_SLIDES + 1:  # said once, at the first
                    self.error(
                        item.location,
                        _(
                            "the deck has more than {limit} slides in all (limit {limit});"
                            " split it into several decks"
                        ).format(limit=f"{fmt.MAX_DECK_SLIDES:,}"),
                        f"slides[{n - 1}]",
                    )
                break
            slides.append(self.slide(item, path, f"{section_id}-{n}", f"slides[{n - 1}]"))
        title = self.localized(node, "title", where)
        section = Section(
            id=section_id,
            title=title,
            title_zh=self.title_zh(node, where),
            file=path,
            slides=tuple(slides),
            duration=self.duration(node, "duration"),
            numbered=self.flag(node, "numbered"),
            backup=self.flag(node, "backup") is True,
            locations=where.locations,
            translations=where.translations,
        )
        return section, where.locations.get("id", listed_at)

    def title_zh(self, node: Node, where: Written) -> str:
        """The section's Chinese name: `title_zh` as written, which, in a deck declaring
        `zh`, is the title's `zh` text (an error beside a `zh` title written in `title`)."""
        title_zh = self.text(node, "title_zh", where=where.locations)
        if "zh" not in self.languages:
            return title_zh
        zh_title = where.translations.get("zh", {}).get("title", "")
        if title_zh:
            if zh_title:
                other = where.locations.get("title.zh", where.locations["title"])
                self.error(
                    where.locations["title_zh"],
                    _(
                        "`title_zh` and `title` ({place}) both give the section's zh title;"
                        " remove `title_zh` and keep `title: {{…, zh: …}}`, the preferred form"
                    ).format(place=place(other)),
                    "title_zh",
                )
                return "" if self.languages[0] == "zh" else zh_title
            where.translations.setdefault("zh", {})["title"] = title_zh
            where.locations["title.zh"] = where.locations["title_zh"]
            zh_title = title_zh
        elif zh_title:
            where.locations["title_zh"] = where.locations.get("title.zh", where.locations["title"])
        return "" if self.languages[0] == "zh" else zh_title

    def bullets(self, node: Node | None, name: str, where: Written) -> tuple[Bullet, ...]:
        """The bullet list *name* of a slide; each text's location goes into *where*.

        A mapping item is a bullet with sub-bullets (`text`, `bullets`) or a text in several
        languages (`{en: …, zh: …}`), told apart by its keys (:meth:`Localized.takes
        <desktop.core.schema_localized.Localized.takes>`).
        """
        out: list[Bullet] = []
        for item in list_items(node):
            path = f"{name}[{len(out)}]"
            if isinstance(item.value, dict) and not fmt.INLINE.takes(item):
                children: list[str] = []
                for child in list_items(get_node(item, "bullets")):
                    if child.value is not None and (
                        text := self.read_text(
                            child, f"{path}.bullets[{len(children)}]", where, "bullets"
                        )
                    ):
                        children.append(text)
                text = self.localized(item, "text", where, f"{path}.")
                out.append(Bullet(text, tuple(children)))
            elif item.value is not None and not isinstance(item.value, list):
                out.append(Bullet(self.read_text(item, path, where, name)))
        return tuple(out)

    def slide(self, node: Node, path: Path, default_id: str, field: str) -> Slide:
        where = Written(f"{field}.")
        layout = Layout.named(self.text(node, "layout")) or DEFAULT_LAYOUT
        quote_node = get_node(node, "quote")
        image_node = get_node(node, "image")
        image = None
        if image_node is not None and isinstance(image_node.value, dict):
            image = self.image(image_node, f"{field}.image", where)
        figures = tuple(
            Figure(
                self.localized(f, "value", where, f"figures[{index}]."),
                self.localized(f, "label", where, f"figures[{index}]."),
            )
            for index, f in enumerate(
                f for f in list_items(get_node(node, "figures")) if isinstance(f.value, dict)
            )
        )
        sources: list[str] = []
        for item in list_items(get_node(node, "sources")):
            if text := scalar_text(item):
                where.locations[f"sources[{len(sources)}]"] = item.location
                sources.append(text)
        return Slide(
            id=self.text(node, "id", default_id, where.locations),
            layout=layout,
            origin=node.location,
            title=self.localized(node, "title", where),
            subtitle=self.localized(node, "subtitle", where),
            bullets=self.bullets(get_node(node, "bullets"), "bullets", where),
            figures=figures,
            quote=(
                Quote(
                    self.localized(quote_node, "text", where, "quote."),
                    self.localized(quote_node, "by", where, "quote."),
                )
                if quote_node is not None and isinstance(quote_node.value, dict)
                else None
            ),
            left=self.bullets(get_node(node, "left"), "left", where),
            right=self.bullets(get_node(node, "right"), "right", where),
            left_title=self.localized(node, "left_title", where),
            right_title=self.localized(node, "right_title", where),
            image=image,
            table=self.table(get_node(node, "table"), where),
            chart=self.chart(get_node(node, "chart"), where),
            notes=self.localized(node, "notes", where),
            sources=tuple(sources),
            duration=self.duration(node, "duration"),
            build=_build(get_node(node, "build")),
            hidden=self.flag(node, "hidden") is True,
            path=field,
            locations=where.locations,
            translations=where.translations,
        )

    def image(self, node: Node, field: str, where: Written) -> Image | None:
        path_node = get_node(node, "path")
        relative = self.text(node, "path", where=where.locations, path="image.")
        if path_node is None or not relative:
            return None
        target = self.inside(relative, path_node.location, f"{field}.path")
        if target is None:
            return None
        if target.is_dir():
            self.error(
                path_node.location,
                _("image {path} is a folder, not an image file").format(path=shorten(relative)),
                f"{field}.path",
            )
            return None
        if not target.is_file():
            self.files.append(target)
            message = (
                _("image {path} is not a regular file")
                if target.exists()
                else _("image {path} does not exist")
            )
            self.error(path_node.location, message.format(path=shorten(relative)), f"{field}.path")
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
        caption = self.localized(node, "caption", where, "image.")
        return Image(target, caption, shorten(relative))


def _build(node: Node | None) -> Build:
    """The slide's build as written (anything else is reported by the schema check)."""
    if node is None or node.value is False:
        return Build.NONE
    if node.value is True:
        return Build.REVEAL
    return Build.DIM if node.value == Build.DIM.value else Build.NONE


def _slugify(stem: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "section"
