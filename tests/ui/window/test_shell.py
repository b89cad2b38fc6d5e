"""The GUI start's first frame: the window's outline with the article, the rest built into it after."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from editor.core.article.files import load_article
from editor.ui.window.shell import FIRST_FRAME_MAX_BYTES, show_first, show_window_first

from ..conftest import type_text


def _place(win) -> tuple[QPoint, int, int]:  # noqa: ANN001
    viewport = win.editor.viewport()
    return viewport.mapTo(win, QPoint(0, 0)), viewport.width(), viewport.height()


def test_the_first_frame_shows_the_article_in_the_window_outline(qtbot, first_frame, seed_file):
    win = first_frame
    shown = show_first(win, str(seed_file))
    win.show()
    qtbot.waitExposed(win)
    body = load_article(seed_file).article.body
    assert shown is not None and win.editor.body_text() == body.replace("\r\n", "\n")
    assert win.editor.article_direction == "rtl"  # the seed is Arabic: right to left from the first frame
    assert [a.text() for a in win.menuBar().actions()] == ["&File", "&Edit", "F&ormat", "&View"]
    assert win.side_tabs.tabText(0) == "Article" and win.side_dock.isVisible()
    assert win.windowTitle() == "seed.md[*]"
    # nothing else exists yet: no document, file commands, preview or menu entries
    assert not win.parts_built and win.late_parts is None
    for name in ("document", "files", "form", "tags", "preview", "renderer", "menu_actions", "recovery"):
        assert not hasattr(win, name), name
    assert win.file_menu.actions() == []


def test_nothing_moves_when_the_rest_of_the_window_arrives(qtbot, first_frame, seed_file):
    win = first_frame
    shown = show_first(win, str(seed_file))
    win.show()
    qtbot.waitExposed(win)
    before, toolbar_height = _place(win), win.toolbar.height()
    win.build_parts()
    win.files.adopt(shown)
    win.finish_building()
    qtbot.wait(50)
    assert _place(win) == before  # the editor keeps its place and size: menus, toolbar, panel were there
    assert win.toolbar.height() == toolbar_height
    assert win.preview.isVisible() and win.splitter.indexOf(win.preview) == 1
    assert len(win.toolbar.actions()) == 11 and win.file_menu.actions()
    assert win.form.isVisible() and win.article_scroll.horizontalScrollBar().maximum() == 0  # not cut


def test_the_article_is_taken_over_as_it_was_read(qtbot, first_frame, seed_file):
    win = first_frame
    shown = show_first(win, str(seed_file))
    win.show()
    win.build_parts()
    win.files.adopt(shown)
    assert win.document.path == seed_file
    assert not win.document.is_modified()  # untouched: nothing to save, no question on close
    assert win.files.settings.recent_files()[0] == str(seed_file.resolve())
    assert win.document.article().text == seed_file.read_text(encoding="utf-8")
    assert win.windowTitle() == "seed.md[*]"


def test_a_key_typed_before_the_rest_of_the_window_reaches_the_editor(qtbot, first_frame, seed_file):
    win = first_frame
    shown = show_first(win, str(seed_file))
    win.show()
    qtbot.waitExposed(win)
    win.editor.setFocus()
    type_text(win.editor, "ب")  # typed right after the first frame, before `build_parts`
    win.build_parts()
    win.files.adopt(shown)
    win.finish_building()
    assert win.editor.body_text().startswith("ب")  # kept: the article was not shown a second time
    assert win.document.is_modified() and win.document.path == seed_file
    type_text(win.editor, "ت")
    assert win.editor.body_text().startswith("بت")
    win.editor.undo()
    win.editor.undo()
    assert win.editor.body_text() == shown.body_at_load  # both keys are undoable steps, nothing else
    assert not win.document.is_modified()


def test_the_gui_start_paints_the_window_once_the_article_is_in(qtbot, first_frame, seed_file):
    # `show_window_first`: the window is shown (mapped) before the article is read, with the editor
    # hidden in its place meanwhile; the first paint has the article, the editor has the keys.
    win = first_frame
    policy = win.editor.sizePolicy()
    at_first_paint: list[str] = []
    win.editor.when_painted(lambda: at_first_paint.append(win.editor.body_text()))
    shown = show_window_first(win, str(seed_file))
    assert shown is not None and win.isVisible() and win.editor.isVisible()
    assert win.editor.sizePolicy() == policy  # (kept its place while hidden; back to normal now)
    qtbot.waitUntil(lambda: bool(at_first_paint), timeout=3000)
    assert at_first_paint == [shown.body_at_load]
    before = _place(win)
    type_text(win.editor, "ب")  # a key right after the first frame reaches the editor
    win.build_parts()
    win.files.adopt(shown)
    win.finish_building()
    qtbot.wait(50)
    assert _place(win) == before
    assert win.editor.body_text().startswith("ب") and win.document.is_modified()
    win.editor.undo()
    assert not win.document.is_modified()


def test_without_an_article_the_window_shows_the_same(qtbot, first_frame):
    assert show_window_first(first_frame, None) is None
    assert first_frame.isVisible() and first_frame.editor.isVisible()


def test_files_the_first_frame_does_not_show_open_after_it(qtbot, first_frame, tmp_path):
    win = first_frame
    assert show_first(win, str(tmp_path / "new.md")) is None  # a new article: opened after the frame
    big = tmp_path / "big.md"
    big.write_text("كلمة " * (FIRST_FRAME_MAX_BYTES // 8), encoding="utf-8")
    assert show_first(win, str(big)) is None  # large: opened the usual way, after the frame
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01binary\xff")
    assert show_first(win, str(bad)) is None  # the usual open says what is wrong
    assert win.editor.body_text() == ""
    win.build_parts()
    assert win.open_file(str(big))  # (over 256 KB: read in the background, see ui/article/reading.py)
    qtbot.waitUntil(lambda: win.document.path == big, timeout=30_000)


def test_closing_before_the_rest_exists_just_closes(qtbot, first_frame, seed_file):
    win = first_frame
    show_first(win, str(seed_file))
    win.show()
    assert win.close()
