"""The main window in Chinese: menus, toolbar, docks, status bar, panels and dialogs show no
untranslated English (the deck's own words aside: its titles are what the deck says)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.markup import plain
from desktop.core.model import Deck, slide_label
from desktop.core.problems import Location, Problem
from desktop.ui.actions import keymap_notice
from desktop.ui.crash import show_crash_dialog
from desktop.ui.export_dialog import ExportDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.notes_pane import ElidedLabel
from desktop.ui.printing import LayoutTab
from desktop.ui.shortcuts import ShortcutsOverlay
from desktop.ui.ui_language import install_qt_translations
from desktop.ui.window_chrome import FONT_CREDIT
from tests.conftest import DeckFactory, WindowFactory
from tests.i18n.conftest import UiLanguage
from tests.i18n.english import english_words

Texts = Iterator[tuple[str, str]]
"""(where, text) pairs: where a text is shown, for the failure message, and the text."""


@pytest.fixture
def chinese(ui_language: UiLanguage) -> Iterator[None]:
    """The interface in Chinese for this test, Qt's own words too (English again after it)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert ui_language("zh_CN") == "zh_CN"
    assert install_qt_translations(app, "zh_CN")
    yield
    install_qt_translations(app, "en")


def deck_texts(deck: Deck) -> list[str]:
    """What the deck itself says where the window names it: its titles and slide labels,
    longest first (so a title is taken out whole before a shorter one inside it)."""
    texts = {plain(deck.title)}
    for section in deck.sections:
        texts.update((plain(section.title), plain(section.title_zh)))
    texts.update(slide_label(deck, ref) for ref in deck.refs)
    return sorted((t for t in texts if t.strip()), key=len, reverse=True)


def untranslated(texts: Texts, deck: Deck | None = None) -> list[str]:
    """``where: word`` for each English word of *texts*, the deck's own words and the names of
    the bundled fonts taken out."""
    own = [*(deck_texts(deck) if deck is not None else []), FONT_CREDIT]
    found: list[str] = []
    for where, shown in texts:
        text = shown.replace("\xa0", " ")  # a tooltip's spaces
        for words in own:
            text = text.replace(words, " ")
        found.extend(f"{where}: {word} (in {text!r})" for word in english_words(text))
    return found


def widget_texts(root: QWidget) -> Texts:
    """Every text *root* and its visible widgets show or tell a screen reader."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        yield where, widget.windowTitle() if widget.isWindow() else ""
        yield where, widget.toolTip()
        yield where, widget.accessibleName()
        yield where, widget.accessibleDescription()
        if isinstance(widget, ElidedLabel):
            yield where, widget.full_text()
        elif isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        if isinstance(widget, QLineEdit):
            yield where, widget.placeholderText()
        if isinstance(widget, QComboBox):
            yield from ((where, widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, QDockWidget):
            yield where, widget.windowTitle()


def menu_texts(menu: QMenu, path: str = "") -> Texts:
    """The menu's title and each entry's text, tooltip and status tip, submenus too."""
    where = f"{path}{menu.title()}"
    yield where, menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        yield f"{where} → {action.text()}", action.text()
        yield f"{where} → {action.text()}", action.toolTip()
        yield f"{where} → {action.text()}", action.statusTip()
        if isinstance(submenu := action.menu(), QMenu):
            yield from menu_texts(submenu, f"{where} → ")


def window_deck(window: MainWindow) -> Deck:
    deck = window.deck
    assert deck is not None
    return deck


def modal_texts(qtbot: QtBot, show: Callable[[], object]) -> list[tuple[str, str]]:
    """The texts of the modal dialog *show* opens (then closed unanswered)."""
    seen: list[tuple[str, str]] = []

    def read() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no dialog opened"
        seen.extend(widget_texts(dialog))
        dialog.close()

    QTimer.singleShot(0, read)
    show()
    assert seen, "the dialog was not read"
    return seen


def test_the_menus_toolbar_and_docks_are_chinese(make_window: WindowFactory, chinese: None) -> None:
    window = make_window()
    deck = window_deck(window)
    texts: list[tuple[str, str]] = []
    titles = []
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        titles.append(menu.title())
        texts.extend(menu_texts(menu))
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "转到(&G)", "放映(&P)", "帮助(&H)"]
    for action in window.toolbar.actions():
        texts.extend(
            (f"toolbar {action.objectName()}", text)
            for text in (action.text(), action.iconText(), action.toolTip(), action.statusTip())
        )
    texts.extend(widget_texts(window))
    assert untranslated(iter(texts), deck) == []
    assert window.sidebar_dock.windowTitle() == "幻灯片"
    assert window.notes_dock.windowTitle() == "演讲者备注"
    assert window.sidebar_dock.objectName() == "slides"  # the saved layout finds it in any language
    assert window.actions_["section_3"].statusTip() == "章节 3"
    assert window.actions_["open"].toolTip().startswith("打开演示文稿…")


def test_the_status_bar_and_typed_numbers_are_chinese(
    qtbot: QtBot, make_window: WindowFactory, chinese: None
) -> None:
    window = make_window()
    deck = window_deck(window)
    window.go_to(3)
    qtbot.keyClicks(window, "12")
    typed = window.statusBar().currentMessage()
    assert typed == "转到第 12 张…（Enter）"
    labels = [window.section_label, window.position_label, window.state_label]
    texts = [("status", label.text()) for label in labels] + [("status", typed)]
    assert untranslated(iter(texts), deck) == []
    assert window.position_label.text() == f"幻灯片 4 / {deck.slide_count}"


def test_the_panels_are_chinese(qtbot: QtBot, make_window: WindowFactory, chinese: None) -> None:
    window = make_window()
    deck = window_deck(window)
    window.sidebar.setCurrentWidget(window.search)
    assert window.search.status.text() == "按 Enter 转到下一个匹配项，按 Shift+Enter 转到上一个。"
    texts = list(widget_texts(window.sidebar)) + list(widget_texts(window.notes))
    for query in ("zzzqqq", "Tianjin"):
        window.search.line_edit.setText(query)
        qtbot.waitUntil(lambda: not window.search._timer.isActive())
        texts.append(("search status", window.search.status.text()))
    assert window.search.status.text().endswith("处匹配")
    spoken = Qt.ItemDataRole.AccessibleTextRole
    tree = window.outline.tree
    sections = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
    for section in sections:
        assert section is not None
        texts.append(("outline", section.data(0, spoken)))
        for child in range(section.childCount()):
            item = section.child(child)
            assert item is not None
            texts += [("outline", item.data(0, spoken)), ("outline", item.toolTip(0))]
    model = window.thumbnails.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        texts.append(("thumbnail", model.data(index, Qt.ItemDataRole.AccessibleTextRole)))
    assert untranslated(iter(texts), deck) == []


def test_the_dialogs_are_chinese(
    qtbot: QtBot, make_window: WindowFactory, chinese: None, tmp_path: Path
) -> None:
    window = make_window()
    deck = window_deck(window)
    texts = modal_texts(qtbot, window.ask_go_to)
    assert ("QInputDialog ''", "转到幻灯片") in texts
    texts += modal_texts(qtbot, window.show_about)
    # F1: the window's own keys (the presenter's, listed after them, are its module's texts)
    overlay = ShortcutsOverlay(window.actions_.specs(), window)
    qtbot.addWidget(overlay)
    texts += widget_texts(overlay)
    texts += [(f"F1 {group}", f"{group} {text} {keys}") for group, text, keys in overlay.rows()]
    assert overlay.windowTitle() == "快捷键"
    assert ("导航", "下一张", "Right, Down, PgDown, Space, N") in overlay.rows()
    assert ("导航", "转到第 N 张", "输入编号，再按 Enter") in overlay.rows()
    assert ("章节", "章节 1 … 10", "Ctrl+1 … Ctrl+0") in overlay.rows()
    full = window.show_shortcuts()
    qtbot.addWidget(full)
    headings = [card.heading.text() for card in full.cards]
    assert headings[:8] == ["导航", "章节", "查找", "视图", "帮助", "放映", "文件", "编辑"]
    assert all(heading.startswith("放映时：") for heading in headings[8:])
    crash = show_crash_dialog("Traceback (most recent call last): …", tmp_path / "app.log")
    assert crash is not None
    qtbot.addWidget(crash)
    texts += widget_texts(crash)
    crash.close()
    texts += widget_texts(LayoutTab())
    assert untranslated(iter(texts), deck) == []


def test_the_export_dialog_is_chinese_in_every_format(
    qtbot: QtBot, make_window: WindowFactory, chinese: None, tmp_path: Path
) -> None:
    deck = window_deck(make_window())
    asked: list[str] = []

    def ask(question: str) -> bool:
        asked.append(question)
        return False

    dialog = ExportDialog(
        tmp_path / "talk.pdf",
        protected=deck.files,
        slide_count=deck.slide_count,
        languages=deck.languages,
        display=deck.display,
        ask=ask,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    texts: list[tuple[str, str]] = []
    for index in range(dialog.format_box.count()):
        dialog.format_box.setCurrentIndex(index)
        texts += widget_texts(dialog)
    dialog.format_box.setCurrentIndex(0)
    assert dialog.windowTitle() == "导出 PDF"
    assert dialog.export_button.text() == "导出"
    (tmp_path / "talk.pdf").write_bytes(b"%PDF-1.7\n")
    dialog.accept()
    texts += [("replace?", question) for question in asked]
    assert asked and asked[0].startswith("talk.pdf 已存在")
    assert untranslated(iter(texts), deck) == []


def test_the_empty_state_and_the_banner_are_chinese(
    make_window: WindowFactory, make_deck: DeckFactory, chinese: None
) -> None:
    window = make_window(make_deck({"deck.yaml": "title: [unclosed\n"}))
    empty = window.empty_state()
    texts = [("empty", line) for line in empty.text().splitlines()[:2]]
    texts += widget_texts(empty)
    assert empty.heading.text() == "无法打开演示文稿“deck”"
    empty.show_nothing()
    texts += [("empty", empty.text())]
    empty.show_loading()
    texts += [("empty", empty.text())]
    problems = tuple(
        Problem(Location(Path("slides/a.yaml"), n + 1, 1), "缺少 `title`") for n in range(10)
    )
    window.banner.show_problems(problems, None, kept=True)
    texts += widget_texts(window.banner)
    assert window.banner.details.text().endswith(
        "……另有 2 个（运行 `tianjin-briefing check` 查看全部）"
    )
    notice = keymap_notice(problems[:3])
    assert notice.startswith(f"快捷键配置：{problems[0].format()}")
    texts += [("key map", notice.replace(problems[0].format(), ""))]
    assert untranslated(iter(texts)) == []
