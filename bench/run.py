"""Run every benchmark figure of issue 6 and report them against the budgets.

Every figure is measured in fresh subprocesses (:mod:`bench.launch` for cold start,
:mod:`bench.worker` for the rest), one after the other, so that caches and peak memory belong
to one figure each. Usage::

    python -m bench                        # full run, writes bench/RESULTS.md
    python -m bench --quick --sizes 12     # a smoke run
    python -m bench --only marp            # side by side with Marp CLI (bench/marp.py)
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from bench.figures import (
    LAYOUTS,
    measure_cold_start,
    measure_export,
    measure_load,
    measure_render,
    measure_window,
)
from bench.generate import generate_deck
from bench.handover import FORMATS as HANDOVER_FORMATS
from bench.handover import measure_handover
from bench.languages import measure_bilingual_export, measure_switch
from bench.marp import MARP_SIZES, measure_marp
from bench.procs import BenchError, Options
from bench.report import Figure, as_json, machine, text_table, write_results

RESULTS: Final = Path(__file__).resolve().parent / "RESULTS.md"
FULL_SIZES: Final = (12, 60, 300, 1000)
GROUPS: Final = ("cold", "load", "render", "window", "export")
"""The groups of a run without ``--only``."""
ALL_GROUPS: Final = (*GROUPS, "marp")
"""``marp`` (minutes, and Marp CLI and a chromium installed) only when asked for."""


def expected_keys(sizes: Sequence[int]) -> list[str]:
    """Every figure key a run over *sizes* reports (the smoke test checks them)."""
    keys = ["cold_start.bare", "cold_start.app", "cold_start.ratio", "cold_start.app_largest"]
    keys += [f"load.{s}" for s in sizes] + ["load.scaling"]
    for prefix in ("render", "render.bundled"):
        for kind in ("uncached", "repaint", "cached"):
            keys += [f"{prefix}.{kind}.p50", f"{prefix}.{kind}.p95"]
    keys += ["presenter.p50", "presenter.p95"]
    keys += ["presenter.pointer.p50", "presenter.pointer.p95"]
    keys += ["presenter.zoom.p50", "presenter.zoom.p95", "presenter.ink"]
    keys += ["presenter.zoom_settle.p50", "presenter.zoom_settle.p95"]
    keys += ["presenter.zoom_margin.p50", "presenter.zoom_margin.p95"]
    keys += [f"open.{s}" for s in sizes] + ["open.scaling"]
    keys += ["window.advance.p50", "window.advance.p95", "window.jump.p50", "window.jump.p95"]
    keys += ["window.peak_rss", "window.rss_growth"]
    keys += ["window.large.advance.p50", "window.large.advance.p95", "window.large.peak_rss"]
    keys += ["window.language.switch.p50", "window.language.switch.p95"]
    keys += ["window.language.ratio", "window.language.settled"]
    for layout in LAYOUTS:
        keys += [f"export.{layout}.{label}" for label in ("bundled", *map(str, sizes))]
        keys.append(f"export.{layout}.scaling")
    if 300 in sizes:
        keys.append("export.slides.300.rate")
    keys.append("export.peak_rss")
    keys += ["export.bilingual.ratio", "export.bilingual.ratio_zh", "export.bilingual.ratio_one"]
    for fmt, _ in HANDOVER_FORMATS:
        keys += [f"handover.{fmt}.{size}" for size in sizes] + [f"handover.{fmt}.scaling"]
    keys.append("handover.peak_rss")
    return keys


def run(
    options: Options, only: Sequence[str] = GROUPS, marp_sizes: Sequence[int] = MARP_SIZES
) -> list[Figure]:
    figures = _run_generated(options, only) if set(only) - {"marp"} else []
    if "marp" in only:
        figures += measure_marp(Options(tuple(marp_sizes), options.runs, options.quick))
    return figures


def _run_generated(options: Options, only: Sequence[str]) -> list[Figure]:
    """The groups measured on the generated decks of *options*' sizes."""
    with tempfile.TemporaryDirectory(prefix="bench-decks-") as folder:
        decks = {size: generate_deck(Path(folder) / f"deck-{size}", size) for size in options.sizes}
        figures = []
        if "cold" in only:
            figures += measure_cold_start(options, decks[options.largest])
        if "load" in only:
            figures += measure_load(options, decks)
        if "render" in only:
            figures += measure_render(options, decks)
        if "window" in only:
            figures += measure_window(options, decks)
            figures += measure_switch(options)
        if "export" in only:
            figures += measure_export(options, decks)
            figures += measure_bilingual_export(options)
            figures += measure_handover(options, decks)
    return figures


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions (a smoke run)")
    parser.add_argument(
        "--sizes",
        default=None,
        help="deck sizes in slides, comma-separated (default 12,60,300,1000; quick: 12,60;"
        " marp: 60,300,1000)",
    )
    parser.add_argument("--runs", type=int, default=None, help="repetitions (default 5; quick 1)")
    parser.add_argument(
        "--output", type=Path, default=RESULTS, help=f"Markdown results (default {RESULTS})"
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    parser.add_argument(
        "--only",
        default=",".join(GROUPS),
        help=f"measure only these groups, comma-separated (of {','.join(ALL_GROUPS)})",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        sizes = tuple(
            sorted({int(s) for s in args.sizes.split(",")})
            if args.sizes
            else ((12, 60) if args.quick else FULL_SIZES)
        )
    except ValueError:
        print("--sizes takes whole numbers separated by commas", file=sys.stderr)
        return 2
    if not sizes or min(sizes) < 1:
        print("--sizes needs positive slide counts", file=sys.stderr)
        return 2
    only = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = sorted(set(only) - set(ALL_GROUPS))
    if unknown or not only:
        print(f"--only takes groups among {','.join(ALL_GROUPS)}", file=sys.stderr)
        return 2
    runs = args.runs if args.runs is not None else (1 if args.quick else 5)
    options = Options(sizes, max(1, runs), args.quick)
    info = machine()
    command = "python -m bench " + shlex.join(argv if argv is not None else sys.argv[1:])
    started = time.perf_counter()
    try:
        figures = run(options, only, sizes if args.sizes else MARP_SIZES)
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    info["Load average at end"] = f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    info["Run time"] = f"{time.perf_counter() - started:.0f} s, {runs} runs per figure"
    print(text_table(figures))
    write_results(args.output, figures, info, command.strip())
    print(f"\nWrote {args.output}")
    if args.json is not None:
        args.json.write_text(json.dumps(as_json(figures, info), indent=1), encoding="utf-8")
    return 0
