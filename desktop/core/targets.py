"""Where an export may write: the one rule for the CLI, the Export dialog and every exporter.

An export writes a file of some :class:`FileFormat` at PATH only when PATH is absent, or is a
regular file that already holds that format (by its signature: a PDF starts with ``%PDF-``)
and that the user may write. Everything else is refused with one sentence saying what is
there:

* a file of another kind (``notes.txt``, ``README.md``): unless the user asked to replace it
  (``--force`` on the command line, a yes in the app). An empty file holds nothing to lose and
  is replaced like a file of the format;
* a folder, device, named pipe or socket: always, also as root and with ``--force``;
* a read-only file: always; the rename that moves the new file into place must not bypass the
  file's own permission. Root may write any file, so for root a file without any write bit
  counts as read-only;
* a file of the deck being exported, and any ``.yaml`` / ``.yml`` name;
* a link to nowhere, a name too long for the file system, a name the locale cannot encode.

:func:`inspect_target` says what a write would replace and raises only for targets that are
never written; :func:`check_target` also refuses a file of another kind unless forced.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop.core.i18n import N_, _
from desktop.core.os_reasons import os_reason
from desktop.core.problems import UserError
from desktop.core.text import plural

HEAD_BYTES: Final = 512
"""How much of an existing file is read to tell what it holds."""
DECK_SUFFIXES: Final = (".yaml", ".yml")
_SHOWN_MAX: Final = 160


@dataclass(frozen=True, slots=True)
class FileFormat:
    """A kind of file an exporter writes, known by how its files start.

    Attributes:
        name: As in a sentence: ``PDF``, ``PNG image`` (marked with ``N_``: a sentence shows
            it translated, :attr:`shown`).
        suffix: The usual file name suffix, for suggested names: ``.pdf``.
        signatures: A file of this format starts with one of these.
        skip_space: Whitespace may come before the signature (JSON, XML).
    """

    name: str
    suffix: str
    signatures: tuple[bytes, ...]
    skip_space: bool = False

    @property
    def shown(self) -> str:
        """:attr:`name` in the interface language."""
        return _(self.name)

    def matches(self, head: bytes) -> bool:
        """Whether a file starting with *head* is of this format."""
        start = head.lstrip() if self.skip_space else head
        return start.startswith(self.signatures)


PDF: Final = FileFormat(N_("PDF"), ".pdf", (b"%PDF-",))
JSON: Final = FileFormat(N_("JSON file"), ".json", (b"{", b"["), skip_space=True)

_KNOWN: Final = (
    (b"%PDF-", N_("a PDF")),
    (b"\x89PNG\r\n\x1a\n", N_("a PNG image")),
    (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF8", N_("a GIF image")),
    (b"PK\x03\x04", N_("a ZIP archive or Office document")),
    (b"\x1f\x8b", N_("a gzip archive")),
    (b"\x7fELF", N_("a program")),
    (b"SQLite format 3\x00", N_("an SQLite database")),
)
"""What a file holds, by how it starts, as in a sentence (translated where it is said)."""


class TargetError(UserError):
    """A target that is not written; the message is one line.

    Attributes:
        replaceable: The user may still replace it on purpose (``--force``, a yes).
    """

    def __init__(self, message: str, *, replaceable: bool = False) -> None:
        super().__init__(message)
        self.replaceable = replaceable


@dataclass(frozen=True, slots=True)
class Target:
    """Where a write goes and what it replaces.

    Attributes:
        path: The file written: the target with links resolved.
        replaces: What is there now, as in a sentence (``a PDF (12 KB)``), in the interface
            language; "" when nothing is.
        same_format: What is there is already of the format written (or empty).
    """

    path: Path
    replaces: str = ""
    same_format: bool = True


def shown(path: Path | str) -> str:
    """*path* for a one-line message: a very long one is cut in the middle."""
    text = str(path)
    if len(text) <= _SHOWN_MAX:
        return text
    half = (_SHOWN_MAX - 3) // 2
    return f"{text[:half]}...{text[-half:]}"


def size_text(size: int) -> str:
    """``3 bytes``, ``12 KB``, ``1.5 MB``."""
    if size < 1024:
        return plural(size, "{n} byte", "{n} bytes")
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def describe_content(head: bytes) -> str:
    """What a file starting with *head* holds, as in a sentence: ``a text file``."""
    for signature, what in _KNOWN:
        if head.startswith(signature):
            return _(what)
    if b"\x00" in head:
        return _("a binary file")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut at the end of the head
            return _("a binary file")
    return _("a text file")


def cannot_write(path: Path | str, reason: str) -> TargetError:
    """``cannot write PATH: reason``, *reason* a clause of its own."""
    return TargetError(_("cannot write {path}: {reason}").format(path=shown(path), reason=reason))


def _why(exc: OSError, path: Path) -> str:
    """Why *path* cannot be used, as a clause of its own."""
    if exc.errno == errno.ENAMETOOLONG:
        longest = max((len(os.fsencode(part)) for part in path.parts), default=0)
        if longest > 255:
            return _("the file name is too long ({length} bytes; file systems allow 255)").format(
                length=longest
            )
        return _("the path is too long ({length} bytes)").format(length=len(os.fsencode(path)))
    if exc.errno == errno.ELOOP:
        return _("the path has a loop of symbolic links")
    return os_reason(exc)


def _encodable(path: Path) -> None:
    try:
        os.fsencode(path)
    except UnicodeEncodeError as exc:
        reason = _(
            "the name cannot be written in this system's file name encoding ({encoding}); use a"
            " UTF-8 locale (e.g. LANG=C.UTF-8) or another name"
        )
        raise cannot_write(path, reason.format(encoding=sys.getfilesystemencoding())) from exc


def _stat(path: Path) -> os.stat_result | None:
    """``os.stat`` of *path* (links followed), None when there is nothing there."""
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except NotADirectoryError as exc:
        raise cannot_write(path, _("a part of the path is a file, not a folder")) from exc
    except ValueError as exc:  # "embedded null byte"
        raise cannot_write(path, _("the name contains a NUL byte")) from exc
    except OSError as exc:
        raise cannot_write(path, _why(exc, path)) from exc


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("it is a folder, not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("it is a device, not a regular file")
    if stat.S_ISFIFO(mode):
        return _("it is a named pipe (FIFO), not a regular file")
    if stat.S_ISSOCK(mode):
        return _("it is a socket, not a regular file")
    return _("it is a special file, not a regular file")


def _read_only(path: Path, info: os.stat_result) -> bool:
    if not os.access(path, os.W_OK):
        return True
    # access() lets root write anything; a file nobody may write is read-only all the same.
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    return root and info.st_mode & 0o222 == 0


def _head(path: Path) -> bytes | None:
    """The first bytes of the regular file *path*; None when it cannot be read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):  # swapped since it was looked at
            return None
        return os.read(handle, HEAD_BYTES)
    except OSError:
        return None
    finally:
        os.close(handle)


def _is_protected(resolved: Path, protected: Iterable[Path]) -> bool:
    for path in protected:
        try:
            if path.resolve() == resolved:
                return True
        except (OSError, RuntimeError):
            continue
    return resolved.suffix.lower() in DECK_SUFFIXES


def _read_only_file_system(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows)
        return False


def _folder_writable(target: Path, folder: Path) -> None:
    if not folder.is_dir():
        reason = _("the folder {folder} does not exist").format(folder=shown(folder))
        raise cannot_write(target, reason)
    if not os.access(folder, os.W_OK | os.X_OK):  # said as the OS would say it at the write
        code = errno.EROFS if _read_only_file_system(folder) else errno.EACCES
        raise cannot_write(target, os_reason(OSError(code, os.strerror(code))))


def inspect_target(target: Path, fmt: FileFormat, protected: Iterable[Path] = ()) -> Target:
    """Where writing *fmt* at *target* would go and what it would replace.

    Args:
        target: The path the user gave.
        fmt: The format written.
        protected: Files that are never replaced (the deck's own files).

    Raises:
        TargetError: *target* is never written (see the module docstring); not raised for a
            file of another format, which :func:`check_target` refuses unless forced.
    """
    target = target.expanduser()
    _encodable(target)
    info = _stat(target)
    if info is None:
        try:
            link: Path | None = target.readlink()
        except OSError:
            link = None
        if link is not None:
            reason = _(
                "it is a link to {link}, which does not exist; remove the link or choose another"
                " name"
            )
            raise cannot_write(target, reason.format(link=shown(link)))
    resolved = target.resolve()
    example = f"briefing{fmt.suffix}"
    if info is not None and stat.S_ISDIR(info.st_mode):
        message = _("{path} is a folder; give a file name such as {example}")
        raise TargetError(message.format(path=shown(target), example=example))
    if _is_protected(resolved, protected):
        message = _("{path} is a deck file; choose another name for the {format}")
        raise TargetError(message.format(path=shown(target), format=fmt.shown))
    if info is None:
        _folder_writable(target, resolved.parent)
        return Target(resolved)
    if not stat.S_ISREG(info.st_mode):
        reason = _("{kind}; an export writes only to files (give a name such as {example})")
        raise cannot_write(target, reason.format(kind=_kind(info.st_mode), example=example))
    if _read_only(target, info):
        reason = _("the file is read-only; make it writable first or choose another name")
        raise cannot_write(target, reason)
    _folder_writable(target, resolved.parent)
    size = size_text(info.st_size)
    if info.st_size == 0:
        return Target(resolved, _("an empty file"), True)
    head = _head(resolved)
    if head is None:
        return Target(resolved, _("a file that cannot be read ({size})").format(size=size), False)
    if fmt.matches(head):
        # TRANSLATORS: what a file holds now: "a PDF (12 KB)"
        return Target(resolved, _("a {format} ({size})").format(format=fmt.shown, size=size), True)
    # TRANSLATORS: what a file holds now: "a text file (3 KB)"
    what = _("{content} ({size})").format(content=describe_content(head), size=size)
    return Target(resolved, what, False)


def check_target(
    target: Path, fmt: FileFormat, *, force: bool = False, protected: Iterable[Path] = ()
) -> Target:
    """Like :func:`inspect_target`, and refuse a file of another format unless *force*.

    Raises:
        TargetError: *target* must not be written (``replaceable`` when *force* would do).
    """
    found = inspect_target(target, fmt, protected)
    if found.replaces and not found.same_format and not force:
        message = _(
            "{path} already exists and is {content}, not a {format}; to replace it, run again"
            " with --force"
        )
        path = shown(target.expanduser())
        raise TargetError(
            message.format(path=path, content=found.replaces, format=fmt.shown), replaceable=True
        )
    return found
