"""Small statistics and process-memory helpers shared by the benchmark's processes. Qt-free."""

from __future__ import annotations

import math
import resource
import sys
from collections.abc import Sequence
from pathlib import Path

_STATUS = Path("/proc/self/status")


def median(values: Sequence[float]) -> float:
    """The median of *values* (the mean of the middle two for an even count).

    Raises:
        ValueError: *values* is empty.
    """
    return percentile(values, 50.0)


def percentile(values: Sequence[float], p: float) -> float:
    """The *p*-th percentile of *values*, interpolated linearly between ranks (as numpy does).

    Raises:
        ValueError: *values* is empty or *p* is outside 0–100.
    """
    if not values:
        raise ValueError("no values")
    if not 0.0 <= p <= 100.0:
        raise ValueError(f"percentile {p} is outside 0-100")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100.0
    low = math.floor(rank)
    high = math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def _status_kib(field: str) -> int | None:
    try:
        text = _STATUS.read_text(encoding="ascii")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None


def rss_mib() -> float:
    """This process' resident set size now, in MiB (0 where /proc is missing)."""
    kib = _status_kib("VmRSS")
    return kib / 1024 if kib is not None else 0.0


def peak_rss_mib() -> float:
    """This process' peak resident set size so far, in MiB (VmHWM, else ru_maxrss)."""
    kib = _status_kib("VmHWM")
    if kib is None:
        maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kib = maxrss // 1024 if sys.platform == "darwin" else maxrss
    return kib / 1024
