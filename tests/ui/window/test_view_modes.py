"""Focus mode, typewriter scrolling, full screen and the distraction-free view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import type_text

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
PARAGRAPHS = "\n\n".join(f"فقرة رقم {i} فيها كلام كثير عن الموضوع" for i in range(60))


def _grab(window):
    window.editor.viewport().repaint()
    return window.editor.viewport().grab().toImage()


def _ink(image, y: int) -> int:
    """Darkest grey level on row `y` (text is dark, dimmed text is light)."""
    return min(image.pixelColor(x, y).lightness() for x in range(0, image.width(), 2))


def test_focus_mode_dims_all_but_the_current_paragraph(window, qtbot):
    editor = window.editor
    editor.set_body(PARAGRAPHS)
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(6).position() + 3)
    editor.setTextCursor(cursor)
    current = editor.cursorRect().center().y()
    other = editor.cursorRect(QTextCursor(editor.document().findBlockByNumber(2))).center().y()
    before = _grab(window)
    assert _ink(before, other) < 100  # plain dark text
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL_ALT)
    assert window.view_modes.focus.isChecked()
    qtbot.wait(50)
    after = _grab(window)
    assert _ink(after, other) > _ink(before, other) + 60  # other paragraphs are dimmed
    assert _ink(after, current) < 100  # the current one is not
    # moving to another paragraph moves the light
    cursor.setPosition(editor.document().findBlockByNumber(2).position())
    editor.setTextCursor(cursor)
    moved = _grab(window)
    assert _ink(moved, other) < 100 and _ink(moved, current) > 150
    type_text(editor, "س")  # typing works as usual
    assert editor.document().findBlockByNumber(2).text().startswith("س")
    assert window.settings.view_flag("focus_mode")
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL_ALT)
    assert _ink(_grab(window), current) < 100


def test_typewriter_scrolling_keeps_the_caret_line_in_the_middle(window, qtbot):
    editor = window.editor
    editor.set_body(PARAGRAPHS)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_T, CTRL_ALT)
    assert window.view_modes.typewriter_action.isChecked()
    middle = editor.viewport().height() / 2
    for line in (20, 60, 118):  # the last line too
        cursor = editor.textCursor()
        cursor.setPosition(editor.document().findBlockByNumber(line).position())
        editor.setTextCursor(cursor)
        assert abs(editor.cursorRect().center().y() - middle) <= editor.fontMetrics().height()
    type_text(editor, "\nسطر جديد")
    assert abs(editor.cursorRect().center().y() - middle) <= editor.fontMetrics().height()
    qtbot.keyClick(editor, Qt.Key.Key_T, CTRL_ALT)
    bar = editor.verticalScrollBar()
    assert bar.maximum() == max(0, round(editor.document().size().height()) - editor.viewport().height())


def test_distraction_free_hides_panels_and_restores_them(window, qtbot):
    assert window.side_dock.isVisible() and window.preview.isVisible() and window.toolbar.isVisible()
    qtbot.keyClick(
        window.editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert not window.side_dock.isVisible()
    assert not window.preview.isVisible()
    assert not window.toolbar.isVisible()
    assert window.editor.isVisible() and window.editor.hasFocus()
    window.view_modes.distraction_free.trigger()
    assert window.side_dock.isVisible() and window.preview.isVisible() and window.toolbar.isVisible()


def test_f11_switches_full_screen(window, qtbot):
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    assert window.view_modes.full_screen.isChecked()
    qtbot.waitUntil(lambda: window.isFullScreen(), timeout=3000)
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=3000)
