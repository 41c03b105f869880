"""SVGs for the drawing-cost tests, generated (deterministic): realistic ones that must draw,
and hostile ones whose drawing time explodes.

Realistic: a detailed map (50,000 short segments in 500 outlined regions), a line and
scatter chart as plotting tools write it (``<use>`` markers, a clip path, a grid), and an
icon set (48 ``<symbol>`` icons used 240 times). Hostile: one path of long random segments
(the cost grows with its segments × the bands they cross), a zigzag, a filled scribble.
"""

from __future__ import annotations

import itertools
import math
import random

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'


def long_segments(count: int, seed: int = 1, width: float = 3) -> str:
    """One connected ``<path>`` of *count* random segments across a 1000 × 1000 view box."""
    rnd = random.Random(seed)
    points = " L".join(
        f"{rnd.uniform(0, 1000):.1f} {rnd.uniform(0, 1000):.1f}" for _ in range(count + 1)
    )
    return (
        f'{HEAD} width="1000" height="1000" viewBox="0 0 1000 1000">'
        f'<path d="M{points}" fill="none" stroke="black" stroke-width="{width:g}"/></svg>'
    )


def separate_segments(count: int, seed: int = 1) -> str:
    """The same segments as separate ``M…L…`` pairs (Qt strokes those one at a time: fast)."""
    rnd = random.Random(seed)
    points = [(rnd.uniform(0, 1000), rnd.uniform(0, 1000)) for _ in range(count + 1)]
    pairs = " ".join(
        f"M{a[0]:.1f} {a[1]:.1f} L{b[0]:.1f} {b[1]:.1f}" for a, b in itertools.pairwise(points)
    )
    return (
        f'{HEAD} width="1000" height="1000" viewBox="0 0 1000 1000">'
        f'<path d="{pairs}" fill="none" stroke="black" stroke-width="3"/></svg>'
    )


def filled_scribble(count: int, seed: int = 2) -> str:
    """One filled, self-intersecting polygon of *count* long random edges."""
    rnd = random.Random(seed)
    points = " ".join(
        f"{rnd.uniform(0, 1000):.1f},{rnd.uniform(0, 1000):.1f}" for _ in range(count)
    )
    return (
        f'{HEAD} width="1000" height="1000" viewBox="0 0 1000 1000">'
        f'<polygon points="{points}" fill="#2a6fb0"/></svg>'
    )


def detailed_map(regions: int = 500, points: int = 100, layers: int = 5, seed: int = 3) -> str:
    """A map: *regions* outlined regions of *points* short segments each (50,000 segments by
    default), in *layers* ``<path>`` elements (as a GIS export writes layers; Qt draws no
    path of more than 32,767 segments), filled and outlined half a unit wide."""
    rnd = random.Random(seed)
    parts = []
    for _ in range(regions):
        cx, cy, r = rnd.uniform(60, 1540), rnd.uniform(60, 840), rnd.uniform(8, 45)
        wobble, phase = rnd.uniform(0.05, 0.3), rnd.uniform(0, 6.28)
        ring = []
        for k in range(points):
            angle = 2 * math.pi * k / points
            radius = r * (1 + wobble * math.sin(7 * angle + phase) + rnd.uniform(-0.03, 0.03))
            ring.append(f"{cx + radius * math.cos(angle):.2f},{cy + radius * math.sin(angle):.2f}")
        parts.append("M" + " L".join(ring) + "Z")
    per_layer = -(-regions // layers)
    paths = "".join(
        f'<path d="{" ".join(parts[n : n + per_layer])}" fill="#f3efe2" stroke="#6b7b8c"'
        ' stroke-width="0.5" stroke-linejoin="round"/>'
        for n in range(0, regions, per_layer)
    )
    return (
        f'{HEAD} width="1600" height="900" viewBox="0 0 1600 900">'
        f'<rect width="1600" height="900" fill="#dfeaf2"/>{paths}</svg>'
    )


def chart(series: int = 3, points: int = 2_000, seed: int = 4) -> str:
    """A line and scatter chart as plotting tools write it: a grid, tick labels, lines of
    *points* points each clipped to the axes, and a ``<use>`` marker at every 20th point."""
    rnd = random.Random(seed)
    out = [
        f'{HEAD} width="1152" height="648" viewBox="0 0 1152 648">',
        '<defs><clipPath id="axes"><rect x="80" y="40" width="1040" height="540"/></clipPath>',
        '<path id="dot" d="M0 -3 A3 3 0 1 0 0 3 A3 3 0 1 0 0 -3 Z"/></defs>',
        '<rect width="1152" height="648" fill="#ffffff"/>',
    ]
    for n in range(11):
        x = 80 + n * 104
        out.append(f'<path d="M{x} 40 L{x} 580" stroke="#dddddd" stroke-width="0.8"/>')
        out.append(f'<text x="{x}" y="600" font-size="12" text-anchor="middle">{2014 + n}</text>')
    for s in range(series):
        value, line = 300.0, []
        for k in range(points):
            value = min(560.0, max(60.0, value + rnd.uniform(-6, 6)))
            line.append(f"{80 + 1040 * k / (points - 1):.2f} {value:.2f}")
        colour = ("#1f77b4", "#ff7f0e", "#2ca02c")[s % 3]
        out.append(
            f'<path clip-path="url(#axes)" d="M{" L".join(line)}" fill="none"'
            f' style="stroke: {colour}; stroke-width: 1.5; stroke-linecap: square"/>'
        )
        for point in line[::20]:
            px, py = point.split()
            out.append(f'<use xlink:href="#dot" x="{px}" y="{py}" fill="{colour}"/>')
    out.append('<text x="576" y="28" font-size="18" text-anchor="middle">Output by year</text>')
    return "".join(out) + "</svg>"


def icon_set(icons: int = 48, uses: int = 240, seed: int = 5) -> str:
    """An icon sheet: *icons* ``<symbol>`` icons (24 × 24, curves and arcs) used *uses*
    times in a grid."""
    rnd = random.Random(seed)
    out = [f'{HEAD} width="960" height="540" viewBox="0 0 960 540"><defs>']
    for n in range(icons):
        bits = []
        for _ in range(6):
            x, y = rnd.uniform(3, 21), rnd.uniform(3, 21)
            bits.append(
                f"M{x:.1f} {y:.1f} c{rnd.uniform(-6, 6):.1f} {rnd.uniform(-6, 6):.1f}"
                f" {rnd.uniform(-6, 6):.1f} {rnd.uniform(-6, 6):.1f}"
                f" {rnd.uniform(-6, 6):.1f} {rnd.uniform(-6, 6):.1f}"
                f" a3 3 0 0 1 {rnd.uniform(-4, 4):.1f} {rnd.uniform(-4, 4):.1f}"
            )
        out.append(
            f'<symbol id="i{n}" viewBox="0 0 24 24"><path d="{" ".join(bits)}" fill="none"'
            ' stroke="currentColor" stroke-width="2" stroke-linecap="round"/>'
            '<circle cx="12" cy="12" r="10" fill="none" stroke="currentColor"/></symbol>'
        )
    out.append("</defs>")
    for n in range(uses):
        x, y = 12 + (n % 20) * 47, 12 + (n // 20) * 44
        out.append(f'<use href="#i{n % icons}" x="{x}" y="{y}" width="32" height="32"/>')
    return "".join(out) + "</svg>"


def many_points(points: int = 480_000, per_path: int = 30_000, shift: int = 0) -> str:
    """A map-like random walk of 2-unit steps, *per_path* points a ``<path>`` (under Qt's
    limit), repeated to *points* points (as many as one SVG may draw); *shift* moves it,
    so SVGs of different shifts differ."""
    rnd = random.Random(6)
    x = y = 500.0
    walk = []
    for _ in range(per_path):
        x = min(max(x + rnd.uniform(-2, 2), 0), 1000)
        y = min(max(y + rnd.uniform(-2, 2), 0), 1000)
        walk.append(f"{x:.1f} {y:.1f}")
    path = f'<path fill="#abc" d="M{" L".join(walk)}"/>'
    return (
        f'{HEAD} width="1000" height="1000" viewBox="0 0 1000 1000">'
        f'<g transform="translate({shift} 0)">{path * (points // per_path)}</g></svg>'
    )
