"""Where the main window opens: fitted to the screen the first time, then where it was left.

The first open gives the window its preferred size, shrunk to the available area of the
primary screen (the screen less its panels and docks) and centred there: a 1366×768 laptop
shows the whole window, status bar included. Later opens restore the saved geometry, docks
and toolbar; a geometry saved on a larger screen, or on a screen no longer there, is clamped
into the screen the window overlaps most (the primary one when it overlaps none).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow

from desktop.core.settings import WINDOW_GEOMETRY, WINDOW_STATE
from desktop.ui.settings import Settings

PREFERRED: Final = QSize(1280, 800)
"""The window's least size on a first open, when the screen has room for it."""
SCREEN_SHARE: Final = 0.85
"""On a larger screen a first open takes this share of the available area's width and
height (a 1920×1080 desk gets about 1630×880, not a laptop-sized window in its middle)."""

FRAME_ALLOWANCE: Final = QMargins(0, 32, 0, 0)
"""Room kept for the window manager's title bar before the window is shown (then the real
frame is known and :func:`keep_on_screen` fits the window again)."""


def restore_layout(window: QMainWindow, settings: Settings) -> bool:
    """Give *window* the size, docks and toolbar it was closed with (the first time: a size
    that fits the screen); False when nothing was kept for the docks (the caller sizes them)."""
    geometry = settings.get(WINDOW_GEOMETRY)
    if not (geometry and window.restoreGeometry(geometry)):
        first_geometry(window)
    state = settings.get(WINDOW_STATE)
    if state:
        window.restoreState(state)
    keep_on_screen(window)
    return bool(state)


def save_layout(window: QMainWindow, settings: Settings) -> None:
    """Keep *window*'s size, docks and toolbar for :func:`restore_layout`."""
    settings.set(WINDOW_GEOMETRY, bytes(window.saveGeometry().data()))
    settings.set(WINDOW_STATE, bytes(window.saveState().data()))
    settings.sync()


def first_geometry(window: QMainWindow) -> None:
    """:data:`SCREEN_SHARE` of the primary screen's available area, at least the preferred
    size, shrunk to the area, centred there."""
    area = QGuiApplication.primaryScreen().availableGeometry()
    frame = _frame(window)
    room = area.size().shrunkBy(frame)
    share = QSize(int(room.width() * SCREEN_SHARE), int(room.height() * SCREEN_SHARE))
    size = (
        share.expandedTo(PREFERRED)
        .boundedTo(room)
        .expandedTo(window.minimumSizeHint().boundedTo(room))
    )
    outer = QRect(QPoint(0, 0), size.grownBy(frame))
    outer.moveCenter(area.center())
    window.setGeometry(outer - frame)


def keep_on_screen(window: QMainWindow) -> None:
    """Move and shrink *window* so that all of it, frame included, is on one screen's
    available area (unless it is maximised or full screen: the window system places it)."""
    if window.isMaximized() or window.isFullScreen():
        return
    frame = _frame(window)
    outer = window.geometry() + frame
    screen = screen_for(outer)
    if screen is None:
        return
    fitted = fit_rect(outer, screen.availableGeometry())
    if fitted != outer:
        window.setGeometry(fitted - frame)


def fit_rect(rect: QRect, area: QRect) -> QRect:
    """*rect* shrunk to fit *area* where it is larger, then moved the least way into it."""
    size = rect.size().boundedTo(area.size())
    x = min(max(rect.x(), area.x()), area.x() + area.width() - size.width())
    y = min(max(rect.y(), area.y()), area.y() + area.height() - size.height())
    return QRect(QPoint(x, y), size)


def screen_for(rect: QRect) -> QScreen | None:
    """The screen *rect* overlaps most; the primary screen when it overlaps none."""
    best, best_area = QGuiApplication.primaryScreen(), 0
    for screen in QGuiApplication.screens():
        common = screen.geometry().intersected(rect)
        area = common.width() * common.height()
        if area > best_area:
            best, best_area = screen, area
    return best


def _frame(window: QMainWindow) -> QMargins:
    """The window's frame (title bar and borders); :data:`FRAME_ALLOWANCE` until it is shown."""
    if window.isVisible():
        outer, inner = window.frameGeometry(), window.geometry()
        return QMargins(
            inner.left() - outer.left(),
            inner.top() - outer.top(),
            outer.right() - inner.right(),
            outer.bottom() - inner.bottom(),
        )
    return FRAME_ALLOWANCE
