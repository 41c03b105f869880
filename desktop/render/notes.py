"""Speaker notes as a text document: Markdown without HTML, nothing loaded, safe links only.

Every surface that shows notes (the notes pane in the main window and on the presenter
console, the notes pages of the PDF) builds its document here, so the rules hold everywhere:

* raw HTML is text (Qt's ``MarkdownNoHTML``);
* an image is never loaded: it becomes its alt text, ``[image: alt]``, before anything lays
  the document out (Qt's image handler would otherwise read a local file itself, without
  asking ``loadResource``);
* a link stays a link only when it is an ``http``/``https`` URL with a host or a ``mailto``
  address; any other target (``file:``, ``javascript:``, a relative path, any other scheme)
  is plain text, so it never becomes a link annotation in a PDF.
"""

from __future__ import annotations

import logging
import re
from typing import Final

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

from desktop.core.i18n import _
from desktop.core.markup import typographic

log = logging.getLogger(__name__)

MARKDOWN: Final = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)
LINK_SCHEMES: Final = frozenset({"http", "https", "mailto"})
_SCHEME: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_ANCHOR_PROPERTIES: Final = (
    QTextFormat.Property.IsAnchor,
    QTextFormat.Property.AnchorHref,
    QTextFormat.Property.AnchorName,
)


class OfflineDocument(QTextDocument):
    """A document that loads no resource at all: no files, no data URLs, no network."""

    def loadResource(self, type: int, name: QUrl | str) -> object:
        log.debug("notes: refused to load resource %s", QUrl(name).toDisplayString())
        return None


def is_safe_link(href: str) -> bool:
    """Whether *href* may be a link: an http(s) URL with a host, or a mailto address."""
    match = _SCHEME.match(href)
    if match is None or match.group(1).lower() not in LINK_SCHEMES:
        return False
    url = QUrl(href, QUrl.ParsingMode.StrictMode)
    if not url.isValid():
        return False
    if url.scheme().lower() == "mailto":
        return bool(url.path())
    return bool(url.host())


def notes_document(
    markdown: str, muted: QColor | None = None, parent: QObject | None = None
) -> QTextDocument:
    """A new, not yet laid out document of *markdown* notes, made safe (see the module).

    *muted* colours the ``[image: alt]`` labels that replace images.
    """
    document = OfflineDocument(parent)
    document.setMarkdown(markdown, MARKDOWN)
    _replace_images(document, muted)
    _unlink_unsafe(document)
    _typographic_quotes(document)
    return document


def _typographic_quotes(document: QTextDocument) -> None:
    """Typographic quotes in every block (:func:`desktop.core.markup.typographic`, which
    keeps the text's length), except inside code."""
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        text = block.text()
        for offset, (old, new) in enumerate(zip(text, typographic(text), strict=True)):
            if old == new:
                continue
            cursor.setPosition(block.position() + offset)
            cursor.setPosition(block.position() + offset + 1, QTextCursor.MoveMode.KeepAnchor)
            fmt = cursor.charFormat()
            if not fmt.fontFixedPitch() and not fmt.isAnchor():
                cursor.insertText(new, fmt)
        block = block.next()


def _fragments(document: QTextDocument) -> list[tuple[int, int, QTextCharFormat]]:
    found: list[tuple[int, int, QTextCharFormat]] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid():
                found.append((fragment.position(), fragment.length(), fragment.charFormat()))
            fragments += 1
        block = block.next()
    return found


def _replace_images(document: QTextDocument, muted: QColor | None) -> None:
    """Swap every image for its alt text in brackets."""
    images = [
        (position, length, str(char_format.property(QTextFormat.Property.ImageAltText) or ""))
        for position, length, char_format in _fragments(document)
        if char_format.isImageFormat()
    ]
    if not images:
        return
    label = QTextCharFormat()
    if muted is not None:
        label.setForeground(muted)
    label.setFontItalic(True)
    cursor = QTextCursor(document)
    for position, length, alt in reversed(images):
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        alt = alt.strip()
        shown = _("[image: {alt}]").format(alt=alt) if alt else _("[image]")
        cursor.insertText(shown, label)
    log.debug("notes: replaced %d image(s) by their alt text", len(images))


def _unlink_unsafe(document: QTextDocument) -> None:
    """Turn every link whose target is not safe (see :func:`is_safe_link`) into plain text."""
    cursor = QTextCursor(document)
    unlinked = 0
    for position, length, char_format in _fragments(document):
        has_anchor = any(char_format.hasProperty(p) for p in _ANCHOR_PROPERTIES)
        if not has_anchor or (char_format.isAnchor() and is_safe_link(char_format.anchorHref())):
            continue
        plain = QTextCharFormat(char_format)
        for prop in _ANCHOR_PROPERTIES:
            plain.clearProperty(prop)
        plain.clearForeground()
        plain.setFontUnderline(False)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(plain)
        unlinked += 1
    if unlinked:
        log.debug("notes: %d link(s) with an unsafe target shown as text", unlinked)
