"""Builds on screen: the audience step by step, the console's step counter and next view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from desktop.core.model import Deck
from desktop.core.settings import BUILD_BACK_COMPLETE
from desktop.render.renderer import SlideRenderer
from desktop.ui.settings import Settings
from tests.conftest import CONTAINERS, FilesLoader, WindowFactory, chart_section, section_yaml
from tests.ui.conftest import Present, press

SLIDES = (
    "{id: s1, title: Start, bullets: [intro], sources: [src]}",
    "{id: s2, title: Three points, build: true, sources: [src],"
    " bullets: [First point, {text: Second point, bullets: [a detail]}, Third point]}",
    "{id: s3, title: Hidden, hidden: true, bullets: [x], sources: [src]}",
    "{id: s4, title: Dimmed, build: dim, sources: [src], bullets: [one, two]}",
)


@pytest.fixture
def built(load_files: FilesLoader) -> Deck:
    return load_files(
        {
            "a.yaml": section_yaml("A", *SLIDES),
            "b.yaml": "title: Spare\nbackup: true\nslides:\n"
            "  - {id: b1, title: Spare, bullets: [s], sources: [src]}\n",
        }
    )


def changed(before: QImage, after: QImage) -> QRect:
    """The bounding box of the pixels that differ between two images of one size."""
    assert before.size() == after.size() and before.format() == after.format()
    width = before.width()
    a, b = bytes(before.constBits()), bytes(after.constBits())
    row = before.bytesPerLine()
    box = QRect()
    for y in range(before.height()):
        line_a, line_b = a[y * row : y * row + width * 4], b[y * row : y * row + width * 4]
        if line_a == line_b:
            continue
        differ = [x for x in range(width) if line_a[x * 4 : x * 4 + 4] != line_b[x * 4 : x * 4 + 4]]
        box = box.united(QRect(differ[0], y, differ[-1] - differ[0] + 1, 1))
    return box


def test_each_step_changes_the_slide_only_where_its_item_appears(qtbot: QtBot, built: Deck) -> None:
    renderer = SlideRenderer(built)
    size = renderer.canvas.toSize() / 4
    steps = [renderer.image(1, size, 1.0, step) for step in (0, 1, 2)]
    layout = renderer.layout(1)  # complete: where each line is drawn
    bullets = next(box for box in layout.boxes if box.name == "bullets")
    top = bullets.drawn_rect().top()
    lines = [(top + y, top + y + height) for y, height in bullets.line_tops()]
    assert len(lines) == 4  # three bullets, the second with its sub-bullet
    # Step 2 brings the second bullet and its sub-bullet (lines 1-2), step 3 the third.
    for before, after, (first, last) in (
        (steps[0], steps[1], (1, 2)),
        (steps[1], steps[2], (3, 3)),
    ):
        box = changed(before, after)
        assert not box.isEmpty()
        assert box.top() >= lines[first][0] / 4 - 2, (box, lines)  # nothing above it changed
        assert box.bottom() <= lines[last][1] / 4 + 2, (box, lines)  # nor below it
    assert changed(steps[2], renderer.image(1, size)).isEmpty()  # the last step is complete
    dim = renderer.image(3, size, 1.0, 0)
    assert not changed(dim, renderer.image(3, size)).isEmpty()  # the second one is faint


def test_the_audience_steps_through_a_build_and_skips_the_hidden_slide(
    qtbot: QtBot, present: Present, built: Deck
) -> None:
    controller = present(built)
    console, audience = controller.console, controller.audience
    press(qtbot, controller, Qt.Key.Key_PageDown)
    assert (audience.slide_index(), audience.shown_step()) == (1, 0)
    assert console.position_text() == "slide 2 / 3 · step 1 / 3"  # (no action: no section slide)
    assert console.next_caption.text() == "NEXT STEP"
    assert (console.next.index(), console.next.shown_step()) == (1, 1)
    press(qtbot, controller, Qt.Key.Key_Right)
    press(qtbot, controller, Qt.Key.Key_Right)
    assert console.position_text().endswith("step 3 / 3")
    assert console.next_caption.text() == "NEXT" and console.next.index() == 3  # past hidden
    press(qtbot, controller, Qt.Key.Key_Right)
    assert (audience.slide_index(), audience.shown_step()) == (3, 0)
    press(qtbot, controller, Qt.Key.Key_Right)
    assert console.showing_end_marker()  # the backup is after the talk's end
    press(qtbot, controller, Qt.Key.Key_PageUp)
    press(qtbot, controller, Qt.Key.Key_PageUp)
    assert (audience.slide_index(), audience.shown_step()) == (1, 2)  # back in: complete
    press(qtbot, controller, Qt.Key.Key_End)
    assert audience.slide_index() == 3  # the talk's last slide, not the backup's


def test_go_to_previews_a_hidden_slide_privately_and_complete(
    qtbot: QtBot, present: Present, built: Deck
) -> None:
    controller = present(built)
    press(qtbot, controller, "g")
    press(qtbot, controller, "3")
    assert controller.audience.slide_index() == 0
    assert controller.console.current.index() == 2
    assert controller.console.position_text() == "slide hidden"
    press(qtbot, controller, "g")
    for digit in "2":
        press(qtbot, controller, digit)
    press(qtbot, controller, Qt.Key.Key_Return)
    assert (controller.audience.slide_index(), controller.audience.shown_step()) == (1, 2)


def test_the_setting_makes_back_into_a_build_start_at_its_first_step(
    qtbot: QtBot, present: Present, built: Deck, settings: Settings
) -> None:
    settings.set(BUILD_BACK_COMPLETE, False)
    controller = present(built, start=3)
    press(qtbot, controller, Qt.Key.Key_PageUp)
    assert (controller.audience.slide_index(), controller.audience.shown_step()) == (1, 0)


def test_the_main_window_marks_hidden_and_backup_slides(
    qtbot: QtBot, make_window: WindowFactory, built: Deck
) -> None:
    window = make_window(built.root)
    tree = window.outline.tree
    talk, backup = tree.topLevelItem(0), tree.topLevelItem(1)
    assert talk is not None and backup is not None
    assert backup.text(0).endswith("Spare (backup)")
    hidden = talk.child(2)
    assert hidden is not None and hidden.text(0) == "3  (hidden) Hidden"
    model = window.thumbnails.model()
    tip = model.data(model.index(2, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert tip == "Slide 3: Hidden (hidden)"
    window.go_to(2)  # reachable in the main window, and shown complete
    assert window.view.index() == 2 and window.view.shown_step() is None


def test_a_chart_builds_series_by_series_on_the_console_and_the_projector(
    qtbot: QtBot, present: Present, load_files: FilesLoader
) -> None:
    other = "\n        - {name: Other, values: [9, 7, 12]}"
    section = chart_section(series=CONTAINERS.format(values="[21, 22.18, 27]") + other)
    section = section.replace("    title: Port\n", "    title: Port\n    build: true\n")
    deck = load_files({"a.yaml": section})
    controller = present(deck)
    console, audience = controller.console, controller.audience
    assert (audience.slide_index(), audience.shown_step()) == (0, 0)
    assert console.position_text().endswith("step 1 / 2")
    assert console.next_caption.text() == "NEXT STEP"
    assert (console.next.index(), console.next.shown_step()) == (0, 1)
    renderer = controller.renderer
    size = renderer.canvas.toSize() / 4
    first, second = renderer.image(0, size, 1.0, 0), renderer.image(0, size, 1.0, 1)
    box = changed(first, second)  # the second series' bars and values, inside the plot
    plot = next(b for b in renderer.layout(0).boxes if b.name == "chart-category-0").rect
    assert not box.isEmpty() and box.bottom() <= plot.top() / 4 + 2
    press(qtbot, controller, Qt.Key.Key_Right)
    assert (audience.slide_index(), audience.shown_step()) == (0, 1)
    assert console.position_text().endswith("step 2 / 2")
