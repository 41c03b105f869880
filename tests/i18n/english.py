"""Is a text shown in a Chinese interface free of untranslated English? (no Qt)

:func:`english_words` returns the English words left in a text, after taking out what stays
as it is in every language (docs/translation.md): key names, file formats, product and
language names, deck field names in backticks, paths, command-line options and values.
"""

from __future__ import annotations

import re
from typing import Final

KEY_NAMES: Final = frozenset(
    """
    Ctrl Shift Alt Meta Cmd Esc Enter Return Tab Space Backspace Home End PgUp PgDown PgDn
    PageUp PageDown Del Delete Ins Insert Up Down Left Right Comma Period Plus Minus
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
"""Key names, as written in key sequences (compared with their capital)."""
KEPT: Final = frozenset(
    """
    pdf pptx png yaml yml svg csv json ini md markdown utf txt ttf mo po
    powerpoint keynote libreoffice impress soffice qt pyside pyside6 python pip debian ubuntu
    linux windows macos wayland xcb x11 marp chromium noto apt
    english tianjin briefing id ids url http https ok en zh cn schema
    ms px pt mib kib mb kb gb dpi fps
    jpeg jpg gif zip gzip sqlite office xml css dtd sans sc
    """.split()  # noqa: SIM905
)
"""Other words that stay in English (compared in lower case)."""

_SPANS: Final = re.compile(
    r"`[^`]*`"  # deck field names and code: `title`, `slides[2].bullets`
    r"|'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’"  # quoted values (from the deck or the user)
    r"|\S*[/\\]\S*"  # paths
    r"|\S+\.(?:yaml|yml|py|pdf|pptx|png|svg|csv|ini|json|md|txt)\b"  # file names
    r"|(?<!\w)--?[A-Za-z][\w-]*(?:=\S*)?"  # command-line options
    r"|\bfile:line(?::col)?\b"  # the problem format's name
    r"|\{[^{}]*\}"  # values not yet filled in
    r"|%\(\w+\)\w|%\w"  # printf values
    r"|\b[A-Z][A-Za-z]*\+\S+"  # key sequences: Ctrl+Shift+F5
    r"|\bF\d{1,2}\b"  # function keys
    r"|&(?=\w)"  # mnemonics
)
_WORD: Final = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """The English words of *text* that a Chinese interface should not show."""
    stripped = _SPANS.sub(" ", text)
    return [w for w in _WORD.findall(stripped) if w not in KEY_NAMES and w.lower() not in KEPT]
