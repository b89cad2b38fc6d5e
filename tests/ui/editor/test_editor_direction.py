"""The editor shows every paragraph in the core model's direction, and keeps the text exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.core.text.direction import line_directions
from tests.ui.conftest import type_text


def _blocks(editor):
    block = editor.document().firstBlock()
    while block.isValid():
        yield block
        block = block.next()


def _caret_x_at_block_start(editor, block):
    cursor = QTextCursor(block)
    editor.setTextCursor(cursor)
    return editor.cursorRect().center().x()


def test_seed_article_blocks_are_rtl_and_right_aligned(window, seed_file, seed_text):
    assert window.open_file(str(seed_file))
    editor = window.editor
    expected = line_directions(seed_text.replace("\r\n", "\n"), "rtl")
    blocks = list(_blocks(editor))
    assert len(blocks) == len(expected)
    width = editor.viewport().width()
    margin = editor.document().documentMargin()
    for block, direction in zip(blocks, expected, strict=True):
        assert direction == "rtl"
        assert block.textDirection() == Qt.LayoutDirection.RightToLeft
        # the caret at the start of every RTL line (blank ones too) sits at the right edge
        assert _caret_x_at_block_start(editor, block) > width * 0.9, block.text()[:30]
        # right-aligned: the last line of each paragraph ends at the right margin
        layout = block.layout()
        if block.text().strip():
            last_line = layout.lineAt(layout.lineCount() - 1)
            assert abs(last_line.naturalTextRect().right() - (width - 2 * margin)) < 3


def test_list_and_link_lines_follow_the_core_not_the_first_letter(window, tmp_path):
    path = tmp_path / "mixed.md"
    path.write_text(
        "- abc عربي كثير هنا\n\n[link](http://x) نص عربي طويل\n\nThe minister said «نعم».\n", encoding="utf-8"
    )
    window.open_file(str(path))
    dirs = [window.editor.block_direction(b) for b in _blocks(window.editor)]
    assert dirs == ["rtl", "rtl", "rtl", "rtl", "ltr", "ltr"]
    last = list(_blocks(window.editor))[4]
    assert _caret_x_at_block_start(window.editor, last) < window.editor.viewport().width() * 0.2
    assert last.layout().lineAt(0).naturalTextRect().left() < 3  # left-aligned


def test_typing_updates_only_the_edited_paragraph_and_undo_is_one_step(window, qtbot):
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "\nHello world, this is English")
    last = editor.document().lastBlock()
    assert editor.block_direction(last) == "ltr"
    assert last.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    type_text(editor, " وهذه جملة عربية طويلة جدا جدا جدا")
    assert editor.block_direction(editor.document().lastBlock()) == "rtl"
    text = editor.body_text()
    editor.undo()
    assert editor.body_text() != text
    # the direction always matches the text after undo, with no extra undo step for formats
    for block in _blocks(editor):
        assert (
            editor.block_direction(block) == line_directions(editor.body_text(), "rtl")[block.blockNumber()]
        )


def test_empty_lines_take_the_previous_paragraph_direction(window):
    editor = window.editor
    editor.set_body("English paragraph here\n\n\nفقرة عربية\n\n", "rtl")
    assert [editor.block_direction(b) for b in _blocks(editor)] == ["ltr", "ltr", "ltr", "rtl", "rtl", "rtl"]


@pytest.mark.parametrize("special", ["\u00a0", "\u2028", "\u200f", "\u200e", "\t"])
def test_body_text_keeps_invisible_characters(window, special):
    body = f"سطر{special}أول\nثاني"
    window.editor.set_body(body)
    assert window.editor.body_text() == body
    assert window.editor.toPlainText() != body or special in "\u200f\u200e\t"


def test_article_direction_switch_writes_front_matter_and_flips_blank_lines(window, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: t\n---\n\n1234\n", encoding="utf-8")
    window.open_file(str(path))
    editor = window.editor
    assert editor.block_direction(editor.document().firstBlock()) == "rtl"
    window.menu_actions.article_ltr.trigger()
    assert window.document.meta["dir"] == "ltr"
    assert all(editor.block_direction(b) == "ltr" for b in _blocks(editor))
    assert window.document.article().text == "---\ntitle: t\ndir: ltr\n---\n\n1234\n"
    window.document.meta_undo.undo()
    assert all(editor.block_direction(b) == "rtl" for b in _blocks(editor))


def test_caret_mode_preference(window):
    window.menu_actions.visual_caret.trigger()
    assert window.editor.document().defaultCursorMoveStyle() == Qt.CursorMoveStyle.VisualMoveStyle
    assert window.settings.caret_mode() == "visual"
    window.menu_actions.visual_caret.trigger()
    assert window.editor.document().defaultCursorMoveStyle() == Qt.CursorMoveStyle.LogicalMoveStyle


def test_zoom_changes_the_font_size_and_is_remembered(window):
    before = window.editor.font().pointSize()
    window.menu_actions.zoom_in.trigger()
    window.menu_actions.zoom_in.trigger()
    assert window.editor.font().pointSize() == before + 2
    assert window.settings.zoom() == 2
    window.menu_actions.zoom_out.trigger()
    assert window.editor.font().pointSize() == before + 1
    window.menu_actions.zoom_reset.trigger()
    assert window.editor.font().pointSize() == before


def test_editor_asks_for_arabic_fonts_explicitly(window):
    families = window.editor.font().families()
    assert families[:3] == ["Noto Serif", "Noto Naskh Arabic", "Amiri"]  # the shipped pair first


def test_enter_on_an_empty_rtl_line_makes_a_new_line(window):
    # Qt resets the block format instead of inserting a line when Enter is pressed on an empty
    # block that has one; the editor must still insert the newline the writer asked for.
    editor = window.editor
    editor.set_body("فقرة\n")
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "\n\nفقرة ثانية")
    assert editor.body_text() == "فقرة\n\n\nفقرة ثانية"
    assert all(editor.block_direction(b) == "rtl" for b in _blocks(editor))


def test_read_only_editor_ignores_enter(window):
    editor = window.editor
    editor.set_body("نص")
    editor.setReadOnly(True)
    type_text(editor, "\n")
    assert editor.body_text() == "نص"


def test_directions_are_rechecked_after_a_pause(window, qtbot, seed_file):
    # Every pause re-checks all lines off the GUI thread and repairs any line that went wrong
    # outside the edited paragraph (here: formats broken behind the editor's back).
    window.open_file(str(seed_file))
    editor = window.editor
    editor._applying = True  # bypass the incremental update
    cursor = QTextCursor(editor.document().findBlockByNumber(4))
    fmt = cursor.blockFormat()
    fmt.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    cursor.setBlockFormat(fmt)
    editor._applying = False
    assert editor.block_direction(editor.document().findBlockByNumber(4)) == "ltr"
    editor.document().clearUndoRedoStacks()
    window.document._timer.start()
    window.document.flush()
    qtbot.waitUntil(
        lambda: editor.block_direction(editor.document().findBlockByNumber(4)) == "rtl", timeout=10000
    )


def test_a_huge_paragraph_is_rechecked_after_the_pause_not_on_the_keystroke(window, qtbot):
    # An article typed without blank lines is one Markdown paragraph: weighing all of it on
    # every keystroke would be slow, so its lines are corrected after the pause instead.
    editor = window.editor
    editor.set_body("\n".join(f"English line number {i} of a long pasted text" for i in range(200)))
    assert editor.block_direction(editor.document().firstBlock()) == "ltr"
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\n" + "\n".join("سطر عربي طويل جدا فيه كلمات كثيرة جدا جدا" for _ in range(400)))
    assert editor.block_direction(editor.document().firstBlock()) == "ltr"  # not yet
    window.document.flush()
    qtbot.waitUntil(lambda: editor.block_direction(editor.document().firstBlock()) == "rtl", timeout=10000)
    assert all(editor.block_direction(b) == "rtl" for b in _blocks(editor))


def test_raw_html_typed_in_an_arabic_article_is_laid_out_left_to_right(window, qtbot):
    editor = window.editor
    editor.set_body("فقرة عربية\n\n")
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(
        editor, '<div class="box">\nنص عربي في الصندوق\n</div>\n\nفقرة\n\n| أ | ب |\n|---|---|\n| ١ | ٢ |'
    )
    doc = editor.document()
    directions = [editor.block_direction(doc.findBlockByNumber(n)) for n in range(doc.blockCount())]
    assert directions == ["rtl", "rtl", "ltr", "ltr", "ltr", "rtl", "rtl", "rtl", "rtl", "ltr", "rtl"]
    # markup is aligned to the left edge, as code is
    block = doc.findBlockByNumber(2)
    assert editor.cursorRect(QTextCursor(block)).x() < editor.viewport().width() / 2
