"""Make sure a Qt application object exists (for command-line rendering)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtGui import QGuiApplication

from desktop.core.problems import UserError
from desktop.qtlibs import platform_problem


def platform_names() -> list[str]:
    """The platform plugins Qt will try, in order (``QT_QPA_PLATFORM``, else the default)."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return [part.split(":")[0] for part in chosen.split(";") if part.split(":")[0]]
    if not sys.platform.startswith("linux"):
        return []
    if os.environ.get("WAYLAND_DISPLAY") or os.environ.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def check_platform() -> None:
    """Fail with one line, not a Qt abort, when no platform plugin Qt would use can load.

    Raises:
        UserError: the plugin needs a system library that is missing (the message names it
            and the package to install).
    """
    if QCoreApplication.instance() is not None or not sys.platform.startswith("linux"):
        return
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    problems: list[str] = []
    for name in platform_names():
        plugin = folder / f"libq{name}.so"
        if not plugin.is_file():
            return  # not one of PySide6's own plugins: Qt's plugin search decides
        problem = platform_problem(name, plugin)
        if problem is None:
            return
        problems.append(problem)
    if problems:
        raise UserError(problems[0])


def ensure_gui_app(offscreen: bool = True) -> QCoreApplication:
    """Return the running application, creating a QGuiApplication if there is none.

    With *offscreen*, Qt's offscreen platform is used unless another was chosen,
    so rendering works on machines without a display.

    Raises:
        UserError: Qt's platform plugin cannot load (see :func:`check_platform`).
    """
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    check_platform()
    return QGuiApplication(sys.argv[:1])
