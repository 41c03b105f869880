"""Rewrite the generated parts of docs/deck-format.md: the layout table and the example deck.

Run after changing a layout, the slide fields or docs/example-deck:
``python tools/deck_format_doc.py``. tests/test_format_doc.py fails until the page is current.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.core.format_doc import EXAMPLE_CHECK, check_part, generated_parts, replace_parts

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "deck-format.md"


def main() -> int:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *EXAMPLE_CHECK],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        return 1
    parts = generated_parts(ROOT)
    parts["example-check"] = check_part(done.stdout)
    page = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(replace_parts(page, parts), encoding="utf-8")
    print(f"Wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
