"""Side by side with Marp CLI: the same plain slides exported to PDF by both, in turn.

Marp CLI (https://marp.app) is what a user would otherwise pick for text-to-PDF slides. The
comparison generates *n* plain slides (a title, five bullets, speaker notes) twice: as Marp
Markdown (notes as HTML comments, Marp's presenter notes) and as our deck (sections of 10
slides), then runs whole processes in turn, ours then Marp's, at least nine pairs per size,
each timed from start to exit with its CPU time and peak memory. Ours is ``python -m desktop
export DECK -o OUT --layout slides`` with byte code cached (as installed); Marp's is ``marp
DECK.md --pdf -o OUT`` with Debian's chromium. The figures: both medians, the median of the
pairs' ratios (Marp ÷ ours; the CPU times' too), and both peak memories.

Optional setup (the figures say "skipped" without it)::

    apt-get install chromium                      # or set CHROME_PATH to a Chrome/Chromium
    (mkdir -p bench/.marp && cd bench/.marp &&
     PUPPETEER_SKIP_DOWNLOAD=1 npm install @marp-team/marp-cli)
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import yaml

from bench.generate import SECTION_SIZE, WORDS
from bench.procs import ROOT, BenchError, Measured, Options, log, run_measured
from bench.report import Figure, budget
from bench.stats import median

MARP_HOME: Final = ROOT / "bench" / ".marp"
MARP_BIN: Final = MARP_HOME / "node_modules" / ".bin" / "marp"
BROWSERS: Final = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MARP_SIZES: Final = (60, 300, 1000)
MIN_PAIRS: Final = 9
"""Pairs per size at least (the machine is shared: a pair's ratio varies by half)."""
RATIO_GOAL: Final = 5.0
PEAK_GOAL: Final = 200.0
GROUP: Final = "Side by side with Marp CLI (plain slides, whole process, alternating, median)"


@dataclass(frozen=True)
class PlainSlide:
    title: str
    bullets: tuple[str, ...]
    notes: str


def _sentence(rng: random.Random, low: int, high: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))
    return text[0].upper() + text[1:]


def plain_slides(count: int, seed: int = 18) -> list[PlainSlide]:
    """*count* slides of a title, five bullets and notes (the same in every run)."""
    slides = []
    for index in range(count):
        rng = random.Random(f"{seed}:plain:{index}")
        title = _sentence(rng, 2, 5)
        bullets = tuple(_sentence(rng, 4, 9) for _ in range(5))
        notes = " ".join(_sentence(rng, 8, 14) + "." for _ in range(3))
        slides.append(PlainSlide(title, bullets, notes))
    return slides


def marp_markdown(title: str, slides: list[PlainSlide]) -> str:
    """The slides as Marp Markdown: a heading, a list, notes in an HTML comment."""
    parts = []
    for slide in slides:
        bullets = "\n".join(f"- {bullet}" for bullet in slide.bullets)
        parts.append(f"# {slide.title}\n\n{bullets}\n\n<!-- {slide.notes} -->\n")
    return f"---\nmarp: true\ntitle: {title}\nsize: 16:9\n---\n\n" + "\n---\n\n".join(parts)


def write_plain_deck(folder: Path, title: str, slides: list[PlainSlide]) -> Path:
    """The slides as our deck in *folder*: bullet slides in sections of 10."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for number, first in enumerate(range(0, len(slides), SECTION_SIZE)):
        name = f"s{number + 1:03d}.yaml"
        names.append(name)
        section = {
            "title": f"Part {number + 1}",
            "slides": [
                {"title": s.title, "bullets": list(s.bullets), "notes": s.notes}
                for s in slides[first : first + SECTION_SIZE]
            ],
        }
        (folder / name).write_text(yaml.safe_dump(section, sort_keys=False), encoding="utf-8")
    deck = {"title": title, "aspect": "16:9", "sections": names}
    (folder / "deck.yaml").write_text(yaml.safe_dump(deck, sort_keys=False), encoding="utf-8")
    return folder


def find_marp() -> tuple[list[str], dict[str, str]] | str:
    """Marp's command and environment, or why it cannot run."""
    node = shutil.which("node")
    if node is None:
        return "node is not installed"
    if not MARP_BIN.exists():
        return f"Marp CLI is not installed in {MARP_HOME.relative_to(ROOT)}"
    browser = os.environ.get("CHROME_PATH") or next(filter(None, map(shutil.which, BROWSERS)), None)
    if browser is None:
        return "no chromium or Chrome (apt-get install chromium, or set CHROME_PATH)"
    env = dict(os.environ, CHROME_PATH=browser)
    return [node, str(MARP_BIN.resolve())], env


def our_env(pycache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    return env


def environments(work: Path, marp_env: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Ours and Marp's environments for runs in *work*, with one home folder for both."""
    home = work / "home"
    ours = our_env(work / "pycache") | {"TIANJIN_BRIEFING_HOME": str(home)}
    return ours, marp_env | {"HOME": str(home)}


def both_decks(work: Path, size: int) -> tuple[Path, Path]:
    """*size* plain slides in *work*, as our deck folder and as Marp Markdown."""
    title = f"Plain briefing, {size} slides"
    slides = plain_slides(size)
    deck = write_plain_deck(work / f"deck-{size}", title, slides)
    markdown = work / f"deck-{size}.md"
    markdown.write_text(marp_markdown(title, slides), encoding="utf-8")
    return deck, markdown


def measure_marp(options: Options) -> list[Figure]:
    """The side-by-side figures for each of *options*' sizes (skipped without Marp)."""
    found = find_marp()
    if isinstance(found, str):
        log(f"marp: skipped: {found}")
        figure = Figure("marp.skipped", GROUP, f"skipped: {found}", None, "×")
        return [figure]
    marp, marp_env = found
    pairs = max(MIN_PAIRS, options.runs)
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bench-marp-") as folder:
        work = Path(folder)
        ours_env, marp_env = environments(work, marp_env)
        for size in options.sizes:
            deck, markdown = both_decks(work, size)
            ours_cmd = [sys.executable, "-m", "desktop", "export", str(deck)]
            ours_cmd += ["-o", str(work / "ours.pdf"), "--layout", "slides"]
            marp_cmd = [*marp, str(markdown), "--pdf", "-o", str(work / "marp.pdf")]
            # One untimed run of each: byte code compiled, files cached, chromium warm.
            run_measured(ours_cmd, ours_env, ROOT)
            run_measured(marp_cmd, marp_env, ROOT)
            ours: list[Measured] = []
            theirs: list[Measured] = []
            for pair in range(pairs):
                log(f"marp {size}: pair {pair + 1}/{pairs}")
                ours.append(run_measured(ours_cmd, ours_env, ROOT))
                theirs.append(run_measured(marp_cmd, marp_env, ROOT))
            figures += _figures(size, ours, theirs)
    return figures


def _figures(size: int, ours: list[Measured], theirs: list[Measured]) -> list[Figure]:
    figures = pair_figures(f"marp.{size}", GROUP, f"{size} slides", ours, theirs)
    if size >= 1000:
        budget(figures[1], PEAK_GOAL)
    return figures


def pair_figures(
    key: str, group: str, what: str, ours: list[Measured], theirs: list[Measured]
) -> list[Figure]:
    """The ratio (``KEY.ratio``: the median of the pairs' Marp ÷ ours, at least
    :data:`RATIO_GOAL`) and our peak memory beside Marp's (``KEY.peak_rss``) of alternating
    runs; *what* names the content (``300 slides``)."""
    if not (ours and len(ours) == len(theirs)):
        raise BenchError("the side-by-side runs came in unequal numbers")
    ratios = [m.seconds / o.seconds for o, m in zip(ours, theirs, strict=True)]
    cpu = median([m.cpu_seconds / o.cpu_seconds for o, m in zip(ours, theirs, strict=True)])
    ours_s, marp_s = median([o.seconds for o in ours]), median([m.seconds for m in theirs])
    ratio = Figure(f"{key}.ratio", group, f"Marp ÷ ours, {what}", median(ratios), "×")
    ratio.detail = (
        f"ours {ours_s:.2f} s, Marp {marp_s:.2f} s; {len(ratios)} pairs, "
        f"ratios {min(ratios):.1f}–{max(ratios):.1f}; CPU time {cpu:.1f}×"
    )
    ratio.extra = {"ours_s": ours_s, "marp_s": marp_s, "cpu_ratio": cpu}
    peak_marp = max(m.peak_mib for m in theirs)
    memory = Figure(
        f"{key}.peak_rss", group, f"our peak RSS, {what}", max(o.peak_mib for o in ours), "MiB"
    )
    memory.detail = f"Marp (CLI + chromium processes, summed) {peak_marp:.0f} MiB"
    memory.extra = {"marp_mib": peak_marp}
    return [budget(ratio, RATIO_GOAL, at_most=False), memory]
