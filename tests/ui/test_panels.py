"""The side panels: outline, thumbnails, notes and search, driven like a user would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QInputMethodEvent, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.languages import DisplayLanguage, localize
from desktop.core.loader import load_deck
from desktop.core.markup import plain
from desktop.core.model import Deck, slide_label
from desktop.core.resources import bundled_deck
from desktop.core.theme import load_theme
from desktop.render.renderer import SlideRenderer
from desktop.ui.notes_pane import MAX_FONT_SIZE, MIN_FONT_SIZE, NO_NOTES, NotesPane
from desktop.ui.outline import OutlinePanel
from desktop.ui.search_panel import DEBOUNCE_MS, PLACEHOLDER, SearchPanel, hint
from desktop.ui.thumbnails import MIN_THUMBNAIL_WIDTH, THUMBNAIL_WIDTH, ThumbnailPanel
from tests.conftest import TWO_LANGUAGE_DECK, TWO_LANGUAGE_SECTION, DeckFactory

MANUFACTURING = 2
"""Section index of "High-quality development of manufacturing" in the bundled deck."""


# -- fixtures and helpers -----------------------------------------------------------------


@pytest.fixture(scope="module")
def deck() -> Deck:
    loaded = load_deck(bundled_deck()).deck
    assert loaded is not None
    return loaded


class CountingRenderer(SlideRenderer):
    """A renderer that remembers every slide it was asked to draw as an image."""

    def __init__(self, deck: Deck) -> None:
        super().__init__(deck)
        self.calls: list[tuple[int, QSize, float]] = []

    def image(
        self, index: int, size: QSize, device_pixel_ratio: float = 1.0, step: int | None = None
    ) -> QImage:
        self.calls.append((index, QSize(size), device_pixel_ratio))
        return super().image(index, size, device_pixel_ratio, step)

    def indexes(self) -> set[int]:
        return {index for index, _, _ in self.calls}


@pytest.fixture
def renderer(qapp: QApplication, deck: Deck) -> CountingRenderer:
    return CountingRenderer(deck)  # registers the bundled fonts


Show = Callable[..., QWidget]


@pytest.fixture
def show(qtbot: QtBot) -> Iterator[Show]:
    """Show a panel inside a plain host window, the way a dock holds it; returns the host.

    The host has no layout, so Qt never asks the offscreen platform for size hints
    (which it answers with a warning, and warnings fail the tests).
    """
    hosts: list[QWidget] = []  # qtbot only keeps weak references

    def show_panel(panel: QWidget, width: int = 300, height: int = 700) -> QWidget:
        host = QWidget()
        qtbot.addWidget(host)
        hosts.append(host)
        panel.setParent(host)
        panel.setGeometry(0, 0, width, height)
        host.resize(width, height)
        host.show()
        qtbot.waitExposed(host)
        host.activateWindow()
        return host

    yield show_panel
    hosts.clear()


def top(panel: OutlinePanel, row: int) -> QTreeWidgetItem:
    item = panel.tree.topLevelItem(row)
    assert item is not None
    return item


def child(item: QTreeWidgetItem, row: int) -> QTreeWidgetItem:
    found = item.child(row)
    assert found is not None
    return found


def distinct_colours(image: QImage, step: int = 3) -> int:
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }
    return len(colours)


def long_deck(make_deck: DeckFactory, slides: int, aspect: str = "16:9") -> Deck:
    """A deck of one section with *slides* bullet slides."""
    items = "".join(
        f"  - title: Point {n}\n    bullets: [fact {n}]\n    sources: [src]\n"
        for n in range(slides)
    )
    folder = make_deck(
        {
            "deck.yaml": f"title: Long deck\naspect: '{aspect}'\n"
            "sources:\n  - id: src\n    title: A source\n",
            "a.yaml": f"title: Only section\nslides:\n{items}",
        }
    )
    loaded = load_deck(folder)
    assert loaded.deck is not None, [p.format() for p in loaded.problems]
    return loaded.deck


# -- outline ------------------------------------------------------------------------------


def test_outline_lists_sections_and_slides(qtbot: QtBot, deck: Deck) -> None:
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_deck(deck)
    tree = panel.tree
    assert tree.topLevelItemCount() == len(deck.sections)
    section = top(panel, MANUFACTURING)
    assert section.text(0) == "02  High-quality development of manufacturing"  # action 2
    assert top(panel, 0).text(0).startswith("Overview")  # the overview has no number
    assert "制造业高质量发展行动" in section.toolTip(0)
    assert "制造业高质量发展行动" in section.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert section.childCount() == len(deck.sections[MANUFACTURING].slides)
    start = deck.section_start(MANUFACTURING)
    second = child(section, 1)
    assert second.text(0) == f"{start + 2}  {slide_label(deck, deck.refs[start + 1])}"
    assert sum(top(panel, i).childCount() for i in range(len(deck.sections))) == deck.slide_count
    assert panel.accessibleName() and tree.accessibleName()


def test_outline_set_current_selects_without_signals(qtbot: QtBot, show: Show, deck: Deck) -> None:
    panel = OutlinePanel()
    panel.set_deck(deck)
    show(panel, height=300)
    target = deck.section_start(MANUFACTURING) + 1
    with (
        qtbot.assertNotEmitted(panel.slide_activated),
        qtbot.assertNotEmitted(panel.section_activated),
    ):
        panel.set_current(target)
    item = panel.tree.currentItem()
    assert item is not None and item.isSelected()
    assert item.text(0).startswith(f"{target + 1}  ")
    assert panel.current_slide() == target
    assert top(panel, MANUFACTURING).isExpanded()
    assert panel.tree.viewport().rect().intersects(panel.tree.visualItemRect(item))
    last = deck.slide_count - 1
    panel.set_current(last)
    assert panel.current_slide() == last
    item = panel.tree.currentItem()
    assert item is not None
    assert panel.tree.viewport().rect().intersects(panel.tree.visualItemRect(item))
    panel.set_current(deck.slide_count)
    assert panel.tree.selectedItems() == []


def test_outline_click_and_enter_emit_indexes(qtbot: QtBot, show: Show, deck: Deck) -> None:
    panel = OutlinePanel()
    panel.set_deck(deck)
    show(panel)
    tree = panel.tree
    target = deck.section_start(MANUFACTURING) + 2
    panel.set_current(target)
    slide_item = tree.currentItem()
    assert slide_item is not None
    with qtbot.waitSignal(panel.slide_activated) as blocker:
        qtbot.mouseClick(
            tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(slide_item).center()
        )
    assert blocker.args == [target]

    section_item = top(panel, 4)
    with qtbot.waitSignal(panel.section_activated) as blocker:
        qtbot.mouseClick(
            tree.viewport(),
            Qt.MouseButton.LeftButton,
            pos=tree.visualItemRect(section_item).center(),
        )
    assert blocker.args == [4]

    panel.set_current(0)
    tree.setFocus()
    with qtbot.waitSignal(panel.slide_activated) as blocker:
        qtbot.keyClick(tree, Qt.Key.Key_Down)  # moving alone does not activate
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert blocker.args == [1]


def test_outline_takes_a_new_deck(qtbot: QtBot, deck: Deck, make_deck: DeckFactory) -> None:
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_deck(deck)
    small = load_deck(make_deck()).deck
    assert small is not None
    panel.set_deck(small)
    assert panel.tree.topLevelItemCount() == 1
    section = top(panel, 0)
    assert section.text(0) == "01  First section"
    assert "第一节" in section.toolTip(0)
    assert [child(section, i).text(0) for i in range(section.childCount())] == [
        "1  First section",
        "2  Points",
    ]


def test_outline_tooltips_show_markup_as_text(qtbot: QtBot, make_deck: DeckFactory) -> None:
    folder = make_deck(
        {
            "a.yaml": """\
            title: "<b>Tags</b> & more"
            slides:
              - layout: section
            """
        }
    )
    tagged = load_deck(folder).deck
    assert tagged is not None
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.set_deck(tagged)
    tip = top(panel, 0).toolTip(0)
    assert "&lt;b&gt;Tags&lt;/b&gt; &amp; more" in tip


# -- thumbnails ---------------------------------------------------------------------------


def test_thumbnails_render_nothing_up_front(
    qtbot: QtBot, show: Show, make_deck: DeckFactory
) -> None:
    big = long_deck(make_deck, 300)
    renderer = CountingRenderer(big)
    panel = ThumbnailPanel()
    qtbot.addWidget(panel)
    panel.set_renderer(renderer)
    assert panel.model().rowCount() == 300
    assert renderer.calls == []

    show(panel)
    qtbot.waitUntil(lambda: bool(renderer.calls))
    first_screen = renderer.indexes()
    assert 0 in first_screen
    assert max(first_screen) < 10  # about five rows fit in 700 px

    renderer.calls.clear()
    panel.scrollToBottom()
    qtbot.waitUntil(lambda: 299 in renderer.indexes())
    assert min(renderer.indexes()) > 285
    assert len(renderer.indexes()) < 15


def test_thumbnails_use_the_deck_aspect_and_screen_ratio(
    qtbot: QtBot, show: Show, renderer: CountingRenderer, make_deck: DeckFactory
) -> None:
    panel = ThumbnailPanel()
    panel.set_renderer(renderer)
    show(panel)
    qtbot.waitUntil(lambda: bool(renderer.calls))
    expected = QSize(THUMBNAIL_WIDTH, round(THUMBNAIL_WIDTH * 1080 / 1920))
    assert panel.thumbnail_size() == expected
    _, size, ratio = renderer.calls[0]
    assert size == expected
    assert ratio == panel.devicePixelRatioF()

    square = ThumbnailPanel()
    qtbot.addWidget(square)
    square.set_renderer(SlideRenderer(long_deck(make_deck, 3, aspect="4:3")))
    assert square.thumbnail_size() == QSize(THUMBNAIL_WIDTH, 150)


def test_thumbnails_shrink_in_a_narrow_panel(
    qtbot: QtBot, show: Show, renderer: CountingRenderer
) -> None:
    panel = ThumbnailPanel()
    panel.set_renderer(renderer)
    show(panel, width=190, height=400)
    qtbot.waitUntil(lambda: bool(renderer.calls))
    width = panel.thumbnail_size().width()
    assert MIN_THUMBNAIL_WIDTH <= width < THUMBNAIL_WIDTH
    assert width % 8 == 0
    row = panel.visualRect(panel.model().index(0, 0))
    assert row.width() <= panel.viewport().width()
    assert renderer.calls[-1][1] == panel.thumbnail_size()
    panel.resize(320, 400)
    qtbot.waitUntil(lambda: panel.thumbnail_size().width() == THUMBNAIL_WIDTH)


def test_thumbnails_paint_slides(qtbot: QtBot, show: Show, renderer: CountingRenderer) -> None:
    panel = ThumbnailPanel()
    panel.set_renderer(renderer)
    show(panel)
    panel.set_current(1)
    qtbot.waitUntil(lambda: bool(renderer.calls))
    image = panel.grab().toImage()
    assert not image.isNull()
    assert distinct_colours(image) > 50
    # The first slide (a deep red title band) shows up in the first row; probed above its
    # title, where no text of the deck's wording can fall.
    first = panel.visualRect(panel.model().index(0, 0))
    band = image.pixelColor(QPoint(first.center().x() + 20, first.top() + first.height() // 6))
    assert band.red() > 100 and band.green() < 80
    # The current slide is framed in the highlight colour.
    current = panel.visualRect(panel.model().index(1, 0))
    highlight = panel.palette().color(QPalette.ColorRole.Highlight)
    row = [image.pixelColor(x, current.center().y()) for x in range(current.width())]
    assert any(_close(colour, highlight) for colour in row)


def _close(a: QColor, b: QColor, tolerance: int = 24) -> bool:
    return (
        abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tolerance
    )


def test_thumbnails_set_current_scrolls_without_signals(
    qtbot: QtBot, show: Show, renderer: CountingRenderer, deck: Deck
) -> None:
    panel = ThumbnailPanel()
    panel.set_renderer(renderer)
    show(panel)
    target = deck.slide_count - 3
    with qtbot.assertNotEmitted(panel.slide_activated):
        panel.set_current(target)
    index = panel.currentIndex()
    assert index.row() == target
    assert panel.selectionModel().isSelected(index)
    assert panel.viewport().rect().contains(panel.visualRect(index))
    qtbot.waitUntil(lambda: target in renderer.indexes())
    panel.set_current(-1)
    assert not panel.selectionModel().hasSelection()


def test_thumbnails_click_and_keys_emit_indexes(
    qtbot: QtBot, show: Show, renderer: CountingRenderer
) -> None:
    panel = ThumbnailPanel()
    panel.set_renderer(renderer)
    show(panel)
    rect = panel.visualRect(panel.model().index(2, 0))
    with qtbot.waitSignal(panel.slide_activated) as blocker:
        qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [2]
    assert panel.currentIndex().row() == 2

    panel.setFocus()
    with qtbot.waitSignal(panel.slide_activated) as blocker:
        qtbot.keyClick(panel, Qt.Key.Key_Down)
    assert blocker.args == [3]
    with qtbot.waitSignal(panel.slide_activated) as blocker:
        qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert blocker.args == [3]
    panel.set_current(0)
    with qtbot.assertNotEmitted(panel.slide_activated):
        qtbot.keyClick(panel, Qt.Key.Key_Up)  # already at the top: nothing changes


def test_thumbnails_keep_the_current_slide_on_a_new_renderer(
    qtbot: QtBot, renderer: CountingRenderer, deck: Deck
) -> None:
    panel = ThumbnailPanel()
    qtbot.addWidget(panel)
    panel.set_renderer(renderer)
    panel.set_current(5)
    again = SlideRenderer(deck)
    panel.set_renderer(again)
    assert panel.renderer() is again
    assert panel.currentIndex().row() == 5
    tooltip = panel.model().index(5, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert slide_label(deck, deck.refs[5]) in tooltip
    assert panel.model().rowCount(panel.model().index(0, 0)) == 0
    assert panel.model().index(0, 0).data(Qt.ItemDataRole.DisplayRole) == "1"


# -- notes --------------------------------------------------------------------------------


def test_notes_show_markdown_and_sources(qtbot: QtBot, deck: Deck) -> None:
    pane = NotesPane()
    qtbot.addWidget(pane)
    pane.set_deck(deck)
    index = next(i for i, ref in enumerate(deck.refs) if ref.slide.sources and ref.slide.notes)
    pane.set_slide(index)
    ref = deck.refs[index]
    text = pane.browser.toPlainText()
    assert "**" not in text  # emphasis was rendered, not shown
    first_words = " ".join(plain(ref.slide.notes).split()[:5])
    assert first_words in " ".join(text.split())
    assert "Sources" in text
    for source_id in ref.slide.sources:
        source = deck.source(source_id)
        assert source is not None
        for part in (source.title, source.publisher, source.date, source.url):
            assert part in text
    assert pane.header.full_text() == (
        f"Slide {index + 1} of {deck.slide_count} · {slide_label(deck, ref)}"
    )
    assert pane.current_slide() == index
    # The sources' smaller text is relative, so it follows the notes' size.
    pane.set_font_size(20)
    heading = pane.browser.document().find("Sources")
    assert heading.charFormat().font().pointSizeF() == pytest.approx(16)


def test_notes_render_emphasis(qtbot: QtBot, make_deck: DeckFactory) -> None:
    folder = make_deck(
        {
            "a.yaml": """\
            title: S
            slides:
              - layout: section
                notes: |
                  Plain words, then **strong words**.

                  - a list item
            """
        }
    )
    loaded = load_deck(folder).deck
    assert loaded is not None
    pane = NotesPane()
    qtbot.addWidget(pane)
    pane.set_deck(loaded)
    pane.set_slide(0)
    cursor = pane.browser.document().find("strong words")
    assert not cursor.isNull()
    assert cursor.charFormat().fontWeight() >= QFont.Weight.Bold.value
    assert "a list item" in pane.browser.toPlainText()


def test_notes_say_when_there_are_none(qtbot: QtBot, make_deck: DeckFactory) -> None:
    loaded = load_deck(make_deck()).deck
    assert loaded is not None
    pane = NotesPane()
    qtbot.addWidget(pane)
    pane.set_deck(loaded)
    pane.set_slide(1)
    text = pane.browser.toPlainText()
    assert text.startswith(NO_NOTES)
    assert "A source" in text and "Publisher" in text and "2024-03-04" in text
    pane.set_slide(0)
    assert pane.browser.toPlainText() == NO_NOTES
    pane.set_slide(99)
    assert pane.browser.toPlainText() == ""
    assert pane.current_slide() is None


def test_notes_in_two_languages_show_both(qtbot: QtBot, make_deck: DeckFactory) -> None:
    loaded = load_deck(
        make_deck({"deck.yaml": TWO_LANGUAGE_DECK, "a.yaml": TWO_LANGUAGE_SECTION})
    ).deck
    assert loaded is not None
    pane = NotesPane()
    qtbot.addWidget(pane)
    pane.set_deck(localize(loaded, DisplayLanguage.parse("en+zh", loaded.languages)))
    pane.set_slide(0)
    # The first language's notes, then the second's under its name (as the PDF notes pages).
    assert pane.browser.toPlainText().split("\n") == ["Say it.", "中文", "说。"]
    pane.set_deck(localize(loaded, DisplayLanguage.parse("zh+en", loaded.languages)))
    assert pane.browser.toPlainText().split("\n") == ["说。", "English", "Say it."]
    pane.set_deck(localize(loaded, DisplayLanguage.parse("zh", loaded.languages)))
    assert pane.browser.toPlainText() == "说。"


def test_notes_of_a_slide_in_parts_come_with_each_part(qtbot: QtBot, deck: Deck) -> None:
    # Two languages in the high-contrast theme's larger text split it (paging_content).
    display = DisplayLanguage.parse("en+zh", deck.languages)
    shown = localize(deck, display, theme=load_theme("high-contrast"))
    first = shown.index_of("overview-4")
    later = shown.index_of("overview-4~2")
    assert first is not None and later == first + 1
    pane = NotesPane()
    qtbot.addWidget(pane)
    pane.set_deck(shown)
    pane.set_slide(first)
    whole = pane.browser.toPlainText()
    assert NO_NOTES not in whole and "中文" in whole
    pane.set_slide(later)
    lines = pane.browser.toPlainText().split("\n")
    # The talk goes on about the same slide: its notes again, said to be the first part's.
    assert lines[0] == f"Continued: the notes of slide {first + 1}"
    assert "\n".join(lines[1:]).startswith(whole.split("\nSOURCES")[0].split("\nSources")[0])


def test_notes_and_sources_are_never_markup(
    qtbot: QtBot, make_deck: DeckFactory, tmp_path: Path
) -> None:
    picture = tmp_path / "local.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    folder = make_deck(
        {
            "deck.yaml": """\
            title: Test deck
            sources:
              - id: src
                title: "<i>Not italic</i> & co"
                publisher: "<script>x</script>"
                url: https://example.com/?a=1&b=<2>
            """,
            "a.yaml": f"""\
            title: S
            slides:
              - layout: section
                notes: |
                  <b>not bold</b> and <img src="{picture.as_uri()}">

                  ![remote](https://example.com/pixel.png) ![local]({picture.as_uri()})
              - title: T
                bullets: [b]
                sources: [src]
            """,
        }
    )
    loaded = load_deck(folder).deck
    assert loaded is not None
    pane = NotesPane()
    qtbot.addWidget(pane)
    pane.set_deck(loaded)
    pane.set_slide(0)
    document = pane.browser.document()
    text = pane.browser.toPlainText()
    assert "<b>not bold</b>" in text
    assert "[image: remote] [image: local]" in text
    image_type = QTextDocument.ResourceType.ImageResource.value
    for url in (QUrl.fromLocalFile(str(picture)), QUrl("https://example.com/pixel.png")):
        assert document.resource(image_type, url) is None
        assert pane.browser.loadResource(image_type, url) is None
    assert not pane.browser.openExternalLinks()

    pane.set_slide(1)
    text = pane.browser.toPlainText()
    assert "<i>Not italic</i> & co" in text
    assert "<script>x</script>" in text
    assert "https://example.com/?a=1&b=<2>" in text


def test_notes_font_size_is_clamped(qtbot: QtBot, deck: Deck) -> None:
    pane = NotesPane()
    qtbot.addWidget(pane)
    pane.set_deck(deck)
    pane.set_slide(0)
    with qtbot.waitSignal(pane.font_size_changed) as blocker:
        pane.set_font_size(100)
    assert blocker.args == [MAX_FONT_SIZE]
    assert pane.font_size() == MAX_FONT_SIZE
    assert pane.browser.font().pointSize() == MAX_FONT_SIZE
    with qtbot.assertNotEmitted(pane.font_size_changed):
        pane.zoom(3)
    with qtbot.waitSignal(pane.font_size_changed) as blocker:
        pane.set_font_size(1)
    assert blocker.args == [MIN_FONT_SIZE]
    with qtbot.waitSignal(pane.font_size_changed) as blocker:
        pane.zoom(2)
    assert blocker.args == [MIN_FONT_SIZE + 2]
    with qtbot.waitSignal(pane.font_size_changed) as blocker:
        pane.zoom(-1)
    assert blocker.args == [MIN_FONT_SIZE + 1]
    assert pane.browser.document().defaultFont().pointSize() == MIN_FONT_SIZE + 1


def test_notes_zoom_with_the_keyboard(qtbot: QtBot, show: Show, deck: Deck) -> None:
    pane = NotesPane()
    pane.set_deck(deck)
    show(pane)
    size = pane.font_size()
    with qtbot.waitSignal(pane.font_size_changed) as blocker:
        qtbot.keyClick(pane.browser, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [size + 1]
    with qtbot.waitSignal(pane.font_size_changed) as blocker:
        qtbot.keyClick(pane.browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [size]


def test_notes_follow_a_new_deck(qtbot: QtBot, deck: Deck, make_deck: DeckFactory) -> None:
    pane = NotesPane()
    qtbot.addWidget(pane)
    pane.set_deck(deck)
    pane.set_slide(10)
    small = load_deck(make_deck()).deck
    assert small is not None
    pane.set_deck(small)
    assert pane.current_slide() is None
    assert pane.browser.toPlainText() == ""
    pane.set_slide(1)
    pane.set_deck(deck)
    assert pane.current_slide() == 1
    assert pane.header.full_text().startswith(f"Slide 2 of {deck.slide_count}")


# -- search -------------------------------------------------------------------------------


def type_text(panel: SearchPanel, text: str) -> None:
    """Commit *text* into the search field the way an input method does (works for 中文)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(panel.line_edit, event)


@pytest.fixture
def search(qtbot: QtBot, show: Show, deck: Deck) -> SearchPanel:
    panel = SearchPanel()
    panel.set_deck(deck)
    show(panel)
    return panel


def test_search_finds_chinese_section_names(qtbot: QtBot, search: SearchPanel, deck: Deck) -> None:
    assert search.line_edit.placeholderText() == PLACEHOLDER
    with qtbot.waitSignal(search.results_changed, timeout=2000) as blocker:
        type_text(search, "制造业高质量发展")
    assert search.line_edit.text() == "制造业高质量发展"
    assert blocker.args == [search.hit_count()]
    start = deck.section_start(MANUFACTURING)
    hits = search.hits()
    assert (hits[0].index, hits[0].field) == (start, "section")
    item = search.results.item(0)
    assert item.text() == f"Slide {start + 1} · Section · zh: 制造业高质量发展行动"
    with qtbot.waitSignal(search.slide_activated) as activated:
        qtbot.keyClick(search.line_edit, Qt.Key.Key_Return)
    assert activated.args == [start]


def test_search_waits_for_a_pause_in_typing(qtbot: QtBot, search: SearchPanel) -> None:
    search.focus_search()
    qtbot.keyClicks(search.line_edit, "tianjin")
    assert search.hit_count() == 0  # still debouncing
    with qtbot.waitSignal(search.results_changed, timeout=DEBOUNCE_MS * 10) as blocker:
        pass
    assert blocker.args[0] > 10
    assert search.hit_count() == blocker.args[0] == search.results.count()
    assert search.status.text() == f"{search.hit_count()} matches"


def test_enter_searches_at_once_and_steps_through_hits(qtbot: QtBot, search: SearchPanel) -> None:
    search.focus_search()
    qtbot.keyClicks(search.line_edit, "manufacturing")
    with qtbot.waitSignal(search.slide_activated) as blocker:
        qtbot.keyClick(search.line_edit, Qt.Key.Key_Return)
    hits = search.hits()
    assert len(hits) > 3
    assert blocker.args == [hits[0].index]
    assert search.results.currentRow() == 0
    with qtbot.waitSignal(search.slide_activated) as blocker:
        qtbot.keyClick(search.line_edit, Qt.Key.Key_Return)
    assert blocker.args == [hits[1].index]
    with qtbot.waitSignal(search.slide_activated) as blocker:
        qtbot.keyClick(search.line_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert blocker.args == [hits[0].index]
    with qtbot.waitSignal(search.slide_activated) as blocker:
        search.previous_hit()  # wraps round to the last hit
    assert blocker.args == [hits[-1].index]
    assert search.results.currentRow() == len(hits) - 1
    with qtbot.waitSignal(search.slide_activated) as blocker:
        search.next_hit()  # and back to the first
    assert blocker.args == [hits[0].index]


def test_down_moves_into_the_results(qtbot: QtBot, search: SearchPanel) -> None:
    search.focus_search()
    qtbot.waitUntil(search.line_edit.hasFocus)
    qtbot.keyClicks(search.line_edit, "port")
    qtbot.keyClick(search.line_edit, Qt.Key.Key_Down)
    qtbot.waitUntil(search.results.hasFocus)
    assert search.results.currentRow() == 0
    hits = search.hits()
    qtbot.keyClick(search.results, Qt.Key.Key_Down)
    with qtbot.waitSignal(search.slide_activated) as blocker:
        qtbot.keyClick(search.results, Qt.Key.Key_Return)
    assert blocker.args == [hits[1].index]
    qtbot.keyClick(search.results, Qt.Key.Key_Up)
    qtbot.keyClick(search.results, Qt.Key.Key_Up)  # from the first result back to the field
    qtbot.waitUntil(search.line_edit.hasFocus)
    qtbot.keyClick(search.line_edit, Qt.Key.Key_Down)
    qtbot.waitUntil(search.results.hasFocus)
    qtbot.keyClick(search.results, Qt.Key.Key_Escape)  # clears, back in the field
    qtbot.waitUntil(search.line_edit.hasFocus)
    assert search.line_edit.text() == ""
    assert search.results.count() == 0


def test_clicking_a_result_activates_it(qtbot: QtBot, search: SearchPanel) -> None:
    search.line_edit.setText("2027")
    qtbot.waitUntil(lambda: search.hit_count() > 3)
    hits = search.hits()
    rect = search.results.visualItemRect(search.results.item(2))
    with qtbot.waitSignal(search.slide_activated) as blocker:
        qtbot.mouseClick(search.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [hits[2].index]
    with qtbot.waitSignal(search.slide_activated) as blocker:
        search.next_hit()  # continues from the clicked hit
    assert blocker.args == [hits[3].index]


def test_escape_clears(qtbot: QtBot, search: SearchPanel) -> None:
    search.focus_search()
    qtbot.keyClicks(search.line_edit, "tianjin")
    qtbot.keyClick(search.line_edit, Qt.Key.Key_Return)
    assert search.hit_count() > 0
    qtbot.keyClick(search.line_edit, Qt.Key.Key_Escape)
    assert search.line_edit.text() == ""
    assert search.hit_count() == 0
    assert search.results.count() == 0
    with qtbot.assertNotEmitted(search.slide_activated):
        search.next_hit()


def test_focus_search_selects_the_query(qtbot: QtBot, search: SearchPanel) -> None:
    search.line_edit.setText("decision")
    search.results.setFocus()
    search.focus_search()
    qtbot.waitUntil(search.line_edit.hasFocus)
    assert search.line_edit.selectedText() == "decision"


def test_search_reports_no_matches_and_reruns_on_a_new_deck(
    qtbot: QtBot, search: SearchPanel, make_deck: DeckFactory
) -> None:
    search.line_edit.setText("Points")
    with qtbot.waitSignal(search.results_changed) as blocker:
        qtbot.keyClick(search.line_edit, Qt.Key.Key_Return)
    assert blocker.args == [search.hit_count()]
    small = load_deck(make_deck()).deck
    assert small is not None
    with qtbot.waitSignal(search.results_changed) as blocker:
        search.set_deck(small)
    assert blocker.args == [1]
    assert search.results.item(0).text() == "Slide 2 · Title: Points"
    search.line_edit.setText("zzzz")
    qtbot.waitUntil(lambda: search.status.text() == "No matches")
    assert search.hit_count() == 0


def test_search_results_paint_in_any_width(qtbot: QtBot, show: Show, deck: Deck) -> None:
    for width in (60, 180, 420):
        panel = SearchPanel()
        panel.set_deck(deck)
        show(panel, width=width, height=300)
        panel.line_edit.setText("development")
        qtbot.keyClick(panel.line_edit, Qt.Key.Key_Return)  # search now, select the first hit
        assert panel.hit_count() > 5
        image = panel.grab().toImage()
        assert distinct_colours(image, step=2) > 8


def test_search_shows_a_hint_until_something_is_typed(search: SearchPanel) -> None:
    assert search.status.text() == hint()
    search.line_edit.setText("x")
    search.line_edit.clear()
    assert search.status.text() == hint()


def test_search_panel_has_accessible_names(search: SearchPanel) -> None:
    for widget in (search, search.line_edit, search.results, search.status):
        assert widget.accessibleName()
