"""After a keystroke only the lines that can have changed are repainted, and the screen is right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication

from editor.ui.editor.highlighter import MarkdownHighlighter
from editor.ui.editor.markdown_edit import MarkdownEdit
from tests.ui.conftest import type_text

WORDS = "والتقى الوفد بالمسؤولين في الرباط لبحث سبل التعاون الاقتصادي بين البلدين".split()
PARAGRAPH = " ".join(WORDS[i % len(WORDS)] for i in range(120))
BODY = f"# عنوان\n\n{PARAGRAPH}\n\nفقرة قصيرة بعدها"


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list = []

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


@pytest.fixture
def editor(qtbot):
    flash = QApplication.cursorFlashTime()
    QApplication.setCursorFlashTime(0)  # the caret does not blink: two grabs can be compared
    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    MarkdownHighlighter(edit.document(), edit.palette())
    edit.resize(420, 640)
    edit.show()
    qtbot.waitExposed(edit)
    edit.set_body(BODY)
    edit.setFocus()
    yield edit
    QApplication.setCursorFlashTime(flash)


def _settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def _on_screen(edit):
    """What the window shows now (the backing store), then what a full repaint shows."""
    screen = QGuiApplication.primaryScreen()
    shown = screen.grabWindow(edit.winId()).toImage()
    edit.viewport().repaint()
    return shown, screen.grabWindow(edit.winId()).toImage()


def _put(edit, position: int) -> None:
    cursor = edit.textCursor()
    cursor.setPosition(position)
    edit.setTextCursor(cursor)


def _paragraph(edit):
    return edit.document().findBlockByNumber(2)


def test_typing_at_the_end_of_a_paragraph_repaints_its_last_lines(editor, qtbot):
    block = _paragraph(editor)
    assert block.layout().lineCount() >= 8
    _put(editor, block.position() + block.length() - 1)
    type_text(editor, "س")  # (the first edit takes over Qt's repaint forwarding)
    _settle(qtbot)
    paints = _Paints()
    editor.viewport().installEventFilter(paints)
    type_text(editor, " كلمة")
    _settle(qtbot)
    line_height = block.layout().lineAt(0).height()
    assert paints.rects, "nothing repainted"
    assert max(r.height() for r in paints.rects) <= 3 * line_height + 4  # not the paragraph's 8+ lines
    shown, whole = _on_screen(editor)
    assert shown == whole


@pytest.mark.parametrize(
    "edit",
    [
        "end",  # words and spaces at the end
        "line start",  # at the start of a middle line (the line above may take the word back)
        "backspace at line start",
        "latin and digits",  # other directions in the Arabic line
        "bold closed",  # `**` typed after an opening far above: the lines above turn bold
        "neutral run",  # punctuation over whole lines above the edit
        "word pushed down",  # the last word of a line grows: it moves to the next line
    ],
)
def test_the_screen_after_each_key_is_what_a_full_repaint_shows(editor, qtbot, edit):
    block = _paragraph(editor)
    layout = block.layout()
    end = block.position() + block.length() - 1
    if edit == "bold closed":
        _put(editor, block.position())
        type_text(editor, "**")
        _put(editor, _paragraph(editor).position() + _paragraph(editor).length() - 1)
        keys = ["**", " نص"]
    elif edit == "neutral run":  # a Latin letter after it: the run's lines turn left to right
        _put(editor, block.position() + layout.lineAt(3).textStart())
        type_text(editor, " English words" + " ( - , . ; / ) [ ] !" * 10)
        keys = ["A", "ب"]
    elif edit == "word pushed down":
        _put(editor, block.position() + layout.lineAt(4).textStart() - 1)  # before the line's last space
        keys = ["ب"] * 12
    elif edit == "end":
        _put(editor, end)
        keys = [" ", "كلمة", " ", "أخرى"]
    else:
        _put(editor, block.position() + layout.lineAt(4).textStart())
        keys = {"line start": ["س", " ", "ص"], "latin and digits": ["A", "b", " 12", "x"]}.get(edit, [])
    _settle(qtbot)
    shown, whole = _on_screen(editor)
    assert shown == whole
    if edit == "backspace at line start":
        for _ in range(3):
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    editor, QKeyEvent(kind, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier)
                )
            _settle(qtbot)
            shown, whole = _on_screen(editor)
            assert shown == whole
    for key in keys:
        type_text(editor, key)
        _settle(qtbot)
        shown, whole = _on_screen(editor)
        assert shown == whole, f"stale pixels after typing {key!r}"


def test_a_new_line_and_a_direction_change_are_repainted_whole(editor, qtbot):
    block = _paragraph(editor)
    _put(editor, block.position() + block.layout().lineAt(5).textStart() + 2)
    type_text(editor, "\n")
    _settle(qtbot)
    shown, whole = _on_screen(editor)
    assert shown == whole
    last = editor.document().lastBlock()  # «فقرة قصيرة بعدها»
    _put(editor, last.position())
    type_text(editor, "An English line now outweighs the Arabic words ")
    _settle(qtbot)
    assert editor.block_direction(editor.document().lastBlock()) == "ltr"
    shown, whole = _on_screen(editor)
    assert shown == whole


def test_a_paragraph_with_an_isolate_is_repainted_whole(editor, qtbot):
    block = _paragraph(editor)
    _put(editor, block.position() + block.layout().lineAt(2).textStart())
    type_text(editor, "\u2067نص معزول\u2069 ")
    _put(editor, block.position() + block.length() - 1)
    _settle(qtbot)
    paints = _Paints()
    editor.viewport().installEventFilter(paints)
    type_text(editor, "س")
    _settle(qtbot)
    assert max(r.height() for r in paints.rects) > 6 * block.layout().lineAt(0).height()
    shown, whole = _on_screen(editor)
    assert shown == whole


def test_an_edit_never_laid_out_does_not_narrow_a_later_update(editor, qtbot):
    from editor.ui.editor import repaint_area

    block = _paragraph(editor)
    _put(editor, block.position() + block.length() - 1)
    type_text(editor, "س")
    helper = editor._edit_repaint
    helper.edited(block.position() + block.length() - 2)  # as if Qt had not laid this edit out
    _settle(qtbot)  # (the next turn of the event loop drops it)
    assert helper._pending is None
    seen: list = []
    helper._repaint = seen.append
    helper._layout_update(repaint_area.QRectF(0, 0, 400, 900))  # (an update of anything else)
    assert seen and seen[0].height() == 900  # repainted as Qt would
