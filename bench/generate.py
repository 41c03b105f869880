"""Write deterministic benchmark decks in the deck format (Qt-free).

A deck of *n* slides has sections of 10 slides. The first slide is a title slide, the second an
agenda, the last a sources slide, and every section opens with a section slide; the other slides
cycle through bullets (some with sub-bullets), figures, two columns, a quote, images (SVG and
PNG), a table and a chart (a chart deck, ``--charts``, has charts only). Decks of up to 12
sections have an agenda as their second slide. Every slide has notes,
content slides cite sources, and sections plan 30 s per slide.

Text comes from a seeded generator keyed by the slide's index, so a slide is the same in every
deck size and every run. Usage::

    python -m bench.generate 300 /tmp/deck-300
    python -m bench.generate --charts 300 /tmp/charts-300   # every content slide a chart
"""

from __future__ import annotations

import random
import struct
import sys
import zlib
from pathlib import Path
from typing import Final

import yaml

from bench.bilingual import bilingual_deck, bilingual_section
from desktop.core.model import format_duration

SECTION_SIZE: Final = 10
SECONDS_PER_SLIDE: Final = 30
DEFAULT_SEED: Final = 6
AGENDA_LIMIT: Final = 120
"""Decks up to this many slides (12 sections) get an agenda slide; the agenda layout does not
fit more sections (their entries overflow at the minimum text size)."""

CONTENT_CYCLE: Final = (
    "bullets",
    "figures",
    "bullets-nested",
    "two-column",
    "quote",
    "bullets",
    "image-svg",
    "figures",
    "image-png",
    "table",
    "chart",
)
CHART_CYCLE: Final = ("chart", "chart-line", "chart-grouped", "chart-horizontal")
"""The content slides of a chart deck (``--charts``): every kind of chart in turn."""

_WORD_TEXT: Final = """
port city industry growth plan target output green carbon energy transport rail freight
harbour container services finance innovation research talent university park district
renewal housing water river coast wetland village farm market trade logistics digital
network platform factory supply chain quality standard investment project budget review
report survey region corridor station airport hospital school culture heritage tourism
community safety governance service licence reform pilot zone cluster capacity measure
result progress demand share level index rate period milestone partner agency council
"""
WORDS: Final = tuple(_WORD_TEXT.split())

ZH_CHARS: Final = (
    "发展行动城市建设经济创新绿色港口产业服务科技教育人才生态文化开放协同治理民生乡村振兴"
)

SOURCES: Final = tuple(
    {
        "id": f"src-{n:02d}",
        "title": f"Benchmark source document number {n}",
        "publisher": f"Publisher {chr(ord('A') + n - 1)}",
        "date": f"2024-{n:02d}-{10 + n:02d}",
        **({"url": f"https://example.org/reports/{n:02d}.pdf"} if n % 2 else {}),
    }
    for n in range(1, 9)
)


def _words(rng: random.Random, low: int, high: int) -> list[str]:
    return [rng.choice(WORDS) for _ in range(rng.randint(low, high))]


def _sentence(rng: random.Random, low: int, high: int, emphasis: bool = False) -> str:
    words = _words(rng, low, high)
    if emphasis and len(words) > 4 and rng.random() < 0.4:
        at = rng.randint(1, len(words) - 2)
        words[at : at + 2] = [f"**{words[at]} {words[at + 1]}**"]
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _title(rng: random.Random) -> str:
    return " ".join(w.capitalize() if n == 0 else w for n, w in enumerate(_words(rng, 2, 5)))


def _notes(rng: random.Random, index: int) -> str:
    first = " ".join(_sentence(rng, 10, 18) + "." for _ in range(rng.randint(2, 3)))
    second = " ".join(_sentence(rng, 8, 14, emphasis=True) + "." for _ in range(2))
    parts = [f"Slide {index + 1}. {first}", second]
    if index % 3 == 0:
        parts.append("\n".join(f"- {_sentence(rng, 4, 8)}" for _ in range(3)))
    return "\n\n".join(parts) + "\n"


def _figure_value(rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:
        return f"{rng.randint(2, 98)}%"
    if kind == 1:
        return f"¥{rng.randint(1, 9)}.{rng.randint(0, 9)} tn"
    if kind == 2:
        return f"+{rng.randint(0, 9)}.{rng.randint(1, 9)}%"
    if kind == 3:
        return f"{rng.randint(10, 999):,}"
    return f"{rng.randint(2, 40)} km"


def _cites(rng: random.Random) -> list[str]:
    picked = rng.sample(range(len(SOURCES)), rng.randint(1, 2))
    return [str(SOURCES[n]["id"]) for n in sorted(picked)]


def layout_for(index: int, count: int, charts: bool = False) -> str:
    """The generator's layout for slide *index* of a deck of *count* slides (in a chart
    deck, every content slide is a chart)."""
    if index == 0:
        return "title"
    if index == 1 and count >= 3 and count <= AGENDA_LIMIT:
        return "agenda"
    if index == count - 1 and count >= 3:
        return "sources"
    if index % SECTION_SIZE == 0:
        return "section"
    if charts:
        return CHART_CYCLE[index % len(CHART_CYCLE)]
    return CONTENT_CYCLE[index % len(CONTENT_CYCLE)]


def make_slide(
    index: int, count: int, seed: int = DEFAULT_SEED, charts: bool = False
) -> dict[str, object]:
    """The YAML mapping of slide *index* (deterministic in *seed* and *index*)."""
    rng = random.Random(f"{seed}:slide:{index}")
    kind = layout_for(index, count, charts)
    slide: dict[str, object] = {"id": f"slide-{index + 1:04d}"}
    if kind in ("title", "section", "agenda", "sources"):
        slide["layout"] = kind
        if kind == "section":
            slide["subtitle"] = f"Part {index // SECTION_SIZE + 1}"
        elif kind == "agenda":
            slide["title"] = "Agenda"
    elif kind.startswith("bullets"):
        slide["layout"] = "bullets"
        slide["title"] = _title(rng)
        if rng.random() < 0.5:
            slide["subtitle"] = _sentence(rng, 4, 8)
        bullets: list[object] = [_sentence(rng, 5, 11, emphasis=True) for _ in range(4)]
        if kind == "bullets-nested":
            bullets[1] = {
                "text": _sentence(rng, 4, 8),
                "bullets": [_sentence(rng, 3, 6) for _ in range(2)],
            }
            del bullets[3]
        slide["bullets"] = bullets
    elif kind == "figures":
        slide["layout"] = "figures"
        slide["title"] = _title(rng)
        slide["figures"] = [
            {"value": _figure_value(rng), "label": _sentence(rng, 3, 7, emphasis=True)}
            for _ in range(3 if index % 2 else 4)
        ]
    elif kind == "two-column":
        slide["layout"] = "two-column"
        slide["title"] = _title(rng)
        slide["left_title"] = _title(rng)
        slide["left"] = [_sentence(rng, 3, 7) for _ in range(3)]
        slide["right_title"] = _title(rng)
        slide["right"] = [_sentence(rng, 3, 7, emphasis=True) for _ in range(3)]
    elif kind == "quote":
        slide["layout"] = "quote"
        slide["title"] = _title(rng)
        slide["quote"] = {
            "text": _sentence(rng, 12, 20) + ".",
            "by": f"{_title(rng)}, planning council",
        }
    elif kind == "table":
        slide["layout"] = "table"
        slide["title"] = _title(rng)
        years = [str(2020 + n) for n in range(3)]
        slide["table"] = {
            "columns": ["Measure", *years, "Target"],
            "rows": [
                [_title(rng), *(round(rng.uniform(1, 900), rng.randint(0, 2)) for _ in range(4))]
                for _ in range(5)
            ],
            "highlight_column": 5,
            "note": _sentence(rng, 5, 9),
        }
    elif kind.startswith("chart"):
        slide["layout"] = "chart"
        slide["title"] = _title(rng)
        slide["chart"] = _chart(rng, kind)
    else:
        slide["layout"] = "image"
        slide["title"] = _title(rng)
        slide["image"] = {
            "path": "images/chart.svg" if kind == "image-svg" else "images/photo.png",
            "caption": _sentence(rng, 4, 9, emphasis=True),
        }
    if kind not in ("title", "section", "agenda", "sources"):
        slide["sources"] = _cites(rng)
    slide["notes"] = _notes(rng, index)
    return slide


def _chart(rng: random.Random, kind: str) -> dict[str, object]:
    """A chart of the given kind: bars, a line, grouped bars or horizontal bars."""
    size = 8 if kind == "chart-line" else 5
    categories = [str(2019 + n) for n in range(size)]
    names = [_title(rng) for _ in range(3 if kind == "chart-grouped" else 1)]
    series = []
    for number, name in enumerate(names):
        values: list[float | None] = [round(rng.uniform(5, 120), 1) for _ in categories]
        if number == 0:
            values[1] = None  # a gap
        series.append({"name": name, "values": values})
    return {
        "type": "line" if kind == "chart-line" else "bar",
        "categories": categories,
        "series": series,
        "unit": " ".join(_words(rng, 1, 2)),
        "targets": [categories[-1]],
        "horizontal": kind == "chart-horizontal",
    }


def make_section(
    number: int, first: int, count: int, seed: int = DEFAULT_SEED, charts: bool = False
) -> dict[str, object]:
    """Section *number* (0-based), holding slides *first* … *first* + 9 of *count*."""
    rng = random.Random(f"{seed}:section:{number}")
    last = min(first + SECTION_SIZE, count)
    zh = "".join(rng.choice(ZH_CHARS) for _ in range(rng.randint(4, 6)))
    return {
        "id": f"section-{number + 1:03d}",
        "title": _title(rng),
        "title_zh": zh,
        "duration": format_duration((last - first) * SECONDS_PER_SLIDE),
        "slides": [make_slide(i, count, seed, charts) for i in range(first, last)],
    }


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text (notes) as literal blocks, as a person would."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def _dump(data: dict[str, object]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def chart_svg() -> str:
    """A small bar chart (deterministic)."""
    bars = "".join(
        f'<rect x="{60 + n * 70}" y="{380 - h}" width="50" height="{h}" fill="#b0262d"/>'
        for n, h in enumerate((120, 180, 90, 240, 300, 210, 150, 270, 330, 200))
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">\n'
        '  <rect x="0" y="0" width="800" height="450" fill="#f4f5f7"/>\n'
        '  <line x1="40" y1="380" x2="780" y2="380" stroke="#1c2733" stroke-width="3"/>\n'
        f"  {bars}\n"
        '  <text x="400" y="430" font-family="Noto Sans" font-size="26" text-anchor="middle"'
        ' fill="#1c2733">Output by year</text>\n'
        "</svg>\n"
    )


def photo_png(width: int = 640, height: int = 360) -> bytes:
    """An RGB gradient PNG (deterministic), written without any imaging library."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows += bytes((40 + 180 * x // width, 90 + 120 * y // height, 160))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def generate_deck(
    folder: Path,
    count: int,
    seed: int = DEFAULT_SEED,
    charts: bool = False,
    languages: tuple[str, ...] = ("en",),
) -> Path:
    """Write a deck of *count* slides into *folder* (created; files replaced); return it.

    With *charts*, every content slide is a chart (bars, a line, grouped and horizontal bars).
    ``languages=("en", "zh")`` writes every text in both (:mod:`bench.bilingual`).
    """
    if count < 1:
        raise ValueError("a deck needs at least one slide")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "images").mkdir(exist_ok=True)
    (folder / "images" / "chart.svg").write_text(chart_svg(), encoding="utf-8")
    (folder / "images" / "photo.png").write_bytes(photo_png())
    names: list[str] = []
    for number, first in enumerate(range(0, count, SECTION_SIZE)):
        name = f"s{number + 1:03d}.yaml"
        names.append(name)
        section = make_section(number, first, count, seed, charts)
        if len(languages) > 1:
            section = bilingual_section(section, ZH_CHARS)
        text = _dump(section)
        (folder / name).write_text(text, encoding="utf-8")
    deck: dict[str, object] = {
        "title": f"Benchmark briefing, {count} slides",
        "subtitle": "A generated deck for measuring start-up, navigation and export",
        "author": "Benchmark generator",
        "date": "2026-01-15",
        "aspect": "16:9",
        "duration": format_duration(count * SECONDS_PER_SLIDE),
        "theme": "default",
        "sections": names,
        "sources": list(SOURCES),
    }
    if len(languages) > 1:
        deck = bilingual_deck(deck, ZH_CHARS) | {"languages": list(languages)}
    (folder / "deck.yaml").write_text(_dump(deck), encoding="utf-8")
    return folder


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    charts = "--charts" in args
    args = [arg for arg in args if arg != "--charts"]
    if len(args) != 2 or not args[0].isdigit():
        print("usage: python -m bench.generate [--charts] SLIDES FOLDER", file=sys.stderr)
        return 2
    folder = generate_deck(Path(args[1]), int(args[0]), charts=charts)
    print(f"Wrote {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
