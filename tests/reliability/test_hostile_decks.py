"""A catalogue of hostile decks, each with the exact problem it must report.

The catalogue is data: ``tests/data/hostile/<case>/`` is a deck folder, and its
``expected.txt`` lists every problem ``tianjin-briefing check`` must print for it, one line
each as ``file:line:col: severity: message`` with the file relative to the deck folder (no
lines: the deck loads cleanly, and then every slide is also rendered). ``links.txt`` lists
symbolic links to create (``name -> target``), so the repository holds none. Each case is
copied to a temporary folder beside ``outside.yaml``, ``outside.png``, ``theme.yaml`` and
``secret.yaml`` (files outside the deck that ``..`` paths and links try to reach;
:data:`SECRET` is in the last).

Large or special files are generated at test time instead of committed:

=========================== ==================================================================
case                        generated file
=========================== ==================================================================
file-50mb                   ``a.yaml``: 50 MB (a valid head, then a comment of 50 MB)
image-20000px               ``huge.png``: a PNG header only, 20,000 × 20,000 pixels
bullets-10000               ``a.yaml``: one slide with 10,000 bullets
bullets-200x200             ``a.yaml``: one slide with 200 bullets of 200 sub-bullets
notes-huge                  ``a.yaml``: speaker notes of 1,500,000 characters on one line
alias-notes-10000           ``a.yaml``: 20,000 characters of notes, then 9,999 slides whose
                            notes are an alias of them (600 KB expanding to 200 million)
alias-notes-deck            ``a.yaml`` … ``d.yaml``: 20,000 characters of notes and 44
                            aliases of them in each (880,000 characters a file)
values-deck                 ``a.yaml`` … ``c.yaml``: 90,000 values each
slides-2001                 ``a.yaml``, ``b.yaml``: 1,000 and 1,001 slides
sources-501                 ``deck.yaml``: 501 sources; ``a.yaml``: a slide citing 51
sections-201                ``deck.yaml``, ``s000.yaml`` … ``s200.yaml``: 201 listed sections
sections-201-found          ``s000.yaml`` … ``s200.yaml``: 201 sections, none listed
theme-fonts-20000           ``garden.yaml``: the default theme with 20,000 font families
number-sexagesimal          ``a.yaml``: a title ``1:00:00:…`` (a YAML 1.1 base-60 number
                            of 200,000 digits; computing it took PyYAML minutes)
deck-yaml-is-folder         ``deck.yaml/``: a folder
image-is-folder             ``pictures/``: a folder where the slide expects an image
section-is-folder           ``b.yaml/``: a folder listed in ``sections``
unlisted-section-is-folder  ``b.yaml/``: a folder found by the default ``*.yaml`` order
section-is-fifo             ``b.yaml``: a named pipe (reading it would wait forever)
svg-elements-100000         ``images/map.svg``: 100,000 rectangles (4 MB)
svg-long-segments-1000      ``images/map.svg``: one path of 1,000 long random segments
svg-long-segments-10000     ``images/map.svg``: one path of 10,000 long random segments
svg-slow-to-draw            ``images/map.svg``: a filled polygon of 1,000 long random edges
svg-path-too-long           ``images/map.svg``: one path of 40,000 short segments
jpeg-app-100kb-20000px      ``photo.jpg``: 100 KB of APP segments and fill bytes, then a frame
                            header of 20,000 × 20,000 pixels
png-50-megapixels           ``photo.png``: a PNG header only, 10,000 × 5,000 pixels
=========================== ==================================================================

``rendered.txt`` (optional) lists the lines that only decoding finds: the real ``check``
(with its render checks) must print ``expected.txt`` and then these.

The same lines are checked twice: from ``load_deck`` directly, and from the real ``check``
command run in-process in the deck folder (so the one-line output format is checked too).
"""

from __future__ import annotations

import os
import shutil
import struct
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Final

import pytest
from PySide6.QtCore import QSize

from desktop.cli import main
from desktop.core.loader import load_deck
from desktop.core.resources import resources_dir
from desktop.render.renderer import SlideRenderer
from tests.reliability import svg_samples
from tests.reliability.conftest import Tally
from tests.reliability.invariants import check_result, relative_line

pytestmark = pytest.mark.reliability("Hostile decks (catalogue)")

HOSTILE: Final = Path(__file__).resolve().parents[1] / "data" / "hostile"
CASES: Final = sorted(path.name for path in HOSTILE.iterdir() if path.is_dir())
MEGABYTE: Final = 1024 * 1024
SECTION_HEAD: Final = "title: Section\nslides:\n"
SECRET: Final = "hunter2"
"""In every key and value of ``secret.yaml``: no message may ever contain it."""
SECRET_YAML: Final = (
    f"title: {SECRET}-title\n{SECRET}_api_token: {SECRET}-token\n"
    f"sections: [{SECRET}.yaml]\nslides: [{SECRET}]\n"
)
SLIDE: Final = "  - {title: Points, bullets: [one], sources: [src]}\n"


def png_header(width: int, height: int) -> bytes:
    """The first bytes of a PNG: signature and IHDR chunk, no pixels."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def _fifty_megabytes(root: Path) -> None:
    head = (SECTION_HEAD + "  - title: Points\n    bullets: [one]\n    sources: [src]\n# ").encode()
    with (root / "a.yaml").open("wb") as stream:
        stream.write(head)
        stream.write(b"x" * (50 * MEGABYTE - len(head) - 1) + b"\n")


def _bullets(root: Path) -> None:
    bullets = "".join(f"      - Point {n}\n" for n in range(10_000))
    text = SECTION_HEAD + "  - title: Points\n    sources: [src]\n    bullets:\n" + bullets
    (root / "a.yaml").write_text(text, encoding="utf-8")


def _notes(root: Path) -> None:
    text = SECTION_HEAD + "  - title: Points\n    bullets: [one]\n    sources: [src]\n"
    (root / "a.yaml").write_text(text + "    notes: " + "n" * 1_500_000 + "\n", encoding="utf-8")


def _bullets_200x200(root: Path) -> None:
    subs = ", ".join(f"sub {n}" for n in range(200))
    bullets = "".join(f"      - text: Point {n}\n        bullets: [{subs}]\n" for n in range(200))
    text = SECTION_HEAD + "  - title: Points\n    sources: [src]\n    bullets:\n" + bullets
    (root / "a.yaml").write_text(text, encoding="utf-8")


def _aliased_notes(slides: int) -> str:
    """A section whose first slide has 20,000 characters of notes and the rest alias them."""
    first = "  - {title: Points, bullets: [one], sources: [src], notes: &n " + "n" * 20_000 + "}\n"
    rest = "  - {title: Points, bullets: [one], sources: [src], notes: *n}\n" * (slides - 1)
    return SECTION_HEAD + first + rest


def _alias_notes_10000(root: Path) -> None:
    (root / "a.yaml").write_text(_aliased_notes(10_000), encoding="utf-8")


def _alias_notes_deck(root: Path) -> None:
    for name in "abcd":
        text = _aliased_notes(45) + ("typo_key: read\n" if name == "d" else "")
        (root / f"{name}.yaml").write_text(text, encoding="utf-8")


def _values_deck(root: Path) -> None:
    values = "[" + ", ".join(["0"] * 90_000) + "]"
    for name in "abc":
        (root / f"{name}.yaml").write_text(f"{SECTION_HEAD}{SLIDE}extra: {values}\n")


def _slides_2001(root: Path) -> None:
    (root / "a.yaml").write_text(SECTION_HEAD + SLIDE * 1_000, encoding="utf-8")
    (root / "b.yaml").write_text(SECTION_HEAD + SLIDE * 1_001, encoding="utf-8")


def _sources_501(root: Path) -> None:
    sources = "".join(f"  - {{id: s{n}, title: Source {n}}}\n" for n in range(501))
    (root / "deck.yaml").write_text(f"title: Hostile deck\nsources:\n{sources}")
    cited = ", ".join(f"s{n}" for n in range(51))
    text = f"{SECTION_HEAD}  - {{title: Points, bullets: [one], sources: [{cited}]}}\n"
    (root / "a.yaml").write_text(text, encoding="utf-8")


def _sections(listed: bool) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / "a.yaml").unlink()
        names = [f"s{n:03}.yaml" for n in range(201)]
        for name in names:
            (root / name).write_text(SECTION_HEAD + SLIDE, encoding="utf-8")
        if listed:
            deck = (root / "deck.yaml").read_text(encoding="utf-8")
            (root / "deck.yaml").write_text(f"{deck}sections: [{', '.join(names)}]\n")

    return make


def _theme_fonts(root: Path) -> None:
    theme = (resources_dir() / "themes" / "default.yaml").read_text(encoding="utf-8")
    fonts = ", ".join(f'"Font {n}"' for n in range(20_000))
    lines = [
        f"fonts: [{fonts}]" if line.startswith("fonts:") else line for line in theme.splitlines()
    ]
    (root / "garden.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _sexagesimal(root: Path) -> None:
    title = "1" + ":00" * 200_000
    text = f"title: {title}\nslides:\n  - title: Points\n    bullets: [one]\n    sources: [src]\n"
    (root / "a.yaml").write_text(text, encoding="utf-8")


def _huge_png(root: Path) -> None:
    (root / "huge.png").write_bytes(png_header(20_000, 20_000))


def _many_elements(root: Path) -> None:
    rects = "".join(
        f'<rect x="{n % 400}" y="{n // 400}" width="1" height="1"/>' for n in range(100_000)
    )
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="250">{rects}</svg>\n'
    (root / "images").mkdir()
    (root / "images" / "map.svg").write_text(svg, encoding="utf-8")


def _svg(text: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / "images").mkdir()
        (root / "images" / "map.svg").write_text(text, encoding="utf-8")

    return make


def _long_path() -> str:
    steps = "".join(f" l{1 + n % 3} {1 - n % 3}" for n in range(40_000))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="250">\n'
        f'<path d="M0 100{steps}" fill="none" stroke="black"/></svg>\n'
    )


def _jpeg_late_frame(root: Path) -> None:
    half = 50 * 1024  # a segment holds at most 64 KB: two of them (EXIF, XMP) make 100 KB
    app1 = b"".join(
        b"\xff" + bytes([m]) + struct.pack(">H", half) + b"E" * (half - 2) for m in (0xE1, 0xE2)
    )
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 20_000, 20_000, 1) + b"\x01\x11\x00"
    scan = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00\x00\x3f\x00"
    data = b"\xff\xd8" + app1 + b"\xff\xff\xff" + frame + scan + b"\x00" * 64 + b"\xff\xd9"
    (root / "photo.jpg").write_bytes(data)


def _png_megapixels(root: Path) -> None:
    (root / "photo.png").write_bytes(png_header(10_000, 5_000))


def _fifo(root: Path) -> None:
    os.mkfifo(root / "b.yaml")


def _folder(name: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / name).mkdir()
        (root / name / "readme.txt").write_text("a folder, not a file\n", encoding="utf-8")

    return make


MAKERS: Final[dict[str, Callable[[Path], None]]] = {
    "file-50mb": _fifty_megabytes,
    "image-20000px": _huge_png,
    "bullets-10000": _bullets,
    "bullets-200x200": _bullets_200x200,
    "alias-notes-10000": _alias_notes_10000,
    "alias-notes-deck": _alias_notes_deck,
    "values-deck": _values_deck,
    "slides-2001": _slides_2001,
    "sources-501": _sources_501,
    "sections-201": _sections(listed=True),
    "sections-201-found": _sections(listed=False),
    "theme-fonts-20000": _theme_fonts,
    "notes-huge": _notes,
    "number-sexagesimal": _sexagesimal,
    "deck-yaml-is-folder": _folder("deck.yaml"),
    "image-is-folder": _folder("pictures"),
    "section-is-folder": _folder("b.yaml"),
    "unlisted-section-is-folder": _folder("b.yaml"),
    "section-is-fifo": _fifo,
    "svg-elements-100000": _many_elements,
    "svg-long-segments-1000": _svg(svg_samples.long_segments(1_000)),
    "svg-long-segments-10000": _svg(svg_samples.long_segments(10_000)),
    "svg-slow-to-draw": _svg(svg_samples.filled_scribble(1_000)),
    "svg-path-too-long": _svg(_long_path()),
    "jpeg-app-100kb-20000px": _jpeg_late_frame,
    "png-50-megapixels": _png_megapixels,
}
META_FILES: Final = frozenset({"expected.txt", "links.txt", "rendered.txt"})


def prepare(case: str, tmp: Path) -> Path:
    """Copy the case into *tmp*, make its links and generated files; return the deck folder."""
    source = HOSTILE / case
    root = tmp.resolve() / case
    shutil.copytree(source, root, ignore=lambda _dir, names: [n for n in names if n in META_FILES])
    (root.parent / "outside.yaml").write_text("title: Not in the deck\nslides: []\n")
    (root.parent / "outside.png").write_bytes(png_header(16, 16))
    (root.parent / "theme.yaml").write_text("name: Outside\n")
    (root.parent / "secret.yaml").write_text(SECRET_YAML)
    links = source / "links.txt"
    if links.exists():
        for line in links.read_text(encoding="utf-8").splitlines():
            name, _, target = (part.strip() for part in line.partition("->"))
            (root / name).symlink_to(target)
    if case in MAKERS:
        MAKERS[case](root)
    return root


def expected(case: str, name: str = "expected.txt") -> list[str]:
    path = HOSTILE / case / name
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def test_catalogue_is_complete(tally: Tally) -> None:
    tally.add("test_catalogue_is_complete", 1, "checks")
    assert len(CASES) >= 40
    assert set(MAKERS) <= set(CASES)
    for case in CASES:
        assert (HOSTILE / case / "expected.txt").is_file(), case


@pytest.mark.parametrize("case", CASES)
def test_hostile_deck(
    case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    restore_logging: None,
    tally: Tally,
) -> None:
    tally.add(f"test_hostile_deck[{case}]", 1, "decks")
    root = prepare(case, tmp_path)
    want = expected(case)

    result = load_deck(root)
    check_result(result, root)
    assert [relative_line(p, root) for p in result.problems] == want

    monkeypatch.chdir(root)
    status = main(["check", "--no-render", str(root)])
    printed = capsys.readouterr().out.splitlines()
    assert printed[:-1] == want, "`check` prints other lines than load_deck gives"
    assert status == (1 if result.errors else 0)

    rendered = expected(case, "rendered.txt")
    if rendered:
        status = main(["check", str(root)])
        printed = capsys.readouterr().out.splitlines()
        assert printed[:-1] == want + rendered, "`check` with render checks prints other lines"
        assert status == (1 if any(": error: " in line for line in rendered) else 0)

    if result.deck is not None:  # it loads: every slide must render, too
        renderer = SlideRenderer(result.deck)
        for index in range(result.deck.slide_count):
            assert not renderer.image(index, QSize(480, 270)).isNull()
