"""The core must not import Qt: prove it with PySide6 blocked."""

from __future__ import annotations

from tests.conftest import QtFreeRun

CORE = """
import sys
import desktop.core.loader, desktop.core.model, desktop.core.format, desktop.core.theme
import desktop.core.markup, desktop.core.atomic, desktop.core.paths
import desktop.core.follow, desktop.core.watch, desktop.core.navigation
import desktop.core.layouts, desktop.core.format_doc, desktop.core.text
import desktop.core.loader_base, desktop.core.loader_paths, desktop.core.loader_build
import desktop.core.loader_checks, desktop.core.yamlfile, desktop.core.yaml_limits
import desktop.core.yaml_compose, desktop.core.yaml_nodes
import desktop.core.svg_cost, desktop.core.svg_document, desktop.core.svg_walk
import desktop.core.presenter.state, desktop.core.presenter.modes, desktop.core.presenter.actions
import desktop.core.presenter.screens, desktop.core.presenter.clock
import desktop.cli
from desktop.core.resources import bundled_deck
result = desktop.core.loader.load_deck(bundled_deck())
assert result.deck is not None, result.problems
assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 was imported"
print("ok", result.deck.slide_count)
"""


def test_core_and_check_need_no_qt(run_without_qt: QtFreeRun) -> None:
    done = run_without_qt(CORE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")
