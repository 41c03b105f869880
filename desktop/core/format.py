"""The deck format, defined once.

The loader validates every file against these records, and
``tianjin-briefing schema`` writes them out as the JSON Schemas in
``resources/`` for editors. Change the format here and only here.
"""

from __future__ import annotations

import json
import re
from typing import Final

from desktop.core.format_data import data_records
from desktop.core.i18n import N_, _
from desktop.core.layouts import DEFAULT_LAYOUT, LAYOUT_NAMES, Layout
from desktop.core.model import DURATION_PATTERN, MAX_DURATION, format_duration, parse_duration
from desktop.core.problems import Problem, Severity
from desktop.core.schema import (
    JSON,
    Choice,
    Date,
    Either,
    Field,
    Flag,
    ListOf,
    Record,
    Text,
)
from desktop.core.schema_flag import FlagOr
from desktop.core.schema_localized import Localized
from desktop.core.yaml_nodes import Node

SLUG: Final = r"[a-z0-9][a-z0-9-]*"
DURATION: Final = DURATION_PATTERN
LAYOUTS: Final = LAYOUT_NAMES
ASPECTS: Final = ("16:9", "4:3")

LANGUAGE_CODE: Final = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*"
"""A language code as ``languages`` and the keys of a text mapping write it: ``en``, ``zh``,
``zh-Hant``, ``pt-BR``, ``es-419`` (a lower-case BCP 47 language, then subtags). No field of a
bullet record (``text``, ``bullets``) has this shape, so a bullet mapping is one or the other."""
DEFAULT_LANGUAGES: Final = ("en",)
MAX_LANGUAGES: Final = 10
MAX_CODE: Final = 35


def is_language_code(text: str) -> bool:
    """Whether *text* is shaped as :data:`LANGUAGE_CODE` says (and not too long)."""
    return len(text) <= MAX_CODE and re.fullmatch(LANGUAGE_CODE, text) is not None


MAX_TITLE: Final = 300
MAX_TEXT: Final = 1_000
MAX_NOTES: Final = 20_000
MAX_BULLETS: Final = 100
"""Bullets in one list (``bullets``, ``left``, ``right``)."""
MAX_SUB_BULLETS: Final = 50
"""Sub-bullets of one bullet."""
MAX_SLIDE_BULLETS: Final = 200
"""Bullets and sub-bullets of one slide, all its lists together: what a slide lays out."""
MAX_SLIDES: Final = 2_000
"""Slides in one section."""
MAX_DECK_SLIDES: Final = 2_000
"""Slides in the whole deck (checked by the loader)."""
MAX_SECTIONS: Final = 200
"""Section files in a deck."""
MAX_SOURCES: Final = 500
"""Sources in deck.yaml."""
MAX_CITED: Final = 50
"""Source ids in one slide's ``sources``."""

SLIDE_COMMON: Final = ("layout", "id", "notes", "sources", "duration", "build", "hidden")
"""Slide fields that any layout takes; the other slide fields are content fields, and each
layout shows those of :attr:`Layout.uses <desktop.core.layouts.Layout.uses>`."""

EMPHASIS_NOTE: Final = " Inline `**bold**` and `*italic*` are allowed."


def _duration_problem(text: str, path: str) -> str | None:
    """The problem of a duration written as one (the pattern matches): longer than a day."""
    try:
        parse_duration(text)
    except ValueError:
        return _("`{field}` is longer than a day (at most {limit})").format(
            field=path, limit=format_duration(MAX_DURATION)
        )
    return None


DURATION_TEXT: Final = Text(
    pattern=DURATION,
    pattern_hint=N_("write a duration like `90s`, `2m`, `1m30s` or `1h15m`, with the digits 0-9"),
    value_check=_duration_problem,
)

SLUG_TEXT: Final = Text(
    pattern=SLUG,
    pattern_hint=N_("use lowercase letters, digits and hyphens, e.g. `green-development`"),
    max_length=80,
)


def localized(text: Text) -> Localized:
    """*text*, or a mapping of language code to such texts: the kind of every text field."""
    return Localized(text, LANGUAGE_CODE)


INLINE: Final = localized(Text(description="Text." + EMPHASIS_NOTE, max_length=MAX_TEXT))
TITLE: Final = localized(Text(max_length=MAX_TITLE))

BULLET: Final = Either(
    text=INLINE,
    record=Record(
        name="bullet",
        label=N_("bullet"),
        description="A bullet with one nested level of sub-bullets.",
        fields=(
            Field("text", INLINE, "The bullet's text." + EMPHASIS_NOTE, required=True),
            Field(
                "bullets",
                ListOf(INLINE, min_items=1, max_items=MAX_SUB_BULLETS),
                "Sub-bullets (plain text; no deeper nesting).",
                required=True,
            ),
        ),
    ),
)
BULLETS: Final = ListOf(BULLET, min_items=1, max_items=MAX_BULLETS)

FIGURE: Final = Record(
    name="figure",
    label=N_("figure"),
    fields=(
        Field(
            "value",
            localized(Text(max_length=40)),
            "The key number as shown: `¥3 tn`, `3.7%`.",
            True,
        ),
        Field("label", INLINE, "What the number measures.", True),
    ),
)

QUOTE: Final = Record(
    name="quote",
    label=N_("quote"),
    fields=(
        Field("text", INLINE, "The quotation.", True),
        Field("by", INLINE, "Who said or wrote it."),
    ),
)

IMAGE: Final = Record(
    name="image",
    label=N_("image"),
    fields=(
        Field(
            "path",
            Text(max_length=500),
            "Image file relative to the deck folder (PNG, JPEG or SVG).",
            True,
        ),
        Field("caption", INLINE, "Caption under the image."),
    ),
)

TABLE, CHART = data_records(INLINE)


def _check_layout(node: Node, path: str, problems: list[Problem]) -> None:
    """A layout must have what it shows; fields it does not show are flagged."""
    assert isinstance(node.value, dict)
    layout_node = node.value.get("layout")
    layout: Layout | None = DEFAULT_LAYOUT
    if layout_node is not None and isinstance(layout_node.value, str):
        layout = Layout.named(layout_node.value)
    if layout is None:
        return
    prefix = f"{path}." if path else ""
    for need in layout.needs:
        present = node.value.get(need)
        if present is None or present.value is None:
            where = layout_node.location if layout_node is not None else node.location
            problems.append(
                Problem(
                    where,
                    _("layout `{layout}` needs `{field}`; add it or choose another layout").format(
                        layout=layout.value, field=need
                    ),
                    field=prefix + need,
                )
            )
    build = node.value.get("build")
    if build is not None and build.value not in (False, None) and not layout.spec.builds:
        problems.append(
            Problem(
                node.key_locations.get("build", node.location),
                _(
                    "`{field}` does nothing on layout `{layout}`, which shows its content at"
                    " once; remove it or choose a layout with items ({layouts})"
                ).format(
                    field=prefix + "build",
                    layout=layout.value,
                    layouts=_(", ").join(
                        f"`{built.value}`" for built in Layout if built.spec.builds
                    ),
                ),
                Severity.WARNING,
                prefix + "build",
            )
        )
    uses = (*layout.uses, *SLIDE_COMMON)
    for key in node.value:
        if key not in uses and key in SLIDE.field_names():
            problems.append(
                Problem(
                    node.key_locations.get(key, node.location),
                    _(
                        "`{field}` is not shown by layout `{layout}`; remove it or change"
                        " the layout"
                    ).format(field=prefix + key, layout=layout.value),
                    Severity.WARNING,
                    prefix + key,
                )
            )


def _check_bullet_total(node: Node, path: str, problems: list[Problem]) -> None:
    """All bullet lists of a slide together hold at most :data:`MAX_SLIDE_BULLETS` items.

    Items past a list's own limit are not counted: that list has its own problem already.
    """
    assert isinstance(node.value, dict)
    prefix = f"{path}." if path else ""
    count = 0
    for name in BULLET_LISTS:
        items = node.value.get(name)
        if items is None or not isinstance(items.value, list):
            continue
        for index, item in enumerate(items.value[:MAX_BULLETS]):
            places = [(f"{name}[{index}]", item)]
            children = item.value.get("bullets") if isinstance(item.value, dict) else None
            if children is not None and isinstance(children.value, list):
                places += [
                    (f"{name}[{index}].bullets[{sub}]", child)
                    for sub, child in enumerate(children.value[:MAX_SUB_BULLETS])
                ]
            if count + len(places) > MAX_SLIDE_BULLETS:
                field_path, where = places[MAX_SLIDE_BULLETS - count]
                problems.append(
                    Problem(
                        where.location,
                        _(
                            "the slide has more than {limit} bullets and sub-bullets in all"
                            " (limit {limit}, all lists together); split the slide"
                        ).format(limit=f"{MAX_SLIDE_BULLETS:,}"),
                        field=prefix + field_path,
                    )
                )
                return
            count += len(places)


SLIDE: Final = Record(
    name="slide",
    label=N_("slide"),
    description="One slide. `layout` decides which fields it shows.",
    fields=(
        Field(
            "layout",
            Choice(LAYOUTS),
            "How the slide is laid out: "
            + ", ".join(
                f"{layout.value} ({layout.spec.hint})" if layout.spec.hint else layout.value
                for layout in Layout
            )
            + ".",
            default=DEFAULT_LAYOUT.value,
        ),
        Field("id", SLUG_TEXT, "Stable id of the slide, unique in the deck."),
        Field("title", TITLE, "Slide title." + EMPHASIS_NOTE),
        Field("subtitle", TITLE, "Line under the title." + EMPHASIS_NOTE),
        Field("bullets", BULLETS, "Bullet points: text, or {text, bullets} for one level."),
        Field("figures", ListOf(FIGURE, min_items=1, max_items=6), "1 to 6 key numbers."),
        Field("quote", QUOTE, "A quotation with its author."),
        Field("left", BULLETS, "Left column bullets (two-column layout)."),
        Field("right", BULLETS, "Right column bullets (two-column layout)."),
        Field("left_title", TITLE, "Heading of the left column."),
        Field("right_title", TITLE, "Heading of the right column."),
        Field("image", IMAGE, "An image with an optional caption."),
        Field("table", TABLE, "A table: `columns` and `rows`, or `csv`."),
        Field("chart", CHART, "A chart: `type`, `categories` and `series`, or `csv`."),
        Field(
            "notes",
            localized(Text(max_length=MAX_NOTES, markdown=True)),
            "Speaker notes, Markdown. Shown on the presenter console and in the notes PDF.",
        ),
        Field(
            "sources",
            ListOf(SLUG_TEXT, min_items=1, max_items=MAX_CITED),
            "Ids of the deck sources this slide rests on; required on content slides.",
        ),
        Field("duration", DURATION_TEXT, "Planned time on this slide."),
        Field(
            "build",
            FlagOr(words=("dim",)),
            "Show the slide's items one per step (`true`): its top-level bullets (each with"
            " its sub-bullets), its figures, or its left then its right column. Items still to"
            " come keep their room; `dim` shows them faintly instead.",
            default="false",
        ),
        Field(
            "hidden",
            Flag(),
            "Leave the slide out of the talk: skipped when presenting, out of exports"
            " (`export --include-hidden` keeps it) and of the slide count; shown marked in the"
            " main window and reached by go-to.",
            default="false",
        ),
    ),
    extra_checks=(_check_layout, _check_bullet_total),
)
BULLET_LISTS: Final = tuple(f.name for f in SLIDE.fields if f.kind is BULLETS)
"""The slide fields that hold a bullet list: ``bullets``, ``left``, ``right``."""

SECTION: Final = Record(
    name="section",
    label=N_("section"),
    description="One section (action area) of a deck: one YAML file.",
    fields=(
        Field("id", SLUG_TEXT, "Section id, unique in the deck.", default="the file's stem"),
        Field("title", TITLE, "Name of the section.", True),
        Field(
            "title_zh",
            Text(max_length=MAX_TITLE),
            "Chinese name of the section: its `zh` text when the deck declares `zh` (the"
            " mapping form `title: {en: …, zh: …}` is preferred).",
        ),
        Field("duration", DURATION_TEXT, "Planned time for the whole section."),
        Field(
            "numbered",
            Flag(),
            "Whether the section is one of the deck's numbered parts (the actions): its"
            " section slide and its agenda entry show its number, counted over the numbered"
            " sections only. An opening or closing section without a `section` slide is"
            " unnumbered unless it says `numbered: true`.",
            default="`true` when the section has a `section` slide, else `false`",
        ),
        Field(
            "backup",
            Flag(),
            "A backup section, for questions: it comes after the talk's end wherever it is"
            " listed, out of the talk's slide count, agenda and plan, reached by go-to, the"
            " overview and the section keys; exports put it last under a *Backup* bookmark"
            " (`export --no-backup` leaves it out).",
            default="false",
        ),
        Field(
            "slides",
            ListOf(SLIDE, min_items=1, max_items=MAX_SLIDES),
            "The section's slides, in order.",
            True,
        ),
    ),
)

SOURCE: Final = Record(
    name="source",
    label=N_("source"),
    fields=(
        Field("id", SLUG_TEXT, "Id that slides use in `sources`.", True),
        Field("title", TITLE, "Title of the article or document.", True),
        Field("publisher", TITLE, "Who published it."),
        Field(
            "date",
            Date(month=True),
            "Publication date; a month alone (`2024-10`) where the day is not known.",
        ),
        Field("url", Text(max_length=2_000), "Address, shown as text; never fetched."),
    ),
)

DECK: Final = Record(
    name="deck",
    label=N_("deck"),
    description="deck.yaml: the deck's title, settings, section order and sources.",
    fields=(
        Field("title", TITLE, "Title of the briefing.", True),
        Field("subtitle", TITLE, "Subtitle on the title slide."),
        Field("author", TITLE, "Author or presenting body."),
        Field("date", Date(), "Date of the briefing."),
        Field("aspect", Choice(ASPECTS), "Slide aspect ratio.", default="16:9"),
        Field(
            "languages",
            ListOf(
                Text(
                    pattern=LANGUAGE_CODE,
                    pattern_hint=N_(
                        "write a lower-case language code such as `en`, `zh` or `zh-Hant`"
                    ),
                    max_length=MAX_CODE,
                ),
                min_items=1,
                max_items=MAX_LANGUAGES,
                unique=True,
            ),
            "The deck's languages, the primary one first: a text written as plain text is in"
            " the primary language, and each text may be a mapping of these codes to texts.",
            default="[en]",
        ),
        Field("duration", DURATION_TEXT, "Planned length of the talk, e.g. `20m`."),
        Field(
            "theme",
            Text(max_length=500),
            "A theme name from resources/themes (`default`, `high-contrast`) or a theme"
            " file's path inside the deck folder.",
            default="default",
        ),
        Field(
            "sections",
            ListOf(Text(max_length=500), min_items=1, max_items=MAX_SECTIONS),
            "Section files, in order.",
            default="every other *.yaml and *.yml file in the folder whose name does not start"
            " with a dot, sorted by name",
        ),
        Field("sources", ListOf(SOURCE, max_items=MAX_SOURCES), "Sources the slides cite."),
    ),
)


def _layout_rules() -> list[JSON]:
    rules: list[JSON] = []
    for layout in Layout:
        if not layout.needs:
            continue
        condition: JSON = {"properties": {"layout": {"const": layout.value}}}
        if layout is DEFAULT_LAYOUT:
            condition = {
                "anyOf": [
                    {**condition, "required": ["layout"]},
                    {"not": {"required": ["layout"]}},
                ]
            }
        else:
            condition["required"] = ["layout"]
        rules.append({"if": condition, "then": {"required": list(layout.needs)}})
    return rules


def json_schema(which: str) -> JSON:
    """The JSON Schema of ``deck`` (deck.yaml) or ``section`` (a section file)."""
    root = DECK if which == "deck" else SECTION
    schema = root.json_schema()
    if which == "section":
        slide = schema["properties"]["slides"]["items"]
        slide["allOf"] = _layout_rules()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"tianjin-briefing/{which}.schema.json",
        **schema,
    }


def json_schema_text(which: str) -> str:
    """The schema as the text stored in ``resources/<which>.schema.json``."""
    return json.dumps(json_schema(which), indent=2, ensure_ascii=False) + "\n"
