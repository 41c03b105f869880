"""How long an SVG may take to draw, and what is said of one that takes longer. Qt-free.

:mod:`desktop.core.svg` refuses an SVG whose estimated drawing time
(:mod:`desktop.core.svg_cost`) is over :data:`ESTIMATE_REFUSED` with :func:`refused_message`,
and marks one over :data:`ESTIMATE_MEASURED` for measuring; ``desktop/render/probe.py``
measures it against :data:`DRAW_LIMIT`, and one that is slower is not drawn
(:func:`slow_message`).
"""

from __future__ import annotations

from typing import Final

from desktop.core.i18n import _
from desktop.core.svg_cost import DrawCost

DRAW_LIMIT: Final = 3.0
"""Seconds an SVG may take to draw at its largest on-screen size (the probe's deadline)."""
ESTIMATE_REFUSED: Final = 10.0
"""An SVG whose estimated drawing time is over this is refused without drawing it. The
estimate is within a factor of 3 of the measured time, so this is above :data:`DRAW_LIMIT`
whatever the estimate's error."""
ESTIMATE_MEASURED: Final = 0.3
"""An SVG whose estimated drawing time is over this is measured before it is drawn (below
it, one that the estimate underrates threefold still draws in about a second)."""


def refused_message(name: str, cost: DrawCost) -> str:
    """Why an SVG estimated to take too long to draw is refused."""
    fields = {
        "name": name,
        "limit": f"{DRAW_LIMIT:g}",
        "time": _seconds(cost.seconds),
        "tag": cost.worst_tag,
        "line": cost.worst_line,
        "worst": _seconds(cost.worst_seconds),
    }
    if not cost.worst_tag:
        message = _(
            "{name} cannot be drawn: drawing it would take more than {limit} s (about {time} at"
            " full-screen size); simplify it (fewer or shorter segments in one path, thinner"
            " strokes) or use a PNG"
        )
    elif cost.worst_seconds >= 0.9 * cost.seconds:
        message = _(
            "{name} cannot be drawn: drawing it would take more than {limit} s (about {time} at"
            " full-screen size, nearly all of it for the `<{tag}>` on line {line}); simplify it"
            " (fewer or shorter segments in one path, thinner strokes) or use a PNG"
        )
    else:
        message = _(
            "{name} cannot be drawn: drawing it would take more than {limit} s (about {time} at"
            " full-screen size; the `<{tag}>` on line {line} alone takes about {worst});"
            " simplify it (fewer or shorter segments in one path, thinner strokes) or use a PNG"
        )
    return message.format(**fields)


def slow_message(name: str) -> str:
    """Why an SVG that took too long to draw in the probe is not drawn."""
    message = _(
        "{name} cannot be drawn: drawing it takes more than {limit} s at full-screen size;"
        " simplify it (fewer or shorter segments in one path, thinner strokes) or use a PNG"
    )
    return message.format(name=name, limit=f"{DRAW_LIMIT:g}")


def _seconds(value: float) -> str:
    if value == float("inf") or value >= 3600:
        return _("an hour or more")
    return f"{value:.0f} s" if value >= 10 else f"{value:.1f} s"
