"""The exporter interface: what the CLI, the Export dialog and the tests know of a format.

An exporter names its format (``pdf``), the kind of file it writes (a
:class:`~desktop.core.targets.FileFormat`: suffix and signature, for the target rule), its
options (a frozen dataclass deriving from :class:`ExportOptions`, whose format-specific
fields are declared with :func:`option` so that the CLI and the dialog can offer them without
knowing the format), and how to write a deck (:meth:`Exporter.write`). Progress, cancelling and
the atomic write are the same for every format: see :class:`ExportJob`.

This module imports no Qt: the CLI builds its parser from the registered exporters before Qt
is loaded. An exporter imports its Qt code inside :meth:`Exporter.write`.
"""

from __future__ import annotations

import dataclasses
import errno
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from desktop.core import targets
from desktop.core.i18n import N_, _
from desktop.core.problems import UserError
from desktop.core.targets import FileFormat, Target
from desktop.core.text import plural
from desktop.core.theme import Theme

if TYPE_CHECKING:
    from desktop.core.model import Deck
    from desktop.render.renderer import SlideRenderer

Progress = Callable[[int, int], bool]
"""Called with (steps done, steps planned); return False to cancel."""

T = TypeVar("T")


class ExportCancelled(Exception):
    """The user cancelled the export; the target is untouched."""


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote.

    Attributes:
        path: The file (or folder) written, links resolved.
        pages: Pages written (for a format of one file per slide: files).
        size: Bytes written.
    """

    path: Path
    pages: int
    size: int


@dataclass(frozen=True)
class Choice:
    """One value of an option with a fixed list of values.

    Attributes:
        value: What the options field holds (``ExportLayout.NOTES``, ``3``).
        word: How the command line writes it (``notes``, ``3``).
        label: How the Export dialog shows it.
    """

    value: object
    word: str | int
    label: str


@dataclass(frozen=True)
class Option:
    """A format-specific option, as the command line and the Export dialog offer it.

    Attributes:
        name: The options field; the command line flag is ``--`` and the name with dashes.
        label: The dialog's label.
        help: The command line's help text.
        default: The field's default.
        choices: The values allowed, when they are a list.
        minimum: Otherwise a whole number, at least this…
        maximum: …and at most this.
        only_with: ``(other option, values)``: the option applies only while that option
            has one of those values (the handout size, to the handout layout); empty: always.
    """

    name: str
    label: str
    help: str
    default: object
    choices: tuple[Choice, ...] = ()
    minimum: int = 0
    maximum: int = 0
    only_with: tuple[str, tuple[object, ...]] | tuple[()] = ()

    def applies(self, values: Mapping[str, object]) -> bool:
        """Whether the option means anything with the other options at *values*."""
        if not self.only_with:
            return True
        other, allowed = self.only_with
        return values.get(other) in allowed

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def switch(self) -> bool:
        """An on/off option (its default is a bool): a bare flag, and a check box."""
        return isinstance(self.default, bool)

    def word(self, value: object) -> str | int:
        """The command line's word for *value* (a number for a whole-number option)."""
        if self.switch:
            return "on" if value else "off"
        for choice in self.choices:
            if choice.value == value:
                return choice.word
        if self.choices or not isinstance(value, int):
            raise ValueError(f"{value!r} is not a value of {self.flag}")
        return value

    def value(self, word: str | int) -> object:
        """The field's value for the command line's *word* (True for a switch given)."""
        if self.switch:
            return bool(word)
        for choice in self.choices:
            if choice.word == word:
                return choice.value
        if self.choices or not isinstance(word, int):
            raise ValueError(f"{word!r} is not a value of {self.flag}")
        return word


_OPTION = "export-option"


def option(
    default: T,
    label: str,
    help: str,
    choices: Iterable[tuple[T, str | int, str]] = (),
    minimum: int = 0,
    maximum: int = 0,
    only_with: tuple[str, tuple[object, ...]] | tuple[()] = (),
) -> T:
    """Declare a format-specific field of an options dataclass (its default is *default*).

    Args:
        default: The default value.
        label: The Export dialog's label.
        help: The command line's help text.
        choices: (value, command line word, dialog label) of each value allowed.
        minimum: For a whole number without choices, the least value allowed.
        maximum: And the greatest.
        only_with: ``(other option, values)``: applies only while the other option has one
            of those values (see :attr:`Option.only_with`).
    """
    spec = Option(
        "",
        label,
        help,
        default,
        tuple(Choice(value, word, text) for value, word, text in choices),
        minimum,
        maximum,
        only_with,
    )
    return dataclasses.field(default=default, metadata={_OPTION: spec})


@dataclass(frozen=True)
class ExportOptions:
    """Options every format has. A format's options derive from this class.

    Attributes:
        slides: 0-based slide indexes, in order; None for all.
        theme: Another theme than the deck's.
        include_hidden: Export the hidden slides too (:mod:`desktop.core.talk`).
        no_backup: Leave the backup sections out.
    """

    slides: tuple[int, ...] | None = None
    theme: Theme | None = None
    include_hidden: bool = option(
        False, N_("Include hidden slides"), N_("export the slides marked `hidden: true` too")
    )
    no_backup: bool = option(
        False, N_("Leave out the backup"), N_("leave out the sections marked `backup: true`")
    )


OptionsT = TypeVar("OptionsT", bound=ExportOptions)


@dataclass(frozen=True)
class AtomicTarget:
    """A write under way (see :meth:`ExportJob.atomic_file`).

    Attributes:
        temp: Where to write: a temporary file beside the target.
        path: Where it goes once complete: the target with links resolved.
    """

    temp: Path
    path: Path


@dataclass(frozen=True)
class ExportJob(Generic[OptionsT]):
    """One export under way: what :meth:`Exporter.write` is given.

    Attributes:
        exporter: The exporter writing.
        deck: The deck exported.
        target: The path the user gave.
        options: The format's options.
        progress: Told of each step; returns False to cancel.
        renderer: The renderer to draw with (None: the exporter makes one).
        force: Replace a file of another format (never a folder, device or read-only file).
    """

    exporter: Exporter[OptionsT]
    deck: Deck
    target: Path
    options: OptionsT
    progress: Progress | None = None
    renderer: SlideRenderer | None = None
    force: bool = False

    @property
    def slides(self) -> list[int]:
        """The 0-based indexes of the slides exported, in order: those chosen (else all)
        but the hidden ones and, with ``no_backup``, the backup (unless asked for)."""
        chosen = self.options.slides
        indexes = chosen if chosen is not None else range(self.deck.slide_count)
        options = self.options
        return self.deck.talk.exported(
            indexes, include_hidden=options.include_hidden, backup=not options.no_backup
        )

    def step(self, done: int, total: int) -> None:
        """Report *done* of *total* steps.

        Raises:
            ExportCancelled: the progress callback asked to stop.
        """
        if self.progress is not None and not self.progress(done, total):
            raise ExportCancelled()

    def check_target(self) -> Target:
        """The target rule of the exporter, for this job's target and deck.

        Raises:
            TargetError: the target must not be written.
        """
        return self.exporter.check_target(self.target, force=self.force, protected=self.deck.files)

    @contextmanager
    def atomic_file(self) -> Iterator[AtomicTarget]:
        """A temporary file beside the target, moved into place when the block ends well.

        The target is checked before (and again just before the rename: it may have changed
        during a long export); a failure or a kill leaves the previous file.

        Raises:
            UserError: the target is refused, or cannot be written (the message says why).
        """
        from desktop.core.atomic import atomic_path  # hashlib: not for the CLI's parser

        resolved = self.check_target().path
        try:
            with atomic_path(resolved, self.check_target) as temp:
                yield AtomicTarget(temp, resolved)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise UserError(disk_full(self.target)) from exc
            raise UserError(cannot_write(self.target, exc)) from exc


class Exporter(ABC, Generic[OptionsT]):
    """A format the deck can be exported to. Subclasses set the class attributes.

    Attributes:
        name: The format's name on the command line (``--format pdf``); the registry's key.
        title: How the dialog and its messages name it (``PDF``).
        description: One sentence for the command line's help.
        file_format: What a written file is: its suffix picks the format from ``-o``, and
            its signature tells a file of the format from one that must not be replaced.
        writes_folder: The target is a folder of files of :attr:`file_format` (one per
            slide, say): the suffix of ``-o`` never chooses it, the dialog asks for a folder,
            and the exporter gives its own :meth:`inspect_target` and :meth:`check_target`.
        options_type: The format's options dataclass.
    """

    name: ClassVar[str]
    title: ClassVar[str]
    description: ClassVar[str]
    file_format: ClassVar[FileFormat]
    writes_folder: ClassVar[bool] = False
    options_type: type[OptionsT]

    @property
    def suffix(self) -> str:
        """The suffix of the file written ("" for a folder)."""
        return "" if self.writes_folder else self.file_format.suffix

    def options(self) -> tuple[Option, ...]:
        """The format-specific options, from the fields of :attr:`options_type`."""
        return tuple(
            dataclasses.replace(field.metadata[_OPTION], name=field.name)
            for field in dataclasses.fields(self.options_type)
            if _OPTION in field.metadata
        )

    def make_options(self, values: dict[str, Any] | None = None, **common: Any) -> OptionsT:
        """Options of this format from its option *values* (by field name) and *common* ones.

        Raises:
            TypeError: a name is not a field of :attr:`options_type`.
        """
        return self.options_type(**common, **(values or {}))

    def inspect_target(self, target: Path, protected: Iterable[Path] = ()) -> Target:
        """What writing *target* would replace (:func:`desktop.core.targets.inspect_target`)."""
        return targets.inspect_target(target, self.file_format, protected)

    def check_target(
        self, target: Path, *, force: bool = False, protected: Iterable[Path] = ()
    ) -> Target:
        """Refuse a target that would lose something (:func:`desktop.core.targets.check_target`).

        Raises:
            TargetError: the target must not be written; the message says why.
        """
        return targets.check_target(target, self.file_format, force=force, protected=protected)

    def export(
        self,
        deck: Deck,
        target: Path,
        options: OptionsT | None = None,
        *,
        progress: Progress | None = None,
        renderer: SlideRenderer | None = None,
        force: bool = False,
    ) -> ExportResult:
        """Write *deck* to *target* atomically.

        Args:
            deck: The deck exported.
            target: What the user named: absent, or of this format (see
                :mod:`desktop.core.targets`).
            options: The format's options (default: all defaults).
            progress: Told of each step; returns False to cancel.
            renderer: The renderer to draw with (default: a new one for the deck and theme).
            force: Replace a file of another format (never a folder, device or read-only
                file).

        Raises:
            UserError: the target cannot be written (the message says why).
            ExportCancelled: *progress* returned False.
        """
        chosen = options if options is not None else self.options_type()
        if not isinstance(chosen, self.options_type):
            raise TypeError(f"{self.title} export needs {self.options_type.__name__}")
        return self.write(ExportJob(self, deck, target, chosen, progress, renderer, force))

    @abstractmethod
    def write(self, job: ExportJob[OptionsT]) -> ExportResult:
        """Write the export of *job* (through :meth:`ExportJob.atomic_file` or the like)."""

    def progress_text(self, done: int, total: int) -> str:
        """What the command line shows while it exports: ``Exporting page 3/37``."""
        return _("Exporting page {done}/{total}").format(done=done, total=total)

    def summary(self, result: ExportResult) -> str:
        """What was written, after the path: ``37 pages, 154 KB``."""
        return plural(
            result.pages, "{n} page, {size}", "{n} pages, {size}", size=human_size(result.size)
        )


def disk_full(target: Path) -> str:
    """The message of a write that filled the disk."""
    return _("cannot write {path}: the disk is full").format(path=target)


def cannot_write(target: Path, error: OSError) -> str:
    """The message of a write the system refused, with the system's reason."""
    return _("cannot write {path}: {reason}").format(path=target, reason=error.strerror or error)


def human_size(size: int) -> str:
    """``12 KB`` (at least 1), ``1.5 MB``."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"
