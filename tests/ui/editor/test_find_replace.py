"""The find/replace bar over real widgets: Arabic-insensitive search, replace one, replace all, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import type_text

BODY = "زار الوزيرُ الرِّباطَ أمس.\n\nوفي الرباط التقى أحمد، ثم عاد إلى الربـــاط."


def test_ctrl_f_finds_arabic_insensitively(window, qtbot):
    window.editor.set_body(BODY)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and not bar.replace_field.isVisible()
    type_text(bar.find_field, "الرباط")
    assert bar.status.text() == "3 matches"
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert window.editor.textCursor().selectedText() == "الرِّباطَ"
    assert bar.status.text() == "1 of 3"
    bar.next_button.click()
    assert window.editor.textCursor().selectedText() == "الرباط"
    assert bar.status.text() == "2 of 3"
    bar.next_button.click()
    assert window.editor.textCursor().selectedText() == "الربـــاط"
    bar.previous_button.click()
    assert window.editor.textCursor().selectedText() == "الرباط"
    bar.arabic.setChecked(False)
    assert bar.status.text() == "1 of 1"  # the selection is the one match left
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_replace_one_and_replace_all_are_undoable(window, qtbot):
    window.editor.set_body(BODY)
    window.menu_actions.replace.trigger()
    bar = window.find_bar
    assert bar.replace_field.isVisible()
    type_text(bar.find_field, "احمد")
    type_text(bar.replace_field, "محمد")
    bar.replace_button.click()  # first press selects the match
    bar.replace_button.click()  # second replaces it
    assert "التقى محمد،" in window.editor.body_text()
    bar.find_field.clear()
    type_text(bar.find_field, "الرباط")
    bar.replace_field.clear()
    type_text(bar.replace_field, "طنجة")
    assert bar.replace_all() == 3
    assert window.editor.body_text() == "زار الوزيرُ طنجة أمس.\n\nوفي طنجة التقى محمد، ثم عاد إلى طنجة."
    window.editor.undo()
    assert window.editor.body_text() == BODY.replace("أحمد", "محمد")


def test_whole_word_regex_and_bad_regex(window):
    window.editor.set_body("الرباط والرباطي\nرقم 12 ورقم ٣٤")
    bar = window.find_bar
    bar.open_find(replace=True)
    bar.whole_word.setChecked(True)
    bar.find_field.setText("الرباط")
    assert bar.status.text() == "1 matches"
    bar.whole_word.setChecked(False)
    bar.regex.setChecked(True)
    bar.find_field.setText(r"رقم (\d+)")
    assert bar.status.text() == "2 matches"
    bar.replace_field.setText(r"العدد \1")
    bar.replace_all()
    assert window.editor.body_text() == "الرباط والرباطي\nالعدد 12 والعدد ٣٤"
    bar.find_field.setText("(")
    assert bar.status.text() == "Invalid search"
    assert "regular expression" in bar.status.toolTip()


def test_positions_after_emoji_are_mapped(window):
    window.editor.set_body("😀 مرحبا 😀 مرحبا")
    bar = window.find_bar
    bar.open_find()
    bar.find_field.setText("مرحبا")
    bar.find_next()
    bar.find_next()
    assert window.editor.textCursor().selectedText() == "مرحبا"
    assert window.editor.textCursor().selectionStart() == len("😀 مرحبا 😀 ".encode("utf-16-le")) // 2


def _highlighted(window) -> bool:
    return window.find_bar.highlights.isVisible()


def test_find_highlights_every_match_and_follows_edits(window, qtbot):
    editor = window.editor
    editor.set_body("\n\n".join(f"فقرة {i} عن الرباط والرباط" for i in range(10)))
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    type_text(bar.find_field, "الرباط")
    assert bar.status.text() == "20 matches"
    highlights = bar.highlights
    assert highlights.isVisible() and len(highlights.spans) == 20
    # what the writer sees: the matches on screen are painted, the text between them is not
    editor.viewport().repaint()
    image = editor.viewport().grab().toImage()
    first = highlights.span_rects(*highlights.spans[0])[0]
    tinted = image.pixelColor(int(first.center().x()), int(first.top()) + 2)
    assert tinted.blue() < tinted.red() - 30  # yellow tint over the white page
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert bar.status.text() == "1 of 20"
    assert highlights.current == highlights.spans[0]
    # typing before the matches shifts the highlights; the count follows after a pause
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    type_text(editor, "الرباط ")
    assert highlights.spans[0][0] == len("الرباط فقرة 0 عن ")
    qtbot.waitUntil(lambda: bar.status.text() == "21 matches", timeout=3000)
    bar.highlight_all.setChecked(False)
    assert not _highlighted(window)
    bar.highlight_all.setChecked(True)
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not _highlighted(window)


def test_find_in_library_from_the_find_bar(window, qtbot, tmp_path):
    from editor.ui.library.sidebar import LibrarySidebar

    root = tmp_path / "lib"
    root.mkdir()
    (root / "a.md").write_text("---\ntitle: أ\n---\nالرباط اليوم\n", encoding="utf-8")
    (root / "b.md").write_text("---\ntitle: ب\n---\nطنجة\n", encoding="utf-8")
    sidebar = LibrarySidebar(window, root, cache_dir=tmp_path / "cache")
    try:
        panel = sidebar.library_panel
        qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10000)
        window.side_tabs.setCurrentIndex(0)
        qtbot.keyClick(window.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        type_text(window.find_bar.find_field, "الرباط")
        qtbot.mouseClick(window.find_bar.library_button, Qt.MouseButton.LeftButton)
        assert window.side_tabs.currentIndex() == sidebar.tab_index
        assert panel.search_field.text() == "الرباط"
        qtbot.waitUntil(lambda: panel.result_paths() == ["a.md"], timeout=10000)
    finally:
        sidebar.shutdown()
