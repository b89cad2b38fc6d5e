"""The word goal in the status bar (front matter `words_goal` or the form) and the selection's count."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import type_text


def test_goal_from_front_matter_shows_progress_and_follows_typing(window, qtbot, tmp_path):
    path = tmp_path / "goal.md"
    path.write_text("---\ntitle: هدف\nwords_goal: 10\n---\nواحد اثنان ثلاثة أربعة خمسة\n", encoding="utf-8")
    window.open_file(str(path))
    bar = window.writing_goal.bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.value() == 50, timeout=10000)
    text = window.writing_goal.goal_label.text()
    assert text == "5 of 10 words (50%)"
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "ستة سبعة ثمانية تسعة عشرة أحد عشر")
    qtbot.waitUntil(lambda: bar.value() == 100, timeout=10000)
    assert window.writing_goal.goal_label.text() == "12 of 10 words (120%)"


def test_goal_set_in_the_form_is_written_to_the_front_matter(window, qtbot, tmp_path):
    path = tmp_path / "form.md"
    path.write_text("---\ntitle: بلا هدف\n---\nنص قصير\n", encoding="utf-8")
    window.open_file(str(path))
    assert not window.writing_goal.bar.isVisible()
    spin = window.form.goal
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "800")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.document.meta["words_goal"] == 800
    qtbot.waitUntil(lambda: window.writing_goal.bar.isVisible(), timeout=10000)
    assert window.files.save()
    # a YAML 1.2 integer, not the string "800"; the rest of the file is kept byte for byte
    assert path.read_text(encoding="utf-8") == "---\ntitle: بلا هدف\nwords_goal: 800\n---\nنص قصير\n"


def test_goal_changed_in_the_form_replaces_a_quoted_goal_with_an_integer(window, qtbot, tmp_path):
    path = tmp_path / "quoted.md"
    text = '---\ntitle: هدف  # عنوان\nwords_goal: "800" # old\ntags: [أ]\n---\nنص\n'
    path.write_text(text, encoding="utf-8")
    window.open_file(str(path))
    spin = window.form.goal
    assert spin.value() == 800
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)  # one step of 100
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert window.document.meta["words_goal"] == 900
    assert window.files.save()
    assert path.read_text(encoding="utf-8") == text.replace('"800" # old', "900 # old")


def test_selection_word_count(window, qtbot):
    editor = window.editor
    editor.set_body("قال الوزير كلاما مهما اليوم")
    editor.setFocus()
    label = window.writing_goal.selection
    cursor = editor.textCursor()
    cursor.setPosition(4)
    editor.setTextCursor(cursor)
    shift = Qt.KeyboardModifier.ShiftModifier
    for _ in range(10):
        qtbot.keyClick(editor, Qt.Key.Key_Left, shift)  # visual or logical: a selection of 10 characters
    qtbot.waitUntil(lambda: label.isVisible(), timeout=3000)
    assert len(editor.textCursor().selectedText()) == 10
    words = len(editor.textCursor().selectedText().split())
    assert words >= 2 and label.text() == f"Selected: {words} words"
    qtbot.keyClick(editor, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=3000)
