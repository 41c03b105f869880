"""Find bundled resources through the package, never the working directory."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _package_dir(package: str, checkout_folder: str) -> Path:
    """A data package's folder: installed inside ``desktop``, or top level in a checkout.

    The wheel maps the top-level ``resources/`` and ``slides/`` folders to
    ``desktop.resources`` and ``desktop.slides``. When ``desktop`` is imported
    from a source checkout without an install, they are beside the package.
    """
    try:
        return Path(str(files(package)))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / checkout_folder


def resources_dir() -> Path:
    """The folder of bundled resources (themes, fonts, schemas)."""
    return _package_dir("desktop.resources", "resources")


def bundled_deck() -> Path:
    """The bundled Ten Actions deck folder."""
    return _package_dir("desktop.slides", "slides")


def bundled_themes() -> dict[str, Path]:
    """Theme name -> file, for the themes in ``resources/themes``."""
    folder = resources_dir() / "themes"
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))}
