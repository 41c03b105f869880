"""The core must not import Qt: prove it with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys

BLOCK_QT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
            raise ImportError(f"Qt import blocked: {name}")
        return None
sys.meta_path.insert(0, Block())
import desktop.core.loader, desktop.core.model, desktop.core.format, desktop.core.theme
import desktop.core.markup, desktop.core.atomic, desktop.core.paths
import desktop.core.follow, desktop.core.watch, desktop.core.navigation
import desktop.core.layouts, desktop.core.format_doc, desktop.core.text
import desktop.core.presenter.state, desktop.core.presenter.modes, desktop.core.presenter.actions
import desktop.core.presenter.screens, desktop.core.presenter.clock
import desktop.cli
from desktop.core.resources import bundled_deck
result = desktop.core.loader.load_deck(bundled_deck())
assert result.deck is not None, result.problems
assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 was imported"
print("ok", result.deck.slide_count)
"""


def test_core_and_check_need_no_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")
