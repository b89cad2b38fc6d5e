"""Every formatting action, driven through its QAction and shortcut, on the selection; each is undoable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import type_text


def _select(editor, start: int, end: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


@pytest.fixture
def editor(window):
    window.editor.set_body("قال الوزير كلاما مهما\nسطر ثان")
    window.editor.setFocus()
    return window.editor


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("bold", "قال **الوزير** كلاما مهما\nسطر ثان"),
        ("italic", "قال *الوزير* كلاما مهما\nسطر ثان"),
        ("link", "قال [الوزير](https://) كلاما مهما\nسطر ثان"),
    ],
)
def test_inline_actions_wrap_the_selection_and_undo(window, editor, action, expected):
    _select(editor, 4, 10)  # الوزير
    getattr(window.menu_actions, action).trigger()
    assert editor.body_text() == expected
    editor.undo()
    assert editor.body_text() == "قال الوزير كلاما مهما\nسطر ثان"


def test_bold_twice_removes_it(window, editor):
    _select(editor, 4, 10)
    window.menu_actions.bold.trigger()
    assert editor.textCursor().selectedText() == "الوزير"
    window.menu_actions.bold.trigger()
    assert editor.body_text() == "قال الوزير كلاما مهما\nسطر ثان"


def test_bold_shortcut_and_typing_inside_empty_markers(window, editor, qtbot):
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, " ")
    qtbot.keyClick(editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    type_text(editor, "مهم")
    assert editor.body_text().endswith("سطر ثان **مهم**")


def test_link_selects_the_address_for_typing(window, editor):
    _select(editor, 4, 10)
    window.menu_actions.link.trigger()
    type_text(editor, "example.org")
    assert editor.body_text().startswith("قال [الوزير](example.org) ")


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("heading1", "# قال الوزير كلاما مهما\n# سطر ثان"),
        ("heading2", "## قال الوزير كلاما مهما\n## سطر ثان"),
        ("heading3", "### قال الوزير كلاما مهما\n### سطر ثان"),
        ("quote", "> قال الوزير كلاما مهما\n> سطر ثان"),
        ("bullets", "- قال الوزير كلاما مهما\n- سطر ثان"),
        ("numbers", "1. قال الوزير كلاما مهما\n2. سطر ثان"),
    ],
)
def test_line_actions_on_a_multi_line_selection(window, editor, action, expected):
    _select(editor, 2, len("قال الوزير كلاما مهما") + 3)
    getattr(window.menu_actions, action).trigger()
    assert editor.body_text() == expected
    getattr(window.menu_actions, action).trigger()  # the same action again removes it
    assert editor.body_text() == "قال الوزير كلاما مهما\nسطر ثان"
    getattr(window.menu_actions, action).trigger()
    editor.undo()
    assert editor.body_text() == "قال الوزير كلاما مهما\nسطر ثان"


def test_heading_shortcut(window, editor, qtbot):
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert editor.body_text() == "## قال الوزير كلاما مهما\nسطر ثان"


def test_horizontal_rule(window, editor):
    window.menu_actions.rule.trigger()
    assert editor.body_text() == "قال الوزير كلاما مهما\n\n---\n\nسطر ثان"
    editor.undo()
    assert editor.body_text() == "قال الوزير كلاما مهما\nسطر ثان"


def test_paragraph_direction_toggle_writes_the_override(window, qtbot):
    editor = window.editor
    editor.set_body("فقرة عربية فيها iPhone\n\nثانية")
    editor.setFocus()
    qtbot.keyClick(
        editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert editor.body_text() == "فقرة عربية فيها iPhone {dir=ltr}\n\nثانية"
    assert editor.block_direction(editor.document().firstBlock()) == "ltr"
    qtbot.keyClick(
        editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert editor.body_text() == "فقرة عربية فيها iPhone\n\nثانية"
    assert editor.block_direction(editor.document().firstBlock()) == "rtl"


def test_direction_toggle_in_a_list_changes_only_the_item_at_the_caret(window, qtbot):
    editor = window.editor
    editor.set_body("- بند أول\n- بند ثان\n- بند ثالث")
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(1).position() + 3)
    editor.setTextCursor(cursor)
    qtbot.keyClick(
        editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert editor.body_text() == "- بند أول\n- بند ثان {dir=ltr}\n- بند ثالث"
    directions = [editor.block_direction(editor.document().findBlockByNumber(n)) for n in range(3)]
    assert directions == ["rtl", "ltr", "rtl"]


def test_shift_enter_inserts_a_plain_newline(window, editor, qtbot):
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.body_text() == "قال الوزير كلاما مهما\nسطر ثان\n"


def test_enter_continues_lists_and_quotes_and_ends_them_on_an_empty_item(window, qtbot):
    editor = window.editor
    editor.set_body("- أول")
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "\nثان\n")
    assert editor.body_text() == "- أول\n- ثان\n- "
    type_text(editor, "\nفقرة")
    assert editor.body_text() == "- أول\n- ثان\n\nفقرة"
    editor.set_body("1. one")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "\ntwo")
    assert editor.body_text() == "1. one\n2. two"
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.body_text() == "1. one\n2. two\n"  # Shift+Enter: a plain line break


def test_keep_numbers_in_order_fixes_the_editor_display_and_undoes(window, qtbot):
    from editor.core.text.direction import LRM

    editor = window.editor
    editor.set_body("القانون رقم 03-73 للأمن\n\nThe law 03-73 stays\n\nرابط [هنا](http://x.org/2024-05-12)")

    def number_reads_in_order(line_number: int) -> bool:
        block = editor.document().findBlockByNumber(line_number)
        zero = block.text().index("03")
        seven = block.text().index("73")
        first, second = QTextCursor(block), QTextCursor(block)
        first.setPosition(block.position() + zero)
        second.setPosition(block.position() + seven)
        return editor.cursorRect(first).x() < editor.cursorRect(second).x()

    assert not number_reads_in_order(0)  # the Unicode bidi algorithm shows 73-03
    window.menu_actions.keep_number_order.trigger()
    assert editor.body_text() == (
        f"القانون رقم {LRM}03-73 للأمن\n\nThe law 03-73 stays\n\nرابط [هنا](http://x.org/2024-05-12)"
    )
    assert number_reads_in_order(0)
    assert "1" in window.status.currentMessage()
    window.menu_actions.keep_number_order.trigger()  # nothing more to do
    assert editor.body_text().count(LRM) == 1
    editor.undo()
    assert LRM not in editor.body_text()
