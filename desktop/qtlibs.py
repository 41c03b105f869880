"""Qt's system libraries: which are missing, and which Debian/Ubuntu packages provide them.

PySide6 bundles Qt but not the system libraries Qt links against. When one is missing, the
import of ``PySide6.QtGui`` fails with ``ImportError: libEGL.so.1: cannot open shared object
file``, and a missing library of the xcb platform plugin makes Qt abort when the window opens.
This module turns both into one line naming the libraries and the packages to install. It
imports no Qt, so it works when Qt cannot load.

The table comes from reading the installed Qt libraries and plugins (``objdump -p``: their
``NEEDED`` entries) and mapping each system library to its package with ``dpkg -S`` on Debian
12; ``tests/reliability/test_bad_commands.py`` checks it against the installed PySide6.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final

from desktop.core.text import plural

# What QtCore, QtGui, QtWidgets, QtSvg and the offscreen platform need (check, export, tests).
CORE: Final[dict[str, str]] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
}
# What the xcb platform plugin (a window on X11) and its GLX integration need in addition.
XCB: Final[dict[str, str]] = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
# What the wayland platform plugin needs in addition.
WAYLAND: Final[dict[str, str]] = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
PACKAGES: Final[dict[str, str]] = {**CORE, **XCB, **WAYLAND}
"""Debian/Ubuntu package of each system library Qt needs, by soname."""
PLATFORM_LIBRARIES: Final[dict[str, dict[str, str]]] = {"xcb": XCB, "wayland": WAYLAND}

_MISSING: Final = re.compile(r"(?P<lib>[\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")

Loader = Callable[[str], object]
"""Loads a shared library by name or path; raises OSError when it cannot (``ctypes.CDLL``)."""


def missing_library(message: str) -> str | None:
    """The library named by a loader message (``libEGL.so.1: cannot open shared object file``)."""
    match = _MISSING.search(message)
    return match["lib"] if match else None


def missing_among(sonames: Iterable[str], load: Loader = ctypes.CDLL) -> list[str]:
    """Those of *sonames* that cannot be loaded here."""
    missing = []
    for soname in sonames:
        try:
            load(soname)
        except OSError:
            missing.append(soname)
    return missing


def install_hint(libraries: Iterable[str]) -> str:
    """``libEGL.so.1 is missing; install it with `apt install libegl1` (Debian/Ubuntu)``."""
    libraries = list(dict.fromkeys(libraries))
    known = list(dict.fromkeys(PACKAGES[lib] for lib in libraries if lib in PACKAGES))
    unknown = [lib for lib in libraries if lib not in PACKAGES]
    names = ", ".join(libraries)
    if any(lib.startswith("libQt6") for lib in libraries):
        return plural(
            len(libraries),
            "{names} is missing from the PySide6 installation; reinstall it"
            " (pip install --force-reinstall PySide6-Essentials)",
            "{names} are missing from the PySide6 installation; reinstall it"
            " (pip install --force-reinstall PySide6-Essentials)",
            names=names,
        )
    parts = []
    if known:
        parts.append(f"`apt install {' '.join(known)}`")
    if unknown:
        parts.append(f"the packages that provide {', '.join(unknown)} (`apt-file search`)")
    return plural(
        len(libraries),
        "{names} is missing; install it with {how} (Debian/Ubuntu)",
        "{names} are missing; install them with {how} (Debian/Ubuntu)",
        names=names,
        how=" and ".join(parts),
    )


def qt_import_problem(exc: ImportError, load: Loader = ctypes.CDLL) -> str | None:
    """One line for an ImportError of Qt, or None when *exc* is about something else.

    The library the error names comes first; the others Qt needs and that are missing too
    follow, so one install fixes all of them.
    """
    name = exc.name or ""
    lib = missing_library(str(exc))
    if lib is not None:
        others = [soname for soname in missing_among(CORE, load) if soname != lib]
        return f"Qt cannot load: {install_hint([lib, *others])}"
    if name.split(".")[0] in ("PySide6", "shiboken6") or "PySide6" in str(exc):
        return (
            f"Qt cannot load: {exc}; reinstall PySide6 in this environment"
            " (pip install --force-reinstall PySide6-Essentials)"
        )
    return None


def platform_problem(platform: str, plugin: Path, load: Loader = ctypes.CDLL) -> str | None:
    """One line when Qt's platform plugin *plugin* cannot load; None when it can.

    Qt itself would abort with several lines about the plugin; loading it first finds the
    missing library while there is still time to say so.
    """
    try:
        load(str(plugin))
    except OSError as exc:
        lib = missing_library(str(exc))
        if lib is None:
            return f"Qt's {platform} platform plugin cannot load: {' '.join(str(exc).split())}"
        others = [s for s in missing_among(PLATFORM_LIBRARIES.get(platform, {}), load) if s != lib]
        return f"Qt's {platform} platform plugin cannot load: {install_hint([lib, *others])}"
    return None
