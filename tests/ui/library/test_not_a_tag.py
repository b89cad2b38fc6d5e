"""The tag panel's "Not a tag": a web site's name pasted as `#العدالة_اليوم` is hidden from the tag panel,
tag completion and the article's hashtag offers, per library and remembered; "It is a tag" brings it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from editor.ui.library.sidebar import LibrarySidebar

ARTICLES = {
    "pasted.md": "---\ntitle: مقال منقول\ntags: [أمن]\n---\nنص منقول عن #الأمن من موقع #العدالة_اليوم\n",
    "other.md": "---\ntitle: مقال آخر\n---\nخبر من #العدالة_اليوم أيضا\n",
}
SITE = "العدالة_اليوم"


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "Midad"
    root.mkdir()
    for rel, text in ARTICLES.items():
        (root / rel).write_text(text, encoding="utf-8")
    return root


def _open_sidebar(window, library: Path, tmp_path: Path, qtbot) -> LibrarySidebar:  # noqa: ANN001
    bar = LibrarySidebar(window, library, cache_dir=tmp_path / "cache")
    qtbot.waitUntil(
        lambda: SITE in bar.tag_panel.visible_tags() or bool(bar.tag_panel.not_tags), timeout=10000
    )
    qtbot.waitUntil(lambda: bar.library_panel.model.rowCount() == len(ARTICLES), timeout=10000)
    window.menu_actions.toggle_side_panel.setChecked(True)
    window.side_tabs.setCurrentIndex(bar.tab_index)
    return bar


def _context_menu_choice(qtbot, bar: LibrarySidebar, tag: str, wanted: str) -> list[str]:  # noqa: ANN001
    """Right-click `tag` in the tag panel, pick the action whose text starts with `wanted`; the menu's texts."""
    panel = bar.tag_panel
    item = panel.item_for(tag)
    assert item is not None, tag
    seen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose)
            return
        seen.extend(a.text() for a in menu.actions() if a.text())
        action = next(a for a in menu.actions() if a.text().startswith(wanted))
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(20, choose)
    rect = panel.list.visualItemRect(item)
    panel.list.customContextMenuRequested.emit(rect.center())  # what a right-click on the row sends
    return seen


def _completions(window) -> list[str]:  # noqa: ANN001
    return window.tags._completion.stringList()


def test_not_a_tag_hides_it_everywhere_and_is_remembered_and_reversible(window, library, tmp_path, qtbot):
    bar = _open_sidebar(window, library, tmp_path, qtbot)
    window.open_file(str(library / "pasted.md"))
    qtbot.waitUntil(lambda: SITE in window.tags.offered_hashtags(), timeout=10000)  # after the typing pause
    assert SITE in _completions(window)

    texts = _context_menu_choice(qtbot, bar, SITE, "Not a tag")
    assert any(t.startswith("Rename") for t in texts)
    assert SITE not in bar.tag_panel.visible_tags() and "الأمن" in bar.tag_panel.visible_tags()
    assert SITE not in window.tags.offered_hashtags() and SITE not in _completions(window)
    window.open_file(str(library / "other.md"))
    # pasted.md still offered #الأمن; other.md's only hashtag is the site's name: nothing is offered
    qtbot.waitUntil(lambda: window.tags.offered_hashtags() == [], timeout=10000)
    assert "hidden from tag suggestions" in window.status.currentMessage()
    assert (library / "pasted.md").read_text(encoding="utf-8") == ARTICLES["pasted.md"]  # no article changes
    assert sorted(p.name for p in library.iterdir()) == sorted(ARTICLES)  # nothing written in the library
    bar.shutdown()
    bar.page.deleteLater()

    # a new session of the same library remembers it
    again = _open_sidebar(window, library, tmp_path, qtbot)
    panel = again.tag_panel
    assert SITE not in panel.visible_tags()
    assert panel.show_hidden.isVisibleTo(panel) and "(1)" in panel.show_hidden.text()
    panel.show_hidden.click()
    assert SITE in panel.visible_tags()
    assert "Not a tag" in panel.item_for(SITE).toolTip()
    _context_menu_choice(qtbot, again, SITE, "It is a tag")
    panel.show_hidden.setChecked(False)
    assert SITE in panel.visible_tags() and not panel.show_hidden.isVisibleTo(panel)
    qtbot.waitUntil(lambda: SITE in window.tags.offered_hashtags(), timeout=5000)
    assert SITE in _completions(window)
    again.shutdown()


def test_hiding_is_per_library(window, library, tmp_path, qtbot):
    bar = _open_sidebar(window, library, tmp_path, qtbot)
    assert bar.tag_panel.mark_not_a_tag(SITE, True)
    bar.shutdown()
    second = tmp_path / "Second"
    second.mkdir()
    (second / "a.md").write_text("نص من #العدالة_اليوم\n", encoding="utf-8")
    other = LibrarySidebar(window, second, cache_dir=tmp_path / "cache2")
    qtbot.waitUntil(lambda: SITE in other.tag_panel.visible_tags(), timeout=10000)
    other.shutdown()
