"""The GUI start builds the window's late parts after the first frame; the result is the same window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu


def _menu_texts(menu: QMenu) -> list[str]:
    return [a.text() or "---" for a in menu.actions()]


def _tabs(window) -> list[str]:  # noqa: ANN001
    return [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]


@pytest.fixture
def late_window(first_frame, qtbot):
    win = first_frame  # (conftest.py)
    win.build_parts()  # what the GUI start builds first after the first frame (see test_shell.py)
    win.files.ask_save = lambda *_: "discard"
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_first_frame_has_no_template_and_no_late_parts(late_window):
    win = late_window
    assert win.late_parts is None
    assert not hasattr(win, "find_bar") and not hasattr(win, "copydesk")
    assert _tabs(win) == ["Article"]
    assert win.editor.toPlainText() == ""  # the caller opens the file: no template built and thrown away
    assert not win.document.is_modified()  # so opening a file asks nothing


def test_finishing_gives_the_same_window_as_building_at_once(qtbot, window, late_window, seed_file):
    win = late_window
    assert win.open_file(str(seed_file))
    win.finish_building()
    win.finish_building()  # once only
    assert _tabs(win) == _tabs(window) == ["Article", "Outline", "Copy desk"]
    for name in ("file_menu", "edit_menu", "format_menu", "view_menu"):
        assert _menu_texts(getattr(win, name)) == _menu_texts(getattr(window, name)), name
    assert win.find_bar.parentWidget() is win.editor.parentWidget()  # below the editor, as always
    assert win.document.path == seed_file and win.editor.toPlainText()  # the article stayed open


def test_the_copy_desk_checks_an_article_opened_before_it_existed(qtbot, late_window, tmp_path):
    path = tmp_path / "late.md"
    path.write_text("# عنوان\n\nوتجسد هذه المباحثات،حسب ذات المصدر\n", encoding="utf-8")
    win = late_window
    assert win.open_file(str(path))
    win.finish_building()
    with qtbot.waitSignal(win.copydesk.checked, timeout=15000, check_params_cb=lambda g: g == "typography"):
        pass
    rules = [m.finding.rule for m in win.copydesk.underlines.all()]
    assert "punct-space" in rules  # the missing space after «،» is underlined without any typing


def test_find_before_the_late_parts_opens_the_find_bar(qtbot, late_window):
    win = late_window
    win.menu_actions.find.trigger()  # Ctrl+F in the first instants after the window appears
    assert win.late_parts is not None
    qtbot.waitUntil(win.find_bar.isVisible, timeout=3000)
