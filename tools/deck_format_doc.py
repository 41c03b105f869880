"""Rewrite the generated parts of docs/deck-format.md: the layout table and the example deck.

Run after changing a layout, the slide fields or docs/example-deck:
``python tools/deck_format_doc.py``. tests/test_format_doc.py fails until the page is current.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.core.format_doc import check_part, generated_parts, replace_parts, run_example_check

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "deck-format.md"


def main() -> int:
    try:
        output = run_example_check(ROOT)
    except ValueError as exc:
        sys.stderr.write(f"the example deck does not check: {exc}")
        return 1
    parts = generated_parts(ROOT)
    parts["example-check"] = check_part(output)
    page = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(replace_parts(page, parts), encoding="utf-8")
    print(f"Wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
