"""The interface's translation catalogues: extract, update, compile and check them.

Usage::

    .venv/bin/python tools/i18n.py update    # the code's marked texts into every .po
    .venv/bin/python tools/i18n.py compile   # every .po into its .mo (shipped in the wheel)
    .venv/bin/python tools/i18n.py check     # exit 1: a text untranslated, stale, unmarkable, …

Translate by editing the ``msgstr`` lines of
``resources/locale/<code>/LC_MESSAGES/tianjin_briefing.po``; then ``compile``. See
:mod:`desktop.core.i18n` for how code marks its texts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.i18n import DOMAIN, UI_LANGUAGES  # noqa: E402
from desktop.core.i18n_catalog import (  # noqa: E402
    Entry,
    compile_mo,
    extract,
    merge,
    placeholders,
    read_po,
    write_po,
)

LOCALE: Final = ROOT / "resources" / "locale"
PLURAL_FORMS: Final = {"zh_CN": "nplurals=1; plural=0;"}


def source_files() -> list[Path]:
    """Every module of the app (the texts it shows are all in ``desktop/``)."""
    return sorted((ROOT / "desktop").rglob("*.py"))


def po_path(code: str) -> Path:
    return LOCALE / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def header(code: str) -> str:
    return (
        "Project-Id-Version: tianjin-briefing\n"
        f"Language: {code}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {PLURAL_FORMS[code]}\n"
    )


def languages() -> list[str]:
    return [language.code for language in UI_LANGUAGES if language.code != "en"]


def update() -> int:
    messages, bad = extract(ROOT, source_files())
    for code in languages():
        path = po_path(code)
        old = read_po(path)[1] if path.exists() else []
        entries, dropped = merge(messages, old)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(write_po(header(code), entries), encoding="utf-8")
        untranslated = sum(not e.translated for e in entries)
        print(f"{path.relative_to(ROOT)}: {len(entries)} texts, {untranslated} to translate")
        for entry in dropped:
            print(f"  dropped (no longer in the code): {entry.msgid!r} -> {entry.strings!r}")
    for call in bad:
        print(call.format(), file=sys.stderr)
    return 1 if bad else 0


def compile_all() -> int:
    for code in languages():
        header_text, entries = read_po(po_path(code))
        mo = po_path(code).with_suffix(".mo")
        mo.write_bytes(compile_mo(header_text, entries))
        print(f"wrote {mo.relative_to(ROOT)}")
    return 0


def problems() -> list[str]:
    """Every way the catalogues disagree with the code (empty: all is well)."""
    messages, bad = extract(ROOT, source_files())
    found = [call.format() for call in bad]
    for code in languages():
        path = po_path(code)
        shown = path.relative_to(ROOT)
        if not path.exists():
            found.append(f"{shown}: missing; run `python tools/i18n.py update`")
            continue
        header_text, entries = read_po(path)
        have = {entry.key: entry for entry in entries}
        for key, message in messages.items():
            entry = have.get(key)
            where = f"{message.files[0]}:{message.line}"
            if entry is None:
                found.append(f"{where}: {message.msgid!r} is not in {shown}; run update")
            elif entry.plural != message.plural:
                found.append(f"{where}: the plural of {message.msgid!r} changed; run update")
        found.extend(
            f"{shown}: {entry.msgid!r} is no longer in the code (stale); run update"
            for entry in entries
            if entry.key not in messages
        )
        found.extend(_translation_problems(shown, entries))
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compile_mo(header_text, entries):
            found.append(f"{mo.relative_to(ROOT)}: out of date; run `python tools/i18n.py compile`")
    return found


def _translation_problems(shown: Path, entries: list[Entry]) -> list[str]:
    found: list[str] = []
    for entry in entries:
        if not entry.translated:
            found.append(f"{shown}: {entry.msgid!r} is not translated")
            continue
        wanted = placeholders(entry.msgid) | placeholders(entry.plural)
        for text in entry.strings:
            if placeholders(text) != wanted:
                found.append(
                    f"{shown}: the translation of {entry.msgid!r} has the values"
                    f" {sorted(placeholders(text))}, not {sorted(wanted)}"
                )
    return found


def check() -> int:
    found = problems()
    for line in found:
        print(line, file=sys.stderr)
    print(f"{len(found)} problems" if found else "catalogues up to date")
    return 1 if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "compile", "check"))
    command = parser.parse_args().command
    return {"update": update, "compile": compile_all, "check": check}[command]()


if __name__ == "__main__":
    raise SystemExit(main())
