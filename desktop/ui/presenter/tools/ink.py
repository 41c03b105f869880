"""Pen and highlighter (Ctrl+P, Ctrl+I): ink drawn on the console, live on the projector.

Drawing on the console's current slide (or on the audience window) adds a stroke to that
slide's ink (:class:`~desktop.core.presenter.ink.InkBook`): it belongs to the slide and comes
back with it. The palette on the console's tool row chooses colour and width; Ctrl+E is the
eraser (a stroke touched goes), E wipes the slide, Ctrl+Z undoes the slide's last change,
Ctrl+Shift+E wipes every slide; Ctrl+A or Esc puts the pen away (the arrow). A tablet's
pressure sets the pen's width where Qt gives it.

Ink is kept in the deck's per-user state (:mod:`desktop.core.presenter.ink_store`) a moment
after each change and when the talk ends; a reload keeps it on its slides, renamed ones too.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Mapping
from typing import Final, Literal, TypeAlias

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QCursor, QPainter, QPen, QPixmap

from desktop.core.actions import ActionSpec
from desktop.core.i18n import N_, _
from desktop.core.model import Deck
from desktop.core.presenter.ink import InkBook, Kind, StrokeBuilder
from desktop.core.presenter.ink_store import deck_keys, load_ink, matched, save_ink
from desktop.core.presenter.modes import Mode, ModeState, arrow, opened
from desktop.core.text import plural
from desktop.render.ink import InkLayer, paint_stroke, stroke_bounds
from desktop.render.renderer import SlideRenderer
from desktop.ui.presenter.canvas import CanvasEvent, SlideInput, on_canvas
from desktop.ui.presenter.tool import PresenterTool, ToolHost
from desktop.ui.presenter.tool_row import COLOURS, InkPalette
from desktop.ui.slide_view import SlideView

log = logging.getLogger(__name__)

Nib: TypeAlias = Literal["pen", "highlighter", "eraser"]

PEN: Final = ActionSpec("pen", N_("Pen"), ("Ctrl+P",), group=N_("Ink"), checkable=True)
HIGHLIGHTER: Final = ActionSpec(
    "highlighter", N_("Highlighter"), ("Ctrl+I",), group=N_("Ink"), checkable=True
)
ERASER: Final = ActionSpec(
    "eraser",
    N_("Eraser"),
    ("Ctrl+E",),
    group=N_("Ink"),
    description=N_("Erase the strokes you touch"),
    checkable=True,
)
ERASE_SLIDE: Final = ActionSpec(
    "erase_slide",
    N_("Erase this slide's ink"),
    ("E",),
    group=N_("Ink"),
    description=N_("Ctrl+Z brings it back"),
)
UNDO: Final = ActionSpec("undo_ink", N_("Undo the last stroke"), ("Ctrl+Z",), group=N_("Ink"))
ERASE_ALL: Final = ActionSpec(
    "erase_all_ink", N_("Erase the ink of every slide"), ("Ctrl+Shift+E",), group=N_("Ink")
)
ARROW: Final = ActionSpec(
    "arrow",
    N_("Arrow (put the tool away)"),
    ("Ctrl+A",),
    group=N_("Tools"),
    description=N_("Or Esc"),
)
SAVE_MS: Final = 1000
"""Ink is saved this long after the last change (and when the talk ends)."""
ERASER_RADIUS: Final = 14.0
"""The eraser's reach, in canvas units."""
HIGHLIGHTER_WIDTH: Final = 3.0
"""A highlighter draws this many times as wide as the pen at the same width."""


class InkTool(PresenterTool):
    """The pen, the highlighter and the eraser, with the slide's ink on both screens.

    Attributes:
        book: Every slide's ink.
        nib: What the mouse does while the tool is in use.
    """

    name = "ink"
    specs = (PEN, HIGHLIGHTER, ERASER, ERASE_SLIDE, UNDO, ERASE_ALL, ARROW)

    def __init__(self, host: ToolHost) -> None:
        super().__init__(host)
        self.book = InkBook()
        self.nib: Nib = "pen"
        self.colours: dict[Kind, str] = {"pen": COLOURS[0][0], "highlighter": COLOURS[2][0]}
        self.widths: dict[Kind, float] = {"pen": 8.0, "highlighter": 8.0}
        self.deck: Deck | None = None
        self._keys: list[str] = []
        self._drawing: tuple[SlideView, str, StrokeBuilder] | None = None
        self._saved = 0
        self._save = QTimer(host.console)
        self._save.setSingleShot(True)
        self._save.setInterval(SAVE_MS)
        self._save.timeout.connect(self.save)
        self.views: tuple[SlideView, ...] = (host.console.current, host.audience)
        self.input = SlideInput(self.views, self.on_input, lambda: self.active)
        self.layers: dict[SlideView, InkLayer] = {view: InkLayer() for view in self.views}
        """Each view's finished strokes, drawn once (a repaint blits them)."""
        for view in self.views:
            view.add_overlay(functools.partial(self._paint, view))
        self.palette = InkPalette()
        self.palette.colour_chosen.connect(self._choose_colour)
        self.palette.width_chosen.connect(self._choose_width)
        self.palette.hide()
        row = host.console.tool_row
        for rank, spec in enumerate((PEN, HIGHLIGHTER, ERASER), start=10):
            row.add_action(host.actions[spec.name], rank)
        row.add_palette(self.palette)

    def handlers(self) -> Mapping[str, Callable[[], object]]:
        return {
            "pen": lambda: self.take("pen"),
            "highlighter": lambda: self.take("highlighter"),
            "eraser": lambda: self.take("eraser"),
            "erase_slide": self.erase_slide,
            "undo_ink": self.undo,
            "erase_all_ink": self.erase_all,
            "arrow": self.put_away,
        }

    # -- the keys ------------------------------------------------------------------------------

    def take(self, nib: Nib) -> None:
        """Take up the pen, highlighter or eraser; its key again puts it away."""
        if self.active and self.nib == nib:
            self.put_away()
            return
        here = ModeState(Mode.TOOL, self.name)
        if opened(self.host.state.modes, here) != here:
            return  # nothing opens over a rehearsal's summary
        self.nib = nib
        self.host.set_mode(here)
        self._show_palette()
        self._set_cursor()
        self.host.refresh()

    def put_away(self) -> None:
        """Ctrl+A: back to the arrow (whatever tool is in use)."""
        self.host.set_mode(arrow(self.host.state.modes))
        self.host.refresh()

    def slide_key(self, view: SlideView | None = None) -> str | None:
        """The ink key of the slide *view* shows (default: the console's current slide)."""
        index = (view or self.host.console.current).index()
        return self._keys[index] if 0 <= index < len(self._keys) else None

    def erase_slide(self) -> None:
        key = self.slide_key()
        if key is not None and self.book.clear_slide(key):
            self.host.console.notify(_("Ink erased from this slide: Ctrl+Z brings it back."))
        self._changed()

    def undo(self) -> None:
        key = self.slide_key()
        if key is not None:
            self.book.undo(key)
        self._changed()

    def erase_all(self) -> None:
        count = self.book.clear_all()
        if count:
            self.host.console.notify(
                plural(
                    count,
                    "Ink erased from {n} slide: Ctrl+Z brings it back.",
                    "Ink erased from {n} slides: Ctrl+Z brings a slide's back.",
                )
            )
        self._changed()

    def _choose_colour(self, colour: str) -> None:
        kind: Kind = "highlighter" if self.nib == "highlighter" else "pen"
        self.colours[kind] = colour
        if self.nib == "eraser":
            self.nib = "pen"
            self._set_cursor()
        self._show_palette()
        self.host.refresh()

    def _choose_width(self, width: float) -> None:
        kind: Kind = "highlighter" if self.nib == "highlighter" else "pen"
        self.widths[kind] = width
        self._show_palette()

    def _show_palette(self) -> None:
        kind: Kind = "highlighter" if self.nib == "highlighter" else "pen"
        self.palette.show_choice(self.colours[kind], self.widths[kind])

    # -- drawing -------------------------------------------------------------------------------

    def on_input(self, event: CanvasEvent) -> bool:
        key = self.slide_key(event.view)
        if key is None:
            return False
        if self.nib == "eraser":
            rubbing = event.dragging and event.kind in ("press", "move")
            radius = ERASER_RADIUS * self._pixel(event.view)
            if rubbing and event.at is not None and self.book.erase_at(key, event.at, radius):
                self._changed()
            return event.kind != "leave"
        if event.kind == "press" and event.at is not None:
            kind: Kind = "highlighter" if self.nib == "highlighter" else "pen"
            width = self.widths[kind] * (HIGHLIGHTER_WIDTH if kind == "highlighter" else 1)
            builder = StrokeBuilder(kind, self.colours[kind], width)
            builder.add(*event.at, event.pressure)
            self._drawing = (event.view, key, builder)
            self._repaint_stroke(key, builder)
            return True
        drawing = self._drawing
        if drawing is None or drawing[0] is not event.view:
            return event.kind == "move"
        _, key, builder = drawing
        if event.kind == "move" and event.dragging:
            if builder.add(*event.unbounded, event.pressure):
                self._repaint_stroke(key, builder)
            return True
        if event.kind in ("release", "leave"):
            self._drawing = None
            self.book.add(key, builder.stroke())
            self._changed()
            return True
        return False

    def _pixel(self, view: SlideView) -> float:
        viewport = view.viewport()
        return 1.0 / viewport.scale if viewport is not None and viewport.scale else 1.0

    def _repaint_stroke(self, key: str, builder: StrokeBuilder) -> None:
        """Repaint where the stroke's last segment is, on every view showing its slide."""
        points = builder.points[-2:]
        last = StrokeBuilder(builder.kind, builder.colour, builder.width)
        last.points = list(points)
        bounds = stroke_bounds(last.stroke())
        for view in self.views:
            viewport = view.viewport()
            if viewport is None or self.slide_key(view) != key:
                continue
            x, y = viewport.to_window((bounds.x(), bounds.y()))
            scale = viewport.scale
            box = QRectF(x, y, bounds.width() * scale, bounds.height() * scale)
            view.update(box.toAlignedRect().adjusted(-2, -2, 2, 2))

    def _paint(self, view: SlideView, painter: QPainter, slide: QRectF) -> None:
        key = self.slide_key(view)
        viewport = view.viewport()
        if key is None or viewport is None or self.host.state.blank is not None:
            return
        strokes = self.book.strokes(key)
        drawing = self._drawing
        live = drawing[2] if drawing is not None and drawing[1] == key else None
        self.layers[view].paint(painter, strokes, viewport, view.devicePixelRatioF())
        if live is not None and live.points:
            with on_canvas(painter, viewport):
                paint_stroke(painter, live.stroke())

    def _changed(self) -> None:
        for view in self.views:
            view.update()
        if self.book.revision != self._saved:
            self._save.start()
        self.host.refresh()

    # -- keeping it --------------------------------------------------------------------------

    def save(self) -> None:
        """Write the ink to the deck's per-user state now (if it changed)."""
        self._save.stop()
        if self.deck is None or self.book.revision == self._saved:
            return
        try:
            save_ink(self.deck, self.book)
        except OSError as error:
            log.warning("cannot save the ink: %s", error)
            reason = error.strerror or str(error)
            self.host.console.notify(
                _("The ink could not be saved: {reason}").format(reason=reason)
            )
            return
        self._saved = self.book.revision

    def set_deck(self, deck: Deck, renderer: SlideRenderer) -> None:
        keys = deck_keys(deck)
        if self.deck is None:
            loaded = load_ink(deck)
            self.book = loaded.book
            if loaded.problem:
                self.host.console.notify(
                    _("The saved ink could not be read: drawing starts afresh.")
                )
        elif keys != self._keys:
            index = {key: i for i, key in reversed(list(enumerate(self._keys)))}
            saved = [(key, index.get(key, -1)) for key in self.book.slides()]
            moves = matched(saved, keys)
            self.book.remap((old, new) for old, new in moves.items() if old != new)
        self._drawing = None
        self.deck, self._keys = deck, keys
        if self.book.revision != self._saved:
            self._save.start()

    def ended(self) -> None:
        self.save()

    def opened(self) -> None:
        self._set_cursor()
        self.palette.show()

    def _set_cursor(self) -> None:
        """A cross for the pen and highlighter; for the eraser, a circle as wide as it reaches."""
        cursor = eraser_cursor() if self.nib == "eraser" else QCursor(Qt.CursorShape.CrossCursor)
        for view in self.views:
            view.setCursor(cursor)

    def closed(self) -> None:
        if self._drawing is not None:
            _, key, builder = self._drawing
            self.book.add(key, builder.stroke())
            self._drawing = None
        self.host.console.current.unsetCursor()
        self.host.audience.setCursor(Qt.CursorShape.BlankCursor)
        self.palette.hide()
        self.save()

    def refresh(self) -> None:
        for spec in (PEN, HIGHLIGHTER, ERASER):
            self.host.actions[spec.name].setChecked(self.active and self.nib == spec.name)


TOOL = InkTool


@functools.cache
def eraser_cursor() -> QCursor:
    """A ring of :data:`ERASER_RADIUS` (the eraser's reach, in window pixels), dark inside
    light so it shows on any slide, its hot spot at the centre."""
    size = int(2 * ERASER_RADIUS) + 5
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = QRectF(0, 0, size, size).center()
    for colour, width, radius in (("#ffffff", 3.0, ERASER_RADIUS), ("#202020", 1.2, ERASER_RADIUS)):
        painter.setPen(QPen(QColor(colour), width))
        painter.drawEllipse(centre, radius, radius)
    painter.end()
    return QCursor(pixmap, size // 2, size // 2)
