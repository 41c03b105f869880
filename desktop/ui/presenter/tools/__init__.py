"""The presenter's tools: one module each, found here by name.

Each module of this package sets ``TOOL`` to a :class:`~desktop.ui.presenter.tool.
PresenterTool` subclass; :func:`tool_classes` lists them in module-name order. Adding a file
here adds a tool: its actions reach the keys, the shortcuts overlay and the tests of every key.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from desktop.ui.presenter.tool import PresenterTool


@functools.cache
def tool_classes() -> tuple[type[PresenterTool], ...]:
    """Every tool of this package, by module name.

    Raises:
        TypeError: a module here has no ``TOOL`` or it is not a :class:`PresenterTool`.
    """
    found: list[type[PresenterTool]] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        tool = getattr(module, "TOOL", None)
        if not (isinstance(tool, type) and issubclass(tool, PresenterTool)):
            raise TypeError(f"{module.__name__} has no TOOL = a PresenterTool subclass")
        found.append(tool)
    return tuple(found)
