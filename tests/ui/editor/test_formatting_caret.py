"""Formatting never surprises: every action keeps the caret where it was (shifted by the marks it
inserted or removed) and leaves a selection only when there was one (issue 15, defects 1 and 2)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
BODY = "قال الوزير كلاما مهما\nسطر ثان"


def _caret(editor, position: int, anchor: int | None = None) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position if anchor is None else anchor)
    cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


@pytest.fixture
def editor(window):
    window.editor.set_body(BODY)
    window.editor.setFocus()
    return window.editor


# (action, body after it, where the caret at column 6 of line 1 ("قال ال|وزير") ends up)
LINE_ACTIONS = [
    ("heading1", "# " + BODY, 8),
    ("heading2", "## " + BODY, 9),
    ("heading3", "### " + BODY, 10),
    ("quote", "> " + BODY, 8),
    ("bullets", "- " + BODY, 8),
    ("numbers", "1. " + BODY, 9),
    ("paragraph_direction", BODY + " {dir=ltr}", 6),
    ("rule", "قال الوزير كلاما مهما\n\n---\n\nسطر ثان", 6),
    ("bold", "قال **الوزير** كلاما مهما\nسطر ثان", 8),
    ("italic", "قال *الوزير* كلاما مهما\nسطر ثان", 7),
    ("link", "قال [الوزير]() كلاما مهما\nسطر ثان", 13),
]


@pytest.mark.parametrize(("action", "expected", "caret"), LINE_ACTIONS)
def test_every_action_without_selection_keeps_the_caret_and_selects_nothing(
    window, editor, action, expected, caret
):
    _caret(editor, 6)
    getattr(window.menu_actions, action).trigger()
    assert editor.body_text() == expected
    assert not editor.textCursor().hasSelection()
    assert editor.textCursor().position() == caret
    type_text(editor, "س")  # the next keystroke inserts, it replaces nothing
    assert editor.body_text() == expected[:caret] + "س" + expected[caret:]


def test_ctrl_2_then_typing_keeps_the_paragraph(window, editor, qtbot):
    _caret(editor, 10)  # after "الوزير"
    qtbot.keyClick(editor, Qt.Key.Key_2, CTRL)
    type_text(editor, "ة")
    assert editor.body_text() == "## قال الوزيرة كلاما مهما\nسطر ثان"
    qtbot.keyClick(editor, Qt.Key.Key_2, CTRL)  # again: back to a paragraph, caret still after the word
    type_text(editor, "ن")
    assert editor.body_text() == "قال الوزيرةن كلاما مهما\nسطر ثان"


@pytest.mark.parametrize("action", ["heading2", "quote", "bullets", "numbers", "paragraph_direction"])
def test_line_actions_keep_a_selection_shifted(window, editor, action):
    _caret(editor, 10, anchor=4)  # الوزير
    getattr(window.menu_actions, action).trigger()
    cursor = editor.textCursor()
    assert cursor.selectedText() == "الوزير"


def test_keep_number_order_keeps_the_caret_after_the_same_text(window, qtbot):
    editor = window.editor
    editor.set_body("رقم 03-73 هنا\nسطر")
    _caret(editor, len("رقم 03-73 ه"))
    window.menu_actions.keep_number_order.trigger()
    assert not editor.textCursor().hasSelection()
    type_text(editor, "ـ")
    assert editor.body_text() == "رقم \u200e03-73 هـنا\nسطر"


def test_ctrl_b_inside_an_arabic_word_bolds_the_whole_word(window, qtbot):
    editor = window.editor
    editor.set_body("حماية الأَمْنِ، الآن")
    editor.setFocus()
    _caret(editor, len("حماية ا"))  # inside الأَمْنِ (with tashkeel), before a comma
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    assert editor.body_text() == "حماية **الأَمْنِ**، الآن"
    assert not editor.textCursor().hasSelection()
    assert editor.textCursor().position() == len("حماية **ا")
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)  # again: unbold, caret back in place
    assert editor.body_text() == "حماية الأَمْنِ، الآن"
    assert editor.textCursor().position() == len("حماية ا")
    qtbot.keyClick(editor, Qt.Key.Key_I, CTRL)
    assert editor.body_text() == "حماية *الأَمْنِ*، الآن"


def test_ctrl_b_between_words_inserts_an_empty_pair(window, qtbot):
    editor = window.editor
    editor.set_body("قال  ثم")
    editor.setFocus()
    _caret(editor, 4)  # between the two spaces
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    type_text(editor, "نعم")
    assert editor.body_text() == "قال **نعم** ثم"
    editor.undo()
    editor.undo()
    editor.undo()
    editor.undo()
    assert "****" not in editor.body_text()


def test_bold_of_a_selection_keeps_it_selected(window, editor):
    _caret(editor, 10, anchor=4)
    window.menu_actions.bold.trigger()
    assert editor.textCursor().selectedText() == "الوزير"
    _caret(editor, len(BODY) + 4 - 3, anchor=8)  # across two lines
    window.menu_actions.italic.trigger()
    assert editor.textCursor().hasSelection()
    assert editor.textCursor().selectedText().startswith("وزير")
