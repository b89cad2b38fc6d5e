"""What a keystroke calls (issue 13): helpers that are off follow nothing, and follow again when on."""

from __future__ import annotations

from PySide6.QtCore import SIGNAL, Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import type_text

BODY = "\n\n".join(f"فقرة رقم {i} عن الرباط" for i in range(40))


def _listeners(window) -> tuple[int, int, int]:
    editor, doc = window.editor, window.editor.document()
    return (
        editor.receivers(SIGNAL("cursorPositionChanged()")),
        doc.receivers(SIGNAL("contentsChange(int,int,int)")),
        doc.receivers(SIGNAL("contentsChanged()")),
    )


def test_focus_mode_and_typewriter_follow_the_caret_only_while_on(window, qtbot):
    editor, modes = window.editor, window.view_modes
    editor.set_body(BODY)
    editor.setFocus()
    off = _listeners(window)
    for _ in range(2):  # on, off, and on again: they follow again
        modes.focus.setChecked(True)
        modes.typewriter_action.setChecked(True)
        assert _listeners(window)[0] == off[0] + 2  # the overlay and the typewriter
        cursor = editor.textCursor()
        cursor.setPosition(editor.document().findBlockByNumber(30).position())
        editor.setTextCursor(cursor)
        assert modes.overlay._bounds == modes.overlay.current_bounds()  # the light moved with the caret
        middle = editor.viewport().height() / 2
        assert abs(editor.cursorRect().center().y() - middle) <= editor.fontMetrics().height()
        modes.focus.setChecked(False)
        modes.typewriter_action.setChecked(False)
        assert _listeners(window) == off
        editor.moveCursor(QTextCursor.MoveOperation.Start)


def test_the_find_bar_follows_edits_only_while_shown(window, qtbot):
    editor, bar = window.editor, window.find_bar
    editor.set_body(BODY)
    editor.setFocus()
    off = _listeners(window)
    for _ in range(2):  # open, close, open again
        qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        bar.find_field.clear()
        type_text(bar.find_field, "الرباط")
        assert bar.status.text() == "40 matches"
        assert _listeners(window)[1:] == (off[1] + 1, off[2] + 1)  # the highlights' shift, the recount
        editor.moveCursor(QTextCursor.MoveOperation.Start)
        type_text(editor, "الرباط ")
        assert bar.highlights.spans[0][0] == len("الرباط فقرة رقم 0 عن ")  # shifted at once
        qtbot.waitUntil(lambda: bar.status.text() == "41 matches", timeout=3000)  # recounted
        editor.undo()
        qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
        assert _listeners(window) == off
