"""Opening an article from a library search result selects the hit in the editor and scrolls to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.ui.library.sidebar import LibrarySidebar
from tests.ui.conftest import type_text

FILLER = "\n\n".join(f"فقرة رقم {i} عن أخبار المدينة والطقس والرياضة في نهاية الأسبوع." for i in range(120))
ARTICLES = {
    "port.md": "---\ntitle: ميناء طنجة\n---\n" + FILLER + "\n\nوقال المدير إن والميناءَ الجديد يفتح غدا.\n",
    "title-only.md": "---\ntitle: تقرير الميناء السنوي\n---\nنص قصير بلا ذكر.\n",
    "latin.md": "---\ntitle: Interpol\n---\n"
    + FILLER
    + "\n\nA report by Interpol 😀 says the port is busy.\n",
}


@pytest.fixture
def sidebar(window, tmp_path: Path, qtbot):
    root = tmp_path / "Midad"
    root.mkdir()
    for rel, text in ARTICLES.items():
        (root / rel).write_text(text, encoding="utf-8")
    bar = LibrarySidebar(window, root, cache_dir=tmp_path / "cache")
    qtbot.waitUntil(lambda: bar.library_panel.model.rowCount() == len(ARTICLES), timeout=10000)
    window.menu_actions.toggle_side_panel.setChecked(True)
    window.side_tabs.setCurrentIndex(bar.tab_index)
    window.resize(1000, 700)
    yield bar
    bar.shutdown()


def _search_and_click(qtbot, bar: LibrarySidebar, query: str, rel: str) -> None:
    panel = bar.library_panel
    panel.search_field.setFocus()
    type_text(panel.search_field, query)
    qtbot.waitUntil(lambda: rel in panel.result_paths(), timeout=10000)
    item = panel.results.item(panel.result_paths().index(rel))
    rect = panel.results.visualItemRect(item)
    qtbot.mouseClick(
        panel.results.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )


def _caret_visible(editor) -> bool:  # noqa: ANN001
    return editor.viewport().rect().contains(editor.cursorRect().center())


def test_clicking_a_search_result_selects_the_hit_far_down_the_article(window, sidebar, qtbot):
    _search_and_click(qtbot, sidebar, "ميناء", "port.md")
    editor = window.editor
    assert window.document.path.name == "port.md"
    cursor = editor.textCursor()
    assert (
        cursor.selectedText() == "والميناءَ"
    )  # the word with its clitic and tashkeel, as the search matched it
    assert editor.toPlainText()[cursor.selectionStart() : cursor.selectionEnd()] == "والميناءَ"
    assert cursor.blockNumber() > 200 and _caret_visible(editor)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor, timeout=3000)


def test_a_latin_hit_after_an_emoji_is_selected_exactly(window, sidebar, qtbot):
    _search_and_click(qtbot, sidebar, "busy", "latin.md")
    cursor = window.editor.textCursor()
    assert cursor.selectedText() == "busy"  # positions past the emoji (two UTF-16 units) are mapped
    assert _caret_visible(window.editor)


def test_a_hit_only_in_the_title_opens_at_the_start(window, sidebar, qtbot):
    _search_and_click(qtbot, sidebar, "السنوي", "title-only.md")
    assert window.document.path.name == "title-only.md"
    cursor = window.editor.textCursor()
    assert not cursor.hasSelection() and cursor.position() == 0
