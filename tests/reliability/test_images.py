"""Images: an SVG reads nothing outside itself, costs are bounded, decoding is checked.

* SVG rules (:mod:`desktop.core.svg`): every way an SVG can point outside itself is refused
  with a sentence naming the SVG and the reference; internal ``#id`` references and small
  embedded PNG/JPEG pictures are fine. ``<use>`` doubling, wide fan-outs, pattern and marker
  multiplication are counted before Qt draws anything.
* Drawing re-checks the bytes it decodes: an SVG swapped for a hostile one after loading is
  still never drawn (nothing of the file it points at reaches the slide).
* ``check`` decodes every image as the slides will and reports what Qt cannot draw at the
  slide's ``image:`` line (and a theme logo at its ``logo:`` line); the window's banner says
  the same. What Qt and libpng print meanwhile goes to the log: never to the terminal, in
  process (pytest-qt fails a test on any Qt warning that reaches it) or in a subprocess.
* The documented maximum draws: PNGs (8 and 16 bits a channel) and a JPEG at exactly
  :data:`MAX_PIXELS_SIDE` and :data:`MAX_PIXELS` show their colour, not the grey box.
* JPEG frame headers are found however much comes before them.
"""

from __future__ import annotations

import base64
import logging
import os
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path
from typing import Final

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QTimer
from PySide6.QtGui import QColor, QImage, QImageWriter
from pytestqt.qtbot import QtBot

from desktop.cli import main
from desktop.core.images import MAX_PIXELS, MAX_PIXELS_SIDE, ImageInfo, inspect, sniff
from desktop.core.loader import load_deck
from desktop.core.svg import MAX_SVG_ELEMENTS, MAX_SVG_POINTS
from desktop.render.checks import image_problems
from desktop.render.items import Picture
from desktop.render.qtapp import ensure_gui_app
from desktop.render.renderer import SlideRenderer
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Settings
from tests.conftest import DeckFactory
from tests.reliability.conftest import Tally

pytestmark = pytest.mark.reliability("Images: SVG references, decoding, size and cost")

SVG: Final = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
    ' width="400" height="300">'
)
RULE: Final = "SVG images must be self-contained (only #id references)"
GREEN: Final = "#12ab34"
BLUE: Final = "#2a6fb0"


def png(width: int, height: int, color: str = BLUE, depth: int = 8) -> bytes:
    """A valid PNG of one colour (RGB at 8 bits, RGBA at 16), compressed row by row."""
    c = QColor(color)
    if depth == 8:
        pixel, color_type = bytes((c.red(), c.green(), c.blue())), 2
    else:
        pixel, color_type = (
            struct.pack(">HHHH", c.red() * 257, c.green() * 257, c.blue() * 257, 65535),
            6,
        )
    row = b"\x00" + pixel * width
    packer = zlib.compressobj(1)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def jpeg(width: int, height: int, color: str = BLUE) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"jpeg"))
    writer.setQuality(60)
    assert writer.write(image), writer.errorString()
    return bytes(buffer.data().data())


def image_deck(make_deck: DeckFactory, files: dict[str, bytes | str], *paths: str) -> Path:
    slides = "".join(
        f"  - layout: image\n    title: P{n}\n    sources: [src]\n    image: {{path: {path}}}\n"
        for n, path in enumerate(paths)
    )
    return make_deck({"a.yaml": "title: S\nslides:\n" + slides, **files})


def svg_verdict(body: str) -> str:
    result = inspect((SVG + body + "</svg>").encode(), "map.svg", "svg")
    return "ok" if isinstance(result, ImageInfo) else result


def doubling(levels: int, fan: int = 2) -> str:
    defs = '<defs><rect id="l0" width="1" height="1"/>'
    for level in range(1, levels + 1):
        uses = "".join(f'<use xlink:href="#l{level - 1}" x="{n}"/>' for n in range(fan))
        defs += f'<g id="l{level}">{uses}</g>'
    return defs + f'</defs><use xlink:href="#l{levels}"/>'


TINY_PNG: Final = base64.b64encode(png(4, 3)).decode()

REFUSED: Final = [
    ('<image href="secret.png"/>', f"references `secret.png`; {RULE}"),
    ('<image xlink:href="../../outside.png"/>', f"references `../../outside.png`; {RULE}"),
    ('<image href="/etc/passwd"/>', f"references `/etc/passwd`; {RULE}"),
    ('<image href=" file:///etc/passwd "/>', f"references `file:///etc/passwd`; {RULE}"),
    ('<image XLINK:HREF="https://example.org/p.png"/>', "references `https://example.org/p.png`"),
    ('<use xlink:href="parts.svg#arrow"/>', f"references `parts.svg#arrow`; {RULE}"),
    ('<filter id="f"><feImage href="//example.org/x.png"/></filter>', "references `//example."),
    ('<pattern id="p" xlink:href="other.svg#p"/>', "references `other.svg#p`"),
    ('<a href="https://example.org"><rect/></a>', "references `https://example.org`"),
    (
        '<foreignObject><img xmlns="http://www.w3.org/1999/xhtml" src="x.png"/></foreignObject>',
        "references `x.png`",
    ),
    ('<script xlink:href="x.js"/>', "references `x.js`"),
    ('<rect fill="url(file:///etc/passwd)"/>', "references `url(file:///etc/passwd)`"),
    ('<rect fill="url (https://x.org/p#g)"/>', "references `url(https://x.org/p#g)`"),
    ("<rect style=\"fill: URL('x.svg#g')\"/>", "references `url(x.svg#g)`"),
    ("<style>rect { fill: url(x.svg#g) }</style>", "references `url(x.svg#g)`"),
    ("<style><![CDATA[rect { fill: url(x.svg#g) }]]></style>", "references `url(x.svg#g)`"),
    ("<style>u&#114;l(file:x)</style>", "references `url(file:x)`"),
    ('<style>@import "x.css";</style>', "imports a style sheet (`@import`)"),
    ('<rect style="@import url(#a)"/>', "imports a style sheet (`@import`)"),
    ("<style>rect { fill: \\75rl(x) }</style>", "uses a backslash escape in CSS"),
    ("<style>a<rect/>b</style>", "has an element inside `<style>`"),
    ('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="#a"/>', "uses XInclude"),
    ('<set attributeName="xlink:href" to="file:///etc/passwd"/>', "animates a reference"),
    ('<image href="data:text/html;base64,PHNjcmlwdD4="/>', "embeds `data:text/html;base64"),
    ('<image href="data:image/svg+xml;base64,PHN2Zy8+"/>', "embeds `data:image/svg+xml"),
    (f'<use href="data:image/png;base64,{TINY_PNG}"/>', "embeds `data:image/png;base64"),
    ('<image href="data:image/png;base64,@@@"/>', "embeds a picture whose base64 data is broken"),
    (f'<image href="data:image/png;base64,{TINY_PNG[:40]}"/>', "embeds a picture that cannot be"),
    (
        f'<image href="data:image/png;base64,{base64.b64encode(png(10_001, 1)).decode()}"/>',
        "embeds a picture that cannot be drawn: it is too large (10001×1 px)",
    ),
    ('<g id="a"><use href="#a"/></g>', "refers to itself (element #a is drawn inside itself)"),
    ('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>', "refers to itself"),
    ('<pattern id="p"><rect fill="url(#p)"/></pattern><rect fill="url(#p)"/>', "refers to itself"),
    ("<style>rect { fill: url(#p) }</style><pattern id='p'><rect/></pattern><rect/>", "itself"),
    ("<g>" * 32 + "<rect/>" + "</g>" * 32, "nests elements more than 32 deep"),
    ("<rect/>" * MAX_SVG_ELEMENTS, f"has more than {MAX_SVG_ELEMENTS:,} elements"),
    (doubling(30), f"draws more than {MAX_SVG_ELEMENTS:,} elements once its `<use>`"),
    (doubling(5, fan=10), f"draws more than {MAX_SVG_ELEMENTS:,} elements"),
    (
        '<defs><pattern id="p0"><rect/></pattern>'
        + "".join(
            f'<pattern id="p{n}">' + f'<rect fill="url(#p{n - 1})"/>' * 4 + "</pattern>"
            for n in range(1, 9)
        )
        + '</defs><rect fill="url(#p8)"/>',
        f"draws more than {MAX_SVG_ELEMENTS:,} elements",
    ),
    (
        '<marker id="m">'
        + "<circle/>" * 20
        + "</marker>"
        + '<polyline marker-mid="url(#m)" points="'
        + "1,1 " * 2_000
        + '"/>',
        f"draws more than {MAX_SVG_ELEMENTS:,} elements",
    ),
    (
        '<defs><path id="p" d="M0 0' + " L1 1" * 10_000 + '"/></defs>' + '<use href="#p"/>' * 60,
        f"draws more than {MAX_SVG_POINTS:,} points",
    ),
    ('<text id="t">' + "x" * 5_000 + "</text>" + '<use href="#t"/>' * 100, "points"),
    ("<svg/>", "ok"),  # nested svg element: fine
]
ALLOWED: Final = [
    '<defs><path id="p" d="M0 0 L10 10"/></defs><use xlink:href="#p"/><use href=" #p "/>',
    '<linearGradient id="g"/>' + '<rect fill="url(#g)"/>' * 5_000,
    '<style>.a { fill: url(#g) } rect { stroke: url("#g") }</style><linearGradient id="g"/>'
    + '<rect class="a"/>' * 3_000,
    f'<image href="data:image/png;base64,{TINY_PNG}"/><image href="data:image/png;base64,'
    f'{TINY_PNG[:20]}\n  {TINY_PNG[20:]}"/>',
    '<use href="#missing"/><rect fill="url(#nowhere)"/>',
    '<image href=""/>',
    "<g>" * 30 + "<rect/>" + "</g>" * 30,
    doubling(12),
    '<rect inkscape:label="x" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
    ' sodipodi:docname="/home/me/x.svg" xmlns:sodipodi="http://sodipodi.sourceforge.net"/>',
]


@pytest.mark.parametrize(
    ("body", "want"), REFUSED, ids=[f"refused-{n}" for n in range(len(REFUSED))]
)
def test_svg_rules_refuse(body: str, want: str, tally: Tally) -> None:
    verdict = svg_verdict(body)
    if want == "ok":
        assert verdict == "ok"
    else:
        assert verdict.startswith("map.svg ") and want in verdict, verdict
    tally.add("test_svg_rules_refuse", 1, "SVGs")


@pytest.mark.parametrize("body", ALLOWED, ids=[f"allowed-{n}" for n in range(len(ALLOWED))])
def test_svg_rules_allow_self_contained(body: str, tally: Tally) -> None:
    """What is allowed is allowed, and one outside reference added to it is still refused."""
    assert svg_verdict(body) == "ok"
    assert svg_verdict(body + '<image href="x.png"/>') == f"map.svg references `x.png`; {RULE}"
    tally.add("test_svg_rules_allow_self_contained", 1, "SVGs")


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
        + SVG
        + "<text>&b;</text></svg>",
        '<!DOCTYPE svg SYSTEM "file:///etc/passwd">' + SVG + "</svg>",
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"'
        ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">' + SVG + "</svg>",
        '<?xml-stylesheet href="style.css" type="text/css"?>' + SVG + "</svg>",
        SVG + "<text>&secret;</text></svg>",
        SVG + "<rect></svg>",
        '<svg xmlns="http://www.w3.org/2000/svg" a="1" a="2"/>',
        "<html><svg/></html>",
    ],
)
def test_svg_without_dtd_entities_or_bad_xml(text: str, tally: Tally) -> None:
    verdict = inspect(text.encode(), "map.svg", "svg")
    assert isinstance(verdict, str)
    assert verdict.startswith("map.svg ")
    assert any(
        words in verdict
        for words in ("DTDs and entities are not allowed", "not valid SVG", "style sheet")
    ), verdict
    tally.add("test_svg_without_dtd_entities_or_bad_xml", 1, "SVGs")


def test_svg_cost_is_counted_quickly(tally: Tally) -> None:
    """The checks are linear: a 2^30 bomb and 20 MB of path data are refused in seconds."""
    start = time.monotonic()
    assert "draws more than" in svg_verdict(doubling(30))
    assert "draws more than" in svg_verdict(doubling(9, fan=10))
    path = '<path d="M0 0' + " L1 1" * 1_500_000 + '"/>'
    assert f"{MAX_SVG_POINTS:,} points" in svg_verdict(path)
    assert time.monotonic() - start < 10
    tally.add("test_svg_cost_is_counted_quickly", 3, "SVGs")


def jpeg_with(segments: bytes, width: int, height: int) -> bytes:
    frame = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    scan = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00\x00\x3f\x00"
    return b"\xff\xd8" + segments + frame + scan + b"\x12\x34" * 32 + b"\xff\xd9"


def segment(marker: int, size: int) -> bytes:
    return b"\xff" + bytes([marker]) + struct.pack(">H", size) + b"\x00" * (size - 2)


@pytest.mark.parametrize(
    "segments",
    [
        segment(0xE1, 65_535) + segment(0xE2, 40_000),  # EXIF and XMP: 100 KB
        segment(0xE0, 16) + b"\xff" * 70_000 + segment(0xFE, 30_000),  # fill bytes, a comment
        b"".join(segment(0xED, 65_000) for _ in range(40)),  # 2.6 MB of metadata
    ],
    ids=["app-100kb", "fill-bytes", "metadata-2.6mb"],
)
def test_jpeg_frame_header_found_after_anything(
    segments: bytes, tmp_path: Path, tally: Tally
) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg_with(segments, 20_000, 300))
    assert sniff(path) == "image is too large (20000×300 px, limit 10000×10000); scale it down"
    path.write_bytes(jpeg_with(segments, 6_000, 300))
    assert sniff(path) == ImageInfo("jpeg", 6_000, 300)
    tally.add("test_jpeg_frame_header_found_after_anything", 2, "JPEGs")


def test_cut_short_images_are_refused(tmp_path: Path, tally: Tally) -> None:
    ensure_gui_app()
    whole = {"png": png(40, 30), "jpg": jpeg(64, 48)}
    for kind, data in whole.items():
        path = tmp_path / f"photo.{kind}"
        path.write_bytes(data)
        assert isinstance(sniff(path), ImageInfo)
        for cut in (len(data) - 12, len(data) * 2 // 3, len(data) // 3, 40, 12):
            path.write_bytes(data[:cut])
            verdict = sniff(path)
            assert isinstance(verdict, str) and "cannot be drawn" in verdict, (kind, cut, verdict)
            tally.add("test_cut_short_images_are_refused", 1, "files")


def test_over_the_pixel_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(png(MAX_PIXELS_SIDE, MAX_PIXELS // MAX_PIXELS_SIDE + 1))
    assert sniff(path) == (
        "image is too large (10000×4001 px = 40.0 megapixels, limit 40); scale it down"
    )
    path.write_bytes(png(MAX_PIXELS_SIDE, MAX_PIXELS_SIDE))
    assert "100.0 megapixels" in str(sniff(path))


def test_images_at_the_maximum_draw(make_deck: DeckFactory, tally: Tally) -> None:
    """PNGs of 8 and 16 bits a channel and a JPEG at exactly the size limits show their colour
    (a 10,000 × 10,000 PNG, the old limit, needed 400 MB and Qt refused it: a grey box)."""
    ensure_gui_app()
    long, short = MAX_PIXELS_SIDE, MAX_PIXELS // MAX_PIXELS_SIDE
    assert long * short == MAX_PIXELS
    files = {
        "wide.png": png(long, short),
        "tall16.png": png(short, long, depth=16),
        "wide.jpg": jpeg(long, short),
    }
    folder = image_deck(make_deck, dict(files), *files)
    result = load_deck(folder)
    assert result.deck is not None, [p.message for p in result.problems]
    renderer = SlideRenderer(result.deck)
    assert image_problems(result.deck, renderer.theme) == []
    want = QColor(BLUE)
    for index in range(len(files)):
        slide = renderer.image(index, QSize(480, 270))
        pictures = [item for item in renderer.layout(index).items if isinstance(item, Picture)]
        centre = pictures[0].drawn.center()
        pixel = slide.pixelColor(round(centre.x() / 4), round(centre.y() / 4))
        distance = max(
            abs(pixel.red() - want.red()),
            abs(pixel.green() - want.green()),
            abs(pixel.blue() - want.blue()),
        )
        assert distance <= 6, (list(files)[index], pixel.name())
    tally.add("test_images_at_the_maximum_draw", len(files), "images")


def test_svg_is_checked_again_when_drawn(
    make_deck: DeckFactory, tmp_path: Path, tally: Tally
) -> None:
    """An SVG that was fine when the deck loaded, then swapped, is never drawn as it is now."""
    ensure_gui_app()
    secret = tmp_path / "secret.png"
    secret.write_bytes(png(8, 8, GREEN))
    safe = SVG + '<rect width="400" height="300" fill="#ffffff"/></svg>'
    folder = image_deck(make_deck, {"images/map.svg": safe}, "images/map.svg")
    result = load_deck(folder)
    assert result.deck is not None
    hostile = SVG + f'<image width="400" height="300" xlink:href="{secret}"/>'
    hostile += '<image width="400" height="300" href="../../secret.png"/></svg>'
    (folder / "images" / "map.svg").write_text(hostile, encoding="utf-8")
    os.utime(folder / "images" / "map.svg", ns=(1, 1))  # a new modification time for sure
    renderer = SlideRenderer(result.deck)
    slide = renderer.image(0, QSize(480, 270))
    colours = {slide.pixelColor(x, y).name() for x in range(0, 480, 8) for y in range(0, 270, 8)}
    assert GREEN not in colours
    problems = image_problems(result.deck, renderer.theme)
    assert [p.message for p in problems] == [f"images/map.svg references `{secret}`; {RULE}"]
    assert (problems[0].location.line, problems[0].location.column) == (6, 19)  # image.path
    tally.add("test_svg_is_checked_again_when_drawn", 1, "swaps")


def broken_png() -> bytes:
    """A complete PNG (end chunk and all) whose compressed pixels are garbage."""
    data = png(40, 30)
    start = data.index(b"IDAT") + 4
    length = struct.unpack(">I", data[start - 8 : start - 4])[0]
    body = bytes(b ^ 0x5A for b in data[start : start + length])
    crc = struct.pack(">I", zlib.crc32(b"IDAT" + body))
    return data[:start] + body + crc + data[start + length + 4 :]


def test_check_reports_what_cannot_be_decoded(
    make_deck: DeckFactory,
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    restore_logging: None,
    tally: Tally,
) -> None:
    """``check`` decodes as the slides will, and what Qt and libpng say goes to the log only.

    pytest-qt fails any test in which a Qt warning reaches it: this one passes only because
    ``check`` routes them (``qt.svg`` warns about the unresolved ``url(#missing)``).
    """
    theme = (Path(__file__).parents[2] / "resources/themes/default.yaml").read_text("utf-8")
    folder = image_deck(
        make_deck,
        {
            "broken.png": broken_png(),
            "fine.svg": SVG + '<rect width="10" height="10" fill="url(#missing)"/></svg>',
            "brand.yaml": theme + "logo: logo.png\n",
            "logo.png": broken_png(),
            "deck.yaml": "title: T\ntheme: brand.yaml\nsections: [a.yaml]\n"
            "sources: [{id: src, title: S}]\n",
        },
        "broken.png",
        "fine.svg",
    )
    caplog.set_level(logging.DEBUG)
    status = main(["check", str(folder)])
    out, err = capfd.readouterr()
    logo_line = theme.count("\n") + 1
    assert out.splitlines() == [
        f"{folder / 'a.yaml'}:6:19: error: broken.png cannot be drawn: unable to read image data",
        f"{folder / 'brand.yaml'}:{logo_line}:7: error: logo.png cannot be drawn:"
        " unable to read image data",
        "1 section, 2 slides, 2 problems",
    ]
    assert status == 1
    assert err == ""
    logged = {(r.name, r.getMessage().split(":")[0]) for r in caplog.records}
    assert ("qt.stderr", "libpng error") in logged
    assert any(name == "qt.svg" for name, _ in logged)
    tally.add("test_check_reports_what_cannot_be_decoded", 3, "images")


def test_no_qt_message_reaches_the_terminal(make_deck: DeckFactory, tmp_path: Path) -> None:
    """The real commands as subprocesses: nothing from Qt or libpng on stdout or stderr."""
    folder = image_deck(
        make_deck,
        {
            "broken.png": broken_png(),
            "fine.svg": SVG + '<rect width="10" height="10" fill="url(#missing)"/></svg>',
        },
        "broken.png",
        "fine.svg",
    )
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANJIN_BRIEFING_HOME=str(home))
    for command in (["check"], ["export", "-o", str(tmp_path / "out.pdf")]):
        done = subprocess.run(
            [sys.executable, "-m", "desktop", *command, str(folder)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        for stream in (done.stdout, done.stderr):
            assert "libpng" not in stream and "qt." not in stream, stream
        assert done.stderr == "", done.stderr
    log = (home / "logs" / "tianjin-briefing.log").read_text(encoding="utf-8")
    assert "libpng error" in log and "qt.svg" in log


def test_window_shows_what_cannot_be_decoded(
    qtbot: QtBot, make_deck: DeckFactory, tmp_path: Path, tally: Tally
) -> None:
    folder = image_deck(make_deck, {"broken.png": broken_png()}, "broken.png")
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    assert window.open_deck(folder)
    assert not window.banner.isHidden()
    assert "a.yaml:6: broken.png cannot be drawn: unable to read image data" in window.banner.text()
    (folder / "broken.png").write_bytes(png(40, 30))
    window.reload()  # loads in the background
    qtbot.waitUntil(lambda: window.banner.isHidden(), timeout=10_000)
    assert window.banner.isHidden()
    tally.add("test_window_shows_what_cannot_be_decoded", 1, "windows")


def test_the_window_answers_while_it_decodes_a_decks_images(
    qtbot: QtBot, make_deck: DeckFactory, tmp_path: Path, tally: Tally
) -> None:
    # Three 20-megapixel PNGs take about a second to decode together; the window decodes them
    # a few per turn of the event loop, so no pause between two turns is the whole check.
    picture = png(8000, 2500)
    files: dict[str, bytes | str] = {f"p{n}.png": picture for n in range(3)}
    folder = image_deck(make_deck, files, *files)
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    ticks: list[float] = []
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: ticks.append(time.monotonic()))
    ticker.start()
    started = time.monotonic()
    with qtbot.waitSignal(window.image_check.finished, timeout=30_000):
        assert window.open_deck(folder)
    took = time.monotonic() - started
    ticker.stop()
    gaps = [b - a for a, b in zip([started, *ticks], ticks, strict=False)]
    assert max(gaps) < 0.75 * took, f"longest pause {max(gaps):.2f} s of {took:.2f} s"
    assert window.banner.isHidden()
    tally.add("test_the_window_answers_while_it_decodes_a_decks_images", 1, "windows")
