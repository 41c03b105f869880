"""Make sure a Qt application object exists (for command-line rendering)."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def ensure_gui_app(offscreen: bool = True) -> QCoreApplication:
    """Return the running application, creating a QGuiApplication if there is none.

    With *offscreen*, Qt's offscreen platform is used unless another was chosen,
    so rendering works on machines without a display.
    """
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(sys.argv[:1])
