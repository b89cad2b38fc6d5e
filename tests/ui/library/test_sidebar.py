"""The library inside the writing window: tags filter the list, a click opens, saves refresh the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from editor.ui.library.sidebar import LibrarySidebar
from tests.ui.conftest import type_text

ARTICLES = {
    "security/rabat.md": "---\ntitle: لقاء أمني في الرباط\nstatus: draft\ntags: [أمن, الرباط]\n---\nنص عن #الأمن\n",
    "economy/port.md": "---\ntitle: ميناء طنجة\nstatus: ready\ntags: [اقتصاد]\n---\nنص عن الميناء\n",
    "notes.md": "مسودة بلا بيانات #الرِّباط\n",
}


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "Midad"
    for rel, text in ARTICLES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def sidebar(window, library, tmp_path, qtbot):
    bar = LibrarySidebar(window, library, cache_dir=tmp_path / "cache")
    qtbot.waitUntil(lambda: bar.library_panel.model.rowCount() == len(ARTICLES), timeout=10000)
    yield bar
    bar.shutdown()


def _click_tag(qtbot, bar: LibrarySidebar, tag: str) -> None:
    item = bar.tag_panel.item_for(tag)
    assert item is not None, tag
    rect = bar.tag_panel.list.visualItemRect(item)
    qtbot.mouseClick(
        bar.tag_panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )


def test_library_tab_lives_in_the_side_panel(window, sidebar, settings, library):
    assert window.side_tabs.widget(sidebar.tab_index) is sidebar.page
    assert settings.library_folder() == str(library)
    assert sidebar.choose_action in window.file_menu.actions()


def test_clicking_a_tag_filters_the_list_in_the_window(sidebar, qtbot):
    window_tab = sidebar.window.side_tabs
    window_tab.setCurrentIndex(sidebar.tab_index)
    _click_tag(qtbot, sidebar, "الرباط")  # front-matter tag and a hashtag with tashkeel: one tag
    assert set(sidebar.library_panel.visible_paths()) == {"security/rabat.md", "notes.md"}


def test_activating_an_article_opens_it(window, sidebar, library, qtbot):
    sidebar.library_panel.articleActivated.emit(str(library / "economy/port.md"))
    assert window.document.path == library / "economy/port.md"
    assert window.document.meta["title"] == "ميناء طنجة"


def test_saving_a_new_tag_shows_up_in_the_tag_panel_and_completion(window, sidebar, library, qtbot):
    window.open_file(str(library / "economy/port.md"))
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    type_text(window.editor, " #موانئ")
    window.files.save()
    qtbot.waitUntil(lambda: sidebar.tag_panel.item_for("موانئ") is not None, timeout=10000)
    qtbot.waitUntil(lambda: "موانئ" in window.tags._known, timeout=5000)


def test_renamed_open_article_is_followed(window, sidebar, library):
    window.open_file(str(library / "notes.md"))
    (library / "notes.md").rename(library / "draft.md")
    sidebar.library_panel.articleRenamed.emit(str(library / "notes.md"), str(library / "draft.md"))
    assert window.document.path == library / "draft.md"


def test_closing_the_window_stops_the_library(window, sidebar):
    window.close()
    assert sidebar.controller is None


def test_unusable_default_library_does_not_stop_the_window(window, tmp_path, monkeypatch):
    import editor.ui.library.sidebar as sidebar_module

    def no_documents(create=True):
        raise PermissionError(13, "Permission denied", str(tmp_path / "ro" / "Midad"))

    monkeypatch.setattr(sidebar_module, "default_library_dir", no_documents)
    bar = LibrarySidebar(window, cache_dir=tmp_path / "cache")
    assert bar.controller is None
    assert "Permission denied" in window.status.currentMessage()


def test_vanished_remembered_folder_falls_back_to_the_default(window, tmp_path, monkeypatch, library, qtbot):
    import editor.ui.library.sidebar as sidebar_module

    window.settings.set_library_folder(str(tmp_path / "gone"))
    monkeypatch.setattr(sidebar_module, "default_library_dir", lambda create=True: library)
    bar = LibrarySidebar(window, cache_dir=tmp_path / "cache")
    qtbot.waitUntil(lambda: bar.library_panel.model.rowCount() == len(ARTICLES), timeout=10000)
    assert window.settings.library_folder() == str(library)
    bar.shutdown()


def test_a_full_disk_under_the_cache_shows_a_banner(window, sidebar, qtbot, monkeypatch):
    import sqlite3

    from editor.core.library.facade import Library

    def full(self, progress=None):  # noqa: ANN001, ANN202
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Library, "refresh", full)
    sidebar.controller.refresh()
    qtbot.waitUntil(lambda: sidebar.problem_banner.isVisibleTo(sidebar.page), timeout=5000)
    assert "database or disk is full" in sidebar.problem_banner.text()
    assert "cannot be used" in sidebar.problem_banner.text()


def test_the_banner_hides_as_soon_as_the_index_works_again(window, sidebar, qtbot, monkeypatch):
    # nothing changes in the library meanwhile: the first refresh that works hides the banner
    import sqlite3

    from editor.core.library.facade import Library

    qtbot.waitUntil(lambda: sidebar.library_panel.model.rowCount() == len(ARTICLES), timeout=10000)
    sidebar.controller.wait()
    working = Library.refresh

    def full(self, progress=None):  # noqa: ANN001, ANN202
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Library, "refresh", full)
    sidebar.controller.refresh()
    qtbot.waitUntil(lambda: sidebar.problem_banner.isVisibleTo(sidebar.page), timeout=5000)
    sidebar.controller.wait()
    monkeypatch.setattr(Library, "refresh", working)  # the disk has room again
    sidebar.controller.refresh()
    qtbot.waitUntil(lambda: not sidebar.problem_banner.isVisibleTo(sidebar.page), timeout=5000)
    assert sidebar.library_panel.model.rowCount() == len(ARTICLES)


def test_a_link_out_of_the_library_is_listed_but_never_opened(window, library, tmp_path, qtbot):
    outside = tmp_path / "outside.md"
    outside.write_text("# سر\n", "utf-8")
    (library / "link.md").symlink_to(outside)
    bar = LibrarySidebar(window, library, cache_dir=tmp_path / "cache2")
    try:
        qtbot.waitUntil(lambda: bar.library_panel.model.rowCount() == len(ARTICLES) + 1, timeout=10000)
        messages: list[str] = []
        bar.library_panel.message.connect(messages.append)
        from editor.ui.library.model import PATH_ROLE

        model = bar.library_panel.table.model()
        rows = [model.index(r, 0) for r in range(model.rowCount())]
        link_row = next(i for i in rows if i.data(PATH_ROLE) == "link.md")
        bar.library_panel.table.activated.emit(link_row)  # what Enter or a double click does
        assert window.document.path != library / "link.md"
        assert messages and "outside the library" in messages[-1]
    finally:
        bar.shutdown()
