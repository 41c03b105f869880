#!/usr/bin/env python3
"""Build the subset fonts bundled in ``resources/fonts/``.

Usage (from the repository root)::

    .venv/bin/python tools/subset_fonts.py           # (re)build the fonts
    .venv/bin/python tools/subset_fonts.py --check   # coverage check only

Two families are produced (family names as Qt sees them):

* **Briefing Sans** (``NotoSans-{Regular,Bold,Italic,BoldItalic}.ttf``):
  Noto Sans subset to Latin + punctuation + symbols (see ``LATIN_RANGES``)
  plus any other non-CJK character used in ``slides/**/*.yaml``; math,
  arrow and shape glyphs Noto Sans lacks are copied from Noto Sans Math /
  Noto Sans Symbols 2.
* **Briefing Sans SC** (``NotoSansSC-{Regular,Bold}.ttf``): Noto Sans CJK
  SC subset to GB2312 level-1 hanzi, CJK punctuation, fullwidth forms and
  every character used in the slides that the Latin family lacks, then
  converted from CFF (cubic) to TrueType ``glyf`` (quadratic) outlines,
  because Qt's PDF engine only embeds TrueType-flavoured fonts as real
  (searchable) text.

The families are renamed (see ``LATIN_FAMILY_OUT``) because Qt prefers an
installed system font over an application font of the same family name: on
a machine with Noto fonts installed, "Noto Sans CJK SC" resolved to the
system's CFF font (PDF text as paths) and "Noto Sans" Italic to the system's
full font, so rendering would depend on the machine.

The output is deterministic: same source fonts and same slides give
byte-identical files (head timestamps are copied from the source font).

``--check`` builds nothing: it exits 1 and lists every character used in
the slides that the bundled fonts do not cover, so the fonts get rebuilt
when content changes.

Sources are the Debian packages ``fonts-noto-core`` and ``fonts-noto-cjk``
(``apt-get install fonts-noto-core fonts-noto-cjk``).
"""

from __future__ import annotations

import argparse
import math
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables._g_l_y_f import Glyph

REPO_ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = REPO_ROOT / "resources" / "fonts"
SLIDES_DIR = REPO_ROOT / "slides"
LOCALE_DIR = REPO_ROOT / "resources" / "locale"

LATIN_SRC_DIR = Path("/usr/share/fonts/truetype/noto")
CJK_SRC_DIR = Path("/usr/share/fonts/opentype/noto")

# Face picked from the CJK collection, matched on name ID 1 (family).
CJK_FAMILY = "Noto Sans CJK SC"

# Family names written into the bundled fonts.  They must not be the name
# of any font a user may have installed (see the module docstring).
LATIN_FAMILY_OUT = "Briefing Sans"
CJK_FAMILY_OUT = "Briefing Sans SC"


@dataclass(frozen=True)
class FontJob:
    source: Path
    output: str
    style: str  # expected name ID 2 of the source face


LATIN_JOBS: tuple[FontJob, ...] = (
    FontJob(LATIN_SRC_DIR / "NotoSans-Regular.ttf", "NotoSans-Regular.ttf", "Regular"),
    FontJob(LATIN_SRC_DIR / "NotoSans-Bold.ttf", "NotoSans-Bold.ttf", "Bold"),
    FontJob(LATIN_SRC_DIR / "NotoSans-Italic.ttf", "NotoSans-Italic.ttf", "Italic"),
    FontJob(LATIN_SRC_DIR / "NotoSans-BoldItalic.ttf", "NotoSans-BoldItalic.ttf", "Bold Italic"),
)

CJK_JOBS: tuple[FontJob, ...] = (
    FontJob(CJK_SRC_DIR / "NotoSansCJK-Regular.ttc", "NotoSansSC-Regular.ttf", "Regular"),
    FontJob(CJK_SRC_DIR / "NotoSansCJK-Bold.ttc", "NotoSansSC-Bold.ttf", "Bold"),
)

# Noto Sans 2.004 (Debian fonts-noto-core 20201225) lacks U+2212 MINUS SIGN,
# <= >=, arrows, most math operators and geometric shapes.  Glyphs for the
# requested code points it lacks are copied, in this order of preference,
# from these sibling Noto fonts (same 1000 UPM, designed to match Noto Sans;
# e.g. '≤' and '+' are both 572 units wide).  They exist in Regular only:
# for the Bold styles the copied outlines are emboldened by
# DONOR_BOLD_OFFSET units on each side (Noto Sans '=' bars are 71 units thick
# in Regular and 106 in Bold); the Italic styles get the upright shapes.
LATIN_DONORS: tuple[Path, ...] = (
    LATIN_SRC_DIR / "NotoSansMath-Regular.ttf",
    LATIN_SRC_DIR / "NotoSansSymbols2-Regular.ttf",
)

DONOR_BOLD_OFFSET = 18

# Inclusive code point ranges requested for the Latin family.  Code points
# Noto Sans lacks come from LATIN_DONORS, else (full width) from the CJK
# font, else they are skipped.
LATIN_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement (¥ £ µ × ² ³ · ...)
    (0x0100, 0x017F),  # Latin Extended-A
    (0x02C6, 0x02DD),  # spacing accents (ˆ ˇ ˘ ˙ ˚ ˛ ˜ ˝)
    (0x0300, 0x036F),  # combining diacritics (for decomposed input)
    (0x2000, 0x206F),  # General Punctuation (dashes, quotes, • … ‰ ′)
    (0x2070, 0x209F),  # superscripts and subscripts (₂ for CO₂)
    (0x20A0, 0x20CF),  # currency symbols (€ ...)
    (0x2100, 0x214F),  # letterlike symbols (№ ™ Ω ℮ ...)
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators (− ≤ ≥ ≈ ≠ ∞ ...)
    (0x25A0, 0x25FF),  # geometric shapes (bullets like ■ ● ◊)
    (0xFB00, 0xFB06),  # Latin ligatures
    (0xFFFD, 0xFFFD),  # replacement character
)

# Blocks always sent to the CJK font (besides GB2312 level 1).
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)

# Code points that must come from the CJK font even if Noto Sans has them.
CJK_FORCED_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2FDF),  # radicals
    (0x2FF0, 0x31FF),  # ideographic description, CJK punctuation, kana, bopomofo
    (0x3200, 0x9FFF),  # enclosed CJK, compatibility, ext. A, URO
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms
    (0x20000, 0x3FFFF),  # supplementary ideographic planes
)

# The CJK font keeps only the layout features useful for Simplified Chinese
# text.  Dropped on purpose: 'locl' (its JAN/KOR/ZHT/ZHH substitutions add
# ~3,200 glyphs and would let a Japanese/Korean/Traditional language tag swap
# in non-SC glyph shapes, i.e. render differently per machine locale), and
# 'aalt', 'hist', 'ruby', 'dlig', 'hwid', 'pwid' (alternates nobody asks for).
CJK_LAYOUT_FEATURES: tuple[str, ...] = (
    "ccmp",
    "vert",
    "vrt2",
    "kern",
    "vkrn",
    "halt",
    "vhal",
    "palt",
    "vpal",
    "fwid",
)

# cu2qu approximation error in font units (the CJK fonts have 1000 UPM).
CU2QU_MAX_ERR = 1.0


def expand(ranges: Iterable[tuple[int, int]]) -> set[int]:
    return {cp for lo, hi in ranges for cp in range(lo, hi + 1)}


def in_ranges(cp: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def gb2312_level1() -> set[int]:
    """All GB2312 level-1 hanzi: rows 0xB0-0xD7 (0xB0A1..0xD7F9)."""
    result: set[int] = set()
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            code = (hi << 8) | lo
            if code > 0xD7F9:
                break
            try:
                char = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            result.add(ord(char))
    return result


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def slide_files() -> list[Path]:
    """The bundled deck's files and the interface's catalogues (the app draws both)."""
    files = [*SLIDES_DIR.rglob("*.yaml"), *SLIDES_DIR.rglob("*.yml")] if SLIDES_DIR.is_dir() else []
    files += LOCALE_DIR.glob("*/LC_MESSAGES/*.po") if LOCALE_DIR.is_dir() else []
    return sorted(p for p in files if p.is_file())


def is_renderable(cp: int) -> bool:
    """False for controls, line breaks and format characters (ZWJ, BOM...)."""
    if cp in (0x09, 0x0A, 0x0D):
        return False
    return unicodedata.category(chr(cp)) not in ("Cc", "Cf", "Zl", "Zp", "Cs")


def slide_chars() -> dict[int, list[Path]]:
    """Code point -> slide files using it (raw text and parsed YAML strings)."""
    used: dict[int, list[Path]] = {}
    for path in slide_files():
        text = path.read_text(encoding="utf-8")
        chars = set(text)
        try:
            for doc in yaml.safe_load_all(text) if path.suffix != ".po" else ():
                for s in _strings(doc):
                    chars.update(s)  # catches "\u4e2d"-style escapes
        except yaml.YAMLError as exc:  # malformed YAML: the raw text is still scanned
            print(f"warning: {path}: cannot parse YAML ({exc})", file=sys.stderr)
        for ch in chars:
            cp = ord(ch)
            if is_renderable(cp):
                used.setdefault(cp, []).append(path)
    return used


def load_cjk_face(collection: Path, style: str) -> TTFont:
    """Return the face of *collection* whose family is CJK_FAMILY and style *style*.

    The face is chosen by its name table, never by a hard-coded index.
    """
    matches: list[int] = []
    for index, face in enumerate(TTCollection(str(collection), lazy=True).fonts):
        name = face["name"]
        family = name.getDebugName(16) or name.getDebugName(1)
        subfamily = name.getDebugName(17) or name.getDebugName(2)
        if (family, subfamily) == (CJK_FAMILY, style) or (
            family == f"{CJK_FAMILY} {style}"  # legacy style-linked naming
        ):
            matches.append(index)
    if len(matches) != 1:
        raise SystemExit(
            f"{collection}: expected one '{CJK_FAMILY} {style}' face, found {len(matches)}"
        )
    return TTFont(str(collection), fontNumber=matches[0], lazy=False)


def load_latin_face(job: FontJob) -> TTFont:
    font = TTFont(str(job.source), lazy=False)
    style = font["name"].getDebugName(2)
    if style != job.style:
        raise SystemExit(f"{job.source}: style is {style!r}, expected {job.style!r}")
    return font


def subset_options(layout_features: list[str]) -> subset.Options:
    options = subset.Options()
    options.layout_features = layout_features
    options.name_IDs = ["*"]  # keep copyright, trademark, license (OFL §2)
    options.name_languages = ["*"]
    options.hinting = False
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_timestamp = False
    options.prune_unicode_ranges = True
    return options


def run_subsetter(font: TTFont, unicodes: set[int], layout_features: list[str]) -> None:
    subsetter = subset.Subsetter(options=subset_options(layout_features))
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    """Convert CFF outlines to TrueType quadratic glyf (cf. fontTools otf2ttf.py)."""
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise SystemExit("expected a CFF-flavoured OpenType font")
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()

    glyphs: dict[str, Glyph] = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        cu2qu_pen = Cu2QuPen(tt_pen, CU2QU_MAX_ERR, reverse_direction=True)
        glyph_set[name].draw(cu2qu_pen)
        glyphs[name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:  # CFF-only table
        del font["VORG"]
    glyf.compile(font)

    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        advance, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0))

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = max(
        (len(g.components) for g in glyf.glyphs.values() if g.isComposite()), default=0
    )

    post = font["post"]
    post.formatType = 3.0  # no glyph names: the CID names only cost bytes
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def embolden(glyph: Glyph, offset: float) -> None:
    """Move every contour outwards by *offset* font units (FreeType-style).

    Each point (on- or off-curve) is shifted along the miter of the normals
    of its two polygon edges.  TrueType outer contours run clockwise and holes
    counter-clockwise, so the left-hand normal always points away from the ink.
    """
    if glyph.numberOfContours <= 0:
        return
    coords = glyph.coordinates
    start = 0
    for end in glyph.endPtsOfContours:
        points = [coords[i] for i in range(start, end + 1)]
        count = len(points)
        moved: list[tuple[int, int]] = []
        for i, (x, y) in enumerate(points):
            normals: list[tuple[float, float]] = []
            for step in (-1, 1):  # edge into the point, edge out of it
                j = i
                for _ in range(count - 1):
                    j = (j + step) % count
                    dx, dy = points[j][0] - x, points[j][1] - y
                    if dx or dy:
                        break
                else:
                    dx, dy = 0, 0
                if step == -1:
                    dx, dy = -dx, -dy
                length = math.hypot(dx, dy)
                normals.append((-dy / length, dx / length) if length else (0.0, 0.0))
            (ax, ay), (bx, by) = normals
            denominator = max(1.0 + ax * bx + ay * by, 0.25)  # cap sharp miters
            moved.append(
                (
                    round(x + offset * (ax + bx) / denominator),
                    round(y + offset * (ay + by) / denominator),
                )
            )
        for i, point in enumerate(moved):
            coords[start + i] = point
        start = end + 1


def add_donor_glyphs(
    font: TTFont, donors: list[TTFont], wanted: Iterable[int], bold: bool
) -> set[int]:
    """Copy outlines for the *wanted* code points *font* lacks from *donors*.

    Composite glyphs are decomposed and hinting is dropped (like the subset);
    with *bold* the outlines are emboldened by DONOR_BOLD_OFFSET.
    Returns the code points added.
    """
    cmap = font.getBestCmap()
    glyf = font["glyf"]
    hmtx = font["hmtx"]
    order: list[str] = list(font.getGlyphOrder())
    names = set(order)
    added: set[int] = set()
    for cp in sorted(set(wanted) - set(cmap)):
        for donor in donors:
            donor_name = donor.getBestCmap().get(cp)
            if donor_name is None:
                continue
            donor_glyphs = donor.getGlyphSet()
            recording = DecomposingRecordingPen(donor_glyphs)
            donor_glyphs[donor_name].draw(recording)
            tt_pen = TTGlyphPen(None)
            recording.replay(tt_pen)
            glyph = tt_pen.glyph()
            if bold:
                embolden(glyph, DONOR_BOLD_OFFSET)
            name = f"uni{cp:04X}"
            while name in names:
                name += ".donor"
            names.add(name)
            order.append(name)
            glyf.glyphs[name] = glyph
            glyph.recalcBounds(glyf)
            advance = donor["hmtx"].metrics[donor_name][0]
            hmtx.metrics[name] = (advance, getattr(glyph, "xMin", 0))
            for table in font["cmap"].tables:
                if table.isUnicode() and (table.format != 4 or cp <= 0xFFFF):
                    table.cmap[cp] = name
            added.add(cp)
            break
    if added:
        glyf.glyphOrder = order
        if hasattr(glyf, "_reverseGlyphOrder"):
            del glyf._reverseGlyphOrder
        font.setGlyphOrder(order)
        font["OS/2"].recalcUnicodeRanges(font, pruneOnly=False)
    return added


def rename_family(font: TTFont, family: str, style: str) -> None:
    """Give *font* the family *family* (name IDs 1-4, 6; 16-18 dropped).

    Localized copies of those records (e.g. the Chinese names of Noto Sans
    CJK) are removed so that no font matcher can find the original family.
    """
    name = font["name"]
    ps_name = f"{family.replace(' ', '')}-{style.replace(' ', '')}"
    values = {
        1: family,
        2: style,
        3: f"{font['head'].fontRevision:.3f};{ps_name}",
        4: f"{family} {style}",
        6: ps_name,
    }
    name.names = [r for r in name.names if r.nameID not in (*values, 16, 17, 18)]
    for name_id, value in values.items():
        name.setName(value, name_id, 3, 1, 0x409)
    name.names.sort(key=lambda r: (r.platformID, r.platEncID, r.langID, r.nameID))


def save(font: TTFont, created: int, modified: int, path: Path) -> None:
    head = font["head"]
    head.created = created
    head.modified = modified
    font.recalcTimestamp = False
    path.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(path), reorderTables=True)


def cmap_of(font: TTFont) -> set[int]:
    return set(font.getBestCmap())


def plan(
    used: Iterable[int], latin_cmap: set[int], cjk_cmap: set[int]
) -> tuple[set[int], set[int], set[int]]:
    """Split slide code points into (latin extra, cjk extra, unavailable)."""
    latin: set[int] = set()
    cjk: set[int] = set()
    missing: set[int] = set()
    for cp in used:
        if cp in latin_cmap and not in_ranges(cp, CJK_FORCED_RANGES):
            latin.add(cp)
        elif cp in cjk_cmap:
            cjk.add(cp)
        elif cp in latin_cmap:
            latin.add(cp)
        else:
            missing.add(cp)
    return latin, cjk, missing


def rel(path: Path) -> str:
    """*path* relative to the repository root when it is inside it."""
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def describe(cp: int) -> str:
    return f"U+{cp:04X} {chr(cp)!s} {unicodedata.name(chr(cp), '<unnamed>')}"


def require_sources() -> None:
    sources = [job.source for job in (*LATIN_JOBS, *CJK_JOBS)] + list(LATIN_DONORS)
    absent = [p for p in sources if not p.is_file()]
    if absent:
        raise SystemExit(
            "missing source fonts: "
            + ", ".join(map(str, absent))
            + "\ninstall them with: apt-get install -y fonts-noto-core fonts-noto-cjk"
        )


def build() -> int:
    require_sources()
    used = slide_chars()
    print(f"slides: {len(slide_files())} YAML file(s), {len(used)} distinct characters")

    latin_fonts = [load_latin_face(job) for job in LATIN_JOBS]
    donors = [TTFont(str(p), lazy=False) for p in LATIN_DONORS]
    cjk_fonts = [load_cjk_face(job.source, job.style) for job in CJK_JOBS]
    # A character goes to a family only if every style of it has the glyph.
    noto_cmap = set.intersection(*(cmap_of(f) for f in latin_fonts))
    donor_cmap = set().union(*(cmap_of(f) for f in donors))
    latin_cmap = noto_cmap | donor_cmap
    cjk_cmap = set.intersection(*(cmap_of(f) for f in cjk_fonts))

    latin_extra, cjk_extra, missing = plan(used, latin_cmap, cjk_cmap)
    latin_wanted = expand(LATIN_RANGES) | latin_extra
    latin_set = latin_wanted & noto_cmap
    donor_set = latin_wanted & (donor_cmap - noto_cmap)
    # Requested Latin-side symbols no Noto Sans font has (e.g. some geometric
    # shapes) still render, full width, from the CJK font.
    cjk_fill = {cp for cp in latin_wanted - latin_cmap if is_renderable(cp)}
    cjk_set = (gb2312_level1() | expand(CJK_RANGES) | cjk_extra | cjk_fill) & cjk_cmap

    for job, font in zip(LATIN_JOBS, latin_fonts, strict=True):
        head = font["head"]
        created, modified = head.created, head.modified
        run_subsetter(font, latin_set, ["*"])
        add_donor_glyphs(font, donors, donor_set, bold="Bold" in job.style)
        rename_family(font, LATIN_FAMILY_OUT, job.style)
        out = FONT_DIR / job.output
        save(font, created, modified, out)
        print(
            f"wrote {rel(out)} ({out.stat().st_size:,} bytes, "
            f"{len(font.getBestCmap())} chars, {font['maxp'].numGlyphs} glyphs)"
        )

    for job, font in zip(CJK_JOBS, cjk_fonts, strict=True):
        head = font["head"]
        created, modified = head.created, head.modified
        run_subsetter(font, cjk_set, list(CJK_LAYOUT_FEATURES))
        cff_to_glyf(font)
        rename_family(font, CJK_FAMILY_OUT, job.style)
        out = FONT_DIR / job.output
        save(font, created, modified, out)
        print(
            f"wrote {rel(out)} ({out.stat().st_size:,} bytes, "
            f"{len(font.getBestCmap())} chars, {font['maxp'].numGlyphs} glyphs)"
        )

    if missing:
        print("warning: no source font has these slide characters:", file=sys.stderr)
        for cp in sorted(missing):
            print(f"  {describe(cp)}", file=sys.stderr)
    return 0


def check() -> int:
    """Exit status 1 if slide characters are not covered by the bundled fonts."""
    families: list[list[Path]] = [
        [FONT_DIR / job.output for job in LATIN_JOBS],
        [FONT_DIR / job.output for job in CJK_JOBS],
    ]
    absent = [p for fam in families for p in fam if not p.is_file()]
    if absent:
        for p in absent:
            print(f"missing font file: {rel(p)}")
        print("run: .venv/bin/python tools/subset_fonts.py")
        return 1
    # Covered = present in every style of at least one family.
    covered: set[int] = set()
    for fam in families:
        covered |= set.intersection(*(cmap_of(TTFont(str(p), lazy=True)) for p in fam))

    used = slide_chars()
    uncovered = sorted(cp for cp in used if cp not in covered)
    if not uncovered:
        print(
            f"ok: bundled fonts cover all {len(used)} characters used in "
            f"{len(slide_files())} slide file(s)"
        )
        return 0
    print(f"{len(uncovered)} character(s) used in slides are not in the bundled fonts:")
    for cp in uncovered:
        where = ", ".join(sorted({rel(p) for p in used[cp]}))
        print(f"  {describe(cp)}  ({where})")
    print("run: .venv/bin/python tools/subset_fonts.py")
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--check",
        action="store_true",
        help="only report slide characters the bundled fonts do not cover (exit 1 if any)",
    )
    args = parser.parse_args(argv)
    return check() if args.check else build()


if __name__ == "__main__":
    sys.exit(main())
