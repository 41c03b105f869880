"""The export formats: one registry that the CLI, the Export dialog and the tests read. Qt-free.

A format is registered once, here, with an instance of its :class:`Exporter`; the command
line's ``--format`` and ``-o`` suffix, and the dialog's format list, come from this registry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from desktop.export.exporter import Exporter, ExportOptions, Option
from desktop.export.pdf import PdfExporter
from desktop.export.png import PngExporter
from desktop.export.pptx import PptxExporter

DEFAULT: Final = "pdf"
"""The format written when neither ``--format`` nor the file's suffix says another."""

_EXPORTERS: dict[str, Exporter[Any]] = {}


def register(exporter: Exporter[Any]) -> Exporter[Any]:
    """Add *exporter*; its name and suffix must be new.

    Raises:
        ValueError: another exporter has the name, the suffix or the options type (the
            options tell which format they are for), or an option of the same
            name is declared differently (the command line has one flag per name).
    """
    for other in _EXPORTERS.values():
        if exporter.name == other.name or (
            exporter.suffix and exporter.suffix.lower() == other.suffix.lower()
        ):
            raise ValueError(f"{exporter.name}: the format {other.name} has this name or suffix")
        if exporter.options_type is other.options_type:
            raise ValueError(f"{exporter.name}: the format {other.name} has these options")
    for spec in exporter.options():
        known = next((o for o in all_options() if o.name == spec.name), None)
        if known is not None and (known.choices, known.minimum, known.maximum) != (
            spec.choices,
            spec.minimum,
            spec.maximum,
        ):
            raise ValueError(
                f"{exporter.name}: {spec.flag} is declared otherwise by another format"
            )
    _EXPORTERS[exporter.name] = exporter
    return exporter


def unregister(name: str) -> None:
    """Remove the exporter *name* (for tests that register one of their own)."""
    del _EXPORTERS[name]


def exporters() -> tuple[Exporter[Any], ...]:
    """Every format, in the order registered (the dialog's order)."""
    return tuple(_EXPORTERS.values())


def names() -> tuple[str, ...]:
    return tuple(_EXPORTERS)


def get(name: str) -> Exporter[Any]:
    """The exporter of format *name*.

    Raises:
        KeyError: no format has that name.
    """
    return _EXPORTERS[name]


def for_output(output: Path, name: str | None = None) -> Exporter[Any]:
    """The exporter for ``--format`` *name*, else for the suffix of *output*, else the default."""
    if name is not None:
        return get(name)
    suffix = output.suffix.lower()
    found = next((e for e in _EXPORTERS.values() if e.suffix and e.suffix == suffix), None)
    return found or get(DEFAULT)


def for_options(options: ExportOptions) -> Exporter[Any]:
    """The exporter whose options *options* are.

    Raises:
        KeyError: no format has options of that type.
    """
    for exporter in _EXPORTERS.values():
        if type(options) is exporter.options_type:
            return exporter
    raise KeyError(type(options).__name__)


def all_options() -> tuple[Option, ...]:
    """The options of every format, each name once, in the order first declared."""
    seen: dict[str, Option] = {}
    for exporter in _EXPORTERS.values():
        for spec in exporter.options():
            seen.setdefault(spec.name, spec)
    return tuple(seen.values())


register(PdfExporter())
register(PptxExporter())
register(PngExporter())
