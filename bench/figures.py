"""Every figure of issue 6, measured through :mod:`bench.procs` and judged by its budget."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Final

from bench.procs import Options, cold_start, log, worker
from bench.report import Figure, budget
from bench.stats import median, percentile

LAYOUTS: Final = ("slides", "notes", "handout")
FRAME_MS: Final = 16.0
FRAME: Final = "≤ 16 ms (frame)†"
"""One frame at 60 Hz. Not a budget of the issue (marked †): applied to what the issue only
asks to measure (the presenter) and to the main window's own slide changes."""


def measure_cold_start(options: Options, largest: Path) -> list[Figure]:
    from desktop.core.resources import bundled_deck

    runs = max(2, options.runs * 2 - 1)
    bare: list[float] = []
    app: list[float] = []
    chinese: list[float] = []
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as pycache:
        cache = Path(pycache)
        log("cold start: warming the byte-code and file caches")
        cold_start("bare", cache)
        cold_start("app", cache, bundled_deck())
        cold_start("app", cache, bundled_deck(), ui_lang="zh_CN")
        for run in range(runs):
            log(f"cold start {run + 1}/{runs}")
            bare.append(cold_start("bare", cache))
            app.append(cold_start("app", cache, bundled_deck()))
            chinese.append(cold_start("app", cache, bundled_deck(), ui_lang="zh_CN"))
        big = [cold_start("app", cache, largest) for _ in range(max(1, runs // 2))]
    group = "Cold start (fresh process → first paint, offscreen, median)"
    bare_fig = Figure("cold_start.bare", group, "bare PySide6 window, one text", median(bare), "s")
    bare_fig.detail = f"{len(bare)} runs, min {min(bare):.3f} s"
    app_fig = budget(
        Figure("cold_start.app", group, "main window, bundled deck", median(app), "s"), 0.5
    )
    app_fig.detail = f"{len(app)} runs, min {min(app):.3f} s"
    ratio = Figure(
        "cold_start.ratio", group, "main window ÷ bare window", median(app) / median(bare), "×"
    )
    big_fig = Figure(
        "cold_start.app_largest", group, f"main window, {options.largest} slides", median(big), "s"
    )
    big_fig.detail = f"{len(big)} runs"
    zh_fig = Figure(
        "cold_start.app_zh",
        group,
        "main window, bundled deck, Chinese interface",
        median(chinese),
        "s",
    )
    zh_fig.detail = f"{len(chinese)} runs, alternated with English, min {min(chinese):.3f} s"
    zh_ratio = Figure(
        "cold_start.zh_ratio",
        group,
        "Chinese interface ÷ English interface",
        median(chinese) / median(app),
        "×",
    )
    return [bare_fig, app_fig, budget(ratio, 3.0), big_fig, zh_fig, budget(zh_ratio, 1.10)]


def _scaling(
    key: str, group: str, what: str, per_slide: dict[int, float], unit_cost: str
) -> list[Figure]:
    """Cost per slide at the largest deck ÷ at the next largest: 1 when linear."""
    sizes = sorted(per_slide)
    if len(sizes) < 2:
        return [Figure(key, group, f"{what}: growth per slide (needs two sizes)", None, "×")]
    small, large = sizes[-2], sizes[-1]
    ratio = per_slide[large] / per_slide[small]
    fig = Figure(key, group, f"{what}: cost per slide, {large} ÷ {small} slides", ratio, "×")
    fig.detail = f"{per_slide[small]:.3f} → {per_slide[large]:.3f} {unit_cost}"
    return [budget(fig, 1.5, text="≤ 1.5× (linear)")]


def measure_load(options: Options, decks: dict[int, Path]) -> list[Figure]:
    group = "Load and validate (median)"
    figures = []
    per_slide: dict[int, float] = {}
    for size, path in decks.items():
        log(f"load {size}")
        result = worker("load", deck=str(path), runs=max(3, options.runs))
        seconds = median(result["times"]) / 1000
        per_slide[size] = seconds * 1000 / size
        fig = Figure(f"load.{size}", group, f"{size} slides", seconds, "s")
        fig.detail = f"{len(result['times'])} runs"
        figures.append(budget(fig, 1.0) if size == 1000 else fig)
    return figures + _scaling("load.scaling", group, "load", per_slide, "ms/slide")


def _percentiles(
    key: str,
    group: str,
    name: str,
    per_slide: list[list[float]],
    limit: float | None,
    text: str = "",
) -> list[Figure]:
    values = [median(runs) for runs in per_slide if runs]
    figures = []
    for p in (50, 95):
        fig = Figure(f"{key}.p{p}", group, f"{name}, p{p}", percentile(values, p), "ms")
        if p == 95:
            fig.detail = f"{len(values)} slides, max {max(values):.1f} ms"
            if limit is not None:
                budget(fig, limit, text=text)
        figures.append(fig)
    return figures


def measure_render(options: Options, decks: dict[int, Path]) -> list[Figure]:
    from desktop.core.resources import bundled_deck

    size = options.render_size
    group = "Slide change: one slide at 1920×1080 (per-slide median over runs)"
    figures = []
    for label, key, path in (
        (f"{size} slides", "render", decks[size]),
        ("bundled deck", "render.bundled", bundled_deck()),
    ):
        log(f"render {label}")
        result = worker("render", deck=str(path), runs=options.runs)
        figures += _percentiles(
            f"{key}.uncached", group, f"uncached (layout + paint), {label}", result["uncached"], 16
        )
        figures += _percentiles(
            f"{key}.repaint", group, f"layout cached, repaint, {label}", result["repaint"], None
        )
        figures += _percentiles(
            f"{key}.cached", group, f"cached (image hit + blit), {label}", result["cached"], 2
        )
    log("presenter")
    result = worker("presenter", screens=2, deck=str(decks[size]), runs=options.runs)
    if result["kind"] == "equivalent":
        name = f"presenter console update per advance, {size} slides (console-equivalent work)"
    else:
        name = f"presenter advance, console + audience repainted ({result['mode']}), {size} slides"
    figures += _percentiles("presenter", group, name, result["advance"], FRAME_MS, FRAME)
    return figures + measure_tools(options, decks[size], group)


def measure_tools(options: Options, deck: Path, group: str) -> list[Figure]:
    """The presenter's tools (issue 15): pointer, ink and zoom on a 1920×1080 audience."""
    log("presenter tools")
    result = worker("presenter_tools", screens=2, deck=str(deck), runs=options.runs)
    where = f"audience {result['size']} ({result['mode']})"
    moves = [value for run in result["pointer"] for value in run]
    repaints = [value for run in result["zoom"] for value in run]
    settled = [value for run in result["zoom_settle"] for value in run]
    parts = [value for run in result["zoom_margin"] for value in run]
    figures = []
    zoom = f"zoom: a step (closer, further, a pan), text/table/chart/image slides, {where}"
    sharp = f"zoom settled: region rendered sharp and painted, {where}"
    margin = f"zoom margin: a part rendered after it while idle, {where}"
    for key, name, values, limit in (
        ("presenter.pointer", f"laser pointer: mouse move → repaint, {where}", moves, 8.0),
        ("presenter.zoom", zoom, repaints, 16.0),
        ("presenter.zoom_settle", sharp, settled, 16.0),
        ("presenter.zoom_margin", margin, parts, 16.0),
    ):
        for p in (50, 95):
            fig = Figure(f"{key}.p{p}", group, f"{name}, p{p}", percentile(values, p), "ms")
            if p == 95:
                what = "parts" if key == "presenter.zoom_margin" else "repaints"
                fig.detail = f"{len(values)} {what}, max {max(values):.1f} ms"
                if key == "presenter.zoom_settle":
                    fig.detail += _by_kind(result["zoom_settle_kinds"])
                if limit is not None:
                    budget(fig, limit)
            figures.append(fig)
    extra = Figure(
        "presenter.ink",
        group,
        f"ink: a 500-point stroke's extra per audience repaint, {where}",
        median(result["ink"]),
        "ms",
    )
    extra.detail = f"{len(result['ink'])} runs, median of each"
    figures.append(budget(extra, 2.0))
    return figures


def _by_kind(runs: list[dict[str, list[float]]]) -> str:
    """The p95 of each slide kind's settled zooms, over *runs*: ``; p95 text 5.1, …``."""
    kinds: dict[str, list[float]] = {}
    for run in runs:
        for kind, values in run.items():
            kinds.setdefault(kind, []).extend(values)
    names = {"bullets": "text"}
    shown = ", ".join(
        f"{names.get(kind, kind)} {percentile(values, 95):.1f}" for kind, values in kinds.items()
    )
    return f"; p95 {shown}" if shown else ""


def measure_window(options: Options, decks: dict[int, Path]) -> list[Figure]:
    group = "Main window"
    figures = []
    per_slide: dict[int, float] = {}
    for size, path in decks.items():
        log(f"open {size}")
        result = worker("open", deck=str(path), runs=max(3, options.runs_for(size)))
        seconds = median(result["times"]) / 1000
        per_slide[size] = seconds * 1000 / size
        figures.append(Figure(f"open.{size}", group, f"open a {size}-slide deck", seconds, "s"))
    figures += _scaling("open.scaling", group, "open", per_slide, "ms/slide")
    size = options.largest
    rounds, span, jumps = (2, 12, 5) if options.quick else (5, 200, 60)
    log(f"window {size}")
    result = worker(
        "window",
        deck=str(decks[size]),
        rounds=rounds,
        span=span,
        jumps=jumps,
        size=[1280, 800],
        panels=True,
    )
    view = "×".join(str(v) for v in result["view_size"])
    for key, name, values in (
        ("window.advance", f"advance to the next slide (view {view})", result["advance"]),
        ("window.jump", f"jump to a slide not shown yet (view {view})", result["jump"]),
    ):
        figures += _percentiles(key, group, name, [[v] for v in values], FRAME_MS, FRAME)
    peak = Figure(
        "window.peak_rss",
        group,
        f"peak RSS, {size} slides, 1280×800 window",
        result["peak_rss_mib"],
        "MiB",
    )
    peak.detail = (
        f"{result['peak_open_mib']:.0f} MiB after opening; then {len(result['jump'])} jumps, "
        f"every slide, {rounds} rounds over {result['span']} slides"
    )
    figures.append(budget(peak, 300) if size >= 1000 else peak)
    rss = result["rss_rounds_mib"]
    growth = Figure(
        "window.rss_growth",
        group,
        f"RSS growth, rounds 1 → {rounds} back and forth over {result['span']} slides",
        rss[-1] - rss[0],
        "MiB",
    )
    growth.detail = " → ".join(f"{v:.0f}" for v in rss) + " MiB"
    figures.append(budget(growth, 5.0, text="≤ 5 MiB (no growth)"))
    log(f"window {size}, 1920×1080 without panels")
    result = worker(
        "window",
        deck=str(decks[size]),
        rounds=1,
        span=span,
        jumps=jumps,
        size=[1920, 1080],
        panels=False,
    )
    view = "×".join(str(v) for v in result["view_size"])
    figures += _percentiles(
        "window.large.advance",
        group,
        f"advance to the next slide (view {view})",
        [[v] for v in result["advance"]],
        FRAME_MS,
        FRAME,
    )
    peak = Figure(
        "window.large.peak_rss",
        group,
        f"peak RSS, {size} slides, 1920×1080 window without panels",
        result["peak_rss_mib"],
        "MiB",
    )
    peak.detail = f"view {view}; {result['peak_open_mib']:.0f} MiB after opening"
    figures.append(budget(peak, 300) if size >= 1000 else peak)
    return figures


def measure_export(options: Options, decks: dict[int, Path]) -> list[Figure]:
    from desktop.core.resources import bundled_deck

    group = "PDF export (median)"
    figures = []
    peaks: dict[str, float] = {}
    targets: list[tuple[str, Path, int]] = [("bundled", bundled_deck(), 0)]
    targets += [(str(size), path, size) for size, path in decks.items()]
    for layout in LAYOUTS:
        per_page: dict[int, float] = {}
        for label, path, size in targets:
            log(f"export {layout} {label}")
            runs = options.runs_for(size)
            result = worker("export", deck=str(path), layout=layout, runs=runs)
            seconds = median(result["times"]) / 1000
            pages = result["pages"]
            rate = pages / seconds
            per_page_bytes = result["bytes"] / pages
            name = f"{layout}, {'bundled deck' if size == 0 else f'{size} slides'}"
            fig = Figure(f"export.{layout}.{label}", group, name, seconds, "s")
            fig.detail = f"{pages} pages, {rate:.0f} pages/s, {per_page_bytes / 1000:.1f} KB/page"
            fig.extra = {"pages": pages, "pages_per_s": rate, "bytes_per_page": per_page_bytes}
            if layout == "slides" and size == 0:
                budget(fig, 0.3)
            figures.append(fig)
            if size:
                per_page[size] = seconds * 1000 / pages
            if size == options.largest:
                peaks[layout] = result["peak_rss_mib"]
            if layout == "slides" and size == 300:
                speed = Figure(
                    f"export.slides.{size}.rate", group, f"{name}: speed", rate, "pages/s"
                )
                figures.append(budget(speed, 300, at_most=False))
        figures += _scaling(f"export.{layout}.scaling", group, f"{layout}", per_page, "ms/page")
    worst = max(peaks, key=lambda k: peaks[k])
    peak = Figure(
        "export.peak_rss",
        group,
        f"peak RSS exporting {options.largest} slides",
        peaks[worst],
        "MiB",
    )
    peak.detail = ", ".join(f"{k} {v:.0f}" for k, v in peaks.items()) + " MiB"
    figures.append(budget(peak, 200) if options.largest >= 1000 else peak)
    return figures
