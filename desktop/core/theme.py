"""Themes are data: colours, fonts, sizes and margins in a YAML file. Qt-free."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.core.i18n import N_, _
from desktop.core.images import sniff
from desktop.core.os_reasons import os_reason
from desktop.core.problems import DeckError, Location, Problem
from desktop.core.resources import bundled_themes
from desktop.core.schema import Field, ListOf, Record, Text, scalar_text
from desktop.core.svg_cost import LOGO_BOX
from desktop.core.yaml_nodes import Node, shorten
from desktop.core.yamlfile import read_yaml

MAX_FONTS: Final = 20
"""Font families a theme may list: `check` opens each one to see which characters it has."""
_COLOR: Final = Text(pattern=r"#[0-9a-fA-F]{6}", pattern_hint=N_("write a colour as #rrggbb"))
_SIZE: Final = Text(
    pattern=r"[1-9]\d{0,2}", pattern_hint=N_("write a size in canvas pixels, 1-999")
)

COLOR_NAMES: Final = (
    "background",
    "text",
    "muted",
    "accent",
    "accent_text",
    "band",
    "band_text",
    "rule",
    "figure",
    "panel",
)
PAGE_COLORS: Final = {
    "page_text": "#1c2733",
    "page_muted": "#5d6b7a",
    "page_accent": "#b0262d",
    "page_rule": "#d8dde3",
    "page_frame": "#b8c0ca",
    "page_lines": "#c9ced6",
}
"""The colours of the A4 notes and handout pages (on white paper) and their defaults: a theme
may leave them out, so themes written before them stay valid."""
SECONDARY_COLORS: Final = {"secondary": "muted", "band_secondary": "band_text"}
"""The colours of a secondary language's text (``en+zh``: the Chinese set below the English),
on slides and on the band of title and section slides, and the colour each defaults to."""
CHART_COLORS: Final = {
    "chart_1": "#b0262d",
    "chart_2": "#2b6cb0",
    "chart_3": "#e69f00",
    "chart_4": "#56b4e9",
    "chart_5": "#5d6b7a",
}
"""The colours of a chart's series, in order, and their defaults: distinct in hue and in
lightness, so they stay apart for colour-blind viewers (red against blue, orange against sky
blue). A theme may leave them out; the high-contrast theme sets its own for a black ground."""
SIZE_NAMES: Final = (
    "title",
    "subtitle",
    "body",
    "sub_body",
    "figure",
    "figure_label",
    "quote",
    "footer",
    "section_title",
    "section_zh",
    "min_text",
    "margin_x",
    "margin_top",
    "margin_bottom",
)

THEME: Final = Record(
    name="theme",
    description="A slide theme.",
    fields=(
        Field("name", Text(max_length=100), "Display name.", True),
        Field(
            "colors",
            Record(
                "colors",
                tuple(Field(n, _COLOR, f"Colour: {n}.", True) for n in COLOR_NAMES)
                + tuple(
                    Field(n, _COLOR, f"Colour on A4 pages: {n}.", default=value)
                    for n, value in PAGE_COLORS.items()
                )
                + tuple(
                    Field(n, _COLOR, f"Colour of a secondary language's text (default: {v}).")
                    for n, v in SECONDARY_COLORS.items()
                )
                + tuple(
                    Field(n, _COLOR, f"Colour of a chart's series: {n}.", default=value)
                    for n, value in CHART_COLORS.items()
                ),
            ),
            "Colours as #rrggbb.",
            True,
        ),
        Field(
            "fonts",
            ListOf(Text(max_length=100), min_items=1, max_items=MAX_FONTS),
            "Font families in fallback order (bundled: Briefing Sans, Briefing Sans SC).",
            True,
        ),
        Field(
            "sizes",
            Record("sizes", tuple(Field(n, _SIZE, f"Size: {n}.", True) for n in SIZE_NAMES)),
            "Sizes and margins in canvas pixels (the canvas is 1080 high).",
            True,
        ),
        Field(
            "logo",
            Text(max_length=500),
            "Optional logo (SVG, PNG or JPEG) beside the theme file, shown at the top right of"
            " content slides and in the corner of title and section slides.",
        ),
    ),
)


@dataclass(frozen=True)
class Theme:
    """A loaded theme. Colours are ``#rrggbb`` strings; sizes canvas pixels."""

    key: str
    name: str
    colors: dict[str, str]
    fonts: tuple[str, ...]
    sizes: dict[str, int]
    logo: Path | None = None
    """Resolved logo file, checked to exist and to be an image."""
    logo_location: Location | None = None
    """Where the theme file names the logo, for problems found when it is decoded."""

    @property
    def logo_name(self) -> str:
        """How messages name the logo: its path from the theme file's folder."""
        if self.logo is None:
            return ""
        if self.logo_location is not None:
            folder = self.logo_location.file.resolve().parent
            if self.logo.is_relative_to(folder):
                return self.logo.relative_to(folder).as_posix()
        return self.logo.name

    def color(self, name: str) -> str:
        return self.colors[name]

    def size(self, name: str) -> int:
        return self.sizes[name]

    @property
    def palette(self) -> tuple[str, ...]:
        """The colours of a chart's series, in order (:data:`CHART_COLORS`)."""
        return tuple(self.colors[name] for name in CHART_COLORS)

    def __hash__(self) -> int:
        return hash(self.key)


_CACHE: dict[tuple[Path, int], Theme] = {}


def find_theme(name: str, deck_root: Path | None = None) -> Path | None:
    """The file of the theme *name*: a bundled theme's, or a theme file inside *deck_root*
    (never one outside it); None when there is none."""
    path = bundled_themes().get(name)
    if path is None and deck_root is not None:
        candidate = (deck_root / name).resolve()
        if candidate.is_relative_to(deck_root.resolve()) and candidate.is_file():
            path = candidate
    return path


def unknown_theme(name: str) -> str:
    """What to say of a theme *name* that :func:`find_theme` does not find."""
    known = _(", ").join(f"`{n}`" for n in bundled_themes())
    return _(
        "no theme named {name!r}: use one of {known}, or a theme file inside the deck folder"
    ).format(name=name, known=known)


def load_theme(name: str, deck_root: Path | None = None) -> Theme:
    """Load a bundled theme by name, or a theme file inside *deck_root*.

    Raises:
        DeckError: the theme is missing or invalid.
    """
    path = find_theme(name, deck_root)
    if path is None:
        raise DeckError([Problem(Location(Path(name)), unknown_theme(name))])
    try:
        key = (path, path.stat().st_mtime_ns)
    except OSError as exc:
        message = _("cannot read theme: {reason}").format(reason=os_reason(exc))
        raise DeckError([Problem(Location(path), message)]) from exc
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    node, problems = read_yaml(path)
    if node is not None:
        THEME.check(node, "", problems)
    if node is None or any(p.is_error for p in problems):
        raise DeckError(problems)
    theme = _build(path, node)
    _CACHE[key] = theme
    return theme


def _section(node: Node, key: str) -> dict[str, str]:
    assert isinstance(node.value, dict)
    inner = node.value[key]
    assert isinstance(inner.value, dict)
    return {k: scalar_text(v) or "" for k, v in inner.value.items()}


def _logo(path: Path, node: Node) -> tuple[Path, Location] | None:
    """The theme's logo and where it is named: beside the theme file, an image (see
    :func:`desktop.core.images.sniff`); else a located problem."""
    assert isinstance(node.value, dict)
    logo_node = node.value.get("logo")
    relative = scalar_text(logo_node) if logo_node is not None else None
    if logo_node is None or not relative:
        return None
    folder = path.parent.resolve()
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder) or not target.is_file():
        message = _("logo {file} is not a file beside the theme").format(file=relative)
        raise DeckError([Problem(logo_node.location, message)])
    info = sniff(target, shorten(relative), LOGO_BOX)
    if isinstance(info, str):
        raise DeckError([Problem(logo_node.location, info)])
    return target, logo_node.location


def _colors(written: dict[str, str]) -> dict[str, str]:
    """The theme's colours: as written, the page, chart and secondary ones defaulted."""
    colors = {**PAGE_COLORS, **CHART_COLORS, **written}
    for name, default in SECONDARY_COLORS.items():
        colors.setdefault(name, colors[default])
    return colors


def _build(path: Path, node: Node) -> Theme:
    assert isinstance(node.value, dict)
    fonts_node = node.value["fonts"]
    assert isinstance(fonts_node.value, list)
    logo = _logo(path, node)
    return Theme(
        logo=logo[0] if logo is not None else None,
        logo_location=logo[1] if logo is not None else None,
        key=path.stem,
        name=scalar_text(node.value["name"]) or path.stem,
        colors=_colors(_section(node, "colors")),
        fonts=tuple(scalar_text(f) or "" for f in fonts_node.value),
        sizes={k: int(v) for k, v in _section(node, "sizes").items()},
    )
