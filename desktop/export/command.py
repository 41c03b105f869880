"""``tianjin-briefing export``."""

from __future__ import annotations

import argparse

from desktop.core.problems import UserError


def run_export(args: argparse.Namespace) -> int:
    raise UserError("PDF export is not available in this version yet")
